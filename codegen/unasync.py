"""Generate the sync twin: ``src/_async`` -> ``src/_sync`` and ``tests/_async`` -> ``tests/_sync``.

Run ``python -m codegen.unasync`` to (re)write the generated trees, or ``python -m codegen.unasync --check``
to compare them with what would be generated, without writing anything.

How a file is rewritten:

1. Tokens (``tokenize_rt``): the ``async``/``await`` keywords are dropped (``async def``, ``async for``,
   ``async with``, ``await x``) and every NAME token found in the replacement map is swapped whole.
2. Strings and comments: whole words found in the map are swapped too, so ``__all__`` entries, forward
   references, ``mock.patch`` targets and docstrings read right in the sync twin. Inline code (between
   backticks) in docstrings and comments loses its ``async``/``await`` keywords as code does: the example
   ``async with client as c`` reads ``with client as c`` in the sync twin. Prose must read right in both.
3. ``ruff check --fix --select I,F401`` (renames can leave duplicate or unused imports) and ``ruff format``,
   through the one formatting step of ``codegen/_ruff.py``, then a first-line do-not-edit header.

The replacement map is ``REPLACEMENTS`` below plus one pattern: every ``class Async<X>`` defined under
``src/_async/resources/`` becomes ``<X>``. The generator refuses to guess: any identifier that still says
"async" and that no rule covers, any ``asyncio``/``anyio`` use inside ``src/_async/`` (the sync/async pairs live
in ``src/_concurrency.py``), any ``asyncio``/``anyio`` left in a generated file, and any docstring or comment
whose sync twin would still speak of ``await``, ``async for``/``async with``, coroutines or event loops outside
inline code are errors naming file and line.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import tokenize_rt  # type: ignore[import-untyped]

from codegen._ruff import RuffError, fix_imports, format_code

__all__ = [
    "REPLACEMENTS",
    "TREES",
    "UnasyncError",
    "build_replacements",
    "check",
    "compare",
    "generate",
    "main",
    "render",
    "resource_class_replacements",
    "rewrite_source",
    "transform_source",
    "write",
]

#: Exact token -> replacement. Applied to whole NAME tokens and to whole words inside strings and comments.
#: No replacement may itself be a key: the rewrite is a single pass and must not depend on order.
REPLACEMENTS: dict[str, str] = {
    # The async protocol's names and the standard library's async types.
    "__aenter__": "__enter__",
    "__aexit__": "__exit__",
    "__aiter__": "__iter__",
    "__anext__": "__next__",
    "asynccontextmanager": "contextmanager",
    "AsyncIterable": "Iterable",
    "AsyncIterator": "Iterator",
    "AsyncGenerator": "Generator",
    "StopAsyncIteration": "StopIteration",
    # Module paths.
    "_async": "_sync",
    # Clients.
    "AsyncOpenAI": "OpenAI",
    "AsyncAzureOpenAI": "AzureOpenAI",
    "AsyncBedrockOpenAI": "BedrockOpenAI",
    "AsyncAPIClient": "SyncAPIClient",
    "AsyncAPIResource": "SyncAPIResource",
    # Streaming, pagination and responses.
    "AsyncStream": "Stream",
    "AsyncPage": "SyncPage",
    "AsyncCursorPage": "SyncCursorPage",
    "AsyncConversationCursorPage": "SyncConversationCursorPage",
    "AsyncNextCursorPage": "SyncNextCursorPage",
    "AsyncPaginator": "SyncPaginator",
    "AsyncAPIResponse": "APIResponse",
    "AsyncResponseContextManager": "ResponseContextManager",
    # httpx and our wrappers around it.
    "DefaultAsyncHttpxClient": "DefaultHttpxClient",
    "DefaultAsyncHttpx2Client": "DefaultHttpx2Client",
    "AsyncClient": "Client",
    "AsyncHTTPTransport": "HTTPTransport",
    "AsyncBaseTransport": "BaseTransport",
    "AsyncByteStream": "SyncByteStream",
    "aclose": "close",
    "aread": "read",
    "aiter_bytes": "iter_bytes",
    "aiter_lines": "iter_lines",
    "aiter_raw": "iter_raw",
    "aiter_text": "iter_text",
    # The pair module, src/_concurrency.py.
    "async_sleep": "sync_sleep",
    "async_close_shielded": "sync_close_shielded",
    "async_read_part": "sync_read_part",
    "async_resolve_key": "sync_resolve_key",
    "async_platform_tag": "sync_platform_tag",
    "AsyncWebSocket": "SyncWebSocket",
    "AsyncWebSocketOpener": "SyncWebSocketOpener",
    "async_ws_connect": "sync_ws_connect",
    "async_ws_close": "sync_ws_close",
    "async_call_handler": "sync_call_handler",
    # The websocket sessions' shared bases, src/_async/resources/_websocket_connection.py.
    "BaseAsyncRealtimeConnectionResource": "BaseRealtimeConnectionResource",
    "BaseAsyncResponsesConnectionResource": "BaseResponsesConnectionResource",
    # The Bedrock signing pair, src/_bedrock.py.
    "async_sign_request": "sync_sign_request",
    # openai.auth.WorkloadIdentityAuth's pair of token getters.
    "get_token_async": "get_token",
    "AsyncCall": "SyncCall",
    # The views' call types, src/_view_types.py.
    "AsyncMethod": "SyncMethod",
    "AsyncRawCallable": "SyncRawCallable",
    "AsyncStreamedCallable": "SyncStreamedCallable",
    "AsyncLoopGuard": "SyncLoopGuard",
    # The stream helpers, src/_async/_helpers/streams.py and assistant_stream.py.
    "AsyncEventStream": "EventStream",
    "AsyncStreamManager": "StreamManager",
    "AsyncChatCompletionStream": "ChatCompletionStream",
    "AsyncChatCompletionStreamManager": "ChatCompletionStreamManager",
    "AsyncResponseStream": "ResponseStream",
    "AsyncResponseStreamManager": "ResponseStreamManager",
    "AsyncAssistantEventHandler": "AssistantEventHandler",
    "AsyncAssistantStreamManager": "AssistantStreamManager",
    # Test helpers and fixtures.
    "async_transports": "sync_transports",
    "async_client": "sync_client",
    "make_async_client": "make_sync_client",
    "make_async_http_client": "make_sync_http_client",
}

#: Source tree -> generated tree, relative to the repository root.
TREES: tuple[tuple[str, str], ...] = (
    ("src/_async", "src/_sync"),
    ("tests/_async", "tests/_sync"),
)

#: Where ``class Async<X>`` definitions turn into the ``Async<X> -> <X>`` pattern rule.
RESOURCES_DIR = "src/_async/resources"

#: Where asyncio/anyio are banned outright; elsewhere (tests) only the generated output must be free of them.
STRICT_TREE = "src/_async"

HEADER = "# Generated by codegen/unasync.py from {source}. Do not edit by hand; run `make codegen`."

_EVENT_LOOP_MODULES = frozenset({"asyncio", "anyio"})
_ASYNC_KEYWORDS = frozenset({"async", "await"})
_STRING_TOKENS = frozenset({"STRING", "FSTRING_MIDDLE", "TSTRING_MIDDLE"})
_WORD = re.compile(r"[A-Za-z_]\w*")
# Splits one snake_case chunk into CamelCase parts: "AsyncHTTPTransport" -> Async, HTTP, Transport.
_CAMEL_PART = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_DIFF_EXCERPT_LINES = 12


class UnasyncError(Exception):
    """Generation refused; ``problems`` holds one ``path:line: message`` string per problem."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def _name_parts(name: str) -> list[str]:
    return [part for chunk in name.split("_") for part in _CAMEL_PART.findall(chunk)]


def _says_async(name: str) -> bool:
    """Whether an identifier has "async" as one of its words (``AsyncFoo``, ``foo_async``, ``is_async_x``)."""
    return any(part.lower() == "async" for part in _name_parts(name))


def _is_async_class_name(word: str) -> bool:
    """Whether a word inside a string looks like an async class name (``AsyncFoo``), not prose ("Async")."""
    parts = _name_parts(word)
    return len(parts) > 1 and "Async" in parts


def resource_class_replacements(root: Path) -> dict[str, str]:
    """Map every ``class Async<X>`` defined under ``src/_async/resources/`` to ``<X>``."""
    found: dict[str, str] = {}
    problems: list[str] = []
    resources = root / RESOURCES_DIR
    for path in _python_files(resources):
        rel = path.relative_to(root).as_posix()
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
        except SyntaxError as exc:
            problems.append(f"{rel}:{exc.lineno}: syntax error: {exc.msg}")
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and re.fullmatch(r"Async[A-Z]\w*", node.name):
                found[node.name] = node.name[len("Async") :]
    if problems:
        raise UnasyncError(problems)
    return found


def build_replacements(root: Path) -> dict[str, str]:
    """The full map for a tree: the resource-class pattern, then ``REPLACEMENTS`` (which holds unasync's
    own defaults, as a test checks) on top."""
    merged = {**resource_class_replacements(root), **REPLACEMENTS}
    chained = sorted(value for value in merged.values() if value in merged)
    if chained:
        raise UnasyncError(
            [f"codegen/unasync.py: replacement `{name}` is also a key; the map must not chain" for name in chained]
        )
    return merged


@dataclass(frozen=True)
class _Rewriter:
    """One compiled replacement map: whole NAME tokens, and a whole-word pattern for strings and comments."""

    replacements: dict[str, str]
    words: re.Pattern[str]

    @classmethod
    def create(cls, replacements: Mapping[str, str]) -> _Rewriter:
        effective = dict(replacements)
        keys = sorted(effective, key=lambda key: (-len(key), key))
        words = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)")
        return cls(effective, words)

    def replace_words(self, text: str) -> str:
        return self.words.sub(lambda match: self.replacements[match.group(0)], text)

    def replace_names(self, tokens: Sequence[tokenize_rt.Token]) -> list[tokenize_rt.Token]:
        """Drop the ``async``/``await`` keywords with the space after them; swap every mapped NAME token."""
        out: list[tokenize_rt.Token] = []
        after_keyword = False
        for token in tokens:
            if after_keyword and token.name == "UNIMPORTANT_WS":
                # `print(await x)` becomes `print(x)`, not `print( x)`.
                after_keyword = False
                continue
            after_keyword = token.name == "NAME" and token.src in _ASYNC_KEYWORDS
            if after_keyword:
                continue
            if token.name == "NAME" and token.src in self.replacements:
                token = token._replace(src=self.replacements[token.src])
            out.append(token)
        return out


# Inline code in docstrings and comments, ``like this`` or `like this`: rewritten as code is.
_CODE_SPAN = re.compile(r"``.+?``|`[^`\n]+`", re.DOTALL)
_CODE_KEYWORDS = re.compile(r"\basync\s+(?=(?:with|for)\b)|\bawait\s+")
# What the sync twin's docstrings and comments must not say once inline code is rewritten.
_ASYNC_PROSE = re.compile(
    r"\b(?:await(?:s|ed|ing|able|ables)?|async\s+(?:for|with)|coroutines?|event[ -]loops?)\b", re.IGNORECASE
)


def _sync_prose(text: str) -> str:
    """A docstring's or comment's text with ``async with``/``async for``/``await`` dropped from its inline code."""
    return _CODE_SPAN.sub(lambda span: _CODE_KEYWORDS.sub("", span.group(0)), text)


def _docstring_positions(tree: ast.Module) -> set[tuple[int, int]]:
    """(line, column) of every string standing alone as a statement: the docstrings of modules, classes and
    functions, and those written under attributes."""
    return {
        (node.lineno, node.col_offset)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
    }


def _in_tree(source_path: str, tree: str) -> bool:
    return PurePosixPath(source_path).is_relative_to(tree)


def _blank_asyncio_markers(text: str, tree: ast.Module) -> str:
    """Blank ``@pytest.mark.asyncio`` and ``pytestmark = pytest.mark.asyncio`` lines (those two forms only).

    Lines are blanked rather than removed so that error line numbers still match the source; ruff format
    then drops the empty lines.
    """
    lines = text.splitlines(keepends=True)
    targets: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            targets.extend((decorator.lineno, "@pytest.mark.asyncio") for decorator in node.decorator_list)
        elif isinstance(node, ast.Assign) and node in tree.body:
            targets.append((node.lineno, "pytestmark = pytest.mark.asyncio"))
    for lineno, form in targets:
        line = lines[lineno - 1]
        if line.strip() == form:
            lines[lineno - 1] = "\n" if line.endswith("\n") else ""
    return "".join(lines)


def _token_line(token: tokenize_rt.Token, start: int = 0) -> int:
    """Line of a token, or of offset ``start`` inside a multi-line token."""
    line: int = token.line or 0
    src: str = token.src
    return line + src.count("\n", 0, start)


def _rewrite(text: str, source_path: str, rewriter: _Rewriter) -> str:
    """Rewrite one source file's text; raise UnasyncError listing every problem found in it."""
    try:
        tree = ast.parse(text, filename=source_path)
    except SyntaxError as exc:
        raise UnasyncError([f"{source_path}:{exc.lineno}: syntax error: {exc.msg}"]) from exc
    strict = _in_tree(source_path, STRICT_TREE)
    if not strict:
        text = _blank_asyncio_markers(text, tree)
    docstrings = _docstring_positions(tree)
    # One problem per name per file, at its first use: a name used forty times needs one rule, not forty lines.
    problems: dict[str, str] = {}
    tokens: list[tokenize_rt.Token] = tokenize_rt.src_to_tokens(text)
    for index, token in enumerate(tokens):
        if token.name == "NAME":
            name: str = token.src
            if strict and name in _EVENT_LOOP_MODULES:
                problems.setdefault(
                    name,
                    f"{source_path}:{token.line}: `{name}` used inside {STRICT_TREE}/; "
                    "put the sync/async pair in src/_concurrency.py",
                )
            elif name not in _ASYNC_KEYWORDS and name not in rewriter.replacements and _says_async(name):
                problems.setdefault(
                    name,
                    f"{source_path}:{token.line}: no rule for `{name}`; "
                    "add it to REPLACEMENTS in codegen/unasync.py or rename it",
                )
        elif token.name in _STRING_TOKENS:
            for match in _WORD.finditer(token.src):
                word = match.group(0)
                if word not in rewriter.replacements and _is_async_class_name(word):
                    problems.setdefault(
                        word,
                        f"{source_path}:{_token_line(token, match.start())}: no rule for `{word}` (in a string); "
                        "add it to REPLACEMENTS in codegen/unasync.py or rename it",
                    )
            src = rewriter.replace_words(token.src)
            if (token.line, token.utf8_byte_offset) in docstrings:
                src = _sync_prose(src)
                _refuse_async_prose(token._replace(src=src), "docstring", source_path, problems)
            tokens[index] = token._replace(src=src)
        elif token.name == "COMMENT":
            tokens[index] = token._replace(src=_sync_prose(rewriter.replace_words(token.src)))
            _refuse_async_prose(tokens[index], "comment", source_path, problems)
    if problems:
        raise UnasyncError(list(problems.values()))
    return _first_page_types(tokenize_rt.tokens_to_src(rewriter.replace_names(tokens)))


def _refuse_async_prose(token: tokenize_rt.Token, where: str, source_path: str, problems: dict[str, str]) -> None:
    """Record every place where a rewritten docstring or comment still speaks of async code."""
    for match in _ASYNC_PROSE.finditer(token.src):
        line = _token_line(token, match.start())
        problems.setdefault(
            f"{line}:{match.start()}",
            f"{source_path}:{line}: the sync twin's {where} would still say `{match.group(0)}`; "
            "phrase it for both twins (async keywords inside inline code are dropped)",
        )


_PAGINATOR_TYPE = "SyncPaginator["


def _first_page_types(text: str) -> str:
    """The one named shape difference between the twins: an async ``list()`` returns an
    ``AsyncPaginator[Item, Page]`` (awaitable and async-iterable), the sync one returns ``Page`` itself.

    So the type ``SyncPaginator[Item, Page]`` becomes ``Page``; the call ``SyncPaginator(...)`` stays
    and the pair module defines it as "fetch the first page".
    """
    out: list[str] = []
    position = 0
    while (start := text.find(_PAGINATOR_TYPE, position)) >= 0:
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
            out.append(text[position : start + len(_PAGINATOR_TYPE)])
            position = start + len(_PAGINATOR_TYPE)
            continue
        depth = 1
        comma = -1
        index = start + len(_PAGINATOR_TYPE)
        while depth:
            char = text[index]
            if char in "[(":
                depth += 1
            elif char in "])":
                depth -= 1
            elif char == "," and depth == 1 and comma < 0:
                comma = index
            index += 1
        if comma < 0:
            raise UnasyncError([f"SyncPaginator[...] needs two type arguments (item, page): {text[start:index]}"])
        out.append(text[position:start])
        out.append(text[comma + 1 : index - 1].strip().rstrip(","))
        position = index
    out.append(text[position:])
    return "".join(out)


def rewrite_source(text: str, source_path: str, replacements: Mapping[str, str] | None = None) -> str:
    """Token-level rewrite of one file, without formatting or header.

    ``source_path`` is the file's path relative to the repository root (``src/_async/_client.py``); it decides
    whether asyncio/anyio are banned (``src/_async``) and whether pytest asyncio markers are dropped (tests).
    ``replacements`` defaults to ``REPLACEMENTS`` (without the resource-class pattern, which needs a tree).
    """
    return _rewrite(text, source_path, _Rewriter.create(REPLACEMENTS if replacements is None else replacements))


def _output_path(source_path: str) -> str:
    for source_tree, output_tree in TREES:
        if _in_tree(source_path, source_tree):
            relative = PurePosixPath(source_path).relative_to(source_tree)
            return (PurePosixPath(output_tree) / relative).as_posix()
    raise UnasyncError([f"{source_path}: not inside any of {', '.join(tree for tree, _ in TREES)}"])


def _leftover_event_loop_names(text: str, output_path: str, source_path: str) -> list[str]:
    return [
        f"{output_path}:{token.line}: generated sync code still uses `{token.src}` (from {source_path}); "
        "map it with a rule in codegen/unasync.py or move it out of the async source"
        for token in tokenize_rt.src_to_tokens(text)
        if token.name == "NAME" and token.src in _EVENT_LOOP_MODULES
    ]


def _finish(rewritten: Mapping[str, str], root: Path) -> dict[str, str]:
    """Fix imports, add the header, format: source path -> rewritten text in, output path -> file text out.

    Raises UnasyncError naming every generated file where an event-loop name survived.
    """
    outputs = {source_path: _output_path(source_path) for source_path in rewritten}
    try:
        fixed = fix_imports({outputs[path]: text for path, text in rewritten.items()}, root, ("I", "F401"))
        # The header goes in after the import fix (isort would treat a comment above the first import as that
        # import's own) and before formatting, so the file on disk is exactly what `ruff format` wants.
        headed = {
            outputs[path]: HEADER.format(source=path) + "\n" + fixed[outputs[path]].lstrip("\n") for path in rewritten
        }
        formatted = format_code(headed, root)
    except RuffError as exc:
        raise UnasyncError([f"codegen/unasync.py: {problem}" for problem in exc.problems]) from exc
    leftovers = [
        problem
        for path in rewritten
        for problem in _leftover_event_loop_names(formatted[outputs[path]], outputs[path], path)
    ]
    if leftovers:
        raise UnasyncError(leftovers)
    return formatted


def transform_source(
    text: str,
    source_path: str,
    *,
    root: Path | None = None,
    replacements: Mapping[str, str] | None = None,
) -> str:
    """Generate one sync file from one async file's text: rewrite, fix imports, format, add the header.

    ``root`` is the repository root, where ruff looks for first-party modules (default: the current directory).
    """
    rewritten = rewrite_source(text, source_path, replacements)
    return _finish({source_path: rewritten}, Path.cwd() if root is None else root)[_output_path(source_path)]


def _python_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(path for path in directory.rglob("*.py") if path.is_file())


def _sources(root: Path) -> list[str]:
    if not (root / STRICT_TREE).is_dir():
        # Without this, generating from the wrong directory would delete every generated file as stray.
        raise UnasyncError([f"{root / STRICT_TREE}: no such directory; pass the repository root"])
    return [path.relative_to(root).as_posix() for source_tree, _ in TREES for path in _python_files(root / source_tree)]


def render(root: Path) -> dict[Path, str]:
    """Generate every sync file in memory: output path (relative to ``root``) -> text. Writes nothing."""
    rewriter = _Rewriter.create(build_replacements(root))
    problems: list[str] = []
    rewritten: dict[str, str] = {}
    for source_path in _sources(root):
        try:
            rewritten[source_path] = _rewrite((root / source_path).read_text(encoding="utf-8"), source_path, rewriter)
        except UnasyncError as exc:
            problems.extend(exc.problems)
    if problems:
        raise UnasyncError(problems)
    return {Path(path): text for path, text in _finish(rewritten, root).items()}


def _stray_files(root: Path, outputs: Iterable[Path]) -> list[Path]:
    expected = set(outputs)
    return [
        path.relative_to(root)
        for _, output_tree in TREES
        for path in _python_files(root / output_tree)
        if path.relative_to(root) not in expected
    ]


def _source_of(output_path: Path) -> str:
    for source_tree, output_tree in TREES:
        if _in_tree(output_path.as_posix(), output_tree):
            return (
                PurePosixPath(source_tree) / PurePosixPath(output_path.as_posix()).relative_to(output_tree)
            ).as_posix()
    return "?"


def generate(root: Path) -> dict[Path, str]:
    """Render, then :func:`write`; return what was generated. Nothing is written when any file fails to generate."""
    root = root.resolve()
    outputs = render(root)
    write(root, outputs)
    return outputs


def write(root: Path, outputs: Mapping[Path, str]) -> None:
    """Write every file of ``outputs`` (a :func:`render` of this tree) that differs, and delete stray ones."""
    for relative, text in outputs.items():
        target = root / relative
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
    for relative in _stray_files(root, outputs):
        (root / relative).unlink()
        _remove_empty_parents(root / relative, root)


def _remove_empty_parents(path: Path, root: Path) -> None:
    output_trees = {root / output_tree for _, output_tree in TREES}
    parent = path.parent
    while parent not in output_trees and root in parent.parents and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent


def _diff_excerpt(on_disk: str, expected: str, path: str) -> list[str]:
    diff = list(
        difflib.unified_diff(
            on_disk.splitlines(),
            expected.splitlines(),
            fromfile=f"{path} (on disk)",
            tofile=f"{path} (generated)",
            n=1,
            lineterm="",
        )
    )
    excerpt = diff[:_DIFF_EXCERPT_LINES]
    if len(diff) > len(excerpt):
        excerpt.append(f"... {len(diff) - len(excerpt)} more diff lines")
    return ["    " + line for line in excerpt]


def check(root: Path) -> list[str]:
    """Compare the generated trees on disk with a fresh in-memory generation; see :func:`compare`."""
    return compare(root, render(root))


def compare(root: Path, outputs: Mapping[Path, str]) -> list[str]:
    """Compare the generated trees on disk with ``outputs`` (a :func:`render`); return one report per bad file.

    Each report's first line names the file and what is wrong (differs, missing, stray); a differing file's
    report continues with a short unified diff excerpt. An empty list means everything is current.
    """
    reports: list[str] = []
    for relative, expected in sorted(outputs.items()):
        target = root / relative
        path = relative.as_posix()
        if not target.is_file():
            reports.append(f"missing: {path} (from {_source_of(relative)})")
            continue
        on_disk = target.read_text(encoding="utf-8")
        if on_disk != expected:
            reports.append(
                "\n".join([f"differs: {path} (from {_source_of(relative)})", *_diff_excerpt(on_disk, expected, path)])
            )
    reports.extend(
        f"stray: {relative.as_posix()} (no source in {_source_of(relative).rsplit('/', 1)[0]})"
        for relative in _stray_files(root, outputs)
    )
    return reports


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m codegen.unasync", description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument(
        "--check", action="store_true", help="fail if the generated files are not current; write nothing"
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=Path(__file__).resolve().parent.parent,
        help="repository root (default: the checkout this script is in)",
    )
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    try:
        if args.check:
            reports = check(root)
            for report in reports:
                print(report)
            if reports:
                print(f"{len(reports)} generated file(s) out of date; run `make codegen`.")
                return 1
            print("generated files are current")
            return 0
        before = {path: path.read_bytes() for _, tree in TREES for path in _python_files(root / tree)}
        outputs = generate(root)
    except UnasyncError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"codegen/unasync.py: {len(exc.problems)} problem(s); nothing written.", file=sys.stderr)
        return 1
    written = [path for path in outputs if before.get(root / path) != outputs[path].encode("utf-8")]
    deleted = sorted(path for path in before if not path.exists())
    for path in written:
        print(f"wrote {path.as_posix()}")
    for absolute in deleted:
        print(f"deleted {absolute.relative_to(root).as_posix()}")
    print(f"{len(outputs)} generated file(s): {len(written)} written, {len(deleted)} stray deleted.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

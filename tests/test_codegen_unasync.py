"""The unasync step: rewriting rules, refusals, and generate/--check on a temporary tree."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    # The console-script pytest does not put the repository root on sys.path; codegen is not installed.
    sys.path.insert(0, str(REPO))

from codegen import unasync as gen  # noqa: E402


def rewrite(source: str, path: str = "src/_async/mod.py") -> str:
    return gen.rewrite_source(textwrap.dedent(source), path)


def write(root: Path, relative: str, source: str) -> None:
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(textwrap.dedent(source), encoding="utf-8")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A small repository: one resource, one core module, one test, and the real ruff configuration."""
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    write(tmp_path, "src/_async/__init__.py", "")
    write(tmp_path, "src/_async/resources/__init__.py", "")
    write(
        tmp_path,
        "src/_async/resources/chat.py",
        '''\
        """Chat resources."""

        from __future__ import annotations

        from typing import AsyncIterator

        from .._concurrency import async_sleep
        from .._resource import AsyncAPIResource
        from .._streaming import AsyncStream

        __all__ = ["AsyncCompletions", "AsyncChatWithRawResponse"]


        class AsyncCompletions(AsyncAPIResource):
            """Create completions; `AsyncCompletions.create` returns AsyncStream objects when streaming."""

            async def create(self, *, stream: bool = False) -> AsyncStream[str]:
                await async_sleep(0)
                return await self._post("/chat/completions", stream=stream)

            async def __aiter__(self) -> AsyncIterator[str]:
                async for chunk in await self.create(stream=True):
                    yield chunk.strip()


        class AsyncChatWithRawResponse:
            def __init__(self, completions: AsyncCompletions) -> None:
                self.completions = completions
        ''',
    )
    write(
        tmp_path,
        "src/_async/_client.py",
        """\
        import httpx

        from .resources.chat import AsyncCompletions


        class AsyncOpenAI:
            def __init__(self) -> None:
                self._http = httpx.AsyncClient()
                self.completions = AsyncCompletions()

            async def close(self) -> None:
                await self._http.aclose()

            async def __aenter__(self) -> "AsyncOpenAI":
                return self

            async def __aexit__(self, *args: object) -> None:
                await self.close()
        """,
    )
    write(
        tmp_path,
        "tests/_async/test_chat.py",
        """\
        import pytest

        from openai import AsyncOpenAI
        from openai._async.resources.chat import AsyncCompletions

        pytestmark = pytest.mark.asyncio


        @pytest.mark.asyncio
        async def test_create(async_client: AsyncOpenAI) -> None:
            async with async_client as client:
                assert isinstance(client.completions, AsyncCompletions)
        """,
    )
    return tmp_path


# --- the token rewrite -------------------------------------------------------------------------------------


def test_async_syntax_becomes_sync() -> None:
    source = """\
        async def fetch(client, items):
            async with client.stream() as response:
                async for line in response.lines():
                    await client.handle(line)
            values = [await item for item in items]
            return [x async for x in await client.pages()]
        """
    assert rewrite(source) == textwrap.dedent(
        """\
        def fetch(client, items):
            with client.stream() as response:
                for line in response.lines():
                    client.handle(line)
            values = [item for item in items]
            return [x for x in client.pages()]
        """
    )


@pytest.mark.parametrize(("name", "expected"), sorted(gen.REPLACEMENTS.items()))
def test_every_map_entry_replaces_whole_names(name: str, expected: str) -> None:
    source = f"x = {name}\ny = obj.{name}  # {name} but not {name}x\n"
    assert rewrite(source) == f"x = {expected}\ny = obj.{expected}  # {expected} but not {name}x\n"


def test_map_covers_the_async_protocol_and_does_not_chain() -> None:
    protocol = {
        "__aenter__": "__enter__",
        "__aexit__": "__exit__",
        "__aiter__": "__iter__",
        "__anext__": "__next__",
        "asynccontextmanager": "contextmanager",
        "AsyncIterable": "Iterable",
        "AsyncIterator": "Iterator",
        "AsyncGenerator": "Generator",
        "StopAsyncIteration": "StopIteration",
    }
    assert protocol.items() <= gen.REPLACEMENTS.items()
    assert not set(gen.REPLACEMENTS.values()) & set(gen.REPLACEMENTS)


def test_keywords_go_with_the_space_after_them_only() -> None:
    assert rewrite("async def f():\n    return (await g(), await\th())\n") == "def f():\n    return (g(), h())\n"


def test_families_in_context() -> None:
    source = """\
        import httpx
        from openai._async._client import AsyncOpenAI, AsyncAzureOpenAI
        from .._concurrency import AsyncCall, async_sleep, async_read_part


        class AsyncPageLike(AsyncPage[Model]):
            async def __anext__(self):
                raise StopAsyncIteration


        async def body(response: httpx.Response, transport: httpx.AsyncBaseTransport) -> bytes:
            client = httpx.AsyncClient(transport=httpx.AsyncHTTPTransport())
            async for chunk in response.aiter_bytes():
                await async_sleep(0)
            await async_read_part(reader, 10)
            return await response.aread()
        """
    with pytest.raises(gen.UnasyncError, match="AsyncPageLike"):
        rewrite(source)
    result = rewrite(source.replace("AsyncPageLike", "Pager"))
    assert "from openai._sync._client import OpenAI, AzureOpenAI" in result
    assert "from .._concurrency import SyncCall, sync_sleep, sync_read_part" in result
    assert "class Pager(SyncPage[Model]):" in result
    assert "def __next__(self):" in result and "raise StopIteration" in result
    assert "transport: httpx.BaseTransport" in result
    assert "httpx.Client(transport=httpx.HTTPTransport())" in result
    assert "for chunk in response.iter_bytes():" in result
    assert "sync_sleep(0)" in result and "sync_read_part(reader, 10)" in result
    assert "return response.read()" in result
    assert "async" not in result and "await" not in result


def test_strings_and_comments_replace_whole_words_only() -> None:
    source = """\
        __all__ = ["AsyncOpenAI", "AsyncStream"]
        ref: "AsyncStream[Chunk]"
        target = "openai._async._client.AsyncOpenAI"
        # aclose releases the connection; aclosed is a different word
        message = f"{name}: call aclose() first, not aclose_later"
        """
    assert rewrite(source) == textwrap.dedent(
        """\
        __all__ = ["OpenAI", "Stream"]
        ref: "Stream[Chunk]"
        target = "openai._sync._client.OpenAI"
        # close releases the connection; aclosed is a different word
        message = f"{name}: call close() first, not aclose_later"
        """
    )


def test_unrelated_names_are_left_alone() -> None:
    source = "asynchronous = 1\nawaiting = sync_thing\nx = 'async await Async prose'\n"
    assert rewrite(source) == source


def test_resource_class_pattern(tree: Path) -> None:
    replacements = gen.build_replacements(tree)
    assert replacements["AsyncCompletions"] == "Completions"
    assert replacements["AsyncChatWithRawResponse"] == "ChatWithRawResponse"
    outputs = gen.render(tree)
    chat = outputs[Path("src/_sync/resources/chat.py")]
    assert "class Completions(SyncAPIResource):" in chat
    assert "class ChatWithRawResponse:" in chat
    assert "def __init__(self, completions: Completions)" in chat
    assert '__all__ = ["Completions", "ChatWithRawResponse"]' in chat
    assert "`Completions.create` returns Stream objects when streaming" in chat
    # The pattern applies everywhere, not only inside resources/.
    assert "from .resources.chat import Completions" in outputs[Path("src/_sync/_client.py")]
    assert "isinstance(client.completions, Completions)" in outputs[Path("tests/_sync/test_chat.py")]


def test_resource_class_pattern_loses_to_the_dict(tree: Path) -> None:
    write(tree, "src/_async/resources/pages.py", "class AsyncPaginator:\n    pass\n")
    assert gen.build_replacements(tree)["AsyncPaginator"] == "SyncPaginator"


def test_resource_class_pattern_only_under_resources(tree: Path) -> None:
    write(tree, "src/_async/_other.py", "class AsyncWidget:\n    pass\n")
    assert "AsyncWidget" not in gen.build_replacements(tree)
    with pytest.raises(gen.UnasyncError, match=r"src/_async/_other\.py:1: no rule for `AsyncWidget`"):
        gen.render(tree)


# --- refusals ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "line", "name"),
    [
        ("import httpx\n\nx = AsyncFoo()\n", 3, "AsyncFoo"),
        ("def f():\n    return helper_async()\n", 2, "helper_async"),
        ("x = async_thing\n", 1, "async_thing"),
        ("x = make_async_widget\n", 1, "make_async_widget"),
        ("x = httpx.DefaultAsyncTransport\n", 1, "DefaultAsyncTransport"),
        ("class _AsyncPageMixin:\n    pass\n", 1, "_AsyncPageMixin"),
        ("x = ASYNC_MODE\n", 1, "ASYNC_MODE"),
        ('x = "AsyncFoo"\n', 1, "AsyncFoo"),
        ('"""Docs.\n\nSee AsyncFoo.\n"""\n', 3, "AsyncFoo"),
    ],
)
def test_unknown_async_name_fails_with_file_and_line(source: str, line: int, name: str) -> None:
    with pytest.raises(gen.UnasyncError) as caught:
        rewrite(source, "src/_async/sub/mod.py")
    assert caught.value.problems == [
        f"src/_async/sub/mod.py:{line}: no rule for `{name}`"
        + (" (in a string)" if '"' in source else "")
        + "; add it to REPLACEMENTS in codegen/unasync.py or rename it"
    ]


def test_every_unknown_name_is_reported_once_at_its_first_use() -> None:
    with pytest.raises(gen.UnasyncError) as caught:
        rewrite("x = AsyncFoo\ny = AsyncBar\nz = AsyncFoo\nimport anyio\nanyio.run()\n")
    assert [problem.split(": ")[0:2] for problem in caught.value.problems] == [
        ["src/_async/mod.py:1", "no rule for `AsyncFoo`; add it to REPLACEMENTS in codegen/unasync.py or rename it"],
        ["src/_async/mod.py:2", "no rule for `AsyncBar`; add it to REPLACEMENTS in codegen/unasync.py or rename it"],
        ["src/_async/mod.py:4", "`anyio` used inside src/_async/; put the sync/async pair in src/_concurrency.py"],
    ]


@pytest.mark.parametrize(
    ("source", "line", "module"),
    [
        ("import anyio\n\n\nasync def f():\n    await anyio.sleep(1)\n", 1, "anyio"),
        ("async def f():\n    await anyio.sleep(1)\n", 2, "anyio"),
        ("import asyncio\n", 1, "asyncio"),
        ("from anyio import sleep\n", 1, "anyio"),
        ("from asyncio import gather\n", 1, "asyncio"),
    ],
)
def test_event_loop_modules_are_banned_in_src_async(source: str, line: int, module: str) -> None:
    with pytest.raises(gen.UnasyncError) as caught:
        rewrite(source, "src/_async/_client.py")
    assert caught.value.problems[0] == (
        f"src/_async/_client.py:{line}: `{module}` used inside src/_async/; "
        "put the sync/async pair in src/_concurrency.py"
    )


def test_tests_may_import_asyncio_but_the_sync_output_must_not_keep_it() -> None:
    source = """\
        import asyncio


        async def test_gather(async_client):
            await asyncio.gather(async_client.ping(), async_client.ping())
        """
    rewritten = rewrite(source, "tests/_async/test_x.py")
    assert "asyncio.gather(sync_client.ping(), sync_client.ping())" in rewritten
    with pytest.raises(gen.UnasyncError) as caught:
        gen.transform_source(textwrap.dedent(source), "tests/_async/test_x.py", root=REPO)
    assert caught.value.problems == [
        f"tests/_sync/test_x.py:{line}: generated sync code still uses `asyncio` (from tests/_async/test_x.py); "
        "map it with a rule in codegen/unasync.py or move it out of the async source"
        for line in (2, 6)  # the import and the call, counted in the generated file (header included)
    ]


def test_unused_asyncio_import_in_tests_is_dropped() -> None:
    source = "import asyncio\n\nimport pytest\n\n\nasync def test_x() -> None:\n    pass\n"
    result = gen.transform_source(source, "tests/_async/test_x.py", root=REPO)
    assert "asyncio" not in result and "pytest" not in result


def test_pytest_asyncio_markers_removed_in_tests() -> None:
    source = """\
        import pytest

        pytestmark = pytest.mark.asyncio


        @pytest.mark.parametrize("n", [1, 2])
        @pytest.mark.asyncio
        async def test_n(n: int) -> None:
            assert n
        """
    result = gen.transform_source(textwrap.dedent(source), "tests/_async/test_n.py", root=REPO)
    assert result.splitlines()[1:] == [
        "import pytest",
        "",
        "",
        '@pytest.mark.parametrize("n", [1, 2])',
        "def test_n(n: int) -> None:",
        "    assert n",
    ]


def test_other_asyncio_marker_forms_are_not_guessed_at() -> None:
    source = 'import pytest\n\n\n@pytest.mark.asyncio(loop_scope="module")\nasync def test_x() -> None:\n    pass\n'
    with pytest.raises(gen.UnasyncError, match=r"tests/_sync/test_x\.py:\d+: generated sync code still uses `asyncio`"):
        gen.transform_source(source, "tests/_async/test_x.py", root=REPO)


def test_syntax_error_names_the_file() -> None:
    with pytest.raises(gen.UnasyncError, match=r"src/_async/bad\.py:1: syntax error"):
        rewrite("def (:\n", "src/_async/bad.py")


# --- docstrings and comments ------------------------------------------------------------------------------


def test_inline_code_in_docstrings_and_comments_loses_its_async_keywords() -> None:
    source = """\
        \"\"\"Use it as ``async with AsyncOpenAI() as client: await client.close()``.\"\"\"

        # `async for page in pages` walks every page.
        x = "async with, in a string that is not a docstring, is code's business"
        """
    assert rewrite(source) == textwrap.dedent(
        """\
        \"\"\"Use it as ``with OpenAI() as client: client.close()``.\"\"\"

        # `for page in pages` walks every page.
        x = "async with, in a string that is not a docstring, is code's business"
        """
    )


@pytest.mark.parametrize(
    ("source", "line", "where", "said"),
    [
        ('"""Call it, then await the result."""\n', 1, "docstring", "await"),
        ('def f():\n    """Runs in the event loop."""\n', 2, "docstring", "event loop"),
        ('class C:\n    """Two lines.\n\n    Each is a Coroutine.\n    """\n', 4, "docstring", "Coroutine"),
        ('class C:\n    x: int\n    """Awaited by the caller."""\n', 3, "docstring", "Awaited"),
        ("x = 1  # the caller awaits it\n", 1, "comment", "awaits"),
        ("# Enter it with async with.\n", 1, "comment", "async with"),
        ('"""A ``for`` walks pages; async for\nwalks items."""\n', 1, "docstring", "async for"),
    ],
)
def test_docstrings_and_comments_that_speak_of_async_code_are_refused(
    source: str, line: int, where: str, said: str
) -> None:
    with pytest.raises(gen.UnasyncError) as caught:
        rewrite(source, "src/_async/sub/mod.py")
    assert caught.value.problems == [
        f"src/_async/sub/mod.py:{line}: the sync twin's {where} would still say `{said}`; "
        "phrase it for both twins (async keywords inside inline code are dropped)"
    ]


def test_every_async_phrase_is_reported_with_its_line() -> None:
    source = '"""Summary.\n\nAwait it in an event loop,\nor in a coroutine.\n"""\n\n\n# await x\n'
    with pytest.raises(gen.UnasyncError) as caught:
        rewrite(source, "tests/_async/test_x.py")
    assert [problem.split(": ")[0] for problem in caught.value.problems] == [
        "tests/_async/test_x.py:3",
        "tests/_async/test_x.py:3",
        "tests/_async/test_x.py:4",
        "tests/_async/test_x.py:8",
    ]


def test_a_tree_with_async_prose_is_refused_and_nothing_written(tree: Path) -> None:
    write(tree, "src/_async/_waits.py", 'def f() -> None:\n    """Awaits the lock."""\n')
    with pytest.raises(gen.UnasyncError) as caught:
        gen.generate(tree)
    assert caught.value.problems == [
        "src/_async/_waits.py:2: the sync twin's docstring would still say `Awaits`; "
        "phrase it for both twins (async keywords inside inline code are dropped)"
    ]
    assert sync_files(tree) == []


# --- one file end to end -----------------------------------------------------------------------------------


def test_transform_source_adds_header_and_formats() -> None:
    source = (
        "from typing import AsyncIterator, Iterator\nimport os\nasync def f()->AsyncIterator[int]:\n  yield os.sep\n"
    )
    result = gen.transform_source(source, "src/_async/_gen.py", root=REPO)
    assert result == (
        "# Generated by codegen/unasync.py from src/_async/_gen.py. Do not edit by hand; run `make codegen`.\n"
        "import os\n"
        "from typing import Iterator\n"
        "\n"
        "\n"
        "def f() -> Iterator[int]:\n"
        "    yield os.sep\n"
    )


def test_empty_module_gets_only_the_header() -> None:
    assert gen.transform_source("", "src/_async/__init__.py", root=REPO) == (
        "# Generated by codegen/unasync.py from src/_async/__init__.py. Do not edit by hand; run `make codegen`.\n"
    )


# --- the tree: generate and --check ------------------------------------------------------------------------


def sync_files(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix() for tree in ("src/_sync", "tests/_sync") for p in (root / tree).rglob("*")
    )


def test_generate_writes_every_file_with_header(tree: Path) -> None:
    outputs = gen.generate(tree)
    assert sorted(p.as_posix() for p in outputs) == [
        "src/_sync/__init__.py",
        "src/_sync/_client.py",
        "src/_sync/resources/__init__.py",
        "src/_sync/resources/chat.py",
        "tests/_sync/test_chat.py",
    ]
    for relative, text in outputs.items():
        assert (tree / relative).read_text(encoding="utf-8") == text
        source = relative.as_posix().replace("_sync", "_async", 1)
        assert text.splitlines()[0] == (
            f"# Generated by codegen/unasync.py from {source}. Do not edit by hand; run `make codegen`."
        )
    client = outputs[Path("src/_sync/_client.py")]
    assert "class OpenAI:" in client and "httpx.Client()" in client and "self._http.close()" in client
    assert 'def __enter__(self) -> "OpenAI":' in client and "def __exit__" in client
    test = outputs[Path("tests/_sync/test_chat.py")]
    assert "def test_create(sync_client: OpenAI) -> None:" in test
    assert "from openai._sync.resources.chat import Completions" in test
    assert "mark" not in test


def test_generated_files_are_ruff_clean(tree: Path) -> None:
    gen.generate(tree)
    ruff = [sys.executable, "-m", "ruff"]
    targets = ["src/_sync", "tests/_sync"]
    assert subprocess.run([*ruff, "format", "--check", "--no-cache", *targets], cwd=tree, check=False).returncode == 0
    assert subprocess.run([*ruff, "check", "--no-cache", *targets], cwd=tree, check=False).returncode == 0


def test_generate_is_deterministic_and_idempotent(tree: Path) -> None:
    first = gen.generate(tree)
    snapshot = {path: (tree / path).stat().st_mtime_ns for path in first}
    assert gen.generate(tree) == first
    assert gen.render(tree) == first
    assert {path: (tree / path).stat().st_mtime_ns for path in first} == snapshot


def test_generate_then_check_passes(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert gen.main(["--root", str(tree)]) == 0
    assert gen.check(tree) == []
    capsys.readouterr()
    assert gen.main(["--root", str(tree), "--check"]) == 0
    assert capsys.readouterr().out == "generated files are current\n"


def test_check_names_edited_missing_and_stray_files(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gen.generate(tree)
    client = tree / "src/_sync/_client.py"
    client.write_text(client.read_text(encoding="utf-8").replace("httpx.Client()", "httpx.Client(timeout=1)"))
    (tree / "tests/_sync/test_chat.py").unlink()
    write(tree, "src/_sync/resources/old.py", "x = 1\n")
    before = sync_files(tree)

    reports = gen.check(tree)
    assert [report.splitlines()[0] for report in reports] == [
        "differs: src/_sync/_client.py (from src/_async/_client.py)",
        "missing: tests/_sync/test_chat.py (from tests/_async/test_chat.py)",
        "stray: src/_sync/resources/old.py (no source in src/_async/resources)",
    ]
    excerpt = reports[0].splitlines()[1:]
    assert any("httpx.Client(timeout=1)" in line and line.lstrip().startswith("-") for line in excerpt)
    assert any("httpx.Client()" in line and line.lstrip().startswith("+") for line in excerpt)
    assert sync_files(tree) == before, "--check must not write"

    assert gen.main(["--root", str(tree), "--check"]) == 1
    out = capsys.readouterr().out
    for name in ("src/_sync/_client.py", "tests/_sync/test_chat.py", "src/_sync/resources/old.py"):
        assert name in out
    assert out.endswith("3 generated file(s) out of date; run `make codegen`.\n")


def test_check_truncates_long_diffs(tree: Path) -> None:
    gen.generate(tree)
    client = tree / "src/_sync/_client.py"
    client.write_text("\n".join(f"line{i}" for i in range(100)) + "\n", encoding="utf-8")
    (report,) = gen.check(tree)
    assert len(report.splitlines()) <= 1 + 13
    assert report.splitlines()[-1].strip().endswith("more diff lines")


def test_generate_deletes_strays_and_ignores_other_files(tree: Path) -> None:
    write(tree, "src/_async/notes.txt", "not python\n")
    write(tree, "src/_sync/gone/deep/stray.py", "x = 1\n")
    write(tree, "src/_sync/README.md", "kept\n")
    gen.generate(tree)
    assert not (tree / "src/_sync/notes.txt").exists()
    assert not (tree / "src/_sync/gone").exists()
    assert (tree / "src/_sync/README.md").read_text() == "kept\n"


def test_a_failing_file_means_nothing_is_written(tree: Path) -> None:
    write(tree, "src/_async/_bad.py", "import anyio\n")
    write(tree, "tests/_async/test_bad.py", "x = AsyncMystery\n")
    with pytest.raises(gen.UnasyncError) as caught:
        gen.generate(tree)
    assert caught.value.problems == [
        "src/_async/_bad.py:1: `anyio` used inside src/_async/; put the sync/async pair in src/_concurrency.py",
        "tests/_async/test_bad.py:1: no rule for `AsyncMystery`; "
        "add it to REPLACEMENTS in codegen/unasync.py or rename it",
    ]
    assert sync_files(tree) == []


def test_main_reports_problems_and_exits_1(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tree, "src/_async/_bad.py", "import asyncio\n")
    assert gen.main(["--root", str(tree)]) == 1
    err = capsys.readouterr().err
    assert "src/_async/_bad.py:1: `asyncio` used inside src/_async/" in err
    assert "nothing written" in err


def test_wrong_root_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "src/_sync/keep.py", "x = 1\n")
    with pytest.raises(gen.UnasyncError, match="no such directory"):
        gen.generate(tmp_path)
    assert (tmp_path / "src/_sync/keep.py").exists()


def test_module_runs_from_the_command_line(tree: Path) -> None:
    command = [sys.executable, "-m", "codegen.unasync", "--root", str(tree)]
    generated = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    assert generated.returncode == 0, generated.stderr
    assert generated.stdout.splitlines()[-1] == "5 generated file(s): 5 written, 0 stray deleted."
    checked = subprocess.run([*command, "--check"], cwd=REPO, capture_output=True, text=True, check=False)
    assert (checked.returncode, checked.stdout) == (0, "generated files are current\n")


def test_paginator_type_becomes_the_first_page() -> None:
    text = "def list(self) -> SyncPaginator[Job, SyncCursorPage[Job]]:\n    return SyncPaginator(fetch)\n"
    assert gen._first_page_types(text) == ("def list(self) -> SyncCursorPage[Job]:\n    return SyncPaginator(fetch)\n")
    nested = "x: Dict[str, SyncPaginator[Dict[str, int], SyncPage[Dict[str, int]]]]"
    assert gen._first_page_types(nested) == "x: Dict[str, SyncPage[Dict[str, int]]]"


@pytest.fixture(scope="module")
def real_render() -> dict[Path, str]:
    """The repository's own sync trees, rendered once for every test that needs them."""
    return gen.render(REPO)


def test_the_repository_sync_trees_are_current(real_render: dict[Path, str]) -> None:
    assert gen.compare(REPO, real_render) == []


def test_check_catches_a_hand_edit_of_the_real_sync_tree(real_render: dict[Path, str], tmp_path: Path) -> None:
    for part in ("src/_async", "src/_sync", "tests/_async", "tests/_sync"):
        shutil.copytree(REPO / part, tmp_path / part)
    assert gen.compare(tmp_path, real_render) == []
    edited = tmp_path / "src/_sync/_base_client.py"
    edited.write_text(edited.read_text().replace("retries_taken += 1", "retries_taken += 2", 1))
    problems = gen.compare(tmp_path, real_render)
    assert len(problems) == 1 and "src/_sync/_base_client.py" in problems[0]
    gen.write(tmp_path, real_render)
    assert gen.compare(tmp_path, real_render) == []

"""What type checkers see: the raw and streaming views, pages, timeouts, and the public names.

One mypy run (``--strict``) over a snippet of typed calls and over every public module of the package;
the package is seen as ``openai`` through a link to ``src/`` (the editable install's import hook is
invisible to type checkers). The snippet's ``assert_type`` lines fail if a view, page or property
is typed loosely (``Any`` included); its ``type: ignore[...]`` lines must each still be an error, so
a view that accepted anything would fail them as unused ignores.
"""

from __future__ import annotations

import csv
import importlib
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Set

import pytest

ROOT = Path(__file__).resolve().parent.parent

SNIPPET = textwrap.dedent(
    """
    from __future__ import annotations

    import datetime
    from typing import AsyncIterator, Iterator, Union

    import httpx
    from pydantic import BaseModel
    from typing_extensions import assert_type

    from openai import (
        APIResponse,
        AsyncAPIResponse,
        AsyncOpenAI,
        AsyncStream,
        LegacyAPIResponse,
        OpenAI,
        Stream,
    )
    from openai.pagination import AsyncCursorPage, SyncCursorPage
    from openai.types import FileObject
    from openai.types.chat import ChatCompletion, ChatCompletionChunk, ParsedChatCompletion


    class Answer(BaseModel):
        text: str


    def sync_calls(client: OpenAI) -> None:
        completions = client.chat.completions
        raw = completions.with_raw_response.create(model="m", messages=[])
        assert_type(raw, LegacyAPIResponse[ChatCompletion])
        assert_type(raw.parse(), ChatCompletion)
        assert_type(raw.parse(to=Answer), Answer)
        assert_type(raw.elapsed, datetime.timedelta)
        streamed = completions.with_raw_response.create(model="m", messages=[], stream=True)
        assert_type(streamed, LegacyAPIResponse[Stream[ChatCompletionChunk]])
        parsed = completions.with_raw_response.parse(model="m", messages=[], response_format=Answer)
        assert_type(parsed, LegacyAPIResponse[ParsedChatCompletion[Answer]])
        assert_type(client.with_raw_response.chat.completions.retrieve("c"), LegacyAPIResponse[ChatCompletion])
        assert_type(client.files.with_raw_response.list(), LegacyAPIResponse[SyncCursorPage[FileObject]])
        with client.files.with_streaming_response.retrieve("f") as response:
            assert_type(response, APIResponse[FileObject])
        with client.with_streaming_response.files.retrieve("f") as response:
            assert_type(response, APIResponse[FileObject])

        page = client.files.list()
        assert_type(page, SyncCursorPage[FileObject])
        assert_type(page.get_next_page(), SyncCursorPage[FileObject])
        assert_type(page.iter_pages(), Iterator[SyncCursorPage[FileObject]])
        assert_type(client.timeout, Union[float, httpx.Timeout, None])
        assert_type(client.post("/files", cast_to=FileObject), FileObject)
        assert_type(client.get("/x", cast_to=FileObject, stream=True, stream_cls=Stream[Answer]), Stream[Answer])

        # Each of these is wrong, and a type checker must say so.
        client.files.with_raw_response.retrieve(1)  # type: ignore[arg-type]
        client.files.with_raw_response.retrieve("f", purpose="x")  # type: ignore[call-arg]
        client.files.with_raw_response.retreive("f")  # type: ignore[attr-defined]
        client.chat.with_raw_response.completion  # type: ignore[attr-defined]
        completions.with_streaming_response.create(model="m")  # type: ignore[call-overload]


    async def async_calls(client: AsyncOpenAI) -> None:
        completions = client.chat.completions
        raw = await completions.with_raw_response.create(model="m", messages=[])
        assert_type(raw, LegacyAPIResponse[ChatCompletion])
        streamed = await completions.with_raw_response.create(model="m", messages=[], stream=True)
        assert_type(streamed, LegacyAPIResponse[AsyncStream[ChatCompletionChunk]])
        assert_type(await client.files.with_raw_response.list(), LegacyAPIResponse[AsyncCursorPage[FileObject]])
        async with client.files.with_streaming_response.retrieve("f") as response:
            assert_type(response, AsyncAPIResponse[FileObject])
            assert_type(await response.parse(), FileObject)
            assert_type(await response.parse(to=Answer), Answer)
        async with client.with_streaming_response.chat.completions.create(model="m", messages=[]) as chat:
            assert_type(chat, AsyncAPIResponse[ChatCompletion])

        page = await client.files.list()
        assert_type(page, AsyncCursorPage[FileObject])
        assert_type(await page.get_next_page(), AsyncCursorPage[FileObject])
        assert_type(page.iter_pages(), AsyncIterator[AsyncCursorPage[FileObject]])
        assert_type(client.timeout, Union[float, httpx.Timeout, None])

        assert_type(await client.get("/files/f", cast_to=FileObject), FileObject)
        await client.files.with_raw_response.retrieve(1)  # type: ignore[arg-type]
        client.files.with_raw_response.retreive("f")  # type: ignore[attr-defined]
    """
)


def _public_modules() -> List[str]:
    """The public modules of the official SDK that are not generated types, and that this package has."""
    with (ROOT / "spec" / "sdk-modules.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    modules = sorted({row["module"] for row in rows if row["why"] == "public"})
    return [
        module
        for module in modules
        if not module.startswith("openai.types") and not any(part.startswith("_") for part in module.split("."))
    ]


@dataclass
class _Checked:
    errors: List[str]  # "path:line: message" for the snippet only
    public: Dict[str, Set[str]]  # module -> the names a type checker sees as exported by it
    reexported: Dict[str, Set[str]]  # module -> those of them imported from elsewhere


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> _Checked:
    mypy_build = pytest.importorskip("mypy.build")
    from mypy.modulefinder import BuildSource
    from mypy.options import Options

    work = tmp_path_factory.mktemp("typing")
    (work / "openai").symlink_to(ROOT / "src", target_is_directory=True)
    snippet = work / "typed_calls.py"
    snippet.write_text(SNIPPET, encoding="utf-8")
    modules = _public_modules()
    surface = work / "surface.py"
    surface.write_text("".join(f"import {module}\n" for module in modules), encoding="utf-8")

    options = Options()
    options.strict_optional = True
    for flag in ("disallow_untyped_defs", "disallow_any_generics", "warn_unused_ignores", "strict_equality"):
        setattr(options, flag, True)
    options.implicit_reexport = False
    options.follow_imports = "silent"
    options.mypy_path = [str(work)]
    options.incremental = False
    options.python_version = (3, 10)
    options.preserve_asts = True
    sources = [BuildSource(str(snippet), "typed_calls"), BuildSource(str(surface), "surface")]
    result = mypy_build.build(sources=sources, options=options)
    errors = [line for line in result.errors if line.startswith(str(snippet)) and ": note:" not in line]

    public: Dict[str, Set[str]] = {}
    reexported: Dict[str, Set[str]] = {}
    for module in modules:
        state = result.graph.get(module)
        assert state is not None and state.tree is not None, f"mypy did not read {module}"
        names = {
            name: node for name, node in state.tree.names.items() if node.module_public and not name.startswith("_")
        }
        public[module] = set(names)
        reexported[module] = {
            name
            for name, node in names.items()
            if node.node is not None
            and getattr(node.node, "fullname", "").rpartition(".")[0] not in (module, "")
            and not (node.module_hidden or node.implicit)
        }
    return _Checked(errors, public, reexported)


def test_the_views_pages_and_timeouts_are_typed(checked: _Checked) -> None:
    assert not checked.errors, "\n".join(checked.errors)


def test_every_name_in_all_is_seen_by_type_checkers_and_every_reexport_is_in_all(checked: _Checked) -> None:
    wrong = []
    for module, seen in sorted(checked.public.items()):
        declared = getattr(importlib.import_module(module), "__all__", None)
        if declared is None:
            continue
        for name in sorted(set(declared) - seen - {"__version__"}):
            wrong.append(f"{module}.{name} is in __all__ but type checkers do not see it")
        for name in sorted(checked.reexported[module] - set(declared)):
            wrong.append(f"{module}.{name} is re-exported to type checkers but not in __all__")
    assert not wrong, "\n".join(wrong)


def test_the_package_all_is_its_lazy_names() -> None:
    import openai

    assert sorted(openai.__all__) == sorted({*openai._LAZY, "__version__", "types"})
    assert len(openai.__all__) == len(set(openai.__all__))

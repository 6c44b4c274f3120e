"""The twins cannot drift: every public resource method of AsyncOpenAI has a twin on OpenAI.

The resources are found by walking the clients, not from a hand-written list, and signatures
are compared after applying the generator's own renaming rules to the async annotations.
"""

from __future__ import annotations

import csv
import functools
import inspect
import re
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

from codegen import unasync
from openai import AsyncOpenAI, OpenAI
from openai._async.resources._base import AsyncAPIResource
from openai._sync.resources._base import SyncAPIResource

ROOT = Path(__file__).resolve().parent.parent
SURFACE = ROOT / "spec" / "sdk-surface.tsv"
RESOURCE_TYPES = (AsyncAPIResource, SyncAPIResource)


def walk(obj: object, path: str = "client") -> Iterator[tuple[str, Any]]:
    """Every resource method reachable from ``obj``, as (dotted path, bound method)."""
    for name in sorted(dir(type(obj))):
        if name.startswith("_") or name in ("with_raw_response", "with_streaming_response", "with_options", "copy"):
            continue
        attr = getattr(obj, name)
        if isinstance(attr, RESOURCE_TYPES):
            yield from walk(attr, f"{path}.{name}")
        elif isinstance(obj, RESOURCE_TYPES) and inspect.ismethod(attr):
            yield f"{path}.{name}", attr


def collect(client: object) -> dict[str, Any]:
    return dict(walk(client))


@pytest.fixture(scope="module")
def twins() -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    async_client = AsyncOpenAI(api_key="sk-x", base_url="http://127.0.0.1:1/v1")
    sync_client = OpenAI(api_key="sk-x", base_url="http://127.0.0.1:1/v1")
    yield collect(async_client), collect(sync_client)
    sync_client.close()


def describe(method: Any, rename: Any = None) -> list[tuple[str, str, str, str]]:
    signature = inspect.signature(method)
    rows = []
    for parameter in signature.parameters.values():
        annotation = str(parameter.annotation)
        rows.append(
            (parameter.name, parameter.kind.name, repr(parameter.default), rename(annotation) if rename else annotation)
        )
    returns = str(signature.return_annotation)
    rows.append(("return", "", "", rename(returns) if rename else returns))
    return rows


@functools.cache
def generator_renames() -> dict[str, str]:
    return unasync.build_replacements(ROOT)


def async_to_sync_annotation(text: str) -> str:
    replacements = generator_renames()
    renamed = re.sub(r"[A-Za-z_]\w*", lambda match: replacements.get(match.group(0), match.group(0)), text)
    return unasync._first_page_types(renamed)


def test_the_walk_finds_the_resources(twins: tuple[dict[str, Any], dict[str, Any]]) -> None:
    async_methods, _ = twins
    assert "client.chat.completions.create" in async_methods
    assert "client.fine_tuning.jobs.checkpoints.list" in async_methods
    assert len(async_methods) >= 30


def test_same_methods_on_both_twins(twins: tuple[dict[str, Any], dict[str, Any]]) -> None:
    async_methods, sync_methods = twins
    assert sorted(async_methods) == sorted(sync_methods)


def test_same_parameters_on_both_twins(twins: tuple[dict[str, Any], dict[str, Any]]) -> None:
    async_methods, sync_methods = twins
    for name, method in async_methods.items():
        assert describe(method, async_to_sync_annotation) == describe(sync_methods[name]), name


def test_async_methods_are_coroutines_or_paginators(twins: tuple[dict[str, Any], dict[str, Any]]) -> None:
    async_methods, sync_methods = twins
    for name, method in async_methods.items():
        returns = str(inspect.signature(method).return_annotation)
        if getattr(method, "__deprecated__", None) and sys.version_info < (3, 12):
            # A deprecated method warns when called, so it is a plain function returning the
            # coroutine; Python 3.12 and later can mark it as a coroutine function.
            method = inspect.unwrap(method)
        # Paginated calls and the stream helpers' and websocket sessions' context managers are
        # entered, not awaited. Webhook verification does no I/O, so it is a plain call on both twins.
        entered = ("AsyncPaginator", "StreamManager", "ConnectionManager")
        if any(kind in returns for kind in entered) or name.startswith("client.webhooks."):
            assert not inspect.iscoroutinefunction(method), name
        else:
            assert inspect.iscoroutinefunction(method), name
        assert not inspect.iscoroutinefunction(sync_methods[name]), name


IN_SCOPE = (
    "chat.completions",
    "completions",
    "embeddings",
    "models",
    "files",
    "fine_tuning.jobs",
    "moderations",
    "batches",
)


def surface_rows() -> list[dict[str, str]]:
    with SURFACE.open() as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [row for row in rows if row["call"].removeprefix("client.").startswith(IN_SCOPE)]


def test_the_surface_table_is_covered(twins: tuple[dict[str, Any], dict[str, Any]]) -> None:
    rows = surface_rows()
    assert len(rows) >= 30
    for methods in twins:
        for row in rows:
            call = row["call"]
            assert call in methods, f"missing {call}"
            parameters = inspect.signature(methods[call]).parameters
            positional = [p.name for p in parameters.values() if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD]
            args = [arg.strip() for arg in row["args"].split(",") if arg.strip()]
            # "a, *, b" in the table: a is positional, b keyword-only.
            cut = args.index("*") if "*" in args else len(args)
            expected = [arg for arg in args[:cut] if arg != "**params"]
            keyword_only = [arg for arg in args[cut + 1 :] if arg != "**params"]
            assert positional == expected, call
            for name in keyword_only:
                assert parameters[name].kind is inspect.Parameter.KEYWORD_ONLY, f"{call}: {name}"
            # `**params` in the table is shown by its TypedDict's keys, one keyword-only parameter each.
            assert not any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()), call

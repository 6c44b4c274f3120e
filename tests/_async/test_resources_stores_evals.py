"""Vector stores, evals, skills, containers and uploads: the requests they send and what they return.

Each of the 52 calls codegen/resource_types.json lists for these five resources is made once against a
respx mock (method, path, argument shape, body encoding, result type); a handful are then checked in
detail: JSON and multipart bodies, query strings, keyword-only path parameters, binary and empty
answers, a POST answered with a page, and auto-pagination.
"""

from __future__ import annotations

import importlib
import inspect
import json
from pathlib import Path
from typing import Any, AsyncIterator, Dict

import httpx
import pytest
import respx

from openai import AsyncOpenAI
from openai._async._pagination import AsyncCursorPage, AsyncPage
from openai._async.resources.containers import AsyncContainers
from openai._async.resources.evals import AsyncEvals
from openai._async.resources.skills import AsyncSkills
from openai._async.resources.uploads import AsyncUploads
from openai._async.resources.vector_stores import AsyncVectorStores
from openai._response import HttpxBinaryResponseContent
from openai._signatures import takes_params as takes_params_typeddict
from openai.types import Skill, VectorStore, VectorStoreSearchResponse
from openai.types.evals import RunCancelResponse
from openai.types.evals.runs import OutputItemListResponse
from openai.types.uploads import UploadPart
from openai.types.vector_stores import FileContentResponse, VectorStoreFile
from tests._placeholders import required_placeholders
from tests._transports import make_async_client

BASE_URL = "http://127.0.0.1:1/v1"
RESOURCE_TYPES = Path(__file__).resolve().parents[2] / "codegen" / "resource_types.json"
GROUPS = ("vector_stores", "evals", "skills", "containers", "uploads")
PAGE_KINDS: Dict[str, Any] = {"SyncCursorPage": AsyncCursorPage, "SyncPage": AsyncPage}
# Multipart calls need a file, or httpx would not send a form at all.
FILE_PARAMS: Dict[str, Dict[str, Any]] = {
    "client.containers.files.create": {"file": ("notes.txt", b"hello")},
    "client.skills.create": {"files": [("SKILL.md", b"# skill")]},
    "client.skills.versions.create": {"files": [("SKILL.md", b"# skill v2")]},
    "client.uploads.parts.create": {"data": b"0123456789"},
}


def group_calls() -> list[dict[str, Any]]:
    calls = json.loads(RESOURCE_TYPES.read_text(encoding="utf-8"))["calls"]
    return [call for call in calls if call["call"].split(".")[1] in GROUPS]


CALLS = group_calls()


@pytest.fixture
async def client() -> AsyncIterator[AsyncOpenAI]:
    async with make_async_client("httpx", BASE_URL, max_retries=0) as api:
        yield api


def resources(client: AsyncOpenAI) -> Dict[str, Any]:
    """The five resources, built directly so the test does not depend on the client's wiring."""
    return {
        "vector_stores": AsyncVectorStores(client),
        "evals": AsyncEvals(client),
        "skills": AsyncSkills(client),
        "containers": AsyncContainers(client),
        "uploads": AsyncUploads(client),
    }


def method_for(client: AsyncOpenAI, call: str) -> Any:
    _, group, *rest = call.split(".")
    target = resources(client)[group]
    for name in rest:
        target = getattr(target, name)
    return target


def split_args(args: str) -> tuple[list[str], list[str], bool]:
    """sdk-surface's argument column as (positional, keyword-only, takes **params)."""
    written = [arg.strip() for arg in args.split(",")]
    takes_params = "**params" in written
    written = [arg for arg in written if arg != "**params"]
    if "*" in written:
        star = written.index("*")
        return written[:star], written[star + 1 :], takes_params
    return written, [], takes_params


def test_the_table_has_every_call_of_the_five_resources() -> None:
    # A regenerated table that adds or drops a call must be looked at here.
    assert len(CALLS) == 52
    assert {call["call"].split(".")[1] for call in CALLS} == set(GROUPS)


@pytest.mark.parametrize("call", CALLS, ids=[call["call"].removeprefix("client.") for call in CALLS])
async def test_every_call_reaches_its_operation(client: AsyncOpenAI, call: dict[str, Any]) -> None:
    method = method_for(client, call["call"])
    positional, keyword_only, takes_params = split_args(call["args"])
    parameters = list(inspect.signature(method).parameters.values())
    assert [p.name for p in parameters if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD] == positional
    assert [p.name for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY][: len(keyword_only)] == (
        keyword_only
    )
    # `**params` as written; the signature shows its keys one by one.
    assert takes_params_typeddict(method) is takes_params

    values = {name: f"{name}_x" for name in call["path_params"]}
    if call["result"] == "page":
        answer = httpx.Response(200, json={"object": "list", "data": [{"id": "item_1"}], "has_more": False})
    elif call["result"] == "binary":
        answer = httpx.Response(200, content=b"PK\x03\x04")
    elif call["result"] == "none":
        answer = httpx.Response(200)
    else:
        answer = httpx.Response(200, json={"id": "obj_1"})
    placeholders = {
        name: value
        for name, value in required_placeholders(method, keyword_only).items()
        if name not in FILE_PARAMS.get(call["call"], {})
    }
    with respx.mock(base_url=BASE_URL, assert_all_called=True) as mock:
        route = mock.route(method=call["http_method"], path=call["path"].format(**values)).mock(answer)
        result = await method(
            *[values[name] for name in positional],
            **{name: values[name] for name in keyword_only},
            **placeholders,
            **FILE_PARAMS.get(call["call"], {}),
        )
    assert route.call_count == 1
    sent = route.calls.last.request

    if call["result"] == "page":
        assert isinstance(result, PAGE_KINDS[call["page"]["kind"]])
        item = call["page"]["item"]
        item_type = getattr(importlib.import_module(item["module"]), item["name"])
        assert [type(entry) for entry in result.data] == [item_type]
    elif call["result"] == "binary":
        assert isinstance(result, HttpxBinaryResponseContent)
        assert result.content == b"PK\x03\x04"
        assert sent.headers["accept"] == "application/binary"
    elif call["result"] == "none":
        assert result is None
    else:
        returns = call["returns"]
        assert isinstance(result, getattr(importlib.import_module(returns["module"]), returns["name"]))
        assert result.id == "obj_1"

    if call["multipart"]:
        assert sent.headers["content-type"].startswith("multipart/form-data; boundary=")
    elif call["body"] == "application/json":
        assert sent.headers["content-type"] == "application/json"
        assert json.loads(sent.content) == placeholders
    else:
        assert sent.content == b""
    assert sent.url.query == b""


async def test_vector_store_create_sends_json_and_parses_the_store(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/vector_stores").respond(
            json={"id": "vs_1", "object": "vector_store", "name": "docs", "status": "completed", "usage_bytes": 42}
        )
        store = await AsyncVectorStores(client).create(
            name="docs", file_ids=["file_1", "file_2"], expires_after={"anchor": "last_active_at", "days": 7}
        )
    assert json.loads(route.calls.last.request.content) == {
        "name": "docs",
        "file_ids": ["file_1", "file_2"],
        "expires_after": {"anchor": "last_active_at", "days": 7},
    }
    assert isinstance(store, VectorStore)
    assert (store.id, store.name, store.usage_bytes) == ("vs_1", "docs", 42)


async def test_search_posts_its_query_and_returns_one_whole_page(client: AsyncOpenAI) -> None:
    hit = {"file_id": "file_1", "filename": "a.md", "score": 0.9, "attributes": {}, "content": []}
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/vector_stores/vs_1/search").respond(
            json={"object": "vector_store.search_results.page", "search_query": ["q"], "data": [hit], "has_more": False}
        )
        page = await AsyncVectorStores(client).search("vs_1", query="q", max_num_results=3)
    assert json.loads(route.calls.last.request.content) == {"query": "q", "max_num_results": 3}
    assert isinstance(page, AsyncPage)
    assert not page.has_next_page()
    assert [type(result) for result in page.data] == [VectorStoreSearchResponse]
    assert page.data[0].score == 0.9
    # Iterating the page yields its items without another request.
    assert [result.file_id async for result in page] == ["file_1"]
    assert route.call_count == 1


async def test_file_list_walks_both_pages_with_the_callers_query(client: AsyncOpenAI) -> None:
    first = {"object": "list", "data": [{"id": "file_1"}, {"id": "file_2"}], "has_more": True}
    second = {"object": "list", "data": [{"id": "file_3"}], "has_more": False}
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.get("/vector_stores/vs_1/files").mock(
            side_effect=[httpx.Response(200, json=first), httpx.Response(200, json=second)]
        )
        files = [file async for file in AsyncVectorStores(client).files.list("vs_1", limit=2, filter="completed")]
    assert [file.id for file in files] == ["file_1", "file_2", "file_3"]
    assert all(isinstance(file, VectorStoreFile) for file in files)
    queries = [dict(call.request.url.params) for call in route.calls]
    assert queries == [
        {"limit": "2", "filter": "completed"},
        {"limit": "2", "filter": "completed", "after": "file_2"},
    ]


async def test_file_content_is_a_get_list_of_content_parts(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.get("/vector_stores/vs_1/files/file_1/content").respond(
            json={"object": "vector_store.file_content.page", "data": [{"type": "text", "text": "hi"}]}
        )
        parts = [part async for part in AsyncVectorStores(client).files.content("file_1", vector_store_id="vs_1")]
    assert route.call_count == 1
    assert [type(part) for part in parts] == [FileContentResponse]
    assert parts[0].text == "hi"


async def test_file_update_puts_the_store_id_before_the_file_id(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/vector_stores/vs_1/files/file_1").respond(json={"id": "file_1", "attributes": {"k": 1}})
        file = await AsyncVectorStores(client).files.update("file_1", vector_store_id="vs_1", attributes={"k": 1})
    assert json.loads(route.calls.last.request.content) == {"attributes": {"k": 1}}
    assert file.attributes == {"k": 1}
    with pytest.raises(TypeError):
        await AsyncVectorStores(client).files.retrieve("file_1", "vs_1")  # type: ignore[misc]


async def test_output_items_list_sends_both_path_ids_and_the_filters(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.get("/evals/eval_1/runs/run_2/output_items").respond(
            json={"object": "list", "data": [{"id": "oi_1", "status": "pass"}], "has_more": False}
        )
        page = await AsyncEvals(client).runs.output_items.list("run_2", eval_id="eval_1", status="pass", limit=5)
    assert dict(route.calls.last.request.url.params) == {"status": "pass", "limit": "5"}
    assert isinstance(page, AsyncCursorPage)
    assert isinstance(page.data[0], OutputItemListResponse)
    assert page.data[0].status == "pass"


async def test_run_cancel_is_a_bodyless_post_to_the_run(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/evals/eval_1/runs/run_2").respond(json={"id": "run_2", "status": "canceled"})
        run = await AsyncEvals(client).runs.cancel("run_2", eval_id="eval_1")
    assert route.calls.last.request.content == b""
    assert isinstance(run, RunCancelResponse)
    assert run.status == "canceled"


async def test_skill_create_uploads_every_file_as_an_array_part(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/skills").respond(json={"id": "skill_1", "object": "skill", "default_version": "1"})
        skill = await AsyncSkills(client).create(
            files=[("skill/SKILL.md", b"# Greeter"), ("skill/run.py", b"print('hi')")]
        )
    sent = route.calls.last.request
    boundary = sent.headers["content-type"].split("boundary=")[1].encode()
    parts = [part for part in sent.content.split(b"--" + boundary) if b"Content-Disposition" in part]
    assert len(parts) == 2
    assert all(b'name="files[]"' in part for part in parts)
    assert b'filename="skill/SKILL.md"' in parts[0] and b"# Greeter" in parts[0]
    assert b'filename="skill/run.py"' in parts[1] and b"print('hi')" in parts[1]
    assert isinstance(skill, Skill)
    assert skill.default_version == "1"


async def test_skill_version_content_is_downloaded_as_bytes(client: AsyncOpenAI, tmp_path: Path) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.get("/skills/skill_1/versions/3/content").respond(content=b"PK\x03\x04zip")
        content = await AsyncSkills(client).versions.content.retrieve("3", skill_id="skill_1")
    assert route.calls.last.request.headers["accept"] == "application/binary"
    target = tmp_path / "skill.zip"
    content.write_to_file(target)
    assert target.read_bytes() == b"PK\x03\x04zip"


async def test_container_delete_accepts_an_empty_answer(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.delete("/containers/cntr_1").respond(status_code=200)
        assert await AsyncContainers(client).delete("cntr_1") is None
    assert route.calls.last.request.headers["accept"] == "*/*"


async def test_container_file_create_uploads_the_file(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/containers/cntr_1/files").respond(
            json={"id": "cfile_1", "object": "container.file", "path": "/mnt/data/notes.txt"}
        )
        file = await AsyncContainers(client).files.create("cntr_1", file=("notes.txt", b"hello"))
    sent = route.calls.last.request
    assert b'name="file"; filename="notes.txt"' in sent.content
    assert b"hello" in sent.content
    assert file.path == "/mnt/data/notes.txt"


async def test_container_file_create_by_id_is_still_a_multipart_form(client: AsyncOpenAI) -> None:
    # With no file part httpx alone would send a urlencoded form, which this operation does not accept.
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/containers/cntr_1/files").respond(json={"id": "cfile_1"})
        await AsyncContainers(client).files.create("cntr_1", file_id="file_1")
    sent = route.calls.last.request
    assert sent.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'name="file_id"' in sent.content
    assert b"file_1" in sent.content


async def test_upload_part_and_complete(client: AsyncOpenAI) -> None:
    uploads = AsyncUploads(client)
    with respx.mock(base_url=BASE_URL) as mock:
        part_route = mock.post("/uploads/upload_1/parts").respond(
            json={"id": "part_1", "object": "upload.part", "upload_id": "upload_1", "created_at": 1}
        )
        complete_route = mock.post("/uploads/upload_1/complete").respond(
            json={"id": "upload_1", "object": "upload", "status": "completed", "bytes": 10}
        )
        part = await uploads.parts.create("upload_1", data=b"0123456789")
        upload = await uploads.complete("upload_1", part_ids=[part.id], md5="abc")
    assert b'name="data"' in part_route.calls.last.request.content
    assert b"0123456789" in part_route.calls.last.request.content
    assert isinstance(part, UploadPart)
    assert json.loads(complete_route.calls.last.request.content) == {"part_ids": ["part_1"], "md5": "abc"}
    assert upload.status == "completed"


async def test_an_empty_path_parameter_fails_before_any_request(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL, assert_all_mocked=True) as mock:
        with pytest.raises(ValueError, match="vector_store_id"):
            await AsyncVectorStores(client).files.delete("file_1", vector_store_id="")
        with pytest.raises(ValueError, match="output_item_id"):
            await AsyncEvals(client).runs.output_items.retrieve("", eval_id="eval_1", run_id="run_1")
        assert not mock.calls

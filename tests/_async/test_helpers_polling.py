"""The ``*_and_poll`` helpers against respx mocks: what they send, when they stop, how long they wait."""

from __future__ import annotations

import json
import warnings
from typing import Any, AsyncIterator, Dict, List

import httpx
import pytest
import respx

from openai import APIConnectionError, AsyncOpenAI
from openai._async._helpers import polling
from openai._async.resources.beta.threads.runs import AsyncRuns
from openai._async.resources.beta.threads.threads import AsyncThreads
from openai._async.resources.files import AsyncFiles
from openai._async.resources.vector_stores.file_batches import AsyncFileBatches
from openai._async.resources.vector_stores.files import AsyncFiles as VectorStoreFilesResource
from openai.types.beta.threads import Run
from openai.types.vector_stores import VectorStoreFile, VectorStoreFileBatch
from tests._transports import make_async_client

BASE_URL = "http://127.0.0.1:1/v1"


@pytest.fixture
async def client() -> AsyncIterator[AsyncOpenAI]:
    async with make_async_client("httpx", BASE_URL, max_retries=0) as api:
        yield api


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> List[float]:
    """The waits between polls, recorded instead of slept."""
    recorded: List[float] = []

    async def fake_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr("openai._async._helpers.polling.async_sleep", fake_sleep)
    return recorded


def vs_file(status: str, file_id: str = "file-1") -> Dict[str, Any]:
    return {
        "id": file_id,
        "object": "vector_store.file",
        "created_at": 1,
        "vector_store_id": "vs_1",
        "status": status,
        "usage_bytes": 10,
        "last_error": None,
    }


def batch(status: str) -> Dict[str, Any]:
    counts = {"in_progress": 0, "completed": 3, "failed": 0, "cancelled": 0, "total": 3}
    return {
        "id": "vsfb_1",
        "object": "vector_store.files_batch",
        "created_at": 1,
        "vector_store_id": "vs_1",
        "status": status,
        "file_counts": counts,
    }


def run(status: str) -> Dict[str, Any]:
    return {
        "id": "run_1",
        "object": "thread.run",
        "created_at": 1,
        "thread_id": "thread_1",
        "assistant_id": "asst_1",
        "status": status,
        "model": "m",
        "instructions": "",
        "tools": [],
    }


def uploaded(file_id: str, status: str = "uploaded") -> Dict[str, Any]:
    return {
        "id": file_id,
        "object": "file",
        "bytes": 3,
        "created_at": 1,
        "filename": "a.txt",
        "purpose": "assistants",
        "status": status,
    }


def replies(*bodies: Dict[str, Any], poll_after_ms: Any = None) -> List[httpx.Response]:
    headers = {} if poll_after_ms is None else {"openai-poll-after-ms": str(poll_after_ms)}
    return [httpx.Response(200, json=body, headers=headers) for body in bodies]


async def test_create_and_poll_waits_as_the_server_says(client: AsyncOpenAI, sleeps: List[float]) -> None:
    resource = VectorStoreFilesResource(client)
    with respx.mock(base_url=BASE_URL) as mock:
        create = mock.post("/vector_stores/vs_1/files").respond(json=vs_file("in_progress"))
        retrieve = mock.get("/vector_stores/vs_1/files/file-1")
        retrieve.side_effect = replies(
            vs_file("in_progress"), vs_file("in_progress"), vs_file("completed"), poll_after_ms=250
        )
        result = await polling.create_and_poll_vector_store_file(
            resource, "file-1", vector_store_id="vs_1", attributes={"lang": "en"}
        )
    assert isinstance(result, VectorStoreFile) and result.status == "completed"
    assert json.loads(create.calls.last.request.content) == {"file_id": "file-1", "attributes": {"lang": "en"}}
    assert retrieve.call_count == 3
    assert sleeps == [0.25, 0.25]
    polled = retrieve.calls.last.request.headers
    assert polled["x-stainless-poll-helper"] == "true"
    assert "x-stainless-custom-poll-interval" not in polled


async def test_a_chosen_interval_wins_over_the_server_hint(client: AsyncOpenAI, sleeps: List[float]) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        retrieve = mock.get("/vector_stores/vs_1/files/file-1")
        retrieve.side_effect = replies(vs_file("in_progress"), vs_file("failed"), poll_after_ms=5000)
        result = await polling.poll_vector_store_file(
            VectorStoreFilesResource(client), "file-1", vector_store_id="vs_1", poll_interval_ms=50
        )
    assert result.status == "failed"
    assert sleeps == [0.05]
    assert retrieve.calls.last.request.headers["x-stainless-custom-poll-interval"] == "50"


async def test_without_a_hint_the_wait_is_one_second(client: AsyncOpenAI, sleeps: List[float]) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        mock.get("/vector_stores/vs_1/files/file-1").side_effect = replies(vs_file("in_progress"), vs_file("cancelled"))
        await polling.poll_vector_store_file(VectorStoreFilesResource(client), "file-1", vector_store_id="vs_1")
    assert sleeps == [1.0]


async def test_upload_and_poll_uploads_for_assistants_then_attaches(client: AsyncOpenAI, sleeps: List[float]) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        upload = mock.post("/files").respond(json=uploaded("file-9"))
        attach = mock.post("/vector_stores/vs_1/files").respond(json=vs_file("in_progress", "file-9"))
        mock.get("/vector_stores/vs_1/files/file-9").respond(json=vs_file("completed", "file-9"))
        result = await polling.upload_and_poll_vector_store_file(
            VectorStoreFilesResource(client),
            vector_store_id="vs_1",
            file=("notes.txt", b"abc"),
            chunking_strategy={"type": "auto"},
        )
    assert result.id == "file-9" and result.status == "completed"
    form = upload.calls.last.request.content
    assert b'name="purpose"\r\n\r\nassistants' in form and b'filename="notes.txt"' in form
    assert json.loads(attach.calls.last.request.content) == {"file_id": "file-9", "chunking_strategy": {"type": "auto"}}
    assert sleeps == []


async def test_upload_without_polling(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL, assert_all_called=True) as mock:
        mock.post("/files").respond(json=uploaded("file-3"))
        mock.post("/vector_stores/vs_1/files").respond(json=vs_file("in_progress", "file-3"))
        result = await polling.upload_vector_store_file(
            VectorStoreFilesResource(client), vector_store_id="vs_1", file=b"abc"
        )
    assert result.status == "in_progress"


async def test_file_batch_upload_and_poll(client: AsyncOpenAI, sleeps: List[float]) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        upload = mock.post("/files")
        upload.side_effect = replies(uploaded("file-a"), uploaded("file-b"))
        create = mock.post("/vector_stores/vs_1/file_batches").respond(json=batch("in_progress"))
        retrieve = mock.get("/vector_stores/vs_1/file_batches/vsfb_1")
        retrieve.side_effect = replies(batch("in_progress"), batch("completed"), poll_after_ms=10)
        result = await polling.upload_and_poll_file_batch(
            AsyncFileBatches(client), "vs_1", files=[b"a", b"b"], file_ids=["file-old"]
        )
    assert isinstance(result, VectorStoreFileBatch) and result.status == "completed"
    assert upload.call_count == 2
    assert json.loads(create.calls.last.request.content) == {"file_ids": ["file-old", "file-a", "file-b"]}
    assert sleeps == [0.01]


async def test_file_batch_upload_needs_something_to_attach(client: AsyncOpenAI) -> None:
    with pytest.raises(ValueError, match="Nothing to attach"):
        await polling.upload_and_poll_file_batch(AsyncFileBatches(client), "vs_1", files=[])
    with pytest.raises(ValueError, match="max_concurrency"):
        await polling.upload_and_poll_file_batch(AsyncFileBatches(client), "vs_1", files=[], max_concurrency=0)


async def test_create_and_poll_a_run_stops_when_it_needs_tool_outputs(client: AsyncOpenAI, sleeps: List[float]) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        create = mock.post("/threads/thread_1/runs").respond(json=run("queued"))
        retrieve = mock.get("/threads/thread_1/runs/run_1")
        retrieve.side_effect = replies(run("queued"), run("in_progress"), run("requires_action"))
        result = await polling.create_and_poll_run(
            AsyncRuns(client),
            thread_id="thread_1",
            assistant_id="asst_1",
            include=["step_details.tool_calls[*].file_search.results[*].content"],
        )
    assert isinstance(result, Run) and result.status == "requires_action"
    sent = create.calls.last.request
    assert json.loads(sent.content) == {"assistant_id": "asst_1"}
    assert sent.url.params.get_list("include[]") == ["step_details.tool_calls[*].file_search.results[*].content"]
    assert retrieve.calls.last.request.headers["openai-beta"] == "assistants=v2"
    assert retrieve.call_count == 3
    assert sleeps == [1.0, 1.0]


async def test_submit_tool_outputs_and_poll(client: AsyncOpenAI, sleeps: List[float]) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        submit = mock.post("/threads/thread_1/runs/run_1/submit_tool_outputs").respond(json=run("in_progress"))
        mock.get("/threads/thread_1/runs/run_1").side_effect = replies(run("cancelling"), run("cancelled"))
        result = await polling.submit_tool_outputs_and_poll(
            AsyncRuns(client),
            tool_outputs=[{"tool_call_id": "call_1", "output": "42"}],
            run_id="run_1",
            thread_id="thread_1",
            poll_interval_ms=0,
        )
    assert result.status == "cancelled"
    assert json.loads(submit.calls.last.request.content) == {
        "tool_outputs": [{"tool_call_id": "call_1", "output": "42"}]
    }
    assert sleeps == [0.0]


async def test_create_and_run_poll(client: AsyncOpenAI, sleeps: List[float]) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        mock.post("/threads/runs").respond(json=run("queued"))
        mock.get("/threads/thread_1/runs/run_1").respond(json=run("completed"))
        result = await polling.create_and_run_poll(
            AsyncThreads(client), assistant_id="asst_1", thread={"messages": [{"role": "user", "content": "hi"}]}
        )
    assert result.status == "completed"
    assert sleeps == []


async def test_wait_for_processing(client: AsyncOpenAI, sleeps: List[float]) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        retrieve = mock.get("/files/file-1")
        retrieve.side_effect = replies(uploaded("file-1"), uploaded("file-1"), uploaded("file-1", "processed"))
        result = await polling.wait_for_processing(AsyncFiles(client), "file-1", poll_interval=0.5)
    assert result.status == "processed"
    assert sleeps == [0.5, 0.5]
    # Every poll says it is one; the file wait keeps its interval to itself, as it always has.
    for call in retrieve.calls:
        assert call.request.headers["x-stainless-poll-helper"] == "true"
        assert "x-stainless-custom-poll-interval" not in call.request.headers


async def test_wait_for_processing_gives_up_after_max_wait(
    client: AsyncOpenAI, sleeps: List[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = iter([0.0, 10.0, 20.0, 30.0])

    class FakeTime:
        @staticmethod
        def monotonic() -> float:
            return next(clock)

    monkeypatch.setattr("openai._async._helpers.polling.time", FakeTime)
    with respx.mock(base_url=BASE_URL) as mock:
        mock.get("/files/file-1").respond(json=uploaded("file-1"), headers={"openai-poll-after-ms": "2000"})
        with pytest.raises(RuntimeError, match="Giving up on waiting for file file-1"):
            await polling.wait_for_processing(AsyncFiles(client), "file-1", max_wait_seconds=15)
    # Without a chosen interval the server's hint is used.
    assert sleeps == [2.0]


async def test_a_deprecated_helper_warns_once_for_the_callers_line() -> None:
    client = AsyncOpenAI(api_key="sk-test", base_url="http://127.0.0.1:1/v1", max_retries=0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(APIConnectionError):
            await AsyncRuns(client).create_and_poll(thread_id="thread_1", assistant_id="asst_1")
    assert [(w.category, w.filename) for w in caught] == [(DeprecationWarning, __file__)]
    await client.close()


def video(status: str) -> Dict[str, Any]:
    return {
        "id": "video_1",
        "object": "video",
        "created_at": 1,
        "status": status,
        "model": "sora-2",
        "progress": 100 if status == "completed" else 50,
        "seconds": "4",
        "size": "720x1280",
    }


async def test_videos_create_and_poll_waits_until_completed(client: AsyncOpenAI, sleeps: List[float]) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        create = mock.post("/videos").respond(json=video("queued"))
        retrieve = mock.get("/videos/video_1")
        retrieve.side_effect = replies(video("in_progress"), video("completed"), poll_after_ms=2000)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = await client.videos.create_and_poll(
                prompt="a cat", extra_headers={"X-Trace": "t1"}, extra_query={"probe": "1"}, timeout=30
            )
    assert result.status == "completed"
    assert create.calls.last.request.headers["x-trace"] == "t1"
    polled = retrieve.calls.last.request
    assert polled.headers["x-trace"] == "t1" and polled.headers["x-stainless-poll-helper"] == "true"
    assert polled.url.params["probe"] == "1"
    assert retrieve.call_count == 2
    assert sleeps == [2.0]
    assert [str(w.message) for w in caught] == [
        "The Sora API is scheduled to permanently shut down on September 24, 2026."
    ]


async def test_videos_poll_returns_a_failed_video_too(client: AsyncOpenAI, sleeps: List[float]) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        mock.get("/videos/video_1").side_effect = replies(video("queued"), video("failed"))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            result = await client.videos.poll("video_1", poll_interval_ms=10)
    assert result.status == "failed"
    assert sleeps == [0.01]


async def test_create_and_poll_sends_the_request_options_on_every_request(
    client: AsyncOpenAI, sleeps: List[float]
) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        create = mock.post("/vector_stores/vs_1/file_batches").respond(json=batch("in_progress"))
        retrieve = mock.get("/vector_stores/vs_1/file_batches/vsfb_1")
        retrieve.side_effect = replies(batch("completed"))
        await client.vector_stores.file_batches.create_and_poll(
            "vs_1", file_ids=["file-1"], extra_headers={"X-Trace": "t2"}, extra_body={"note": "n"}
        )
    assert create.calls.last.request.headers["x-trace"] == "t2"
    assert json.loads(create.calls.last.request.content) == {"file_ids": ["file-1"], "note": "n"}
    assert retrieve.calls.last.request.headers["x-trace"] == "t2"

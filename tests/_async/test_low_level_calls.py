"""``client.get/post/put/patch/delete``: the official SDK's low-level calls, for paths without a method."""

from __future__ import annotations

import inspect
import json
from typing import Any, Dict, List

import pytest

from openai import APIConnectionError, AsyncOpenAI, AsyncStream, NotFoundError
from openai._base_client import make_request_options
from openai._constants import RAW_RESPONSE_HEADER
from openai._legacy_response import LegacyAPIResponse
from openai.testing import LoopbackServer
from openai.types import FileDeleted, FileObject, Model
from openai.types.chat import ChatCompletion, ChatCompletionChunk

MESSAGES: List[Any] = [{"role": "user", "content": "hello there"}]


async def test_get_builds_the_answer_as_cast_to(client: AsyncOpenAI, server: LoopbackServer) -> None:
    model = await client.get(
        "/models/gpt-4o", cast_to=Model, options={"headers": {"X-Trace": "t1"}, "params": {"probe": "1"}}
    )
    assert isinstance(model, Model)
    assert model.id == "gpt-4o"
    sent = server.requests[-1]
    assert (sent.method, sent.path) == ("GET", "/v1/models/gpt-4o")
    assert sent.headers["x-trace"] == "t1"
    assert "probe=1" in sent.query_string


async def test_post_sends_the_body_as_json(client: AsyncOpenAI, server: LoopbackServer) -> None:
    completion = await client.post(
        "/chat/completions",
        cast_to=ChatCompletion,
        body={"model": "m", "messages": MESSAGES},
        options={"extra_json": {"seed": 7}, "idempotency_key": "idem-1"},
    )
    assert isinstance(completion, ChatCompletion)
    sent = server.requests[-1]
    assert json.loads(sent.body) == {"model": "m", "messages": MESSAGES, "seed": 7}
    assert sent.headers["idempotency-key"] == "idem-1"


async def test_post_streams_as_stream_cls_says(client: AsyncOpenAI) -> None:
    stream = await client.post(
        "/chat/completions",
        cast_to=ChatCompletion,
        body={"model": "m", "messages": MESSAGES, "stream": True},
        stream=True,
        stream_cls=AsyncStream[ChatCompletionChunk],
    )
    assert isinstance(stream, AsyncStream)
    chunks = [chunk async for chunk in stream]
    assert chunks and all(isinstance(chunk, ChatCompletionChunk) for chunk in chunks)


async def test_stream_cls_without_stream_gives_cast_to(client: AsyncOpenAI) -> None:
    # litellm passes stream_cls on every low-level call and says with `stream` whether it streams.
    completion = await client.post(
        "/chat/completions",
        cast_to=ChatCompletion,
        body={"model": "m", "messages": MESSAGES},
        stream=False,
        stream_cls=AsyncStream[ChatCompletionChunk],
    )
    assert isinstance(completion, ChatCompletion)


async def test_the_raw_response_header_set_to_true_gives_the_raw_response(
    client: AsyncOpenAI, server: LoopbackServer
) -> None:
    # What litellm does: the official SDK's raw-response header, valued "true", on a low-level call.
    options = make_request_options(extra_headers={RAW_RESPONSE_HEADER: "true"})
    raw = await client.post(
        "/chat/completions", cast_to=ChatCompletion, body={"model": "m", "messages": MESSAGES}, options=options
    )
    assert isinstance(raw, LegacyAPIResponse)
    assert raw.headers["content-type"].startswith("application/json")
    assert isinstance(raw.parse(), ChatCompletion)
    assert RAW_RESPONSE_HEADER.lower() not in server.requests[-1].headers
    streamed = await client.post(
        "/chat/completions",
        cast_to=ChatCompletion,
        body={"model": "m", "messages": MESSAGES, "stream": True},
        options=options,
        stream=True,
        stream_cls=AsyncStream[ChatCompletionChunk],
    )
    assert isinstance(streamed, LegacyAPIResponse)
    chunks = [chunk async for chunk in streamed.parse()]
    assert chunks and all(isinstance(chunk, ChatCompletionChunk) for chunk in chunks)


async def test_post_with_files_is_multipart_and_delete_removes(client: AsyncOpenAI) -> None:
    uploaded = await client.post(
        "/files", cast_to=FileObject, body={"purpose": "batch"}, files={"file": ("a.jsonl", b'{"a": 1}\n')}
    )
    assert isinstance(uploaded, FileObject)
    deleted = await client.delete(f"/files/{uploaded.id}", cast_to=FileDeleted)
    assert deleted.deleted is True
    with pytest.raises(NotFoundError):
        await client.get(f"/files/{uploaded.id}", cast_to=FileObject)


async def test_bad_options_are_refused_before_any_request(client: AsyncOpenAI, server: LoopbackServer) -> None:
    with pytest.raises(TypeError, match="Unknown request option 'header'"):
        await client.get("/models", cast_to=Model, options={"header": {}})  # type: ignore[typeddict-unknown-key]
    with pytest.raises(TypeError, match="with_options"):
        await client.get("/models", cast_to=Model, options={"max_retries": 0})  # type: ignore[typeddict-unknown-key]
    assert server.requests == []


def test_the_low_level_signatures_are_the_official_ones() -> None:
    official: Dict[str, List[str]] = {
        "get": ["path", "cast_to", "options", "stream", "stream_cls"],
        "post": ["path", "cast_to", "body", "content", "options", "files", "stream", "stream_cls"],
        "put": ["path", "cast_to", "body", "content", "files", "options"],
        "patch": ["path", "cast_to", "body", "content", "files", "options"],
        "delete": ["path", "cast_to", "body", "content", "options"],
    }
    for name, parameters in official.items():
        signature = inspect.signature(getattr(AsyncOpenAI, name))
        assert list(signature.parameters)[1:] == parameters, name
        kinds = [p.kind for p in signature.parameters.values()][1:]
        assert kinds[0] is inspect.Parameter.POSITIONAL_OR_KEYWORD
        assert all(kind is inspect.Parameter.KEYWORD_ONLY for kind in kinds[1:]), name


async def test_a_base_url_that_is_not_absolute_fails_only_when_a_request_is_sent() -> None:
    client = AsyncOpenAI(api_key="sk-test", base_url="localhost:8000/v1")
    assert str(client.base_url) == "localhost:8000/v1/"
    with pytest.raises(APIConnectionError, match="base_url 'localhost:8000/v1/' is not an absolute http"):
        await client.models.retrieve("gpt-4o")
    await client.close()

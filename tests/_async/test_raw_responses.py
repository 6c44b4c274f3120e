"""What ``with_raw_response`` and ``with_streaming_response`` give, as the official SDK gives it."""

from __future__ import annotations

import datetime
from typing import Any, List

import httpx
import pytest
import respx

from openai import AsyncOpenAI, AsyncStream
from openai._response import HttpxBinaryResponseContent, LegacyAPIResponse
from openai.testing import LoopbackServer
from openai.types.chat import ChatCompletion, ChatCompletionChunk

MESSAGES: List[Any] = [{"role": "user", "content": "hello there"}]


async def test_a_raw_response_shows_the_exchange(client: AsyncOpenAI) -> None:
    raw = await client.chat.completions.with_raw_response.create(model="m", messages=MESSAGES)
    assert isinstance(raw, LegacyAPIResponse)
    assert raw.status_code == 200
    assert raw.http_request.method == "POST"
    assert raw.http_request.url.path.endswith("/chat/completions")
    assert raw.http_response.request is raw.http_request
    assert raw.http_version == "HTTP/1.1"
    assert isinstance(raw.elapsed, datetime.timedelta)
    assert raw.retries_taken == 0
    assert raw.is_closed
    completion = raw.parse()
    assert isinstance(completion, ChatCompletion)
    assert raw.parse() is completion
    assert raw.parse(to=httpx.Response) is raw.http_response
    assert raw.parse(to=str).startswith("{")


async def test_a_raw_response_counts_the_retries_it_took(client: AsyncOpenAI, sleeps: List[float]) -> None:
    raw = await client.with_raw_response.chat.completions.create(
        model="m",
        messages=MESSAGES,
        extra_headers={"x-loopback-scenario": "status=500;times=1", "x-loopback-scenario-key": "raw-retries"},
    )
    assert raw.retries_taken == 1
    assert len(sleeps) == 1
    assert isinstance(raw.parse(), ChatCompletion)


async def test_a_raw_streamed_call_parses_to_the_stream(client: AsyncOpenAI) -> None:
    raw = await client.chat.completions.with_raw_response.create(model="m", messages=MESSAGES, stream=True)
    assert isinstance(raw, LegacyAPIResponse)
    assert raw.http_response.headers["content-type"].startswith("text/event-stream")
    assert not raw.is_closed
    stream = raw.parse()
    assert isinstance(stream, AsyncStream)
    chunks = [chunk async for chunk in stream]
    assert chunks and all(isinstance(chunk, ChatCompletionChunk) for chunk in chunks)
    assert raw.is_closed


async def test_a_streamed_response_shows_the_exchange_and_closes(client: AsyncOpenAI) -> None:
    async with client.chat.completions.with_streaming_response.create(model="m", messages=MESSAGES) as response:
        assert not response.is_closed
        assert response.http_version == "HTTP/1.1"
        assert response.http_request.method == "POST"
        assert response.retries_taken == 0
        completion = await response.parse()
        assert isinstance(completion, ChatCompletion)
        assert response.is_closed
        assert isinstance(response.elapsed, datetime.timedelta)


async def test_a_streamed_binary_call_parses_to_binary_content(client: AsyncOpenAI) -> None:
    uploaded = await client.files.create(file=("notes.jsonl", b'{"a": 1}\n'), purpose="batch")
    async with client.files.with_streaming_response.content(uploaded.id) as response:
        content = await response.parse()
        assert isinstance(content, HttpxBinaryResponseContent)
        assert content.content == b'{"a": 1}\n'
    assert response.is_closed


async def test_a_raw_response_of_a_call_without_content_is_a_response() -> None:
    async with AsyncOpenAI(api_key="sk-test", base_url="http://127.0.0.1:9/v1") as client:
        with respx.mock(base_url="http://127.0.0.1:9/v1") as mock:
            mock.delete("/responses/resp_1").respond(204)
            raw = await client.responses.with_raw_response.delete("resp_1")
    assert isinstance(raw, LegacyAPIResponse)
    assert raw.status_code == 204
    assert raw.parse() is None


@pytest.mark.parametrize("view", ["with_raw_response", "with_streaming_response"])
async def test_the_views_keep_the_methods_signatures(client: AsyncOpenAI, view: str) -> None:
    import inspect

    wrapped = getattr(client.chat.completions, view).create
    assert inspect.signature(wrapped) == inspect.signature(client.chat.completions.create)


# The mode of a call (parsed, raw, streamed) travels in its options, never as a header.


async def test_no_view_adds_a_header_to_the_request(client: AsyncOpenAI, server: LoopbackServer) -> None:
    await client.chat.completions.create(model="m", messages=MESSAGES)
    await client.chat.completions.with_raw_response.create(model="m", messages=MESSAGES)
    async with client.chat.completions.with_streaming_response.create(model="m", messages=MESSAGES) as response:
        await response.parse()
    parsed, raw, streamed = (sorted(request.headers.keys()) for request in server.requests)
    assert raw == parsed
    assert streamed == parsed


@pytest.mark.parametrize("marker", ["X-Stainless-Raw-Response", "X-Twin-Raw-Response", "x-twin-raw-response"])
@pytest.mark.parametrize("value", ["raw", "stream", "streamed"])
async def test_a_callers_header_cannot_switch_the_mode(
    client: AsyncOpenAI, server: LoopbackServer, marker: str, value: str
) -> None:
    completion = await client.chat.completions.create(model="m", messages=MESSAGES, extra_headers={marker: value})
    assert isinstance(completion, ChatCompletion)
    # The caller's header is the caller's: sent as given, read by no one here.
    assert server.requests[-1].headers[marker.lower()] == value
    raw = await client.chat.completions.with_raw_response.create(
        model="m", messages=MESSAGES, extra_headers={marker: "parsed"}
    )
    assert isinstance(raw, LegacyAPIResponse)


async def test_a_view_leaves_its_resource_parsing(client: AsyncOpenAI) -> None:
    raw = await client.chat.completions.with_raw_response.create(model="m", messages=MESSAGES)
    assert isinstance(raw, LegacyAPIResponse)
    assert isinstance(await client.chat.completions.create(model="m", messages=MESSAGES), ChatCompletion)


async def test_a_raw_list_call_parses_to_a_page_that_pages_on_parsed(client: AsyncOpenAI) -> None:
    for name in ("a.jsonl", "b.jsonl"):
        await client.files.create(file=(name, b'{"a": 1}\n'), purpose="batch")
    raw = await client.files.with_raw_response.list(limit=1)
    assert isinstance(raw, LegacyAPIResponse)
    page = raw.parse()
    assert len(page.data) == 1
    assert page.has_next_page()
    next_page = await page.get_next_page()
    assert not isinstance(next_page, LegacyAPIResponse)
    assert len(next_page.data) == 1


async def test_parse_to_a_type_reads_the_body_as_sent(client: AsyncOpenAI) -> None:
    async with client.chat.completions.with_streaming_response.create(model="m", messages=MESSAGES) as response:
        text = await response.parse(to=str)
        assert text.startswith("{")
        assert isinstance(await response.parse(), ChatCompletion)

"""``chat.completions.parse`` and ``chat.completions.stream`` over real HTTP (loopback server) and respx."""

from __future__ import annotations

import json
from typing import Any, AsyncIterator, List, Optional

import pydantic
import pytest
import respx

from openai import AsyncOpenAI
from openai._async._helpers.chat import parse_chat_completion, stream_chat_completion
from openai._async._helpers.streams import AsyncChatCompletionStream
from openai._async.resources.chat.completions import AsyncCompletions
from openai._helpers.parsing import LengthFinishReasonError, pydantic_function_tool, to_strict_json_schema
from openai._response import LegacyAPIResponse
from openai.testing import LoopbackServer
from openai.types.chat import ParsedChatCompletion, ParsedFunctionToolCall
from tests._transports import make_async_client

BASE_URL = "http://127.0.0.1:1/v1"
MESSAGES = [{"role": "user", "content": "Oslo"}]


class Address(pydantic.BaseModel):
    street: str
    city: str
    floor: Optional[int] = None


class GetWeather(pydantic.BaseModel):
    """Look up the weather."""

    city: str
    celsius: bool


class WiredCompletions(AsyncCompletions):
    """The chat completions resource with the helpers wired in the way the lead wires them."""

    parse = parse_chat_completion
    stream = stream_chat_completion


def completions(client: AsyncOpenAI) -> WiredCompletions:
    return WiredCompletions(client)


def last_body(server: LoopbackServer) -> Any:
    return json.loads(server.requests[-1].body)


async def test_parse_sends_a_strict_schema_and_returns_the_model(client: AsyncOpenAI, server: LoopbackServer) -> None:
    completion = await completions(client).parse(model="m", messages=MESSAGES, response_format=Address)
    assert isinstance(completion, ParsedChatCompletion)
    message = completion.choices[0].message
    # The loopback "model" fills every string of the schema with the user's text, numbers with 0.
    assert message.parsed == Address(street="Oslo", city="Oslo", floor=0)
    assert json.loads(message.content or "") == {"street": "Oslo", "city": "Oslo", "floor": 0}

    body = last_body(server)
    assert body["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "Address", "schema": to_strict_json_schema(Address), "strict": True},
    }
    assert body["response_format"]["json_schema"]["schema"]["additionalProperties"] is False
    assert "stream" not in body
    assert server.requests[-1].headers["x-stainless-helper-method"] == "chat.completions.parse"


async def test_beta_chat_is_the_same_chat_api(client: AsyncOpenAI, server: LoopbackServer) -> None:
    completion = await client.beta.chat.completions.parse(model="m", messages=MESSAGES, response_format=Address)
    assert completion.choices[0].message.parsed == Address(street="Oslo", city="Oslo", floor=0)
    assert server.requests[-1].path.endswith("/chat/completions")


async def test_parse_turns_tool_calls_into_model_instances(client: AsyncOpenAI, server: LoopbackServer) -> None:
    # A one-pass iterable of tools is read once: checked and sent alike.
    completion = await completions(client).parse(
        model="m", messages=MESSAGES, tools=(tool for tool in [pydantic_function_tool(GetWeather)])
    )
    (call,) = completion.choices[0].message.tool_calls or []
    assert isinstance(call, ParsedFunctionToolCall)
    assert call.function.name == "GetWeather"
    assert call.function.parsed_arguments == GetWeather(city="Oslo", celsius=False)
    assert completion.choices[0].message.parsed is None
    sent_tool = last_body(server)["tools"][0]
    assert sent_tool["function"]["strict"] is True
    assert sent_tool["function"]["parameters"] == to_strict_json_schema(GetWeather)


async def test_parse_refuses_non_strict_tools_before_sending(client: AsyncOpenAI, server: LoopbackServer) -> None:
    loose = {"type": "function", "function": {"name": "loose", "parameters": {"type": "object"}}}
    with pytest.raises(ValueError, match="`loose` is not strict"):
        await completions(client).parse(model="m", messages=MESSAGES, tools=[loose])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="stream"):
        await completions(client).parse(model="m", messages=MESSAGES, stream=True)  # type: ignore[call-arg]
    assert server.requests == []


@pytest.fixture
async def mocked_client() -> AsyncIterator[AsyncOpenAI]:
    async with make_async_client("httpx", BASE_URL, max_retries=0) as api:
        yield api


def completion_json(content: str, finish_reason: str = "stop") -> Any:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1,
        "model": "m",
        "choices": [{"index": 0, "finish_reason": finish_reason, "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 5, "total_tokens": 6},
    }


async def test_parse_raises_when_the_answer_hit_the_token_limit(mocked_client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        mock.post("/chat/completions").respond(json=completion_json('{"street": "Ma', "length"))
        with pytest.raises(LengthFinishReasonError) as caught:
            await completions(mocked_client).parse(model="m", messages=MESSAGES, response_format=Address)
    assert caught.value.completion.usage is not None
    assert caught.value.completion.usage.completion_tokens == 5


async def test_parse_reports_content_that_does_not_fit(mocked_client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        mock.post("/chat/completions").respond(json=completion_json('{"street": "Main"}'))
        with pytest.raises(pydantic.ValidationError, match="city"):
            await completions(mocked_client).parse(model="m", messages=MESSAGES, response_format=Address)


async def test_parse_works_through_with_raw_response(mocked_client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        mock.post("/chat/completions").respond(
            json=completion_json('{"street": "Main", "city": "Oslo", "floor": null}'), headers={"x-request-id": "req_9"}
        )
        raw = await completions(mocked_client).with_raw_response.parse(
            model="m", messages=MESSAGES, response_format=Address
        )
    assert isinstance(raw, LegacyAPIResponse)
    assert raw.headers["x-request-id"] == "req_9"
    parsed = raw.parse()
    assert isinstance(parsed, ParsedChatCompletion)
    assert parsed.choices[0].message.parsed == Address(street="Main", city="Oslo")
    assert parsed._request_id == "req_9"


async def test_stream_yields_events_with_partial_and_final_parses(client: AsyncOpenAI, server: LoopbackServer) -> None:
    async with completions(client).stream(model="m", messages=MESSAGES, response_format=Address) as stream:
        assert isinstance(stream, AsyncChatCompletionStream)
        events = [event async for event in stream]
        final = await stream.get_final_completion()
    assert stream.response.is_closed
    assert last_body(server)["stream"] is True
    assert server.requests[-1].headers["x-stainless-helper-method"] == "chat.completions.stream"

    kinds = [event.type for event in events]
    assert kinds[0] == "chunk"
    assert kinds.count("content.delta") >= 1
    assert kinds[-1] == "content.done"
    deltas = [event for event in events if event.type == "content.delta"]
    assert "".join(event.delta for event in deltas) == deltas[-1].snapshot
    assert deltas[-1].parsed == {"street": "Oslo", "city": "Oslo", "floor": 0}
    done = events[-1]
    assert done.type == "content.done" and done.parsed == Address(street="Oslo", city="Oslo", floor=0)

    assert isinstance(final, ParsedChatCompletion)
    assert final.choices[0].finish_reason == "stop"
    assert final.choices[0].message.parsed == Address(street="Oslo", city="Oslo", floor=0)
    assert final.id == events[0].chunk.id


async def test_stream_tool_call_events(client: AsyncOpenAI) -> None:
    async with completions(client).stream(
        model="m", messages=MESSAGES, tools=[pydantic_function_tool(GetWeather)]
    ) as stream:
        events = [event async for event in stream if event.type != "chunk"]
        final = await stream.get_final_completion()
    argument_deltas = [event for event in events if event.type == "tool_calls.function.arguments.delta"]
    assert len(argument_deltas) == 2  # the loopback server sends the arguments in two halves
    assert argument_deltas[-1].arguments == json.dumps({"city": "Oslo", "celsius": False})
    done = [event for event in events if event.type == "tool_calls.function.arguments.done"]
    assert len(done) == 1
    assert done[0].name == "GetWeather"
    assert done[0].parsed_arguments == GetWeather(city="Oslo", celsius=False)
    (call,) = final.choices[0].message.tool_calls or []
    assert isinstance(call, ParsedFunctionToolCall)
    assert call.function.parsed_arguments == GetWeather(city="Oslo", celsius=False)


async def test_stream_text_deltas_and_until_done(client: AsyncOpenAI) -> None:
    messages = [{"role": "user", "content": "one two three"}]
    async with completions(client).stream(model="m", messages=messages) as stream:
        text: List[str] = [delta async for delta in stream.text_deltas]
        assert await stream.until_done() is stream
        final = await stream.get_final_completion()
    assert "".join(text) == "Echo: one two three"
    assert final.choices[0].message.content == "Echo: one two three"
    assert final.choices[0].message.parsed is None
    assert stream.current_completion_snapshot.choices[0].message.content == "Echo: one two three"


async def test_leaving_the_stream_early_releases_the_connection(client: AsyncOpenAI) -> None:
    async with completions(client).stream(model="m", messages=MESSAGES) as stream:
        async for _event in stream:
            break
    assert stream.response.is_closed
    # The pool still serves the next call.
    assert (await client.chat.completions.create(model="m", messages=MESSAGES)).choices


async def test_a_stream_that_is_never_entered_makes_no_request(client: AsyncOpenAI, server: LoopbackServer) -> None:
    completions(client).stream(model="m", messages=MESSAGES)
    assert server.requests == []


async def test_stream_accepts_a_response_format_dict_and_leaves_content_unparsed(mocked_client: AsyncOpenAI) -> None:
    frames = [
        {"choices": [{"index": 0, "delta": {"role": "assistant", "content": '{"a": '}, "finish_reason": None}]},
        {"choices": [{"index": 0, "delta": {"content": "1}"}, "finish_reason": "stop"}]},
    ]
    header = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "m"}
    body = b"".join(b"data: " + json.dumps({**header, **frame}).encode() + b"\n\n" for frame in frames)
    body += b"data: [DONE]\n\n"
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/chat/completions").respond(content=body, headers={"content-type": "text/event-stream"})
        async with completions(mocked_client).stream(
            model="m", messages=MESSAGES, response_format={"type": "json_object"}
        ) as stream:
            events = [event async for event in stream if event.type != "chunk"]
            final = await stream.get_final_completion()
    assert json.loads(route.calls.last.request.content)["response_format"] == {"type": "json_object"}
    assert [event.type for event in events] == ["content.delta", "content.delta", "content.done"]
    assert all(getattr(event, "parsed", None) is None for event in events)
    assert final.choices[0].message.content == '{"a": 1}'

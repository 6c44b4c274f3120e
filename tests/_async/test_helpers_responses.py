"""``responses.parse`` and ``responses.stream`` against respx mocks of the Responses API."""

from __future__ import annotations

import json
from typing import Any, AsyncIterator, Dict, List

import pydantic
import pytest
import respx

from openai._async._helpers.responses import parse_response, stream_response
from openai._async._helpers.streams import AsyncResponseStream
from openai._async.resources.responses import AsyncResponses
from openai._helpers.parsing import pydantic_function_tool, to_strict_json_schema
from openai._streams.response_events import ResponseCompletedEvent, ResponseTextDeltaEvent, ResponseTextDoneEvent
from openai.types.responses import ParsedResponse, ParsedResponseFunctionToolCall
from tests._transports import make_async_client

BASE_URL = "http://127.0.0.1:1/v1"
ANSWER = '{"street": "Main", "city": "Oslo"}'


class Address(pydantic.BaseModel):
    street: str
    city: str


class GetWeather(pydantic.BaseModel):
    city: str


class WiredResponses(AsyncResponses):
    """The responses resource with the helpers wired in the way the lead wires them."""

    parse = parse_response
    stream = stream_response


@pytest.fixture
async def responses() -> AsyncIterator[WiredResponses]:
    async with make_async_client("httpx", BASE_URL, max_retries=0) as client:
        yield WiredResponses(client)


def message(text: str, status: str = "completed") -> Dict[str, Any]:
    return {
        "type": "message",
        "id": "msg_1",
        "role": "assistant",
        "status": status,
        "content": [{"type": "output_text", "text": text, "annotations": []}] if text else [],
    }


def response(*output: Dict[str, Any], status: str = "completed") -> Dict[str, Any]:
    return {
        "id": "resp_1",
        "object": "response",
        "created_at": 1,
        "status": status,
        "model": "m",
        "tools": [],
        "tool_choice": "auto",
        "parallel_tool_calls": True,
        "output": list(output),
    }


def sse(*events: Dict[str, Any]) -> bytes:
    numbered = [{**event, "sequence_number": number} for number, event in enumerate(events)]
    return b"".join(f"event: {event['type']}\ndata: {json.dumps(event)}\n\n".encode() for event in numbered)


def text_stream(text: str) -> bytes:
    where = {"item_id": "msg_1", "output_index": 0, "content_index": 0}
    middle = len(text) // 2
    return sse(
        {"type": "response.created", "response": response(status="in_progress")},
        {"type": "response.output_item.added", "output_index": 0, "item": message("", "in_progress")},
        {
            "type": "response.content_part.added",
            **where,
            "part": {"type": "output_text", "text": "", "annotations": []},
        },
        {"type": "response.output_text.delta", **where, "delta": text[:middle], "logprobs": []},
        {"type": "response.output_text.delta", **where, "delta": text[middle:], "logprobs": []},
        {"type": "response.output_text.done", **where, "text": text, "logprobs": []},
        {"type": "response.output_item.done", "output_index": 0, "item": message(text)},
        {"type": "response.completed", "response": response(message(text))},
    )


async def test_parse_sends_the_text_format_and_returns_the_model(responses: WiredResponses) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/responses").respond(json=response(message(ANSWER)))
        result = await responses.parse(model="m", input="where?", text_format=Address, text={"verbosity": "low"})
    assert isinstance(result, ParsedResponse)
    assert result.output_parsed == Address(street="Main", city="Oslo")
    sent = route.calls.last.request
    body = json.loads(sent.content)
    assert body["text"] == {
        "verbosity": "low",
        "format": {"type": "json_schema", "name": "Address", "schema": to_strict_json_schema(Address), "strict": True},
    }
    assert sent.headers["x-stainless-helper-method"] == "responses.parse"


async def test_parse_flattens_pydantic_tools_and_parses_their_calls(responses: WiredResponses) -> None:
    call = {"type": "function_call", "call_id": "c1", "name": "GetWeather", "arguments": '{"city": "Oslo"}'}
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/responses").respond(json=response(call))
        result = await responses.parse(model="m", input="weather?", tools=[pydantic_function_tool(GetWeather)])  # type: ignore[list-item]
    (item,) = result.output
    assert isinstance(item, ParsedResponseFunctionToolCall)
    assert item.parsed_arguments == GetWeather(city="Oslo")
    assert result.output_parsed is None
    (tool,) = json.loads(route.calls.last.request.content)["tools"]
    assert tool == {
        "type": "function",
        "name": "GetWeather",
        "strict": True,
        "parameters": to_strict_json_schema(GetWeather),
    }


async def test_parse_refuses_two_formats(responses: WiredResponses) -> None:
    with pytest.raises(TypeError, match="not both"):
        await responses.parse(model="m", input="x", text_format=Address, text={"format": {"type": "text"}})


async def test_stream_extends_events_and_ends_with_the_parsed_response(responses: WiredResponses) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/responses").respond(
            content=text_stream(ANSWER), headers={"content-type": "text/event-stream"}
        )
        async with responses.stream(model="m", input="where?", text_format=Address) as stream:
            assert isinstance(stream, AsyncResponseStream)
            events: List[Any] = [event async for event in stream]
            final = await stream.get_final_response()
    assert stream.response.is_closed
    body = json.loads(route.calls.last.request.content)
    assert body["stream"] is True and body["text"]["format"]["name"] == "Address"

    deltas = [event for event in events if isinstance(event, ResponseTextDeltaEvent)]
    assert [event.snapshot for event in deltas] == [ANSWER[: len(ANSWER) // 2], ANSWER]
    (done,) = [event for event in events if isinstance(event, ResponseTextDoneEvent)]
    assert done.parsed == Address(street="Main", city="Oslo")
    assert isinstance(events[-1], ResponseCompletedEvent)
    assert events[-1].response.output_parsed == Address(street="Main", city="Oslo")
    assert isinstance(final, ParsedResponse)
    assert final.output_parsed == Address(street="Main", city="Oslo")
    assert final.output_text == ANSWER


async def test_stream_text_deltas(responses: WiredResponses) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        mock.post("/responses").respond(
            content=text_stream("Hello there"), headers={"content-type": "text/event-stream"}
        )
        async with responses.stream(model="m", input="hi") as stream:
            pieces = [piece async for piece in stream.text_deltas]
            final = await stream.get_final_response()
    assert "".join(pieces) == "Hello there"
    assert final.output_text == "Hello there"
    assert final.output_parsed is None


async def test_stream_resumes_a_stored_response(responses: WiredResponses) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.get("/responses/resp_1").respond(
            content=text_stream("again"), headers={"content-type": "text/event-stream"}
        )
        async with responses.stream(response_id="resp_1", starting_after=3) as stream:
            final = await stream.get_final_response()
    assert dict(route.calls.last.request.url.params) == {"stream": "true", "starting_after": "3"}
    assert final.output_text == "again"


async def test_stream_arguments_are_checked_at_the_call(responses: WiredResponses) -> None:
    with pytest.raises(TypeError, match="response_id"):
        responses.stream(starting_after=3, model="m", input="x")
    with pytest.raises(TypeError, match="creation parameters"):
        responses.stream(response_id="resp_1", model="m")
    with pytest.raises(TypeError, match="not both"):
        responses.stream(model="m", input="x", text_format=Address, text={"format": {"type": "text"}})

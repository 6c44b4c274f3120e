"""Beta, Responses, Conversations and Realtime: the requests they send and what they return.

Each of the 60 calls codegen/resource_types.json lists for ``client.beta``, ``client.responses``,
``client.conversations`` and ``client.realtime`` is made once against a respx mock (method, path,
argument shape, opt-in header or query flag, body encoding, result type). Then the parts that are
easy to get wrong are checked in detail: event streams that end with a terminal event (Responses)
and with ``[DONE]`` (assistants runs), query params of body calls, auto-pagination that keeps the
beta opt-ins on later pages, union-typed results and the Realtime call's multipart SDP offer.
"""

from __future__ import annotations

import importlib
import inspect
import json
import typing
from pathlib import Path
from typing import Any, AsyncIterator, Dict, List, Tuple

import httpx
import pytest
import respx

import openai
from openai import AsyncOpenAI
from openai._async._pagination import AsyncConversationCursorPage, AsyncCursorPage
from openai._async._streaming import AsyncStream
from openai._async.resources.beta import AsyncBeta
from openai._async.resources.conversations import AsyncConversations
from openai._async.resources.realtime import AsyncRealtime
from openai._async.resources.responses import AsyncResponses
from openai._response import HttpxBinaryResponseContent
from openai._signatures import takes_params as takes_params_typeddict
from openai.types.beta import (
    BetaResponse,
    BetaResponseCompletedEvent,
    BetaResponseTextDeltaEvent,
)
from openai.types.beta.message_stream_event import ThreadMessageDelta
from openai.types.beta.run_stream_event import ThreadRunCompleted, ThreadRunCreated
from openai.types.beta.threads import Run
from openai.types.conversations import Message
from openai.types.responses import (
    Response,
    ResponseCompletedEvent,
    ResponseCreatedEvent,
    ResponseTextDeltaEvent,
)
from tests._placeholders import required_placeholders
from tests._transports import make_async_client

BASE_URL = "http://127.0.0.1:1/v1"
RESOURCE_TYPES = Path(__file__).resolve().parents[2] / "codegen" / "resource_types.json"
GROUPS = ("beta", "responses", "conversations", "realtime")
PAGE_KINDS: Dict[str, Any] = {
    "SyncCursorPage": AsyncCursorPage,
    "SyncConversationCursorPage": AsyncConversationCursorPage,
}
# A body each union-typed result can be told apart by (its `type` tag picks the member).
UNION_SAMPLES: Dict[str, Dict[str, Any]] = {
    "ResponseItem": {"id": "msg_1", "type": "message", "role": "user", "content": []},
    "BetaResponseItem": {"id": "msg_1", "type": "message", "role": "user", "content": []},
    "ConversationItem": {"id": "msg_1", "type": "message", "status": "completed", "role": "user", "content": []},
    "Data": {
        "id": "cthi_1",
        "object": "chatkit.thread_item",
        "created_at": 1,
        "thread_id": "cthr_1",
        "type": "chatkit.user_message",
        "content": [],
        "attachments": [],
    },
}
# A multipart call needs a part, or httpx would not send a form at all.
REQUIRED_PARAMS: Dict[str, Dict[str, Any]] = {"client.realtime.calls.create": {"sdp": "v=0"}}
SDP_ANSWER = b"v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n"


def group_calls() -> List[Dict[str, Any]]:
    calls = json.loads(RESOURCE_TYPES.read_text(encoding="utf-8"))["calls"]
    return [call for call in calls if call["call"].split(".")[1] in GROUPS]


CALLS = group_calls()


@pytest.fixture
async def client() -> AsyncIterator[AsyncOpenAI]:
    async with make_async_client("httpx", BASE_URL, max_retries=0) as api:
        yield api


def resources(client: AsyncOpenAI) -> Dict[str, Any]:
    """The four resources, built directly so the test does not depend on the client's wiring."""
    return {
        "beta": AsyncBeta(client),
        "responses": AsyncResponses(client),
        "conversations": AsyncConversations(client),
        "realtime": AsyncRealtime(client),
    }


def method_for(client: AsyncOpenAI, call: str) -> Any:
    _, group, *rest = call.split(".")
    target = resources(client)[group]
    for name in rest:
        target = getattr(target, name)
    return target


def split_args(args: str) -> Tuple[List[str], List[str], bool]:
    """sdk-surface's argument column as (positional, keyword-only, takes **params)."""
    written = [arg.strip() for arg in args.split(",")]
    takes_params = "**params" in written
    written = [arg for arg in written if arg != "**params"]
    if "*" in written:
        star = written.index("*")
        return written[:star], written[star + 1 :], takes_params
    return written, [], takes_params


def classes_of(type_ref: Dict[str, Any]) -> Tuple[type, ...]:
    """The classes a value of a resource_types.json type may be: the model, or each member of a union."""
    declared = getattr(importlib.import_module(type_ref["module"]), type_ref["name"])
    if isinstance(declared, type):
        return (declared,)
    union = typing.get_args(declared)[0] if typing.get_origin(declared) is typing.Annotated else declared
    return tuple(member for member in typing.get_args(union) if isinstance(member, type))


def opt_in_header(path: str) -> Any:
    if path.startswith(("/assistants", "/threads")):
        return "assistants=v2"
    if path.startswith("/chatkit"):
        return "chatkit_beta=v1"
    return None


def sse(*events: Tuple[str, Any]) -> bytes:
    """An event-stream body: one ``event:`` / ``data:`` pair per event (data given as JSON or text)."""
    chunks = []
    for name, data in events:
        text = data if isinstance(data, str) else json.dumps(data)
        chunks.append(f"event: {name}\ndata: {text}\n\n")
    return "".join(chunks).encode()


def event_stream(body: bytes) -> httpx.Response:
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body)


def response_json(status: str, text: str = "") -> Dict[str, Any]:
    output = []
    if text:
        output.append(
            {
                "type": "message",
                "id": "msg_1",
                "status": "completed",
                "role": "assistant",
                "content": [{"type": "output_text", "text": text, "annotations": []}],
            }
        )
    return {
        "id": "resp_1",
        "object": "response",
        "created_at": 1,
        "status": status,
        "model": "gpt-test",
        "output": output,
        "tools": [],
        "tool_choice": "auto",
        "parallel_tool_calls": True,
    }


def run_json(status: str) -> Dict[str, Any]:
    return {
        "id": "run_1",
        "object": "thread.run",
        "created_at": 1,
        "thread_id": "thread_1",
        "assistant_id": "asst_1",
        "status": status,
        "model": "gpt-test",
        "instructions": "",
        "tools": [],
        "parallel_tool_calls": True,
    }


def test_the_table_has_every_call_of_the_four_resources() -> None:
    # A regenerated table that adds or drops a call must be looked at here.
    assert len(CALLS) == 60
    assert {call["call"].split(".")[1] for call in CALLS} == set(GROUPS)


@pytest.mark.parametrize("call", CALLS, ids=[call["call"].removeprefix("client.") for call in CALLS])
async def test_every_call_reaches_its_operation(client: AsyncOpenAI, call: Dict[str, Any]) -> None:
    method = method_for(client, call["call"])
    positional, keyword_only, takes_params = split_args(call["args"])
    parameters = list(inspect.signature(method).parameters.values())
    assert [p.name for p in parameters if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD] == positional
    assert [p.name for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY][: len(keyword_only)] == (
        keyword_only
    )
    # `**params` as written; the signature shows its keys one by one.
    assert takes_params_typeddict(method) is takes_params

    path, _, flag = call["path"].partition("?")
    values = {name: f"{name}_x" for name in call["path_params"]}
    if call["result"] == "page":
        item = UNION_SAMPLES.get(call["page"]["item"]["name"], {"id": "item_1"})
        answer = httpx.Response(200, json={"object": "list", "data": [item], "has_more": False})
    elif call["result"] == "binary":
        answer = httpx.Response(200, headers={"content-type": "application/sdp"}, content=SDP_ANSWER)
    elif call["result"] == "none":
        answer = httpx.Response(200)
    else:
        answer = httpx.Response(200, json=UNION_SAMPLES.get(call["returns"]["name"], {"id": "obj_1"}))
    placeholders = {
        name: value
        for name, value in required_placeholders(method, keyword_only).items()
        if name not in REQUIRED_PARAMS.get(call["call"], {})
    }
    with respx.mock(base_url=BASE_URL, assert_all_called=True) as mock:
        route = mock.route(method=call["http_method"], path=path.format(**values)).mock(answer)
        result = await method(
            *[values[name] for name in positional],
            **{name: values[name] for name in keyword_only},
            **placeholders,
            **REQUIRED_PARAMS.get(call["call"], {}),
        )
    assert route.call_count == 1
    sent = route.calls.last.request

    if call["result"] == "page":
        assert isinstance(result, PAGE_KINDS[call["page"]["kind"]])
        assert len(result.data) == 1
        assert isinstance(result.data[0], classes_of(call["page"]["item"]))
    elif call["result"] == "binary":
        assert isinstance(result, HttpxBinaryResponseContent)
        assert result.content == SDP_ANSWER
        assert sent.headers["accept"] == "application/sdp"
    elif call["result"] == "none":
        assert result is None
        assert sent.headers["accept"] == "*/*"
    else:
        assert isinstance(result, classes_of(call["returns"]))
        assert result.id in ("obj_1", "msg_1")

    if call["multipart"]:
        assert sent.headers["content-type"].startswith("multipart/form-data; boundary=")
    elif call["body"] == "application/json":
        assert sent.headers["content-type"] == "application/json"
        assert json.loads(sent.content) == placeholders
    else:
        assert sent.content == b""
    # The beta Responses API is told apart from the stable one by `?beta=true` alone.
    assert sent.url.query.decode() == flag
    assert sent.headers.get("openai-beta") == opt_in_header(path)


async def test_responses_stream_yields_typed_events_and_ends_without_done(client: AsyncOpenAI) -> None:
    body = sse(
        (
            "response.created",
            {"type": "response.created", "sequence_number": 0, "response": response_json("in_progress")},
        ),
        *[
            (
                "response.output_text.delta",
                {
                    "type": "response.output_text.delta",
                    "sequence_number": number,
                    "item_id": "msg_1",
                    "output_index": 0,
                    "content_index": 0,
                    "delta": piece,
                    "logprobs": [],
                },
            )
            for number, piece in enumerate(["Hel", "lo"], start=1)
        ],
        (
            "response.completed",
            {"type": "response.completed", "sequence_number": 3, "response": response_json("completed", "Hello")},
        ),
    )
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/responses").mock(event_stream(body))
        stream = await AsyncResponses(client).create(model="gpt-test", input="Say hello", stream=True)
        assert isinstance(stream, AsyncStream)
        events = [event async for event in stream]
    assert json.loads(route.calls.last.request.content) == {"model": "gpt-test", "input": "Say hello", "stream": True}
    assert [type(event) for event in events] == [
        ResponseCreatedEvent,
        ResponseTextDeltaEvent,
        ResponseTextDeltaEvent,
        ResponseCompletedEvent,
    ]
    deltas = [event.delta for event in events if isinstance(event, ResponseTextDeltaEvent)]
    assert "".join(deltas) == "Hello"
    final = events[-1]
    assert isinstance(final, ResponseCompletedEvent)
    assert isinstance(final.response, Response)
    assert final.response.status == "completed"
    assert stream.response.is_closed


async def test_responses_create_without_stream_parses_the_response(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        mock.post("/responses").respond(json=response_json("completed", "Hi"))
        response = await AsyncResponses(client).create(model="gpt-test", input="hi")
    assert isinstance(response, Response)
    assert response.output[0].type == "message"


async def test_beta_response_retrieve_streams_beta_events_with_its_query(client: AsyncOpenAI) -> None:
    body = sse(
        (
            "response.output_text.delta",
            {
                "type": "response.output_text.delta",
                "sequence_number": 3,
                "item_id": "msg_1",
                "output_index": 0,
                "content_index": 0,
                "delta": "!",
                "logprobs": [],
            },
        ),
        (
            "response.completed",
            {"type": "response.completed", "sequence_number": 4, "response": response_json("completed", "Hi!")},
        ),
    )
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.get("/responses/resp_1").mock(event_stream(body))
        stream = await AsyncBeta(client).responses.retrieve("resp_1", stream=True, starting_after=2)
        events = [event async for event in stream]
    assert dict(route.calls.last.request.url.params) == {"beta": "true", "stream": "true", "starting_after": "2"}
    assert [type(event) for event in events] == [BetaResponseTextDeltaEvent, BetaResponseCompletedEvent]
    final = events[-1]
    assert isinstance(final, BetaResponseCompletedEvent)
    assert isinstance(final.response, BetaResponse)


def run_events() -> List[Tuple[str, Any]]:
    delta = {
        "id": "msg_1",
        "object": "thread.message.delta",
        "delta": {"content": [{"index": 0, "type": "text", "text": {"value": "Hi"}}]},
    }
    return [
        ("thread.run.created", run_json("queued")),
        ("thread.message.delta", delta),
        ("thread.run.completed", run_json("completed")),
    ]


async def test_assistants_run_stream_is_typed_by_event_name_and_ends_at_done(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/threads/thread_1/runs").mock(event_stream(sse(*run_events(), ("done", "[DONE]"))))
        stream = await AsyncBeta(client).threads.runs.create("thread_1", assistant_id="asst_1", stream=True)
        events = [event async for event in stream]
    sent = route.calls.last.request
    assert sent.headers["openai-beta"] == "assistants=v2"
    assert json.loads(sent.content) == {"assistant_id": "asst_1", "stream": True}
    assert [type(event) for event in events] == [ThreadRunCreated, ThreadMessageDelta, ThreadRunCompleted]
    first, _, last = events
    assert isinstance(first, ThreadRunCreated) and isinstance(first.data, Run)
    assert isinstance(last, ThreadRunCompleted) and last.data.status == "completed"


async def test_an_assistants_run_stream_cut_before_done_is_an_error(client: AsyncOpenAI) -> None:
    # Unlike the Responses API, the assistants API always sends [DONE], so its absence means a cut.
    with respx.mock(base_url=BASE_URL) as mock:
        mock.post("/threads/runs").mock(event_stream(sse(*run_events())))
        stream = await AsyncBeta(client).threads.create_and_run(assistant_id="asst_1", stream=True)
        received = []
        with pytest.raises(openai.APIError, match=r"\[DONE\]"):
            async for event in stream:
                received.append(event)
    assert len(received) == 3


async def test_run_create_sends_include_in_the_query_and_the_rest_as_json(client: AsyncOpenAI) -> None:
    include = "step_details.tool_calls[*].file_search.results[*].content"
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/threads/thread_1/runs").respond(json=run_json("queued"))
        run = await AsyncBeta(client).threads.runs.create(
            "thread_1", assistant_id="asst_1", include=[include], metadata={"k": "v"}
        )
    sent = route.calls.last.request
    assert sent.url.params.get_list("include[]") == [include]
    assert json.loads(sent.content) == {"assistant_id": "asst_1", "metadata": {"k": "v"}}
    assert isinstance(run, Run)
    assert run.status == "queued"


async def test_a_callers_own_openai_beta_header_wins(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.get("/assistants/asst_1").respond(json={"id": "asst_1", "object": "assistant"})
        await AsyncBeta(client).assistants.retrieve("asst_1", extra_headers={"openai-beta": "assistants=v3"})
    assert route.calls.last.request.headers.get_list("openai-beta") == ["assistants=v3"]


async def test_assistant_list_walks_both_pages_with_the_beta_header(client: AsyncOpenAI) -> None:
    first = {"object": "list", "data": [{"id": "asst_1"}, {"id": "asst_2"}], "has_more": True}
    second = {"object": "list", "data": [{"id": "asst_3"}], "has_more": False}
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.get("/assistants").mock(
            side_effect=[httpx.Response(200, json=first), httpx.Response(200, json=second)]
        )
        ids = [assistant.id async for assistant in AsyncBeta(client).assistants.list(limit=2, order="asc")]
    assert ids == ["asst_1", "asst_2", "asst_3"]
    requests = [call.request for call in route.calls]
    assert [dict(request.url.params) for request in requests] == [
        {"limit": "2", "order": "asc"},
        {"limit": "2", "order": "asc", "after": "asst_2"},
    ]
    assert [request.headers["openai-beta"] for request in requests] == ["assistants=v2", "assistants=v2"]


async def test_beta_input_items_keep_the_beta_flag_on_the_next_page(client: AsyncOpenAI) -> None:
    item = UNION_SAMPLES["BetaResponseItem"]
    first = {"object": "list", "data": [item], "has_more": True, "first_id": "msg_1", "last_id": "msg_1"}
    second = {"object": "list", "data": [{**item, "id": "msg_2"}], "has_more": False}
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.get("/responses/resp_1/input_items").mock(
            side_effect=[httpx.Response(200, json=first), httpx.Response(200, json=second)]
        )
        items = [entry async for entry in AsyncBeta(client).responses.input_items.list("resp_1", limit=1)]
    assert [entry.id for entry in items] == ["msg_1", "msg_2"]
    assert [dict(call.request.url.params) for call in route.calls] == [
        {"beta": "true", "limit": "1"},
        {"beta": "true", "limit": "1", "after": "msg_1"},
    ]


async def test_conversation_items_follow_last_id_and_parse_as_union_members(client: AsyncOpenAI) -> None:
    item = UNION_SAMPLES["ConversationItem"]
    first = {"object": "list", "data": [item, {**item, "id": "msg_2"}], "has_more": True, "last_id": "msg_2"}
    second = {"object": "list", "data": [{**item, "id": "msg_3"}], "has_more": False, "last_id": "msg_3"}
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.get("/conversations/conv_1/items").mock(
            side_effect=[httpx.Response(200, json=first), httpx.Response(200, json=second)]
        )
        page = await AsyncConversations(client).items.list("conv_1", limit=2)
        assert isinstance(page, AsyncConversationCursorPage)
        items = [entry async for entry in page]
    assert [entry.id for entry in items] == ["msg_1", "msg_2", "msg_3"]
    assert all(isinstance(entry, Message) for entry in items)
    assert dict(route.calls.last.request.url.params) == {"limit": "2", "after": "msg_2"}


async def test_conversation_item_retrieve_returns_the_member_its_type_names(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.get("/conversations/conv_1/items/msg_1").respond(json=UNION_SAMPLES["ConversationItem"])
        item = await AsyncConversations(client).items.retrieve(
            "msg_1", conversation_id="conv_1", include=["message.output_text.logprobs"]
        )
    assert route.calls.last.request.url.params.get_list("include[]") == ["message.output_text.logprobs"]
    assert isinstance(item, Message)
    assert item.status == "completed"


async def test_conversation_item_create_sends_include_in_the_query(client: AsyncOpenAI) -> None:
    message = {"type": "message", "role": "user", "content": "hi"}
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/conversations/conv_1/items").respond(
            json={"object": "list", "data": [UNION_SAMPLES["ConversationItem"]], "has_more": False}
        )
        await AsyncConversations(client).items.create(
            "conv_1", items=[message], include=["message.output_text.logprobs"]
        )
    sent = route.calls.last.request
    assert sent.url.params.get_list("include[]") == ["message.output_text.logprobs"]
    assert json.loads(sent.content) == {"items": [message]}


def form_parts(request: httpx.Request) -> Dict[str, bytes]:
    """The parts of a multipart body by field name, each with its part headers."""
    boundary = request.headers["content-type"].split("boundary=")[1].encode()
    parts: Dict[str, bytes] = {}
    for part in request.content.split(b"--" + boundary):
        head, _, _ = part.partition(b"\r\n\r\n")
        if b'name="' in head:
            parts[head.split(b'name="')[1].split(b'"')[0].decode()] = part
    return parts


async def test_realtime_call_create_sends_the_offer_and_a_json_session_part(client: AsyncOpenAI) -> None:
    offer = "v=0\r\no=- 7 2 IN IP4 127.0.0.1\r\ns=-\r\n"
    session = {"type": "realtime", "model": "gpt-realtime", "instructions": "Be brief."}
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/realtime/calls").respond(
            status_code=201, headers={"content-type": "application/sdp"}, content=SDP_ANSWER
        )
        answer = await AsyncRealtime(client).calls.create(sdp=offer, session=session)
    sent = route.calls.last.request
    assert sent.headers["accept"] == "application/sdp"
    parts = form_parts(sent)
    assert sorted(parts) == ["sdp", "session"]
    assert b"Content-Type: application/sdp" in parts["sdp"]
    assert offer.encode() in parts["sdp"]
    assert b"filename=" not in parts["sdp"] and b"filename=" not in parts["session"]
    assert b"Content-Type: application/json" in parts["session"]
    session_json = parts["session"].partition(b"\r\n\r\n")[2].rstrip(b"\r\n")
    assert json.loads(session_json) == session
    assert answer.text == SDP_ANSWER.decode()


async def test_an_empty_path_parameter_fails_before_any_request(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL, assert_all_mocked=True) as mock:
        with pytest.raises(ValueError, match="thread_id"):
            await AsyncBeta(client).threads.messages.retrieve("msg_1", thread_id="")
        with pytest.raises(ValueError, match="response_id"):
            await AsyncResponses(client).retrieve("")
        with pytest.raises(ValueError, match="conversation_id"):
            await AsyncConversations(client).items.delete("item_1", conversation_id="")
        assert not mock.calls


async def test_betas_opt_a_beta_responses_call_into_features(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.get("/responses/resp_1").respond(json=response_json("completed"))
        items = mock.get("/responses/resp_1/input_items").respond(
            json={"object": "list", "data": [], "has_more": False}
        )
        await client.beta.responses.retrieve("resp_1", betas=["responses_multi_agent=v1"])
        await client.beta.responses.retrieve("resp_1")
        await client.beta.responses.input_items.list(
            "resp_1", betas=["responses_multi_agent=v1"], extra_headers={"OpenAI-Beta": "mine"}
        )
    first, second = route.calls
    assert first.request.headers["openai-beta"] == "responses_multi_agent=v1"
    assert "openai-beta" not in second.request.headers
    assert first.request.url.params["beta"] == "true"
    # The caller's own header wins over the one `betas` makes.
    assert items.calls.last.request.headers["openai-beta"] == "mine"

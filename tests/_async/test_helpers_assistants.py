"""The Assistants event-handler streams (``runs.stream``, ``submit_tool_outputs_stream``,
``threads.create_and_run_stream``) against respx: callbacks, snapshots and final results."""

from __future__ import annotations

import json
from typing import Any, AsyncIterator, Dict, List, Tuple

import httpx
import pytest
import respx

import openai
from openai import AsyncAssistantEventHandler, AsyncOpenAI
from openai.types.beta import AssistantStreamEvent
from openai.types.beta.threads import Message, MessageDelta, Text, TextDelta
from openai.types.beta.threads.runs import RunStep, ToolCall, ToolCallDelta
from tests._transports import make_async_client

BASE_URL = "http://127.0.0.1:1/v1"

RUN = {"id": "run_1", "object": "thread.run", "thread_id": "thread_1", "assistant_id": "asst_1", "created_at": 1}
STEP = {"id": "step_1", "object": "thread.run.step", "run_id": "run_1", "thread_id": "thread_1", "type": "tool_calls"}
MESSAGE = {"id": "msg_1", "object": "thread.message", "thread_id": "thread_1", "role": "assistant", "created_at": 1}
FINAL_CALL = {"id": "call_1", "type": "function", "function": {"name": "weather", "arguments": '{"city":"Oslo"}'}}
EVENTS: List[Tuple[str, Dict[str, Any]]] = [
    ("thread.run.created", {**RUN, "status": "queued"}),
    ("thread.run.step.created", {**STEP, "status": "in_progress", "step_details": {"type": "tool_calls", "tool_calls": []}}),
    ("thread.run.step.delta", {"id": "step_1", "object": "thread.run.step.delta", "delta": {"step_details": {
        "type": "tool_calls",
        "tool_calls": [{"index": 0, "id": "call_1", "type": "function", "function": {"name": "weather", "arguments": '{"ci'}}],
    }}}),
    ("thread.run.step.delta", {"id": "step_1", "object": "thread.run.step.delta", "delta": {"step_details": {
        "type": "tool_calls", "tool_calls": [{"index": 0, "type": "function", "function": {"arguments": 'ty":"Oslo"}'}}],
    }}}),
    ("thread.run.step.completed", {**STEP, "status": "completed", "step_details": {"type": "tool_calls", "tool_calls": [FINAL_CALL]}}),
    ("thread.message.created", {**MESSAGE, "status": "in_progress", "content": []}),
    ("thread.message.delta", {"id": "msg_1", "object": "thread.message.delta", "delta": {
        "content": [{"index": 0, "type": "text", "text": {"value": "Hel", "annotations": []}}],
    }}),
    ("thread.message.delta", {"id": "msg_1", "object": "thread.message.delta", "delta": {
        "content": [{"index": 0, "type": "text", "text": {"value": "lo"}}],
    }}),
    ("thread.message.completed", {**MESSAGE, "status": "completed", "content": [
        {"type": "text", "text": {"value": "Hello", "annotations": []}},
    ]}),
    ("thread.run.completed", {**RUN, "status": "completed"}),
]  # fmt: skip


def sse(events: List[Tuple[str, Dict[str, Any]]], done: bool = True) -> bytes:
    body = "".join(f"event: {name}\ndata: {json.dumps(data)}\n\n" for name, data in events)
    return (body + ("event: done\ndata: [DONE]\n\n" if done else "")).encode()


def stream_response(events: List[Tuple[str, Dict[str, Any]]] = EVENTS) -> httpx.Response:
    return httpx.Response(200, content=sse(events), headers={"content-type": "text/event-stream"})


@pytest.fixture
async def client() -> AsyncIterator[AsyncOpenAI]:
    async with make_async_client("httpx", BASE_URL, max_retries=0) as api:
        yield api


class Recorder(AsyncAssistantEventHandler):
    """Writes down every callback with what it was given (snapshots as their text)."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: List[Tuple[str, Any]] = []

    async def on_event(self, event: AssistantStreamEvent) -> None:
        self.calls.append(("event", event.event))

    async def on_run_step_created(self, run_step: RunStep) -> None:
        self.calls.append(("run_step_created", run_step.id))

    async def on_run_step_done(self, run_step: RunStep) -> None:
        self.calls.append(("run_step_done", run_step.status))

    async def on_tool_call_created(self, tool_call: ToolCall) -> None:
        self.calls.append(("tool_call_created", tool_call.id))

    async def on_tool_call_delta(self, delta: ToolCallDelta, snapshot: ToolCall) -> None:
        self.calls.append(("tool_call_delta", snapshot.function.arguments))  # type: ignore[union-attr]

    async def on_tool_call_done(self, tool_call: ToolCall) -> None:
        self.calls.append(("tool_call_done", tool_call.function.arguments))  # type: ignore[union-attr]

    async def on_message_created(self, message: Message) -> None:
        self.calls.append(("message_created", message.id))

    async def on_message_delta(self, delta: MessageDelta, snapshot: Message) -> None:
        self.calls.append(("message_delta", snapshot.content[0].text.value))  # type: ignore[union-attr]

    async def on_message_done(self, message: Message) -> None:
        self.calls.append(("message_done", message.status))

    async def on_text_created(self, text: Text) -> None:
        self.calls.append(("text_created", text.value))

    async def on_text_delta(self, delta: TextDelta, snapshot: Text) -> None:
        self.calls.append(("text_delta", (delta.value, snapshot.value)))

    async def on_text_done(self, text: Text) -> None:
        self.calls.append(("text_done", text.value))

    async def on_end(self) -> None:
        self.calls.append(("end", None))

    async def on_exception(self, exception: Exception) -> None:
        self.calls.append(("exception", type(exception).__name__))


async def test_runs_stream_calls_the_handler_in_order_with_snapshots(client: AsyncOpenAI) -> None:
    with respx.mock() as router:
        route = router.post(f"{BASE_URL}/threads/thread_1/runs").mock(return_value=stream_response())
        async with client.beta.threads.runs.stream(
            thread_id="thread_1", assistant_id="asst_1", event_handler=Recorder()
        ) as handler:
            await handler.until_done()
            run = await handler.get_final_run()
            messages = await handler.get_final_messages()
            steps = await handler.get_final_run_steps()
    request = route.calls.last.request
    assert json.loads(request.content) == {"assistant_id": "asst_1", "stream": True}
    assert request.headers["x-stainless-helper-method"] == "threads.runs.create_and_stream"
    assert request.headers["openai-beta"] == "assistants=v2"
    non_events = [call for call in handler.calls if call[0] != "event"]
    assert non_events == [
        ("run_step_created", "step_1"),
        ("tool_call_created", "call_1"),
        ("tool_call_delta", '{"ci'),
        ("tool_call_delta", '{"city":"Oslo"}'),
        ("tool_call_done", '{"city":"Oslo"}'),
        ("run_step_done", "completed"),
        ("message_created", "msg_1"),
        ("message_delta", "Hel"),
        ("text_created", "Hel"),
        ("text_delta", ("Hel", "Hel")),
        ("message_delta", "Hello"),
        ("text_delta", ("lo", "Hello")),
        ("text_done", "Hello"),
        ("message_done", "completed"),
        ("end", None),
    ]
    assert [call[1] for call in handler.calls if call[0] == "event"] == [name for name, _ in EVENTS]
    assert run.status == "completed" and handler.current_run is run
    assert [m.content[0].text.value for m in messages] == ["Hello"]  # type: ignore[union-attr]
    assert [s.id for s in steps] == ["step_1"]


async def test_without_a_handler_the_events_and_text_deltas_are_readable(client: AsyncOpenAI) -> None:
    with respx.mock() as router:
        router.post(f"{BASE_URL}/threads/runs").mock(return_value=stream_response())
        async with client.beta.threads.create_and_run_stream(assistant_id="asst_1") as handler:
            assert [delta async for delta in handler.text_deltas] == ["Hel", "lo"]
        router.post(f"{BASE_URL}/threads/runs").mock(return_value=stream_response())
        async with client.beta.threads.create_and_run_stream(assistant_id="asst_1") as handler:
            events = [event.event async for event in handler]
    assert events == [name for name, _ in EVENTS]
    assert isinstance(handler, AsyncAssistantEventHandler)


async def test_submit_tool_outputs_stream_sends_the_outputs(client: AsyncOpenAI) -> None:
    with respx.mock() as router:
        route = router.post(f"{BASE_URL}/threads/thread_1/runs/run_1/submit_tool_outputs").mock(
            return_value=stream_response(EVENTS[-1:])
        )
        async with client.beta.threads.runs.submit_tool_outputs_stream(
            thread_id="thread_1", run_id="run_1", tool_outputs=[{"tool_call_id": "call_1", "output": "12C"}]
        ) as handler:
            run = await handler.get_final_run()
    assert json.loads(route.calls.last.request.content) == {
        "tool_outputs": [{"tool_call_id": "call_1", "output": "12C"}],
        "stream": True,
    }
    assert run.status == "completed"


async def test_an_error_event_reaches_on_exception_and_is_raised(client: AsyncOpenAI) -> None:
    error = ("error", {"message": "the run broke", "type": "server_error", "code": None, "param": None})
    with respx.mock() as router:
        router.post(f"{BASE_URL}/threads/thread_1/runs").mock(return_value=stream_response([EVENTS[0], error]))
        recorder = Recorder()
        async with client.beta.threads.runs.stream(
            thread_id="thread_1", assistant_id="asst_1", event_handler=recorder
        ) as handler:
            with pytest.raises(openai.APIError, match="the run broke"):
                await handler.until_done()
    assert recorder.calls[-1][0] == "exception" and ("end", None) not in recorder.calls


async def test_a_handler_serves_one_stream(client: AsyncOpenAI) -> None:
    handler = AsyncAssistantEventHandler()
    with pytest.raises(openai.OpenAIError, match="not attached"):
        await handler.until_done()
    with respx.mock() as router:
        router.post(f"{BASE_URL}/threads/runs").mock(return_value=stream_response())
        async with client.beta.threads.create_and_run_stream(assistant_id="a", event_handler=handler):
            pass
        with pytest.raises(openai.OpenAIError, match="already handles a stream"):
            async with client.beta.threads.create_and_run_stream(assistant_id="a", event_handler=handler):
                pass

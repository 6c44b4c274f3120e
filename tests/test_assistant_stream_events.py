"""Assistants stream events without I/O: naming by the SSE event, and deltas merged into snapshots."""

from __future__ import annotations

import json

import httpx

from openai._streams.assistant_accumulator import merge_delta
from openai._streams.events import parse_event
from openai._streams.sse import ServerSentEvent
from openai.types.beta import AssistantStreamEvent
from openai.types.beta.assistant_stream_event import ThreadRunStepCreated
from openai.types.responses import ResponseStreamEvent

REQUEST = httpx.Request("POST", "http://127.0.0.1:1/v1/threads/runs")


def test_an_assistants_event_is_named_by_its_sse_event_even_when_its_object_has_a_type() -> None:
    step = {"id": "step_1", "object": "thread.run.step", "type": "tool_calls", "status": "in_progress"}
    event = parse_event(
        AssistantStreamEvent, ServerSentEvent(event="thread.run.step.created", data=json.dumps(step)), REQUEST
    )
    assert isinstance(event, ThreadRunStepCreated)
    assert event.data.type == "tool_calls" and event.data.id == "step_1"


def test_a_self_describing_event_is_not_wrapped() -> None:
    data = {"type": "response.output_text.delta", "delta": "hi", "item_id": "i", "output_index": 0,
            "content_index": 0, "sequence_number": 1, "logprobs": []}  # fmt: skip
    event = parse_event(ResponseStreamEvent, ServerSentEvent(event=data["type"], data=json.dumps(data)), REQUEST)
    assert event.type == "response.output_text.delta" and event.delta == "hi"


def test_merge_delta_appends_text_and_merges_indexed_items_by_position() -> None:
    snapshot = {"id": "msg_1", "content": []}
    merge_delta(snapshot, {"content": [{"index": 0, "type": "text", "text": {"value": "Hel", "annotations": []}}]})
    merge_delta(snapshot, {"content": [{"index": 0, "type": "text", "text": {"value": "lo"}}]})
    merge_delta(snapshot, {"content": [{"index": 1, "type": "image_file", "image_file": {"file_id": "f"}}]})
    assert snapshot["content"] == [
        {"type": "text", "text": {"value": "Hello", "annotations": []}},
        {"type": "image_file", "image_file": {"file_id": "f"}},
    ]
    # Names and kinds are repeated by a delta, never appended to.
    merge_delta(snapshot, {"id": "msg_1", "content": [{"index": 0, "type": "text"}]})
    assert snapshot["id"] == "msg_1" and snapshot["content"][0]["type"] == "text"

"""An Assistants run stream folded into snapshots, without I/O.

``beta.threads.runs.stream`` and its siblings feed each :class:`AssistantStreamEvent` to an
:class:`AssistantStreamAccumulator`. It keeps the run, the messages and the run steps as they are
so far (deltas merged into snapshots) and says, per event, which event-handler callbacks are due
and with what. The two client twins only differ in how they call them.
"""

from __future__ import annotations

import copy
from typing import Any, Dict, List, Optional, Tuple

from .._models import construct_type
from ..types.beta.assistant_stream_event import AssistantStreamEvent
from ..types.beta.threads.message import Message
from ..types.beta.threads.run import Run
from ..types.beta.threads.runs.run_step import RunStep

__all__ = ["AssistantStreamAccumulator", "Callback", "merge_delta"]

# A callback due: the event handler's method name and its arguments.
Callback = Tuple[str, Tuple[Any, ...]]

# Fields that name a piece rather than carry text: a delta repeats them, it does not extend them.
_NOT_APPENDED = frozenset({"index", "type", "id", "object"})


def merge_delta(snapshot: Dict[str, Any], delta: Dict[str, Any]) -> Dict[str, Any]:
    """Merge a delta into a snapshot in place: text is appended, objects are merged key by key, and
    list items carrying an ``index`` are merged into the item at that position."""
    for key, value in delta.items():
        current = snapshot.get(key)
        if current is None:
            snapshot[key] = _without_index(copy.deepcopy(value))
        elif isinstance(current, str) and isinstance(value, str) and key not in _NOT_APPENDED:
            snapshot[key] = current + value
        elif isinstance(current, dict) and isinstance(value, dict):
            merge_delta(current, value)
        elif isinstance(current, list) and isinstance(value, list):
            _merge_list(current, value)
        else:
            snapshot[key] = copy.deepcopy(value)
    return snapshot


def _merge_list(current: List[Any], items: List[Any]) -> None:
    for item in items:
        index = item.get("index") if isinstance(item, dict) else None
        if not isinstance(index, int):
            current.append(copy.deepcopy(item))
        elif index < len(current) and isinstance(current[index], dict):
            merge_delta(current[index], {k: v for k, v in item.items() if k != "index"})
        else:
            while len(current) < index:  # a gap the stream never filled; keep positions right
                current.append({})
            current.append(_without_index(copy.deepcopy(item)))


def _without_index(value: Any) -> Any:
    if isinstance(value, dict):
        value.pop("index", None)
        for item in value.values():
            _without_index(item)
    elif isinstance(value, list):
        for item in value:
            _without_index(item)
    return value


class AssistantStreamAccumulator:
    """The run, messages and run steps of one stream, as far as it has gone."""

    def __init__(self) -> None:
        self.current_event: Optional[AssistantStreamEvent] = None
        self.current_run: Optional[Run] = None
        self.current_message: Optional[Message] = None
        self.current_run_step: Optional[RunStep] = None
        self.messages: Dict[str, Message] = {}
        self.run_steps: Dict[str, RunStep] = {}
        self._message_dicts: Dict[str, Dict[str, Any]] = {}
        self._step_dicts: Dict[str, Dict[str, Any]] = {}
        self._content_index: Optional[int] = None
        self._tool_call_index: Optional[int] = None

    def feed(self, event: AssistantStreamEvent) -> List[Callback]:
        """Take one event; return the callbacks it makes due, in order (``on_event`` first)."""
        self.current_event = event
        due: List[Callback] = [("on_event", (event,))]
        name = event.event
        if name.startswith("thread.run.step."):
            due += self._step_event(name, event.data)
        elif name.startswith("thread.run."):
            self.current_run = event.data  # type: ignore[assignment]
        elif name.startswith("thread.message."):
            due += self._message_event(name, event.data)
        return due

    # run steps and their tool calls

    def _step_event(self, name: str, data: Any) -> List[Callback]:
        if name == "thread.run.step.delta":
            return self._step_delta(data)
        step: RunStep = data
        self._remember_step(step)
        if name == "thread.run.step.created":
            self._tool_call_index = None
            return [("on_run_step_created", (step,))]
        if name == "thread.run.step.in_progress":
            return []
        due: List[Callback] = []
        calls = _tool_calls(step)
        if self._tool_call_index is not None and self._tool_call_index < len(calls):
            due.append(("on_tool_call_done", (calls[self._tool_call_index],)))
        self._tool_call_index = None
        due.append(("on_run_step_done", (step,)))
        return due

    def _step_delta(self, event_data: Any) -> List[Callback]:
        snapshot_dict = self._step_dicts.get(event_data.id)
        if snapshot_dict is None:  # a delta for a step never announced: start from the delta alone
            snapshot_dict = self._step_dicts[event_data.id] = {"id": event_data.id}
        delta = event_data.delta
        merge_delta(snapshot_dict, {"step_details": delta.to_dict().get("step_details") or {}})
        snapshot: RunStep = construct_type(RunStep, snapshot_dict)
        self.run_steps[event_data.id] = self.current_run_step = snapshot
        due: List[Callback] = [("on_run_step_delta", (delta, snapshot))]
        details = delta.step_details
        calls = _tool_calls(snapshot)
        for call_delta in getattr(details, "tool_calls", None) or []:
            if call_delta.index != self._tool_call_index:
                if self._tool_call_index is not None and self._tool_call_index < len(calls):
                    due.append(("on_tool_call_done", (calls[self._tool_call_index],)))
                self._tool_call_index = call_delta.index
                due.append(("on_tool_call_created", (calls[call_delta.index],)))
            due.append(("on_tool_call_delta", (call_delta, calls[call_delta.index])))
        return due

    def _remember_step(self, step: RunStep) -> None:
        self._step_dicts[step.id] = step.to_dict()
        self.run_steps[step.id] = self.current_run_step = step

    # messages and their content

    def _message_event(self, name: str, data: Any) -> List[Callback]:
        if name == "thread.message.delta":
            return self._message_delta(data)
        message: Message = data
        self._message_dicts[message.id] = message.to_dict()
        self.messages[message.id] = self.current_message = message
        if name == "thread.message.created":
            self._content_index = None
            return [("on_message_created", (message,))]
        if name == "thread.message.in_progress":
            return []
        due: List[Callback] = []
        if self._content_index is not None and self._content_index < len(message.content):
            due += _content_done(message.content[self._content_index])
        self._content_index = None
        due.append(("on_message_done", (message,)))
        return due

    def _message_delta(self, event_data: Any) -> List[Callback]:
        snapshot_dict = self._message_dicts.get(event_data.id)
        if snapshot_dict is None:
            snapshot_dict = self._message_dicts[event_data.id] = {"id": event_data.id, "content": []}
        delta = event_data.delta
        merge_delta(snapshot_dict, {k: v for k, v in delta.to_dict().items() if k == "content"})
        snapshot: Message = construct_type(Message, snapshot_dict)
        self.messages[event_data.id] = self.current_message = snapshot
        due: List[Callback] = [("on_message_delta", (delta, snapshot))]
        for part in delta.content or []:
            if part.index != self._content_index:
                if self._content_index is not None and self._content_index < len(snapshot.content):
                    due += _content_done(snapshot.content[self._content_index])
                self._content_index = part.index
                if part.type == "text":
                    due.append(("on_text_created", (snapshot.content[part.index].text,)))
            if part.type == "text" and part.text is not None:
                due.append(("on_text_delta", (part.text, snapshot.content[part.index].text)))
        return due

    # the end

    def final_messages(self) -> List[Message]:
        """Every message the stream created, in the order they appeared."""
        return list(self.messages.values())

    def final_run_steps(self) -> List[RunStep]:
        """Every run step the stream created, in the order they appeared."""
        return list(self.run_steps.values())


def _tool_calls(step: RunStep) -> List[Any]:
    details = step.step_details
    return list(getattr(details, "tool_calls", None) or [])


def _content_done(content: Any) -> List[Callback]:
    if content.type == "text":
        return [("on_text_done", (content.text,))]
    if content.type == "image_file":
        return [("on_image_file_done", (content.image_file,))]
    return []

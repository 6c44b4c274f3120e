"""A Responses API event stream folded into the final response, without I/O.

``responses.stream`` feeds each server event to a :class:`ResponseAccumulator` and yields what it
returns: the event itself, or an extended copy for the events that carry text or arguments. At the
end the accumulator gives the response the stream ended with, parsed as ``responses.parse`` would.
"""

from __future__ import annotations

from typing import Any, Dict, Generic, List, Mapping, Optional

from .._errors import OpenAIError
from .._helpers.parsing import ResponseFormatT, ToolSpec, parametrize, parse_response_json, parse_text_as
from .._models import BaseModel, construct_type
from .._parsed_response_types import ParsedResponse
from ..types.responses.response import Response
from .response_events import (
    ResponseCompletedEvent,
    ResponseFunctionCallArgumentsDeltaEvent,
    ResponseStreamEvent,
    ResponseTextDeltaEvent,
    ResponseTextDoneEvent,
)

__all__ = ["ResponseAccumulator"]

_TERMINAL_RESPONSE_EVENTS = frozenset({"response.completed", "response.incomplete", "response.failed"})
_SNAPSHOT_RESPONSE_EVENTS = frozenset({"response.created", "response.in_progress", "response.queued"})


def _fields(model: BaseModel) -> Dict[str, Any]:
    """A model's values, declared and extra, to build an extended copy of it."""
    return {**model.__dict__, **(model.__pydantic_extra__ or {})}


class ResponseAccumulator(Generic[ResponseFormatT]):
    """Builds a Response from its stream events, extending the events that carry text or arguments.

    ``text_format`` is the type output texts parse into (None: leave them as text); ``tools`` are
    the function tools by name, whose calls get ``parsed_arguments``.
    """

    def __init__(self, *, text_format: Any = None, tools: Optional[Mapping[str, ToolSpec]] = None) -> None:
        self._text_format = text_format
        self._tools: Dict[str, ToolSpec] = dict(tools or {})
        self._snapshot: Optional[Response] = None
        self._final_raw: Optional[Response] = None
        self._final: Optional[ParsedResponse[ResponseFormatT]] = None

    @property
    def snapshot(self) -> Optional[Response]:
        """The response so far (None before ``response.created``)."""
        return self._snapshot

    def feed(self, event: Any) -> List[ResponseStreamEvent[ResponseFormatT]]:
        """Fold one server event in; returns the event, extended where it carries text or arguments."""
        kind = getattr(event, "type", None)
        if kind in _SNAPSHOT_RESPONSE_EVENTS:
            self._snapshot = event.response.model_copy(deep=True)
        elif kind in _TERMINAL_RESPONSE_EVENTS:
            self._final_raw = event.response
            self._snapshot = event.response
            if kind == "response.completed":
                parsed = self._parse(event.response)
                self._final = parsed
                return [ResponseCompletedEvent.model_construct(**{**_fields(event), "response": parsed})]
        elif self._snapshot is not None:
            extended = self._accumulate(self._snapshot, kind, event)
            if extended is not None:
                return [extended]
        return [event]

    def final(self) -> ParsedResponse[ResponseFormatT]:
        """The response the stream ended with (completed, incomplete or failed), parsed like ``responses.parse``."""
        if self._final is not None:
            return self._final
        if self._final_raw is None:
            raise OpenAIError(
                "The stream ended without a response.completed, response.incomplete or response.failed event"
            )
        self._final = self._parse(self._final_raw)
        return self._final

    def _parse(self, response: Response) -> ParsedResponse[ResponseFormatT]:
        data = response.model_dump(by_alias=True, warnings=False)
        parse_response_json(data, self._text_format, self._tools)
        result: ParsedResponse[ResponseFormatT] = construct_type(parametrize(ParsedResponse, self._text_format), data)
        return result

    def _accumulate(self, snapshot: Response, kind: Any, event: Any) -> Optional[Any]:
        """Apply a delta-style event to the snapshot; return the extended event for the ones that have one."""
        output: List[Any] = snapshot.output
        if kind in ("response.output_item.added", "response.output_item.done"):
            item = event.item.model_copy(deep=True)
            if event.output_index < len(output):
                output[event.output_index] = item
            else:
                output.append(item)
            return None
        item = output[event.output_index] if getattr(event, "output_index", len(output)) < len(output) else None
        if kind == "response.content_part.added" and isinstance(getattr(item, "content", None), list):
            item.content.insert(event.content_index, event.part.model_copy(deep=True))  # type: ignore[union-attr]
            return None
        part = _content_part(item, getattr(event, "content_index", None))
        if kind == "response.output_text.delta":
            if part is not None and isinstance(getattr(part, "text", None), str):
                part.text += event.delta
                text = part.text
            else:
                text = event.delta
            return ResponseTextDeltaEvent.model_construct(**{**_fields(event), "snapshot": text})
        if kind == "response.output_text.done":
            if part is not None and hasattr(part, "text"):
                part.text = event.text
            parsed = parse_text_as(self._text_format, event.text) if self._text_format is not None else None
            return ResponseTextDoneEvent.model_construct(**{**_fields(event), "parsed": parsed})
        if kind == "response.refusal.delta" and part is not None and isinstance(getattr(part, "refusal", None), str):
            part.refusal += event.delta
            return None
        if kind == "response.function_call_arguments.delta":
            if item is not None and isinstance(getattr(item, "arguments", None), str):
                item.arguments += event.delta
                arguments = item.arguments
            else:
                arguments = event.delta
            return ResponseFunctionCallArgumentsDeltaEvent.model_construct(**{**_fields(event), "snapshot": arguments})
        if kind == "response.function_call_arguments.done" and item is not None and hasattr(item, "arguments"):
            item.arguments = event.arguments
        return None


def _content_part(item: Any, index: Optional[int]) -> Any:
    content = getattr(item, "content", None)
    if index is None or not isinstance(content, list) or index >= len(content):
        return None
    return content[index]

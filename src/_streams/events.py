"""Turning one server-sent event into a stream item, without I/O; shared by both stream twins."""

from __future__ import annotations

from typing import Any

import httpx

from .._errors import APIError, embedded_error, error_from_object
from .._models import construct_type, validate_json
from .sse import ServerSentEvent

__all__ = ["parse_event"]


def parse_event(item_type: Any, event: ServerSentEvent, request: httpx.Request) -> Any:
    """The item an event carries; an ``error`` event (or an error object) raises :class:`APIError`."""
    # "message" is the default event type of the SSE standard: naming it changes nothing.
    name = None if event.event == "message" else event.event
    if (name is None or not name.startswith(("thread.", "error"))) and '"error"' not in event.data:
        # The common case, a plain or self-describing event: one compiled pass from JSON text to
        # model. (Assistants events are named by the event alone and are built below.)
        fast = validate_json(item_type, event.data)
        if fast is not None:
            return fast
    try:
        data = event.json()
    except ValueError:
        raise APIError(
            f"The server sent a stream event that is not JSON: {event.data[:200]!r}", request, body=event.data
        ) from None
    prefix = "The server reported an error in the stream: "
    if name == "error":  # the error object is the event's data, or wrapped in `error` as in a body
        raise error_from_object(data.get("error", data) if isinstance(data, dict) else data, request, prefix)
    error = embedded_error(data, request, prefix) if name is None else None
    if error is not None:
        raise error
    if name is not None and isinstance(data, dict) and _named_by_event(name, data):
        # Assistants-style streams put the item's kind in the event name only.
        return construct_type(item_type, {"event": name, "data": data})
    return construct_type(item_type, data)


def _named_by_event(name: str, data: dict[str, Any]) -> bool:
    # Self-describing events (the Responses API's) repeat their name as `type`. An Assistants event
    # (`thread.*`) carries a bare object whose own `type` may mean something else: a run step's
    # `type` is `tool_calls` or `message_creation`.
    return "type" not in data or (name.startswith("thread.") and data.get("type") != name)

"""Server-sent event framing: the bytes of one event, ready to go out as one chunk."""

from __future__ import annotations

from typing import Any, List, Optional

from ._reply import Reply, dumps

__all__ = ["DONE", "data_frame", "event_frame", "stream_reply"]

DONE = b"data: [DONE]\n\n"

STREAM_HEADERS = (("cache-control", "no-cache"),)
STREAM_TYPE = "text/event-stream; charset=utf-8"


def data_frame(payload: Any) -> bytes:
    """An unnamed event whose data is ``payload`` as JSON (JSON never contains a raw newline)."""
    return b"data: " + dumps(payload) + b"\n\n"


def event_frame(event: str, payload: Any, *, event_id: Optional[str] = None) -> bytes:
    """A named event (``event: <name>``) carrying ``payload`` as JSON."""
    head = f"event: {event}\n" if event_id is None else f"id: {event_id}\nevent: {event}\n"
    return head.encode("utf-8") + data_frame(payload)


def stream_reply(frames: List[bytes]) -> Reply:
    """A ``text/event-stream`` response made of ``frames`` (end them with :data:`DONE` where the API does)."""
    return Reply(200, content_type=STREAM_TYPE, headers=STREAM_HEADERS, frames=frames)

"""A sans-IO decoder for server-sent events: feed it bytes as they arrive, get events back.

It follows the WHATWG event-stream rules: lines end in CR, LF or CRLF (a CRLF split across two
chunks is still one line end), lines starting with ``:`` are comments, ``data`` lines are joined
with newlines, and an event is dispatched at a blank line. It splits whole chunks at once rather
than walking characters, which is what keeps streaming cheap.
"""

from __future__ import annotations

import json
from typing import Any, List, Optional

__all__ = ["SSEDecoder", "ServerSentEvent"]


class ServerSentEvent:
    """One dispatched event: its ``event`` name (None when unnamed), ``data``, ``id`` and ``retry``."""

    __slots__ = ("data", "event", "id", "retry")

    def __init__(
        self, *, data: str, event: Optional[str] = None, id: Optional[str] = None, retry: Optional[int] = None
    ) -> None:
        self.data = data
        self.event = event
        self.id = id
        self.retry = retry

    def json(self) -> Any:
        """Decode ``data`` as JSON."""
        return json.loads(self.data)

    def __repr__(self) -> str:
        return f"ServerSentEvent(event={self.event!r}, data={self.data!r}, id={self.id!r}, retry={self.retry!r})"


class SSEDecoder:
    """Turns a byte stream into :class:`ServerSentEvent` objects, one ``feed`` at a time."""

    def __init__(self) -> None:
        self._tail = b""
        self._event: Optional[str] = None
        self._data: List[str] = []
        self._last_id: Optional[str] = None
        self._retry: Optional[int] = None
        self._has_fields = False

    @property
    def in_event(self) -> bool:
        """True when fields were read for an event that no blank line has ended yet."""
        return self._has_fields or bool(self._tail)

    def feed(self, chunk: bytes) -> List[ServerSentEvent]:
        """Consume ``chunk`` and return the events it completes."""
        data = self._tail + chunk if self._tail else chunk
        if b"\r" in data:
            # A trailing CR may be the first half of a CRLF; keep it until the next byte is known.
            keep_cr = data.endswith(b"\r")
            if keep_cr:
                data = data[:-1]
            data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
            end = data.rfind(b"\n")
            self._tail = data[end + 1 :] + (b"\r" if keep_cr else b"")
        else:
            end = data.rfind(b"\n")
            self._tail = data[end + 1 :]
        if end < 0:
            return []
        events: List[ServerSentEvent] = []
        for line in data[:end].decode("utf-8", errors="replace").split("\n"):
            self._take_line(line, events)
        return events

    def flush(self) -> List[ServerSentEvent]:
        """End of stream: finish a last line that had no line end. An unended event is dropped."""
        events: List[ServerSentEvent] = []
        if self._tail:
            tail, self._tail = self._tail, b""
            self._take_line(tail.rstrip(b"\r").decode("utf-8", errors="replace"), events)
        return events

    def _take_line(self, line: str, events: List[ServerSentEvent]) -> None:
        if not line:
            self._dispatch(events)
            return
        if line[0] == ":":
            return
        name, sep, value = line.partition(":")
        if sep and value[:1] == " ":
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id":
            if "\0" not in value:
                self._last_id = value
        elif name == "retry":
            if value.isdigit():
                self._retry = int(value)
        else:
            return
        self._has_fields = True

    def _dispatch(self, events: List[ServerSentEvent]) -> None:
        if self._has_fields and self._data:
            events.append(
                ServerSentEvent(data="\n".join(self._data), event=self._event, id=self._last_id, retry=self._retry)
            )
        self._event = None
        self._data = []
        self._retry = None
        self._has_fields = False

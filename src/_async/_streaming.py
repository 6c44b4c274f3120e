"""AsyncStream: the items of a server-sent event stream, parsed as they arrive."""

from __future__ import annotations

import time
from types import TracebackType
from typing import Any, AsyncIterator, Generic, Optional, TypeVar

import httpx

from .._concurrency import async_close_shielded
from .._errors import APIConnectionError, APIError, APITimeoutError, is_timeout
from .._public import publish
from .._response import raise_plain_error
from .._streams.events import parse_event
from .._streams.sse import ServerSentEvent, SSEDecoder

__all__ = ["AsyncStream"]

_T = TypeVar("_T")
_MAX_ERROR_BODY = 1 << 20


def _read_timeout(request: httpx.Request) -> Optional[float]:
    timeouts = request.extensions.get("timeout")
    value = timeouts.get("read") if isinstance(timeouts, dict) else None
    return float(value) if isinstance(value, (int, float)) else None


class AsyncStream(Generic[_T]):
    """An iterable of parsed stream items; also a context manager that closes the connection.

    The stream ends at ``data: [DONE]``; an ``error`` event raises :class:`APIError`, and so does a
    stream that stops before its end (cut mid-event, or without ``[DONE]`` where the API always
    sends it), so a broken stream is never mistaken for a short answer. Leaving the ``with`` block
    early, or closing the stream, returns the connection to the pool.
    """

    response: httpx.Response

    def __init__(self, *, item_type: Any, response: httpx.Response, requires_done: bool = True) -> None:
        self.response = response
        self._item_type = item_type
        self._requires_done = requires_done
        self._iterator = self._iter_items()

    def __aiter__(self) -> AsyncIterator[_T]:
        return self._iterator

    async def __anext__(self) -> _T:
        return await self._iterator.__anext__()

    async def __aenter__(self) -> AsyncStream[_T]:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        exc_tb: Optional[TracebackType],
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Stop reading and release the connection. Closing twice is harmless."""
        await async_close_shielded(self.response)

    async def _iter_events(self) -> AsyncIterator[ServerSentEvent]:
        decoder = SSEDecoder()
        # Until the first event, keep what arrived: a server that refuses a stream may answer
        # with a plain JSON error instead of events, and its message must not be lost.
        head = b""
        seen_event = False
        # Bytes that never complete an event (comments only, or a body trickled a byte at a
        # time) reset no timeout of the transport's; the call's read timeout bounds the time
        # between two events too.
        idle_limit = _read_timeout(self.response.request)
        last_event = time.monotonic()
        try:
            async for chunk in self.response.aiter_bytes():
                if not seen_event and len(head) < _MAX_ERROR_BODY:
                    head += chunk
                events = decoder.feed(chunk)
                if events:
                    last_event = time.monotonic()
                elif idle_limit is not None and time.monotonic() - last_event > idle_limit:
                    raise APITimeoutError(self.response.request)
                for event in events:
                    seen_event = True
                    yield event
        except httpx.HTTPError as exc:
            if is_timeout(exc):
                raise APITimeoutError(self.response.request) from exc
            raise APIConnectionError(
                message=f"The stream broke before it ended: {type(exc).__name__}", request=self.response.request
            ) from exc
        for event in decoder.flush():
            seen_event = True
            yield event
        if not seen_event:
            raise_plain_error(head, self.response.request)
        if decoder.in_event:
            raise APIError("The stream was cut off in the middle of an event", self.response.request, body=None)

    async def _iter_items(self) -> AsyncIterator[_T]:
        events = self._iter_events()
        try:
            async for event in events:
                if event.data.startswith("[DONE]"):
                    # The end, whether or not the server ends the body now: nothing after it is
                    # waited for. A transport that already has the rest keeps the connection.
                    return
                yield parse_event(self._item_type, event, self.response.request)
            if self._requires_done:
                raise APIError(
                    "The stream ended without [DONE]: the server or the connection stopped before the end",
                    self.response.request,
                    body=None,
                )
        finally:
            await self.close()


# Tracebacks and reprs name these where users import them (see _public.py).
publish(globals(), __all__)

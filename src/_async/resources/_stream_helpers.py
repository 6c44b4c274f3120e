"""The streams of ``chat.completions.stream`` and ``responses.stream``: events, snapshots, the final object.

Each is a context manager: the call is made on entry and its connection released on exit.
The accumulating is done by the sans-IO accumulators (``_chat_accumulator``,
``_response_accumulator``); these classes only pull items from the underlying :class:`AsyncStream`
and hand them over.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Any, AsyncIterator, Generic, Optional

import httpx

from ..._concurrency import AsyncCall
from ..._parsing import ResponseFormatT
from .._streaming import AsyncStream

if TYPE_CHECKING:
    # Annotations only, so that streaming chat completions does not load the Responses API types.
    from ..._chat_accumulator import ChatCompletionAccumulator
    from ..._chat_stream_events import ChatCompletionStreamEvent
    from ..._parsed_chat_types import ParsedChatCompletion
    from ..._parsed_response_types import ParsedResponse
    from ..._response_accumulator import ResponseAccumulator
    from ..._response_stream_events import ResponseStreamEvent
    from ...types.chat.chat_completion_chunk import ChatCompletionChunk
    from ...types.responses.response import Response

__all__ = [
    "AsyncChatCompletionStream",
    "AsyncChatCompletionStreamManager",
    "AsyncResponseStream",
    "AsyncResponseStreamManager",
]


class AsyncChatCompletionStream(Generic[ResponseFormatT]):
    """The events of a streamed chat completion (see ``openai.types.chat`` stream events), and its final form.

    Iterate it for events, or call ``get_final_completion()`` to read to the end and get the whole
    :class:`ParsedChatCompletion`; ``text_deltas`` yields just the new text.
    """

    def __init__(
        self, *, raw_stream: AsyncStream[ChatCompletionChunk], accumulator: ChatCompletionAccumulator[ResponseFormatT]
    ) -> None:
        self._raw_stream = raw_stream
        self._accumulator = accumulator
        self._events = self._iter_events()

    @property
    def response(self) -> httpx.Response:
        """The HTTP response the events are read from."""
        return self._raw_stream.response

    @property
    def current_completion_snapshot(self) -> ParsedChatCompletion[object]:
        """The completion accumulated so far."""
        return self._accumulator.snapshot

    def __aiter__(self) -> AsyncIterator[ChatCompletionStreamEvent[ResponseFormatT]]:
        return self._events

    async def __anext__(self) -> ChatCompletionStreamEvent[ResponseFormatT]:
        return await self._events.__anext__()

    async def _iter_events(self) -> AsyncIterator[ChatCompletionStreamEvent[ResponseFormatT]]:
        async for chunk in self._raw_stream:
            for event in self._accumulator.feed(chunk):
                yield event

    @property
    def text_deltas(self) -> AsyncIterator[str]:
        """The message text as it arrives, piece by piece (the other events are read and dropped)."""
        return self._iter_text_deltas()

    async def _iter_text_deltas(self) -> AsyncIterator[str]:
        async for event in self._events:
            if event.type == "content.delta":
                yield event.delta

    async def until_done(self) -> AsyncChatCompletionStream[ResponseFormatT]:
        """Read the rest of the stream."""
        async for _event in self._events:
            pass
        return self

    async def get_final_completion(self) -> ParsedChatCompletion[ResponseFormatT]:
        """Read the rest of the stream and return the whole completion, parsed."""
        await self.until_done()
        return self._accumulator.final()

    async def close(self) -> None:
        """Stop reading and release the connection. Closing twice is harmless."""
        await self._raw_stream.close()

    async def __aenter__(self) -> AsyncChatCompletionStream[ResponseFormatT]:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        exc_tb: Optional[TracebackType],
    ) -> None:
        await self.close()


class AsyncChatCompletionStreamManager(Generic[ResponseFormatT]):
    """What ``chat.completions.stream(...)`` returns: entering it makes the call and gives the stream."""

    def __init__(
        self,
        make_call: AsyncCall[AsyncStream[ChatCompletionChunk]],
        *,
        accumulator: ChatCompletionAccumulator[ResponseFormatT],
    ) -> None:
        self._make_call = make_call
        self._accumulator = accumulator
        self._stream: Optional[AsyncChatCompletionStream[ResponseFormatT]] = None

    async def __aenter__(self) -> AsyncChatCompletionStream[ResponseFormatT]:
        raw_stream = await self._make_call()
        self._stream = AsyncChatCompletionStream(raw_stream=raw_stream, accumulator=self._accumulator)
        return self._stream

    async def __aexit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        exc_tb: Optional[TracebackType],
    ) -> None:
        if self._stream is not None:
            await self._stream.close()


class AsyncResponseStream(Generic[ResponseFormatT]):
    """The events of a streamed Responses API call, and the final :class:`ParsedResponse`.

    Text and argument deltas carry ``snapshot``; ``response.output_text.done`` carries ``parsed``.
    ``text_deltas`` yields just the new output text.
    """

    def __init__(self, *, raw_stream: AsyncStream[Any], accumulator: ResponseAccumulator[ResponseFormatT]) -> None:
        self._raw_stream = raw_stream
        self._accumulator = accumulator
        self._events = self._iter_events()

    @property
    def response(self) -> httpx.Response:
        """The HTTP response the events are read from."""
        return self._raw_stream.response

    @property
    def current_snapshot(self) -> Optional[Response]:
        """The response accumulated so far (None before the server's ``response.created``)."""
        return self._accumulator.snapshot

    def __aiter__(self) -> AsyncIterator[ResponseStreamEvent[ResponseFormatT]]:
        return self._events

    async def __anext__(self) -> ResponseStreamEvent[ResponseFormatT]:
        return await self._events.__anext__()

    async def _iter_events(self) -> AsyncIterator[ResponseStreamEvent[ResponseFormatT]]:
        async for event in self._raw_stream:
            for extended in self._accumulator.feed(event):
                yield extended

    @property
    def text_deltas(self) -> AsyncIterator[str]:
        """The output text as it arrives, piece by piece (the other events are read and dropped)."""
        return self._iter_text_deltas()

    async def _iter_text_deltas(self) -> AsyncIterator[str]:
        async for event in self._events:
            if event.type == "response.output_text.delta":
                yield event.delta

    async def until_done(self) -> AsyncResponseStream[ResponseFormatT]:
        """Read the rest of the stream."""
        async for _event in self._events:
            pass
        return self

    async def get_final_response(self) -> ParsedResponse[ResponseFormatT]:
        """Read the rest of the stream and return the response it ended with, parsed."""
        await self.until_done()
        return self._accumulator.final()

    async def close(self) -> None:
        """Stop reading and release the connection. Closing twice is harmless."""
        await self._raw_stream.close()

    async def __aenter__(self) -> AsyncResponseStream[ResponseFormatT]:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        exc_tb: Optional[TracebackType],
    ) -> None:
        await self.close()


class AsyncResponseStreamManager(Generic[ResponseFormatT]):
    """What ``responses.stream(...)`` returns: entering it makes the call and gives the stream."""

    def __init__(
        self, make_call: AsyncCall[AsyncStream[Any]], *, accumulator: ResponseAccumulator[ResponseFormatT]
    ) -> None:
        self._make_call = make_call
        self._accumulator = accumulator
        self._stream: Optional[AsyncResponseStream[ResponseFormatT]] = None

    async def __aenter__(self) -> AsyncResponseStream[ResponseFormatT]:
        raw_stream = await self._make_call()
        self._stream = AsyncResponseStream(raw_stream=raw_stream, accumulator=self._accumulator)
        return self._stream

    async def __aexit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        exc_tb: Optional[TracebackType],
    ) -> None:
        if self._stream is not None:
            await self._stream.close()

"""The streams of ``chat.completions.stream`` and ``responses.stream``: events, snapshots, the final object.

Each is a context manager: the call is made on entry and its connection released on exit.
The accumulating is done by the sans-IO accumulators (``_streams.chat_accumulator``,
``_streams.response_accumulator``); these classes only pull items from the underlying :class:`AsyncStream`
and hand them over. What the two streams share is :class:`AsyncEventStream`; the managers are one
:class:`AsyncStreamManager` told how to wrap the raw stream.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Any, AsyncIterator, Callable, ClassVar, Generic, Iterable, Optional, TypeVar

import httpx
from typing_extensions import Protocol, Self

from ..._concurrency import AsyncCall
from ..._helpers.parsing import ResponseFormatT
from .._streaming import AsyncStream

if TYPE_CHECKING:
    # Annotations only, so that streaming chat completions does not load the Responses API types.
    from ..._parsed_chat_types import ParsedChatCompletion
    from ..._parsed_response_types import ParsedResponse
    from ..._streams.chat_accumulator import ChatCompletionAccumulator
    from ..._streams.chat_events import ChatCompletionStreamEvent  # noqa: F401 - named in a base class below
    from ..._streams.response_accumulator import ResponseAccumulator
    from ..._streams.response_events import ResponseStreamEvent  # noqa: F401 - named in a base class below
    from ...types.chat.chat_completion_chunk import ChatCompletionChunk
    from ...types.responses.response import Response

__all__ = [
    "AsyncChatCompletionStream",
    "AsyncChatCompletionStreamManager",
    "AsyncEventStream",
    "AsyncResponseStream",
    "AsyncResponseStreamManager",
    "AsyncStreamManager",
]

_EventT = TypeVar("_EventT")
_EventT_co = TypeVar("_EventT_co", covariant=True)
_StreamT = TypeVar("_StreamT", bound="_Closable")


class _Accumulator(Protocol[_EventT_co]):
    def feed(self, item: Any) -> Iterable[_EventT_co]: ...


class _Closable(Protocol):
    async def close(self) -> None: ...


class AsyncEventStream(Generic[_EventT]):
    """A stream of helper events made from a raw stream by an accumulator; a context manager.

    ``_text_delta_type`` names the event whose ``delta`` is new text, for ``text_deltas``.
    """

    _text_delta_type: ClassVar[str]

    def __init__(self, *, raw_stream: AsyncStream[Any], accumulator: _Accumulator[_EventT]) -> None:
        self._raw_stream = raw_stream
        self._feed = accumulator.feed
        self._events = self._iter_events()

    @property
    def response(self) -> httpx.Response:
        """The HTTP response the events are read from."""
        return self._raw_stream.response

    def __aiter__(self) -> AsyncIterator[_EventT]:
        return self._events

    async def __anext__(self) -> _EventT:
        return await self._events.__anext__()

    async def _iter_events(self) -> AsyncIterator[_EventT]:
        async for item in self._raw_stream:
            for event in self._feed(item):
                yield event

    @property
    def text_deltas(self) -> AsyncIterator[str]:
        """The text as it arrives, piece by piece (the other events are read and dropped)."""
        return self._iter_text_deltas()

    async def _iter_text_deltas(self) -> AsyncIterator[str]:
        async for event in self._events:
            if getattr(event, "type", None) == self._text_delta_type:
                yield getattr(event, "delta")  # noqa: B009 - events are typed per subclass

    async def until_done(self) -> Self:
        """Read the rest of the stream."""
        async for _event in self._events:
            pass
        return self

    async def close(self) -> None:
        """Stop reading and release the connection. Closing twice is harmless."""
        await self._raw_stream.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        exc_tb: Optional[TracebackType],
    ) -> None:
        await self.close()


class AsyncChatCompletionStream(
    AsyncEventStream["ChatCompletionStreamEvent[ResponseFormatT]"], Generic[ResponseFormatT]
):
    """The events of a streamed chat completion (see ``openai.types.chat`` stream events), and its final form.

    Iterate it for events, or call ``get_final_completion()`` to read to the end and get the whole
    :class:`ParsedChatCompletion`; ``text_deltas`` yields just the new text.
    """

    _text_delta_type = "content.delta"

    def __init__(
        self, *, raw_stream: AsyncStream[ChatCompletionChunk], accumulator: ChatCompletionAccumulator[ResponseFormatT]
    ) -> None:
        super().__init__(raw_stream=raw_stream, accumulator=accumulator)
        self._accumulator = accumulator

    @property
    def current_completion_snapshot(self) -> ParsedChatCompletion[object]:
        """The completion accumulated so far."""
        return self._accumulator.snapshot

    async def get_final_completion(self) -> ParsedChatCompletion[ResponseFormatT]:
        """Read the rest of the stream and return the whole completion, parsed."""
        await self.until_done()
        return self._accumulator.final()


class AsyncResponseStream(AsyncEventStream["ResponseStreamEvent[ResponseFormatT]"], Generic[ResponseFormatT]):
    """The events of a streamed Responses API call, and the final :class:`ParsedResponse`.

    Text and argument deltas carry ``snapshot``; ``response.output_text.done`` carries ``parsed``.
    ``text_deltas`` yields just the new output text.
    """

    _text_delta_type = "response.output_text.delta"

    def __init__(self, *, raw_stream: AsyncStream[Any], accumulator: ResponseAccumulator[ResponseFormatT]) -> None:
        super().__init__(raw_stream=raw_stream, accumulator=accumulator)
        self._accumulator = accumulator

    @property
    def current_snapshot(self) -> Optional[Response]:
        """The response accumulated so far (None before the server's ``response.created``)."""
        return self._accumulator.snapshot

    async def get_final_response(self) -> ParsedResponse[ResponseFormatT]:
        """Read the rest of the stream and return the response it ended with, parsed."""
        await self.until_done()
        return self._accumulator.final()


class AsyncStreamManager(Generic[_StreamT]):
    """What a streaming helper returns: entering it makes the call and gives the stream built on it;
    leaving it closes that stream."""

    def __init__(self, make_call: AsyncCall[AsyncStream[Any]], wrap: Callable[[AsyncStream[Any]], _StreamT]) -> None:
        self._make_call = make_call
        self._wrap = wrap
        self._stream: Optional[_StreamT] = None

    async def __aenter__(self) -> _StreamT:
        self._stream = self._wrap(await self._make_call())
        return self._stream

    async def __aexit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        exc_tb: Optional[TracebackType],
    ) -> None:
        if self._stream is not None:
            await self._stream.close()


class AsyncChatCompletionStreamManager(AsyncStreamManager[AsyncChatCompletionStream[ResponseFormatT]]):
    """What ``chat.completions.stream(...)`` returns: entering it makes the call and gives the stream."""

    def __init__(
        self,
        make_call: AsyncCall[AsyncStream[ChatCompletionChunk]],
        *,
        accumulator: ChatCompletionAccumulator[ResponseFormatT],
    ) -> None:
        super().__init__(make_call, lambda raw: AsyncChatCompletionStream(raw_stream=raw, accumulator=accumulator))


class AsyncResponseStreamManager(AsyncStreamManager[AsyncResponseStream[ResponseFormatT]]):
    """What ``responses.stream(...)`` returns: entering it makes the call and gives the stream."""

    def __init__(
        self, make_call: AsyncCall[AsyncStream[Any]], *, accumulator: ResponseAccumulator[ResponseFormatT]
    ) -> None:
        super().__init__(make_call, lambda raw: AsyncResponseStream(raw_stream=raw, accumulator=accumulator))

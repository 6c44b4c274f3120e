"""Streams of Assistants runs with an event handler: ``runs.stream``, ``runs.submit_tool_outputs_stream``
and ``threads.create_and_run_stream``.

Subclass :class:`AsyncAssistantEventHandler` and override the ``on_*`` callbacks you need; each
event of the run is handed to them as it arrives, with the message or run step accumulated so far.
The accumulating is done by the sans-IO ``_streams.assistant_accumulator``; this module only pulls events
from the underlying :class:`AsyncStream` and calls the callbacks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, AsyncIterator, List, Optional, TypeVar

from typing_extensions import Self

from ..._concurrency import AsyncCall
from ..._errors import APITimeoutError, OpenAIError
from ..._streams.assistant_accumulator import AssistantStreamAccumulator
from .._streaming import AsyncStream
from .streams import AsyncStreamManager

if TYPE_CHECKING:
    from ...types.beta.assistant_stream_event import AssistantStreamEvent
    from ...types.beta.threads.image_file import ImageFile
    from ...types.beta.threads.message import Message
    from ...types.beta.threads.message_delta import MessageDelta
    from ...types.beta.threads.run import Run
    from ...types.beta.threads.runs.run_step import RunStep
    from ...types.beta.threads.runs.run_step_delta import RunStepDelta
    from ...types.beta.threads.runs.tool_call import ToolCall
    from ...types.beta.threads.runs.tool_call_delta import ToolCallDelta
    from ...types.beta.threads.text import Text
    from ...types.beta.threads.text_delta import TextDelta

__all__ = ["AsyncAssistantEventHandler", "AsyncAssistantStreamManager"]


class AsyncAssistantEventHandler:
    """The events of one Assistants run stream, handed to overridable ``on_*`` callbacks.

    Iterate it for the raw events (the callbacks run as they pass), or call ``until_done()``.
    After the stream, ``get_final_run()``, ``get_final_messages()`` and ``get_final_run_steps()``
    give the results. A handler serves one stream.
    """

    def __init__(self) -> None:
        self._accumulator = AssistantStreamAccumulator()
        self._stream: Optional[AsyncStream[AssistantStreamEvent]] = None
        self._events: Optional[AsyncIterator[AssistantStreamEvent]] = None

    def _bound_to(self, stream: AsyncStream[AssistantStreamEvent]) -> Self:
        if self._stream is not None:
            raise OpenAIError("this event handler already handles a stream; make a new one for each stream")
        self._stream = stream
        self._events = self._iter_events(stream)
        return self

    # What the stream has shown so far.

    @property
    def current_event(self) -> Optional[AssistantStreamEvent]:
        """The last event read."""
        return self._accumulator.current_event

    @property
    def current_run(self) -> Optional[Run]:
        """The run as its last run event showed it."""
        return self._accumulator.current_run

    @property
    def current_message_snapshot(self) -> Optional[Message]:
        """The message being written, with the deltas so far merged in."""
        return self._accumulator.current_message

    @property
    def current_run_step_snapshot(self) -> Optional[RunStep]:
        """The run step in progress, with the deltas so far merged in."""
        return self._accumulator.current_run_step

    # Reading the stream.

    def __aiter__(self) -> AsyncIterator[AssistantStreamEvent]:
        return self._started()

    async def __anext__(self) -> AssistantStreamEvent:
        return await self._started().__anext__()

    def _started(self) -> AsyncIterator[AssistantStreamEvent]:
        if self._events is None:
            raise OpenAIError("the event handler is not attached to a stream; use it inside the stream's context")
        return self._events

    async def _iter_events(self, stream: AsyncStream[AssistantStreamEvent]) -> AsyncIterator[AssistantStreamEvent]:
        try:
            async for event in stream:
                for name, args in self._accumulator.feed(event):
                    await getattr(self, name)(*args)
                yield event
        except APITimeoutError:
            await self.on_timeout()
            raise
        except Exception as exc:
            await self.on_exception(exc)
            raise
        await self.on_end()

    async def until_done(self) -> None:
        """Read the stream to its end, running the callbacks."""
        async for _event in self:
            pass

    @property
    def text_deltas(self) -> AsyncIterator[str]:
        """The text of the run's messages as it arrives (other events are read and handed on as usual)."""
        return self._iter_text_deltas()

    async def _iter_text_deltas(self) -> AsyncIterator[str]:
        async for event in self:
            if event.event == "thread.message.delta":
                for part in event.data.delta.content or []:
                    if part.type == "text" and part.text is not None and part.text.value:
                        yield part.text.value

    async def get_final_run(self) -> Run:
        """Read to the end and return the run as the stream last showed it."""
        await self.until_done()
        if self._accumulator.current_run is None:
            raise OpenAIError("the stream ended without any run event")
        return self._accumulator.current_run

    async def get_final_messages(self) -> List[Message]:
        """Read to the end and return every message the run wrote."""
        await self.until_done()
        return self._accumulator.final_messages()

    async def get_final_run_steps(self) -> List[RunStep]:
        """Read to the end and return every step the run took."""
        await self.until_done()
        return self._accumulator.final_run_steps()

    async def close(self) -> None:
        """Stop reading and release the connection."""
        if self._stream is not None:
            await self._stream.close()

    # The callbacks: override the ones you need. Each does nothing here.

    async def on_event(self, event: AssistantStreamEvent) -> None:
        """Every event, before the more specific callbacks it leads to."""

    async def on_run_step_created(self, run_step: RunStep) -> None:
        """A run step began."""

    async def on_run_step_delta(self, delta: RunStepDelta, snapshot: RunStep) -> None:
        """A run step changed; ``snapshot`` is the step so far."""

    async def on_run_step_done(self, run_step: RunStep) -> None:
        """A run step ended (completed, failed, cancelled or expired)."""

    async def on_tool_call_created(self, tool_call: ToolCall) -> None:
        """A tool call began inside a run step."""

    async def on_tool_call_delta(self, delta: ToolCallDelta, snapshot: ToolCall) -> None:
        """A tool call changed; ``snapshot`` is the call so far."""

    async def on_tool_call_done(self, tool_call: ToolCall) -> None:
        """A tool call is complete."""

    async def on_message_created(self, message: Message) -> None:
        """The run began a message."""

    async def on_message_delta(self, delta: MessageDelta, snapshot: Message) -> None:
        """A message changed; ``snapshot`` is the message so far."""

    async def on_message_done(self, message: Message) -> None:
        """A message is complete (or incomplete and ended)."""

    async def on_text_created(self, text: Text) -> None:
        """A text part of a message began."""

    async def on_text_delta(self, delta: TextDelta, snapshot: Text) -> None:
        """A text part grew; ``snapshot`` is the text so far."""

    async def on_text_done(self, text: Text) -> None:
        """A text part is complete."""

    async def on_image_file_done(self, image_file: ImageFile) -> None:
        """An image file part of a message is complete."""

    async def on_end(self) -> None:
        """The stream ended normally."""

    async def on_exception(self, exception: Exception) -> None:
        """Reading the stream failed; the exception is raised after this returns."""

    async def on_timeout(self) -> None:
        """The stream timed out; the timeout error is raised after this returns."""


_HandlerT = TypeVar("_HandlerT", bound=AsyncAssistantEventHandler)


class AsyncAssistantStreamManager(AsyncStreamManager[_HandlerT]):
    """What the ``*_stream`` calls return: entering it makes the call and gives the event handler."""

    def __init__(self, make_call: AsyncCall[AsyncStream[AssistantStreamEvent]], *, event_handler: _HandlerT) -> None:
        super().__init__(make_call, event_handler._bound_to)

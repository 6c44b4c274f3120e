"""The event-handler streams of the Assistants API: ``runs.stream`` (and its older name
``runs.create_and_stream``), ``runs.submit_tool_outputs_stream`` and ``threads.create_and_run_stream``.

Each returns a stream manager at once; entering it (``async with``) makes the call with
``stream=True`` and gives the event handler, bound to the stream.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Optional, TypeVar, Union, overload

from typing_extensions import Unpack

from ..._concurrency import AsyncCall
from ..._request import helper_headers
from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ...types.beta.assistant_stream_event import AssistantStreamEvent
from ...types.beta.thread_create_and_run_params import ThreadCreateAndRunParamsBase
from ...types.beta.threads.run_create_params import RunCreateParamsBase
from ...types.beta.threads.run_submit_tool_outputs_params import ToolOutput
from .._streaming import AsyncStream

if TYPE_CHECKING:
    # Annotations only: the resource modules import this one to wire the helpers in.
    from ..resources.beta.threads import runs as thread_runs
    from ..resources.beta.threads import threads as thread_resources
    from .assistant_stream import AsyncAssistantEventHandler, AsyncAssistantStreamManager

__all__ = ["create_and_run_stream", "stream_run", "submit_tool_outputs_stream"]

_HandlerT = TypeVar("_HandlerT", bound="AsyncAssistantEventHandler")


@overload
def stream_run(
    resource: thread_runs.AsyncRuns,
    *,
    thread_id: str,
    event_handler: None = None,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    **params: Unpack[RunCreateParamsBase],
) -> AsyncAssistantStreamManager[AsyncAssistantEventHandler]: ...


@overload
def stream_run(
    resource: thread_runs.AsyncRuns,
    *,
    thread_id: str,
    event_handler: _HandlerT,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    **params: Unpack[RunCreateParamsBase],
) -> AsyncAssistantStreamManager[_HandlerT]: ...


def stream_run(
    resource: thread_runs.AsyncRuns,
    *,
    thread_id: str,
    event_handler: Optional[AsyncAssistantEventHandler] = None,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    **params: Unpack[RunCreateParamsBase],
) -> AsyncAssistantStreamManager[Any]:
    """Start a run of an assistant on a thread and stream its events to an event handler.

    ``async with client.beta.threads.runs.stream(thread_id=..., assistant_id=..., event_handler=MyHandler())
    as handler: await handler.until_done()``. Without ``event_handler`` a plain
    :class:`AsyncAssistantEventHandler` is used, to iterate or to read the final run from.
    """

    async def make_call() -> AsyncStream[AssistantStreamEvent]:
        return await resource.create(
            thread_id,
            extra_headers=helper_headers("threads.runs.create_and_stream", extra_headers),
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            stream=True,
            **params,
        )

    return _manager(make_call, event_handler)


@overload
def submit_tool_outputs_stream(
    resource: thread_runs.AsyncRuns,
    *,
    tool_outputs: Iterable[ToolOutput],
    run_id: str,
    thread_id: str,
    event_handler: None = None,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> AsyncAssistantStreamManager[AsyncAssistantEventHandler]: ...


@overload
def submit_tool_outputs_stream(
    resource: thread_runs.AsyncRuns,
    *,
    tool_outputs: Iterable[ToolOutput],
    run_id: str,
    thread_id: str,
    event_handler: _HandlerT,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> AsyncAssistantStreamManager[_HandlerT]: ...


def submit_tool_outputs_stream(
    resource: thread_runs.AsyncRuns,
    *,
    tool_outputs: Iterable[ToolOutput],
    run_id: str,
    thread_id: str,
    event_handler: Optional[AsyncAssistantEventHandler] = None,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> AsyncAssistantStreamManager[Any]:
    """Send the outputs of the tool calls a run waits for, and stream what the run does next."""

    async def make_call() -> AsyncStream[AssistantStreamEvent]:
        return await resource.submit_tool_outputs(
            run_id,
            thread_id=thread_id,
            tool_outputs=tool_outputs,
            stream=True,
            extra_headers=helper_headers("threads.runs.submit_tool_outputs_stream", extra_headers),
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    return _manager(make_call, event_handler)


@overload
def create_and_run_stream(
    resource: thread_resources.AsyncThreads,
    *,
    event_handler: None = None,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    **params: Unpack[ThreadCreateAndRunParamsBase],
) -> AsyncAssistantStreamManager[AsyncAssistantEventHandler]: ...


@overload
def create_and_run_stream(
    resource: thread_resources.AsyncThreads,
    *,
    event_handler: _HandlerT,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    **params: Unpack[ThreadCreateAndRunParamsBase],
) -> AsyncAssistantStreamManager[_HandlerT]: ...


def create_and_run_stream(
    resource: thread_resources.AsyncThreads,
    *,
    event_handler: Optional[AsyncAssistantEventHandler] = None,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    **params: Unpack[ThreadCreateAndRunParamsBase],
) -> AsyncAssistantStreamManager[Any]:
    """Create a thread, start a run on it, and stream the run's events to an event handler."""

    async def make_call() -> AsyncStream[AssistantStreamEvent]:
        return await resource.create_and_run(
            extra_headers=helper_headers("threads.create_and_run_stream", extra_headers),
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            stream=True,
            **params,
        )

    return _manager(make_call, event_handler)


def _manager(
    make_call: AsyncCall[AsyncStream[AssistantStreamEvent]], event_handler: Optional[AsyncAssistantEventHandler]
) -> AsyncAssistantStreamManager[Any]:
    # Imported here: the resource modules that wire these helpers in are imported by that module's package.
    from .assistant_stream import AsyncAssistantEventHandler, AsyncAssistantStreamManager

    return AsyncAssistantStreamManager(make_call, event_handler=event_handler or AsyncAssistantEventHandler())

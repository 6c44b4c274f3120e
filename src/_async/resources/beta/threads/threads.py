"""``client.beta.threads``."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional, Union, overload

from typing_extensions import Unpack, deprecated

from ....._request import require_path_param
from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .....types.beta import (
    AssistantStreamEvent,
    Thread,
    ThreadCreateAndRunParams,
    ThreadCreateAndRunParamsNonStreaming,
    ThreadCreateAndRunParamsStreaming,
    ThreadCreateParams,
    ThreadDeleted,
    ThreadUpdateParams,
)
from .....types.beta.threads import Run
from ...._helpers import assistants as assistant_streams
from ...._helpers import polling
from ...._streaming import AsyncStream
from ..._base import AsyncAPIResource
from .._opt_in import ASSISTANTS_OPT_IN
from .messages import AsyncMessages
from .runs import AsyncRuns

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._threads_views import AsyncThreadsWithRawResponse, AsyncThreadsWithStreamingResponse
else:
    from ._threads_views import AsyncThreadsWithRawResponse, AsyncThreadsWithStreamingResponse

__all__ = ["AsyncThreads", "AsyncThreadsWithRawResponse", "AsyncThreadsWithStreamingResponse"]


class AsyncThreads(AsyncAPIResource):
    """Threads: the conversations that assistants run on."""

    with_raw_response: AsyncThreadsWithRawResponse
    with_streaming_response: AsyncThreadsWithStreamingResponse

    _opt_in_headers = ASSISTANTS_OPT_IN

    create_and_run_poll = polling.create_and_run_poll
    create_and_run_stream = assistant_streams.create_and_run_stream

    @functools.cached_property
    def runs(self) -> AsyncRuns:
        """Runs of an assistant on a thread."""
        return AsyncRuns(self._client)

    @functools.cached_property
    def messages(self) -> AsyncMessages:
        """The messages of a thread."""
        return AsyncMessages(self._client)

    @deprecated("The Assistants API is deprecated in favor of the Responses API")
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ThreadCreateParams],
    ) -> Thread:
        """Create a thread, optionally with its first messages."""
        return await self._call(
            "post",
            "/threads",
            body=params,
            cast_to=Thread,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Assistants API is deprecated in favor of the Responses API")
    async def retrieve(
        self,
        thread_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> Thread:
        """Get a thread."""
        return await self._call(
            "get",
            f"/threads/{require_path_param('thread_id', thread_id)}",
            cast_to=Thread,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Assistants API is deprecated in favor of the Responses API")
    async def update(
        self,
        thread_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ThreadUpdateParams],
    ) -> Thread:
        """Change a thread's tool resources or metadata."""
        return await self._call(
            "post",
            f"/threads/{require_path_param('thread_id', thread_id)}",
            body=params,
            cast_to=Thread,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Assistants API is deprecated in favor of the Responses API")
    async def delete(
        self,
        thread_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ThreadDeleted:
        """Delete a thread."""
        return await self._call(
            "delete",
            f"/threads/{require_path_param('thread_id', thread_id)}",
            cast_to=ThreadDeleted,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @overload
    async def create_and_run(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ThreadCreateAndRunParamsNonStreaming],
    ) -> Run: ...

    @overload
    async def create_and_run(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ThreadCreateAndRunParamsStreaming],
    ) -> AsyncStream[AssistantStreamEvent]: ...

    @overload
    async def create_and_run(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ThreadCreateAndRunParams],
    ) -> Union[Run, AsyncStream[AssistantStreamEvent]]: ...

    @deprecated("The Assistants API is deprecated in favor of the Responses API")
    async def create_and_run(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ThreadCreateAndRunParams],
    ) -> Union[Run, AsyncStream[AssistantStreamEvent]]:
        """Create a thread and start a run on it in one call; ``stream=True`` returns the run's events."""
        # The assistants stream closes with `event: done` / `data: [DONE]`, so [DONE] is required
        # and a stream that stops short of it is reported as broken.
        return await self._call(
            "post",
            "/threads/runs",
            body=params,
            cast_to=Run,
            stream_item=AssistantStreamEvent,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

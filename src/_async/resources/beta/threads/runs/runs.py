"""``client.beta.threads.runs``."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional, Union, overload

from typing_extensions import Unpack, deprecated

from ......_concurrency import AsyncPaginator
from ......_request import require_path_param
from ......_types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ......types.beta import AssistantStreamEvent
from ......types.beta.threads import (
    Run,
    RunCreateParams,
    RunCreateParamsNonStreaming,
    RunCreateParamsStreaming,
    RunListParams,
    RunSubmitToolOutputsParams,
    RunSubmitToolOutputsParamsNonStreaming,
    RunSubmitToolOutputsParamsStreaming,
    RunUpdateParams,
)
from ....._helpers import assistants as assistant_streams
from ....._helpers import polling
from ....._pagination import AsyncCursorPage
from ....._streaming import AsyncStream
from ...._base import AsyncAPIResource
from ..._opt_in import ASSISTANTS_OPT_IN
from .steps import AsyncSteps

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._runs_views import AsyncRunsWithRawResponse, AsyncRunsWithStreamingResponse
else:
    from ._runs_views import AsyncRunsWithRawResponse, AsyncRunsWithStreamingResponse

__all__ = ["AsyncRuns", "AsyncRunsWithRawResponse", "AsyncRunsWithStreamingResponse"]


def _run_path(thread_id: str, run_id: str) -> str:
    return f"/threads/{require_path_param('thread_id', thread_id)}/runs/{require_path_param('run_id', run_id)}"


class AsyncRuns(AsyncAPIResource):
    """Runs: an assistant working through a thread, whole or as a stream of events."""

    with_raw_response: AsyncRunsWithRawResponse
    with_streaming_response: AsyncRunsWithStreamingResponse

    _opt_in_headers = ASSISTANTS_OPT_IN

    # The helpers are wired in as attributes, so their deprecation is applied here rather than
    # as a decorator: it warns at run time, but type checkers do not see it on these names.
    poll = deprecated("The Assistants API is deprecated in favor of the Responses API")(polling.poll_run)
    create_and_poll = deprecated("The Assistants API is deprecated in favor of the Responses API")(
        polling.create_and_poll_run
    )
    submit_tool_outputs_and_poll = deprecated("The Assistants API is deprecated in favor of the Responses API")(
        polling.submit_tool_outputs_and_poll
    )
    stream = deprecated("The Assistants API is deprecated in favor of the Responses API")(assistant_streams.stream_run)
    # The older name of `stream`, kept for code that still calls it.
    create_and_stream = deprecated("use `stream` instead")(assistant_streams.stream_run)
    submit_tool_outputs_stream = deprecated("The Assistants API is deprecated in favor of the Responses API")(
        assistant_streams.submit_tool_outputs_stream
    )

    @functools.cached_property
    def steps(self) -> AsyncSteps:
        """The steps a run took."""
        return AsyncSteps(self._client)

    @overload
    async def create(
        self,
        thread_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RunCreateParamsNonStreaming],
    ) -> Run: ...

    @overload
    async def create(
        self,
        thread_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RunCreateParamsStreaming],
    ) -> AsyncStream[AssistantStreamEvent]: ...

    @overload
    async def create(
        self,
        thread_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RunCreateParams],
    ) -> Union[Run, AsyncStream[AssistantStreamEvent]]: ...

    @deprecated("The Assistants API is deprecated in favor of the Responses API")
    async def create(
        self,
        thread_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RunCreateParams],
    ) -> Union[Run, AsyncStream[AssistantStreamEvent]]:
        """Start a run of an assistant on a thread; ``stream=True`` returns the run's events."""
        # The assistants stream ends with `data: [DONE]`, so the default end check stays on.
        return await self._call(
            "post",
            f"/threads/{require_path_param('thread_id', thread_id)}/runs",
            body=params,
            query_keys=("include",),
            cast_to=Run,
            stream_item=AssistantStreamEvent,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Assistants API is deprecated in favor of the Responses API")
    async def retrieve(
        self,
        run_id: str,
        *,
        thread_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> Run:
        """Get a run."""
        return await self._call(
            "get",
            _run_path(thread_id, run_id),
            cast_to=Run,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Assistants API is deprecated in favor of the Responses API")
    async def update(
        self,
        run_id: str,
        *,
        thread_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RunUpdateParams],
    ) -> Run:
        """Change a run's metadata."""
        return await self._call(
            "post",
            _run_path(thread_id, run_id),
            body=params,
            cast_to=Run,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Assistants API is deprecated in favor of the Responses API")
    def list(
        self,
        thread_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RunListParams],
    ) -> AsyncPaginator[Run, AsyncCursorPage[Run]]:
        """List the runs of a thread, page by page."""
        return self._list(
            f"/threads/{require_path_param('thread_id', thread_id)}/runs",
            page=AsyncCursorPage[Run],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Assistants API is deprecated in favor of the Responses API")
    async def cancel(
        self,
        run_id: str,
        *,
        thread_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> Run:
        """Cancel a run that is in progress."""
        return await self._call(
            "post",
            f"{_run_path(thread_id, run_id)}/cancel",
            cast_to=Run,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @overload
    async def submit_tool_outputs(
        self,
        run_id: str,
        *,
        thread_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RunSubmitToolOutputsParamsNonStreaming],
    ) -> Run: ...

    @overload
    async def submit_tool_outputs(
        self,
        run_id: str,
        *,
        thread_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RunSubmitToolOutputsParamsStreaming],
    ) -> AsyncStream[AssistantStreamEvent]: ...

    @overload
    async def submit_tool_outputs(
        self,
        run_id: str,
        *,
        thread_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RunSubmitToolOutputsParams],
    ) -> Union[Run, AsyncStream[AssistantStreamEvent]]: ...

    @deprecated("The Assistants API is deprecated in favor of the Responses API")
    async def submit_tool_outputs(
        self,
        run_id: str,
        *,
        thread_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RunSubmitToolOutputsParams],
    ) -> Union[Run, AsyncStream[AssistantStreamEvent]]:
        """Send the results of the tool calls a run is waiting for; ``stream=True`` streams what follows."""
        return await self._call(
            "post",
            f"{_run_path(thread_id, run_id)}/submit_tool_outputs",
            body=params,
            cast_to=Run,
            stream_item=AssistantStreamEvent,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

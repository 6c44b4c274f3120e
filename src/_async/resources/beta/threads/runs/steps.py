"""``client.beta.threads.runs.steps``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack, deprecated

from ......_concurrency import AsyncPaginator
from ......_request import require_path_param
from ......_types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ......types.beta.threads.runs import RunStep, StepListParams, StepRetrieveParams
from ....._pagination import AsyncCursorPage
from ...._base import AsyncAPIResource
from ..._opt_in import ASSISTANTS_OPT_IN

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._steps_views import AsyncStepsWithRawResponse, AsyncStepsWithStreamingResponse
else:
    from ._steps_views import AsyncStepsWithRawResponse, AsyncStepsWithStreamingResponse

__all__ = ["AsyncSteps", "AsyncStepsWithRawResponse", "AsyncStepsWithStreamingResponse"]


class AsyncSteps(AsyncAPIResource):
    """The steps of a run: messages written and tools called."""

    with_raw_response: AsyncStepsWithRawResponse
    with_streaming_response: AsyncStepsWithStreamingResponse

    _opt_in_headers = ASSISTANTS_OPT_IN

    @deprecated("The Assistants API is deprecated in favor of the Responses API")
    async def retrieve(
        self,
        step_id: str,
        *,
        thread_id: str,
        run_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[StepRetrieveParams],
    ) -> RunStep:
        """Get one step of a run."""
        return await self._call(
            "get",
            f"/threads/{require_path_param('thread_id', thread_id)}/runs/{require_path_param('run_id', run_id)}"
            f"/steps/{require_path_param('step_id', step_id)}",
            query=params,
            cast_to=RunStep,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Assistants API is deprecated in favor of the Responses API")
    def list(
        self,
        run_id: str,
        *,
        thread_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[StepListParams],
    ) -> AsyncPaginator[RunStep, AsyncCursorPage[RunStep]]:
        """List the steps of a run, page by page."""
        return self._list(
            f"/threads/{require_path_param('thread_id', thread_id)}/runs/{require_path_param('run_id', run_id)}/steps",
            page=AsyncCursorPage[RunStep],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

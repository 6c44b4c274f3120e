"""``client.evals.runs``."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._concurrency import AsyncPaginator
from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.evals import (
    RunCancelResponse,
    RunCreateParams,
    RunCreateResponse,
    RunDeleteResponse,
    RunListParams,
    RunListResponse,
    RunRetrieveResponse,
)
from ..._pagination import AsyncCursorPage
from .._base import AsyncAPIResource
from .output_items import AsyncOutputItems

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._runs_views import AsyncRunsWithRawResponse, AsyncRunsWithStreamingResponse
else:
    from ._runs_views import AsyncRunsWithRawResponse, AsyncRunsWithStreamingResponse

__all__ = ["AsyncRuns", "AsyncRunsWithRawResponse", "AsyncRunsWithStreamingResponse"]


class AsyncRuns(AsyncAPIResource):
    """Runs of an evaluation: one data source graded against the evaluation's criteria."""

    with_raw_response: AsyncRunsWithRawResponse
    with_streaming_response: AsyncRunsWithStreamingResponse

    @functools.cached_property
    def output_items(self) -> AsyncOutputItems:
        """The graded items a run produced."""
        return AsyncOutputItems(self._client)

    async def create(
        self,
        eval_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RunCreateParams],
    ) -> RunCreateResponse:
        """Start a run of an evaluation over a data source."""
        return await self._call(
            "post",
            f"/evals/{require_path_param('eval_id', eval_id)}/runs",
            body=params,
            cast_to=RunCreateResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        run_id: str,
        *,
        eval_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> RunRetrieveResponse:
        """Get a run with its status and result counts."""
        return await self._call(
            "get",
            f"/evals/{require_path_param('eval_id', eval_id)}/runs/{require_path_param('run_id', run_id)}",
            cast_to=RunRetrieveResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def list(
        self,
        eval_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RunListParams],
    ) -> AsyncPaginator[RunListResponse, AsyncCursorPage[RunListResponse]]:
        """List the runs of an evaluation, page by page."""
        return self._list(
            f"/evals/{require_path_param('eval_id', eval_id)}/runs",
            page=AsyncCursorPage[RunListResponse],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        run_id: str,
        *,
        eval_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> RunDeleteResponse:
        """Delete a run."""
        return await self._call(
            "delete",
            f"/evals/{require_path_param('eval_id', eval_id)}/runs/{require_path_param('run_id', run_id)}",
            cast_to=RunDeleteResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def cancel(
        self,
        run_id: str,
        *,
        eval_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> RunCancelResponse:
        """Cancel a run that is still in progress."""
        # The API cancels with a bare POST to the run itself, not to a `/cancel` sub-path.
        return await self._call(
            "post",
            f"/evals/{require_path_param('eval_id', eval_id)}/runs/{require_path_param('run_id', run_id)}",
            cast_to=RunCancelResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

"""``client.evals``: evaluations, their runs and the runs' output items."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._concurrency import AsyncPaginator
from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types import (
    EvalCreateParams,
    EvalCreateResponse,
    EvalDeleteResponse,
    EvalListParams,
    EvalListResponse,
    EvalRetrieveResponse,
    EvalUpdateParams,
    EvalUpdateResponse,
)
from ..._pagination import AsyncCursorPage
from .._base import AsyncAPIResource
from .output_items import AsyncOutputItems

if TYPE_CHECKING:
    from .runs import AsyncRuns

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncEvalsWithRawResponse, AsyncEvalsWithStreamingResponse
else:
    from ._views import AsyncEvalsWithRawResponse, AsyncEvalsWithStreamingResponse

__all__ = ["AsyncEvals", "AsyncEvalsWithRawResponse", "AsyncEvalsWithStreamingResponse", "AsyncOutputItems"]


class AsyncEvals(AsyncAPIResource):
    """Evaluations: a data source shape and the criteria its model outputs are graded by."""

    with_raw_response: AsyncEvalsWithRawResponse
    with_streaming_response: AsyncEvalsWithStreamingResponse

    @functools.cached_property
    def runs(self) -> AsyncRuns:
        """The runs of an evaluation."""
        from .runs import AsyncRuns

        return AsyncRuns(self._client)

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[EvalCreateParams],
    ) -> EvalCreateResponse:
        """Define an evaluation from a data source config and testing criteria."""
        return await self._call(
            "post",
            "/evals",
            body=params,
            cast_to=EvalCreateResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        eval_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> EvalRetrieveResponse:
        """Get an evaluation."""
        return await self._call(
            "get",
            f"/evals/{require_path_param('eval_id', eval_id)}",
            cast_to=EvalRetrieveResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def update(
        self,
        eval_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[EvalUpdateParams],
    ) -> EvalUpdateResponse:
        """Rename an evaluation or change its metadata."""
        return await self._call(
            "post",
            f"/evals/{require_path_param('eval_id', eval_id)}",
            body=params,
            cast_to=EvalUpdateResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def list(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[EvalListParams],
    ) -> AsyncPaginator[EvalListResponse, AsyncCursorPage[EvalListResponse]]:
        """List evaluations, page by page."""
        return self._list(
            "/evals",
            page=AsyncCursorPage[EvalListResponse],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        eval_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> EvalDeleteResponse:
        """Delete an evaluation."""
        return await self._call(
            "delete",
            f"/evals/{require_path_param('eval_id', eval_id)}",
            cast_to=EvalDeleteResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

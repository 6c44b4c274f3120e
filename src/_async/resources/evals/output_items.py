"""``client.evals.runs.output_items``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._concurrency import AsyncPaginator
from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.evals.runs import OutputItemListParams, OutputItemListResponse, OutputItemRetrieveResponse
from ..._pagination import AsyncCursorPage
from .._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._output_items_views import AsyncOutputItemsWithRawResponse, AsyncOutputItemsWithStreamingResponse
else:
    from ._output_items_views import AsyncOutputItemsWithRawResponse, AsyncOutputItemsWithStreamingResponse

__all__ = ["AsyncOutputItems", "AsyncOutputItemsWithRawResponse", "AsyncOutputItemsWithStreamingResponse"]


class AsyncOutputItems(AsyncAPIResource):
    """The graded items of an evaluation run: one per data source row."""

    with_raw_response: AsyncOutputItemsWithRawResponse
    with_streaming_response: AsyncOutputItemsWithStreamingResponse

    async def retrieve(
        self,
        output_item_id: str,
        *,
        eval_id: str,
        run_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> OutputItemRetrieveResponse:
        """Get one output item of a run, with its grader results."""
        return await self._call(
            "get",
            f"/evals/{require_path_param('eval_id', eval_id)}/runs/{require_path_param('run_id', run_id)}"
            f"/output_items/{require_path_param('output_item_id', output_item_id)}",
            cast_to=OutputItemRetrieveResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def list(
        self,
        run_id: str,
        *,
        eval_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[OutputItemListParams],
    ) -> AsyncPaginator[OutputItemListResponse, AsyncCursorPage[OutputItemListResponse]]:
        """List the output items of a run, page by page."""
        return self._list(
            f"/evals/{require_path_param('eval_id', eval_id)}/runs/{require_path_param('run_id', run_id)}/output_items",
            page=AsyncCursorPage[OutputItemListResponse],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

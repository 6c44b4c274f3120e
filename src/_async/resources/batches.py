"""``client.batches``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ..._concurrency import AsyncPaginator
from ..._request import require_path_param
from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ...types import Batch, BatchCreateParams, BatchListParams
from .._pagination import AsyncCursorPage
from ._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._batches_views import AsyncBatchesWithRawResponse, AsyncBatchesWithStreamingResponse
else:
    from ._batches_views import AsyncBatchesWithRawResponse, AsyncBatchesWithStreamingResponse

__all__ = ["AsyncBatches", "AsyncBatchesWithRawResponse", "AsyncBatchesWithStreamingResponse"]


class AsyncBatches(AsyncAPIResource):
    """Batches of requests run asynchronously from an uploaded file."""

    with_raw_response: AsyncBatchesWithRawResponse
    with_streaming_response: AsyncBatchesWithStreamingResponse

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[BatchCreateParams],
    ) -> Batch:
        """Start a batch from an uploaded ``.jsonl`` file of requests."""
        return await self._call(
            "post",
            "/batches",
            body=params,
            cast_to=Batch,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        batch_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> Batch:
        """Get a batch."""
        return await self._call(
            "get",
            f"/batches/{require_path_param('batch_id', batch_id)}",
            cast_to=Batch,
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
        **params: Unpack[BatchListParams],
    ) -> AsyncPaginator[Batch, AsyncCursorPage[Batch]]:
        """List batches, page by page."""
        return self._list(
            "/batches",
            page=AsyncCursorPage[Batch],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def cancel(
        self,
        batch_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> Batch:
        """Cancel a batch that is in progress."""
        return await self._call(
            "post",
            f"/batches/{require_path_param('batch_id', batch_id)}/cancel",
            cast_to=Batch,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

"""``client.vector_stores.file_batches``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._concurrency import AsyncPaginator
from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.vector_stores import (
    FileBatchCreateParams,
    FileBatchListFilesParams,
    VectorStoreFile,
    VectorStoreFileBatch,
)
from ..._helpers import polling
from ..._pagination import AsyncCursorPage
from .._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._file_batches_views import AsyncFileBatchesWithRawResponse, AsyncFileBatchesWithStreamingResponse
else:
    from ._file_batches_views import AsyncFileBatchesWithRawResponse, AsyncFileBatchesWithStreamingResponse

__all__ = ["AsyncFileBatches", "AsyncFileBatchesWithRawResponse", "AsyncFileBatchesWithStreamingResponse"]


class AsyncFileBatches(AsyncAPIResource):
    """Several files attached to a vector store as one batch, followed and cancelled together."""

    with_raw_response: AsyncFileBatchesWithRawResponse
    with_streaming_response: AsyncFileBatchesWithStreamingResponse

    poll = polling.poll_file_batch
    create_and_poll = polling.create_and_poll_file_batch
    upload_and_poll = polling.upload_and_poll_file_batch

    async def create(
        self,
        vector_store_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[FileBatchCreateParams],
    ) -> VectorStoreFileBatch:
        """Attach a batch of uploaded files to a vector store."""
        return await self._call(
            "post",
            f"/vector_stores/{require_path_param('vector_store_id', vector_store_id)}/file_batches",
            body=params,
            cast_to=VectorStoreFileBatch,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        batch_id: str,
        *,
        vector_store_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> VectorStoreFileBatch:
        """Get a file batch with its per-status file counts."""
        return await self._call(
            "get",
            f"/vector_stores/{require_path_param('vector_store_id', vector_store_id)}"
            f"/file_batches/{require_path_param('batch_id', batch_id)}",
            cast_to=VectorStoreFileBatch,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def cancel(
        self,
        batch_id: str,
        *,
        vector_store_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> VectorStoreFileBatch:
        """Stop processing the files of a batch that are not done yet."""
        return await self._call(
            "post",
            f"/vector_stores/{require_path_param('vector_store_id', vector_store_id)}"
            f"/file_batches/{require_path_param('batch_id', batch_id)}/cancel",
            cast_to=VectorStoreFileBatch,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def list_files(
        self,
        batch_id: str,
        *,
        vector_store_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[FileBatchListFilesParams],
    ) -> AsyncPaginator[VectorStoreFile, AsyncCursorPage[VectorStoreFile]]:
        """List the files of a batch, page by page."""
        return self._list(
            f"/vector_stores/{require_path_param('vector_store_id', vector_store_id)}"
            f"/file_batches/{require_path_param('batch_id', batch_id)}/files",
            page=AsyncCursorPage[VectorStoreFile],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

"""``client.vector_stores.files``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._concurrency import AsyncPaginator
from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.vector_stores import (
    FileContentResponse,
    FileCreateParams,
    FileListParams,
    FileUpdateParams,
    VectorStoreFile,
    VectorStoreFileDeleted,
)
from ..._helpers import polling
from ..._pagination import AsyncCursorPage, AsyncPage
from .._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._files_views import AsyncFilesWithRawResponse, AsyncFilesWithStreamingResponse
else:
    from ._files_views import AsyncFilesWithRawResponse, AsyncFilesWithStreamingResponse

__all__ = ["AsyncFiles", "AsyncFilesWithRawResponse", "AsyncFilesWithStreamingResponse"]


class AsyncFiles(AsyncAPIResource):
    """Uploaded files attached to a vector store, chunked and indexed for search."""

    with_raw_response: AsyncFilesWithRawResponse
    with_streaming_response: AsyncFilesWithStreamingResponse

    poll = polling.poll_vector_store_file
    create_and_poll = polling.create_and_poll_vector_store_file
    upload = polling.upload_vector_store_file
    upload_and_poll = polling.upload_and_poll_vector_store_file

    async def create(
        self,
        vector_store_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[FileCreateParams],
    ) -> VectorStoreFile:
        """Attach an uploaded file to a vector store."""
        return await self._call(
            "post",
            f"/vector_stores/{require_path_param('vector_store_id', vector_store_id)}/files",
            body=params,
            cast_to=VectorStoreFile,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        file_id: str,
        *,
        vector_store_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> VectorStoreFile:
        """Get one file of a vector store, with its indexing status."""
        return await self._call(
            "get",
            f"/vector_stores/{require_path_param('vector_store_id', vector_store_id)}"
            f"/files/{require_path_param('file_id', file_id)}",
            cast_to=VectorStoreFile,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def update(
        self,
        file_id: str,
        *,
        vector_store_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[FileUpdateParams],
    ) -> VectorStoreFile:
        """Replace the attributes a vector store keeps for one of its files."""
        return await self._call(
            "post",
            f"/vector_stores/{require_path_param('vector_store_id', vector_store_id)}"
            f"/files/{require_path_param('file_id', file_id)}",
            body=params,
            cast_to=VectorStoreFile,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def list(
        self,
        vector_store_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[FileListParams],
    ) -> AsyncPaginator[VectorStoreFile, AsyncCursorPage[VectorStoreFile]]:
        """List a vector store's files, page by page."""
        return self._list(
            f"/vector_stores/{require_path_param('vector_store_id', vector_store_id)}/files",
            page=AsyncCursorPage[VectorStoreFile],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        file_id: str,
        *,
        vector_store_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> VectorStoreFileDeleted:
        """Detach a file from a vector store; the uploaded file itself is kept."""
        return await self._call(
            "delete",
            f"/vector_stores/{require_path_param('vector_store_id', vector_store_id)}"
            f"/files/{require_path_param('file_id', file_id)}",
            cast_to=VectorStoreFileDeleted,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def content(
        self,
        file_id: str,
        *,
        vector_store_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> AsyncPaginator[FileContentResponse, AsyncPage[FileContentResponse]]:
        """The parsed text of a file in a vector store, as one page of content parts."""
        return self._list(
            f"/vector_stores/{require_path_param('vector_store_id', vector_store_id)}"
            f"/files/{require_path_param('file_id', file_id)}/content",
            page=AsyncPage[FileContentResponse],
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

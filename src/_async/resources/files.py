"""``client.files``."""

from __future__ import annotations

from typing import Optional, Union

from typing_extensions import Unpack, deprecated

from ..._concurrency import AsyncPaginator
from ..._request import require_path_param
from ..._response import HttpxBinaryResponseContent
from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ...types import FileCreateParams, FileDeleted, FileListParams, FileObject
from .._helpers import polling
from .._pagination import AsyncCursorPage
from ._base import (
    AsyncAPIResource,
    AsyncRawListMethod,
    AsyncRawMethod,
    AsyncRawResponseView,
    AsyncStreamedListMethod,
    AsyncStreamedMethod,
    AsyncStreamingResponseView,
)

__all__ = ["AsyncFiles", "AsyncFilesWithRawResponse", "AsyncFilesWithStreamingResponse"]


class AsyncFiles(AsyncAPIResource):
    """Files uploaded for fine-tuning, batches, assistants and more."""

    with_raw_response: AsyncFilesWithRawResponse
    with_streaming_response: AsyncFilesWithStreamingResponse

    wait_for_processing = polling.wait_for_processing

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[FileCreateParams],
    ) -> FileObject:
        """Upload a file: bytes, an open binary file, a path, or a ``(filename, content)`` tuple."""
        return await self._call(
            "post",
            "/files",
            body=params,
            multipart=True,
            cast_to=FileObject,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> FileObject:
        """Get a file's metadata."""
        return await self._call(
            "get",
            f"/files/{require_path_param('file_id', file_id)}",
            cast_to=FileObject,
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
        **params: Unpack[FileListParams],
    ) -> AsyncPaginator[FileObject, AsyncCursorPage[FileObject]]:
        """List uploaded files, page by page."""
        return self._list(
            "/files",
            page=AsyncCursorPage[FileObject],
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
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> FileDeleted:
        """Delete a file."""
        return await self._call(
            "delete",
            f"/files/{require_path_param('file_id', file_id)}",
            cast_to=FileDeleted,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def content(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> HttpxBinaryResponseContent:
        """Download a file's bytes; ``write_to_file(path)`` saves them."""
        return await self._call(
            "get",
            f"/files/{require_path_param('file_id', file_id)}/content",
            cast_to=HttpxBinaryResponseContent,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The `.content()` method should be used instead")
    async def retrieve_content(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> str:
        """A file's content as text (kept for older code; prefer ``content``)."""
        return await self._call(
            "get",
            f"/files/{require_path_param('file_id', file_id)}/content",
            cast_to=str,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )


class AsyncFilesWithRawResponse(AsyncRawResponseView, resource=AsyncFiles):
    """``AsyncFiles`` with each call returning the raw HTTP response; ``.parse()`` gives the usual result."""

    content = AsyncRawMethod(AsyncFiles.content)
    create = AsyncRawMethod(AsyncFiles.create)
    delete = AsyncRawMethod(AsyncFiles.delete)
    list = AsyncRawListMethod(AsyncFiles.list)
    retrieve = AsyncRawMethod(AsyncFiles.retrieve)
    retrieve_content = AsyncRawMethod(AsyncFiles.retrieve_content)


class AsyncFilesWithStreamingResponse(AsyncStreamingResponseView, resource=AsyncFiles):
    """``AsyncFiles`` with each call a context manager over the response before its body is read."""

    content = AsyncStreamedMethod(AsyncFiles.content)
    create = AsyncStreamedMethod(AsyncFiles.create)
    delete = AsyncStreamedMethod(AsyncFiles.delete)
    list = AsyncStreamedListMethod(AsyncFiles.list)
    retrieve = AsyncStreamedMethod(AsyncFiles.retrieve)
    retrieve_content = AsyncStreamedMethod(AsyncFiles.retrieve_content)

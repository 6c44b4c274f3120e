"""``client.files``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack, deprecated

from ..._concurrency import AsyncPaginator
from ..._request import require_path_param
from ..._response import HttpxBinaryResponseContent
from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ...types import FileCreateParams, FileDeleted, FileListParams, FileObject
from .._helpers import polling
from .._pagination import AsyncCursorPage
from ._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._files_views import AsyncFilesWithRawResponse, AsyncFilesWithStreamingResponse
else:
    from ._files_views import AsyncFilesWithRawResponse, AsyncFilesWithStreamingResponse

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

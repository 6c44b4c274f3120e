"""``client.containers.files``."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._concurrency import AsyncPaginator
from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.containers import (
    FileCreateParams,
    FileCreateResponse,
    FileListParams,
    FileListResponse,
    FileRetrieveResponse,
)
from ..._pagination import AsyncCursorPage
from .._base import AsyncAPIResource
from .file_content import AsyncContent

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._files_views import AsyncFilesWithRawResponse, AsyncFilesWithStreamingResponse
else:
    from ._files_views import AsyncFilesWithRawResponse, AsyncFilesWithStreamingResponse

__all__ = ["AsyncFiles", "AsyncFilesWithRawResponse", "AsyncFilesWithStreamingResponse"]


class AsyncFiles(AsyncAPIResource):
    """Files inside a container: uploaded ones and those its code wrote."""

    with_raw_response: AsyncFilesWithRawResponse
    with_streaming_response: AsyncFilesWithStreamingResponse

    @functools.cached_property
    def content(self) -> AsyncContent:
        """The bytes of a container's file."""
        return AsyncContent(self._client)

    async def create(
        self,
        container_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[FileCreateParams],
    ) -> FileCreateResponse:
        """Put a file in a container: upload its bytes or copy an uploaded file by id."""
        return await self._call(
            "post",
            f"/containers/{require_path_param('container_id', container_id)}/files",
            body=params,
            multipart=True,
            cast_to=FileCreateResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        file_id: str,
        *,
        container_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> FileRetrieveResponse:
        """Get the metadata of a container's file."""
        return await self._call(
            "get",
            f"/containers/{require_path_param('container_id', container_id)}"
            f"/files/{require_path_param('file_id', file_id)}",
            cast_to=FileRetrieveResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def list(
        self,
        container_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[FileListParams],
    ) -> AsyncPaginator[FileListResponse, AsyncCursorPage[FileListResponse]]:
        """List a container's files, page by page."""
        return self._list(
            f"/containers/{require_path_param('container_id', container_id)}/files",
            page=AsyncCursorPage[FileListResponse],
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
        container_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> None:
        """Delete a file from a container."""
        # The API answers with an empty body, so any content type is acceptable.
        await self._call(
            "delete",
            f"/containers/{require_path_param('container_id', container_id)}"
            f"/files/{require_path_param('file_id', file_id)}",
            cast_to=type(None),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

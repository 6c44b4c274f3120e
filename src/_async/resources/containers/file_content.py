"""``client.containers.files.content``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from ...._request import require_path_param
from ...._response import HttpxBinaryResponseContent
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._file_content_views import AsyncContentWithRawResponse, AsyncContentWithStreamingResponse
else:
    from ._file_content_views import AsyncContentWithRawResponse, AsyncContentWithStreamingResponse

__all__ = ["AsyncContent", "AsyncContentWithRawResponse", "AsyncContentWithStreamingResponse"]


class AsyncContent(AsyncAPIResource):
    """The bytes of a file inside a container."""

    with_raw_response: AsyncContentWithRawResponse
    with_streaming_response: AsyncContentWithStreamingResponse

    async def retrieve(
        self,
        file_id: str,
        *,
        container_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> HttpxBinaryResponseContent:
        """Download a container's file; ``write_to_file(path)`` saves it."""
        return await self._call(
            "get",
            f"/containers/{require_path_param('container_id', container_id)}"
            f"/files/{require_path_param('file_id', file_id)}/content",
            cast_to=HttpxBinaryResponseContent,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

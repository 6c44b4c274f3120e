"""``client.uploads``: large files sent in parts and assembled into one file."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types import Upload, UploadCompleteParams, UploadCreateParams
from ..._helpers import uploads as upload_helpers
from .._base import AsyncAPIResource

if TYPE_CHECKING:
    from .parts import AsyncParts

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncUploadsWithRawResponse, AsyncUploadsWithStreamingResponse
else:
    from ._views import AsyncUploadsWithRawResponse, AsyncUploadsWithStreamingResponse

__all__ = ["AsyncUploads", "AsyncUploadsWithRawResponse", "AsyncUploadsWithStreamingResponse"]


class AsyncUploads(AsyncAPIResource):
    """Uploads: a file too large for one request, sent as parts and then completed."""

    with_raw_response: AsyncUploadsWithRawResponse
    with_streaming_response: AsyncUploadsWithStreamingResponse

    upload_file_chunked = upload_helpers.upload_file_chunked

    @functools.cached_property
    def parts(self) -> AsyncParts:
        """The parts of an upload."""
        from .parts import AsyncParts

        return AsyncParts(self._client)

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[UploadCreateParams],
    ) -> Upload:
        """Open an upload for a file of a given size, name, type and purpose."""
        return await self._call(
            "post",
            "/uploads",
            body=params,
            cast_to=Upload,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def complete(
        self,
        upload_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[UploadCompleteParams],
    ) -> Upload:
        """Finish an upload: its parts, in the order given, become one file."""
        return await self._call(
            "post",
            f"/uploads/{require_path_param('upload_id', upload_id)}/complete",
            body=params,
            cast_to=Upload,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def cancel(
        self,
        upload_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> Upload:
        """Abandon an upload; no more parts are accepted."""
        return await self._call(
            "post",
            f"/uploads/{require_path_param('upload_id', upload_id)}/cancel",
            cast_to=Upload,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

"""``client.uploads.parts``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.uploads import PartCreateParams, UploadPart
from .._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._parts_views import AsyncPartsWithRawResponse, AsyncPartsWithStreamingResponse
else:
    from ._parts_views import AsyncPartsWithRawResponse, AsyncPartsWithStreamingResponse

__all__ = ["AsyncParts", "AsyncPartsWithRawResponse", "AsyncPartsWithStreamingResponse"]


class AsyncParts(AsyncAPIResource):
    """The chunks of an upload, each sent in its own request."""

    with_raw_response: AsyncPartsWithRawResponse
    with_streaming_response: AsyncPartsWithStreamingResponse

    async def create(
        self,
        upload_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[PartCreateParams],
    ) -> UploadPart:
        """Send one chunk of an upload's bytes."""
        return await self._call(
            "post",
            f"/uploads/{require_path_param('upload_id', upload_id)}/parts",
            body=params,
            multipart=True,
            cast_to=UploadPart,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

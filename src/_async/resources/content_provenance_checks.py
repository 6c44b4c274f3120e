"""``client.content_provenance_checks``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ...types import ContentProvenanceCheck, ContentProvenanceCheckCreateParams
from ._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._content_provenance_checks_views import (
        AsyncContentProvenanceChecksWithRawResponse,
        AsyncContentProvenanceChecksWithStreamingResponse,
    )
else:
    from ._content_provenance_checks_views import (
        AsyncContentProvenanceChecksWithRawResponse,
        AsyncContentProvenanceChecksWithStreamingResponse,
    )

__all__ = [
    "AsyncContentProvenanceChecks",
    "AsyncContentProvenanceChecksWithRawResponse",
    "AsyncContentProvenanceChecksWithStreamingResponse",
]


class AsyncContentProvenanceChecks(AsyncAPIResource):
    """Checks of where a piece of media came from."""

    with_raw_response: AsyncContentProvenanceChecksWithRawResponse
    with_streaming_response: AsyncContentProvenanceChecksWithStreamingResponse

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ContentProvenanceCheckCreateParams],
    ) -> ContentProvenanceCheck:
        """Upload a media file and check it for provenance signals (C2PA metadata, SynthID watermarks)."""
        return await self._call(
            "post",
            "/content_provenance_checks",
            body=params,
            multipart=True,
            cast_to=ContentProvenanceCheck,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

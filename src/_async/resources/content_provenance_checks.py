"""``client.content_provenance_checks``."""

from __future__ import annotations

from typing import Optional, Union

from typing_extensions import Unpack

from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ...types import ContentProvenanceCheck, ContentProvenanceCheckCreateParams
from ._base import (
    AsyncAPIResource,
    AsyncRawMethod,
    AsyncRawResponseView,
    AsyncStreamedMethod,
    AsyncStreamingResponseView,
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


class AsyncContentProvenanceChecksWithRawResponse(AsyncRawResponseView, resource=AsyncContentProvenanceChecks):
    """``AsyncContentProvenanceChecks`` with each call returning the raw HTTP response; ``.parse()`` gives the usual result."""

    create = AsyncRawMethod(AsyncContentProvenanceChecks.create)


class AsyncContentProvenanceChecksWithStreamingResponse(
    AsyncStreamingResponseView, resource=AsyncContentProvenanceChecks
):
    """``AsyncContentProvenanceChecks`` with each call a context manager over the response before its body is read."""

    create = AsyncStreamedMethod(AsyncContentProvenanceChecks.create)

"""``client.audio.voice_consents``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._concurrency import AsyncPaginator
from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.audio import (
    VoiceConsent,
    VoiceConsentCreateParams,
    VoiceConsentDeleted,
    VoiceConsentListParams,
    VoiceConsentUpdateParams,
)
from ..._pagination import AsyncConversationCursorPage
from .._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._voice_consents_views import AsyncVoiceConsentsWithRawResponse, AsyncVoiceConsentsWithStreamingResponse
else:
    from ._voice_consents_views import AsyncVoiceConsentsWithRawResponse, AsyncVoiceConsentsWithStreamingResponse

__all__ = ["AsyncVoiceConsents", "AsyncVoiceConsentsWithRawResponse", "AsyncVoiceConsentsWithStreamingResponse"]


class AsyncVoiceConsents(AsyncAPIResource):
    """Recorded consents that allow a custom voice to be made."""

    with_raw_response: AsyncVoiceConsentsWithRawResponse
    with_streaming_response: AsyncVoiceConsentsWithStreamingResponse

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[VoiceConsentCreateParams],
    ) -> VoiceConsent:
        """Upload a consent recording."""
        return await self._call(
            "post",
            "/audio/voice_consents",
            body=params,
            multipart=True,
            cast_to=VoiceConsent,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        consent_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> VoiceConsent:
        """Get a consent recording's metadata."""
        return await self._call(
            "get",
            f"/audio/voice_consents/{require_path_param('consent_id', consent_id)}",
            cast_to=VoiceConsent,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def update(
        self,
        consent_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[VoiceConsentUpdateParams],
    ) -> VoiceConsent:
        """Rename a consent recording."""
        return await self._call(
            "post",
            f"/audio/voice_consents/{require_path_param('consent_id', consent_id)}",
            body=params,
            cast_to=VoiceConsent,
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
        **params: Unpack[VoiceConsentListParams],
    ) -> AsyncPaginator[VoiceConsent, AsyncConversationCursorPage[VoiceConsent]]:
        """List consent recordings, page by page."""
        return self._list(
            "/audio/voice_consents",
            page=AsyncConversationCursorPage[VoiceConsent],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        consent_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> VoiceConsentDeleted:
        """Delete a consent recording."""
        return await self._call(
            "delete",
            f"/audio/voice_consents/{require_path_param('consent_id', consent_id)}",
            cast_to=VoiceConsentDeleted,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

"""``client.beta.realtime.transcription_sessions``."""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional, Union

from typing_extensions import Unpack

from ....._signatures import given_arguments
from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Omit, Query, Timeout, omit
from .....types.beta.realtime import TranscriptionSession, TranscriptionSessionCreateParams
from ..._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._transcription_sessions_views import (
        AsyncTranscriptionSessionsWithRawResponse,
        AsyncTranscriptionSessionsWithStreamingResponse,
    )
else:
    from ._transcription_sessions_views import (
        AsyncTranscriptionSessionsWithRawResponse,
        AsyncTranscriptionSessionsWithStreamingResponse,
    )

__all__ = [
    "AsyncTranscriptionSessions",
    "AsyncTranscriptionSessionsWithRawResponse",
    "AsyncTranscriptionSessionsWithStreamingResponse",
]


class AsyncTranscriptionSessions(AsyncAPIResource):
    """Realtime transcription sessions, created from the server for a client to stream audio into."""

    with_raw_response: AsyncTranscriptionSessionsWithRawResponse
    with_streaming_response: AsyncTranscriptionSessionsWithStreamingResponse

    async def create(
        self,
        *,
        modalities: Union[List[str], Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[TranscriptionSessionCreateParams],
    ) -> TranscriptionSession:
        """Create a Realtime transcription session and the short-lived client secret that joins it."""
        return await self._call(
            "post",
            "/realtime/transcription_sessions",
            # Fields the official SDK takes that the spec's request schema does not list.
            body={**params, **given_arguments(modalities=modalities)},
            cast_to=TranscriptionSession,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

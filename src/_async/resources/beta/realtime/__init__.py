"""``client.beta.realtime``: the beta Realtime API's session tokens."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..._base import AsyncAPIResource, AsyncRawResponseView, AsyncStreamingResponseView

if TYPE_CHECKING:
    from .sessions import AsyncSessions, AsyncSessionsWithRawResponse, AsyncSessionsWithStreamingResponse
    from .transcription_sessions import (
        AsyncTranscriptionSessions,
        AsyncTranscriptionSessionsWithRawResponse,
        AsyncTranscriptionSessionsWithStreamingResponse,
    )

__all__ = ["AsyncRealtime", "AsyncRealtimeWithRawResponse", "AsyncRealtimeWithStreamingResponse"]


class AsyncRealtime(AsyncAPIResource):
    """Beta Realtime: ``client.beta.realtime.sessions`` and ``.transcription_sessions``."""

    with_raw_response: AsyncRealtimeWithRawResponse
    with_streaming_response: AsyncRealtimeWithStreamingResponse

    @functools.cached_property
    def sessions(self) -> AsyncSessions:
        """Ephemeral tokens for Realtime conversation sessions."""
        from .sessions import AsyncSessions

        return AsyncSessions(self._client)

    @functools.cached_property
    def transcription_sessions(self) -> AsyncTranscriptionSessions:
        """Ephemeral tokens for Realtime transcription sessions."""
        from .transcription_sessions import AsyncTranscriptionSessions

        return AsyncTranscriptionSessions(self._client)


class AsyncRealtimeWithRawResponse(AsyncRawResponseView, resource=AsyncRealtime):
    """``AsyncRealtime`` with each call returning the raw HTTP response; ``.parse()`` gives the usual result."""

    sessions: AsyncSessionsWithRawResponse
    transcription_sessions: AsyncTranscriptionSessionsWithRawResponse


class AsyncRealtimeWithStreamingResponse(AsyncStreamingResponseView, resource=AsyncRealtime):
    """``AsyncRealtime`` with each call a context manager over the response before its body is read."""

    sessions: AsyncSessionsWithStreamingResponse
    transcription_sessions: AsyncTranscriptionSessionsWithStreamingResponse

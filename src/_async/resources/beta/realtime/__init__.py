"""``client.beta.realtime``: the beta Realtime API's session tokens."""

from __future__ import annotations

import functools

from ..._base import AsyncAPIResource
from .sessions import AsyncSessions
from .transcription_sessions import AsyncTranscriptionSessions

__all__ = ["AsyncRealtime", "AsyncSessions", "AsyncTranscriptionSessions"]


class AsyncRealtime(AsyncAPIResource):
    """Beta Realtime: ``client.beta.realtime.sessions`` and ``.transcription_sessions``."""

    @functools.cached_property
    def sessions(self) -> AsyncSessions:
        """Ephemeral tokens for Realtime conversation sessions."""
        return AsyncSessions(self._client)

    @functools.cached_property
    def transcription_sessions(self) -> AsyncTranscriptionSessions:
        """Ephemeral tokens for Realtime transcription sessions."""
        return AsyncTranscriptionSessions(self._client)

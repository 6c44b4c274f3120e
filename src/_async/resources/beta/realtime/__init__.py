"""``client.beta.realtime``: the beta Realtime API's session tokens."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..._base import AsyncAPIResource

if TYPE_CHECKING:
    from .sessions import AsyncSessions
    from .transcription_sessions import AsyncTranscriptionSessions

__all__ = ["AsyncRealtime"]


class AsyncRealtime(AsyncAPIResource):
    """Beta Realtime: ``client.beta.realtime.sessions`` and ``.transcription_sessions``."""

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

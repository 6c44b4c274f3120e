"""``client.beta.realtime``: the beta Realtime API's session tokens."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..._base import AsyncAPIResource

if TYPE_CHECKING:
    from .sessions import AsyncSessions
    from .transcription_sessions import (
        AsyncTranscriptionSessions,
    )

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncRealtimeWithRawResponse, AsyncRealtimeWithStreamingResponse
else:
    from ._views import AsyncRealtimeWithRawResponse, AsyncRealtimeWithStreamingResponse

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

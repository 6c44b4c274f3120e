"""``client.beta.realtime``: the beta Realtime API's session tokens."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional

from ....._types import Headers, Query
from ..._base import AsyncAPIResource

if TYPE_CHECKING:
    from .....types.websocket_connection_options import WebSocketConnectionOptions
    from ._connection import AsyncRealtimeConnectionManager
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

    def connect(
        self,
        *,
        model: str,
        extra_query: Optional[Query] = None,
        extra_headers: Optional[Headers] = None,
        websocket_connection_options: Optional[WebSocketConnectionOptions] = None,
    ) -> AsyncRealtimeConnectionManager:
        """Open a beta Realtime session over a websocket (``OpenAI-Beta: realtime=v1``); needs the ``realtime`` extra."""
        from ._connection import AsyncRealtimeConnectionManager

        return AsyncRealtimeConnectionManager(
            client=self._client,  # type: ignore[arg-type]
            model=model,
            extra_query=extra_query or {},
            extra_headers=extra_headers or {},
            websocket_connection_options=websocket_connection_options or {},
        )

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

"""``client.realtime``: Realtime API calls (WebRTC and SIP) and client secrets."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional

from ...._types import Headers, Omit, Query, omit
from .._base import AsyncAPIResource

if TYPE_CHECKING:
    from ....types.websocket_connection_options import WebSocketConnectionOptions
    from .._websocket_connection import OnReconnecting
    from ._connection import AsyncRealtimeConnectionManager
    from .calls import AsyncCalls
    from .client_secrets import (
        AsyncClientSecrets,
    )
    from .translations import (
        AsyncTranslations,
    )

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncRealtimeWithRawResponse, AsyncRealtimeWithStreamingResponse
else:
    from ._views import AsyncRealtimeWithRawResponse, AsyncRealtimeWithStreamingResponse

__all__ = ["AsyncRealtime", "AsyncRealtimeWithRawResponse", "AsyncRealtimeWithStreamingResponse"]


class AsyncRealtime(AsyncAPIResource):
    """Realtime: ``client.realtime.calls``, ``.client_secrets`` and ``.translations``."""

    with_raw_response: AsyncRealtimeWithRawResponse
    with_streaming_response: AsyncRealtimeWithStreamingResponse

    def connect(
        self,
        *,
        call_id: str | Omit = omit,
        model: str | Omit = omit,
        extra_query: Optional[Query] = None,
        extra_headers: Optional[Headers] = None,
        websocket_connection_options: Optional[WebSocketConnectionOptions] = None,
        on_reconnecting: Optional[OnReconnecting] = None,
        max_retries: int = 5,
        initial_delay: float = 0.5,
        max_delay: float = 8.0,
        max_queue_size: int = 1_048_576,
    ) -> AsyncRealtimeConnectionManager:
        """Open a Realtime session over a websocket: ``model`` for a new one, ``call_id`` to join a call.

        A context manager over the connection. With ``on_reconnecting`` a dropped connection is opened
        again, up to ``max_retries`` times with backoff from ``initial_delay`` to ``max_delay`` seconds; events sent
        meanwhile wait in a queue of at most ``max_queue_size`` bytes. Needs the ``realtime`` extra.
        """
        from ._connection import AsyncRealtimeConnectionManager

        return AsyncRealtimeConnectionManager(
            client=self._client,  # type: ignore[arg-type]
            model=model,
            call_id=call_id,
            extra_query=extra_query or {},
            extra_headers=extra_headers or {},
            websocket_connection_options=websocket_connection_options or {},
            on_reconnecting=on_reconnecting,
            max_retries=max_retries,
            initial_delay=initial_delay,
            max_delay=max_delay,
            max_queue_size=max_queue_size,
        )

    @functools.cached_property
    def calls(self) -> AsyncCalls:
        """Start, accept, refer, reject and hang up Realtime calls."""
        from .calls import AsyncCalls

        return AsyncCalls(self._client)

    @functools.cached_property
    def client_secrets(self) -> AsyncClientSecrets:
        """Short-lived secrets that let a browser or device open a Realtime session."""
        from .client_secrets import AsyncClientSecrets

        return AsyncClientSecrets(self._client)

    @functools.cached_property
    def translations(self) -> AsyncTranslations:
        """Realtime speech translation sessions."""
        from .translations import AsyncTranslations

        return AsyncTranslations(self._client)

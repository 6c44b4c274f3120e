"""``client.realtime``: Realtime API calls (WebRTC and SIP) and client secrets."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .._base import AsyncAPIResource

if TYPE_CHECKING:
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

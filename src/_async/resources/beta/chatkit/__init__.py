"""``client.beta.chatkit``: ChatKit sessions and threads."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..._base import AsyncAPIResource

if TYPE_CHECKING:
    from .sessions import AsyncSessions
    from .threads import AsyncThreads

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncChatKitWithRawResponse, AsyncChatKitWithStreamingResponse
else:
    from ._views import AsyncChatKitWithRawResponse, AsyncChatKitWithStreamingResponse

__all__ = ["AsyncChatKit", "AsyncChatKitWithRawResponse", "AsyncChatKitWithStreamingResponse"]


class AsyncChatKit(AsyncAPIResource):
    """ChatKit: ``client.beta.chatkit.sessions`` and ``client.beta.chatkit.threads``."""

    with_raw_response: AsyncChatKitWithRawResponse
    with_streaming_response: AsyncChatKitWithStreamingResponse

    @functools.cached_property
    def sessions(self) -> AsyncSessions:
        """Start and cancel ChatKit sessions."""
        from .sessions import AsyncSessions

        return AsyncSessions(self._client)

    @functools.cached_property
    def threads(self) -> AsyncThreads:
        """Read and delete ChatKit threads and their items."""
        from .threads import AsyncThreads

        return AsyncThreads(self._client)

"""``client.beta.chatkit``: ChatKit sessions and threads."""

from __future__ import annotations

import functools

from ..._base import AsyncAPIResource
from .sessions import AsyncSessions
from .threads import AsyncThreads

__all__ = ["AsyncChatKit", "AsyncSessions", "AsyncThreads"]


class AsyncChatKit(AsyncAPIResource):
    """ChatKit: ``client.beta.chatkit.sessions`` and ``client.beta.chatkit.threads``."""

    @functools.cached_property
    def sessions(self) -> AsyncSessions:
        """Start and cancel ChatKit sessions."""
        return AsyncSessions(self._client)

    @functools.cached_property
    def threads(self) -> AsyncThreads:
        """Read and delete ChatKit threads and their items."""
        return AsyncThreads(self._client)

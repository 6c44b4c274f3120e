"""``client.beta.chatkit``: ChatKit sessions and threads."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..._base import AsyncAPIResource

if TYPE_CHECKING:
    from .sessions import AsyncSessions
    from .threads import AsyncThreads

__all__ = ["AsyncChatKit"]


class AsyncChatKit(AsyncAPIResource):
    """ChatKit: ``client.beta.chatkit.sessions`` and ``client.beta.chatkit.threads``."""

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

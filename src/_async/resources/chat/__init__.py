"""``client.chat``: chat completions."""

from __future__ import annotations

import functools

from .._base import AsyncAPIResource
from .completions import AsyncCompletions

__all__ = ["AsyncChat", "AsyncCompletions"]


class AsyncChat(AsyncAPIResource):
    """Chat: ``client.chat.completions``."""

    @functools.cached_property
    def completions(self) -> AsyncCompletions:
        """Create, store, list and delete chat completions."""
        return AsyncCompletions(self._client)

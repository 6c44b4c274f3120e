"""``client.chat``: chat completions."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .._base import AsyncAPIResource

if TYPE_CHECKING:
    from .completions import AsyncCompletions

__all__ = ["AsyncChat"]


class AsyncChat(AsyncAPIResource):
    """Chat: ``client.chat.completions``."""

    @functools.cached_property
    def completions(self) -> AsyncCompletions:
        """Create, store, list and delete chat completions."""
        from .completions import AsyncCompletions

        return AsyncCompletions(self._client)

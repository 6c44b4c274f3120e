"""``client.chat``: chat completions."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .._base import AsyncAPIResource

if TYPE_CHECKING:
    from .completions import AsyncCompletions

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncChatWithRawResponse, AsyncChatWithStreamingResponse
else:
    from ._views import AsyncChatWithRawResponse, AsyncChatWithStreamingResponse

__all__ = ["AsyncChat", "AsyncChatWithRawResponse", "AsyncChatWithStreamingResponse"]


class AsyncChat(AsyncAPIResource):
    """Chat: ``client.chat.completions``."""

    with_raw_response: AsyncChatWithRawResponse
    with_streaming_response: AsyncChatWithStreamingResponse

    @functools.cached_property
    def completions(self) -> AsyncCompletions:
        """Create, store, list and delete chat completions."""
        from .completions import AsyncCompletions

        return AsyncCompletions(self._client)

"""``client.chat``: chat completions."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .._base import AsyncAPIResource, AsyncRawResponseView, AsyncStreamingResponseView

if TYPE_CHECKING:
    from .completions import AsyncCompletions, AsyncCompletionsWithRawResponse, AsyncCompletionsWithStreamingResponse

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


class AsyncChatWithRawResponse(AsyncRawResponseView, resource=AsyncChat):
    """``AsyncChat`` with each call returning the raw HTTP response; ``.parse()`` gives the usual result."""

    completions: AsyncCompletionsWithRawResponse


class AsyncChatWithStreamingResponse(AsyncStreamingResponseView, resource=AsyncChat):
    """``AsyncChat`` with each call a context manager over the response before its body is read."""

    completions: AsyncCompletionsWithStreamingResponse

"""``client.beta.chatkit``: ChatKit sessions and threads."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..._base import AsyncAPIResource, AsyncRawResponseView, AsyncStreamingResponseView

if TYPE_CHECKING:
    from .sessions import AsyncSessions, AsyncSessionsWithRawResponse, AsyncSessionsWithStreamingResponse
    from .threads import AsyncThreads, AsyncThreadsWithRawResponse, AsyncThreadsWithStreamingResponse

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


class AsyncChatKitWithRawResponse(AsyncRawResponseView, resource=AsyncChatKit):
    """``AsyncChatKit`` with each call returning the raw HTTP response; ``.parse()`` gives the usual result."""

    sessions: AsyncSessionsWithRawResponse
    threads: AsyncThreadsWithRawResponse


class AsyncChatKitWithStreamingResponse(AsyncStreamingResponseView, resource=AsyncChatKit):
    """``AsyncChatKit`` with each call a context manager over the response before its body is read."""

    sessions: AsyncSessionsWithStreamingResponse
    threads: AsyncThreadsWithStreamingResponse

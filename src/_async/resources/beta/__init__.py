"""``client.beta``: the APIs still in beta (assistants, threads, ChatKit, beta Realtime and Responses)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .._base import AsyncAPIResource

if TYPE_CHECKING:
    from .assistants import AsyncAssistants
    from .chatkit import AsyncChatKit
    from .realtime import AsyncRealtime
    from .responses import AsyncResponses
    from .threads import AsyncThreads

if TYPE_CHECKING:
    from ..chat import AsyncChat

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncBetaWithRawResponse, AsyncBetaWithStreamingResponse
else:
    from ._views import AsyncBetaWithRawResponse, AsyncBetaWithStreamingResponse

__all__ = ["AsyncBeta", "AsyncBetaWithRawResponse", "AsyncBetaWithStreamingResponse"]


class AsyncBeta(AsyncAPIResource):
    """Beta APIs: ``client.beta.assistants``, ``.threads``, ``.chatkit``, ``.realtime`` and ``.responses``."""

    with_raw_response: AsyncBetaWithRawResponse
    with_streaming_response: AsyncBetaWithStreamingResponse

    @functools.cached_property
    def assistants(self) -> AsyncAssistants:
        """Create, list, change and delete assistants."""
        from .assistants import AsyncAssistants

        return AsyncAssistants(self._client)

    @functools.cached_property
    def threads(self) -> AsyncThreads:
        """Threads, their messages, and the runs of assistants on them."""
        from .threads import AsyncThreads

        return AsyncThreads(self._client)

    @functools.cached_property
    def chat(self) -> AsyncChat:
        """The same chat completions as ``client.chat``, where code written for the beta helpers
        (``client.beta.chat.completions.parse`` / ``.stream``) still looks for them."""
        from .. import chat as chat_resources  # imported on use, as for client.chat

        return chat_resources.AsyncChat(self._client)

    @functools.cached_property
    def chatkit(self) -> AsyncChatKit:
        """ChatKit sessions and threads."""
        from .chatkit import AsyncChatKit

        return AsyncChatKit(self._client)

    @functools.cached_property
    def realtime(self) -> AsyncRealtime:
        """Session tokens of the beta Realtime API."""
        from .realtime import AsyncRealtime

        return AsyncRealtime(self._client)

    @functools.cached_property
    def responses(self) -> AsyncResponses:
        """The beta Responses API."""
        from .responses import AsyncResponses

        return AsyncResponses(self._client)

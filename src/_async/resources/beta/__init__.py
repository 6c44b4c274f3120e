"""``client.beta``: the APIs still in beta (assistants, threads, ChatKit, beta Realtime and Responses)."""

from __future__ import annotations

import functools

from .._base import AsyncAPIResource
from .assistants import AsyncAssistants
from .chatkit import AsyncChatKit
from .realtime import AsyncRealtime
from .responses import AsyncResponses
from .threads import AsyncThreads

__all__ = ["AsyncAssistants", "AsyncBeta", "AsyncChatKit", "AsyncRealtime", "AsyncResponses", "AsyncThreads"]


class AsyncBeta(AsyncAPIResource):
    """Beta APIs: ``client.beta.assistants``, ``.threads``, ``.chatkit``, ``.realtime`` and ``.responses``."""

    @functools.cached_property
    def assistants(self) -> AsyncAssistants:
        """Create, list, change and delete assistants."""
        return AsyncAssistants(self._client)

    @functools.cached_property
    def threads(self) -> AsyncThreads:
        """Threads, their messages, and the runs of assistants on them."""
        return AsyncThreads(self._client)

    @functools.cached_property
    def chatkit(self) -> AsyncChatKit:
        """ChatKit sessions and threads."""
        return AsyncChatKit(self._client)

    @functools.cached_property
    def realtime(self) -> AsyncRealtime:
        """Session tokens of the beta Realtime API."""
        return AsyncRealtime(self._client)

    @functools.cached_property
    def responses(self) -> AsyncResponses:
        """The beta Responses API."""
        return AsyncResponses(self._client)

"""``client.conversations``: conversations and their items."""

from __future__ import annotations

from .conversations import AsyncConversations
from .items import AsyncItems

__all__ = ["AsyncConversations", "AsyncItems"]

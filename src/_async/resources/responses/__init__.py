"""``client.responses``: the Responses API, its input items and input token counts."""

from __future__ import annotations

from .input_items import AsyncInputItems
from .input_tokens import AsyncInputTokens
from .responses import AsyncResponses

__all__ = ["AsyncInputItems", "AsyncInputTokens", "AsyncResponses"]

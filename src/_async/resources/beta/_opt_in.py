"""How calls opt into the beta APIs: the ``OpenAI-Beta`` headers and the ``beta=true`` query flag."""

from __future__ import annotations

from typing import Dict, Optional

from ...._types import Headers

__all__ = ["RESPONSES_BETA_QUERY", "assistants_headers", "chatkit_headers"]

#: The beta Responses API shares the stable one's paths and is told apart by this query flag. It is
#: sent as query, not written into the path, because a request's query params replace a path's own.
RESPONSES_BETA_QUERY: Dict[str, object] = {"beta": "true"}


def assistants_headers(extra_headers: Optional[Headers]) -> Headers:
    """The caller's headers, on top of the Assistants API v2 opt-in (a caller's own value wins)."""
    return {"OpenAI-Beta": "assistants=v2", **(extra_headers or {})}


def chatkit_headers(extra_headers: Optional[Headers]) -> Headers:
    """The caller's headers, on top of the ChatKit beta opt-in (a caller's own value wins)."""
    return {"OpenAI-Beta": "chatkit_beta=v1", **(extra_headers or {})}

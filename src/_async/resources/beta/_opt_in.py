"""How calls opt into the beta APIs: the ``OpenAI-Beta`` headers and the ``beta=true`` query flag.

A resource names its opt-in once, as ``_opt_in_headers`` / ``_opt_in_query``; ``_call`` and ``_list``
send it beneath the caller's own headers and query.
"""

from __future__ import annotations

from typing import Dict

__all__ = ["ASSISTANTS_OPT_IN", "CHATKIT_OPT_IN", "RESPONSES_BETA_QUERY"]

#: The Assistants API v2 (assistants, threads, messages, runs, run steps).
ASSISTANTS_OPT_IN: Dict[str, str] = {"OpenAI-Beta": "assistants=v2"}

#: The ChatKit beta.
CHATKIT_OPT_IN: Dict[str, str] = {"OpenAI-Beta": "chatkit_beta=v1"}

#: The beta Responses API shares the stable one's paths and is told apart by this query flag. It is
#: sent as query, not written into the path, because a request's query params replace a path's own.
RESPONSES_BETA_QUERY: Dict[str, object] = {"beta": "true"}

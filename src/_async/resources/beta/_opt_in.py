"""How calls opt into the beta APIs: the ``OpenAI-Beta`` headers and the ``beta=true`` query flag.

A resource names its opt-in once, as ``_opt_in_headers`` / ``_opt_in_query``; ``_call`` and ``_list``
send it beneath the caller's own headers and query.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Union

from typing_extensions import Literal, TypeAlias

from ...._types import Headers, Omit

__all__ = ["ASSISTANTS_OPT_IN", "CHATKIT_OPT_IN", "RESPONSES_BETA_QUERY", "ResponsesBeta", "with_betas"]

#: The Assistants API v2 (assistants, threads, messages, runs, run steps).
ASSISTANTS_OPT_IN: Dict[str, str] = {"OpenAI-Beta": "assistants=v2"}

#: The ChatKit beta.
CHATKIT_OPT_IN: Dict[str, str] = {"OpenAI-Beta": "chatkit_beta=v1"}

#: The beta Responses API shares the stable one's paths and is told apart by this query flag. It is
#: sent as query, not written into the path, because a request's query params replace a path's own.
RESPONSES_BETA_QUERY: Dict[str, object] = {"beta": "true"}

#: The features a beta Responses call may opt into with ``betas=[...]``.
ResponsesBeta: TypeAlias = Literal["responses_multi_agent=v1"]


def with_betas(betas: Union[List[ResponsesBeta], Omit], extra_headers: Optional[Headers]) -> Optional[Headers]:
    """The headers of a call given ``betas=[...]``: one ``OpenAI-Beta`` header naming them all,
    beneath the caller's own headers (an ``OpenAI-Beta`` there wins)."""
    if isinstance(betas, Omit):
        return extra_headers
    return {"OpenAI-Beta": ",".join(str(beta) for beta in betas), **(extra_headers or {})}

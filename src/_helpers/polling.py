"""Polling, without I/O: how long to wait before asking again, and which states are final.

The server may say how long to wait in the ``openai-poll-after-ms`` response header; an interval
the caller chose (``poll_interval_ms``) wins over it, and without either the wait is one second.
The ``X-Stainless-Poll-Helper`` headers tell the API that a helper is polling, as the official SDK does.
"""

from __future__ import annotations

from typing import Dict, Mapping, Optional, Union

from .._types import Headers, NotGiven, Omit

__all__ = [
    "DEFAULT_POLL_INTERVAL_MS",
    "FILE_DONE_STATUSES",
    "RUN_PENDING_STATUSES",
    "poll_delay",
    "poll_headers",
]

DEFAULT_POLL_INTERVAL_MS = 1000

#: A run in one of these states is still going; every other state needs the caller (or is final).
RUN_PENDING_STATUSES = frozenset({"queued", "in_progress", "cancelling"})

#: An uploaded file in one of these states will not change any more.
FILE_DONE_STATUSES = frozenset({"processed", "error", "deleted"})


def poll_headers(
    extra_headers: Optional[Headers], poll_interval_ms: Union[int, float, NotGiven]
) -> Dict[str, Union[str, Omit]]:
    """The headers of each poll request: the helper markers, then the caller's own."""
    headers: Dict[str, Union[str, Omit]] = {"X-Stainless-Poll-Helper": "true"}
    if not isinstance(poll_interval_ms, NotGiven):
        headers["X-Stainless-Custom-Poll-Interval"] = str(poll_interval_ms)
    headers.update(extra_headers or {})
    return headers


def poll_delay(
    response_headers: Mapping[str, str],
    poll_interval_ms: Union[int, float, NotGiven, None],
    default_ms: float = DEFAULT_POLL_INTERVAL_MS,
) -> float:
    """Seconds to wait before the next poll: the caller's interval, else the server's hint, else the default."""
    if poll_interval_ms is not None and not isinstance(poll_interval_ms, NotGiven):
        return max(0.0, float(poll_interval_ms)) / 1000
    hint = response_headers.get("openai-poll-after-ms")
    if hint is not None:
        try:
            milliseconds = float(hint)
        except ValueError:
            milliseconds = -1.0
        if milliseconds >= 0:
            return milliseconds / 1000
    return default_ms / 1000

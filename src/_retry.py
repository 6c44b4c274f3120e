"""The sans-IO retry policy: which outcomes are retried, and how long to wait first.

Retried: connection errors, timeouts, 408, 409, 429 and every 5xx, unless the server says
otherwise with ``x-should-retry``. A 429 whose error code is ``insufficient_quota`` is never
retried: waiting does not refill a quota. The wait honours ``retry-after-ms``, then
``retry-after`` (seconds or an HTTP date) when it is in (0, 120] seconds; a server that asks
for more than 120 s gets no retry at all. Otherwise the wait is 0.5 s doubled per retry, capped
at 8 s, less up to 25 % jitter so that many clients do not retry in lockstep.
"""

from __future__ import annotations

import email.utils
import random
import time
from typing import Callable, Mapping, Optional

__all__ = [
    "INITIAL_RETRY_DELAY",
    "MAX_RETRY_AFTER",
    "MAX_RETRY_DELAY",
    "retry_delay",
    "should_retry_status",
]

INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 120.0
_RETRIED_STATUSES = frozenset({408, 409, 429})


def should_retry_status(status: int, headers: Mapping[str, str], error_code: Optional[str] = None) -> bool:
    """Whether a response with this status (and error code) is worth another attempt."""
    override = headers.get("x-should-retry")
    if override == "true":
        return True
    if override == "false":
        return False
    if status == 429 and error_code == "insufficient_quota":
        return False
    return status in _RETRIED_STATUSES or status >= 500


def retry_delay(
    retries_taken: int,
    headers: Optional[Mapping[str, str]] = None,
    *,
    rand: Callable[[], float] = random.random,
    now: Callable[[], float] = time.time,
) -> Optional[float]:
    """Seconds to wait before retry number ``retries_taken + 1``, or None when the server's wait is too long."""
    if headers is not None:
        asked = _server_asked_delay(headers, now)
        if asked is not None:
            if asked > MAX_RETRY_AFTER:
                return None
            if asked > 0:
                return asked
    backoff = min(INITIAL_RETRY_DELAY * 2.0 ** min(retries_taken, 1000), MAX_RETRY_DELAY)
    return backoff * (1.0 - 0.25 * rand())


def _server_asked_delay(headers: Mapping[str, str], now: Callable[[], float]) -> Optional[float]:
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            return float(millis) / 1000.0
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    parsed = email.utils.parsedate_tz(value)
    if parsed is None:
        return None
    return email.utils.mktime_tz(parsed) - now()

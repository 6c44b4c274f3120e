"""Rate limits for the loopback server: the API's ``x-ratelimit-*`` headers and its 429s.

A :class:`RateLimits` gate keeps one budget of requests and one of tokens per API key and
model, each a bucket that refills continuously (``requests_per_minute`` per ``minute`` seconds;
``minute`` below 60 compresses the clock so tests and benchmarks need not wait real minutes).
Every answered request carries the six headers; one that does not fit both budgets is refused
with a 429, ``retry-after`` / ``retry-after-ms`` saying when it would fit.

Tokens are counted as the API reserves them when a request arrives: the prompt's characters
over four plus the most the request may generate (``max_tokens`` and friends).
"""

from __future__ import annotations

import json
import math
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Tuple

from ._http import ReceivedRequest
from ._reply import ApiError, Reply

__all__ = ["RateLimitEvent", "RateLimits", "format_duration"]


def format_duration(seconds: float) -> str:
    """A duration as the API writes it: ``6m0s``, ``1s``, ``20ms``, ``1.5s``."""
    if seconds <= 0:
        return "0s"
    # Rounded up to the millisecond, as a reset is never reached sooner than it says.
    seconds = math.ceil(seconds * 1000 - 1e-6) / 1000
    if seconds < 1:
        return f"{max(1, math.ceil(seconds * 1000))}ms"
    minutes, rest = divmod(seconds, 60)
    rest_text = f"{rest:.3f}".rstrip("0").rstrip(".")
    if minutes >= 60:
        hours, minutes = divmod(minutes, 60)
        return f"{int(hours)}h{int(minutes)}m{rest_text}s"
    if minutes:
        return f"{int(minutes)}m{rest_text}s"
    return f"{rest_text}s"


def _strings(value: Any, depth: int = 0) -> int:
    if depth > 10:
        return 0
    if isinstance(value, str):
        return len(value)
    if isinstance(value, list):
        return sum(_strings(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return sum(_strings(v, depth + 1) for k, v in value.items() if k in ("content", "text", "prompt", "input"))
    return 0


def request_tokens(body: Any) -> int:
    """The tokens a request body counts against the token budget."""
    if not isinstance(body, dict):
        return 1
    prompt = 0
    for name in ("messages", "prompt", "input"):
        prompt += _strings(body.get(name))
    generated = 0
    for name in ("max_completion_tokens", "max_tokens", "max_output_tokens"):
        value = body.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            generated = value
            break
    return max(1, math.ceil(prompt / 4) + generated)


@dataclass(frozen=True)
class RateLimitEvent:
    """One request the gate judged: when (seconds since the gate started), whether it was admitted."""

    at: float
    admitted: bool
    tokens: int


class _Bucket:
    __slots__ = ("capacity", "level", "rate", "updated")

    def __init__(self, capacity: float, rate: float, now: float) -> None:
        self.capacity = capacity
        self.rate = rate
        self.level = capacity
        self.updated = now

    def refill(self, now: float) -> None:
        self.level = min(self.capacity, self.level + (now - self.updated) * self.rate)
        self.updated = now

    def wait_for(self, amount: float) -> float:
        return 0.0 if self.level >= amount else (amount - self.level) / self.rate

    def remaining(self) -> int:
        return max(0, math.floor(self.level))

    def reset(self) -> float:
        # Measured from the remaining count as sent, so that used / reset never exceeds the rate.
        return (self.capacity - self.remaining()) / self.rate


class RateLimits:
    """Per-key, per-model budgets of requests and tokens per ``minute`` seconds.

    ``None`` for either limit leaves that dimension unlimited (its headers are then not sent).
    ``events`` lists every judged request, for tests and plots. Thread-safe.
    """

    def __init__(
        self,
        *,
        requests_per_minute: Optional[int] = None,
        tokens_per_minute: Optional[int] = None,
        minute: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        record_events: bool = True,
    ) -> None:
        for name, value in (("requests_per_minute", requests_per_minute), ("tokens_per_minute", tokens_per_minute)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value <= 0):
                raise ValueError(f"{name} must be a positive int or None, got {value!r}")
        if not (isinstance(minute, (int, float)) and math.isfinite(minute) and minute > 0):
            raise ValueError(f"minute must be a positive number of seconds, got {minute!r}")
        self.requests_per_minute = requests_per_minute
        self.tokens_per_minute = tokens_per_minute
        self.minute = float(minute)
        self._clock = clock
        self._started = clock()
        self._lock = threading.Lock()
        self._budgets: Dict[Tuple[str, str], Tuple[Optional[_Bucket], Optional[_Bucket]]] = {}
        self._record = record_events
        self.events: List[RateLimitEvent] = []
        self.admitted = 0
        self.refused = 0

    def __repr__(self) -> str:
        return (
            f"<RateLimits rpm={self.requests_per_minute} tpm={self.tokens_per_minute} minute={self.minute}s "
            f"admitted={self.admitted} refused={self.refused}>"
        )

    def _buckets(self, key: Tuple[str, str], now: float) -> Tuple[Optional[_Bucket], Optional[_Bucket]]:
        found = self._budgets.get(key)
        if found is None:
            rpm, tpm = self.requests_per_minute, self.tokens_per_minute
            found = (
                _Bucket(rpm, rpm / self.minute, now) if rpm else None,
                _Bucket(tpm, tpm / self.minute, now) if tpm else None,
            )
            self._budgets[key] = found
        return found

    def apply(self, request: ReceivedRequest, answer: Callable[[], Reply]) -> Reply:
        """Admit ``request`` and return ``answer()`` with the headers, or a 429 without calling it."""
        try:
            body = json.loads(request.body) if request.body else None
        except ValueError:
            body = None
        model = body.get("model") if isinstance(body, dict) else None
        key = (request.headers.get("authorization", ""), model if isinstance(model, str) else "")
        tokens = request_tokens(body)
        with self._lock:
            now = self._clock()
            requests, token_bucket = self._buckets(key, now)
            for bucket in (requests, token_bucket):
                if bucket is not None:
                    bucket.refill(now)
            wait = max(
                requests.wait_for(1) if requests is not None else 0.0,
                token_bucket.wait_for(tokens) if token_bucket is not None else 0.0,
            )
            too_big = token_bucket is not None and tokens > token_bucket.capacity
            admitted = wait == 0.0 and not too_big
            if admitted:
                if requests is not None:
                    requests.level -= 1
                if token_bucket is not None:
                    token_bucket.level -= tokens
                self.admitted += 1
            else:
                self.refused += 1
            if self._record:
                self.events.append(RateLimitEvent(now - self._started, admitted, tokens))
            headers = self._headers(requests, token_bucket)
        if too_big:
            error = ApiError(
                429,
                f"Request too large for {model}: {tokens} tokens requested, the limit is {self.tokens_per_minute}"
                " per minute.",
                type="tokens",
                code="rate_limit_exceeded",
                headers=headers,
            )
            return error.reply()
        if not admitted:
            which = "requests" if requests is not None and requests.level < 1 else "tokens"
            retry = [
                ("retry-after", str(max(1, math.ceil(wait)))),
                ("retry-after-ms", str(max(1, math.ceil(wait * 1000)))),
            ]
            error = ApiError(
                429,
                f"Rate limit reached for {model} on {which} per min. Please try again in {format_duration(wait)}.",
                type=which,
                code="rate_limit_exceeded",
                headers=[*headers, *retry],
            )
            return error.reply()
        reply = answer()
        reply.headers = [*reply.headers, *headers]
        return reply

    def _headers(self, requests: Optional[_Bucket], tokens: Optional[_Bucket]) -> List[Tuple[str, str]]:
        out: List[Tuple[str, str]] = []
        for name, bucket in (("requests", requests), ("tokens", tokens)):
            if bucket is None:
                continue
            out += [
                (f"x-ratelimit-limit-{name}", str(int(bucket.capacity))),
                (f"x-ratelimit-remaining-{name}", str(bucket.remaining())),
                (f"x-ratelimit-reset-{name}", format_duration(bucket.reset())),
            ]
        return out

    def timeline(self, bucket_seconds: float = 1.0) -> List[Tuple[float, int, int]]:
        """``(start, admitted, refused)`` per ``bucket_seconds`` since the gate started."""
        with self._lock:
            events = list(self.events)
        if not events:
            return []
        count = int(events[-1].at // bucket_seconds) + 1
        admitted = [0] * count
        refused = [0] * count
        for event in events:
            i = int(event.at // bucket_seconds)
            if event.admitted:
                admitted[i] += 1
            else:
                refused[i] += 1
        return [(i * bucket_seconds, admitted[i], refused[i]) for i in range(count)]

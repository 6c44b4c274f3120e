"""The sans-IO rate limiter: budgets of requests and tokens learnt from the API's headers.

Every response of the API says how much of the account's per-model budget is left::

    x-ratelimit-limit-requests: 5000       x-ratelimit-limit-tokens: 2000000
    x-ratelimit-remaining-requests: 4999   x-ratelimit-remaining-tokens: 1999000
    x-ratelimit-reset-requests: 12ms       x-ratelimit-reset-tokens: 30ms

A :class:`RateLimiter` keeps one budget per (base URL, key, model). Each budget is two token
buckets (requests, tokens) that refill continuously at the rate the headers imply; a request is
admitted when both have room. Admission is virtual scheduling: :meth:`RateLimiter.reserve` debits
both buckets at once, even into debt, and answers how long the caller must wait for its slot, so
waiting callers wake one by one at the rate the budget allows instead of all at once.

Until a budget's first response arrives its limits are unknown, so one request is let through
alone to learn them; a server that sends no such headers is not limited. A 429 holds the whole
budget for its ``retry-after``, shrinks the rates the budget assumes, and each success then
recovers a little of what was shrunk.

Nothing here sleeps or sends: the clients call :meth:`RateLimiter.reserve` before each attempt,
wait the delay with their own sleep, and call :meth:`RateLimiter.settle` with the response.
State is guarded by a :class:`threading.Lock`, so one limiter serves every task and thread.
"""

from __future__ import annotations

import hashlib
import math
import re
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Mapping, NamedTuple, Optional, Tuple

__all__ = [
    "BudgetKey",
    "RateLimitHeaders",
    "RateLimiter",
    "Reservation",
    "budget_key",
    "estimate_tokens",
    "parse_duration",
    "parse_rate_limit_headers",
    "shared_rate_limiter",
]

# Longer than any window the API uses; a header asking for more is treated as nonsense, capped.
MAX_DURATION = 24 * 3600.0
# A count beyond this is not a real limit; the header is ignored rather than trusted.
_MAX_COUNT = 10**15
_UNITS = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 1e-3, "us": 1e-6, "\u00b5s": 1e-6, "\u03bcs": 1e-6, "ns": 1e-9}
_DURATION_PART = re.compile(r"([0-9]+(?:\.[0-9]+)?|\.[0-9]+)(h|ms|m|s|us|\u00b5s|\u03bcs|ns)")


def parse_duration(text: str) -> float:
    """Seconds in a duration as the API writes it (``6m0s``, ``1s``, ``20ms``, ``1h2m3.5s``, ``0``).

    Raises :class:`ValueError` for anything else (signs, exponents, unknown units, empty text).
    The result is capped at one day.
    """
    if not isinstance(text, str):
        raise ValueError(f"a duration must be text, got {type(text).__name__}")
    s = text.strip()
    if not s or len(s) > 64:
        raise ValueError(f"not a duration: {text[:64]!r}")
    if s == "0":
        return 0.0
    pos = 0
    total = 0.0
    while pos < len(s):
        m = _DURATION_PART.match(s, pos)
        if m is None:
            raise ValueError(f"not a duration: {text!r}")
        total += float(m.group(1)) * _UNITS[m.group(2)]
        pos = m.end()
    if not math.isfinite(total):
        raise ValueError(f"not a duration: {text!r}")
    return min(total, MAX_DURATION)


def _parse_seconds(text: str) -> float:
    """A reset header: a duration, or (as some servers send) a bare number of seconds."""
    try:
        return parse_duration(text)
    except ValueError:
        value = float(text)  # raises for junk
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"not a duration: {text!r}") from None
        return min(value, MAX_DURATION)


def _parse_count(text: str) -> int:
    s = text.strip()
    if not s.isdigit() or not s.isascii() or len(s) > 16:
        raise ValueError(f"not a count: {text[:32]!r}")
    value = int(s)
    if value > _MAX_COUNT:
        raise ValueError(f"not a count: {text[:32]!r}")
    return value


@dataclass(frozen=True)
class RateLimitHeaders:
    """The ``x-ratelimit-*`` headers of one response; a missing or malformed header is ``None``."""

    limit_requests: Optional[int] = None
    limit_tokens: Optional[int] = None
    remaining_requests: Optional[int] = None
    remaining_tokens: Optional[int] = None
    reset_requests: Optional[float] = None
    reset_tokens: Optional[float] = None

    @property
    def empty(self) -> bool:
        """True when the response carried no usable rate-limit header at all."""
        return all(getattr(self, name) is None for name in self.__dataclass_fields__)


def parse_rate_limit_headers(headers: Mapping[str, str]) -> RateLimitHeaders:
    """Read the six ``x-ratelimit-*`` headers, ignoring any that are missing or malformed."""

    def get(name: str, parse: Callable[[str], Any]) -> Any:
        raw = headers.get(name)
        if raw is None:
            return None
        try:
            return parse(raw)
        except (ValueError, TypeError, OverflowError):
            return None

    return RateLimitHeaders(
        limit_requests=get("x-ratelimit-limit-requests", _parse_count),
        limit_tokens=get("x-ratelimit-limit-tokens", _parse_count),
        remaining_requests=get("x-ratelimit-remaining-requests", _parse_count),
        remaining_tokens=get("x-ratelimit-remaining-tokens", _parse_count),
        reset_requests=get("x-ratelimit-reset-requests", _parse_seconds),
        reset_tokens=get("x-ratelimit-reset-tokens", _parse_seconds),
    )


def _retry_after(headers: Mapping[str, str]) -> Optional[float]:
    for name, scale in (("retry-after-ms", 1e-3), ("retry-after", 1.0)):
        raw = headers.get(name)
        if raw is None:
            continue
        try:
            value = float(raw) * scale
        except ValueError:
            continue
        if math.isfinite(value) and value >= 0:
            return min(value, MAX_DURATION)
    return None


class BudgetKey(NamedTuple):
    """Which budget a request draws on. ``key_id`` is a hash: the key itself is never kept."""

    base_url: str
    key_id: str
    model: Optional[str]


def budget_key(base_url: str, credential: str, model: Optional[str]) -> BudgetKey:
    """The budget of requests to ``base_url`` with ``credential`` for ``model``."""
    digest = hashlib.sha256(b"openai-rate-budget\x00" + credential.encode("utf-8", "surrogatepass")).hexdigest()
    return BudgetKey(base_url.rstrip("/"), digest[:16], model)


# A character of English is about a quarter of a token; counting up keeps the estimate on the safe side.
_CHARS_PER_TOKEN = 4
_PER_MESSAGE_TOKENS = 4
_TokenCounter = Callable[[str, Optional[str]], int]
_tiktoken_counter: Optional[_TokenCounter] = None
_tiktoken_loaded = False
_tiktoken_lock = threading.Lock()


def _load_tiktoken() -> Optional[_TokenCounter]:
    global _tiktoken_counter, _tiktoken_loaded
    with _tiktoken_lock:
        if _tiktoken_loaded:
            return _tiktoken_counter
        _tiktoken_loaded = True
        try:
            import tiktoken  # type: ignore[import-not-found,unused-ignore]

            encodings: Dict[Optional[str], Any] = {None: tiktoken.get_encoding("o200k_base")}
        except Exception:
            # Not installed, or its encoding files cannot be fetched: estimating from length still works.
            return None
        enc_lock = threading.Lock()

        def count(text: str, model: Optional[str]) -> int:
            with enc_lock:
                enc = encodings.get(model)
                if enc is None:
                    try:
                        enc = tiktoken.encoding_for_model(model)
                    except Exception:
                        enc = encodings[None]
                    if len(encodings) < 64:
                        encodings[model] = enc
            return len(enc.encode(text, disallowed_special=()))

        _tiktoken_counter = count
        return count


def _texts(value: Any, out: List[str], depth: int = 0) -> None:
    """Every string a prompt holds (message contents, text parts), bounded in depth."""
    if depth > 8:
        return
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _texts(item, out, depth + 1)
    elif isinstance(value, Mapping):
        for name in ("content", "text", "input_text", "arguments", "output"):
            if name in value:
                _texts(value[name], out, depth + 1)


def _int_option(body: Mapping[str, Any], *names: str) -> int:
    for name in names:
        value = body.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < _MAX_COUNT:
            return value
    return 0


def estimate_tokens(path: str, body: Optional[Mapping[str, Any]], *, exact: bool = True) -> int:
    """Tokens a request will count against the budget: its prompt plus the most it may generate.

    The prompt is counted with ``tiktoken`` when it is installed (and ``exact``), else from its
    length. The generation part is ``max_tokens`` / ``max_completion_tokens`` /
    ``max_output_tokens`` times ``n``, as the API reserves it when the request arrives.
    """
    if not body:
        return 1
    texts: List[str] = []
    messages = body.get("messages")
    if isinstance(messages, list):
        _texts(messages, texts)
        overhead = _PER_MESSAGE_TOKENS * len(messages)
    else:
        overhead = 0
        for name in ("prompt", "input", "instructions"):
            if name in body:
                value = body[name]
                if isinstance(value, list) and value and all(isinstance(v, int) for v in value):
                    overhead += len(value)  # already tokens
                elif isinstance(value, list) and value and all(isinstance(v, list) for v in value):
                    overhead += sum(len(v) for v in value if all(isinstance(t, int) for t in v))
                    _texts([v for v in value if not all(isinstance(t, int) for t in v)], texts)
                else:
                    _texts(value, texts)
    model = body.get("model")
    model = model if isinstance(model, str) else None
    counter = _load_tiktoken() if exact else None
    if counter is not None:
        prompt = sum(counter(t, model) for t in texts)
    else:
        prompt = sum(-(-len(t) // _CHARS_PER_TOKEN) for t in texts)
    completion = _int_option(body, "max_completion_tokens", "max_tokens", "max_output_tokens")
    trimmed = path.rstrip("/")
    if completion == 0 and trimmed.endswith("/completions") and not trimmed.endswith("/chat/completions"):
        completion = 16  # the legacy completions endpoint's default max_tokens
    choices = _int_option(body, "n") or 1
    return max(1, prompt + overhead + completion * min(choices, 128))


class _Bucket:
    """One dimension of a budget: a level that refills at ``rate`` per second up to ``capacity``."""

    __slots__ = ("capacity", "learnt", "level", "rate", "updated")

    def __init__(self) -> None:
        self.capacity: Optional[float] = None  # unknown until a response says
        # Whether the rate comes from a reset header, or is only the guess of a 60 s window.
        self.learnt = False
        self.rate = 0.0
        self.level = 0.0
        self.updated = 0.0

    def refill(self, now: float, factor: float) -> None:
        if self.capacity is None:
            return
        if now > self.updated:
            cap = self.capacity * factor
            if self.level < cap:
                self.level = min(cap, self.level + self.rate * factor * (now - self.updated))
        self.updated = max(self.updated, now)

    def delay(self, factor: float) -> float:
        """Seconds until the level is back to zero (the debt of reservations ahead is paid)."""
        if self.capacity is None or self.level >= 0:
            return 0.0
        rate = self.rate * factor
        return MAX_DURATION if rate <= 0 else min(-self.level / rate, MAX_DURATION)

    def learn(
        self,
        limit: Optional[int],
        remaining: Optional[int],
        reset: Optional[float],
        owed: float,
        now: float,
        fresh: bool = True,
    ) -> None:
        if limit is None or limit <= 0:
            return
        first = self.capacity is None
        self.capacity = float(limit)
        used = limit - min(remaining, limit) if remaining is not None else 0
        if reset is not None and reset > 0 and used >= max(1.0, 0.05 * limit):
            # The time to refill what is used says the rate, whatever window the server counts in;
            # a small use over a rounded reset would say little, so it is not taken.
            self.rate = used / reset
            self.learnt = True
        elif self.rate <= 0:
            self.rate = limit / 60.0
        if remaining is not None:
            # The server's count is the truth; what is reserved and not yet answered still has to come off it.
            # An answer overtaken by one to a later request tells an older count: it may only lower ours.
            counted = min(float(remaining), self.capacity) - owed
            self.level = counted if fresh or first else min(self.level, counted)
            self.updated = now
        elif first:
            self.level = self.capacity - owed
            self.updated = now


class _Budget:
    __slots__ = (
        "applied_seq",
        "blocked_until",
        "factor",
        "in_flight_requests",
        "in_flight_tokens",
        "issued",
        "probing",
        "rate_limited",
        "requests",
        "tokens",
        "unlimited",
    )

    def __init__(self) -> None:
        self.requests = _Bucket()
        self.tokens = _Bucket()
        self.factor = 1.0
        self.blocked_until = 0.0
        self.probing = False
        self.unlimited = False
        self.in_flight_requests = 0
        self.in_flight_tokens = 0
        self.rate_limited = 0
        # Claims are numbered in the order they are given, which is the order they are sent in;
        # the highest number whose answer was applied tells a fresh answer from an overtaken one.
        self.issued = 0
        self.applied_seq = 0

    @property
    def known(self) -> bool:
        return self.requests.capacity is not None or self.tokens.capacity is not None


class Reservation:
    """One attempt's claim on a budget.

    The caller waits ``delay`` seconds, then (while :meth:`RateLimiter.hold` says so) a little
    longer; if ``claimed`` it sends and settles the reservation once, otherwise nothing was
    claimed (the budget's limits are still being learnt) and it reserves again.
    """

    __slots__ = ("attempt", "claimed", "delay", "key", "probe", "seq", "settled", "tokens")

    def __init__(
        self, key: BudgetKey, tokens: int, delay: float, probe: bool, claimed: bool = True, seq: int = 0
    ) -> None:
        self.key = key
        self.seq = seq
        self.tokens = tokens
        self.delay = delay
        self.probe = probe
        self.claimed = claimed
        self.settled = not claimed
        # Sendings of the same request before this one that were answered 429.
        self.attempt = 0

    def __repr__(self) -> str:
        return f"<Reservation model={self.key.model!r} tokens={self.tokens} delay={self.delay:.3f}>"


class RateLimiter:
    """Admits requests within the budgets the API's rate-limit headers describe.

    Pass one to ``OpenAI(rate_limiter=...)`` or ``AsyncOpenAI(rate_limiter=...)``; share it
    between clients, tasks and threads to keep them all under one account's limits.

    ``shrink`` multiplies the assumed rates on each 429 and ``recovery`` is given back per
    success, up to the full rate; ``max_429_retries`` bounds how often one request is retried
    after a 429 (the client's own ``max_retries`` still counts other failures); ``headroom`` keeps
    that fraction of every limit unused.
    """

    def __init__(
        self,
        *,
        shrink: float = 0.8,
        recovery: float = 0.01,
        max_429_retries: int = 8,
        headroom: float = 0.0,
        token_counter: Optional[Callable[[str, Optional[Mapping[str, Any]]], int]] = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not 0 < shrink <= 1:
            raise ValueError(f"shrink must be in (0, 1], got {shrink!r}")
        if not 0 <= recovery <= 1:
            raise ValueError(f"recovery must be in [0, 1], got {recovery!r}")
        if not 0 <= headroom < 1:
            raise ValueError(f"headroom must be in [0, 1), got {headroom!r}")
        if isinstance(max_429_retries, bool) or not isinstance(max_429_retries, int) or max_429_retries < 0:
            raise ValueError(f"max_429_retries must be a non-negative int, got {max_429_retries!r}")
        self.shrink = shrink
        self.recovery = recovery
        self.max_429_retries = max_429_retries
        self.headroom = headroom
        self._count_tokens = token_counter or estimate_tokens
        self._clock = clock
        self._lock = threading.Lock()
        self._budgets: Dict[BudgetKey, _Budget] = {}
        self._probe_waiters = 0

    def __repr__(self) -> str:
        return f"<RateLimiter budgets={len(self._budgets)}>"

    def tokens_for(self, path: str, body: Optional[Mapping[str, Any]]) -> int:
        """The token estimate of one request (see :func:`estimate_tokens`)."""
        try:
            return max(1, int(self._count_tokens(path, body)))
        except Exception:
            return estimate_tokens(path, body, exact=False)

    def reserve(self, key: BudgetKey, tokens: int, *, now: Optional[float] = None, attempt: int = 0) -> Reservation:
        """Claim one request and ``tokens`` from the budget; ``.delay`` says how long to wait first.

        ``attempt`` is how many times the same request was already sent again after a 429: the
        count :meth:`settle` weighs against ``max_429_retries``, kept by the caller because each
        sending takes a reservation of its own.

        While the first request of a budget whose limits are unknown is out, later callers get
        a reservation that claims nothing (``claimed`` False) and a short delay, and ask again.
        """
        if isinstance(attempt, bool) or not isinstance(attempt, int) or attempt < 0:
            raise ValueError(f"attempt must be a non-negative int, got {attempt!r}")
        reservation = self._reserve(key, tokens, now)
        reservation.attempt = attempt
        return reservation

    def _reserve(self, key: BudgetKey, tokens: int, now: Optional[float]) -> Reservation:
        t = self._clock() if now is None else now
        with self._lock:
            budget = self._budgets.get(key)
            if budget is None:
                budget = self._budgets[key] = _Budget()
            wait = max(0.0, budget.blocked_until - t)
            if budget.unlimited:
                budget.issued += 1
                r = Reservation(key, tokens, wait, probe=False, seq=budget.issued)
                budget.in_flight_requests += 1
                budget.in_flight_tokens += tokens
                return r
            if not budget.known:
                if budget.probing:
                    # Nothing claimed: ask again shortly, when the probe has taught the limits.
                    return Reservation(key, tokens, max(wait, 0.02), probe=False, claimed=False)
                budget.probing = True
                budget.in_flight_requests += 1
                budget.in_flight_tokens += tokens
                budget.issued += 1
                return Reservation(key, tokens, wait, probe=True, seq=budget.issued)
            factor = budget.factor * (1.0 - self.headroom)
            budget.requests.refill(t, factor)
            budget.tokens.refill(t, factor)
            if budget.requests.capacity is not None:
                budget.requests.level -= 1
            if budget.tokens.capacity is not None:
                budget.tokens.level -= min(tokens, budget.tokens.capacity * factor)
            request_wait, token_wait = budget.requests.delay(factor), budget.tokens.delay(factor)
            if (request_wait > 0 and not budget.requests.learnt) or (token_wait > 0 and not budget.tokens.learnt):
                # A slot computed from a guessed rate could be far off; give the claim back and
                # look again shortly, by when responses will have told the real rate.
                if budget.requests.capacity is not None:
                    budget.requests.level += 1
                if budget.tokens.capacity is not None:
                    budget.tokens.level += min(tokens, budget.tokens.capacity * factor)
                return Reservation(
                    key, tokens, max(wait, min(request_wait, token_wait, 0.05) or 0.05), probe=False, claimed=False
                )
            wait = max(wait, request_wait, token_wait)
            budget.in_flight_requests += 1
            budget.in_flight_tokens += tokens
            budget.issued += 1
            return Reservation(key, tokens, wait, probe=False, seq=budget.issued)

    def hold(self, reservation: Reservation, *, now: Optional[float] = None) -> float:
        """Seconds a caller who waited its delay must still wait: a 429 since then holds the budget."""
        t = self._clock() if now is None else now
        with self._lock:
            budget = self._budgets.get(reservation.key)
            return 0.0 if budget is None else max(0.0, budget.blocked_until - t)

    def release(self, reservation: Reservation) -> None:
        """Give back a reservation whose request was never sent (the caller was cancelled)."""
        with self._lock:
            if reservation.settled:
                return
            reservation.settled = True
            budget = self._budgets.get(reservation.key)
            if budget is None:
                return
            self._done(budget, reservation)
            if budget.known and not budget.unlimited:
                budget.requests.level = min(budget.requests.level + 1, budget.requests.capacity or 0.0)
                if budget.tokens.capacity is not None:
                    budget.tokens.level = min(budget.tokens.level + reservation.tokens, budget.tokens.capacity)

    def settle(
        self,
        reservation: Reservation,
        status_code: Optional[int],
        headers: Mapping[str, str],
        *,
        now: Optional[float] = None,
    ) -> bool:
        """Learn from the response to a reserved attempt; True when it was a 429 worth retrying.

        ``status_code`` is ``None`` when no response arrived (the claim stays spent: the
        server may have counted the request).
        """
        t = self._clock() if now is None else now
        with self._lock:
            if reservation.settled:
                return False
            reservation.settled = True
            budget = self._budgets.get(reservation.key)
            if budget is None:
                return False
            self._done(budget, reservation)
            if status_code is None:
                return False
            info = parse_rate_limit_headers(headers)
            if info.empty:
                if not budget.known and status_code != 429:
                    budget.unlimited = True
            else:
                budget.unlimited = False
                fresh = reservation.seq > budget.applied_seq
                budget.applied_seq = max(budget.applied_seq, reservation.seq)
                factor = budget.factor * (1.0 - self.headroom)
                budget.requests.refill(t, factor)
                budget.tokens.refill(t, factor)
                budget.requests.learn(
                    info.limit_requests,
                    info.remaining_requests,
                    info.reset_requests,
                    budget.in_flight_requests,
                    t,
                    fresh,
                )
                budget.tokens.learn(
                    info.limit_tokens, info.remaining_tokens, info.reset_tokens, budget.in_flight_tokens, t, fresh
                )
            if status_code != 429:
                if status_code < 400 and budget.factor < 1.0:
                    budget.factor = min(1.0, budget.factor + self.recovery)
                return False
            budget.rate_limited += 1
            wait = _retry_after(headers)
            if wait is None:
                resets = [r for r in (info.reset_requests, info.reset_tokens) if r is not None]
                wait = min(resets) if resets else 1.0
            budget.blocked_until = max(budget.blocked_until, t + wait)
            budget.factor = max(0.05, budget.factor * self.shrink)
            # The server said no: whatever this budget thought was left, nothing is.
            budget.requests.level = min(budget.requests.level, 0.0)
            budget.tokens.level = min(budget.tokens.level, 0.0)
            budget.unlimited = False
            if not budget.known:
                # A 429 without limits: pace by the server's wait alone, one request at a time.
                budget.requests.capacity = 1.0
                budget.requests.rate = 1.0 / max(wait, 0.05)
                # A rate the server's own wait says; taken as guessed, the shrunk bucket (below one
                # request) would never admit anyone again.
                budget.requests.learnt = True
                budget.requests.level = 0.0
                budget.requests.updated = t
            reservation.attempt += 1
            return reservation.attempt <= self.max_429_retries and (headers.get("x-should-retry") != "false")

    def _done(self, budget: _Budget, reservation: Reservation) -> None:
        budget.in_flight_requests = max(0, budget.in_flight_requests - 1)
        budget.in_flight_tokens = max(0, budget.in_flight_tokens - reservation.tokens)
        if reservation.probe:
            budget.probing = False

    def rate_limited(self, key: Optional[BudgetKey] = None) -> int:
        """How many 429s the budget of ``key`` (or all budgets) has seen."""
        with self._lock:
            if key is not None:
                budget = self._budgets.get(key)
                return budget.rate_limited if budget else 0
            return sum(b.rate_limited for b in self._budgets.values())

    def limits(self, key: BudgetKey) -> Tuple[Optional[float], Optional[float]]:
        """The request and token rates per second the budget of ``key`` currently assumes."""
        with self._lock:
            budget = self._budgets.get(key)
            if budget is None or not budget.known:
                return (None, None)
            return (
                budget.requests.rate * budget.factor if budget.requests.capacity is not None else None,
                budget.tokens.rate * budget.factor if budget.tokens.capacity is not None else None,
            )


_shared: Optional[RateLimiter] = None
_shared_lock = threading.Lock()


def shared_rate_limiter() -> RateLimiter:
    """The process-wide limiter the bulk runner uses when a client has none of its own."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = RateLimiter()
        return _shared

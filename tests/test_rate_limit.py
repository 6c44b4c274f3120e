"""The sans-IO rate limiter: header parsing, budgets, admission, 429s, on a clock the test drives."""

from __future__ import annotations

import threading
from typing import Dict, List

import pytest

from openai.bulk import (
    RateLimiter,
    Reservation,
    budget_key,
    estimate_tokens,
    parse_duration,
    parse_rate_limit_headers,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("6m0s", 360.0),
        ("1s", 1.0),
        ("20ms", 0.02),
        ("0", 0.0),
        ("0s", 0.0),
        ("1h2m3.5s", 3723.5),
        ("1.5s", 1.5),
        ("250us", 0.00025),
        ("7ns", 7e-9),
        (" 2m ", 120.0),
        ("59m59.999s", 3599.999),
        ("100000h", 86400.0),  # capped: no window is longer than a day
    ],
)
def test_parse_duration_reads_the_apis_forms(text: str, seconds: float) -> None:
    assert parse_duration(text) == pytest.approx(seconds)


@pytest.mark.parametrize(
    "text",
    ["", " ", "s", "1", "-1s", "+1s", "1e3s", "1x", "1s2", "ms", "1.s", "NaNs", "infs", "1 s", "1s" * 40, "\u0661s"],
)
def test_parse_duration_refuses_anything_else(text: str) -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_duration(text)


def test_rate_limit_headers_ignore_hostile_values() -> None:
    info = parse_rate_limit_headers(
        {
            "x-ratelimit-limit-requests": "5000",
            "x-ratelimit-limit-tokens": "-3",
            "x-ratelimit-remaining-requests": "99999999999999999999",
            "x-ratelimit-remaining-tokens": "1e6",
            "x-ratelimit-reset-requests": "12ms",
            "x-ratelimit-reset-tokens": "nan",
        }
    )
    assert info.limit_requests == 5000
    assert info.reset_requests == pytest.approx(0.012)
    assert info.limit_tokens is None
    assert info.remaining_requests is None
    assert info.remaining_tokens is None
    assert info.reset_tokens is None
    assert not info.empty
    assert parse_rate_limit_headers({"content-type": "application/json"}).empty


def test_reset_header_may_be_bare_seconds() -> None:
    assert parse_rate_limit_headers({"x-ratelimit-reset-tokens": "2.5"}).reset_tokens == 2.5
    assert parse_rate_limit_headers({"x-ratelimit-reset-tokens": "-2.5"}).reset_tokens is None


def test_budget_key_never_holds_the_key() -> None:
    secret = "sk-proj-very-secret-key"
    key = budget_key("https://api.openai.com/v1/", secret, "gpt-4o")
    assert secret not in repr(key)
    assert secret not in "".join(key[:2])
    assert key.base_url == "https://api.openai.com/v1"
    assert key == budget_key("https://api.openai.com/v1", secret, "gpt-4o")
    assert key != budget_key("https://api.openai.com/v1", secret + "x", "gpt-4o")
    assert key != budget_key("https://api.openai.com/v1", secret, "gpt-4o-mini")
    limiter = RateLimiter()
    limiter.reserve(key, 1)
    assert secret not in repr(limiter)


def test_estimate_counts_prompt_and_the_most_it_may_generate() -> None:
    chat = {"model": "m", "messages": [{"role": "user", "content": "x" * 400}], "max_tokens": 50}
    assert estimate_tokens("/chat/completions", chat, exact=False) == 100 + 4 + 50
    newer = {
        "messages": [{"role": "user", "content": [{"type": "text", "text": "y" * 40}]}],
        "max_completion_tokens": 7,
    }
    assert estimate_tokens("/chat/completions", newer, exact=False) == 10 + 4 + 7
    assert estimate_tokens("/chat/completions", {**chat, "n": 3}, exact=False) == 100 + 4 + 150
    assert estimate_tokens("/embeddings", {"input": ["abcd", "efgh"]}, exact=False) == 2
    assert estimate_tokens("/embeddings", {"input": [1, 2, 3]}, exact=False) == 3
    # The legacy endpoint generates 16 tokens when max_tokens is not given.
    assert estimate_tokens("/completions", {"prompt": "abcd"}, exact=False) == 1 + 16
    assert estimate_tokens("/responses", {"input": "a" * 8, "max_output_tokens": 2}, exact=False) == 4
    # Hostile bodies give an estimate, not an exception.
    assert estimate_tokens("/chat/completions", {"messages": "not a list", "max_tokens": -5}, exact=False) >= 1
    assert estimate_tokens("/chat/completions", {"max_tokens": True}, exact=False) == 1
    assert estimate_tokens("/x", None) == 1


KEY = budget_key("http://127.0.0.1/v1", "Bearer k", "m")


def limits(
    remaining_requests: int, remaining_tokens: int, *, limit_requests: int = 100, limit_tokens: int = 10_000
) -> Dict[str, str]:
    # A 60 s window: the reset is the time to refill what is used.
    return {
        "x-ratelimit-limit-requests": str(limit_requests),
        "x-ratelimit-limit-tokens": str(limit_tokens),
        "x-ratelimit-remaining-requests": str(remaining_requests),
        "x-ratelimit-remaining-tokens": str(remaining_tokens),
        "x-ratelimit-reset-requests": f"{(limit_requests - remaining_requests) * 60 / limit_requests}s",
        "x-ratelimit-reset-tokens": f"{(limit_tokens - remaining_tokens) * 60 / limit_tokens}s",
    }


def learnt_limiter(clock: Clock, **kwargs: object) -> RateLimiter:
    """A limiter that has seen one response: 10 of 100 requests used, rate 100/min."""
    limiter = RateLimiter(clock=clock, **kwargs)  # type: ignore[arg-type]
    probe = limiter.reserve(KEY, 10)
    assert probe.claimed and probe.delay == 0
    assert limiter.settle(probe, 200, limits(90, 9_000)) is False
    return limiter


def test_first_request_probes_alone() -> None:
    clock = Clock()
    limiter = RateLimiter(clock=clock)
    probe = limiter.reserve(KEY, 10)
    assert probe.claimed and probe.delay == 0
    waiting = limiter.reserve(KEY, 10)
    assert not waiting.claimed and waiting.delay > 0
    limiter.settle(probe, 200, limits(99, 9_990))
    after = limiter.reserve(KEY, 10)
    assert after.claimed and after.delay == 0


def test_a_server_without_headers_is_not_limited() -> None:
    limiter = RateLimiter(clock=Clock())
    probe = limiter.reserve(KEY, 10)
    limiter.settle(probe, 200, {})
    reservations = [limiter.reserve(KEY, 10**9) for _ in range(1000)]
    assert all(r.claimed and r.delay == 0 for r in reservations)


def test_admission_spaces_requests_at_the_learnt_rate() -> None:
    clock = Clock()
    limiter = learnt_limiter(clock)
    admitted: List[Reservation] = [limiter.reserve(KEY, 1) for _ in range(90)]
    assert all(r.claimed and r.delay == 0 for r in admitted)
    # The budget is spent: each further request waits one refill interval more than the one before.
    later = [limiter.reserve(KEY, 1) for _ in range(5)]
    assert [r.delay for r in later] == pytest.approx([0.6, 1.2, 1.8, 2.4, 3.0])
    assert limiter.limits(KEY) == pytest.approx((100 / 60, 10_000 / 60))


def test_tokens_bind_as_well_as_requests() -> None:
    clock = Clock()
    limiter = learnt_limiter(clock)
    big = limiter.reserve(KEY, 9_000)
    assert big.delay == 0
    nxt = limiter.reserve(KEY, 1_000)
    # 1000 tokens at 10000/60 per second.
    assert nxt.delay == pytest.approx(6.0)


def test_time_refills_the_budget() -> None:
    clock = Clock()
    limiter = learnt_limiter(clock)
    for _ in range(90):
        limiter.reserve(KEY, 1)
    clock.now += 6.0  # ten requests' worth
    assert [limiter.reserve(KEY, 1).delay for _ in range(11)][-2:] == pytest.approx([0.0, 0.6])


def test_headers_correct_the_local_count() -> None:
    clock = Clock()
    limiter = learnt_limiter(clock)
    first = limiter.reserve(KEY, 1)
    # Another process used the budget: the server says only 2 requests are left.
    limiter.settle(first, 200, limits(2, 9_000))
    assert [limiter.reserve(KEY, 1).delay for _ in range(3)] == pytest.approx([0.0, 0.0, 0.6])


def test_429_holds_the_budget_for_retry_after_and_shrinks() -> None:
    clock = Clock()
    limiter = learnt_limiter(clock, shrink=0.5, recovery=0.25)
    r = limiter.reserve(KEY, 1)
    waiting = limiter.reserve(KEY, 1)
    assert limiter.settle(r, 429, {**limits(50, 9_000), "retry-after": "7"}) is True
    assert limiter.rate_limited(KEY) == 1
    # A caller already sleeping is held until the retry-after has passed.
    assert limiter.hold(waiting) == pytest.approx(7.0)
    assert limiter.reserve(KEY, 1).delay >= 7.0
    assert limiter.limits(KEY)[0] == pytest.approx(0.5 * 100 / 60)
    clock.now += 100
    for _ in range(3):
        ok = limiter.reserve(KEY, 1)
        limiter.settle(ok, 200, limits(90, 9_000))
    assert limiter.limits(KEY)[0] == pytest.approx(100 / 60)


def test_429_retries_are_bounded() -> None:
    clock = Clock()
    limiter = learnt_limiter(clock, max_429_retries=2)
    answers = []
    for attempt in range(3):
        # Each sending of the one request takes a reservation of its own; the count goes with it.
        clock.now += 100
        r = limiter.reserve(KEY, 1, attempt=attempt)
        assert r.claimed
        answers.append(limiter.settle(r, 429, {"retry-after-ms": "10"}))
    assert answers == [True, True, False]
    assert limiter.rate_limited(KEY) == 3


def test_429_retry_count_starts_afresh_for_each_request() -> None:
    limiter = learnt_limiter(Clock(), max_429_retries=1)
    assert limiter.settle(limiter.reserve(KEY, 1), 429, {"retry-after-ms": "10"})
    assert limiter.settle(limiter.reserve(KEY, 1), 429, {"retry-after-ms": "10"})
    assert not limiter.settle(limiter.reserve(KEY, 1, attempt=1), 429, {"retry-after-ms": "10"})


@pytest.mark.parametrize("attempt", [-1, True, 1.5, "2"])
def test_reserve_refuses_a_bad_attempt_count(attempt: object) -> None:
    with pytest.raises(ValueError, match="attempt must be a non-negative int"):
        RateLimiter().reserve(KEY, 1, attempt=attempt)  # type: ignore[arg-type]


def test_429_that_says_do_not_retry_is_not_retried() -> None:
    limiter = learnt_limiter(Clock())
    r = limiter.reserve(KEY, 1)
    assert not limiter.settle(r, 429, {"x-should-retry": "false", "retry-after": "1"})


def test_release_gives_back_an_unsent_claim() -> None:
    clock = Clock()
    limiter = learnt_limiter(clock)
    held = [limiter.reserve(KEY, 1) for _ in range(90)]
    cancelled = limiter.reserve(KEY, 1)
    assert cancelled.delay == pytest.approx(0.6)
    limiter.release(cancelled)
    limiter.release(cancelled)  # twice is harmless
    assert limiter.reserve(KEY, 1).delay == pytest.approx(0.6)
    assert len(held) == 90


def test_budgets_are_separate_per_model_and_key() -> None:
    clock = Clock()
    limiter = learnt_limiter(clock)
    for _ in range(95):
        limiter.reserve(KEY, 1)
    other = budget_key("http://127.0.0.1/v1", "Bearer k", "other-model")
    probe = limiter.reserve(other, 1)
    assert probe.claimed and probe.probe and probe.delay == 0


def test_one_budget_for_every_thread() -> None:
    clock = Clock()
    limiter = learnt_limiter(clock)
    delays: List[float] = []
    lock = threading.Lock()
    start = threading.Barrier(8)

    def take() -> None:
        start.wait(timeout=10)
        mine = [limiter.reserve(KEY, 1).delay for _ in range(50)]
        with lock:
            delays.extend(mine)

    threads = [threading.Thread(target=take) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    # 90 free slots, then one every 0.6 s: every caller has a distinct slot.
    assert sorted(delays) == pytest.approx([0.0] * 90 + [0.6 * i for i in range(1, 311)])


def test_options_are_checked() -> None:
    with pytest.raises(ValueError, match="shrink"):
        RateLimiter(shrink=0)
    with pytest.raises(ValueError, match="headroom"):
        RateLimiter(headroom=1)
    with pytest.raises(ValueError, match="max_429_retries"):
        RateLimiter(max_429_retries=-1)


def test_an_overtaken_answer_cannot_raise_the_count() -> None:
    clock = Clock()
    limiter = learnt_limiter(clock)
    older, newer = limiter.reserve(KEY, 1), limiter.reserve(KEY, 1)
    limiter.settle(newer, 200, limits(5, 9_000))  # 5 left, and `older` still unanswered: 4
    # The answer to the earlier request arrives last, with the server's count from before.
    limiter.settle(older, 200, limits(60, 9_000))
    assert [limiter.reserve(KEY, 1).delay for _ in range(5)] == pytest.approx([0.0] * 4 + [0.6])

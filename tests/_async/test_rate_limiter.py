"""A client given a RateLimiter paces its requests by the server's rate-limit headers."""

from __future__ import annotations

from typing import Optional

import pytest

import openai
from openai import AsyncOpenAI
from openai.bulk import RateLimiter
from openai.testing import LoopbackServer, RateLimits
from tests._transports import make_async_client

MESSAGES = [{"role": "user", "content": "hi"}]


async def test_a_limited_client_stays_within_the_budget(transport: str) -> None:
    # 10 requests per quarter second: sent back to back, 40 calls would be refused after the 10th.
    limits = RateLimits(requests_per_minute=10, tokens_per_minute=10_000, minute=0.25)
    limiter = RateLimiter()
    with LoopbackServer(rate_limits=limits) as server:
        async with make_async_client(transport, server.base_url, rate_limiter=limiter, max_retries=0) as client:
            for _ in range(40):
                await client.chat.completions.create(model="m", messages=MESSAGES, max_tokens=5)
    assert (limits.admitted, limits.refused) == (40, 0)
    assert limiter.rate_limited() == 0


async def test_without_a_limiter_the_same_calls_are_refused(transport: str) -> None:
    limits = RateLimits(requests_per_minute=10, minute=60.0)
    with LoopbackServer(rate_limits=limits) as server:
        async with make_async_client(transport, server.base_url, max_retries=0) as client:
            assert client._rate_limiter is None
            for _ in range(10):
                await client.chat.completions.create(model="m", messages=MESSAGES)
            with pytest.raises(openai.RateLimitError):
                await client.chat.completions.create(model="m", messages=MESSAGES)
    assert limits.refused == 1


async def test_a_429_is_waited_out_by_the_limiter(transport: str) -> None:
    # Another client spends the budget; the limited one gets a 429 and waits for its retry-after,
    # although its own retry policy allows no retry at all.
    limits: Optional[RateLimits] = None

    def clock() -> float:
        # Frozen until the first 429, so the spent budget stays spent; then a minute later.
        return 100.0 if limits is None or limits.refused == 0 else 160.0

    limits = RateLimits(requests_per_minute=3, minute=0.6, clock=clock)
    limiter = RateLimiter()
    with LoopbackServer(rate_limits=limits) as server:
        async with make_async_client(transport, server.base_url, max_retries=0) as greedy:
            for _ in range(3):
                await greedy.chat.completions.create(model="m", messages=MESSAGES)
        async with make_async_client(transport, server.base_url, rate_limiter=limiter, max_retries=0) as client:
            completion = await client.chat.completions.create(model="m", messages=MESSAGES)
    assert completion.choices[0].message.content
    assert limiter.rate_limited() == 1
    assert limits.refused == 1
    # The resend is a retry to the server, although the client's own retries (none) are untouched.
    assert [request.headers["x-stainless-retry-count"] for request in server.requests][-2:] == ["0", "1"]


async def test_a_request_refused_again_and_again_gives_up_after_max_429_retries(transport: str) -> None:
    # The server would refuse it 20 times; the limiter sends it 1 + 3 times, then the call fails,
    # and the client's own retries do not send it again.
    refuse = {"x-loopback-scenario": "status=429;retry-after-ms=1;times=20", "x-loopback-scenario-key": "again"}
    limiter = RateLimiter(max_429_retries=3)
    with LoopbackServer() as server:
        async with make_async_client(transport, server.base_url, rate_limiter=limiter, max_retries=2) as client:
            with pytest.raises(openai.RateLimitError):
                await client.chat.completions.create(model="m", messages=MESSAGES, extra_headers=refuse)
            sent = [request.headers["x-stainless-retry-count"] for request in server.requests]
            # The next call starts its own count.
            with pytest.raises(openai.RateLimitError):
                await client.chat.completions.create(model="m", messages=MESSAGES, extra_headers=refuse)
    assert sent == ["0", "1", "2", "3"]
    assert limiter.rate_limited() == 8
    assert len(server.requests) == 8


async def test_a_429_for_want_of_quota_is_not_sent_again(transport: str) -> None:
    no_quota = {"x-loopback-scenario": "status=429;code=insufficient_quota;retry-after-ms=1;times=5"}
    limiter = RateLimiter()
    with LoopbackServer() as server:
        async with make_async_client(transport, server.base_url, rate_limiter=limiter, max_retries=2) as client:
            with pytest.raises(openai.RateLimitError) as caught:
                await client.chat.completions.create(model="m", messages=MESSAGES, extra_headers=no_quota)
    assert caught.value.code == "insufficient_quota"
    assert len(server.requests) == 1


async def test_limiter_is_kept_by_copies_and_can_be_dropped(server: LoopbackServer) -> None:
    limiter = RateLimiter()
    async with AsyncOpenAI(base_url=server.base_url, api_key="sk-test", rate_limiter=limiter) as client:
        assert client.with_options(timeout=5)._rate_limiter is limiter
        assert client.with_options(rate_limiter=None)._rate_limiter is None
        other = RateLimiter()
        assert client.copy(rate_limiter=other)._rate_limiter is other


async def test_rate_limiter_must_be_a_rate_limiter(server: LoopbackServer) -> None:
    with pytest.raises(TypeError, match=r"rate_limiter must be an openai\.bulk\.RateLimiter"):
        AsyncOpenAI(base_url=server.base_url, api_key="sk-test", rate_limiter=object())  # type: ignore[arg-type]

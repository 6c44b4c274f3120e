"""The loopback server's rate limits: the API's headers on every answer, 429s when a budget is spent."""

from __future__ import annotations

from typing import List

import httpx
import pytest

from openai.bulk import parse_duration, parse_rate_limit_headers
from openai.testing import LoopbackServer, RateLimits
from openai.testing._rate_limits import format_duration, request_tokens


class Clock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


def chat(client: httpx.Client, *, model: str = "m", key: str = "k", max_tokens: int = 10) -> httpx.Response:
    body = {"model": model, "messages": [{"role": "user", "content": "abcdefgh"}], "max_tokens": max_tokens}
    return client.post("chat/completions", json=body, headers={"Authorization": f"Bearer {key}"})


def test_headers_count_down_and_429_says_when_to_retry() -> None:
    clock = Clock()
    limits = RateLimits(requests_per_minute=3, tokens_per_minute=1000, clock=clock)
    with LoopbackServer(rate_limits=limits) as server, httpx.Client(base_url=server.base_url + "/") as client:
        seen: List[httpx.Response] = [chat(client) for _ in range(3)]
        assert [r.status_code for r in seen] == [200, 200, 200]
        assert [r.headers["x-ratelimit-remaining-requests"] for r in seen] == ["2", "1", "0"]
        # 8 characters of prompt (2 tokens) and 10 to generate, per request.
        assert [r.headers["x-ratelimit-remaining-tokens"] for r in seen] == ["988", "976", "964"]
        assert seen[0].headers["x-ratelimit-limit-requests"] == "3"
        assert seen[0].headers["x-ratelimit-limit-tokens"] == "1000"
        assert parse_duration(seen[2].headers["x-ratelimit-reset-requests"]) == pytest.approx(60.0)
        refused = chat(client)
        assert refused.status_code == 429
        assert refused.json()["error"]["code"] == "rate_limit_exceeded"
        assert refused.json()["error"]["type"] == "requests"
        assert refused.headers["retry-after"] == "20"
        assert refused.headers["retry-after-ms"] == "20000"
        # Another key and another model have budgets of their own.
        assert chat(client, key="other").status_code == 200
        assert chat(client, model="other").status_code == 200
        clock.now += 20
        assert chat(client).status_code == 200
        assert (limits.admitted, limits.refused) == (6, 1)
        assert [e.admitted for e in limits.events] == [True, True, True, False, True, True, True]


def test_tokens_run_out_before_requests() -> None:
    clock = Clock()
    limits = RateLimits(tokens_per_minute=100, minute=1.0, clock=clock)
    with LoopbackServer(rate_limits=limits) as server, httpx.Client(base_url=server.base_url + "/") as client:
        assert chat(client, max_tokens=88).status_code == 200
        refused = chat(client, max_tokens=10)
        assert refused.status_code == 429 and refused.json()["error"]["type"] == "tokens"
        assert "x-ratelimit-limit-requests" not in refused.headers
        assert int(refused.headers["retry-after-ms"]) == 20  # 2 tokens short, at 100 per second
        too_big = chat(client, max_tokens=500)
        assert too_big.status_code == 429 and "Request too large" in too_big.json()["error"]["message"]


def test_headers_parse_with_the_clients_parser() -> None:
    limits = RateLimits(requests_per_minute=500, tokens_per_minute=90_000, minute=60.0)
    with LoopbackServer(rate_limits=limits) as server, httpx.Client(base_url=server.base_url + "/") as client:
        info = parse_rate_limit_headers(chat(client).headers)
    assert (info.limit_requests, info.remaining_requests) == (500, 499)
    assert (info.limit_tokens, info.remaining_tokens) == (90_000, 89_988)
    assert info.reset_requests == pytest.approx(0.12)
    assert info.reset_tokens == pytest.approx(0.008)


def test_unlimited_server_sends_no_rate_limit_headers(server: LoopbackServer) -> None:
    with httpx.Client(base_url=server.base_url + "/") as client:
        response = chat(client)
    assert not [name for name in response.headers if name.startswith("x-ratelimit")]


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0s"), (0.0001, "1ms"), (0.02, "20ms"), (1, "1s"), (1.5, "1.5s"), (360, "6m0s"), (3725.25, "1h2m5.25s")],
)
def test_durations_are_written_as_the_api_does(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text
    assert parse_duration(text) == pytest.approx(max(seconds, 0.001) if seconds else 0)


def test_token_count_of_hostile_bodies() -> None:
    assert request_tokens(None) == 1
    assert request_tokens([1, 2]) == 1
    assert request_tokens({"messages": [{"content": "x" * 40}], "max_tokens": True}) == 10
    deep: object = "x" * 400
    for _ in range(50):
        deep = [deep]
    assert request_tokens({"input": deep}) == 1


def test_limits_are_checked() -> None:
    with pytest.raises(ValueError, match="requests_per_minute"):
        RateLimits(requests_per_minute=0)
    with pytest.raises(ValueError, match="minute"):
        RateLimits(minute=float("nan"))

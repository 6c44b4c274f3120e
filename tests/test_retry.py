"""The sans-IO retry policy: which statuses retry and how long each wait is."""

from __future__ import annotations

import email.utils

import pytest

from openai._retry import retry_delay, should_retry_status


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (400, False),
        (401, False),
        (404, False),
        (408, True),
        (409, True),
        (422, False),
        (429, True),
        (500, True),
        (502, True),
        (503, True),
        (504, True),
        (599, True),
    ],
)
def test_retried_statuses(status: int, expected: bool) -> None:
    assert should_retry_status(status, {}) is expected


def test_x_should_retry_overrides_status() -> None:
    assert should_retry_status(400, {"x-should-retry": "true"}) is True
    assert should_retry_status(503, {"x-should-retry": "false"}) is False


def test_insufficient_quota_is_not_retried() -> None:
    assert should_retry_status(429, {}, "insufficient_quota") is False
    assert should_retry_status(429, {}, "rate_limit_exceeded") is True


@pytest.mark.parametrize(("retries_taken", "base"), [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (9, 8.0)])
def test_exponential_backoff_with_downward_jitter(retries_taken: int, base: float) -> None:
    assert retry_delay(retries_taken, rand=lambda: 0.0) == base
    assert retry_delay(retries_taken, rand=lambda: 1.0) == pytest.approx(base * 0.75)


def test_retry_after_ms_wins_over_retry_after() -> None:
    assert retry_delay(0, {"retry-after-ms": "1500", "retry-after": "9"}) == 1.5


def test_retry_after_seconds() -> None:
    assert retry_delay(0, {"retry-after": "3"}) == 3.0


def test_retry_after_http_date() -> None:
    now = 1_700_000_000.0
    header = email.utils.formatdate(now + 7, usegmt=True)
    assert retry_delay(0, {"retry-after": header}, now=lambda: now) == pytest.approx(7.0)


def test_retry_after_over_120_seconds_means_no_retry() -> None:
    assert retry_delay(0, {"retry-after": "121"}) is None
    assert retry_delay(0, {"retry-after-ms": "120001"}) is None
    assert retry_delay(0, {"retry-after": "120"}) == 120.0


@pytest.mark.parametrize("value", ["0", "-5", "soon", ""])
def test_unusable_retry_after_falls_back_to_backoff(value: str) -> None:
    assert retry_delay(1, {"retry-after": value}, rand=lambda: 0.0) == 1.0

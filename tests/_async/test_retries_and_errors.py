"""Retries, their waits, and the error raised for each status, over real HTTP."""

from __future__ import annotations

import itertools

import pytest

import openai
from openai import AsyncOpenAI
from openai.testing import LoopbackServer

MESSAGES = [{"role": "user", "content": "hi"}]
_keys = itertools.count()


def scenario(spec: str) -> dict[str, str]:
    """Headers asking the loopback server for a fault; the key keeps `times=` counts per test."""
    return {"x-loopback-scenario": spec, "x-loopback-scenario-key": f"k{next(_keys)}"}


def retry_counts(server: LoopbackServer) -> list[str]:
    return [request.headers["x-stainless-retry-count"] for request in server.requests]


async def test_retries_5xx_then_succeeds(client: AsyncOpenAI, server: LoopbackServer, sleeps: list[float]) -> None:
    completion = await client.chat.completions.create(
        model="m", messages=MESSAGES, extra_headers=scenario("status=500;times=2")
    )
    assert completion.choices[0].message.content
    assert retry_counts(server) == ["0", "1", "2"]
    assert len(sleeps) == 2
    assert 0.375 <= sleeps[0] <= 0.5
    assert 0.75 <= sleeps[1] <= 1.0


async def test_gives_up_after_max_retries(client: AsyncOpenAI, server: LoopbackServer, sleeps: list[float]) -> None:
    with pytest.raises(openai.InternalServerError) as caught:
        await client.chat.completions.create(model="m", messages=MESSAGES, extra_headers=scenario("status=503"))
    assert caught.value.status_code == 503
    assert len(server.requests) == 3
    assert len(sleeps) == 2


async def test_max_retries_zero_and_with_options(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: list[float]
) -> None:
    with pytest.raises(openai.InternalServerError):
        await client.with_options(max_retries=0).chat.completions.create(
            model="m", messages=MESSAGES, extra_headers=scenario("status=500")
        )
    assert len(server.requests) == 1
    assert sleeps == []


@pytest.mark.parametrize(
    ("spec", "expected_wait"),
    [("status=429;retry-after=2;times=1", 2.0), ("status=429;retry-after-ms=1500;retry-after=9;times=1", 1.5)],
)
async def test_retry_after_headers_are_honoured(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: list[float], spec: str, expected_wait: float
) -> None:
    await client.chat.completions.create(model="m", messages=MESSAGES, extra_headers=scenario(spec))
    assert sleeps == [expected_wait]
    assert len(server.requests) == 2


async def test_retry_after_http_date_is_honoured(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: list[float]
) -> None:
    await client.chat.completions.create(
        model="m", messages=MESSAGES, extra_headers=scenario("status=503;retry-after-date=4;times=1")
    )
    # An HTTP date has whole-second precision, so the wait is within a second of what was asked.
    assert len(sleeps) == 1 and 2.5 <= sleeps[0] <= 4.5
    assert len(server.requests) == 2


async def test_retry_after_over_120s_is_not_retried(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: list[float]
) -> None:
    with pytest.raises(openai.RateLimitError):
        await client.chat.completions.create(
            model="m", messages=MESSAGES, extra_headers=scenario("status=429;retry-after=300")
        )
    assert len(server.requests) == 1
    assert sleeps == []


async def test_x_should_retry_overrides(client: AsyncOpenAI, server: LoopbackServer, sleeps: list[float]) -> None:
    with pytest.raises(openai.InternalServerError):
        await client.chat.completions.create(
            model="m", messages=MESSAGES, extra_headers=scenario("status=500;should-retry=false")
        )
    assert len(server.requests) == 1
    server.clear()
    await client.chat.completions.create(
        model="m", messages=MESSAGES, extra_headers=scenario("status=400;should-retry=true;times=1")
    )
    assert len(server.requests) == 2


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, openai.BadRequestError),
        (401, openai.AuthenticationError),
        (403, openai.PermissionDeniedError),
        (404, openai.NotFoundError),
        (409, openai.ConflictError),
        (422, openai.UnprocessableEntityError),
        (429, openai.RateLimitError),
        (500, openai.InternalServerError),
        (502, openai.InternalServerError),
        (418, openai.APIStatusError),
    ],
)
async def test_error_class_per_status(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: list[float], status: int, error_class: type[Exception]
) -> None:
    with pytest.raises(error_class) as caught:
        await client.with_options(max_retries=0).chat.completions.create(
            model="m", messages=MESSAGES, extra_headers=scenario(f"status={status}")
        )
    error = caught.value
    assert isinstance(error, openai.APIStatusError)
    assert type(error) is error_class
    assert error.status_code == status
    assert error.request_id and error.request_id.startswith("req_")
    assert isinstance(error.body, dict) and error.body.get("message")
    assert error.message.startswith(f"Error code: {status}")
    assert error.type is not None


async def test_not_found_is_raised_with_details(client: AsyncOpenAI) -> None:
    with pytest.raises(openai.NotFoundError) as caught:
        await client.files.retrieve("file-does-not-exist")
    assert caught.value.status_code == 404
    assert caught.value.response.status_code == 404


async def test_connection_refused_is_api_connection_error(sleeps: list[float], transport: str) -> None:
    from tests._transports import make_async_client

    async with make_async_client(transport, "http://127.0.0.1:9/v1", max_retries=1) as api:
        with pytest.raises(openai.APIConnectionError) as caught:
            await api.models.list()
    assert not isinstance(caught.value, openai.APITimeoutError)
    assert len(sleeps) == 1


async def test_timeout_is_api_timeout_error(client: AsyncOpenAI, server: LoopbackServer, sleeps: list[float]) -> None:
    with pytest.raises(openai.APITimeoutError):
        await client.chat.completions.create(
            model="m", messages=MESSAGES, timeout=0.2, extra_headers=scenario("stall=2")
        )
    assert len(server.requests) == 3
    assert len(sleeps) == 2

"""Cancellation and event-loop lifecycle of AsyncOpenAI (async-only behaviour, so not generated).

A cancelled call must release its connection, must not turn into a retry, and must not be
swallowed, whether it is cancelled by asyncio, by an anyio cancel scope or by wait_for.
"""

from __future__ import annotations

import asyncio
from typing import Any, List

import anyio
import pytest

from openai import AsyncOpenAI
from openai.testing import LoopbackServer
from tests._pool import busy_connections
from tests._transports import async_transports, make_async_client

MESSAGES = [{"role": "user", "content": "one two three four five six"}]
WAIT = 10.0  # the safety net of every wait below; none is reached when the code works
STALL = "stall=30"  # the longest stall the server grants
LOOP_TURNS = 100


@pytest.fixture(params=async_transports)
def transport(request: pytest.FixtureRequest) -> str:
    return str(request.param)


async def assert_released(client: AsyncOpenAI) -> None:
    # Some transports finish cleaning up a cancelled connection in a callback of a later loop turn;
    # the loop is turned (never slept) a bounded number of times for them.
    for _ in range(LOOP_TURNS):
        if busy_connections(client) == 0:
            break
        await asyncio.sleep(0)
    assert busy_connections(client) == 0
    assert (await client.models.list()).data


async def received(server: LoopbackServer, count: int = 1) -> None:
    """Return once the server holds ``count`` requests (the server signals it; WAIT is a safety net)."""
    assert await asyncio.to_thread(server.wait_for_requests, count, WAIT), "the request never reached the server"


def stalled_call(client: AsyncOpenAI) -> Any:
    # The server holds the request far longer than any test waits, so only the test's own
    # cancellation ends the call; stopping the server at the end of the test cuts the stall.
    return client.chat.completions.create(model="m", messages=MESSAGES, extra_headers={"x-loopback-scenario": STALL})


async def test_wait_for_timeout_mid_request(server: LoopbackServer, transport: str) -> None:
    async with make_async_client(transport, server.base_url) as client:
        task = asyncio.ensure_future(stalled_call(client))
        await received(server)
        # The request is held by the server: wait_for's timeout, however short, lands mid-request.
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(task, timeout=0.01)
        assert task.cancelled()
        assert len(server.requests) == 1, "a cancellation must never be retried"
        await assert_released(client)


async def test_task_cancel_mid_request_is_not_swallowed(server: LoopbackServer, transport: str) -> None:
    async with make_async_client(transport, server.base_url) as client:
        task = asyncio.ensure_future(stalled_call(client))
        await received(server)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert len(server.requests) == 1
        await assert_released(client)


async def test_anyio_cancel_scope_mid_request(server: LoopbackServer, transport: str) -> None:
    async with make_async_client(transport, server.base_url) as client:

        async def cancel_once_received(scope: anyio.CancelScope) -> None:
            await received(server)
            scope.cancel()

        finished = False
        with anyio.CancelScope() as scope:
            async with anyio.create_task_group() as group:
                group.start_soon(cancel_once_received, scope)
                await stalled_call(client)
                finished = True
        assert scope.cancelled_caught and not finished
        assert len(server.requests) == 1
        await assert_released(client)


async def test_cancel_during_retry_sleep(
    server: LoopbackServer, transport: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openai._async import _base_client

    real_sleep = _base_client.async_sleep
    waiting = asyncio.Event()
    waits: List[float] = []

    async def signalled_sleep(seconds: float) -> None:
        waits.append(seconds)
        waiting.set()
        await real_sleep(seconds)

    monkeypatch.setattr(_base_client, "async_sleep", signalled_sleep)
    async with make_async_client(transport, server.base_url, max_retries=3) as client:
        task = asyncio.ensure_future(
            client.chat.completions.create(
                model="m", messages=MESSAGES, extra_headers={"x-loopback-scenario": "status=500"}
            )
        )
        await asyncio.wait_for(waiting.wait(), WAIT)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert len(waits) == 1 and waits[0] > 0, "the call was cancelled inside its first retry wait"
        assert len(server.requests) == 1
        await assert_released(client)


async def test_cancel_mid_stream_releases_the_connection(server: LoopbackServer, transport: str) -> None:
    async with make_async_client(transport, server.base_url) as client:
        # The server paces its chunks, so the stream is still open when the first one is in.
        stream = await client.chat.completions.create(
            model="m", messages=MESSAGES, stream=True, extra_headers={"x-loopback-scenario": "drip=0.2"}
        )
        received_chunks = []
        first = asyncio.Event()

        async def consume() -> None:
            async for chunk in stream:
                received_chunks.append(chunk)
                first.set()

        task = asyncio.ensure_future(consume())
        await asyncio.wait_for(first.wait(), WAIT)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert received_chunks, "the stream was cancelled before its first chunk"
        assert stream.response.is_closed
        await assert_released(client)


async def test_leaving_a_stream_early_releases_it(server: LoopbackServer, transport: str) -> None:
    async with make_async_client(transport, server.base_url) as client:
        for _ in range(3):
            async with await client.chat.completions.create(model="m", messages=MESSAGES, stream=True) as stream:
                async for _chunk in stream:
                    break
            assert stream.response.is_closed
        await assert_released(client)


async def test_closing_twice_is_harmless(server: LoopbackServer, transport: str) -> None:
    client = make_async_client(transport, server.base_url)
    await client.models.list()
    await client.close()
    await client.close()
    assert client.is_closed()


def test_a_second_event_loop_takes_over_from_an_idle_first(server: LoopbackServer) -> None:
    client = AsyncOpenAI(api_key="sk-test", base_url=server.base_url)
    first_loop = asyncio.new_event_loop()
    try:
        first_loop.run_until_complete(client.models.list())

        async def from_another_loop() -> None:
            await client.models.list()

        # The first loop is not running: the client moves on, and can come back to it later.
        asyncio.run(from_another_loop())
        assert len(server.requests) == 2
        first_loop.run_until_complete(client.models.list())
        first_loop.run_until_complete(client.close())
        assert len(server.requests) == 3
    finally:
        first_loop.close()


def test_no_del_hook_runs_async_work() -> None:
    for cls in AsyncOpenAI.__mro__:
        assert "__del__" not in vars(cls), cls

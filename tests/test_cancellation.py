"""Cancellation and event-loop lifecycle of AsyncOpenAI (async-only behaviour, so not generated).

A cancelled call must release its connection, must not turn into a retry, and must not be
swallowed, whether it is cancelled by asyncio, by an anyio cancel scope or by wait_for.
"""

from __future__ import annotations

import asyncio

import anyio
import pytest

from openai import AsyncOpenAI
from openai.testing import LoopbackServer
from tests._pool import busy_connections
from tests._transports import async_transports, make_async_client

MESSAGES = [{"role": "user", "content": "one two three four five six"}]


@pytest.fixture(params=async_transports)
def transport(request: pytest.FixtureRequest) -> str:
    return str(request.param)


async def assert_released(client: AsyncOpenAI) -> None:
    # Cleanup of a cancelled connection may take one loop turn on some transports.
    for _ in range(50):
        if busy_connections(client) == 0:
            break
        await asyncio.sleep(0.01)
    assert busy_connections(client) == 0
    assert (await client.models.list()).data


async def test_wait_for_timeout_mid_request(server: LoopbackServer, transport: str) -> None:
    async with make_async_client(transport, server.base_url) as client:
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(
                client.chat.completions.create(
                    model="m", messages=MESSAGES, extra_headers={"x-loopback-scenario": "stall=3"}
                ),
                timeout=0.2,
            )
        assert len(server.requests) == 1, "a cancellation must never be retried"
        await assert_released(client)


async def test_task_cancel_mid_request_is_not_swallowed(server: LoopbackServer, transport: str) -> None:
    async with make_async_client(transport, server.base_url) as client:
        task = asyncio.ensure_future(
            client.chat.completions.create(
                model="m", messages=MESSAGES, extra_headers={"x-loopback-scenario": "stall=3"}
            )
        )
        await asyncio.sleep(0.1)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert len(server.requests) == 1
        await assert_released(client)


async def test_anyio_cancel_scope_mid_request(server: LoopbackServer, transport: str) -> None:
    async with make_async_client(transport, server.base_url) as client:
        with anyio.move_on_after(0.2) as scope:
            await client.chat.completions.create(
                model="m", messages=MESSAGES, extra_headers={"x-loopback-scenario": "stall=3"}
            )
        assert scope.cancelled_caught
        assert len(server.requests) == 1
        await assert_released(client)


async def test_cancel_during_retry_sleep(server: LoopbackServer, transport: str) -> None:
    async with make_async_client(transport, server.base_url, max_retries=3) as client:
        with pytest.raises(asyncio.TimeoutError):
            # The first retry waits 0.375-0.5 s; the call is cancelled inside that wait.
            await asyncio.wait_for(
                client.chat.completions.create(
                    model="m", messages=MESSAGES, extra_headers={"x-loopback-scenario": "status=500"}
                ),
                timeout=0.2,
            )
        assert len(server.requests) == 1
        await assert_released(client)


async def test_cancel_mid_stream_releases_the_connection(server: LoopbackServer, transport: str) -> None:
    async with make_async_client(transport, server.base_url) as client:
        stream = await client.chat.completions.create(
            model="m", messages=MESSAGES, stream=True, extra_headers={"x-loopback-scenario": "drip=0.2"}
        )
        received = []

        async def consume() -> None:
            async for chunk in stream:
                received.append(chunk)

        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(consume(), timeout=0.5)
        assert 0 < len(received) < 8
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


def test_a_second_event_loop_gets_a_clear_error(server: LoopbackServer) -> None:
    client = AsyncOpenAI(api_key="sk-test", base_url=server.base_url)
    first_loop = asyncio.new_event_loop()
    try:
        first_loop.run_until_complete(client.models.list())

        async def from_another_loop() -> None:
            await client.models.list()

        with pytest.raises(RuntimeError, match="first used in another event loop"):
            asyncio.run(from_another_loop())
        assert len(server.requests) == 1
        # The first loop still owns the client and can go on using and then close it.
        first_loop.run_until_complete(client.models.list())
        first_loop.run_until_complete(client.close())
    finally:
        first_loop.close()


def test_no_del_hook_runs_async_work() -> None:
    for cls in AsyncOpenAI.__mro__:
        assert "__del__" not in vars(cls), cls

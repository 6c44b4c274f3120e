"""Cancelling a task blocked in a websocket session's ``recv()`` loses no message, closes nothing it should
not, and leaves no task or socket behind (asyncio only: the blocking client has nothing to cancel)."""

from __future__ import annotations

import asyncio
import gc
import warnings
from typing import Iterator

import anyio
import pytest

from openai import AsyncOpenAI
from openai.testing import LoopbackWebSocketServer
from openai.types.websocket_reconnection import ReconnectingEvent

KEY = "sk-cancel"


@pytest.fixture
def ws_server() -> Iterator[LoopbackWebSocketServer]:
    with LoopbackWebSocketServer(api_key=KEY) as server:
        yield server


def other_tasks() -> set[asyncio.Task[object]]:
    return {task for task in asyncio.all_tasks() if task is not asyncio.current_task()}


async def test_cancel_mid_recv_keeps_the_session_usable(ws_server: LoopbackWebSocketServer) -> None:
    before = other_tasks()
    with warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)
        async with AsyncOpenAI(api_key=KEY, base_url=ws_server.base_url) as client:
            async with client.realtime.connect(model="m") as connection:
                assert (await connection.recv()).type == "session.created"
                waiting = asyncio.ensure_future(connection.recv())
                await asyncio.sleep(0)  # let it block in recv
                assert not waiting.done()
                waiting.cancel()
                with pytest.raises(asyncio.CancelledError):
                    await waiting
                # The connection is still open and the next event is not lost.
                await connection.session.update(session={"type": "realtime"})
                assert (await asyncio.wait_for(connection.recv(), 10)).type == "session.updated"
            socket = connection._socket
        gc.collect()
    assert socket.state.name == "CLOSED"  # type: ignore[attr-defined]
    assert other_tasks() <= before


async def test_cancel_scope_around_iteration_then_exit_closes_the_socket(ws_server: LoopbackWebSocketServer) -> None:
    before = other_tasks()
    async with AsyncOpenAI(api_key=KEY, base_url=ws_server.base_url) as client:
        manager = client.responses.connect()
        with anyio.CancelScope() as scope:
            async with manager as connection:
                # Cancels on the next loop turn, when the loop below is blocked waiting for the server,
                # which says nothing until asked.
                asyncio.get_running_loop().call_soon(scope.cancel)
                async for _event in connection:
                    pass
        assert scope.cancelled_caught
    # The block was left by a cancellation, and the close it made was shielded from it.
    assert connection._socket.state.name == "CLOSED"  # type: ignore[attr-defined]
    assert other_tasks() <= before


async def test_cancel_during_reconnect_backoff(ws_server: LoopbackWebSocketServer) -> None:
    attempts: list[int] = []
    async with AsyncOpenAI(api_key=KEY, base_url=ws_server.base_url) as client:
        with anyio.CancelScope() as scope:

            def on_reconnecting(event: ReconnectingEvent) -> None:
                attempts.append(event.attempt)
                scope.cancel()  # lands in the backoff wait that follows

            async with client.realtime.connect(
                model="m",
                extra_query={"loopback_drop_after": "1"},
                on_reconnecting=on_reconnecting,
                initial_delay=60,
                max_delay=60,
            ) as connection:
                await connection.recv()
                await connection.recv()  # the drop; the reconnection's minute-long wait is cancelled
        assert scope.cancelled_caught
    assert attempts == [1]
    assert len(ws_server.handshakes) == 1


def test_under_trio_connect_says_it_needs_asyncio(ws_server: LoopbackWebSocketServer) -> None:
    import trio

    async def main() -> None:
        async with AsyncOpenAI(api_key=KEY, base_url=ws_server.base_url) as client:
            with pytest.raises(RuntimeError, match="asyncio"):
                async with client.realtime.connect(model="m"):
                    pass

    trio.run(main)
    assert ws_server.handshakes == []

"""One AsyncOpenAI used from one event loop after another, as `asyncio.run` twice (or a library's
`run_sync` and then `asyncio.run`) does: the client moves on to the new loop, closing what the
finished loop held without awaiting anything on it; two loops running at once are refused."""

from __future__ import annotations

import asyncio
import gc
import logging
import threading
import warnings
from typing import Any, Iterator, List

import httpx
import pytest

from openai import AsyncOpenAI, DefaultAioHttpClient, DefaultAsyncHttpxClient
from openai.testing import LoopbackServer
from tests._pool import open_descriptors, sockets_connected_to

MESSAGES = [{"role": "user", "content": "one two three four five six"}]
# The transports that can move: this package's own, httpx's and an httpx2 client's (aiohttp's session cannot).
movable = ["default", "httpx", "httpx2"]


def make_client(transport: str, server: LoopbackServer) -> AsyncOpenAI:
    http_client: Any
    if transport == "httpx2":
        import httpx2

        # What pydantic-ai does: one cached httpx2 client handed over as http_client.
        http_client = httpx2.AsyncClient()
    else:
        http_client = DefaultAsyncHttpxClient(http_transport="httpx" if transport == "httpx" else "builtin")
    return AsyncOpenAI(api_key="sk-test", base_url=server.base_url, http_client=http_client, max_retries=0)


def port_of(server: LoopbackServer) -> int:
    port = httpx.URL(server.base_url).port
    assert port is not None
    return port


@pytest.fixture
def no_leaks(caplog: pytest.LogCaptureFixture) -> Iterator[List[warnings.WarningMessage]]:
    """Records every ResourceWarning raised (also from finalizers); asserts none and no asyncio error log."""
    gc.collect()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        with caplog.at_level(logging.ERROR, logger="asyncio"):
            yield caught
            gc.collect()
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []
    assert [record.getMessage() for record in caplog.records if record.name == "asyncio"] == []


async def list_models(client: AsyncOpenAI) -> int:
    return len((await client.models.list()).data)


async def stream_words(client: AsyncOpenAI) -> str:
    text = ""
    async with await client.chat.completions.create(model="m", messages=MESSAGES, stream=True) as stream:
        async for chunk in stream:
            if chunk.choices and chunk.choices[0].delta.content:
                text += chunk.choices[0].delta.content
    return text


@pytest.mark.parametrize("transport", movable)
def test_asyncio_run_twice_moves_the_client(
    server: LoopbackServer, transport: str, no_leaks: List[warnings.WarningMessage]
) -> None:
    port = port_of(server)
    baseline = open_descriptors()
    client = make_client(transport, server)
    assert asyncio.run(list_models(client)) > 0
    # The first loop is closed and its keep-alive connection is still open: nothing could close it yet.
    assert sockets_connected_to(port) == 1

    async def second() -> int:
        count = await list_models(client)
        # The connection of the closed loop was closed on the move; only this loop's own remains.
        assert sockets_connected_to(port) == 1
        return count

    assert asyncio.run(second()) > 0
    assert len(server.requests) == 2
    asyncio.run(client.close())
    gc.collect()
    assert sockets_connected_to(port) == 0
    assert open_descriptors() == baseline


@pytest.mark.parametrize("transport", movable)
def test_a_stream_in_the_second_loop(
    server: LoopbackServer, transport: str, no_leaks: List[warnings.WarningMessage]
) -> None:
    port = port_of(server)
    client = make_client(transport, server)
    first = asyncio.run(stream_words(client))
    assert first
    assert asyncio.run(stream_words(client)) == first
    assert asyncio.run(list_models(client)) > 0
    assert sockets_connected_to(port) == 1
    asyncio.run(client.close())
    assert sockets_connected_to(port) == 0


def test_an_idle_first_loop_is_left_for_the_new_one(
    server: LoopbackServer, no_leaks: List[warnings.WarningMessage]
) -> None:
    # run_sync helpers often keep their loop open but idle, then the program calls asyncio.run.
    port = port_of(server)
    client = make_client("default", server)
    idle_loop = asyncio.new_event_loop()
    try:
        assert idle_loop.run_until_complete(list_models(client)) > 0
        assert asyncio.run(stream_words(client))
        # The idle loop's connection went when the client moved; it can still take the client back.
        assert idle_loop.run_until_complete(list_models(client)) > 0
        assert sockets_connected_to(port) == 1
        idle_loop.run_until_complete(client.close())
    finally:
        idle_loop.close()
    assert sockets_connected_to(port) == 0
    assert len(server.requests) == 3


def test_many_sequential_loops_keep_one_connection(
    server: LoopbackServer, no_leaks: List[warnings.WarningMessage]
) -> None:
    port = port_of(server)
    baseline = open_descriptors()
    client = make_client("default", server)
    for _ in range(5):
        assert asyncio.run(list_models(client)) > 0
        assert sockets_connected_to(port) == 1
    asyncio.run(client.close())
    gc.collect()
    assert open_descriptors() == baseline


def test_aiohttp_refuses_a_second_loop_clearly(server: LoopbackServer) -> None:
    client = AsyncOpenAI(api_key="sk-test", base_url=server.base_url, http_client=DefaultAioHttpClient())
    first = asyncio.new_event_loop()
    try:
        assert first.run_until_complete(list_models(client)) > 0
        with pytest.raises(RuntimeError, match="aiohttp, whose session belongs to the event loop"):
            asyncio.run(list_models(client))
        assert len(server.requests) == 1
        # The loop that owns the session still works, and closes it.
        assert first.run_until_complete(list_models(client)) > 0
        first.run_until_complete(client.close())
    finally:
        first.close()


def test_two_running_loops_at_once_are_refused(server: LoopbackServer) -> None:
    client = make_client("default", server)
    ready = threading.Event()
    done = threading.Event()
    outcome: List[Any] = []

    async def hold_the_client() -> None:
        await list_models(client)
        ready.set()
        # This loop keeps running while the other thread tries.
        await asyncio.get_running_loop().run_in_executor(None, done.wait, 10)
        await client.close()

    worker = threading.Thread(target=lambda: asyncio.run(hold_the_client()))
    worker.start()
    try:
        assert ready.wait(10)
        try:
            asyncio.run(list_models(client))
        except RuntimeError as exc:
            outcome.append(exc)
    finally:
        done.set()
        worker.join(10)
    assert not worker.is_alive()
    assert len(outcome) == 1
    assert "another event loop that is still running" in str(outcome[0])
    assert len(server.requests) == 1


def test_an_httpx2_client_streams_in_the_second_loop(
    server: LoopbackServer, no_leaks: List[warnings.WarningMessage]
) -> None:
    # pydantic-ai's run_sync then asyncio.run(run_stream): one cached httpx2 client, two loops.
    port = port_of(server)
    baseline = open_descriptors()
    client = make_client("httpx2", server)
    assert asyncio.run(list_models(client)) > 0
    assert sockets_connected_to(port) == 1

    async def second() -> str:
        text = await stream_words(client)
        assert await list_models(client) > 0
        # The first loop's keep-alive connection was closed on the move; only this loop's own remains.
        assert sockets_connected_to(port) == 1
        return text

    assert asyncio.run(second())
    assert len(server.requests) == 3
    asyncio.run(client.close())
    gc.collect()
    assert sockets_connected_to(port) == 0
    assert open_descriptors() == baseline


def test_an_httpx2_pool_of_unknown_shape_is_refused_clearly(server: LoopbackServer) -> None:
    client = make_client("httpx2", server)
    assert asyncio.run(list_models(client)) > 0
    inner: Any = client._http_client._transport
    pool = inner.client._transport._pool
    inner.client._transport._pool = object()
    try:
        with pytest.raises(RuntimeError, match="httpx2's connection pool has a shape"):
            asyncio.run(list_models(client))
        assert len(server.requests) == 1
    finally:
        inner.client._transport._pool = pool
        asyncio.run(client.close())

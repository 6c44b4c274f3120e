"""Pool health under load: after cancelled and failed requests nothing leaks, and a request still succeeds.

Async-only parts (cancellation) are not generated; the sync client is checked for faults and threads.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
from concurrent.futures import ThreadPoolExecutor
from typing import Any, AsyncIterator, Callable, Set, Tuple

import httpx
import pytest

import openai
from openai import AsyncOpenAI, OpenAI
from openai.testing import LoopbackServer
from tests._pool import busy_connections, sockets_connected_to
from tests._transports import async_transports, make_async_client

MESSAGES = [{"role": "user", "content": "pool health check"}]
FAULTS = ["status=500", "status=503;retry-after-ms=1", "reset", "truncate", "status=429;code=insufficient_quota"]
REQUESTS = 1000
LOOP_TURNS = 100


async def turns_until(condition: Callable[[], bool]) -> bool:
    """Turn the event loop (never sleep) until ``condition`` holds, at most LOOP_TURNS times: what
    a transport finishes after a cancellation it finishes in callbacks of the next few turns."""
    for _ in range(LOOP_TURNS):
        if condition():
            return True
        await asyncio.sleep(0)
    return condition()


def descriptor_numbers() -> Set[str]:
    return set(os.listdir("/proc/self/fd"))


async def assert_no_descriptor_leaked(server: LoopbackServer, before: Set[str]) -> None:
    """Every descriptor opened since ``before`` is closed, the client's first: its last closes run
    in callbacks of the next loop turns, while the server still holds its ends open (so no close
    of the server's can close a leaked client socket for it). Then stopping the server joins its
    thread once all its sockets are closed. A descriptor number taken before cannot be a leak,
    since it was still open when every socket of the test was opened."""
    await turns_until(lambda: sockets_connected_to(server.port) == 0)
    assert sockets_connected_to(server.port) == 0, "the client left sockets open"
    server.stop()
    assert descriptor_numbers() - before == set(), "file descriptors leaked"


@pytest.fixture(autouse=True)
def instant_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    async def yield_only(seconds: float) -> None:
        await asyncio.sleep(0)

    monkeypatch.setattr("openai._async._base_client.async_sleep", yield_only)
    monkeypatch.setattr("openai._sync._base_client.sync_sleep", lambda seconds: None)


@pytest.mark.parametrize("transport", async_transports)
async def test_async_pool_after_cancellations_and_faults(server: LoopbackServer, transport: str) -> None:
    rng = random.Random(7)
    descriptors_before = descriptor_numbers()
    client = make_async_client(transport, server.base_url, max_retries=1)
    outcomes: dict[str, int] = {}

    async def one(index: int) -> None:
        kind = index % 3
        headers: dict[str, str] = {}
        if kind == 1:
            headers["x-loopback-scenario"] = rng.choice(FAULTS)
        elif kind == 2:
            headers["x-loopback-scenario"] = f"stall={rng.uniform(0.0, 0.02):.3f}"
        stream = rng.random() < 0.3
        call: Any = client.chat.completions.create(model="m", messages=MESSAGES, stream=stream, extra_headers=headers)

        async def run() -> None:
            result = await call
            if stream:
                async with result:
                    async for _chunk in result:
                        pass

        try:
            if kind == 2:
                await asyncio.wait_for(run(), timeout=rng.uniform(0.0, 0.02))
            else:
                await run()
            outcome = "ok"
        except asyncio.TimeoutError:
            outcome = "cancelled"
        except openai.APIError as exc:
            outcome = type(exc).__name__
        outcomes[outcome] = outcomes.get(outcome, 0) + 1

    try:
        for start in range(0, REQUESTS, 50):
            await asyncio.gather(*(one(index) for index in range(start, start + 50)))

        assert sum(outcomes.values()) == REQUESTS
        assert outcomes.get("cancelled", 0) > 100, outcomes
        assert sum(count for name, count in outcomes.items() if name not in ("ok", "cancelled")) > 100, outcomes
        assert await turns_until(lambda: busy_connections(client) == 0), "connections leaked"
        sent_before = len(server.requests)
        assert (await client.chat.completions.create(model="m", messages=MESSAGES)).choices
        # One request, answered first time: no slot was missing, nothing had to be retried.
        assert len(server.requests) == sent_before + 1
        assert busy_connections(client) == 0
    finally:
        # Closed even when an assertion fails, so that a leak here is not reported by the next test.
        await client.close()
    await assert_no_descriptor_leaked(server, descriptors_before)


async def test_httpx_pool_keeps_its_slots_when_requests_are_cancelled(server: LoopbackServer) -> None:
    """httpx's own pool (httpcore 1.0) strands a slot for each request cancelled between being given
    a connection and sending on it; with four slots, a few hundred cancellations used to leave none,
    and every later request timed out waiting for the pool."""
    limits = httpx.Limits(max_connections=4, max_keepalive_connections=2)
    http_client = httpx.AsyncClient(limits=limits, timeout=httpx.Timeout(5.0, pool=1.0))
    client = AsyncOpenAI(api_key="sk-test", base_url=server.base_url, max_retries=0, http_client=http_client)
    rng = random.Random(3)

    async def one(index: int) -> None:
        scenario = "reset" if index % 4 == 0 else "stall=0.005"
        try:
            await asyncio.wait_for(
                client.models.list(extra_headers={"x-loopback-scenario": scenario}), rng.uniform(0.0, 0.01)
            )
        except (asyncio.TimeoutError, openai.APIError):
            pass

    try:
        for start in range(0, 800, 40):
            await asyncio.gather(*(one(index) for index in range(start, start + 40)))
        assert await turns_until(lambda: busy_connections(client) == 0), "cancelled requests left pool slots taken"
        assert (await client.models.list()).data
    finally:
        await client.close()


def test_sync_pool_after_faults_and_sixteen_threads(server: LoopbackServer) -> None:
    descriptors_before = descriptor_numbers()
    client = OpenAI(api_key="sk-test", base_url=server.base_url, max_retries=1)
    rng = random.Random(11)
    scenarios = [rng.choice(FAULTS) if index % 3 == 1 else "" for index in range(REQUESTS // 2)]

    def one(scenario: str) -> str:
        headers = {"x-loopback-scenario": scenario} if scenario else {}
        try:
            if len(scenario) % 2:
                with client.chat.completions.create(
                    model="m", messages=MESSAGES, stream=True, extra_headers=headers
                ) as stream:
                    for _chunk in stream:
                        pass
            else:
                client.chat.completions.create(model="m", messages=MESSAGES, extra_headers=headers)
            return "ok"
        except openai.APIError as exc:
            return type(exc).__name__

    with ThreadPoolExecutor(max_workers=16) as pool:
        outcomes = list(pool.map(one, scenarios))
    assert outcomes.count("ok") >= len(scenarios) // 2
    assert len(set(outcomes)) > 1
    assert busy_connections(client) == 0
    assert client.models.list().data
    client.close()
    assert sockets_connected_to(server.port) == 0, "the client left sockets open"
    server.stop()  # joins the server's thread once every one of its sockets is closed
    assert descriptor_numbers() - descriptors_before == set(), "file descriptors leaked"


async def test_the_default_transports_httpx_fallback_pool_is_repaired_too() -> None:
    import httpcore

    from openai._http.pool_repair import take_orphaned_connections

    http_client = openai.DefaultAsyncHttpxClient()
    try:
        # Where the default transport cannot serve a request it hands it to an httpx transport, whose
        # httpcore pool can strand a connection like this one: never opened, owned by no request.
        fallback = http_client._transport._fallback_transport()  # type: ignore[attr-defined]
        pool = fallback._pool
        stranded = httpcore.AsyncHTTPConnection(origin=httpcore.Origin(b"http", b"127.0.0.1", 9))
        pool._connections.append(stranded)
        assert take_orphaned_connections(http_client) == []  # dropped: it has no socket to close
        assert stranded not in pool._connections
    finally:
        await http_client.aclose()


@pytest.fixture
async def stranded_pool() -> AsyncIterator[Tuple[httpx.AsyncClient, Any, Any]]:
    """A plain httpx client whose pool holds a never-opened connection no request owns."""
    import httpcore

    http_client = httpx.AsyncClient()
    pool = http_client._transport._pool  # type: ignore[attr-defined]
    stranded = httpcore.AsyncHTTPConnection(origin=httpcore.Origin(b"http", b"127.0.0.1", 9))
    pool._connections.append(stranded)
    yield http_client, pool, stranded
    await http_client.aclose()


def as_httpcore_version(version: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    import httpcore

    from openai._http import pool_repair

    monkeypatch.setattr(httpcore, "__version__", version)
    monkeypatch.setattr(pool_repair, "_verdicts", {})
    return pool_repair


@pytest.mark.parametrize("version", ["1.0.2", "1.0.10", "1.1.0", "2.0.0", "0.18.0", "not a version"])
async def test_the_pool_repair_leaves_other_httpcore_versions_alone(
    version: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, stranded_pool: Any
) -> None:
    pool_repair = as_httpcore_version(version, monkeypatch)
    http_client, pool, stranded = stranded_pool
    with caplog.at_level(logging.DEBUG, logger="openai"):
        assert pool_repair.take_orphaned_connections(http_client) == []
        assert pool_repair.take_orphaned_connections(http_client) == []
    assert pool._connections == [stranded], "a pool of an unknown httpcore version was changed"
    notes = [record.getMessage() for record in caplog.records if "pool repair" in record.getMessage()]
    assert len(notes) == 1 and version in notes[0], notes


@pytest.mark.parametrize("version", ["1.0.3", "1.0.9"])
async def test_the_pool_repair_acts_on_the_httpcore_versions_it_was_written_for(
    version: str, monkeypatch: pytest.MonkeyPatch, stranded_pool: Any
) -> None:
    pool_repair = as_httpcore_version(version, monkeypatch)
    http_client, pool, stranded = stranded_pool
    assert pool_repair.take_orphaned_connections(http_client) == []
    assert stranded not in pool._connections

"""The ``client`` fixture: an AsyncOpenAI on each transport, against the loopback server."""

from __future__ import annotations

from typing import AsyncIterator

import pytest

from openai import AsyncOpenAI
from openai.testing import LoopbackServer
from tests._transports import async_transports, make_async_client


@pytest.fixture(params=async_transports)
def transport(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def client(transport: str, server: LoopbackServer) -> AsyncIterator[AsyncOpenAI]:
    async with make_async_client(transport, server.base_url) as api:
        yield api


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Retry waits, recorded instead of slept: the clock is the test's."""
    recorded: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr("openai._async._base_client.async_sleep", fake_sleep)
    return recorded


# The fault matrix (tests/fault_matrix.py renders docs/reliability.md from what these record).

from tests.fault_matrix import FaultRecorder  # noqa: E402


@pytest.fixture
def fault_matrix(request: pytest.FixtureRequest, transport: str) -> FaultRecorder:
    """This test's cell of the fault matrix: the row is the test's docstring, the column the client and transport."""
    doc = (request.function.__doc__ or request.node.name).strip().splitlines()[0]
    return FaultRecorder(request.node.nodeid, doc.rstrip("."), "AsyncOpenAI + " + transport)

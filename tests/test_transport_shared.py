"""What both transports share: their options checked once, and one connect policy (where to
connect, TLS, local address, how often and how long apart to try again)."""

from __future__ import annotations

import socket
from typing import Any, Dict, List

import httpx
import pytest

from openai._http import shared
from openai._http.asyncio_transport import AsyncioTransport
from openai._http.shared import ConnectPlan, TransportSettings
from openai._http.socket_transport import SocketTransport
from openai.testing import LoopbackServer

TRANSPORTS = [SocketTransport, AsyncioTransport]
GOOD: Dict[str, Any] = {
    "verify": True,
    "cert": None,
    "trust_env": True,
    "limits": httpx.Limits(max_connections=10),
    "local_address": None,
    "retries": 0,
}


@pytest.mark.parametrize("transport_class", TRANSPORTS)
@pytest.mark.parametrize(
    ("option", "value", "error", "words"),
    [
        ("verify", 1, TypeError, "verify must be"),
        ("cert", ["a.pem"], TypeError, "cert must be"),
        ("trust_env", "yes", TypeError, "trust_env must be a bool"),
        ("limits", {"max_connections": 1}, TypeError, "limits must be an httpx.Limits"),
        ("limits", httpx.Limits(max_connections=-1), ValueError, "limits.max_connections must be at least 0"),
        ("limits", httpx.Limits(max_keepalive_connections=-2), ValueError, "limits.max_keepalive_connections"),
        ("limits", httpx.Limits(keepalive_expiry=-1.0), ValueError, "limits.keepalive_expiry"),
        ("local_address", ("127.0.0.1", 0), TypeError, "local_address must be"),
        ("retries", -1, ValueError, "retries must be at least 0, not -1"),
        ("retries", 1.5, TypeError, "retries must be an int"),
        ("retries", True, TypeError, "retries must be an int, not bool"),
    ],
)
def test_both_transports_refuse_bad_options_by_name(
    transport_class: Any, option: str, value: Any, error: type, words: str
) -> None:
    with pytest.raises(error) as caught:
        transport_class(**{**GOOD, option: value})
    assert words in str(caught.value)


@pytest.mark.parametrize(("retries", "waits"), [(0, [0.0]), (1, [0.0, 0.5]), (3, [0.0, 0.5, 1.0, 2.0])])
def test_connect_attempts_wait_doubling_from_half_a_second(retries: int, waits: List[float]) -> None:
    settings = TransportSettings(**{**GOOD, "retries": retries})
    plan = ConnectPlan(settings, (b"http", b"example.invalid", 80), httpx.Request("GET", "http://example.invalid/"))
    assert list(plan.waits()) == waits
    assert plan.attempts == retries + 1


def test_the_plan_names_host_port_tls_and_source() -> None:
    settings = TransportSettings(**{**GOOD, "local_address": "127.0.0.1"})
    request = httpx.Request("GET", "https://api.example.invalid/", extensions={"sni_hostname": "front.example.invalid"})
    plan = ConnectPlan(settings, (b"https", b"api.example.invalid", 8443), request)
    assert (plan.host, plan.port, plan.source) == ("api.example.invalid", 8443, ("127.0.0.1", 0))
    assert plan.context is settings.ssl_context(), "the TLS context is made once and kept"
    assert plan.server_hostname == "front.example.invalid"
    plain = ConnectPlan(
        settings, (b"http", b"api.example.invalid", 80), httpx.Request("GET", "http://api.example.invalid/")
    )
    assert plain.context is None and plain.server_hostname is None


def test_connect_failures_map_to_httpx_errors() -> None:
    settings = TransportSettings(**GOOD)
    request = httpx.Request("GET", "http://example.invalid:81/")
    plan = ConnectPlan(settings, (b"http", b"example.invalid", 81), request)
    timed_out = plan.failure(socket.timeout("slow"), request, timed_out=True)
    assert isinstance(timed_out, httpx.ConnectTimeout) and "example.invalid:81" in str(timed_out)
    refused = plan.failure(ConnectionRefusedError(111, "Connection refused"), request, timed_out=False)
    assert isinstance(refused, httpx.ConnectError) and "Connection refused" in str(refused)
    assert str(plan.failure(OSError(), request, timed_out=False)) == "OSError"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_sync_transport_retries_then_reports_a_refused_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shared, "CONNECT_RETRY_DELAY", 0.0)
    attempts: List[Any] = []
    real = socket.create_connection

    def counted(*args: Any, **kwargs: Any) -> socket.socket:
        attempts.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", counted)
    port = closed_port()
    with httpx.Client(transport=SocketTransport(retries=2)) as client:
        with pytest.raises(httpx.ConnectError):
            client.get(f"http://127.0.0.1:{port}/")
    assert attempts == [("127.0.0.1", port)] * 3


async def test_async_transport_retries_then_reports_a_refused_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shared, "CONNECT_RETRY_DELAY", 0.0)
    waits: List[float] = []
    real_waits = ConnectPlan.waits

    def recorded(plan: ConnectPlan) -> Any:
        for wait in real_waits(plan):
            waits.append(wait)
            yield wait

    monkeypatch.setattr(ConnectPlan, "waits", recorded)
    port = closed_port()
    async with httpx.AsyncClient(transport=AsyncioTransport(retries=2)) as client:
        with pytest.raises(httpx.ConnectError):
            await client.get(f"http://127.0.0.1:{port}/")
    assert len(waits) == 3, "one first attempt and two retries"


@pytest.mark.parametrize("transport_class", TRANSPORTS)
async def test_a_local_address_binds_the_connection(server: LoopbackServer, transport_class: Any) -> None:
    transport = transport_class(local_address="127.0.0.1")
    headers = {"Authorization": "Bearer sk-test"}
    if transport_class is SocketTransport:
        with httpx.Client(transport=transport, headers=headers) as client:
            assert client.get(f"{server.base_url}/models").status_code == 200
    else:
        async with httpx.AsyncClient(transport=transport, headers=headers) as async_client:
            assert (await async_client.get(f"{server.base_url}/models")).status_code == 200

"""``http_transport=`` and ``OPENAI_TWIN_HTTP_TRANSPORT``: the default client sends through this
package's transport or, when asked, httpx's own, and calls and streams work either way."""

from __future__ import annotations

from typing import Any, List, Optional

import httpx
import pytest

from openai import AsyncOpenAI, DefaultAsyncHttpxClient
from openai.testing import LoopbackServer

MESSAGES: List[Any] = [{"role": "user", "content": "which transport"}]
VARIABLE = "OPENAI_TWIN_HTTP_TRANSPORT"


def is_httpx_own(transport: object) -> bool:
    return isinstance(transport, httpx.AsyncHTTPTransport)


def is_builtin(transport: object) -> bool:
    return type(transport).__module__.startswith("openai._http.") and not is_httpx_own(transport)


@pytest.fixture(autouse=True)
def no_choice_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(VARIABLE, raising=False)
    # An environment proxy makes httpx's transport the only choice; these tests choose for themselves.
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


async def chat_and_stream(client: AsyncOpenAI) -> None:
    reply = await client.chat.completions.create(model="m", messages=MESSAGES)
    expected = reply.choices[0].message.content
    assert expected
    stream = await client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
    pieces = [chunk.choices[0].delta.content or "" async for chunk in stream if chunk.choices]
    assert "".join(pieces) == expected


@pytest.mark.parametrize("choice", ["httpx", "builtin"])
async def test_the_option_picks_the_transport_and_calls_work(server: LoopbackServer, choice: str) -> None:
    http_client = DefaultAsyncHttpxClient(http_transport=choice)  # type: ignore[arg-type]
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, http_client=http_client) as client:
        transport = client._http_client._transport
        assert is_httpx_own(transport) if choice == "httpx" else is_builtin(transport)
        await chat_and_stream(client)
    assert len(server.requests) == 2
    assert all(request.headers["authorization"] == "Bearer sk-test" for request in server.requests)


@pytest.mark.parametrize("value", ["httpx", " HTTPX "])
async def test_the_environment_variable_switches_the_client_made_by_default(
    server: LoopbackServer, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv(VARIABLE, value)
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url) as client:
        assert is_httpx_own(client._http_client._transport)
        await chat_and_stream(client)
    assert len(server.requests) == 2


@pytest.mark.parametrize("value", ["", "builtin"])
async def test_builtin_is_the_default_and_the_variable_can_name_it(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(VARIABLE, value)
    async with DefaultAsyncHttpxClient() as client:
        assert is_builtin(client._transport)


@pytest.mark.parametrize(
    ("environment", "explicit"), [("httpx", "builtin"), ("builtin", "httpx"), ("nonsense", "httpx")]
)
async def test_the_argument_wins_over_the_variable(
    monkeypatch: pytest.MonkeyPatch, environment: str, explicit: str
) -> None:
    monkeypatch.setenv(VARIABLE, environment)
    async with DefaultAsyncHttpxClient(http_transport=explicit) as client:  # type: ignore[arg-type]
        assert is_httpx_own(client._transport) if explicit == "httpx" else is_builtin(client._transport)


async def test_a_proxy_still_gets_httpx_transport_when_builtin_is_asked() -> None:
    async with DefaultAsyncHttpxClient(http_transport="builtin", proxy="http://proxy.local:3128") as client:
        assert is_httpx_own(client._transport)


@pytest.mark.parametrize("value", ["aiohttp", "httpx2", "own", "1"])
def test_an_unknown_variable_value_is_refused_by_name(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(VARIABLE, value)
    with pytest.raises(ValueError) as caught:
        DefaultAsyncHttpxClient()
    message = str(caught.value)
    assert VARIABLE in message and repr(value) in message and "'builtin' or 'httpx'" in message


@pytest.mark.parametrize("value", ["HTTPX", "", "default", True])
def test_an_unknown_argument_is_refused_by_name(value: Optional[object]) -> None:
    with pytest.raises(ValueError) as caught:
        DefaultAsyncHttpxClient(http_transport=value)  # type: ignore[arg-type]
    assert str(caught.value).startswith("http_transport must be 'builtin' or 'httpx', not ")

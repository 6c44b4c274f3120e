"""``http_client=`` given an httpx2 client: every call goes through it, errors map as with httpx."""

from __future__ import annotations

import subprocess
import sys
from typing import Any, List

import httpx2
import pytest

from openai import APIConnectionError, AsyncOpenAI, AsyncStream, RateLimitError
from openai._http.httpx2_bridge import DefaultAsyncHttpx2Client
from openai.testing import LoopbackServer
from openai.types.chat import ChatCompletion, ChatCompletionChunk

MESSAGES: List[Any] = [{"role": "user", "content": "hello there"}]


async def test_calls_and_streams_go_through_the_httpx2_client(server: LoopbackServer) -> None:
    seen: List[str] = []

    async def record(request: httpx2.Request) -> None:
        seen.append(f"{request.method} {request.url.path}")

    own = httpx2.AsyncClient(event_hooks={"request": [record]})
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, http_client=own) as client:
        completion = await client.chat.completions.create(model="m", messages=MESSAGES)
        assert isinstance(completion, ChatCompletion)
        stream = await client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
        assert isinstance(stream, AsyncStream)
        chunks = [chunk async for chunk in stream]
        assert chunks and all(isinstance(chunk, ChatCompletionChunk) for chunk in chunks)
        uploaded = await client.files.create(file=("a.jsonl", b'{"a": 1}\n'), purpose="batch")
        assert (await client.files.content(uploaded.id)).content == b'{"a": 1}\n'
    assert seen[:2] == ["POST /v1/chat/completions", "POST /v1/chat/completions"]
    assert server.requests[0].headers["authorization"] == "Bearer sk-test"
    assert own.is_closed


async def test_status_errors_and_retries_behave_as_with_httpx(server: LoopbackServer, sleeps: List[float]) -> None:
    async with AsyncOpenAI(
        api_key="sk-test", base_url=server.base_url, http_client=DefaultAsyncHttpx2Client(), max_retries=1
    ) as client:
        with pytest.raises(RateLimitError):
            await client.models.list(extra_headers={"x-loopback-scenario": "status=429"})
        assert len(sleeps) == 1


async def test_a_connection_failure_is_an_api_connection_error(server: LoopbackServer) -> None:
    url = server.base_url
    server.stop()
    async with AsyncOpenAI(api_key="sk-test", base_url=url, http_client=httpx2.AsyncClient(), max_retries=0) as client:
        with pytest.raises(APIConnectionError) as caught:
            await client.models.list()
    assert "ConnectError" in repr(caught.value.__cause__)


def test_the_default_client_has_the_package_defaults() -> None:
    client = DefaultAsyncHttpx2Client()
    assert isinstance(client, httpx2.AsyncClient)
    assert isinstance(client, DefaultAsyncHttpx2Client)
    assert client.timeout.read == 600 and client.timeout.connect == 5
    assert client.follow_redirects is True


def test_without_httpx2_the_error_names_the_package() -> None:
    code = (
        "import sys; sys.modules['httpx2'] = None\n"
        "from openai._http.httpx2_bridge import DefaultAsyncHttpx2Client\n"
        "try:\n"
        "    DefaultAsyncHttpx2Client()\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "httpx2 package, which is not installed" in out
    assert "pip install httpx2" in out

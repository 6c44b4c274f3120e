"""What libraries built on the official SDK do with it, reproduced without them (see docs/compatibility.md)."""

from __future__ import annotations

import json
from typing import Any, List

import httpx2
import pydantic

from openai import NOT_GIVEN, AsyncOpenAI, DefaultAsyncHttpxClient, omit
from openai.testing import LoopbackServer
from openai.types.chat import ChatCompletion

MESSAGES: List[Any] = [{"role": "user", "content": "hello there"}]


class City(pydantic.BaseModel):
    name: str
    population: int


async def test_a_default_client_takes_an_httpx2_transport(server: LoopbackServer) -> None:
    # langchain-openai, seeing openai>=3, builds its socket-option transport with httpx2 and hands it,
    # with an httpx2 timeout and limits, to a subclass of DefaultAsyncHttpxClient.
    transport = httpx2.AsyncHTTPTransport(limits=httpx2.Limits(max_connections=4))
    http_client = DefaultAsyncHttpxClient(
        base_url=server.base_url, timeout=httpx2.Timeout(30.0, connect=5.0), transport=transport
    )
    assert http_client.timeout.connect == 5.0 and http_client.timeout.read == 30.0
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, http_client=http_client) as client:
        completion = await client.chat.completions.create(model="m", messages=MESSAGES)
        assert completion.choices[0].message.content == "Echo: hello there"
        stream = await client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
        text = "".join([chunk.choices[0].delta.content or "" async for chunk in stream if chunk.choices])
        assert text == "Echo: hello there"
    # The requests went out through the caller's transport, wrapped for httpx.
    adopted = http_client._transport
    assert type(adopted).__name__.endswith("Httpx2Transport") and adopted.client._transport is transport
    assert len(server.requests) == 2


async def test_parse_treats_omitted_options_as_absent(client: AsyncOpenAI, server: LoopbackServer) -> None:
    # autogen-ext passes every option it knows to parse(), the unused ones as NOT_GIVEN.
    completion = await client.chat.completions.parse(
        model="m", messages=MESSAGES, response_format=City, tools=NOT_GIVEN, stream_options=omit
    )
    assert isinstance(completion, ChatCompletion)
    assert isinstance(completion.choices[0].message.parsed, City)
    sent = json.loads(server.requests[-1].body)
    assert "tools" not in sent and "stream_options" not in sent
    assert sent["response_format"]["type"] == "json_schema"


async def test_an_omitted_encoding_format_still_travels_as_base64(client: AsyncOpenAI, server: LoopbackServer) -> None:
    response = await client.embeddings.create(model="text-embedding-3-small", input=["one"], encoding_format=NOT_GIVEN)
    assert json.loads(server.requests[-1].body)["encoding_format"] == "base64"
    vector = response.data[0].embedding
    assert isinstance(vector, list) and vector and all(isinstance(x, float) for x in vector)


async def test_the_base_url_is_readable_under_its_private_name(client: AsyncOpenAI, server: LoopbackServer) -> None:
    # litellm logs `client._base_url._uri_reference`.
    assert client._base_url == client.base_url
    assert str(client._base_url).startswith(server.base_url)
    assert client._base_url._uri_reference.host == "127.0.0.1"

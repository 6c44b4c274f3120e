"""The test pair module: which transports each twin is tested on, and how its client is made.

Tests in ``tests/_async`` use the ``async_*`` names; the generated sync tests use the ``sync_*``
twins. The sync client has one transport (httpx); the async one is tested on httpx and aiohttp.
"""

from __future__ import annotations

from typing import Any

import httpx

from openai import AsyncOpenAI, DefaultAioHttpClient, DefaultAsyncHttpxClient, DefaultHttpxClient, OpenAI

# "default" is what users get without an http_client (this package's own HTTP/1.1 transport);
# "httpx" is a plain httpx client with httpx's transport; "aiohttp" is DefaultAioHttpClient.
async_transports = ["default", "httpx", "aiohttp"]
sync_transports = ["default", "httpx"]


def make_async_client(transport: str, base_url: str, **kwargs: Any) -> AsyncOpenAI:
    """An AsyncOpenAI on the named transport, pointed at ``base_url``."""
    http_client: httpx.AsyncClient
    if transport == "aiohttp":
        http_client = DefaultAioHttpClient()
    elif transport == "default":
        http_client = DefaultAsyncHttpxClient()
    else:
        http_client = httpx.AsyncClient()
    kwargs.setdefault("api_key", "sk-test-key")
    return AsyncOpenAI(base_url=base_url, http_client=http_client, **kwargs)


def make_sync_client(transport: str, base_url: str, **kwargs: Any) -> OpenAI:
    """An OpenAI client on the named transport, pointed at ``base_url``."""
    kwargs.setdefault("api_key", "sk-test-key")
    http_client = DefaultHttpxClient() if transport == "default" else httpx.Client()
    return OpenAI(base_url=base_url, http_client=http_client, **kwargs)


def make_async_http_client(transport: str) -> httpx.AsyncClient:
    """The HTTP client of the named transport, for clients built by hand (Bedrock, Azure)."""
    if transport == "aiohttp":
        return DefaultAioHttpClient()
    return DefaultAsyncHttpxClient() if transport == "default" else httpx.AsyncClient()


def make_sync_http_client(transport: str) -> httpx.Client:
    """The HTTP client of the named transport, for clients built by hand (Bedrock, Azure)."""
    return DefaultHttpxClient() if transport == "default" else httpx.Client()

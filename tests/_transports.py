"""The test pair module: which transports each twin is tested on, and how its client is made.

Tests in ``tests/_async`` use the ``async_*`` names; the generated sync tests use the ``sync_*``
twins. The sync client has one transport (httpx); the async one is tested on httpx and aiohttp.
"""

from __future__ import annotations

from typing import Any

import httpx

from openai import AsyncOpenAI, DefaultAioHttpClient, OpenAI

async_transports = ["httpx", "aiohttp"]
sync_transports = ["httpx"]


def make_async_client(transport: str, base_url: str, **kwargs: Any) -> AsyncOpenAI:
    """An AsyncOpenAI on the named transport, pointed at ``base_url``."""
    http_client = DefaultAioHttpClient() if transport == "aiohttp" else httpx.AsyncClient()
    kwargs.setdefault("api_key", "sk-test-key")
    return AsyncOpenAI(base_url=base_url, http_client=http_client, **kwargs)


def make_sync_client(transport: str, base_url: str, **kwargs: Any) -> OpenAI:
    """An OpenAI client pointed at ``base_url`` (httpx is its only transport)."""
    assert transport == "httpx"
    kwargs.setdefault("api_key", "sk-test-key")
    return OpenAI(base_url=base_url, http_client=httpx.Client(), **kwargs)

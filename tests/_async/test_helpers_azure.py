"""AsyncAzureOpenAI against respx mocks: URLs, the api-version query, and the credential headers."""

from __future__ import annotations

import json
from typing import List

import httpx
import pytest
import respx

from openai import OpenAIError
from openai._async._azure import AsyncAzureOpenAI

ENDPOINT = "https://example-resource.openai.azure.com"
MESSAGES = [{"role": "user", "content": "hi"}]
COMPLETION = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "created": 1,
    "model": "gpt-4o",
    "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "hello"}}],
}
FILES = {"object": "list", "data": [], "has_more": False}


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_AD_TOKEN", "OPENAI_API_VERSION"):
        monkeypatch.delenv(name, raising=False)


async def test_a_key_goes_in_api_key_and_the_model_picks_the_deployment() -> None:
    client = AsyncAzureOpenAI(
        azure_endpoint=ENDPOINT, api_version="2024-10-21", api_key="azure-key", http_client=httpx.AsyncClient()
    )
    async with client:
        with respx.mock(base_url=ENDPOINT) as mock:
            chat = mock.post("/openai/deployments/gpt-4o/chat/completions").respond(json=COMPLETION)
            files = mock.get("/openai/files").respond(json=FILES)
            completion = await client.chat.completions.create(model="gpt-4o", messages=MESSAGES)
            await client.files.list()
    assert completion.choices[0].message.content == "hello"
    sent = chat.calls.last.request
    assert sent.url.params["api-version"] == "2024-10-21"
    assert sent.headers["api-key"] == "azure-key"
    assert "authorization" not in sent.headers
    assert json.loads(sent.content)["model"] == "gpt-4o"
    assert files.calls.last.request.url.params["api-version"] == "2024-10-21"


async def test_a_fixed_deployment_is_in_the_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", ENDPOINT)
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "env-key")
    monkeypatch.setenv("OPENAI_API_VERSION", "2025-01-01")
    client = AsyncAzureOpenAI(azure_deployment="prod", http_client=httpx.AsyncClient())
    assert str(client.base_url) == ENDPOINT + "/openai/deployments/prod/"
    async with client:
        with respx.mock(base_url=ENDPOINT) as mock:
            route = mock.post("/openai/deployments/prod/chat/completions").respond(json=COMPLETION)
            await client.chat.completions.create(model="whatever", messages=MESSAGES)
    assert route.calls.last.request.headers["api-key"] == "env-key"
    assert route.calls.last.request.url.params["api-version"] == "2025-01-01"


async def test_a_token_provider_is_asked_before_every_request() -> None:
    tokens: List[str] = []

    async def provider() -> str:
        tokens.append(f"token-{len(tokens)}")
        return tokens[-1]

    client = AsyncAzureOpenAI(
        azure_endpoint=ENDPOINT, api_version="v1", azure_ad_token_provider=provider, http_client=httpx.AsyncClient()
    )
    async with client:
        with respx.mock(base_url=ENDPOINT) as mock:
            route = mock.get("/openai/files").respond(json=FILES)
            await client.files.list()
            await client.files.list()
    assert [call.request.headers["authorization"] for call in route.calls] == ["Bearer token-0", "Bearer token-1"]
    assert all("api-key" not in call.request.headers for call in route.calls)


async def test_a_static_token_wins_over_a_key() -> None:
    client = AsyncAzureOpenAI(
        azure_endpoint=ENDPOINT, api_version="v1", api_key="k", azure_ad_token="t", http_client=httpx.AsyncClient()
    )
    async with client:
        with respx.mock(base_url=ENDPOINT) as mock:
            route = mock.get("/openai/files").respond(json=FILES)
            await client.files.list()
    sent = route.calls.last.request
    assert sent.headers["authorization"] == "Bearer t"
    assert "api-key" not in sent.headers


async def test_with_options_keeps_the_azure_settings() -> None:
    client = AsyncAzureOpenAI(
        azure_endpoint=ENDPOINT, api_version="v1", azure_ad_token="t", http_client=httpx.AsyncClient()
    )
    async with client:
        copy = client.with_options(timeout=5.0, api_version="v2")
        assert isinstance(copy, AsyncAzureOpenAI)
        with respx.mock(base_url=ENDPOINT) as mock:
            route = mock.post("/openai/deployments/gpt-4o/chat/completions").respond(json=COMPLETION)
            await copy.chat.completions.create(model="gpt-4o", messages=MESSAGES)
    sent = route.calls.last.request
    assert sent.url.params.get_list("api-version") == ["v2"]
    assert sent.headers["authorization"] == "Bearer t"


async def test_missing_credentials_fail_at_construction() -> None:
    with pytest.raises(OpenAIError, match="Missing credentials"):
        AsyncAzureOpenAI(azure_endpoint=ENDPOINT, api_version="v1")

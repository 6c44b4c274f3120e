"""A client made with ``workload_identity=``: its bearer token comes from the loopback server's token endpoint."""

from __future__ import annotations

import json
from typing import Iterator

import pytest

from openai._async._client import AsyncOpenAI
from openai._errors import AuthenticationError, OAuthError, OpenAIError
from openai.auth import WorkloadIdentity, x509_workload_identity
from openai.testing import LoopbackServer
from tests._transports import make_async_http_client


@pytest.fixture(autouse=True)
def token_endpoint(server: LoopbackServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "openai.auth._workload.DEFAULT_TOKEN_EXCHANGE_URL", f"http://{server.host}:{server.port}/oauth/token"
    )
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)


def identity(subjects: Iterator[str]) -> WorkloadIdentity:
    return {
        "identity_provider_id": "idp-1",
        "service_account_id": "sa-1",
        "provider": {"token_type": "jwt", "get_token": lambda: next(subjects)},
    }


async def test_requests_carry_the_exchanged_token(server: LoopbackServer, transport: str) -> None:
    client = AsyncOpenAI(
        workload_identity=identity(iter(["subject-1"])),
        base_url=server.base_url,
        http_client=make_async_http_client(transport),
    )
    async with client:
        await client.models.list()
        await client.with_options(max_retries=0).models.list()
    assert client.api_key == "workload-identity-auth"
    token_requests = [received for received in server.requests if received.path == "/oauth/token"]
    api_requests = [received for received in server.requests if received.path == "/v1/models"]
    assert len(token_requests) == 1  # the copy shares the token
    assert json.loads(token_requests[0].body)["subject_token"] == "subject-1"
    assert "authorization" not in token_requests[0].headers
    assert [received.headers["authorization"] for received in api_requests] == ["Bearer wif.sa-1.subject-1"] * 2


async def test_a_refused_exchange_fails_the_call_with_oauth_error(server: LoopbackServer, transport: str) -> None:
    client = AsyncOpenAI(
        workload_identity=identity(iter(["rejected"])),
        base_url=server.base_url,
        http_client=make_async_http_client(transport),
    )
    async with client:
        with pytest.raises(OAuthError, match="The subject token was rejected"):
            await client.models.list()
    assert [received.path for received in server.requests] == ["/oauth/token"]


async def test_workload_identity_excludes_an_api_key_and_x509_is_refused_clearly(server: LoopbackServer) -> None:
    with pytest.raises(OpenAIError, match="`api_key` and `workload_identity` arguments are mutually exclusive"):
        AsyncOpenAI(api_key="sk-test", workload_identity=identity(iter(["s"])))
    with pytest.raises(OpenAIError, match=r"X\.509 workload identity"):
        AsyncOpenAI(workload_identity=x509_workload_identity(identity_provider_id="i", service_account_id="s"))
    assert server.requests == []


async def test_a_refused_token_is_exchanged_again_once(transport: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # This server accepts only the second token the exchange hands out, as if the first had been revoked.
    with LoopbackServer(api_key="wif.sa-1.second") as strict:
        monkeypatch.setattr(
            "openai.auth._workload.DEFAULT_TOKEN_EXCHANGE_URL", f"http://{strict.host}:{strict.port}/oauth/token"
        )
        client = AsyncOpenAI(
            workload_identity=identity(iter(["first", "second", "third"])),
            base_url=strict.base_url,
            max_retries=0,
            http_client=make_async_http_client(transport),
        )
        async with client:
            await client.models.list()
        requests = [(received.path, received.headers.get("authorization")) for received in strict.requests]
    assert requests == [
        ("/oauth/token", None),
        ("/v1/models", "Bearer wif.sa-1.first"),
        ("/oauth/token", None),
        ("/v1/models", "Bearer wif.sa-1.second"),
    ]


async def test_a_token_refused_twice_is_an_authentication_error(
    transport: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with LoopbackServer(api_key="never-issued") as strict:
        monkeypatch.setattr(
            "openai.auth._workload.DEFAULT_TOKEN_EXCHANGE_URL", f"http://{strict.host}:{strict.port}/oauth/token"
        )
        client = AsyncOpenAI(
            workload_identity=identity(iter(["first", "second", "third"])),
            base_url=strict.base_url,
            http_client=make_async_http_client(transport),
        )
        async with client:
            with pytest.raises(AuthenticationError):
                await client.models.list()
        assert [received.path for received in strict.requests].count("/oauth/token") == 2

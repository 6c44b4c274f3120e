"""openai.auth against the loopback server's token endpoint: the exchange, the token cache, and the subject-token providers."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Iterator, List

import httpx
import pytest

from openai._errors import AuthenticationError, OAuthError, OpenAIError, SubjectTokenProviderError
from openai.auth import (
    WorkloadIdentity,
    WorkloadIdentityAuth,
    azure_managed_identity_token_provider,
    gcp_id_token_provider,
    k8s_service_account_token_provider,
    x509_workload_identity,
)
from openai.testing import LoopbackServer


@pytest.fixture
def token_url(server: LoopbackServer) -> str:
    return f"http://{server.host}:{server.port}/oauth/token"


class Clock:
    """time.monotonic for the module under test: moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fixed = Clock()
    monkeypatch.setattr("openai.auth._workload.time.monotonic", fixed)
    return fixed


def identity(subjects: Iterator[str], **extra: float) -> WorkloadIdentity:
    result: WorkloadIdentity = {
        "identity_provider_id": "idp-1",
        "service_account_id": "sa-1",
        "provider": {"token_type": "jwt", "get_token": lambda: next(subjects)},
    }
    result.update(extra)  # type: ignore[typeddict-item]
    return result


def exchanges(server: LoopbackServer) -> List[dict]:
    return [json.loads(received.body) for received in server.requests if received.path == "/oauth/token"]


def test_the_exchange_sends_the_subject_token_and_the_identity(server: LoopbackServer, token_url: str) -> None:
    auth = WorkloadIdentityAuth(workload_identity=identity(iter(["subject-1"])), token_exchange_url=token_url)
    assert auth.get_token() == "wif.sa-1.subject-1"
    assert exchanges(server) == [
        {
            "grant_type": "urn:ietf:params:oauth:grant-type:token-exchange",
            "subject_token": "subject-1",
            "subject_token_type": "urn:ietf:params:oauth:token-type:jwt",
            "identity_provider_id": "idp-1",
            "service_account_id": "sa-1",
        }
    ]
    gcp_style: WorkloadIdentity = {
        "identity_provider_id": "idp-2",
        "service_account_id": "sa-2",
        "provider": {"token_type": "id", "get_token": lambda: "id-token"},
    }
    WorkloadIdentityAuth(workload_identity=gcp_style, token_exchange_url=token_url).get_token()
    assert exchanges(server)[-1]["subject_token_type"] == "urn:ietf:params:oauth:token-type:id_token"


def test_the_token_is_cached_until_the_refresh_buffer_before_expiry(
    server: LoopbackServer, token_url: str, clock: Clock
) -> None:
    subjects = iter(["s1", "s2", "s3"])
    auth = WorkloadIdentityAuth(workload_identity=identity(subjects), token_exchange_url=token_url)
    assert auth.get_token() == auth.get_token() == "wif.sa-1.s1"
    # The endpoint's tokens live 3600 s; the default buffer (1200 s) asks for a new one at 2400 s.
    clock.now += 2399
    assert auth.get_token() == "wif.sa-1.s1"
    clock.now += 1
    assert auth.get_token() == "wif.sa-1.s2"
    assert len(exchanges(server)) == 2
    auth.invalidate_token("not-the-cached-token")
    assert auth.get_token() == "wif.sa-1.s2"
    auth.invalidate_token("wif.sa-1.s2")
    assert auth.get_token() == "wif.sa-1.s3"


def test_a_large_refresh_buffer_is_capped_at_half_the_lifetime(
    token_url: str, server: LoopbackServer, clock: Clock
) -> None:
    auth = WorkloadIdentityAuth(
        workload_identity=identity(iter(["s1", "s2"]), refresh_buffer_seconds=5000), token_exchange_url=token_url
    )
    auth.get_token()
    clock.now += 1799
    assert auth.get_token() == "wif.sa-1.s1"
    clock.now += 1
    assert auth.get_token() == "wif.sa-1.s2"


def test_concurrent_callers_share_one_exchange(server: LoopbackServer, token_url: str) -> None:
    auth = WorkloadIdentityAuth(workload_identity=identity(iter(["only"])), token_exchange_url=token_url)
    tokens: List[str] = []
    start = threading.Barrier(4)

    def call() -> None:
        start.wait()
        tokens.append(auth.get_token())

    threads = [threading.Thread(target=call) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert tokens == ["wif.sa-1.only"] * 4
    assert len(exchanges(server)) == 1


def test_a_refused_exchange_raises_oauth_error_with_the_endpoints_code(token_url: str, server: LoopbackServer) -> None:
    auth = WorkloadIdentityAuth(workload_identity=identity(iter(["rejected"])), token_exchange_url=token_url)
    with pytest.raises(OAuthError) as caught:
        auth.get_token()
    assert isinstance(caught.value, AuthenticationError)
    assert (caught.value.status_code, caught.value.error, str(caught.value)) == (
        401,
        "invalid_grant",
        "The subject token was rejected.",
    )
    response = httpx.Response(400, json={"error": "invalid_request"}, request=httpx.Request("POST", token_url))
    assert str(OAuthError(response=response, body=response.json())) == "OAuth authentication error."


def test_an_empty_subject_token_or_unknown_type_is_refused() -> None:
    with pytest.raises(OpenAIError, match="empty subject token"):
        WorkloadIdentityAuth(
            workload_identity=identity(iter([""])), token_exchange_url="http://127.0.0.1:9"
        ).get_token()
    bad: WorkloadIdentity = {
        "identity_provider_id": "i",
        "service_account_id": "s",
        "provider": {"token_type": "saml", "get_token": lambda: "t"},  # type: ignore[typeddict-item]
    }
    with pytest.raises(OpenAIError, match="Unsupported token type: 'saml'"):
        WorkloadIdentityAuth(workload_identity=bad)


def test_the_kubernetes_provider_reads_the_mounted_token_each_time(tmp_path: Path) -> None:
    path = tmp_path / "token"
    path.write_text("first\n")
    provider = k8s_service_account_token_provider(path)
    assert provider["token_type"] == "jwt"
    assert provider["get_token"]() == "first"
    path.write_text("second")
    assert provider["get_token"]() == "second"
    path.write_text("  ")
    with pytest.raises(SubjectTokenProviderError, match="is empty"):
        provider["get_token"]()
    with pytest.raises(SubjectTokenProviderError, match="Failed to read the token file"):
        k8s_service_account_token_provider(tmp_path / "missing")["get_token"]()


def test_the_azure_and_gcp_providers_ask_their_metadata_services() -> None:
    seen: List[httpx.Request] = []

    def metadata(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.host == "169.254.169.254":
            return httpx.Response(200, json={"access_token": "azure-token"})
        return httpx.Response(200, text="gcp-token\n")

    with httpx.Client(transport=httpx.MockTransport(metadata)) as client:
        azure = azure_managed_identity_token_provider(client_id="cid", http_client=client)
        gcp = gcp_id_token_provider("https://example.test/aud", http_client=client)
        assert (azure["get_token"](), gcp["get_token"]()) == ("azure-token", "gcp-token")
    assert (azure["token_type"], gcp["token_type"]) == ("jwt", "id")
    azure_request, gcp_request = seen
    assert azure_request.url.path == "/metadata/identity/oauth2/token"
    assert dict(azure_request.url.params) == {
        "api-version": "2018-02-01",
        "resource": "https://management.azure.com/",
        "client_id": "cid",
    }
    assert azure_request.headers["Metadata"] == "true"
    assert gcp_request.url.host == "metadata.google.internal"
    assert gcp_request.url.params["audience"] == "https://example.test/aud"
    assert gcp_request.headers["Metadata-Flavor"] == "Google"

    with httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(503))) as client:
        with pytest.raises(SubjectTokenProviderError, match="HTTP 503") as caught:
            azure_managed_identity_token_provider(http_client=client)["get_token"]()
        assert caught.value.response is not None and caught.value.response.status_code == 503


def test_x509_workload_identity_describes_the_identity_only() -> None:
    assert x509_workload_identity(identity_provider_id="i", service_account_id="s", refresh_buffer_seconds=60) == {
        "type": "x509",
        "identity_provider_id": "i",
        "service_account_id": "s",
        "refresh_buffer_seconds": 60,
    }

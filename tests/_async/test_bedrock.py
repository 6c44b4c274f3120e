"""AsyncBedrockOpenAI against the loopback server: SigV4 signatures, the AWS credential chain, bearer tokens.

Every signature the server receives is checked the way Bedrock checks it: recomputed with botocore's
own signer, over the headers the request names as signed, with the same credentials and the same
fixed clock.
"""

from __future__ import annotations

import datetime
import hashlib
import io
from typing import Dict, List, Optional

import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from openai import OpenAIError
from openai._async._client import AsyncOpenAI
from openai.lib.bedrock import AsyncBedrockOpenAI
from openai.providers.bedrock import bedrock
from openai.testing import LoopbackServer
from openai.testing._http import ReceivedRequest
from tests._transports import make_async_http_client

NOW = datetime.datetime(2026, 1, 2, 3, 4, 5)
AMZ_DATE = "20260102T030405Z"
KEY, SECRET, TOKEN = "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token-1"
MESSAGES = [{"role": "user", "content": "hi"}]


@pytest.fixture(autouse=True)
def aws_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    """No AWS setting of the machine leaks in, no credential lookup leaves it, and the clock is fixed."""
    import os

    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_CONFIG_FILE", os.path.join(str(tmp_path), "no-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.path.join(str(tmp_path), "no-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setattr("botocore.auth.get_current_datetime", lambda: NOW)


def signed_header_names(authorization: str) -> List[str]:
    fields = dict(part.strip().split("=", 1) for part in authorization[len("AWS4-HMAC-SHA256 ") :].split(","))
    return fields["SignedHeaders"].split(";")


def expected_authorization(
    received: ReceivedRequest, server: LoopbackServer, *, key: str, secret: str, token: Optional[str], region: str
) -> str:
    """What botocore's signer makes of the request as received, over the headers it says it signed."""
    names = signed_header_names(received.headers["authorization"])
    headers: Dict[str, str] = {name: received.headers[name] for name in names if name != "x-amz-date"}
    request = AWSRequest(
        method=received.method,
        url=f"http://{server.host}:{server.port}{received.target}",
        data=received.body,
        headers=headers,
    )
    SigV4Auth(Credentials(key, secret, token), "bedrock-mantle", region).add_auth(request)
    return str(request.headers["Authorization"])


def assert_signed(
    received: ReceivedRequest,
    server: LoopbackServer,
    *,
    key: str = KEY,
    secret: str = SECRET,
    token: Optional[str] = TOKEN,
    region: str = "us-east-1",
) -> None:
    authorization = received.headers["authorization"]
    assert authorization.startswith(
        f"AWS4-HMAC-SHA256 Credential={key}/20260102/{region}/bedrock-mantle/aws4_request, "
    )
    assert received.headers["x-amz-date"] == AMZ_DATE
    assert received.headers["x-amz-content-sha256"] == hashlib.sha256(received.body).hexdigest()
    names = signed_header_names(authorization)
    # What an attacker could change must be covered: where it goes, when, with what body and whose token.
    assert {"host", "x-amz-date", "x-amz-content-sha256"} <= set(names)
    if token is not None:
        assert received.headers["x-amz-security-token"] == token
        assert "x-amz-security-token" in names
    else:
        assert "x-amz-security-token" not in received.headers
    if received.body:
        assert {"content-type", "content-length"} <= set(names)
    assert authorization == expected_authorization(received, server, key=key, secret=secret, token=token, region=region)


def signing_client(server: LoopbackServer, transport: str, **kwargs: object) -> AsyncBedrockOpenAI:
    options: Dict[str, object] = {
        "aws_region": "us-east-1",
        "aws_access_key_id": KEY,
        "aws_secret_access_key": SECRET,
        "aws_session_token": TOKEN,
        **kwargs,
    }
    return AsyncBedrockOpenAI(
        base_url=server.base_url,
        http_client=make_async_http_client(transport),
        **options,  # type: ignore[arg-type]
    )


async def test_static_credentials_sign_every_request_with_sigv4(server: LoopbackServer, transport: str) -> None:
    async with signing_client(server, transport) as client:
        completion = await client.chat.completions.create(model="gpt-4o", messages=MESSAGES)  # type: ignore[arg-type]
        await client.models.list(extra_query={"b": "2", "a": "1 x"})
    assert completion.choices[0].message.content == "Echo: hi"
    assert client.api_key == ""
    assert client.aws_region == "us-east-1"
    post, get = server.requests
    assert (post.method, post.path, get.method, get.path) == ("POST", "/v1/chat/completions", "GET", "/v1/models")
    assert get.query_string
    for received in (post, get):
        assert received.headers["user-agent"].startswith("AsyncBedrockOpenAI/Python ")
        assert_signed(received, server)


async def test_a_file_upload_is_signed_over_its_multipart_body(server: LoopbackServer, transport: str) -> None:
    async with signing_client(server, transport) as client:
        uploaded = await client.files.create(file=("notes.jsonl", io.BytesIO(b'{"a": 1}\n')), purpose="batch")
    assert uploaded.filename == "notes.jsonl"
    (received,) = server.requests
    assert received.headers["content-type"].startswith("multipart/form-data")
    assert b'{"a": 1}' in received.body
    assert_signed(received, server)


async def test_credentials_come_from_the_aws_environment_through_botocores_chain(
    server: LoopbackServer, transport: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDFROMENV")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret-from-env")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "token-from-env")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-3")
    client = AsyncBedrockOpenAI(base_url=server.base_url, http_client=make_async_http_client(transport))
    async with client:
        await client.models.list()
        await client.models.list()
    assert client.aws_region == "eu-west-3"
    for received in server.requests:
        assert_signed(
            received, server, key="AKIDFROMENV", secret="secret-from-env", token="token-from-env", region="eu-west-3"
        )


async def test_a_credentials_provider_is_asked_before_every_signature(server: LoopbackServer, transport: str) -> None:
    handed_out: List[str] = []

    def credentials() -> Credentials:
        handed_out.append(f"AKID{len(handed_out)}")
        return Credentials(handed_out[-1], SECRET)

    client = AsyncBedrockOpenAI(
        base_url=server.base_url,
        aws_region="us-west-2",
        aws_credentials_provider=credentials,
        http_client=make_async_http_client(transport),
    )
    async with client:
        await client.models.list()
        await client.models.list()
    assert handed_out == ["AKID0", "AKID1"]
    for received, key in zip(server.requests, handed_out):
        assert_signed(received, server, key=key, token=None, region="us-west-2")


async def test_a_retried_request_is_signed_again(server: LoopbackServer, transport: str, sleeps: List[float]) -> None:
    async with signing_client(server, transport) as client:
        await client.models.list(extra_headers={"x-loopback-scenario": "status=500;times=1"})
    first, second = server.requests
    assert (first.headers["x-stainless-retry-count"], second.headers["x-stainless-retry-count"]) == ("0", "1")
    assert first.headers["authorization"] != second.headers["authorization"]
    assert len(sleeps) == 1
    for received in (first, second):
        assert_signed(received, server)


async def test_a_bedrock_api_key_is_sent_as_a_bearer_token(
    server: LoopbackServer, transport: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with AsyncBedrockOpenAI(
        base_url=server.base_url, api_key="bedrock-key", http_client=make_async_http_client(transport)
    ) as client:
        await client.models.list()
    monkeypatch.setenv("AWS_BEARER_TOKEN_BEDROCK", "key-from-env")
    async with AsyncBedrockOpenAI(base_url=server.base_url, http_client=make_async_http_client(transport)) as client:
        await client.models.list()
    assert client.api_key == "key-from-env"
    explicit, from_env = server.requests
    assert explicit.headers["authorization"] == "Bearer bedrock-key"
    assert from_env.headers["authorization"] == "Bearer key-from-env"
    for received in server.requests:
        assert not [name for name in received.headers if name.startswith("x-amz-")]


async def test_a_token_provider_is_called_before_every_request(server: LoopbackServer, transport: str) -> None:
    tokens = iter(["token-1", "token-2"])

    async def next_token() -> str:
        return next(tokens)

    client = AsyncBedrockOpenAI(
        base_url=server.base_url, bedrock_token_provider=next_token, http_client=make_async_http_client(transport)
    )
    async with client:
        await client.models.list()
        await client.models.list()
    assert [received.headers["authorization"] for received in server.requests] == ["Bearer token-1", "Bearer token-2"]


async def test_the_bedrock_provider_signs_for_a_standard_client(server: LoopbackServer, transport: str) -> None:
    provider = bedrock(
        region="us-east-1", base_url=server.base_url, access_key_id=KEY, secret_access_key=SECRET, session_token=TOKEN
    )
    async with AsyncOpenAI(provider=provider, http_client=make_async_http_client(transport)) as client:
        await client.chat.completions.create(model="gpt-4o", messages=MESSAGES)  # type: ignore[arg-type]
        copied = client.with_options(timeout=30.0)
        await copied.models.list()
    assert str(client.base_url) == server.base_url + "/"
    for received in server.requests:
        assert_signed(received, server)
    with pytest.raises(OpenAIError, match="`provider` cannot be combined with top-level `api_key`"):
        AsyncOpenAI(provider=provider, api_key="sk-test")


async def test_with_options_keeps_signing_or_switches_to_a_bearer_token(server: LoopbackServer, transport: str) -> None:
    async with signing_client(server, transport) as client:
        await client.with_options(max_retries=0).models.list()
        await client.with_options(api_key="bedrock-key").models.list()
    signed, bearer = server.requests
    assert_signed(signed, server)
    assert bearer.headers["authorization"] == "Bearer bedrock-key"
    assert "x-amz-date" not in bearer.headers


async def test_a_custom_authorization_header_is_refused_rather_than_signed_over(
    server: LoopbackServer, transport: str
) -> None:
    async with signing_client(server, transport) as client:
        with pytest.raises(OpenAIError, match="custom Authorization header"):
            await client.models.list(extra_headers={"Authorization": "Bearer other"})
    assert server.requests == []

"""Bedrock routing without I/O (endpoint, region, auth mode), the missing-botocore error, and data residency.

The expected URLs and regions are what the official SDK 3.3.1 builds from the same arguments.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Dict, Optional

import pytest

from openai import AsyncOpenAI, OpenAI, OpenAIError
from openai._bedrock import BedrockSettings, parse_endpoint_host, resolve_bedrock
from openai.lib.bedrock import AsyncBedrockOpenAI, BedrockOpenAI
from openai.providers import bedrock

ROOT = Path(__file__).resolve().parent.parent
STATIC = {"aws_access_key_id": "AK", "aws_secret_access_key": "SK"}


@pytest.fixture(autouse=True)
def no_aws_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in list(os.environ):
        if name.startswith(("AWS_", "OPENAI_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))


def resolve(environ: Optional[Dict[str, str]] = None, **kwargs: object) -> BedrockSettings:
    arguments: Dict[str, object] = {
        "api_key": None,
        "token_provider": None,
        "aws_region": None,
        "aws_profile": None,
        "aws_access_key_id": None,
        "aws_secret_access_key": None,
        "aws_session_token": None,
        "aws_credentials_provider": None,
        "base_url": None,
        **kwargs,
    }
    return resolve_bedrock(environ=environ or {}, **arguments)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "base_url", "region"),
    [
        ({"aws_region": "us-east-1", **STATIC}, "https://bedrock-mantle.us-east-1.api.aws/openai/v1", "us-east-1"),
        (
            {"aws_region": "us-west-2", "api_key": "tok"},
            "https://bedrock-mantle.us-west-2.api.aws/openai/v1",
            "us-west-2",
        ),
        (
            {"aws_region": "cn-north-1", "api_key": "tok"},
            "https://bedrock-mantle.cn-north-1.api.aws/openai/v1",
            "cn-north-1",
        ),
        (
            {"base_url": "https://bedrock-runtime.eu-west-1.amazonaws.com/openai/v1", "api_key": "tok"},
            "https://bedrock-runtime.eu-west-1.amazonaws.com/openai/v1",
            "eu-west-1",
        ),
        (
            {"base_url": "https://bedrock-mantle.ap-south-1.api.aws/openai/v1/responses", "api_key": "tok"},
            "https://bedrock-mantle.ap-south-1.api.aws/openai/v1",
            "ap-south-1",
        ),
        ({"base_url": "http://127.0.0.1:9/v1", "api_key": "tok"}, "http://127.0.0.1:9/v1", None),
        (
            {"base_url": "http://127.0.0.1:9/v1/", "aws_region": "us-east-1", **STATIC},
            "http://127.0.0.1:9/v1",
            "us-east-1",
        ),
    ],
)
def test_the_endpoint_and_region_are_those_the_official_sdk_picks(
    kwargs: Dict[str, object], base_url: str, region: Optional[str]
) -> None:
    settings = resolve(**kwargs)
    assert (settings.base_url, settings.region) == (base_url, region)


def test_the_environment_supplies_region_url_and_bearer_token() -> None:
    environ = {"AWS_REGION": "eu-central-1", "AWS_BEARER_TOKEN_BEDROCK": "env-token"}
    settings = resolve(environ)
    assert (settings.base_url, settings.region, settings.api_key, settings.aws) == (
        "https://bedrock-mantle.eu-central-1.api.aws/openai/v1",
        "eu-central-1",
        "env-token",
        None,
    )
    assert resolve({"AWS_DEFAULT_REGION": "us-east-2"}, api_key="tok").region == "us-east-2"
    settings = resolve({"AWS_BEDROCK_BASE_URL": "http://127.0.0.1:9/v1", "AWS_REGION": "us-east-1"})
    assert (settings.base_url, settings.service, settings.aws is not None) == (
        "http://127.0.0.1:9/v1",
        "bedrock-mantle",
        True,
    )
    # The environment's region gives way to a Bedrock hostname's for a bearer token, not for a signature.
    runtime = "https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1"
    assert resolve({"AWS_REGION": "us-west-2"}, base_url=runtime, api_key="t").region == "us-east-1"
    with pytest.raises(OpenAIError, match="does not match the configured AWS region 'us-west-2'"):
        resolve({"AWS_REGION": "us-west-2"}, base_url=runtime, **STATIC)
    # Explicit AWS credentials win over the environment's bearer token.
    assert resolve({"AWS_REGION": "us-east-1", "AWS_BEARER_TOKEN_BEDROCK": "t"}, **STATIC).api_key is None


def test_the_runtime_endpoint_signs_for_the_bedrock_service() -> None:
    settings = resolve(base_url="https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1", **STATIC)
    assert (settings.endpoint, settings.service, settings.region) == ("runtime", "bedrock", "us-east-1")
    assert resolve(endpoint="runtime", aws_region="cn-north-1", api_key="t").base_url == (
        "https://bedrock-runtime.cn-north-1.amazonaws.com.cn/openai/v1"
    )
    assert parse_endpoint_host("bedrock-runtime-fips.us-gov-west-1.amazonaws.com") == ("runtime", "us-gov-west-1")
    assert parse_endpoint_host("bedrock-mantle.us-east-1.amazonaws.com") is None
    assert parse_endpoint_host("api.openai.com") is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"api_key": "tok"}, "requires an AWS region"),
        ({"aws_region": "moon", "api_key": "tok"}, "region 'moon' is invalid"),
        ({"aws_region": "us-east-1", "aws_access_key_id": "AK"}, "need both `aws_access_key_id`"),
        ({"aws_region": "us-east-1", "api_key": "tok", **STATIC}, "ambiguous"),
        ({"aws_region": "us-east-1", "aws_profile": "dev", **STATIC}, "ambiguous"),
        ({"aws_region": "us-east-1", "api_key": ""}, "must not be empty"),
        ({"aws_region": "us-east-1", "api_key": lambda: "tok"}, "bedrock_token_provider"),
        (
            {"aws_region": "us-west-2", "base_url": "https://bedrock-mantle.us-east-1.api.aws/openai/v1", **STATIC},
            "does not match the configured AWS region 'us-west-2'",
        ),
        ({"base_url": "http://bedrock-mantle.us-east-1.api.aws/openai/v1", "api_key": "t"}, "HTTPS"),
        (
            {"endpoint": "runtime", "base_url": "https://bedrock-mantle.us-east-1.api.aws/openai/v1", "api_key": "t"},
            "mantle hostname does not match",
        ),
    ],
)
def test_bad_arguments_get_an_error_naming_the_problem(kwargs: Dict[str, object], message: str) -> None:
    with pytest.raises(OpenAIError, match=message):
        resolve(**kwargs)


def test_both_clients_expose_the_region_and_refuse_data_residency() -> None:
    for client_cls in (BedrockOpenAI, AsyncBedrockOpenAI):
        client = client_cls(aws_region="us-west-2", api_key="tok")
        assert str(client.base_url) == "https://bedrock-mantle.us-west-2.api.aws/openai/v1/"
        assert (client.aws_region, client.api_key) == ("us-west-2", "tok")
        assert client.with_options(aws_region="eu-west-1").aws_region == "eu-west-1"
        with pytest.raises(OpenAIError, match="only supported by OpenAI clients"):
            client.with_options(data_residency="eu")
        with pytest.raises(OpenAIError, match="only supports Bedrock bearer token or AWS credential"):
            client.with_options(admin_api_key="sk-admin")


def test_the_provider_function_keeps_its_own_rules_for_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_BEARER_TOKEN_BEDROCK", "env-token")
    assert bedrock(region="us-east-1").api_key == "env-token"
    # `api_key=None` says: do not read AWS_BEARER_TOKEN_BEDROCK (sign with AWS credentials instead).
    assert bedrock(region="us-east-1", api_key=None).settings.aws is not None
    client = OpenAI(provider=bedrock(region="us-east-1", api_key="tok"))
    assert (str(client.base_url), client.api_key) == ("https://bedrock-mantle.us-east-1.api.aws/openai/v1/", "tok")


def run_without_botocore(code: str) -> subprocess.CompletedProcess[str]:
    prelude = "import sys\nsys.modules['botocore'] = None  # as if the bedrock extra were not installed\n"
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=str(ROOT),
        env={**os.environ, "AWS_REGION": "us-east-1"},
    )


def test_signing_without_botocore_fails_with_an_error_naming_the_bedrock_extra() -> None:
    result = run_without_botocore(
        """
        from openai import OpenAIError
        from openai.lib.bedrock import BedrockOpenAI
        from openai.testing import LoopbackServer

        with LoopbackServer() as server:
            # A bearer token needs no AWS dependency.
            with BedrockOpenAI(base_url=server.base_url, api_key="tok") as client:
                client.models.list()
            with BedrockOpenAI(base_url=server.base_url, aws_access_key_id="AK", aws_secret_access_key="SK") as client:
                try:
                    client.models.list()
                except OpenAIError as error:
                    print("ERROR:", error)
            print("REQUESTS:", len(server.requests))
        """
    )
    assert result.returncode == 0, result.stderr
    assert "pip install 'openai[bedrock]'" in result.stdout
    assert "the `bedrock` extra" in result.stdout
    assert "REQUESTS: 1" in result.stdout  # the unsigned request was never sent


def test_importing_openai_and_its_bedrock_modules_loads_no_botocore() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, openai, openai.lib.bedrock, openai.providers.bedrock, openai.auth\n"
            "openai.OpenAI(api_key='k')\n"
            "print(sorted(name for name in sys.modules if name.startswith(('botocore', 'boto3'))))",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=str(ROOT),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("client_cls", [OpenAI, AsyncOpenAI])
def test_data_residency_names_the_regional_endpoint(client_cls: type, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    client = client_cls(api_key="sk-test", data_residency="eu")
    assert str(client.base_url) == "https://eu.api.openai.com/v1/"
    assert str(client.with_options(data_residency="us").base_url) == "https://us.api.openai.com/v1/"
    assert str(client.with_options(timeout=3.0).base_url) == "https://eu.api.openai.com/v1/"
    assert str(client_cls(api_key="sk-test").with_options(data_residency="ae").base_url) == (
        "https://ae.api.openai.com/v1/"
    )
    with pytest.raises(ValueError, match="`data_residency` and `base_url` arguments are mutually exclusive"):
        client_cls(api_key="sk-test", data_residency="eu", base_url="http://127.0.0.1:9/v1")
    with pytest.raises(ValueError, match="`data_residency` and `websocket_base_url`"):
        client_cls(api_key="sk-test", data_residency="eu", websocket_base_url="wss://127.0.0.1:9/v1")
    with pytest.raises(ValueError, match="Invalid `data_residency` 'mars'"):
        client_cls(api_key="sk-test", data_residency="mars")
    with pytest.raises(OpenAIError, match="`data_residency` and `provider`"):
        client_cls(data_residency="eu", provider=bedrock(region="us-east-1", api_key="t"))

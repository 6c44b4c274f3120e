"""Azure OpenAI without I/O: arguments and environment into a base URL, the deployment routing, credentials."""

from __future__ import annotations

from typing import Any, Dict

import pytest

from openai import OpenAIError
from openai._helpers.azure import DEPLOYMENT_PATHS, credential_headers, deployment_path, resolve_azure

ENDPOINT = "https://example-resource.openai.azure.com"


def resolve(environ: Dict[str, str], **kwargs: Any) -> Any:
    arguments: Dict[str, Any] = {
        "api_version": None,
        "azure_endpoint": None,
        "azure_deployment": None,
        "base_url": None,
        "api_key": None,
        "azure_ad_token": None,
        "has_token_provider": False,
    }
    arguments.update(kwargs)
    return resolve_azure(environ=environ, **arguments)


def test_endpoint_and_version_make_the_base_url() -> None:
    settings = resolve({}, azure_endpoint=ENDPOINT + "/", api_version="2024-10-21", api_key="k")
    assert settings.base_url == ENDPOINT + "/openai"
    assert settings.api_version == "2024-10-21"
    assert settings.deployment is None


def test_a_deployment_is_part_of_the_base_url() -> None:
    settings = resolve({}, azure_endpoint=ENDPOINT, azure_deployment="gpt4o-prod", api_version="v", api_key="k")
    assert settings.base_url == ENDPOINT + "/openai/deployments/gpt4o-prod"
    assert settings.deployment == "gpt4o-prod"


def test_everything_can_come_from_the_environment() -> None:
    environ = {
        "AZURE_OPENAI_ENDPOINT": ENDPOINT,
        "AZURE_OPENAI_API_KEY": "env-key",
        "OPENAI_API_VERSION": "2025-01-01",
    }
    settings = resolve(environ)
    assert (settings.base_url, settings.api_key, settings.api_version) == (
        ENDPOINT + "/openai",
        "env-key",
        "2025-01-01",
    )
    token_only = resolve({**environ, "AZURE_OPENAI_API_KEY": "", "AZURE_OPENAI_AD_TOKEN": "env-token"})
    assert token_only.api_key is None and token_only.azure_ad_token == "env-token"


def test_arguments_win_over_the_environment() -> None:
    environ = {"AZURE_OPENAI_ENDPOINT": "https://env.example", "AZURE_OPENAI_API_KEY": "env", "OPENAI_API_VERSION": "e"}
    settings = resolve(environ, azure_endpoint=ENDPOINT, api_key="arg", api_version="a")
    assert (settings.base_url, settings.api_key, settings.api_version) == (ENDPOINT + "/openai", "arg", "a")


def test_missing_credentials_name_every_way_to_give_them() -> None:
    with pytest.raises(OpenAIError) as caught:
        resolve({}, azure_endpoint=ENDPOINT, api_version="v")
    message = str(caught.value)
    for name in (
        "api_key",
        "azure_ad_token",
        "azure_ad_token_provider",
        "AZURE_OPENAI_API_KEY",
        "AZURE_OPENAI_AD_TOKEN",
    ):
        assert name in message
    # A token provider alone is enough.
    assert resolve({}, azure_endpoint=ENDPOINT, api_version="v", has_token_provider=True).api_key is None


def test_missing_version_and_endpoint_are_named() -> None:
    with pytest.raises(ValueError, match="OPENAI_API_VERSION"):
        resolve({}, azure_endpoint=ENDPOINT, api_key="k")
    with pytest.raises(ValueError, match="AZURE_OPENAI_ENDPOINT"):
        resolve({}, api_version="v", api_key="k")


def test_base_url_replaces_the_endpoint_and_excludes_it() -> None:
    settings = resolve(
        {"AZURE_OPENAI_ENDPOINT": ENDPOINT}, base_url="https://proxy.example/openai", api_version="v", api_key="k"
    )
    assert settings.base_url == "https://proxy.example/openai"
    with pytest.raises(ValueError, match="mutually exclusive"):
        resolve({}, base_url="https://proxy.example", azure_endpoint=ENDPOINT, api_version="v", api_key="k")


@pytest.mark.parametrize("path", sorted(DEPLOYMENT_PATHS))
def test_deployment_scoped_calls_go_to_the_models_deployment(path: str) -> None:
    assert deployment_path(path, {"model": "my-dep"}, ENDPOINT + "/openai/") == f"/deployments/my-dep{path}"


def test_other_calls_and_pinned_deployments_keep_their_path() -> None:
    assert deployment_path("/files", {"model": "m"}, ENDPOINT + "/openai/") == "/files"
    assert deployment_path("/chat/completions", None, ENDPOINT + "/openai/") == "/chat/completions"
    assert deployment_path("/chat/completions", {"messages": []}, ENDPOINT + "/openai/") == "/chat/completions"
    pinned = ENDPOINT + "/openai/deployments/fixed/"
    assert deployment_path("/chat/completions", {"model": "m"}, pinned) == "/chat/completions"


def test_a_token_wins_over_a_key_and_each_has_its_header() -> None:
    assert credential_headers(api_key="k", azure_ad_token=None) == {"api-key": "k"}
    assert credential_headers(api_key="k", azure_ad_token="t") == {"Authorization": "Bearer t"}
    with pytest.raises(OpenAIError):
        credential_headers(api_key=None, azure_ad_token=None)

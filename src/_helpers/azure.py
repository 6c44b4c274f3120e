"""Azure OpenAI, without I/O: from Azure's arguments and environment to a base URL, a query and credentials.

Azure serves the OpenAI API under ``{endpoint}/openai``; model calls live under
``/deployments/{deployment}``, and every request carries ``?api-version=``. A client made with
``azure_deployment`` sends everything under that deployment. Without one, the calls that are
deployment-scoped (chat and text completions, embeddings, audio, image generation and edits) are
routed to ``/deployments/{model}``, taking the deployment name from the request's ``model``.

Credentials: an API key travels in the ``api-key`` header; a Microsoft Entra ID (Azure AD) token,
given directly or by a provider function, travels as ``Authorization: Bearer`` and wins over a key.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from typing import Any, Callable, Dict, Mapping, Optional, Union

import httpx

from .._errors import OpenAIError
from .._request import require_path_param

__all__ = [
    "API_KEY_PLACEHOLDER",
    "DEPLOYMENT_PATHS",
    "AzureSettings",
    "credential_headers",
    "deployment_path",
    "resolve_azure",
]

#: What ``client.api_key`` holds when the client authenticates with a token instead of a key.
API_KEY_PLACEHOLDER = "<missing API key>"

#: Calls Azure serves per deployment; the rest (files, batches, ...) are account-wide.
DEPLOYMENT_PATHS = frozenset(
    {
        "/completions",
        "/chat/completions",
        "/embeddings",
        "/audio/transcriptions",
        "/audio/translations",
        "/audio/speech",
        "/images/generations",
        "/images/edits",
    }
)


@dataclass(frozen=True)
class AzureSettings:
    """What an Azure client is built from once arguments and environment are combined."""

    base_url: str
    api_version: str
    api_key: Union[str, Callable[[], Any], None]
    azure_ad_token: Optional[str]
    deployment: Optional[str]


def resolve_azure(
    *,
    api_version: Optional[str],
    azure_endpoint: Optional[str],
    azure_deployment: Optional[str],
    base_url: Union[str, httpx.URL, None],
    api_key: Union[str, Callable[[], Any], None],
    azure_ad_token: Optional[str],
    has_token_provider: bool,
    environ: Optional[Mapping[str, str]] = None,
) -> AzureSettings:
    """Fill Azure's arguments from ``AZURE_OPENAI_API_KEY``, ``AZURE_OPENAI_AD_TOKEN``,
    ``OPENAI_API_VERSION`` and ``AZURE_OPENAI_ENDPOINT``, and check that they are enough."""
    env = os.environ if environ is None else environ
    if api_key is None:
        api_key = env.get("AZURE_OPENAI_API_KEY") or None
    if azure_ad_token is None:
        azure_ad_token = env.get("AZURE_OPENAI_AD_TOKEN") or None
    if api_key is None and azure_ad_token is None and not has_token_provider:
        raise OpenAIError(
            "Missing credentials. Pass one of `api_key`, `azure_ad_token` or `azure_ad_token_provider`, "
            "or set the AZURE_OPENAI_API_KEY or AZURE_OPENAI_AD_TOKEN environment variable."
        )
    if api_version is None:
        api_version = env.get("OPENAI_API_VERSION") or None
    if api_version is None:
        raise ValueError("Pass the `api_version` argument or set the OPENAI_API_VERSION environment variable")

    if base_url is not None:
        if azure_endpoint is not None:
            raise ValueError("base_url and azure_endpoint are mutually exclusive; pass one of them")
        return AzureSettings(str(base_url), api_version, api_key, azure_ad_token, None)
    if azure_endpoint is None:
        azure_endpoint = env.get("AZURE_OPENAI_ENDPOINT") or None
    if azure_endpoint is None:
        raise ValueError(
            "Pass the `azure_endpoint` (or `base_url`) argument or set the AZURE_OPENAI_ENDPOINT environment variable"
        )
    root = f"{azure_endpoint.rstrip('/')}/openai"
    url = f"{root}/deployments/{azure_deployment}" if azure_deployment else root
    return AzureSettings(url, api_version, api_key, azure_ad_token, azure_deployment)


def deployment_path(path: str, body: Optional[Mapping[str, object]], base_url: str) -> str:
    """The path a call takes on Azure: deployment-scoped calls go under ``/deployments/{model}``
    unless the base URL already names a deployment."""
    if path not in DEPLOYMENT_PATHS or body is None or _names_a_deployment(base_url):
        return path
    model = body.get("model")
    if not isinstance(model, str) or not model:
        return path
    return f"/deployments/{require_path_param('model', model)}{path}"


@functools.lru_cache(maxsize=16)
def _names_a_deployment(base_url: str) -> bool:
    # Asked on every call; a client has one base URL, parsed once.
    return "/deployments" in httpx.URL(base_url).path


def credential_headers(*, api_key: Optional[str], azure_ad_token: Optional[str]) -> Dict[str, str]:
    """The one credential header of a request: the Entra ID token when there is one, else the key."""
    if azure_ad_token is not None:
        return {"Authorization": f"Bearer {azure_ad_token}"}
    if api_key is not None:
        return {"api-key": api_key}
    raise OpenAIError("No credential to send: neither an API key nor an Azure AD token is available")

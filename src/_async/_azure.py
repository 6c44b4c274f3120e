"""AsyncAzureOpenAI: the client for Azure OpenAI. ``AzureOpenAI`` is generated from this file."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, Awaitable, Callable, Mapping, Optional, Union

import httpx

from .._concurrency import async_resolve_key
from .._constants import DEFAULT_MAX_RETRIES
from .._errors import OpenAIError
from .._helpers.azure import API_KEY_PLACEHOLDER, credential_headers, deployment_path, resolve_azure
from .._request import CallOptions
from .._types import NOT_GIVEN, NotGiven, Timeout
from ._client import AsyncOpenAI

if TYPE_CHECKING:
    from .._bedrock import BedrockProvider
    from .._data_residency import DataResidency
    from .._rate_limit import RateLimiter

__all__ = ["AsyncAzureOpenAI"]

# A token provider is a function returning the token; for the async client, an `async def` function works too.
AzureADTokenProvider = Callable[[], Union[str, Awaitable[str]]]


class AsyncAzureOpenAI(AsyncOpenAI):
    """An OpenAI client for Azure OpenAI deployments.

    ``azure_endpoint`` (or ``AZURE_OPENAI_ENDPOINT``) and ``api_version`` (or ``OPENAI_API_VERSION``)
    say where; ``azure_deployment`` pins every call to one deployment, otherwise model calls go to
    the deployment named by their ``model``. Authenticate with ``api_key`` (or
    ``AZURE_OPENAI_API_KEY``), sent as ``api-key``, or with a Microsoft Entra ID token: ``azure_ad_token``
    (or ``AZURE_OPENAI_AD_TOKEN``), or ``azure_ad_token_provider``, called before every request.
    """

    def __init__(
        self,
        *,
        api_version: Optional[str] = None,
        azure_endpoint: Optional[str] = None,
        azure_deployment: Optional[str] = None,
        api_key: Union[str, Callable[[], Awaitable[str]], None] = None,
        azure_ad_token: Optional[str] = None,
        azure_ad_token_provider: Optional[AzureADTokenProvider] = None,
        organization: Optional[str] = None,
        project: Optional[str] = None,
        webhook_secret: Optional[str] = None,
        base_url: Union[str, httpx.URL, None] = None,
        websocket_base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        http_client: Optional[httpx.AsyncClient] = None,
        rate_limiter: Optional[RateLimiter] = None,
    ) -> None:
        azure = resolve_azure(
            api_version=api_version,
            azure_endpoint=azure_endpoint,
            azure_deployment=azure_deployment,
            base_url=base_url,
            api_key=api_key,
            azure_ad_token=azure_ad_token,
            has_token_provider=azure_ad_token_provider is not None,
        )
        super().__init__(
            # The parent requires a key; with token auth it holds a placeholder that is never sent.
            api_key=azure.api_key if azure.api_key is not None else API_KEY_PLACEHOLDER,
            organization=organization,
            project=project,
            webhook_secret=webhook_secret,
            base_url=azure.base_url,
            websocket_base_url=websocket_base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query={**(default_query or {}), "api-version": azure.api_version},
            http_client=http_client,
            rate_limiter=rate_limiter,
        )
        self._api_version = azure.api_version
        # A realtime session names its deployment in the query, not in the path.
        self._azure_deployment = azure.deployment
        self._azure_ad_token = azure.azure_ad_token
        self._azure_ad_token_provider = azure_ad_token_provider
        self._has_api_key = azure.api_key is not None

    async def auth_headers(self) -> Mapping[str, str]:
        """Azure's credential header for one attempt: a bearer token when there is one, else ``api-key``."""
        if self._azure_ad_token is not None:
            return credential_headers(api_key=None, azure_ad_token=self._azure_ad_token)
        if self._azure_ad_token_provider is not None:
            try:
                token = await async_resolve_key(self._azure_ad_token_provider)
            except TypeError as exc:
                raise OpenAIError(f"azure_ad_token_provider must return a non-empty str token: {exc}") from exc
            return credential_headers(api_key=None, azure_ad_token=token)
        if not self._has_api_key:
            raise OpenAIError("No Azure credential: pass api_key, azure_ad_token or azure_ad_token_provider")
        key = self.api_key if isinstance(self.api_key, str) else await async_resolve_key(self.api_key)
        return credential_headers(api_key=key, azure_ad_token=None)

    async def request(self, options: CallOptions, *, cast_to: Any) -> Any:
        """Send a call, routing deployment-scoped paths to their deployment first."""
        path = deployment_path(options.path, options.body, self._settings.base_url)
        if path != options.path:
            options = dataclasses.replace(options, path=path)
        return await super().request(options, cast_to=cast_to)

    def copy(
        self,
        *,
        api_key: Union[str, Callable[[], Awaitable[str]], None] = None,
        azure_ad_token: Optional[str] = None,
        azure_ad_token_provider: Optional[AzureADTokenProvider] = None,
        api_version: Optional[str] = None,
        organization: Optional[str] = None,
        project: Optional[str] = None,
        webhook_secret: Optional[str] = None,
        provider: Union[BedrockProvider, NotGiven, None] = NOT_GIVEN,
        base_url: Union[str, httpx.URL, None] = None,
        data_residency: Optional[DataResidency] = None,
        websocket_base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
        http_client: Optional[httpx.AsyncClient] = None,
        default_headers: Optional[Mapping[str, str]] = None,
        set_default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        set_default_query: Optional[Mapping[str, object]] = None,
        rate_limiter: Union[RateLimiter, NotGiven, None] = NOT_GIVEN,
    ) -> AsyncAzureOpenAI:
        """A new client with some settings changed, sharing this one's connection pool and Azure settings.

        ``default_headers`` / ``default_query`` are added to this client's; the ``set_`` forms replace them.
        """
        if data_residency is not None:
            raise OpenAIError("`data_residency` is only supported by OpenAI clients")
        if not isinstance(provider, NotGiven):
            raise OpenAIError("Configure `provider` on `AsyncOpenAI`, not on `AsyncAzureOpenAI.with_options()`.")
        shared = self._copy_settings(
            organization=organization,
            project=project,
            webhook_secret=webhook_secret,
            websocket_base_url=websocket_base_url,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            default_headers=default_headers,
            set_default_headers=set_default_headers,
            default_query=default_query,
            set_default_query=set_default_query,
            rate_limiter=rate_limiter,
        )
        return type(self)(
            api_version=api_version or self._api_version,
            api_key=api_key or (self.api_key if self._has_api_key else None),
            azure_ad_token=azure_ad_token or self._azure_ad_token,
            azure_ad_token_provider=azure_ad_token_provider or self._azure_ad_token_provider,
            base_url=base_url or self._settings.base_url,
            **shared,
        )

    with_options = copy

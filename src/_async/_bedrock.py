"""AsyncBedrockOpenAI: the client for Amazon Bedrock's OpenAI-compatible API. ``BedrockOpenAI`` is generated from this file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Awaitable, Callable, Dict, Mapping, Optional, Union

import httpx

from .._bedrock import AwsCredentialsProvider, BedrockProvider, BedrockTokenProvider, resolve_bedrock
from .._constants import DEFAULT_MAX_RETRIES
from .._data_residency import DataResidency
from .._errors import OpenAIError
from .._types import NOT_GIVEN, NotGiven, Timeout
from .._version import __version__
from ._client import AsyncOpenAI

if TYPE_CHECKING:
    from .._rate_limit import RateLimiter

__all__ = ["AsyncBedrockOpenAI"]

# The arguments that say where and how a Bedrock client authenticates; `copy()` starts from them.
_BEARER_ARGUMENTS = ("api_key", "bedrock_token_provider")
_AWS_ARGUMENTS = (
    "aws_profile",
    "aws_access_key_id",
    "aws_secret_access_key",
    "aws_session_token",
    "aws_credentials_provider",
)


class AsyncBedrockOpenAI(AsyncOpenAI):
    """An OpenAI client for Amazon Bedrock (the ``bedrock-mantle`` endpoint, or ``bedrock-runtime``).

    The region is ``aws_region``, else ``AWS_REGION`` / ``AWS_DEFAULT_REGION``, else the profile's;
    the endpoint is ``base_url`` (or ``AWS_BEDROCK_BASE_URL``), else the region's mantle endpoint.
    Authenticate with a Bedrock API key, ``api_key`` (or ``AWS_BEARER_TOKEN_BEDROCK``), or
    ``bedrock_token_provider``, called before every request (for the async client, an ``async def``
    function works too); or with AWS credentials, each request then signed with SigV4: static keys
    (``aws_access_key_id``, ``aws_secret_access_key``, ``aws_session_token``), ``aws_profile``,
    ``aws_credentials_provider``, or, when none is given, botocore's default chain
    (``AWS_ACCESS_KEY_ID`` ... , config files, container and instance roles). Signing needs the
    ``bedrock`` extra (botocore): ``pip install 'openai[bedrock]'``.
    """

    aws_region: Optional[str]

    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        bedrock_token_provider: Optional[BedrockTokenProvider] = None,
        aws_region: Optional[str] = None,
        aws_profile: Optional[str] = None,
        aws_access_key_id: Optional[str] = None,
        aws_secret_access_key: Optional[str] = None,
        aws_session_token: Optional[str] = None,
        aws_credentials_provider: Optional[AwsCredentialsProvider] = None,
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
        self._bedrock_arguments: Dict[str, Any] = {
            "api_key": api_key,
            "bedrock_token_provider": bedrock_token_provider,
            "aws_region": aws_region,
            "aws_profile": aws_profile,
            "aws_access_key_id": aws_access_key_id,
            "aws_secret_access_key": aws_secret_access_key,
            "aws_session_token": aws_session_token,
            "aws_credentials_provider": aws_credentials_provider,
            "base_url": base_url,
        }
        settings = resolve_bedrock(
            api_key=api_key,
            token_provider=bedrock_token_provider,
            aws_region=aws_region,
            aws_profile=aws_profile,
            aws_access_key_id=aws_access_key_id,
            aws_secret_access_key=aws_secret_access_key,
            aws_session_token=aws_session_token,
            aws_credentials_provider=aws_credentials_provider,
            # An empty base_url means the region's own endpoint, as if none were given.
            base_url=base_url or None,
        )
        super().__init__(
            provider=BedrockProvider(settings),
            organization=organization,
            project=project,
            webhook_secret=webhook_secret,
            websocket_base_url=websocket_base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers={"User-Agent": f"{type(self).__name__}/Python {__version__}", **(default_headers or {})},
            default_query=default_query,
            http_client=http_client,
            rate_limiter=rate_limiter,
        )
        # What copy() hands on is what the caller gave, not the User-Agent added above.
        self._custom_headers = dict(default_headers or {})
        self.aws_region = settings.region

    def copy(
        self,
        *,
        api_key: Union[str, Callable[[], Awaitable[str]], None] = None,
        admin_api_key: Optional[str] = None,
        workload_identity: Optional[object] = None,
        provider: Union[BedrockProvider, NotGiven, None] = NOT_GIVEN,
        bedrock_token_provider: Optional[BedrockTokenProvider] = None,
        aws_region: Optional[str] = None,
        aws_profile: Optional[str] = None,
        aws_access_key_id: Optional[str] = None,
        aws_secret_access_key: Optional[str] = None,
        aws_session_token: Optional[str] = None,
        aws_credentials_provider: Optional[AwsCredentialsProvider] = None,
        organization: Optional[str] = None,
        project: Optional[str] = None,
        webhook_secret: Optional[str] = None,
        websocket_base_url: Union[str, httpx.URL, None] = None,
        base_url: Union[str, httpx.URL, None] = None,
        data_residency: Optional[DataResidency] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        http_client: Optional[httpx.AsyncClient] = None,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
        default_headers: Optional[Mapping[str, str]] = None,
        set_default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        set_default_query: Optional[Mapping[str, object]] = None,
        rate_limiter: Union[RateLimiter, NotGiven, None] = NOT_GIVEN,
    ) -> AsyncBedrockOpenAI:
        """A new client with some settings changed, sharing this one's connection pool.

        A new bearer credential replaces this client's AWS credentials and the other way round;
        ``default_headers`` / ``default_query`` are added to this client's; the ``set_`` forms replace them.
        """
        if data_residency is not None:
            raise OpenAIError("`data_residency` is only supported by OpenAI clients")
        if not isinstance(provider, NotGiven):
            raise OpenAIError("Configure `provider` on `AsyncOpenAI`, not on `AsyncBedrockOpenAI.with_options()`.")
        if callable(api_key):
            raise OpenAIError("Pass a refreshable Bedrock credential as `bedrock_token_provider`, not as `api_key`.")
        if admin_api_key is not None or workload_identity is not None:
            raise OpenAIError("AsyncBedrockOpenAI only supports Bedrock bearer token or AWS credential authentication.")
        given = {
            "api_key": api_key,
            "bedrock_token_provider": bedrock_token_provider,
            "aws_profile": aws_profile,
            "aws_access_key_id": aws_access_key_id,
            "aws_secret_access_key": aws_secret_access_key,
            "aws_session_token": aws_session_token,
            "aws_credentials_provider": aws_credentials_provider,
        }
        arguments = dict(self._bedrock_arguments)
        overridden = {name for name, value in given.items() if value is not None}
        if overridden & set(_BEARER_ARGUMENTS) or overridden & set(_AWS_ARGUMENTS):
            # A new credential of either kind replaces the old one entirely, never mixes with it.
            for name in (*_BEARER_ARGUMENTS, *_AWS_ARGUMENTS):
                arguments[name] = given[name]
        if aws_region is not None:
            arguments["aws_region"] = aws_region
        if base_url is not None:
            arguments["base_url"] = base_url
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
        return type(self)(**arguments, **shared)

    with_options = copy

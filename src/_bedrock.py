"""Amazon Bedrock, without I/O: from Bedrock's arguments and environment to a base URL and a way to authenticate.

Bedrock serves the OpenAI API at ``https://bedrock-mantle.{region}.api.aws/openai/v1`` (the "mantle"
endpoint) and at ``https://bedrock-runtime.{region}.{dns suffix}/openai/v1`` (the "runtime" one).
A request authenticates in one of two ways:

- a Bedrock API key, sent as ``Authorization: Bearer``: ``api_key``, a token provider function called
  before every request, or ``AWS_BEARER_TOKEN_BEDROCK``;
- AWS credentials, with which each request is signed (SigV4, service ``bedrock-mantle`` or ``bedrock``):
  static keys, a profile, a credentials provider function, or botocore's default credential chain
  (``AWS_ACCESS_KEY_ID`` / ``AWS_SECRET_ACCESS_KEY`` / ``AWS_SESSION_TOKEN``, shared config files,
  container and instance roles).

Signing and the credential chain are botocore's, loaded only when AWS credentials are used, so that
``import openai`` and bearer-token clients never need it (install it with the ``bedrock`` extra).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Mapping, Optional, Tuple, Union

import httpx
from typing_extensions import Literal

from ._errors import OpenAIError

__all__ = [
    "AwsCredentialsProvider",
    "AwsSigner",
    "BedrockProvider",
    "BedrockEndpoint",
    "BedrockSettings",
    "BedrockTokenProvider",
    "async_sign_request",
    "default_base_url",
    "load_botocore",
    "parse_endpoint_host",
    "resolve_bedrock",
    "sync_sign_request",
]

BedrockEndpoint = Literal["mantle", "runtime"]
#: Returns a bearer token; the async client also accepts a coroutine function.
BedrockTokenProvider = Callable[[], Union[str, Awaitable[str]]]
#: Returns botocore-style credentials: an object with ``access_key``, ``secret_key`` and ``token``
#: (or a ``get_frozen_credentials()`` giving one). Called before every signed request.
AwsCredentialsProvider = Callable[[], object]

MISSING_BOTOCORE = (
    "Signing Bedrock requests with AWS credentials needs botocore, which is not installed. "
    "Install the `bedrock` extra: pip install 'openai[bedrock]' (or pass a Bedrock API key as `api_key`)."
)
_AMBIGUOUS = (
    "Bedrock authentication is ambiguous: configure exactly one of a bearer credential (`api_key` or "
    "`bedrock_token_provider`), static AWS credentials, `aws_profile`, or `aws_credentials_provider`."
)
_NO_REGION = "Bedrock requires an AWS region: pass `aws_region`, or set `AWS_REGION` or `AWS_DEFAULT_REGION`."
_CREDENTIALS_FAILED = (
    "Could not resolve AWS credentials for Bedrock: check the AWS profile, the AWS_* environment variables "
    "or the runtime's identity configuration."
)

_REGION = re.compile(r"[a-z]{2,8}(?:-[a-z0-9]+)+-\d+")
_RESPONSES_TAIL = re.compile(r"/responses(?:/.*)?$")
# Headers the signer owns: whatever a caller or an earlier attempt put there is replaced.
_SIGNER_HEADERS = frozenset({"authorization", "x-amz-content-sha256", "x-amz-date", "x-amz-security-token"})
# Region prefix -> (runtime DNS suffix, dual-stack suffix), for the partitions outside the commercial one.
_PARTITION_SUFFIXES: Tuple[Tuple[str, Tuple[str, str]], ...] = (
    ("cn-", ("amazonaws.com.cn", "api.amazonwebservices.com.cn")),
    ("eusc-", ("amazonaws.eu", "api.amazonwebservices.eu")),
    ("us-isob-", ("sc2s.sgov.gov", "api.aws.scloud")),
    ("us-isof-", ("csp.hci.ic.gov", "api.aws.hci.ic.gov")),
    ("us-iso-", ("c2s.ic.gov", "api.aws.ic.gov")),
    ("eu-isoe-", ("cloud.adc-e.uk", "api.cloud-aws.adc-e.uk")),
)
_COMMERCIAL_SUFFIXES = ("amazonaws.com", "api.aws")


def load_botocore() -> Tuple[Any, Any, Any, Any]:
    """botocore's ``SigV4Auth``, ``AWSRequest``, ``Credentials`` and ``Session``, or an error naming the extra."""
    try:
        from botocore.auth import SigV4Auth  # type: ignore[import-untyped, unused-ignore]
        from botocore.awsrequest import AWSRequest  # type: ignore[import-untyped, unused-ignore]
        from botocore.credentials import Credentials  # type: ignore[import-untyped, unused-ignore]
        from botocore.session import Session  # type: ignore[import-untyped, unused-ignore]
    except ImportError as exc:
        raise OpenAIError(MISSING_BOTOCORE) from exc
    return SigV4Auth, AWSRequest, Credentials, Session


def _dns_suffixes(region: str) -> Tuple[str, str]:
    for prefix, suffixes in _PARTITION_SUFFIXES:
        if region.startswith(prefix):
            return suffixes
    return _COMMERCIAL_SUFFIXES


def parse_endpoint_host(host: str) -> Optional[Tuple[BedrockEndpoint, str]]:
    """``("mantle" | "runtime", region)`` for a Bedrock hostname, ``None`` for any other host."""
    service, _, rest = host.rstrip(".").lower().partition(".")
    region, _, suffix = rest.partition(".")
    if not suffix or _REGION.fullmatch(region) is None:
        return None
    if service == "bedrock-mantle" and suffix == "api.aws":
        return "mantle", region
    if service in ("bedrock-runtime", "bedrock-runtime-fips") and suffix in _dns_suffixes(region):
        return "runtime", region
    return None


def default_base_url(endpoint: BedrockEndpoint, region: str) -> str:
    """The OpenAI-compatible API root of a Bedrock endpoint in ``region``."""
    if endpoint == "runtime":
        return f"https://bedrock-runtime.{region}.{_dns_suffixes(region)[0]}/openai/v1"
    return f"https://bedrock-mantle.{region}.api.aws/openai/v1"


def _normalised_url(base_url: Union[str, httpx.URL]) -> str:
    # A URL copied from a console often ends in the call itself (`.../v1/responses`): keep only the root.
    url = httpx.URL(str(base_url).strip())
    path = _RESPONSES_TAIL.sub("", url.path.rstrip("/"))
    return str(url.copy_with(path=path or "/"))


def _present(value: Optional[str]) -> Optional[str]:
    return value.strip() or None if value is not None else None


def _checked_region(region: Optional[str]) -> Optional[str]:
    if region is not None and _REGION.fullmatch(region) is None:
        raise OpenAIError(
            f"The Bedrock AWS region {region!r} is invalid; use a standard AWS region such as 'us-east-1'."
        )
    return region


@dataclass(frozen=True)
class AwsCredentialSource:
    """Where signing credentials come from: static keys, a provider function, or a botocore session."""

    access_key_id: Optional[str] = field(default=None, repr=False)
    secret_access_key: Optional[str] = field(default=None, repr=False)
    session_token: Optional[str] = field(default=None, repr=False)
    profile: Optional[str] = None
    provider: Optional[AwsCredentialsProvider] = field(default=None, repr=False)


@dataclass(frozen=True)
class BedrockSettings:
    """What a Bedrock client is built from once arguments and environment are combined."""

    base_url: str
    region: Optional[str]
    endpoint: BedrockEndpoint
    #: A fixed bearer token (``api_key`` or ``AWS_BEARER_TOKEN_BEDROCK``).
    api_key: Optional[str] = field(default=None, repr=False)
    token_provider: Optional[BedrockTokenProvider] = field(default=None, repr=False)
    #: Set when requests are signed with AWS credentials instead of carrying a bearer token.
    aws: Optional[AwsCredentialSource] = None

    @property
    def service(self) -> str:
        """The SigV4 service name of the endpoint."""
        return "bedrock" if self.endpoint == "runtime" else "bedrock-mantle"


def resolve_bedrock(
    *,
    api_key: Optional[str],
    token_provider: Optional[BedrockTokenProvider],
    aws_region: Optional[str],
    aws_profile: Optional[str],
    aws_access_key_id: Optional[str],
    aws_secret_access_key: Optional[str],
    aws_session_token: Optional[str],
    aws_credentials_provider: Optional[AwsCredentialsProvider],
    base_url: Union[str, httpx.URL, None],
    endpoint: Optional[BedrockEndpoint] = None,
    read_environment_token: bool = True,
    read_environment_url: bool = True,
    environ: Optional[Mapping[str, str]] = None,
) -> BedrockSettings:
    """Check Bedrock's arguments, fill the gaps from ``AWS_REGION`` / ``AWS_DEFAULT_REGION``,
    ``AWS_BEDROCK_BASE_URL`` and ``AWS_BEARER_TOKEN_BEDROCK``, and pick the endpoint and the kind of auth.

    ``read_environment_token`` / ``read_environment_url`` off: the last two variables are not read.
    """
    env = os.environ if environ is None else environ
    if callable(api_key):
        raise OpenAIError("Pass a refreshable Bedrock credential as `bedrock_token_provider`, not as `api_key`.")
    if api_key is not None and not api_key.strip():
        raise OpenAIError("The Bedrock `api_key` must not be empty.")
    if endpoint is not None and endpoint not in ("mantle", "runtime"):
        raise OpenAIError(f"The Bedrock endpoint must be 'mantle' or 'runtime', not {endpoint!r}.")
    if (aws_access_key_id is None) != (aws_secret_access_key is None) or (
        aws_session_token is not None and aws_access_key_id is None
    ):
        raise OpenAIError(
            "Static AWS credentials need both `aws_access_key_id` and `aws_secret_access_key` "
            "(and `aws_session_token` only together with them)."
        )
    if aws_access_key_id is not None and not (aws_access_key_id.strip() and (aws_secret_access_key or "").strip()):
        raise OpenAIError("Static AWS credentials must not be empty.")
    profile = _present(aws_profile)
    if aws_profile is not None and profile is None:
        raise OpenAIError("The Bedrock `aws_profile` must not be empty.")

    aws_modes = (aws_access_key_id is not None) + (profile is not None) + (aws_credentials_provider is not None)
    bearer_given = api_key is not None or token_provider is not None
    if aws_modes > 1 or (bearer_given and aws_modes) or (api_key is not None and token_provider is not None):
        raise OpenAIError(_AMBIGUOUS)
    if not bearer_given and not aws_modes and read_environment_token:
        api_key = env.get("AWS_BEARER_TOKEN_BEDROCK") or None

    region = _checked_region(_present(aws_region))
    if aws_region is not None and region is None:
        raise OpenAIError("The Bedrock `aws_region` must not be empty.")
    region_from_environment = region is None
    if region is None:
        region = _checked_region(_present(env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION")))

    if base_url is not None:
        configured = _present(str(base_url))
        if configured is None:
            raise OpenAIError("The Bedrock `base_url` must not be empty.")
    else:
        configured = _present(env.get("AWS_BEDROCK_BASE_URL")) if read_environment_url else None
    url = _normalised_url(configured) if configured is not None else None
    canonical = parse_endpoint_host(httpx.URL(url).host) if url is not None else None
    chosen: BedrockEndpoint = endpoint or (canonical[0] if canonical is not None else "mantle")
    if canonical is not None:
        family, host_region = canonical
        if not url or not url.startswith("https://"):
            raise OpenAIError("Amazon Bedrock endpoints must be reached over HTTPS.")
        if family != chosen:
            raise OpenAIError(f"The Bedrock {family} hostname does not match the selected {chosen!r} endpoint.")
        # A bearer token is not bound to a region: only a region the caller chose, or one to sign for, must agree.
        bearer = api_key is not None or token_provider is not None
        if region is not None and region != host_region and not (bearer and region_from_environment):
            raise OpenAIError(
                f"The Bedrock endpoint's region {host_region!r} does not match the configured AWS region {region!r}."
            )
        region = host_region

    aws: Optional[AwsCredentialSource] = None
    if api_key is None and token_provider is None:
        aws = AwsCredentialSource(
            access_key_id=aws_access_key_id,
            secret_access_key=aws_secret_access_key,
            session_token=aws_session_token,
            profile=profile,
            provider=aws_credentials_provider,
        )
        if region is None:
            # Signing needs a region: the last place to find one is the profile's config file.
            region = _checked_region(_profile_region(profile))
    if url is None:
        if region is None:
            raise OpenAIError(_NO_REGION)
        url = default_base_url(chosen, region)
    if aws is not None and region is None:
        raise OpenAIError(_NO_REGION)
    return BedrockSettings(
        base_url=url, region=region, endpoint=chosen, api_key=api_key, token_provider=token_provider, aws=aws
    )


def _profile_region(profile: Optional[str]) -> Optional[str]:
    session_cls = load_botocore()[3]
    try:
        region = session_cls(profile=profile).get_config_variable("region")
    except Exception as exc:
        raise OpenAIError(_CREDENTIALS_FAILED) from exc
    return _present(region) if isinstance(region, str) else None


class AwsSigner:
    """Signs requests with SigV4 for one region and service, with credentials from one source.

    botocore is loaded on the first signature, not before: a client that is built but never used
    needs no AWS dependency. The botocore session, and with it the credential chain's cache, is
    made once and kept, so refreshing credentials (roles, SSO) are refreshed by botocore as they expire.
    """

    def __init__(self, *, region: str, service: str, source: AwsCredentialSource, origin: httpx.URL) -> None:
        self.region = region
        self.service = service
        self._source = source
        self._origin = (origin.scheme, origin.host, origin.port)
        self._botocore: Optional[Tuple[Any, Any, Any, Any]] = None
        self._credentials: Any = None

    def may_block(self) -> bool:
        """Whether the next signature may do I/O (load botocore, walk the credential chain, refresh)."""
        if self._source.access_key_id is not None:
            return self._botocore is None
        if self._source.provider is not None:
            return True
        refresh_needed = getattr(self._credentials, "refresh_needed", None)
        return self._credentials is None or (callable(refresh_needed) and bool(refresh_needed()))

    def _current_credentials(self) -> Any:
        _, _, credentials_cls, session_cls = self._botocore or load_botocore()
        source = self._source
        if source.access_key_id is not None:
            if self._credentials is None:
                self._credentials = credentials_cls(
                    source.access_key_id, source.secret_access_key, source.session_token
                )
            return self._credentials
        try:
            if source.provider is not None:
                credentials = source.provider()
            else:
                if self._credentials is None:
                    self._credentials = session_cls(profile=source.profile).get_credentials()
                credentials = self._credentials
            if credentials is None:
                raise OpenAIError(
                    "No AWS credentials found for Bedrock: pass `api_key` or AWS credentials, set "
                    "`AWS_BEARER_TOKEN_BEDROCK` or `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`, "
                    "or configure a profile."
                )
            frozen = getattr(credentials, "get_frozen_credentials", None)
            return frozen() if callable(frozen) else credentials
        except OpenAIError:
            raise
        except Exception as exc:
            raise OpenAIError(_CREDENTIALS_FAILED) from exc

    def sign(self, request: httpx.Request) -> None:
        """Add ``Authorization: AWS4-HMAC-SHA256 ...`` and the ``X-Amz-*`` headers to ``request``, in place."""
        if (request.url.scheme, request.url.host, request.url.port) != self._origin:
            raise OpenAIError("Refusing to sign a Bedrock request for an origin other than the client's base URL.")
        if "authorization" in request.headers:
            raise OpenAIError(
                "A Bedrock client signing with AWS credentials cannot send a custom Authorization header."
            )
        if self._botocore is None:
            self._botocore = load_botocore()
        sigv4_cls, aws_request_cls, _, _ = self._botocore
        credentials = self._current_credentials()
        body = request.content
        headers = {name: value for name, value in request.headers.items() if name.lower() not in _SIGNER_HEADERS}
        headers["X-Amz-Content-SHA256"] = hashlib.sha256(body).hexdigest()
        aws_request = aws_request_cls(method=request.method, url=str(request.url), data=body, headers=headers)
        sigv4_cls(credentials, self.service, self.region).add_auth(aws_request)
        for name in ("X-Amz-Content-SHA256", "X-Amz-Date", "X-Amz-Security-Token", "Authorization"):
            value = aws_request.headers.get(name)
            if value is not None:
                request.headers[name] = value


async def async_sign_request(signer: AwsSigner, request: httpx.Request) -> None:
    """Sign ``request``; a signature that may block (credential chain, refresh) runs in a worker thread."""
    await request.aread()  # a multipart body is a stream until read, and its hash is part of the signature
    if signer.may_block():
        import anyio.to_thread

        await anyio.to_thread.run_sync(signer.sign, request)
    else:
        signer.sign(request)


def sync_sign_request(signer: AwsSigner, request: httpx.Request) -> None:
    """Sign ``request``."""
    request.read()
    signer.sign(request)


class BedrockProvider:
    """Bedrock's routing and authentication for a standard client: ``OpenAI(provider=bedrock(...))``.

    Made by :func:`openai.providers.bedrock`; each client it configures gets its own signer, so the
    credential cache is never shared between clients that are closed at different times.
    """

    name = "bedrock"

    def __init__(self, settings: BedrockSettings) -> None:
        self.settings = settings

    def __repr__(self) -> str:
        auth = "aws" if self.settings.aws is not None else "bearer"
        return f"<BedrockProvider {self.settings.endpoint} region={self.settings.region!r} auth={auth}>"

    @property
    def api_key(self) -> Union[str, BedrockTokenProvider, None]:
        """The bearer credential, a fixed token or a function returning one; ``None`` when requests are signed."""
        return self.settings.api_key if self.settings.api_key is not None else self.settings.token_provider

    def new_signer(self) -> Optional[AwsSigner]:
        """A SigV4 signer for one client, or ``None`` when requests carry a bearer token."""
        settings = self.settings
        if settings.aws is None or settings.region is None:
            return None
        return AwsSigner(
            region=settings.region, service=settings.service, source=settings.aws, origin=httpx.URL(settings.base_url)
        )

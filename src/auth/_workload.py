"""Workload identity: trade a token the workload's platform issues (Kubernetes, Azure, GCP) for an OpenAI one.

A client made with ``workload_identity=`` never holds an API key. Before a request it needs an access
token, and :class:`WorkloadIdentityAuth` gets one by an OAuth 2.0 token exchange (RFC 8693): the
*subject token* from the identity's provider goes to the token endpoint with the identity provider
and service account IDs, and the endpoint answers with ``access_token`` and ``expires_in``. The
token is cached and fetched again ``refresh_buffer_seconds`` (default 20 minutes, at most half the
lifetime) before it expires; concurrent callers wait for one exchange instead of each starting one.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any, Callable, Dict, Optional, Union

import httpx
from typing_extensions import Literal, NotRequired, TypeAlias, TypedDict

from .._errors import OAuthError, OpenAIError, SubjectTokenProviderError

__all__ = [
    "DEFAULT_REFRESH_BUFFER_SECONDS",
    "DEFAULT_TOKEN_EXCHANGE_URL",
    "SUBJECT_TOKEN_TYPES",
    "TOKEN_EXCHANGE_GRANT_TYPE",
    "SubjectTokenProvider",
    "SubjectTokenWorkloadIdentity",
    "WorkloadIdentity",
    "WorkloadIdentityAuth",
    "X509WorkloadIdentity",
    "azure_managed_identity_token_provider",
    "gcp_id_token_provider",
    "k8s_service_account_token_provider",
    "parse_token_response",
    "x509_workload_identity",
]

TOKEN_EXCHANGE_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange"
DEFAULT_TOKEN_EXCHANGE_URL = "https://auth.openai.com/oauth/token"
DEFAULT_REFRESH_BUFFER_SECONDS = 1200
#: ``SubjectTokenProvider["token_type"]`` -> the ``subject_token_type`` URN the exchange sends.
SUBJECT_TOKEN_TYPES = {
    "jwt": "urn:ietf:params:oauth:token-type:jwt",
    "id": "urn:ietf:params:oauth:token-type:id_token",
}
_EXCHANGE_TIMEOUT = 10.0
_AZURE_IMDS_URL = "http://169.254.169.254/metadata/identity/oauth2/token"
_GCP_METADATA_URL = "http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/identity"


class SubjectTokenProvider(TypedDict):
    """Where the subject token comes from: ``get_token()`` returns it, ``token_type`` says what it is."""

    token_type: Literal["jwt", "id"]
    get_token: Callable[[], str]


class WorkloadIdentity(TypedDict):
    """A workload identity authenticated by a subject token from ``provider``."""

    identity_provider_id: str
    service_account_id: str
    provider: SubjectTokenProvider
    refresh_buffer_seconds: NotRequired[float]


SubjectTokenWorkloadIdentity: TypeAlias = WorkloadIdentity


class X509WorkloadIdentity(TypedDict):
    """A workload identity authenticated by the client certificate of the HTTP transport (mutual TLS)."""

    type: Literal["x509"]
    identity_provider_id: str
    service_account_id: str
    refresh_buffer_seconds: NotRequired[float]


def x509_workload_identity(
    *, identity_provider_id: str, service_account_id: str, refresh_buffer_seconds: Optional[float] = None
) -> X509WorkloadIdentity:
    """An X.509 workload identity; the certificate itself stays with the HTTP client's TLS configuration."""
    identity: X509WorkloadIdentity = {
        "type": "x509",
        "identity_provider_id": identity_provider_id,
        "service_account_id": service_account_id,
    }
    if refresh_buffer_seconds is not None:
        identity["refresh_buffer_seconds"] = refresh_buffer_seconds
    return identity


def k8s_service_account_token_provider(
    token_file_path: Union[str, Path] = "/var/run/secrets/kubernetes.io/serviceaccount/token",
) -> SubjectTokenProvider:
    """The projected service account token a Kubernetes pod has mounted, read afresh each time."""

    def get_token() -> str:
        try:
            token = Path(token_file_path).read_text().strip()
        except OSError as exc:
            raise SubjectTokenProviderError(f"Failed to read the token file at {token_file_path}: {exc}") from exc
        if not token:
            raise SubjectTokenProviderError(f"The token file at {token_file_path} is empty.")
        return token

    return {"token_type": "jwt", "get_token": get_token}


def _metadata_get(
    url: str, *, params: Dict[str, str], headers: Dict[str, str], timeout: float, http_client: Optional[httpx.Client]
) -> httpx.Response:
    if http_client is not None:
        return http_client.get(url, params=params, headers=headers, timeout=timeout)
    with httpx.Client() as client:
        return client.get(url, params=params, headers=headers, timeout=timeout)


def azure_managed_identity_token_provider(
    resource: str = "https://management.azure.com/",
    *,
    object_id: Optional[str] = None,
    client_id: Optional[str] = None,
    msi_res_id: Optional[str] = None,
    api_version: str = "2018-02-01",
    timeout: float = 10.0,
    http_client: Optional[httpx.Client] = None,
) -> SubjectTokenProvider:
    """A token of the Azure managed identity, from the instance metadata service (IMDS).

    ``object_id`` / ``client_id`` / ``msi_res_id`` pick one identity when several are assigned.
    """

    def get_token() -> str:
        params = {"api-version": api_version, "resource": resource}
        for name, value in (("object_id", object_id), ("client_id", client_id), ("msi_res_id", msi_res_id)):
            if value is not None:
                params[name] = value
        try:
            response = _metadata_get(
                _AZURE_IMDS_URL, params=params, headers={"Metadata": "true"}, timeout=timeout, http_client=http_client
            )
        except httpx.HTTPError as exc:
            raise SubjectTokenProviderError(f"Failed to fetch an Azure subject token from IMDS: {exc}") from exc
        if response.is_error:
            raise SubjectTokenProviderError(
                f"Failed to fetch an Azure subject token from IMDS: HTTP {response.status_code}", response=response
            )
        try:
            token = response.json().get("access_token")
        except (ValueError, AttributeError):
            token = None
        if not isinstance(token, str) or not token:
            raise SubjectTokenProviderError(
                "The Azure IMDS response did not include an access_token", response=response
            )
        return token

    return {"token_type": "jwt", "get_token": get_token}


def gcp_id_token_provider(
    audience: str = "https://api.openai.com/v1", *, timeout: float = 10.0, http_client: Optional[httpx.Client] = None
) -> SubjectTokenProvider:
    """An identity token of the GCP instance's default service account, from the metadata server."""

    def get_token() -> str:
        try:
            response = _metadata_get(
                _GCP_METADATA_URL,
                params={"audience": audience},
                headers={"Metadata-Flavor": "Google"},
                timeout=timeout,
                http_client=http_client,
            )
        except httpx.HTTPError as exc:
            raise SubjectTokenProviderError(
                f"Failed to fetch a GCP subject token from the metadata server: {exc}"
            ) from exc
        if response.is_error:
            raise SubjectTokenProviderError(
                f"Failed to fetch a GCP subject token from the metadata server: HTTP {response.status_code}",
                response=response,
            )
        token = response.text.strip()
        if not token:
            raise SubjectTokenProviderError("The GCP metadata server returned an empty token", response=response)
        return token

    return {"token_type": "id", "get_token": get_token}


class WorkloadIdentityAuth:
    """Exchanges a workload's subject token for an OpenAI access token, and caches it until it must be renewed.

    ``get_token()`` is safe to call from many threads (one exchange runs, the rest wait for it);
    ``get_token_async()`` runs it in a worker thread. ``invalidate_token()`` drops the cached token,
    e.g. after the API refused it, so the next call exchanges again.
    """

    def __init__(
        self, *, workload_identity: WorkloadIdentity, token_exchange_url: str = DEFAULT_TOKEN_EXCHANGE_URL
    ) -> None:
        provider = workload_identity.get("provider")
        if not isinstance(provider, dict) or not callable(provider.get("get_token")):
            raise OpenAIError("A workload identity needs a `provider` with a `get_token` function")
        if provider.get("token_type") not in SUBJECT_TOKEN_TYPES:
            raise OpenAIError(
                f"Unsupported token type: {provider.get('token_type')!r}. Supported types: {', '.join(SUBJECT_TOKEN_TYPES)}"
            )
        self.workload_identity = workload_identity
        self.token_exchange_url = token_exchange_url
        self._token: Optional[str] = None
        self._expires_at = 0.0
        self._refresh_at = 0.0
        self._lock = threading.Lock()

    def get_token(self) -> str:
        """A valid access token: the cached one, or a fresh one from the token endpoint."""
        with self._lock:
            # Holding the lock through the exchange is what makes concurrent callers share one.
            now = time.monotonic()
            if self._token is not None and now < self._refresh_at:
                return self._token
            token_data = self._exchange()
            now = time.monotonic()
            self._token = token_data["access_token"]
            expires_in = float(token_data["expires_in"])
            buffer = min(
                float(self.workload_identity.get("refresh_buffer_seconds", DEFAULT_REFRESH_BUFFER_SECONDS)),
                expires_in / 2,
            )
            self._expires_at = now + expires_in
            self._refresh_at = now + max(expires_in - buffer, 0.0)
            return self._token

    async def get_token_async(self) -> str:
        """:meth:`get_token` in a worker thread, so neither the subject token read nor the exchange blocks the loop."""
        import anyio.to_thread

        return await anyio.to_thread.run_sync(self.get_token)

    def invalidate_token(self, token: Optional[str] = None) -> None:
        """Forget the cached token (only if it is ``token``, when given)."""
        with self._lock:
            if token is not None and token != self._token:
                return
            self._token = None
            self._expires_at = self._refresh_at = 0.0

    def _subject_token(self) -> str:
        token = self.workload_identity["provider"]["get_token"]()
        if not token:
            raise OpenAIError("The workload identity provider returned an empty subject token")
        return token

    def _exchange(self) -> Dict[str, Any]:
        body = {
            "grant_type": TOKEN_EXCHANGE_GRANT_TYPE,
            "subject_token": self._subject_token(),
            "subject_token_type": SUBJECT_TOKEN_TYPES[self.workload_identity["provider"]["token_type"]],
            "identity_provider_id": self.workload_identity["identity_provider_id"],
            "service_account_id": self.workload_identity["service_account_id"],
        }
        # A client of its own, without redirects: the subject token must go nowhere but the token endpoint.
        with httpx.Client(follow_redirects=False, timeout=_EXCHANGE_TIMEOUT) as client:
            response = client.post(self.token_exchange_url, json=body)
        return parse_token_response(response)


def parse_token_response(response: httpx.Response) -> Dict[str, Any]:
    """``{"access_token", "expires_in"}`` from a token endpoint's answer, or the error it stands for."""
    try:
        body = response.json() if response.content else None
    except ValueError:
        body = None
    if response.status_code in (400, 401, 403):
        raise OAuthError(response=response, body=body)
    if not response.is_success:
        raise OpenAIError(f"Token exchange failed with status {response.status_code}")
    if not isinstance(body, dict):
        raise OpenAIError("Token exchange succeeded but the response body was not a JSON object")
    access_token, expires_in = body.get("access_token"), body.get("expires_in")
    if not isinstance(access_token, str) or not access_token:
        raise OpenAIError("Token exchange response did not include a valid access_token")
    if isinstance(expires_in, bool) or not isinstance(expires_in, (int, float)):
        raise OpenAIError("Token exchange response did not include a valid expires_in")
    return {"access_token": access_token, "expires_in": float(expires_in)}

"""How a client made with ``workload_identity=`` gets its bearer token: through :class:`openai.auth.WorkloadIdentityAuth`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Union

from ._errors import OpenAIError

if TYPE_CHECKING:
    from .auth import WorkloadIdentity, WorkloadIdentityAuth, X509WorkloadIdentity

__all__ = ["WORKLOAD_IDENTITY_API_KEY", "workload_identity_key"]

#: What ``client.api_key`` says when the client authenticates as a workload; it is never sent.
WORKLOAD_IDENTITY_API_KEY = "workload-identity-auth"


def workload_identity_key(
    identity: Union[WorkloadIdentity, X509WorkloadIdentity], api_key: Any
) -> WorkloadIdentityAuth:
    """The token source of a workload identity client, after checking the identity and its company."""
    if api_key is not None and api_key != WORKLOAD_IDENTITY_API_KEY:
        raise OpenAIError("The `api_key` and `workload_identity` arguments are mutually exclusive")
    if not isinstance(identity, dict):
        raise OpenAIError("Invalid `workload_identity` configuration: expected an X.509 or subject-token identity")
    if identity.get("type") == "x509":
        raise OpenAIError(
            "X.509 workload identity (mutual TLS to the mtls API host) is not supported by this client; "
            "use a subject-token identity such as k8s_service_account_token_provider()"
        )
    if "provider" not in identity:
        raise OpenAIError("Invalid `workload_identity` configuration: expected an X.509 or subject-token identity")
    from .auth import _workload

    # The endpoint is read at construction, not bound at import, so a deployment (or a test) can point it elsewhere.
    return _workload.WorkloadIdentityAuth(
        workload_identity=identity,  # type: ignore[arg-type]
        token_exchange_url=_workload.DEFAULT_TOKEN_EXCHANGE_URL,
    )

"""A token endpoint for workload identity: ``POST /oauth/token`` answers an RFC 8693 token exchange.

The access token it issues names the service account and the subject token it was traded for
(``wif.<service_account_id>.<subject_token>``), so a test can tell which exchange a request used.
A subject token of ``rejected`` gets the ``invalid_grant`` error, and a grant type other than the
token exchange gets ``unsupported_grant_type``, both with the bodies an OAuth server sends.
"""

from __future__ import annotations

import json

from ._http import ReceivedRequest
from ._reply import Reply, json_reply

__all__ = ["TOKEN_PATH", "token_exchange"]

TOKEN_PATH = "/oauth/token"
TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange"
TOKEN_LIFETIME_SECONDS = 3600


def _oauth_error(status: int, error: str, description: str) -> Reply:
    return json_reply({"error": error, "error_description": description}, status)


def token_exchange(request: ReceivedRequest) -> Reply:
    """The token endpoint's answer to ``request``."""
    if request.method != "POST":
        return _oauth_error(400, "invalid_request", "The token endpoint accepts POST only.")
    try:
        form = json.loads(request.body or b"{}")
    except ValueError:
        return _oauth_error(400, "invalid_request", "The token request body is not JSON.")
    if not isinstance(form, dict):
        return _oauth_error(400, "invalid_request", "The token request body is not a JSON object.")
    if form.get("grant_type") != TOKEN_EXCHANGE_GRANT:
        return _oauth_error(400, "unsupported_grant_type", f"Unsupported grant_type {form.get('grant_type')!r}.")
    missing = [
        name
        for name in ("subject_token", "subject_token_type", "identity_provider_id", "service_account_id")
        if not isinstance(form.get(name), str) or not form[name]
    ]
    if missing:
        return _oauth_error(400, "invalid_request", f"Missing {', '.join(missing)}.")
    if form["subject_token"] == "rejected":
        return _oauth_error(401, "invalid_grant", "The subject token was rejected.")
    return json_reply(
        {
            "access_token": f"wif.{form['service_account_id']}.{form['subject_token']}",
            "issued_token_type": "urn:ietf:params:oauth:token-type:access_token",
            "token_type": "Bearer",
            "expires_in": TOKEN_LIFETIME_SECONDS,
        }
    )

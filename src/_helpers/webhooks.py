"""Webhook signatures, without I/O: is this request really from OpenAI, and which event does it carry?

OpenAI signs each webhook the Standard Webhooks way. The ``webhook-signature`` header holds one or
more space-separated ``v1,<base64>`` entries, each an HMAC-SHA256 over
``<webhook-id>.<webhook-timestamp>.<raw body>`` keyed with the secret (``whsec_`` + base64 bytes).
A request is accepted when any entry matches and its timestamp is within the tolerance of
now, in either direction, so a captured request cannot be replayed later.

The error messages are the official SDK's, word for word: code that tells the failures apart by
their message keeps working.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from typing import TYPE_CHECKING, Mapping, Optional, Union

if TYPE_CHECKING:
    from ..types.webhooks.unwrap_webhook_event import UnwrapWebhookEvent

from .._public import publish

__all__ = ["DEFAULT_TOLERANCE", "InvalidWebhookSignatureError", "unwrap", "verify_signature"]

#: Seconds a webhook's timestamp may differ from the receiver's clock.
DEFAULT_TOLERANCE = 300

_SECRET_PREFIX = "whsec_"


class InvalidWebhookSignatureError(ValueError):
    """The webhook's signature headers are missing, malformed, stale, or do not match the body."""


def _header(headers: Mapping[str, str], name: str) -> str:
    value = headers.get(name)
    if value is None:
        # Plain dicts are case-sensitive; HTTP header names are not.
        value = next((v for k, v in headers.items() if k.lower() == name), None)
    if value is None or value == "":
        # A ValueError either way (this error is one), as the official SDK raises for it.
        raise InvalidWebhookSignatureError(f"Could not find {name} header")
    return value


def _secret_bytes(secret: str) -> bytes:
    if not secret.startswith(_SECRET_PREFIX):
        return secret.encode("utf-8")
    try:
        return base64.b64decode(secret[len(_SECRET_PREFIX) :], validate=True)
    except binascii.Error:
        raise ValueError("The webhook secret starts with 'whsec_' but the rest is not valid base64") from None


def verify_signature(
    payload: Union[str, bytes],
    headers: Mapping[str, str],
    *,
    secret: str,
    tolerance: float = DEFAULT_TOLERANCE,
    now: Optional[float] = None,
) -> None:
    """Raise :class:`InvalidWebhookSignatureError` unless ``payload`` carries a valid, current OpenAI signature.

    ``payload`` is the request body exactly as received (re-serialised JSON will not match);
    ``headers`` any mapping of the request's headers; ``now`` the current Unix time (default: the clock).
    """
    if not secret:
        raise ValueError("The webhook secret is empty")
    signature_header = _header(headers, "webhook-signature")
    timestamp_header = _header(headers, "webhook-timestamp")
    webhook_id = _header(headers, "webhook-id")

    try:
        timestamp = int(timestamp_header)
    except ValueError:
        raise InvalidWebhookSignatureError("Invalid webhook timestamp format") from None
    current = time.time() if now is None else now
    if current - timestamp > tolerance:
        raise InvalidWebhookSignatureError("Webhook timestamp is too old")
    if timestamp - current > tolerance:
        raise InvalidWebhookSignatureError("Webhook timestamp is too new")

    body = payload.encode("utf-8") if isinstance(payload, str) else payload
    signed = f"{webhook_id}.{timestamp_header}.".encode() + body
    expected = base64.b64encode(hmac.new(_secret_bytes(secret), signed, hashlib.sha256).digest()).decode()

    # `v1,<base64>` entries, and bare signatures as the official SDK also takes them. Every candidate
    # is compared in constant time; any match is enough (secrets may be rotating).
    candidates = [entry[3:] if entry.startswith("v1,") else entry for entry in signature_header.split()]
    if not any(hmac.compare_digest(expected, candidate) for candidate in candidates):
        raise InvalidWebhookSignatureError("The given webhook signature does not match the expected signature")


def unwrap(
    payload: Union[str, bytes],
    headers: Mapping[str, str],
    *,
    secret: str,
    tolerance: float = DEFAULT_TOLERANCE,
    now: Optional[float] = None,
) -> UnwrapWebhookEvent:
    """Verify the signature, then return the event the body holds as its typed model."""
    verify_signature(payload, headers, secret=secret, tolerance=tolerance, now=now)
    # Deferred: checking a signature alone needs neither pydantic nor the event models.
    from .._models import construct_type
    from ..types.webhooks.unwrap_webhook_event import UnwrapWebhookEvent

    try:
        data = json.loads(payload)
    except ValueError as exc:
        raise ValueError(f"The webhook body is not JSON: {exc}") from None
    event: UnwrapWebhookEvent = construct_type(UnwrapWebhookEvent, data)
    return event


# Tracebacks and reprs name these where users import them (see _public.py).
publish(globals(), __all__)

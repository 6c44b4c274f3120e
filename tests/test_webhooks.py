"""Webhook signatures without I/O: the Standard Webhooks scheme OpenAI uses, and typed events."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Dict, Optional

import pytest

from openai._helpers.webhooks import InvalidWebhookSignatureError, unwrap, verify_signature
from openai.types.webhooks import BatchCompletedWebhookEvent, ResponseCompletedWebhookEvent

KEY = b"webhook-test-key-0123456789"
SECRET = "whsec_" + base64.b64encode(KEY).decode()
NOW = 1_700_000_000
BODY = json.dumps(
    {
        "id": "evt_1",
        "object": "event",
        "created_at": NOW,
        "type": "response.completed",
        "data": {"id": "resp_1"},
    }
)


def sign(body: str, *, webhook_id: str = "wh_1", timestamp: int = NOW, key: bytes = KEY) -> str:
    """The signature, computed independently of the code under test."""
    mac = hmac.new(key, f"{webhook_id}.{timestamp}.{body}".encode(), hashlib.sha256).digest()
    return "v1," + base64.b64encode(mac).decode()


def headers(body: str = BODY, *, signature: Optional[str] = None, timestamp: int = NOW) -> Dict[str, str]:
    return {
        "webhook-id": "wh_1",
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature if signature is not None else sign(body, timestamp=timestamp),
    }


def test_a_correct_signature_passes_for_text_and_bytes() -> None:
    verify_signature(BODY, headers(), secret=SECRET, now=NOW)
    verify_signature(BODY.encode(), headers(), secret=SECRET, now=NOW)


def test_header_names_are_case_insensitive() -> None:
    upper = {name.title(): value for name, value in headers().items()}
    verify_signature(BODY, upper, secret=SECRET, now=NOW)


def test_any_v1_entry_may_match() -> None:
    rotating = f"v1,{base64.b64encode(b'x' * 32).decode()} v2,ignored {sign(BODY)}"
    verify_signature(BODY, headers(signature=rotating), secret=SECRET, now=NOW)


def test_a_changed_body_fails() -> None:
    with pytest.raises(InvalidWebhookSignatureError, match="does not match"):
        verify_signature(BODY + " ", headers(), secret=SECRET, now=NOW)


def test_a_signature_from_another_secret_fails() -> None:
    forged = sign(BODY, key=b"another key")
    with pytest.raises(InvalidWebhookSignatureError, match="does not match"):
        verify_signature(BODY, headers(signature=forged), secret=SECRET, now=NOW)


def test_the_id_is_part_of_what_is_signed() -> None:
    moved = {**headers(), "webhook-id": "wh_2"}
    with pytest.raises(InvalidWebhookSignatureError):
        verify_signature(BODY, moved, secret=SECRET, now=NOW)


def test_a_secret_without_the_prefix_is_used_as_raw_bytes() -> None:
    raw = "plain-secret"
    verify_signature(BODY, headers(signature=sign(BODY, key=raw.encode())), secret=raw, now=NOW)


def test_a_broken_whsec_secret_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="not valid base64"):
        verify_signature(BODY, headers(), secret="whsec_!!!", now=NOW)


@pytest.mark.parametrize("missing", ["webhook-id", "webhook-timestamp", "webhook-signature"])
def test_each_missing_header_is_named(missing: str) -> None:
    partial = {name: value for name, value in headers().items() if name != missing}
    with pytest.raises(InvalidWebhookSignatureError, match=rf"^Could not find {missing} header$"):
        verify_signature(BODY, partial, secret=SECRET, now=NOW)


def test_a_signature_header_without_v1_entries_fails() -> None:
    with pytest.raises(
        InvalidWebhookSignatureError, match=r"^The given webhook signature does not match the expected signature$"
    ):
        verify_signature(BODY, headers(signature="v2,abc"), secret=SECRET, now=NOW)


def test_a_timestamp_that_is_not_a_number_fails() -> None:
    bad = {**headers(), "webhook-timestamp": "yesterday"}
    with pytest.raises(InvalidWebhookSignatureError, match=r"^Invalid webhook timestamp format$"):
        verify_signature(BODY, bad, secret=SECRET, now=NOW)


def test_the_tolerance_is_300_seconds_both_ways() -> None:
    verify_signature(BODY, headers(timestamp=NOW - 300), secret=SECRET, now=NOW)
    verify_signature(BODY, headers(timestamp=NOW + 300), secret=SECRET, now=NOW)
    with pytest.raises(InvalidWebhookSignatureError, match=r"^Webhook timestamp is too old$"):
        verify_signature(BODY, headers(timestamp=NOW - 301), secret=SECRET, now=NOW)
    with pytest.raises(InvalidWebhookSignatureError, match=r"^Webhook timestamp is too new$"):
        verify_signature(BODY, headers(timestamp=NOW + 301), secret=SECRET, now=NOW)
    verify_signature(BODY, headers(timestamp=NOW - 3000), secret=SECRET, now=NOW, tolerance=3600)


def test_the_error_is_a_value_error() -> None:
    assert issubclass(InvalidWebhookSignatureError, ValueError)


def test_unwrap_returns_the_typed_event() -> None:
    event = unwrap(BODY, headers(), secret=SECRET, now=NOW)
    assert isinstance(event, ResponseCompletedWebhookEvent)
    assert event.data.id == "resp_1"

    batch_body = json.dumps(
        {"id": "evt_2", "object": "event", "created_at": NOW, "type": "batch.completed", "data": {"id": "batch_1"}}
    )
    batch = unwrap(batch_body, headers(batch_body), secret=SECRET, now=NOW)
    assert isinstance(batch, BatchCompletedWebhookEvent)


def test_unwrap_verifies_first() -> None:
    with pytest.raises(InvalidWebhookSignatureError):
        unwrap(BODY, headers(signature=sign("other")), secret=SECRET, now=NOW)

"""``client.webhooks``: the secret comes from the client unless the call gives one."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Dict

import pytest

from openai._async.resources.webhooks import AsyncWebhooks
from openai._helpers.webhooks import InvalidWebhookSignatureError
from openai.types.webhooks import FineTuningJobSucceededWebhookEvent
from tests._transports import make_async_client

KEY = b"client-webhook-key"
SECRET = "whsec_" + base64.b64encode(KEY).decode()
BODY = json.dumps(
    {
        "id": "evt_1",
        "object": "event",
        "created_at": 1,
        "type": "fine_tuning.job.succeeded",
        "data": {"id": "ftjob_1"},
    }
)


def signed_headers(body: str, key: bytes = KEY) -> Dict[str, str]:
    timestamp = str(int(time.time()))
    mac = hmac.new(key, f"wh_1.{timestamp}.{body}".encode(), hashlib.sha256).digest()
    return {
        "webhook-id": "wh_1",
        "webhook-timestamp": timestamp,
        "webhook-signature": "v1," + base64.b64encode(mac).decode(),
    }


async def test_unwrap_with_the_clients_secret() -> None:
    async with make_async_client("httpx", "http://127.0.0.1:1/v1", webhook_secret=SECRET) as client:
        webhooks = AsyncWebhooks(client)
        event = webhooks.unwrap(BODY, signed_headers(BODY))
        webhooks.verify_signature(BODY.encode(), signed_headers(BODY))
    assert isinstance(event, FineTuningJobSucceededWebhookEvent)
    assert event.data.id == "ftjob_1"


async def test_the_secret_argument_wins_and_a_wrong_one_fails() -> None:
    other = "whsec_" + base64.b64encode(b"other").decode()
    async with make_async_client("httpx", "http://127.0.0.1:1/v1", webhook_secret=other) as client:
        webhooks = AsyncWebhooks(client)
        with pytest.raises(InvalidWebhookSignatureError):
            webhooks.unwrap(BODY, signed_headers(BODY))
        assert webhooks.unwrap(BODY, signed_headers(BODY), secret=SECRET).id == "evt_1"


async def test_without_any_secret_the_error_says_where_to_set_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_WEBHOOK_SECRET", raising=False)
    async with make_async_client("httpx", "http://127.0.0.1:1/v1") as client:
        with pytest.raises(
            ValueError, match=r"^The webhook secret must either be set using the env var, OPENAI_WEBHOOK_SECRET, "
        ):
            AsyncWebhooks(client).verify_signature(BODY, signed_headers(BODY))

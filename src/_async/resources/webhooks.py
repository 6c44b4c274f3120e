"""``client.webhooks``: check that a webhook request came from OpenAI, and read its event.

No request is made; this resource only needs the client's ``webhook_secret`` (``OPENAI_WEBHOOK_SECRET``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Optional, Union

from ..._helpers.webhooks import DEFAULT_TOLERANCE, unwrap, verify_signature
from ._base import AsyncAPIResource

if TYPE_CHECKING:
    from ...types.webhooks.unwrap_webhook_event import UnwrapWebhookEvent

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._webhooks_views import AsyncWebhooksWithRawResponse, AsyncWebhooksWithStreamingResponse
else:
    from ._webhooks_views import AsyncWebhooksWithRawResponse, AsyncWebhooksWithStreamingResponse

__all__ = ["AsyncWebhooks", "AsyncWebhooksWithRawResponse", "AsyncWebhooksWithStreamingResponse"]


class AsyncWebhooks(AsyncAPIResource):
    """Webhook verification: HMAC-SHA256 signatures over ``webhook-id.webhook-timestamp.body``."""

    with_raw_response: AsyncWebhooksWithRawResponse
    with_streaming_response: AsyncWebhooksWithStreamingResponse

    def _secret(self, secret: Optional[str]) -> str:
        chosen = secret if secret is not None else getattr(self._client, "webhook_secret", None)
        if not chosen:
            # The official SDK's wording, as every webhook error here.
            raise ValueError(
                "The webhook secret must either be set using the env var, OPENAI_WEBHOOK_SECRET, "
                "on the client class, OpenAI(webhook_secret='123'), or passed to this function"
            )
        return str(chosen)

    def unwrap(
        self,
        payload: Union[str, bytes],
        headers: Mapping[str, str],
        *,
        secret: Optional[str] = None,
    ) -> UnwrapWebhookEvent:
        """Verify the request's signature and return its event as a typed model.

        ``payload`` is the raw request body, exactly as received; ``headers`` the request's headers.
        Raises ``InvalidWebhookSignatureError`` when the signature is missing, stale or wrong.
        """
        return unwrap(payload, headers, secret=self._secret(secret))

    def verify_signature(
        self,
        payload: Union[str, bytes],
        headers: Mapping[str, str],
        *,
        secret: Optional[str] = None,
        tolerance: int = DEFAULT_TOLERANCE,
    ) -> None:
        """Raise ``InvalidWebhookSignatureError`` unless the request carries a valid, current OpenAI signature.

        ``tolerance`` is how many seconds the ``webhook-timestamp`` may differ from now.
        """
        verify_signature(payload, headers, secret=self._secret(secret), tolerance=tolerance)

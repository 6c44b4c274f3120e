"""``client.realtime.translations``: Realtime speech translation sessions."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..._base import AsyncAPIResource, AsyncRawResponseView, AsyncStreamingResponseView

if TYPE_CHECKING:
    from .client_secrets import (
        AsyncClientSecrets,
        AsyncClientSecretsWithRawResponse,
        AsyncClientSecretsWithStreamingResponse,
    )

__all__ = ["AsyncTranslations", "AsyncTranslationsWithRawResponse", "AsyncTranslationsWithStreamingResponse"]


class AsyncTranslations(AsyncAPIResource):
    """Realtime translation: ``client.realtime.translations.client_secrets``."""

    with_raw_response: AsyncTranslationsWithRawResponse
    with_streaming_response: AsyncTranslationsWithStreamingResponse

    @functools.cached_property
    def client_secrets(self) -> AsyncClientSecrets:
        """Short-lived secrets that let a browser or device open a translation session."""
        from .client_secrets import AsyncClientSecrets

        return AsyncClientSecrets(self._client)


class AsyncTranslationsWithRawResponse(AsyncRawResponseView, resource=AsyncTranslations):
    """``AsyncTranslations`` with each call returning the raw HTTP response; ``.parse()`` gives the usual result."""

    client_secrets: AsyncClientSecretsWithRawResponse


class AsyncTranslationsWithStreamingResponse(AsyncStreamingResponseView, resource=AsyncTranslations):
    """``AsyncTranslations`` with each call a context manager over the response before its body is read."""

    client_secrets: AsyncClientSecretsWithStreamingResponse

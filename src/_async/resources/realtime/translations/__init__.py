"""``client.realtime.translations``: Realtime speech translation sessions."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..._base import AsyncAPIResource

if TYPE_CHECKING:
    from .client_secrets import (
        AsyncClientSecrets,
    )

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncTranslationsWithRawResponse, AsyncTranslationsWithStreamingResponse
else:
    from ._views import AsyncTranslationsWithRawResponse, AsyncTranslationsWithStreamingResponse

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

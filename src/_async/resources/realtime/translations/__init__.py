"""``client.realtime.translations``: Realtime speech translation sessions."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..._base import AsyncAPIResource

if TYPE_CHECKING:
    from .client_secrets import AsyncClientSecrets

__all__ = ["AsyncTranslations"]


class AsyncTranslations(AsyncAPIResource):
    """Realtime translation: ``client.realtime.translations.client_secrets``."""

    @functools.cached_property
    def client_secrets(self) -> AsyncClientSecrets:
        """Short-lived secrets that let a browser or device open a translation session."""
        from .client_secrets import AsyncClientSecrets

        return AsyncClientSecrets(self._client)

"""``client.audio``: speech, transcriptions, translations and custom voices."""

from __future__ import annotations

import functools

from .._base import AsyncAPIResource
from .speech import AsyncSpeech
from .transcriptions import AsyncTranscriptions
from .translations import AsyncTranslations
from .voice_consents import AsyncVoiceConsents
from .voices import AsyncVoices

__all__ = [
    "AsyncAudio",
    "AsyncSpeech",
    "AsyncTranscriptions",
    "AsyncTranslations",
    "AsyncVoiceConsents",
    "AsyncVoices",
]


class AsyncAudio(AsyncAPIResource):
    """Audio: ``client.audio.speech``, ``.transcriptions``, ``.translations``, ``.voice_consents``, ``.voices``."""

    @functools.cached_property
    def speech(self) -> AsyncSpeech:
        """Text to spoken audio."""
        return AsyncSpeech(self._client)

    @functools.cached_property
    def transcriptions(self) -> AsyncTranscriptions:
        """Audio to text in the language spoken."""
        return AsyncTranscriptions(self._client)

    @functools.cached_property
    def translations(self) -> AsyncTranslations:
        """Audio to English text."""
        return AsyncTranslations(self._client)

    @functools.cached_property
    def voice_consents(self) -> AsyncVoiceConsents:
        """Recorded consents that allow a custom voice to be made."""
        return AsyncVoiceConsents(self._client)

    @functools.cached_property
    def voices(self) -> AsyncVoices:
        """Custom voices made from an audio sample."""
        return AsyncVoices(self._client)

"""``client.audio``: speech, transcriptions, translations and custom voices."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .._base import AsyncAPIResource, AsyncRawResponseView, AsyncStreamingResponseView

if TYPE_CHECKING:
    from .speech import AsyncSpeech, AsyncSpeechWithRawResponse, AsyncSpeechWithStreamingResponse
    from .transcriptions import (
        AsyncTranscriptions,
        AsyncTranscriptionsWithRawResponse,
        AsyncTranscriptionsWithStreamingResponse,
    )
    from .translations import (
        AsyncTranslations,
        AsyncTranslationsWithRawResponse,
        AsyncTranslationsWithStreamingResponse,
    )
    from .voice_consents import (
        AsyncVoiceConsents,
        AsyncVoiceConsentsWithRawResponse,
        AsyncVoiceConsentsWithStreamingResponse,
    )
    from .voices import AsyncVoices, AsyncVoicesWithRawResponse, AsyncVoicesWithStreamingResponse

__all__ = ["AsyncAudio", "AsyncAudioWithRawResponse", "AsyncAudioWithStreamingResponse"]


class AsyncAudio(AsyncAPIResource):
    """Audio: ``client.audio.speech``, ``.transcriptions``, ``.translations``, ``.voice_consents``, ``.voices``."""

    with_raw_response: AsyncAudioWithRawResponse
    with_streaming_response: AsyncAudioWithStreamingResponse

    @functools.cached_property
    def speech(self) -> AsyncSpeech:
        """Text to spoken audio."""
        from .speech import AsyncSpeech

        return AsyncSpeech(self._client)

    @functools.cached_property
    def transcriptions(self) -> AsyncTranscriptions:
        """Audio to text in the language spoken."""
        from .transcriptions import AsyncTranscriptions

        return AsyncTranscriptions(self._client)

    @functools.cached_property
    def translations(self) -> AsyncTranslations:
        """Audio to English text."""
        from .translations import AsyncTranslations

        return AsyncTranslations(self._client)

    @functools.cached_property
    def voice_consents(self) -> AsyncVoiceConsents:
        """Recorded consents that allow a custom voice to be made."""
        from .voice_consents import AsyncVoiceConsents

        return AsyncVoiceConsents(self._client)

    @functools.cached_property
    def voices(self) -> AsyncVoices:
        """Custom voices made from an audio sample."""
        from .voices import AsyncVoices

        return AsyncVoices(self._client)


class AsyncAudioWithRawResponse(AsyncRawResponseView, resource=AsyncAudio):
    """``AsyncAudio`` with each call returning the raw HTTP response; ``.parse()`` gives the usual result."""

    speech: AsyncSpeechWithRawResponse
    transcriptions: AsyncTranscriptionsWithRawResponse
    translations: AsyncTranslationsWithRawResponse
    voice_consents: AsyncVoiceConsentsWithRawResponse
    voices: AsyncVoicesWithRawResponse


class AsyncAudioWithStreamingResponse(AsyncStreamingResponseView, resource=AsyncAudio):
    """``AsyncAudio`` with each call a context manager over the response before its body is read."""

    speech: AsyncSpeechWithStreamingResponse
    transcriptions: AsyncTranscriptionsWithStreamingResponse
    translations: AsyncTranslationsWithStreamingResponse
    voice_consents: AsyncVoiceConsentsWithStreamingResponse
    voices: AsyncVoicesWithStreamingResponse

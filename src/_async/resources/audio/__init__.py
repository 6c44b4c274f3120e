"""``client.audio``: speech, transcriptions, translations and custom voices."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .._base import AsyncAPIResource

if TYPE_CHECKING:
    from .speech import AsyncSpeech
    from .transcriptions import (
        AsyncTranscriptions,
    )
    from .translations import (
        AsyncTranslations,
    )
    from .voice_consents import (
        AsyncVoiceConsents,
    )
    from .voices import AsyncVoices

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncAudioWithRawResponse, AsyncAudioWithStreamingResponse
else:
    from ._views import AsyncAudioWithRawResponse, AsyncAudioWithStreamingResponse

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

"""``client.audio.speech``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._response import HttpxBinaryResponseContent
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.audio import SpeechCreateParams
from .._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._speech_views import AsyncSpeechWithRawResponse, AsyncSpeechWithStreamingResponse
else:
    from ._speech_views import AsyncSpeechWithRawResponse, AsyncSpeechWithStreamingResponse

__all__ = ["AsyncSpeech", "AsyncSpeechWithRawResponse", "AsyncSpeechWithStreamingResponse"]


class AsyncSpeech(AsyncAPIResource):
    """Text to spoken audio."""

    with_raw_response: AsyncSpeechWithRawResponse
    with_streaming_response: AsyncSpeechWithStreamingResponse

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[SpeechCreateParams],
    ) -> HttpxBinaryResponseContent:
        """Speak the input text; the audio bytes come back whole (``write_to_file(path)`` saves them)."""
        return await self._call(
            "post",
            "/audio/speech",
            body=params,
            cast_to=HttpxBinaryResponseContent,
            accept="application/octet-stream",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

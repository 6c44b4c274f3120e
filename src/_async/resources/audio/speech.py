"""``client.audio.speech``."""

from __future__ import annotations

from typing import Optional, Union

from typing_extensions import Unpack

from ...._response import HttpxBinaryResponseContent
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.audio import SpeechCreateParams
from .._base import (
    AsyncAPIResource,
    AsyncRawMethod,
    AsyncRawResponseView,
    AsyncStreamedMethod,
    AsyncStreamingResponseView,
)

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


class AsyncSpeechWithRawResponse(AsyncRawResponseView, resource=AsyncSpeech):
    """``AsyncSpeech`` with each call returning the raw HTTP response; ``.parse()`` gives the usual result."""

    create = AsyncRawMethod(AsyncSpeech.create)


class AsyncSpeechWithStreamingResponse(AsyncStreamingResponseView, resource=AsyncSpeech):
    """``AsyncSpeech`` with each call a context manager over the response before its body is read."""

    create = AsyncStreamedMethod(AsyncSpeech.create)

"""``client.audio.transcriptions``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union, overload

from typing_extensions import Unpack

from ...._helpers.audio_formats import audio_result_type
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.audio import (
    Transcription,
    TranscriptionCreateParams,
    TranscriptionCreateParamsStreaming,
    TranscriptionCreateResponse,
    TranscriptionDiarized,
    TranscriptionStreamEvent,
    TranscriptionVerbose,
)
from ....types.audio.transcription_create_params import (
    _TranscriptionCreateParamsDiarizedJson,
    _TranscriptionCreateParamsJson,
    _TranscriptionCreateParamsText,
    _TranscriptionCreateParamsVerboseJson,
)
from ..._streaming import AsyncStream
from .._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._transcriptions_views import AsyncTranscriptionsWithRawResponse, AsyncTranscriptionsWithStreamingResponse
else:
    from ._transcriptions_views import AsyncTranscriptionsWithRawResponse, AsyncTranscriptionsWithStreamingResponse

__all__ = ["AsyncTranscriptions", "AsyncTranscriptionsWithRawResponse", "AsyncTranscriptionsWithStreamingResponse"]


class AsyncTranscriptions(AsyncAPIResource):
    """Audio to text in the language spoken."""

    with_raw_response: AsyncTranscriptionsWithRawResponse
    with_streaming_response: AsyncTranscriptionsWithStreamingResponse

    # The result follows `response_format` and `stream`, as with the official SDK's overloads.
    @overload
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[_TranscriptionCreateParamsJson],
    ) -> Transcription: ...

    @overload
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[_TranscriptionCreateParamsVerboseJson],
    ) -> TranscriptionVerbose: ...

    @overload
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[_TranscriptionCreateParamsText],
    ) -> str: ...

    @overload
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[_TranscriptionCreateParamsDiarizedJson],
    ) -> TranscriptionDiarized: ...

    @overload
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[TranscriptionCreateParamsStreaming],
    ) -> AsyncStream[TranscriptionStreamEvent]: ...

    @overload
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[TranscriptionCreateParams],
    ) -> Union[TranscriptionCreateResponse, str, AsyncStream[TranscriptionStreamEvent]]: ...

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[TranscriptionCreateParams],
    ) -> Union[TranscriptionCreateResponse, str, AsyncStream[TranscriptionStreamEvent]]:
        """Transcribe an audio file; ``stream=True`` returns the text events as they come.

        The model follows ``response_format``; ``text``, ``srt`` and ``vtt`` return a ``str``.
        """
        result: Union[TranscriptionCreateResponse, str, AsyncStream[TranscriptionStreamEvent]] = await self._call(
            "post",
            "/audio/transcriptions",
            body=params,
            multipart=True,
            cast_to=audio_result_type(
                params.get("response_format"),
                {"verbose_json": TranscriptionVerbose, "diarized_json": TranscriptionDiarized},
                Transcription,
            ),
            stream_item=TranscriptionStreamEvent,
            # The stream stops after its `transcript.text.done` event; no [DONE] follows.
            stream_ends_with_done=False,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return result

"""``client.audio.transcriptions``."""

from __future__ import annotations

from typing import Any, Optional, Union, overload

from typing_extensions import Unpack

from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.audio import (
    Transcription,
    TranscriptionCreateParams,
    TranscriptionCreateParamsNonStreaming,
    TranscriptionCreateParamsStreaming,
    TranscriptionCreateResponse,
    TranscriptionDiarized,
    TranscriptionStreamEvent,
    TranscriptionVerbose,
)
from ..._streaming import AsyncStream
from .._base import AsyncAPIResource

__all__ = ["AsyncTranscriptions"]

# These formats come back as plain text, not JSON, so there is no model to build.
_PLAIN_TEXT_FORMATS = frozenset({"text", "srt", "vtt"})


def _result_type(response_format: object) -> Any:
    """What a transcription in ``response_format`` parses into.

    Each JSON format has its own shape; naming it here, rather than letting the union guess,
    keeps a verbose answer from being read as the plain one (all three share ``text``).
    """
    if response_format in _PLAIN_TEXT_FORMATS:
        return str
    if response_format == "verbose_json":
        return TranscriptionVerbose
    if response_format == "diarized_json":
        return TranscriptionDiarized
    return Transcription


class AsyncTranscriptions(AsyncAPIResource):
    """Audio to text in the language spoken."""

    @overload
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[TranscriptionCreateParamsNonStreaming],
    ) -> TranscriptionCreateResponse: ...

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
    ) -> Union[TranscriptionCreateResponse, AsyncStream[TranscriptionStreamEvent]]: ...

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[TranscriptionCreateParams],
    ) -> Union[TranscriptionCreateResponse, AsyncStream[TranscriptionStreamEvent]]:
        """Transcribe an audio file; ``stream=True`` returns the text events as they come.

        The model follows ``response_format``; ``text``, ``srt`` and ``vtt`` return a ``str``.
        """
        result: Union[TranscriptionCreateResponse, AsyncStream[TranscriptionStreamEvent]] = await self._call(
            "post",
            "/audio/transcriptions",
            body=params,
            multipart=True,
            cast_to=_result_type(params.get("response_format")),
            stream_item=TranscriptionStreamEvent if params.get("stream") else None,
            # The stream stops after its `transcript.text.done` event; no [DONE] follows.
            stream_ends_with_done=False,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return result

"""Checked by mypy in tests/test_typing_overloads.py, never run: the result types a type checker sees for the
calls whose official overloads are keyed on a literal argument (``stream``, ``response_format``)."""

from __future__ import annotations

from typing_extensions import assert_type

from openai import AsyncOpenAI, AsyncStream, OpenAI, Stream
from openai.types import Completion, ImageEditStreamEvent, ImageGenStreamEvent, ImagesResponse
from openai.types.audio import (
    Transcription,
    TranscriptionDiarized,
    TranscriptionStreamEvent,
    TranscriptionVerbose,
    Translation,
    TranslationVerbose,
)
from openai.types.beta import BetaResponse, BetaResponseStreamEvent
from openai.types.chat import ChatCompletion, ChatCompletionChunk
from openai.types.responses import Response, ResponseStreamEvent

AUDIO = b"RIFF"
MESSAGES = [{"role": "user", "content": "hi"}]


def sync_calls(client: OpenAI) -> None:
    audio = client.audio
    assert_type(audio.transcriptions.create(file=AUDIO, model="whisper-1"), Transcription)
    assert_type(audio.transcriptions.create(file=AUDIO, model="whisper-1", response_format="json"), Transcription)
    verbose = audio.transcriptions.create(file=AUDIO, model="whisper-1", response_format="verbose_json")
    assert_type(verbose, TranscriptionVerbose)
    assert_type(audio.transcriptions.create(file=AUDIO, model="whisper-1", response_format="text"), str)
    assert_type(audio.transcriptions.create(file=AUDIO, model="whisper-1", response_format="srt"), str)
    assert_type(audio.transcriptions.create(file=AUDIO, model="whisper-1", response_format="vtt"), str)
    diarized = audio.transcriptions.create(file=AUDIO, model="gpt-4o", response_format="diarized_json")
    assert_type(diarized, TranscriptionDiarized)
    streamed = audio.transcriptions.create(file=AUDIO, model="gpt-4o-transcribe", stream=True)
    assert_type(streamed, Stream[TranscriptionStreamEvent])
    assert_type(audio.translations.create(file=AUDIO, model="whisper-1"), Translation)
    assert_type(
        audio.translations.create(file=AUDIO, model="whisper-1", response_format="verbose_json"), TranslationVerbose
    )
    assert_type(audio.translations.create(file=AUDIO, model="whisper-1", response_format="srt"), str)

    assert_type(client.chat.completions.create(model="m", messages=[]), ChatCompletion)
    assert_type(client.chat.completions.create(model="m", messages=[], stream=True), Stream[ChatCompletionChunk])
    assert_type(client.completions.create(model="m", prompt="p"), Completion)
    assert_type(client.completions.create(model="m", prompt="p", stream=True), Stream[Completion])
    assert_type(client.responses.create(model="m", input="hi"), Response)
    assert_type(client.responses.create(model="m", input="hi", stream=True), Stream[ResponseStreamEvent])
    assert_type(client.responses.retrieve("resp_1"), Response)
    assert_type(client.responses.retrieve("resp_1", stream=True), Stream[ResponseStreamEvent])
    assert_type(client.beta.responses.create(model="m", input="hi"), BetaResponse)
    beta_streamed = client.beta.responses.create(model="m", input="hi", stream=True)
    assert_type(beta_streamed, Stream[BetaResponseStreamEvent])
    assert_type(client.beta.responses.retrieve("resp_1"), BetaResponse)
    assert_type(client.beta.responses.retrieve("resp_1", stream=True), Stream[BetaResponseStreamEvent])
    assert_type(client.images.generate(prompt="p"), ImagesResponse)
    assert_type(client.images.generate(prompt="p", stream=True), Stream[ImageGenStreamEvent])
    assert_type(client.images.edit(image=AUDIO, prompt="p"), ImagesResponse)
    assert_type(client.images.edit(image=AUDIO, prompt="p", stream=True), Stream[ImageEditStreamEvent])


async def async_calls(client: AsyncOpenAI) -> None:
    audio = client.audio
    assert_type(await audio.transcriptions.create(file=AUDIO, model="whisper-1"), Transcription)
    verbose = await audio.transcriptions.create(file=AUDIO, model="whisper-1", response_format="verbose_json")
    assert_type(verbose, TranscriptionVerbose)
    assert_type(await audio.transcriptions.create(file=AUDIO, model="whisper-1", response_format="text"), str)
    assert_type(await audio.transcriptions.create(file=AUDIO, model="whisper-1", response_format="vtt"), str)
    streamed = await audio.transcriptions.create(file=AUDIO, model="gpt-4o-transcribe", stream=True)
    assert_type(streamed, AsyncStream[TranscriptionStreamEvent])
    assert_type(await audio.translations.create(file=AUDIO, model="whisper-1"), Translation)
    assert_type(await audio.translations.create(file=AUDIO, model="whisper-1", response_format="text"), str)

    chat = client.chat.completions
    assert_type(await chat.create(model="m", messages=[]), ChatCompletion)
    assert_type(await chat.create(model="m", messages=[], stream=True), AsyncStream[ChatCompletionChunk])
    assert_type(await client.completions.create(model="m", prompt="p", stream=True), AsyncStream[Completion])
    assert_type(await client.responses.create(model="m", input="hi"), Response)
    responses_streamed = await client.responses.create(model="m", input="hi", stream=True)
    assert_type(responses_streamed, AsyncStream[ResponseStreamEvent])
    assert_type(await client.beta.responses.retrieve("resp_1"), BetaResponse)
    assert_type(await client.images.generate(prompt="p", stream=True), AsyncStream[ImageGenStreamEvent])

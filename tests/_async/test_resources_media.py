"""Audio, images, videos, content provenance checks and the newer fine-tuning calls, against respx mocks.

Every call in codegen/resource_types.json under these resources is made once (method, path, body
encoding, return type); a few are checked in detail: multipart uploads, binary downloads, event
streams that end without ``[DONE]``, the transcription format switch, and pagination.
"""

from __future__ import annotations

import importlib
import inspect
import json
from pathlib import Path
from typing import Any, AsyncIterator, get_args

import httpx
import pytest
import respx

from openai import AsyncOpenAI
from openai._async._pagination import AsyncConversationCursorPage, AsyncPage
from openai._async.resources.audio import AsyncAudio
from openai._async.resources.content_provenance_checks import AsyncContentProvenanceChecks
from openai._async.resources.fine_tuning import AsyncFineTuning
from openai._async.resources.images import AsyncImages
from openai._async.resources.videos import AsyncVideos
from openai._response import HttpxBinaryResponseContent
from openai._signatures import takes_params as takes_params_typeddict
from openai.types import ImageEditCompletedEvent, ImageGenCompletedEvent, ImageGenPartialImageEvent, ImagesResponse
from openai.types.audio import (
    Transcription,
    TranscriptionTextDeltaEvent,
    TranscriptionTextDoneEvent,
    TranscriptionVerbose,
    TranslationVerbose,
)
from openai.types.fine_tuning.checkpoints import PermissionCreateResponse, PermissionDeleteResponse
from tests._transports import make_async_client

BASE_URL = "http://127.0.0.1:1/v1"
RESOURCE_TYPES = Path(__file__).resolve().parents[2] / "codegen" / "resource_types.json"
RESOURCES: dict[str, Any] = {
    "audio": AsyncAudio,
    "images": AsyncImages,
    "videos": AsyncVideos,
    "content_provenance_checks": AsyncContentProvenanceChecks,
    "fine_tuning": AsyncFineTuning,
}
# fine_tuning.jobs is tested with the core resources; only the calls added here are listed.
PREFIXES = (
    *(f"client.{name}." for name in RESOURCES if name != "fine_tuning"),
    "client.fine_tuning.alpha.",
    "client.fine_tuning.checkpoints.",
)
PAGE_CLASSES: dict[str, Any] = {"SyncPage": AsyncPage, "SyncConversationCursorPage": AsyncConversationCursorPage}
# Required params that are uploads; every other required param gets a short string.
FILE_PARAMS = frozenset({"file", "image", "recording", "audio_sample", "video"})


def media_calls() -> list[dict[str, Any]]:
    calls = json.loads(RESOURCE_TYPES.read_text(encoding="utf-8"))["calls"]
    return [call for call in calls if call["call"].startswith(PREFIXES)]


CALLS = media_calls()


@pytest.fixture
async def client() -> AsyncIterator[AsyncOpenAI]:
    async with make_async_client("httpx", BASE_URL, max_retries=0) as api:
        yield api


def resolve(client: AsyncOpenAI, call: str) -> Any:
    top, *rest = call.removeprefix("client.").split(".")
    target: Any = RESOURCES[top](client)
    for name in rest:
        target = getattr(target, name)
    return target


def sse(*events: dict[str, Any]) -> bytes:
    return b"".join(f"event: {event['type']}\ndata: {json.dumps(event)}\n\n".encode() for event in events)


def test_the_table_lists_every_call() -> None:
    # 9 audio + 3 images + 10 videos + 1 provenance check + 2 graders + 4 checkpoint permissions.
    assert len(CALLS) == 29


PARAMS = [pytest.param(call, id=call["call"].removeprefix("client.")) for call in CALLS]


@pytest.mark.parametrize("call", PARAMS)
async def test_every_call_hits_its_operation(client: AsyncOpenAI, call: dict[str, Any]) -> None:
    method = resolve(client, call["call"])
    written = [arg.strip() for arg in call["args"].split(",") if arg.strip()]
    positional = written[: written.index("*")] if "*" in written else [a for a in written if a != "**params"]
    keyword_only = [arg for arg in written[written.index("*") + 1 :] if arg != "**params"] if "*" in written else []
    parameters = inspect.signature(method).parameters.values()
    assert [p.name for p in parameters if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD] == positional
    assert [p.name for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY][: len(keyword_only)] == (
        keyword_only
    )
    # `**params` as written; the signature shows its keys one by one.
    assert takes_params_typeddict(method) == ("**params" in written)

    values = {name: f"{name}-1" for name in call["path_params"]}
    required = (call["params"] or {}).get("required", [])
    params = {name: (b"bytes" if name in FILE_PARAMS else "x") for name in required}
    if call["result"] == "page":
        reply: dict[str, Any] = {"json": {"object": "list", "data": [{"id": "item-1"}], "has_more": False}}
    elif call["binary"]:
        reply = {"content": b"\x00\x01binary"}
    else:
        reply = {"json": {"id": "x-1"}}
    with respx.mock(base_url=BASE_URL, assert_all_called=True) as mock:
        route = mock.route(method=call["http_method"], path=call["path"].format(**values)).respond(**reply)
        result = await method(
            *[values[name] for name in positional], **{name: values[name] for name in keyword_only}, **params
        )
    assert route.call_count == 1

    if call["result"] == "page":
        assert isinstance(result, PAGE_CLASSES[call["page"]["kind"]])
        item = call["page"]["item"]
        assert [type(entry) for entry in result.data] == [
            getattr(importlib.import_module(item["module"]), item["name"])
        ]
    elif call["binary"]:
        assert isinstance(result, HttpxBinaryResponseContent)
        assert result.content == b"\x00\x01binary"
    else:
        returns = call["returns"]
        declared = getattr(importlib.import_module(returns["module"]), returns["name"])
        assert isinstance(result, get_args(declared) or declared)

    sent = route.calls.last.request
    if call["multipart"]:
        assert sent.headers["content-type"].startswith("multipart/form-data; boundary=")
        for name in required:
            assert f'name="{name}"'.encode() in sent.content
    elif call["body"] == "application/json":
        assert sent.headers["content-type"] == "application/json"
        assert json.loads(sent.content) == params
    else:
        assert sent.content == b""


async def test_transcription_is_a_multipart_upload_parsed_by_its_format(client: AsyncOpenAI) -> None:
    audio = AsyncAudio(client)
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/audio/transcriptions").respond(json={"text": "hello"})
        plain = await audio.transcriptions.create(
            file=("clip.wav", b"RIFF....", "audio/wav"), model="gpt-4o-transcribe", include=["logprobs"]
        )
        sent = route.calls.last.request
        assert b'filename="clip.wav"' in sent.content and b"RIFF...." in sent.content
        assert b'name="model"\r\n\r\ngpt-4o-transcribe' in sent.content
        assert b'name="include[]"\r\n\r\nlogprobs' in sent.content
        assert isinstance(plain, Transcription) and plain.text == "hello"

        route.respond(json={"text": "hello", "duration": 1.5, "language": "english", "segments": []})
        verbose = await audio.transcriptions.create(file=b"x", model="whisper-1", response_format="verbose_json")
        assert isinstance(verbose, TranscriptionVerbose)
        assert verbose.duration == 1.5

        # Subtitle formats are not JSON; they come back as the text itself.
        route.respond(text="1\n00:00:00,000 --> 00:00:01,000\nhello\n", headers={"content-type": "text/plain"})
        srt = await audio.transcriptions.create(file=b"x", model="whisper-1", response_format="srt")
        assert srt == "1\n00:00:00,000 --> 00:00:01,000\nhello\n"


@pytest.mark.parametrize("call", ["transcriptions", "translations"])
@pytest.mark.parametrize("response_format", ["text", "srt", "vtt"])
async def test_the_text_formats_return_the_body_as_a_str(client: AsyncOpenAI, call: str, response_format: str) -> None:
    body = "WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n" if response_format == "vtt" else "hello\n"
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post(f"/audio/{call}").respond(text=body, headers={"content-type": "text/plain"})
        resource = getattr(AsyncAudio(client), call)
        result = await resource.create(file=b"x", model="whisper-1", response_format=response_format)
    assert type(result) is str and result == body
    assert f'name="response_format"\r\n\r\n{response_format}'.encode() in route.calls.last.request.content


async def test_translation_follows_its_format_too(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        mock.post("/audio/translations").respond(json={"text": "hi", "duration": 2.0, "language": "german"})
        verbose = await AsyncAudio(client).translations.create(
            file=b"x", model="whisper-1", response_format="verbose_json"
        )
    assert isinstance(verbose, TranslationVerbose)
    assert verbose.language == "german"


async def test_transcription_stream_ends_at_its_done_event_without_done_marker(client: AsyncOpenAI) -> None:
    events = sse(
        {"type": "transcript.text.delta", "delta": "hel"},
        {"type": "transcript.text.delta", "delta": "lo"},
        {"type": "transcript.text.done", "text": "hello"},
    )
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/audio/transcriptions").respond(
            content=events, headers={"content-type": "text/event-stream"}
        )
        stream = await AsyncAudio(client).transcriptions.create(file=b"x", model="gpt-4o-transcribe", stream=True)
        received = [event async for event in stream]
    assert b'name="stream"\r\n\r\ntrue' in route.calls.last.request.content
    assert [type(event) for event in received] == [
        TranscriptionTextDeltaEvent,
        TranscriptionTextDeltaEvent,
        TranscriptionTextDoneEvent,
    ]
    assert isinstance(received[-1], TranscriptionTextDoneEvent) and received[-1].text == "hello"


async def test_speech_sends_json_and_returns_the_audio_bytes(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/audio/speech").respond(content=b"ID3mp3-bytes", headers={"content-type": "audio/mpeg"})
        speech = await AsyncAudio(client).speech.create(input="Hi", model="gpt-4o-mini-tts", voice="alloy")
    sent = route.calls.last.request
    assert json.loads(sent.content) == {"input": "Hi", "model": "gpt-4o-mini-tts", "voice": "alloy"}
    assert sent.headers["accept"] == "application/octet-stream"
    assert isinstance(speech, HttpxBinaryResponseContent)
    assert speech.read() == b"ID3mp3-bytes"


async def test_image_generation_streams_partial_images_then_completes(client: AsyncOpenAI) -> None:
    events = sse(
        {"type": "image_generation.partial_image", "b64_json": "AAA", "partial_image_index": 0},
        {"type": "image_generation.completed", "b64_json": "BBB"},
    )
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/images/generations").respond(content=events, headers={"content-type": "text/event-stream"})
        stream = await AsyncImages(client).generate(prompt="a lighthouse", stream=True, partial_images=1)
        async with stream:
            received = [event async for event in stream]
    assert json.loads(route.calls.last.request.content) == {
        "prompt": "a lighthouse",
        "stream": True,
        "partial_images": 1,
    }
    assert [type(event) for event in received] == [ImageGenPartialImageEvent, ImageGenCompletedEvent]
    assert isinstance(received[0], ImageGenPartialImageEvent) and received[0].b64_json == "AAA"


async def test_image_edit_uploads_every_image_and_streams(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/images/edits").respond(json={"created": 1, "data": [{"b64_json": "CCC"}]})
        edited = await AsyncImages(client).edit(image=[b"png-one", b"png-two"], prompt="add a hat", mask=b"mask")
        sent = route.calls.last.request.content
        assert sent.count(b'name="image[]"') == 2
        assert b"png-one" in sent and b"png-two" in sent and b'name="mask"' in sent
        assert isinstance(edited, ImagesResponse) and edited.data is not None
        assert edited.data[0].b64_json == "CCC"

        route.respond(
            content=sse({"type": "image_edit.completed", "b64_json": "DDD"}),
            headers={"content-type": "text/event-stream"},
        )
        stream = await AsyncImages(client).edit(image=b"png", prompt="add a hat", stream=True)
        received = [event async for event in stream]
    assert [type(event) for event in received] == [ImageEditCompletedEvent]


async def test_video_download_sends_the_variant_and_returns_bytes(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.get("/videos/video_1/content").respond(content=b"webp-bytes")
        thumbnail = await AsyncVideos(client).download_content("video_1", variant="thumbnail")
    sent = route.calls.last.request
    assert sent.url.params["variant"] == "thumbnail"
    assert sent.headers["accept"] == "application/binary"
    assert thumbnail.content == b"webp-bytes"


async def test_video_remix_is_json_and_create_is_multipart(client: AsyncOpenAI) -> None:
    videos = AsyncVideos(client)
    with respx.mock(base_url=BASE_URL) as mock:
        remix = mock.post("/videos/video_1/remix").respond(
            json={"id": "video_2", "object": "video", "status": "queued"}
        )
        video = await videos.remix("video_1", prompt="at night")
        assert json.loads(remix.calls.last.request.content) == {"prompt": "at night"}
        assert (video.id, video.status) == ("video_2", "queued")

        create = mock.post("/videos").respond(json={"id": "video_3", "object": "video", "status": "queued"})
        await videos.create(prompt="a cat", input_reference=("ref.png", b"png", "image/png"), seconds="4")
        sent = create.calls.last.request
        assert sent.headers["content-type"].startswith("multipart/form-data")
        assert b'filename="ref.png"' in sent.content and b'name="seconds"\r\n\r\n4' in sent.content

    with pytest.raises(ValueError):
        await videos.remix("", prompt="empty id")


async def test_video_list_walks_every_page_by_last_id(client: AsyncOpenAI) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.get("/videos").mock(
            side_effect=[
                httpx.Response(200, json={"data": [{"id": "v1"}, {"id": "v2"}], "last_id": "v2", "has_more": True}),
                httpx.Response(200, json={"data": [{"id": "v3"}], "last_id": "v3", "has_more": False}),
            ]
        )
        ids = [video.id async for video in AsyncVideos(client).list(limit=2, order="asc")]
    assert ids == ["v1", "v2", "v3"]
    first, second = (call.request.url.params for call in route.calls)
    assert dict(first) == {"limit": "2", "order": "asc"}
    assert dict(second) == {"limit": "2", "order": "asc", "after": "v2"}


async def test_checkpoint_permissions(client: AsyncOpenAI) -> None:
    permissions = AsyncFineTuning(client).checkpoints.permissions
    checkpoint = "ft:gpt-4o-mini:org:custom:ckpt-step-10"
    base = f"/fine_tuning/checkpoints/{checkpoint}/permissions"
    granted = {"id": "cp_1", "object": "checkpoint.permission", "created_at": 1, "project_id": "proj_1"}
    with respx.mock(base_url=BASE_URL) as mock:
        create = mock.post(base).respond(json={"object": "list", "data": [granted], "has_more": False})
        page = await permissions.create(checkpoint, project_ids=["proj_1"])
        assert json.loads(create.calls.last.request.content) == {"project_ids": ["proj_1"]}
        assert isinstance(page, AsyncPage)
        assert [type(item) for item in page.data] == [PermissionCreateResponse]
        assert page.data[0].project_id == "proj_1"

        listing = mock.get(base).respond(json={"object": "list", "data": [granted], "has_more": False})
        retrieved = await permissions.retrieve(checkpoint, project_id="proj_1", limit=5)
        assert dict(listing.calls.last.request.url.params) == {"project_id": "proj_1", "limit": "5"}
        assert retrieved.data[0].id == "cp_1" and retrieved.has_more is False

        delete = mock.delete(f"{base}/cp_1").respond(
            json={"id": "cp_1", "object": "checkpoint.permission", "deleted": True}
        )
        deleted = await permissions.delete("cp_1", fine_tuned_model_checkpoint=checkpoint)
        assert delete.called
        assert isinstance(deleted, PermissionDeleteResponse) and deleted.deleted is True
    with pytest.raises(TypeError):
        await permissions.delete("cp_1", checkpoint)  # type: ignore[misc]


async def test_grader_run_sends_the_grader_as_json(client: AsyncOpenAI) -> None:
    grader: Any = {
        "type": "string_check",
        "name": "exact",
        "input": "{{sample.output_text}}",
        "operation": "eq",
        "reference": "yes",
    }
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/fine_tuning/alpha/graders/run").respond(
            json={"reward": 1.0, "metadata": {}, "sub_rewards": {}, "model_grader_token_usage_per_model": {}}
        )
        result = await AsyncFineTuning(client).alpha.graders.run(grader=grader, model_sample="yes")
    assert json.loads(route.calls.last.request.content) == {"grader": grader, "model_sample": "yes"}
    assert result.reward == 1.0

"""The names of the official surface this package gained for it: what each one does."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pydantic
import pytest

import openai
import openai.helpers
import openai.helpers.local_audio_player
import openai.helpers.microphone
import openai.lib.azure
import openai.lib.streaming.chat
import openai.lib.streaming.responses
import openai.pagination
from openai._base_client import make_request_options
from openai.resources.chat.completions.completions import validate_response_format
from openai.types.chat import ChatCompletionChunk, ParsedChatCompletion


class Answer(pydantic.BaseModel):
    value: int


def test_make_request_options_keeps_only_what_was_given() -> None:
    assert make_request_options() == {}
    options = make_request_options(
        query={"a": 1}, extra_query={"b": 2}, extra_headers={"X": "y"}, extra_body={"k": True}, timeout=3.0
    )
    assert options == {"params": {"a": 1, "b": 2}, "headers": {"X": "y"}, "extra_json": {"k": True}, "timeout": 3.0}
    assert make_request_options(timeout=None) == {"timeout": None}
    with pytest.raises(TypeError, match="post_parser"):
        make_request_options(post_parser=lambda value: value)


def test_file_from_path_reads_name_and_bytes(tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    path.write_bytes(b'{"a": 1}\n')
    assert openai.file_from_path(str(path)) == ("notes.jsonl", b'{"a": 1}\n')


def test_validate_response_format_refuses_a_model_class() -> None:
    validate_response_format({"type": "json_object"})
    with pytest.raises(TypeError, match=r"chat\.completions\.parse\(\)"):
        validate_response_format(Answer)


def test_cursor_page_item_is_a_runtime_protocol() -> None:
    class Item:
        id = "x"

    assert isinstance(Item(), openai.pagination.CursorPageItem)
    assert not isinstance(object(), openai.pagination.CursorPageItem)


def test_azure_names() -> None:
    azure = openai.lib.azure.AzureOpenAI(api_key="k", api_version="2024-10-21", azure_endpoint="https://x.example")
    try:
        assert isinstance(azure, openai.lib.azure.BaseAzureClient)
    finally:
        azure.close()
    plain = openai.OpenAI(api_key="k")
    try:
        assert not isinstance(plain, openai.lib.azure.BaseAzureClient)
    finally:
        plain.close()
    assert issubclass(openai.lib.azure.AsyncAzureOpenAI, openai.lib.azure.BaseAzureClient)
    assert openai.lib.azure.API_KEY_SENTINEL == "<missing API key>"
    error = openai.lib.azure.MutuallyExclusiveAuthError()
    assert isinstance(error, openai.OpenAIError)
    assert "azure_ad_token_provider" in str(error)


def test_websocket_errors() -> None:
    closed = openai.WebSocketConnectionClosedError("closed early", unsent_messages=["a", "b"])
    assert isinstance(closed, openai.OpenAIError)
    assert closed.unsent_messages == ["a", "b"]
    assert str(closed) == "closed early"
    assert issubclass(openai.WebSocketQueueFullError, openai.OpenAIError)


def _chunk(content: str, finish_reason: object = None) -> ChatCompletionChunk:
    return ChatCompletionChunk.model_validate(
        {
            "id": "chatcmpl-1",
            "object": "chat.completion.chunk",
            "created": 1,
            "model": "m",
            "choices": [
                {"index": 0, "delta": {"role": "assistant", "content": content}, "finish_reason": finish_reason}
            ],
        }
    )


def test_chat_completion_stream_state_builds_and_parses_the_completion() -> None:
    state = openai.lib.streaming.chat.ChatCompletionStreamState(response_format=Answer)
    events = state.handle_chunk(_chunk('{"val'))
    assert [event.type for event in events] == ["chunk", "content.delta"]
    assert state.current_completion_snapshot.choices[0].message.content == '{"val'
    state.handle_chunk(_chunk('ue": 7}', finish_reason="stop"))
    final = state.get_final_completion()
    assert final.choices[0].message.parsed == Answer(value=7)
    snapshot = openai.lib.streaming.chat.ParsedChatCompletionSnapshot
    assert issubclass(snapshot, ParsedChatCompletion)
    assert isinstance(state.current_completion_snapshot, ParsedChatCompletion)


def test_chat_completion_stream_state_with_a_mapping_format_leaves_text() -> None:
    state = openai.lib.streaming.chat.ChatCompletionStreamState(response_format={"type": "json_object"})
    state.handle_chunk(_chunk("{}", finish_reason="stop"))
    assert state.get_final_completion().choices[0].message.parsed is None


def test_response_stream_state_without_events_has_no_snapshot() -> None:
    state = openai.lib.streaming.responses.ResponseStreamState(input_tools=[])
    assert state.current_snapshot is None
    with pytest.raises(openai.OpenAIError, match="stream ended"):
        state.get_final_response()


def test_audio_helpers_import_without_their_packages_and_name_them_when_used(monkeypatch: pytest.MonkeyPatch) -> None:
    assert openai.helpers.LocalAudioPlayer is openai.helpers.local_audio_player.LocalAudioPlayer
    assert openai.helpers.microphone.SAMPLE_RATE == openai.helpers.local_audio_player.SAMPLE_RATE == 24000
    # A None entry makes `import numpy` fail as it does where numpy is not installed.
    monkeypatch.setitem(sys.modules, "numpy", None)
    monkeypatch.setitem(sys.modules, "sounddevice", None)
    with pytest.raises(ImportError, match="pip install numpy"):
        asyncio.run(openai.helpers.Microphone().record())
    with pytest.raises(ImportError, match="pip install numpy"):
        asyncio.run(openai.helpers.LocalAudioPlayer().play(b""))

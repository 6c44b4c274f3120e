"""Response models: unknown fields kept, lenient fallback, helpers."""

from __future__ import annotations

import json

import httpx
import pytest

from openai import APIError, APIResponseValidationError
from openai._models import construct_type
from openai._response import parse_content
from openai.types import FileObject
from openai.types.chat import ChatCompletion, ChatCompletionChunk
from openai.types.responses import Response

COMPLETION = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "created": 1,
    "model": "m",
    "choices": [
        {
            "index": 0,
            "finish_reason": "stop",
            "logprobs": None,
            "message": {"role": "assistant", "content": "hi", "refusal": None},
        }
    ],
}


def test_valid_payload_builds_typed_model() -> None:
    completion = construct_type(ChatCompletion, COMPLETION)
    assert isinstance(completion, ChatCompletion)
    assert completion.choices[0].message.content == "hi"


def test_unknown_fields_are_kept() -> None:
    completion = construct_type(ChatCompletion, {**COMPLETION, "brand_new_field": {"x": 1}})
    assert completion.brand_new_field == {"x": 1}
    assert completion.to_dict()["brand_new_field"] == {"x": 1}


def test_unknown_enum_value_and_missing_field_do_not_break_parsing() -> None:
    choice = {**COMPLETION["choices"][0], "finish_reason": "a_reason_from_the_future"}  # type: ignore[dict-item]
    payload = {**COMPLETION, "choices": [choice]}
    del payload["created"]
    completion = construct_type(ChatCompletion, payload)
    assert isinstance(completion, ChatCompletion)
    assert completion.choices[0].finish_reason == "a_reason_from_the_future"
    assert completion.choices[0].message.content == "hi"
    assert type(completion.choices[0].message).__name__ == "ChatCompletionMessage"


def test_chunk_parses() -> None:
    chunk = construct_type(
        ChatCompletionChunk,
        {
            "id": "c",
            "object": "chat.completion.chunk",
            "created": 1,
            "model": "m",
            "choices": [{"index": 0, "delta": {"content": "he"}, "finish_reason": None}],
        },
    )
    assert chunk.choices[0].delta.content == "he"


def response(content: bytes, content_type: str = "application/json") -> httpx.Response:
    return httpx.Response(
        200,
        content=content,
        headers={"content-type": content_type, "x-request-id": "req_9"},
        request=httpx.Request("GET", "http://127.0.0.1/v1/files/f"),
    )


def test_invalid_json_is_a_validation_error_with_the_raw_body() -> None:
    with pytest.raises(APIResponseValidationError) as caught:
        parse_content(FileObject, response(b"<html>oops</html>", "text/html"), b"<html>oops</html>")
    assert caught.value.body == "<html>oops</html>"
    assert "text/html" in caught.value.message
    assert caught.value.status_code == 200


def test_json_that_is_not_an_object_is_a_validation_error() -> None:
    with pytest.raises(APIResponseValidationError, match="Expected a JSON object for FileObject"):
        parse_content(FileObject, response(b"[1, 2]"), b"[1, 2]")


def test_error_object_inside_a_200_is_an_api_error() -> None:
    body = b'{"error": {"message": "model overloaded", "type": "server_error", "code": "overloaded"}}'
    with pytest.raises(APIError, match="model overloaded") as caught:
        parse_content(FileObject, response(body), body)
    assert caught.value.code == "overloaded"


def test_request_id_is_set() -> None:
    body = b'{"id": "f", "object": "file", "bytes": 1, "created_at": 1, "filename": "a", "purpose": "batch", "status": "processed"}'
    parsed = parse_content(FileObject, response(body), body)
    assert parsed._request_id == "req_9"
    assert parsed.to_json(indent=None).startswith('{"id":"f"')


def test_an_error_field_that_is_null_is_no_error() -> None:
    body = json.dumps({**COMPLETION, "error": None}).encode()
    parsed = parse_content(ChatCompletion, response(body), body)
    assert parsed.choices[0].message.content == "hi"


def test_a_model_with_its_own_error_field_keeps_it() -> None:
    failed = {"id": "resp_1", "object": "response", "created_at": 1, "status": "failed", "model": "m", "output": []}
    failed["error"] = {"code": "server_error", "message": "it broke"}
    body = json.dumps(failed).encode()
    parsed = parse_content(Response, response(body), body)
    assert parsed.status == "failed" and parsed.error is not None and parsed.error.message == "it broke"

"""Sans-IO request building: URL, headers, body, query, multipart, per-call options."""

from __future__ import annotations

import io
import json
from pathlib import Path

import httpx
import pytest

from openai._request import CallOptions, ClientSettings, build_request, require_path_param
from openai._types import NOT_GIVEN, omit

SETTINGS = ClientSettings(
    base_url="http://127.0.0.1:9/v1/",
    default_headers={"Accept": "application/json", "OpenAI-Organization": "org-1"},
    default_query={"api-version": "x"},
    timeout=httpx.Timeout(600, connect=5),
    max_retries=2,
)
AUTH = {"Authorization": "Bearer sk-test"}


def build(**kwargs: object) -> httpx.Request:
    options = CallOptions(method=str(kwargs.pop("method", "post")), path=str(kwargs.pop("path", "/x")), **kwargs)  # type: ignore[arg-type]
    return build_request(SETTINGS, options, auth_headers=AUTH, retries_taken=1)


def test_url_join_and_default_query() -> None:
    request = build(path="/chat/completions", query={"limit": 3})
    assert str(request.url) == "http://127.0.0.1:9/v1/chat/completions?api-version=x&limit=3"


def test_omitted_arguments_are_not_sent_and_none_is_null() -> None:
    request = build(body={"model": "m", "temperature": NOT_GIVEN, "user": None, "stop": omit})
    assert json.loads(request.content) == {"model": "m", "user": None}
    assert request.headers["content-type"] == "application/json"


def test_extra_body_query_headers_and_omit_header() -> None:
    request = build(
        body={"a": 1},
        extra_body={"b": 2},
        extra_query={"q": True},
        extra_headers={"X-Custom": "1", "openai-organization": omit},
    )
    assert json.loads(request.content) == {"a": 1, "b": 2}
    assert request.url.params["q"] == "true"
    assert request.headers["x-custom"] == "1"
    assert "openai-organization" not in request.headers
    assert request.headers["authorization"] == "Bearer sk-test"
    assert request.headers["x-stainless-retry-count"] == "1"


def test_a_header_given_in_another_case_replaces_the_default_once() -> None:
    request = build(body={"a": 1}, extra_headers={"content-type": "application/json; charset=utf-8", "accept": "*/*"})
    assert request.headers.get_list("content-type") == ["application/json; charset=utf-8"]
    assert request.headers.get_list("accept") == ["*/*"]


def test_host_and_content_length_as_httpx_would_set_them() -> None:
    post = build(body={"a": 1})
    assert post.headers["host"] == "127.0.0.1:9"
    assert post.headers["content-length"] == str(len(post.content))
    assert build(method="post").headers["content-length"] == "0"
    get = build(method="get")
    assert "content-length" not in get.headers and get.content == b""


def test_each_call_gets_its_own_headers_and_a_new_key_takes_effect() -> None:
    settings = ClientSettings(
        base_url="http://127.0.0.1:9/v1/", default_headers={}, default_query={}, timeout=5.0, max_retries=0
    )
    options = CallOptions(method="post", path="/x", extra_headers={"X-Once": "1"})
    first = build_request(settings, options, auth_headers={"Authorization": "Bearer a"}, retries_taken=0)
    second = build_request(
        settings, CallOptions(method="post", path="/x"), auth_headers={"Authorization": "Bearer b"}, retries_taken=2
    )
    assert first.headers["x-once"] == "1" and "x-once" not in second.headers
    assert second.headers["authorization"] == "Bearer b"
    assert (first.headers["x-stainless-retry-count"], second.headers["x-stainless-retry-count"]) == ("0", "2")


def test_query_arrays_and_objects() -> None:
    request = build(method="get", query={"include": ["a", "b"], "metadata": {"k": "v"}, "after": None})
    assert request.url.params.multi_items() == [
        ("api-version", "x"),
        ("include[]", "a"),
        ("include[]", "b"),
        ("metadata[k]", "v"),
    ]


def test_per_call_timeout() -> None:
    assert build(timeout=3.0).extensions["timeout"] == {"connect": 3.0, "read": 3.0, "write": 3.0, "pool": 3.0}
    assert build().extensions["timeout"]["connect"] == 5.0
    assert build(timeout=None).extensions["timeout"]["read"] is None


def test_bytes_in_json_body_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="upload the bytes as a file"):
        build(body={"input": b"raw"})


@pytest.mark.parametrize("form", ["bytes", "file", "path", "tuple", "tuple-path"])
def test_multipart_file_forms(form: str, tmp_path: Path) -> None:
    path = tmp_path / "train.jsonl"
    path.write_bytes(b'{"x": 1}\n')
    value: object = {
        "bytes": b'{"x": 1}\n',
        "file": io.BytesIO(b'{"x": 1}\n'),
        "path": path,
        "tuple": ("train.jsonl", b'{"x": 1}\n', "application/jsonl"),
        "tuple-path": ("train.jsonl", path),
    }[form]
    request = build(path="/files", body={"file": value, "purpose": "fine-tune", "tags": ["a", "b"]}, multipart=True)
    body = request.read()
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'name="purpose"\r\n\r\nfine-tune' in body
    assert b'name="tags[]"\r\n\r\na' in body and b'name="tags[]"\r\n\r\nb' in body
    assert b'{"x": 1}\n' in body
    if form in ("path", "tuple", "tuple-path"):
        assert b'filename="train.jsonl"' in body


def test_empty_path_param() -> None:
    with pytest.raises(ValueError, match="Expected a non-empty value for `file_id` but received ''"):
        require_path_param("file_id", "")


def test_multipart_without_files_is_still_multipart() -> None:
    request = build(path="/videos", body={"prompt": "a cat", "tags": ["x", "y"]}, multipart=True)
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    boundary = content_type.split("boundary=")[1]
    body = request.read()
    assert body.startswith(f"--{boundary}\r\n".encode()) and body.endswith(f"--{boundary}--\r\n".encode())
    assert b'name="prompt"\r\n\r\na cat\r\n' in body
    assert body.count(b'name="tags[]"') == 2


def test_merged_defaults_add_or_replace() -> None:
    from openai._client_config import merged_defaults

    current = {"A": "1", "B": "2"}
    assert merged_defaults("headers", current, {"B": "3"}, None) == {"A": "1", "B": "3"}
    assert merged_defaults("headers", current, None, {"C": "4"}) == {"C": "4"}
    assert current == {"A": "1", "B": "2"}
    with pytest.raises(ValueError, match="default_query or set_default_query"):
        merged_defaults("query", current, {}, {})


# What a call's input cannot do to the request


@pytest.mark.parametrize(
    ("value", "segment"),
    [
        ("file-abc_123", "file-abc_123"),
        ("../../organization/users", "..%2F..%2Forganization%2Fusers"),
        ("a/b", "a%2Fb"),
        ("a?b=c", "a%3Fb%3Dc"),
        ("a#b", "a%23b"),
        ("%2e%2e", "%252e%252e"),
        ("...", "..."),
        ("ft:gpt-4o:org:x", "ft%3Agpt-4o%3Aorg%3Ax"),
        ("naïve id", "na%C3%AFve%20id"),
    ],
)
def test_a_path_parameter_is_one_percent_encoded_segment(value: str, segment: str) -> None:
    assert require_path_param("file_id", value) == segment
    request = build(method="get", path=f"/files/{require_path_param('file_id', value)}")
    assert request.url.raw_path == f"/v1/files/{segment}?api-version=x".encode()


@pytest.mark.parametrize("value", [".", "..", "a\rb", "a\nb", "a\x00b", "\x7f"])
def test_a_path_parameter_that_would_move_or_break_the_request_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="`file_id`"):
        require_path_param("file_id", value)


@pytest.mark.parametrize("name", ["Content-Length", "content-length", "Transfer-Encoding", "TRANSFER-ENCODING"])
def test_a_callers_framing_header_is_not_sent(name: str) -> None:
    posted = build(body={"model": "m"}, extra_headers={name: "3"})
    assert posted.headers["content-length"] == str(len(posted.content))
    assert "transfer-encoding" not in posted.headers
    got = build(method="get", extra_headers={name: "chunked"})
    assert "content-length" not in got.headers and "transfer-encoding" not in got.headers


@pytest.mark.parametrize("value", ["a\x0bb", "a\rb", "a\nb", "a\x00", "a\x1b"])
def test_a_header_value_with_a_control_character_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="X-Custom"):
        build(extra_headers={"X-Custom": value})
    assert build(extra_headers={"X-Custom": "tab\tis fine"}).headers["x-custom"] == "tab\tis fine"


def test_compressed_responses_are_asked_for() -> None:
    assert build().headers["accept-encoding"] == "gzip, deflate"


def test_credentials_are_hidden_when_the_headers_are_printed() -> None:
    request = build(extra_headers={"api-key": "azure-secret"})
    printed = repr(request.headers)
    assert "azure-secret" not in printed and "sk-test" not in printed
    assert printed.startswith("Headers(") and "'[secure]'" in printed
    assert request.headers["api-key"] == "azure-secret"  # only printing changes


def test_a_body_nested_too_deeply_for_json_is_a_clear_error() -> None:
    deep: object = {}
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(ValueError, match="nested too deeply"):
        build(body={"input": deep})

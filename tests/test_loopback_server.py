"""The loopback server, driven over real sockets with the standard library only (no client library)."""

from __future__ import annotations

import base64
import gc
import http.client
import json
import math
import os
import re
import selectors
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import warnings
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest

from openai.testing import LoopbackServer, loopback_server, refusing_base_url
from openai.testing._http import ProtocolError, RequestParser
from openai.testing._scenarios import MAX_STALL_SECONDS, ScenarioCounter, plan

AUTH = {"Authorization": "Bearer sk-loopback-test"}
JSON_HEADERS = {**AUTH, "Content-Type": "application/json"}


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with loopback_server() as running:
        yield running


@pytest.fixture
def conn(server: LoopbackServer) -> Iterator[http.client.HTTPConnection]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    yield connection
    connection.close()


def call(
    connection: http.client.HTTPConnection,
    method: str,
    path: str,
    body: Any = None,
    headers: Optional[Dict[str, str]] = None,
) -> Tuple[int, http.client.HTTPMessage, bytes]:
    """One request; JSON-encodes dict bodies; returns status, headers and the body bytes."""
    data = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
    connection.request(method, path, body=data, headers=headers if headers is not None else JSON_HEADERS)
    response = connection.getresponse()
    return response.status, response.headers, response.read()


def call_json(connection: http.client.HTTPConnection, method: str, path: str, body: Any = None, **kw: Any) -> Any:
    status, _, data = call(connection, method, path, body, **kw)
    assert status == 200, data
    return json.loads(data)


def sse_events(data: bytes) -> List[bytes]:
    """Split an event-stream body into events (without the blank-line terminators)."""
    assert data.endswith(b"\n\n"), data[-40:]
    return data[:-2].split(b"\n\n")


def chat_body(text: str, **extra: Any) -> Dict[str, Any]:
    return {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": text}], **extra}


class RawConnection:
    """A bare socket speaking HTTP/1.1 by hand, to see the wire exactly."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.file = self.sock.makefile("rb")

    def close(self) -> None:
        self.file.close()
        self.sock.close()

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def read_response(self) -> Tuple[int, Dict[str, str], List[bytes]]:
        """Status, headers and the body as its chunks (one item for a sized body)."""
        status_line = self.file.readline()
        assert status_line.startswith(b"HTTP/1.1 "), status_line
        headers: Dict[str, str] = {}
        while True:
            line = self.file.readline()
            assert line, "connection closed inside the head"
            if line == b"\r\n":
                break
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        pieces: List[bytes] = []
        if headers.get("transfer-encoding") == "chunked":
            while True:
                size = int(self.file.readline().strip(), 16)
                if size == 0:
                    assert self.file.readline() == b"\r\n"
                    break
                pieces.append(self.file.read(size))
                assert self.file.read(2) == b"\r\n"
        else:
            pieces.append(self.file.read(int(headers["content-length"])))
        return int(status_line.split()[1]), headers, pieces


def raw_request(method: str, path: str, body: bytes = b"", extra: str = "") -> bytes:
    return (
        f"{method} {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n{extra}\r\n"
    ).encode() + body


# Connections


def test_keep_alive_reuses_one_connection(server: LoopbackServer, conn: http.client.HTTPConnection) -> None:
    call_json(conn, "GET", "/v1/models")
    first_socket = conn.sock
    assert first_socket is not None
    local_address = first_socket.getsockname()
    for index in range(5):
        reply = call_json(conn, "POST", "/v1/chat/completions", chat_body(f"turn {index}"))
        assert reply["choices"][0]["message"]["content"] == f"Echo: turn {index}"
    # http.client reconnects silently when the server closes; the same socket proves it did not.
    assert conn.sock is first_socket
    assert conn.sock.getsockname() == local_address
    assert len(server.requests) == 6


def test_wait_for_requests_returns_once_a_held_request_is_in(server: LoopbackServer) -> None:
    assert not server.wait_for_requests(1, timeout=0), "nothing was sent yet"
    with socket.create_connection((server.host, server.port)) as sock:
        # The server stalls this one: it is counted on arrival, not when it is answered.
        sock.sendall(raw_request("GET", "/v1/models", extra="x-loopback-scenario: stall=30\r\n"))
        assert server.wait_for_requests(1, timeout=10)
        assert not server.wait_for_requests(2, timeout=0)
        server.clear()
        assert not server.wait_for_requests(1, timeout=0), "clear() starts the count again"


def test_pipelined_requests_are_answered_in_order(server: LoopbackServer) -> None:
    raw = RawConnection(server.port)
    try:
        bodies = [json.dumps(chat_body(word)).encode() for word in ("one", "two", "three")]
        raw.send(b"".join(raw_request("POST", "/v1/chat/completions", body) for body in bodies))
        answers = []
        for _ in bodies:
            status, _, pieces = raw.read_response()
            assert status == 200
            answers.append(json.loads(pieces[0])["choices"][0]["message"]["content"])
        assert answers == ["Echo: one", "Echo: two", "Echo: three"]
    finally:
        raw.close()


def test_every_response_has_a_request_id_and_content_type(conn: http.client.HTTPConnection) -> None:
    ids = []
    for path in ("/v1/models", "/v1/nope", "/v1/files/file-missing"):
        _, headers, _ = call(conn, "GET", path)
        assert headers["content-type"] == "application/json"
        ids.append(headers["x-request-id"])
    assert ids == ["req_1", "req_2", "req_3"]


def test_connection_close_is_honoured(server: LoopbackServer) -> None:
    raw = RawConnection(server.port)
    try:
        raw.send(raw_request("GET", "/v1/models", extra="Connection: close\r\n"))
        status, headers, _ = raw.read_response()
        assert status == 200
        assert headers["connection"] == "close"
        assert raw.file.read() == b""
    finally:
        raw.close()


def test_expect_100_continue_gets_an_interim_response(server: LoopbackServer) -> None:
    raw = RawConnection(server.port)
    try:
        body = json.dumps(chat_body("waited")).encode()
        head = raw_request("POST", "/v1/chat/completions", body, extra="Expect: 100-continue\r\n")[: -len(body)]
        raw.send(head)
        assert raw.file.readline() == b"HTTP/1.1 100 Continue\r\n"
        assert raw.file.readline() == b"\r\n"
        raw.send(body)
        status, _, pieces = raw.read_response()
        assert status == 200
        assert json.loads(pieces[0])["choices"][0]["message"]["content"] == "Echo: waited"
    finally:
        raw.close()


def test_malformed_request_gets_400_and_close(server: LoopbackServer) -> None:
    raw = RawConnection(server.port)
    try:
        raw.send(b"NOT-HTTP\r\n\r\n")
        status, headers, pieces = raw.read_response()
        assert status == 400
        assert headers["connection"] == "close"
        assert json.loads(pieces[0])["error"]["type"] == "invalid_request_error"
        assert raw.file.read() == b""
    finally:
        raw.close()


# Errors


def test_missing_or_malformed_auth_is_401(conn: http.client.HTTPConnection) -> None:
    for headers in ({}, {"Authorization": "Basic abc"}, {"Authorization": "Bearer "}):
        status, _, data = call(conn, "GET", "/v1/models", headers=headers)
        assert status == 401
        error = json.loads(data)["error"]
        assert set(error) == {"message", "type", "param", "code"}
        assert "Bearer" in error["message"]


def test_configured_api_key_rejects_other_keys() -> None:
    with LoopbackServer(api_key="sk-right") as server:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        try:
            status, _, data = call(connection, "GET", "/v1/models", headers={"Authorization": "Bearer sk-wrong"})
            assert status == 401
            assert json.loads(data)["error"]["code"] == "invalid_api_key"
            status, _, _ = call(connection, "GET", "/v1/models", headers={"Authorization": "Bearer sk-right"})
            assert status == 200
        finally:
            connection.close()


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v1/files/file-nope"),
        ("GET", "/v1/chat/completions/chatcmpl-nope"),
        ("GET", "/v1/fine_tuning/jobs/ftjob-nope"),
        ("GET", "/v1/batches/batch-nope"),
        ("DELETE", "/v1/models/no-such-model"),
        ("GET", "/v1/no/such/path"),
        ("GET", "/elsewhere"),
    ],
)
def test_unknown_ids_and_paths_are_404(conn: http.client.HTTPConnection, method: str, path: str) -> None:
    status, headers, data = call(conn, method, path)
    assert status == 404
    assert headers["content-type"] == "application/json"
    error = json.loads(data)["error"]
    assert error["type"] == "invalid_request_error"
    assert isinstance(error["message"], str) and error["message"]


def test_wrong_method_is_405(conn: http.client.HTTPConnection) -> None:
    status, _, data = call(conn, "PUT", "/v1/models")
    assert status == 405
    assert json.loads(data)["error"]["code"] == "method_not_allowed"


@pytest.mark.parametrize(
    ("body", "param"),
    [
        (b"{not json", None),
        (b"[1, 2]", None),
        ({"messages": [{"role": "user", "content": "x"}]}, "model"),
        ({"model": "gpt-4o"}, "messages"),
        ({"model": "gpt-4o", "messages": []}, "messages"),
        ({"model": 5, "messages": [{"role": "user", "content": "x"}]}, "model"),
        ({"model": "gpt-4o", "messages": [{"content": "x"}]}, "messages"),
    ],
)
def test_bad_chat_bodies_are_400(conn: http.client.HTTPConnection, body: Any, param: Optional[str]) -> None:
    status, _, data = call(conn, "POST", "/v1/chat/completions", body)
    assert status == 400
    error = json.loads(data)["error"]
    assert error["type"] == "invalid_request_error"
    assert error["param"] == param


def test_bad_query_parameters_are_400(conn: http.client.HTTPConnection) -> None:
    assert call(conn, "GET", "/v1/fine_tuning/jobs?limit=0")[0] == 400
    assert call(conn, "GET", "/v1/fine_tuning/jobs?limit=abc")[0] == 400
    assert call(conn, "GET", "/v1/chat/completions?order=sideways")[0] == 400


# Chat completions


def test_chat_completion_shape_and_usage(conn: http.client.HTTPConnection) -> None:
    body = {
        "model": "gpt-4o-mini",
        "messages": [
            {"role": "system", "content": "be brief"},
            {"role": "user", "content": [{"type": "text", "text": "hello"}, {"type": "text", "text": "there"}]},
        ],
    }
    reply = call_json(conn, "POST", "/v1/chat/completions", body)
    assert reply["object"] == "chat.completion"
    assert reply["id"].startswith("chatcmpl-")
    assert reply["model"] == "gpt-4o-mini"
    choice = reply["choices"][0]
    assert choice["message"] == {
        "role": "assistant",
        "content": "Echo: hello there",
        "refusal": None,
        "annotations": [],
    }
    assert choice["finish_reason"] == "stop"
    assert reply["usage"] == {"prompt_tokens": 4, "completion_tokens": 3, "total_tokens": 7}
    again = call_json(conn, "POST", "/v1/chat/completions", body)
    assert again["choices"] == reply["choices"]


def test_chat_max_tokens_cuts_the_reply(conn: http.client.HTTPConnection) -> None:
    reply = call_json(conn, "POST", "/v1/chat/completions", chat_body("a b c d e", max_completion_tokens=2, n=2))
    assert [choice["message"]["content"] for choice in reply["choices"]] == ["Echo: a", "Echo: a"]
    assert {choice["finish_reason"] for choice in reply["choices"]} == {"length"}
    assert reply["usage"]["completion_tokens"] == 4


def test_chat_stream_framing_and_done(server: LoopbackServer) -> None:
    raw = RawConnection(server.port)
    try:
        body = json.dumps(chat_body("stream these words", stream=True, stream_options={"include_usage": True}))
        raw.send(raw_request("POST", "/v1/chat/completions", body.encode()))
        status, headers, pieces = raw.read_response()
        assert status == 200
        assert headers["content-type"].startswith("text/event-stream")
        assert headers["transfer-encoding"] == "chunked"
        # Each chunk on the wire is exactly one complete event.
        assert all(piece.startswith(b"data: ") and piece.endswith(b"\n\n") for piece in pieces)
        assert pieces[-1] == b"data: [DONE]\n\n"
        chunks = [json.loads(piece[len(b"data: ") : -2]) for piece in pieces[:-1]]
        assert {chunk["object"] for chunk in chunks} == {"chat.completion.chunk"}
        assert len({chunk["id"] for chunk in chunks}) == 1
        assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
        text = "".join(chunk["choices"][0]["delta"].get("content") or "" for chunk in chunks[:-1])
        assert text == "Echo: stream these words"
        assert len(chunks) == 1 + 4 + 1 + 1
        assert chunks[-2]["choices"][0]["finish_reason"] == "stop"
        assert chunks[-1]["choices"] == []
        assert chunks[-1]["usage"] == {"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7}
        assert all(chunk["usage"] is None for chunk in chunks[:-1])
        # The connection stays usable after a stream.
        raw.send(raw_request("GET", "/v1/models"))
        assert raw.read_response()[0] == 200
    finally:
        raw.close()


def test_chat_stream_without_usage_option(conn: http.client.HTTPConnection) -> None:
    _, _, data = call(conn, "POST", "/v1/chat/completions", chat_body("hi", stream=True))
    events = sse_events(data)
    assert events[-1] == b"data: [DONE]"
    assert all(b'"usage"' not in event for event in events)


def test_chat_tool_call_then_answer(conn: http.client.HTTPConnection) -> None:
    tool = {
        "type": "function",
        "function": {
            "name": "get_weather",
            "parameters": {
                "type": "object",
                "properties": {"city": {"type": "string"}, "days": {"type": "integer", "minimum": 1}},
                "required": ["city", "days"],
            },
        },
    }
    reply = call_json(conn, "POST", "/v1/chat/completions", chat_body("Paris", tools=[tool]))
    choice = reply["choices"][0]
    assert choice["finish_reason"] == "tool_calls"
    tool_call = choice["message"]["tool_calls"][0]
    assert tool_call["function"]["name"] == "get_weather"
    assert json.loads(tool_call["function"]["arguments"]) == {"city": "Paris", "days": 1}
    follow_up = chat_body("Paris", tools=[tool])
    follow_up["messages"] += [choice["message"], {"role": "tool", "tool_call_id": tool_call["id"], "content": "sunny"}]
    answer = call_json(conn, "POST", "/v1/chat/completions", follow_up)
    assert answer["choices"][0]["message"]["content"] == "Echo: Paris"

    _, _, data = call(conn, "POST", "/v1/chat/completions", chat_body("Paris", tools=[tool], stream=True))
    chunks = [json.loads(event[len(b"data: ") :]) for event in sse_events(data)[:-1]]
    deltas = [c["choices"][0]["delta"]["tool_calls"][0] for c in chunks if "tool_calls" in c["choices"][0]["delta"]]
    assert deltas[0]["function"]["name"] == "get_weather"
    assert json.loads("".join(d["function"]["arguments"] for d in deltas)) == {"city": "Paris", "days": 1}


def test_chat_json_schema_response_format(conn: http.client.HTTPConnection) -> None:
    schema = {
        "type": "object",
        "properties": {"answer": {"type": "string"}, "tags": {"type": "array", "items": {"$ref": "#/$defs/tag"}}},
        "$defs": {"tag": {"type": "string", "enum": ["a", "b"]}},
    }
    body = chat_body("x", response_format={"type": "json_schema", "json_schema": {"name": "r", "schema": schema}})
    reply = call_json(conn, "POST", "/v1/chat/completions", body)
    assert json.loads(reply["choices"][0]["message"]["content"]) == {"answer": "x", "tags": ["a"]}


def test_stored_chat_completions(conn: http.client.HTTPConnection) -> None:
    created = [
        call_json(conn, "POST", "/v1/chat/completions", chat_body(f"q{i}", store=True, metadata={"n": str(i % 2)}))
        for i in range(3)
    ]
    call_json(conn, "POST", "/v1/chat/completions", chat_body("not stored"))
    listed = call_json(conn, "GET", "/v1/chat/completions?limit=2")
    assert [item["id"] for item in listed["data"]] == [created[0]["id"], created[1]["id"]]
    assert listed["has_more"] is True
    assert listed["first_id"] == created[0]["id"] and listed["last_id"] == created[1]["id"]
    rest = call_json(conn, "GET", f"/v1/chat/completions?limit=2&after={listed['last_id']}")
    assert [item["id"] for item in rest["data"]] == [created[2]["id"]] and rest["has_more"] is False
    filtered = call_json(conn, "GET", "/v1/chat/completions?metadata[n]=1")
    assert [item["id"] for item in filtered["data"]] == [created[1]["id"]]
    newest_first = call_json(conn, "GET", "/v1/chat/completions?order=desc")
    assert newest_first["data"][0]["id"] == created[2]["id"]

    target = created[0]["id"]
    assert call_json(conn, "GET", f"/v1/chat/completions/{target}")["choices"] == created[0]["choices"]
    updated = call_json(conn, "POST", f"/v1/chat/completions/{target}", {"metadata": {"k": "v"}})
    assert updated["metadata"] == {"k": "v"}
    messages = call_json(conn, "GET", f"/v1/chat/completions/{target}/messages")
    assert messages["data"][0]["content"] == "q0" and messages["data"][0]["id"].startswith(target)
    deleted = call_json(conn, "DELETE", f"/v1/chat/completions/{target}")
    assert deleted == {"object": "chat.completion.deleted", "id": target, "deleted": True}
    assert call(conn, "GET", f"/v1/chat/completions/{target}")[0] == 404
    assert call(conn, "GET", f"/v1/chat/completions/{target}/messages")[0] == 404


# Other endpoints


def test_legacy_completions_plain_and_streamed(conn: http.client.HTTPConnection) -> None:
    reply = call_json(conn, "POST", "/v1/completions", {"model": "gpt-3.5-turbo-instruct", "prompt": ["a b", "c"]})
    assert reply["object"] == "text_completion"
    assert [choice["text"] for choice in reply["choices"]] == ["Echo: a b", "Echo: c"]
    _, _, data = call(conn, "POST", "/v1/completions", {"model": "m", "prompt": "x y", "stream": True})
    events = sse_events(data)
    assert events[-1] == b"data: [DONE]"
    chunks = [json.loads(event[len(b"data: ") :]) for event in events[:-1]]
    assert "".join(chunk["choices"][0]["text"] for chunk in chunks) == "Echo: x y"
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"


def test_embeddings_float_and_base64_agree(conn: http.client.HTTPConnection) -> None:
    body = {"model": "text-embedding-3-small", "input": ["alpha", "beta"]}
    floats = call_json(conn, "POST", "/v1/embeddings", body)
    assert floats["object"] == "list" and floats["usage"] == {"prompt_tokens": 2, "total_tokens": 2}
    first = floats["data"][0]["embedding"]
    assert len(first) == 1536
    assert math.isclose(math.fsum(v * v for v in first), 1.0, rel_tol=1e-5)
    assert first != floats["data"][1]["embedding"]
    assert call_json(conn, "POST", "/v1/embeddings", body)["data"] == floats["data"]

    encoded = call_json(conn, "POST", "/v1/embeddings", {**body, "encoding_format": "base64"})
    raw = base64.b64decode(encoded["data"][0]["embedding"])
    assert list(struct.unpack(f"<{len(raw) // 4}f", raw)) == first

    short = call_json(conn, "POST", "/v1/embeddings", {**body, "dimensions": 8})["data"][0]["embedding"]
    assert len(short) == 8
    assert call(conn, "POST", "/v1/embeddings", {**body, "encoding_format": "hex"})[0] == 400
    assert call(conn, "POST", "/v1/embeddings", {"model": "m"})[0] == 400


def test_models(conn: http.client.HTTPConnection) -> None:
    listed = call_json(conn, "GET", "/v1/models")
    ids = [model["id"] for model in listed["data"]]
    assert "gpt-4o-mini" in ids
    model = call_json(conn, "GET", "/v1/models/gpt-4o-mini")
    assert model == {"id": "gpt-4o-mini", "object": "model", "created": model["created"], "owned_by": "system"}
    assert call_json(conn, "DELETE", "/v1/models/gpt-4o-mini") == {
        "id": "gpt-4o-mini",
        "object": "model",
        "deleted": True,
    }
    assert call(conn, "GET", "/v1/models/gpt-4o-mini")[0] == 404


def test_moderations_flag_by_words(conn: http.client.HTTPConnection) -> None:
    reply = call_json(conn, "POST", "/v1/moderations", {"input": ["a calm day", "graphic violence"]})
    calm, violent = reply["results"]
    assert calm["flagged"] is False
    assert violent["flagged"] is True
    assert violent["categories"]["violence"] and violent["categories"]["violence/graphic"]
    assert not violent["categories"]["hate"]
    assert reply["model"] == "omni-moderation-latest"


def multipart(fields: Dict[str, str], file_name: str, content: bytes, boundary: str = "loopbackBoundary42") -> bytes:
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n".encode()
        + content
        + b"\r\n"
    )
    return b"".join(parts) + f"--{boundary}--\r\n".encode()


def test_file_upload_round_trip(conn: http.client.HTTPConnection) -> None:
    # Bytes that look like multipart syntax must survive untouched.
    content = b'{"prompt": "x"}\r\n--loopbackBoundary4\r\n\x00\xff binary tail'
    headers = {**AUTH, "Content-Type": "multipart/form-data; boundary=loopbackBoundary42"}
    status, _, data = call(
        conn, "POST", "/v1/files", multipart({"purpose": "fine-tune"}, "train.jsonl", content), headers
    )
    assert status == 200, data
    created = json.loads(data)
    assert created["object"] == "file" and created["id"].startswith("file-")
    assert created["bytes"] == len(content)
    assert created["filename"] == "train.jsonl" and created["purpose"] == "fine-tune"

    file_id = created["id"]
    assert call_json(conn, "GET", f"/v1/files/{file_id}") == created
    status, response_headers, downloaded = call(conn, "GET", f"/v1/files/{file_id}/content", headers=AUTH)
    assert status == 200
    assert response_headers["content-type"] == "application/octet-stream"
    assert downloaded == content
    listed = call_json(conn, "GET", "/v1/files?purpose=fine-tune")
    assert [item["id"] for item in listed["data"]] == [file_id]
    assert call_json(conn, "GET", "/v1/files?purpose=batch")["data"] == []
    assert call_json(conn, "DELETE", f"/v1/files/{file_id}") == {"id": file_id, "object": "file", "deleted": True}
    assert call(conn, "GET", f"/v1/files/{file_id}/content", headers=AUTH)[0] == 404


def test_file_upload_errors(conn: http.client.HTTPConnection) -> None:
    headers = {**AUTH, "Content-Type": "multipart/form-data; boundary=loopbackBoundary42"}
    status, _, data = call(conn, "POST", "/v1/files", multipart({}, "a.txt", b"x"), headers)
    assert status == 400 and json.loads(data)["error"]["param"] == "purpose"
    status, _, data = call(conn, "POST", "/v1/files", multipart({"purpose": "nonsense"}, "a.txt", b"x"), headers)
    assert status == 400 and json.loads(data)["error"]["param"] == "purpose"
    status, _, _ = call(conn, "POST", "/v1/files", b"--loopbackBoundary42\r\nbroken", headers)
    assert status == 400
    status, _, _ = call(conn, "POST", "/v1/files", {"purpose": "batch"})
    assert status == 400


def test_fine_tuning_jobs_paginate_over_45(conn: http.client.HTTPConnection) -> None:
    pages = []
    after = None
    for _ in range(10):
        query = "limit=20" + (f"&after={after}" if after else "")
        page = call_json(conn, "GET", f"/v1/fine_tuning/jobs?{query}")
        pages.append(page)
        if not page["has_more"]:
            break
        after = page["data"][-1]["id"]
    assert [len(page["data"]) for page in pages] == [20, 20, 5]
    assert [page["has_more"] for page in pages] == [True, True, False]
    ids = [job["id"] for page in pages for job in page["data"]]
    assert len(set(ids)) == 45
    created = [job["created_at"] for page in pages for job in page["data"]]
    assert created == sorted(created, reverse=True)
    assert {job["object"] for page in pages for job in page["data"]} == {"fine_tuning.job"}


def test_fine_tuning_job_lifecycle(conn: http.client.HTTPConnection) -> None:
    job = call_json(conn, "POST", "/v1/fine_tuning/jobs", {"model": "gpt-4o-mini", "training_file": "file-x"})
    assert job["status"] == "validating_files"
    path = f"/v1/fine_tuning/jobs/{job['id']}"
    statuses = [call_json(conn, "GET", path)["status"] for _ in range(4)]
    assert statuses == ["queued", "running", "succeeded", "succeeded"]
    done = call_json(conn, "GET", path)
    assert done["fine_tuned_model"].startswith("ft:gpt-4o-mini:")
    assert call_json(conn, "GET", f"/v1/models/{done['fine_tuned_model']}")["id"] == done["fine_tuned_model"]
    checkpoints = call_json(conn, "GET", f"{path}/checkpoints")
    assert [c["step_number"] for c in checkpoints["data"]] == [30, 20, 10]
    events = call_json(conn, "GET", f"{path}/events?limit=2")
    assert len(events["data"]) == 2 and events["has_more"] is True
    assert call(conn, "POST", f"{path}/cancel")[0] == 400

    other = call_json(conn, "POST", "/v1/fine_tuning/jobs", {"model": "m", "training_file": "f"})
    other_path = f"/v1/fine_tuning/jobs/{other['id']}"
    assert call_json(conn, "POST", f"{other_path}/pause")["status"] == "paused"
    assert call_json(conn, "GET", other_path)["status"] == "paused"
    assert call_json(conn, "POST", f"{other_path}/resume")["status"] == "running"
    assert call_json(conn, "POST", f"{other_path}/cancel")["status"] == "cancelled"
    assert call(conn, "POST", f"{other_path}/resume")[0] == 400
    assert call(conn, "POST", "/v1/fine_tuning/jobs", {"model": "m"})[0] == 400


def test_batch_runs_its_input_file(conn: http.client.HTTPConnection) -> None:
    lines = [
        {"custom_id": "a", "method": "POST", "url": "/v1/chat/completions", "body": chat_body("first")},
        {"custom_id": "b", "method": "POST", "url": "/v1/chat/completions", "body": chat_body("second")},
        {"custom_id": "c", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "gpt-4o-mini"}},
    ]
    content = "".join(json.dumps(line) + "\n" for line in lines).encode()
    headers = {**AUTH, "Content-Type": "multipart/form-data; boundary=loopbackBoundary42"}
    status, _, data = call(conn, "POST", "/v1/files", multipart({"purpose": "batch"}, "in.jsonl", content), headers)
    assert status == 200
    input_id = json.loads(data)["id"]
    batch = call_json(
        conn,
        "POST",
        "/v1/batches",
        {"input_file_id": input_id, "endpoint": "/v1/chat/completions", "completion_window": "24h"},
    )
    assert batch["status"] == "validating" and batch["object"] == "batch"
    # By default the batch clock moves one second per look, and each phase lasts one second.
    statuses = [call_json(conn, "GET", f"/v1/batches/{batch['id']}")["status"] for _ in range(3)]
    assert statuses == ["in_progress", "finalizing", "completed"]
    finished = call_json(conn, "GET", f"/v1/batches/{batch['id']}")
    assert finished["request_counts"] == {"total": 3, "completed": 2, "failed": 1}
    assert finished["model"] == "gpt-4o-mini"
    _, _, output = call(conn, "GET", f"/v1/files/{finished['output_file_id']}/content", headers=AUTH)
    records = [json.loads(line) for line in output.splitlines()]
    assert [record["custom_id"] for record in records] == ["a", "b"]
    assert records[0]["response"]["body"]["choices"][0]["message"]["content"] == "Echo: first"
    _, _, errors = call(conn, "GET", f"/v1/files/{finished['error_file_id']}/content", headers=AUTH)
    failed = [json.loads(line) for line in errors.splitlines()]
    assert [record["custom_id"] for record in failed] == ["c"]
    assert failed[0]["response"]["status_code"] == 400 and failed[0]["error"] is None
    assert call_json(conn, "GET", "/v1/batches")["data"][0]["id"] == batch["id"]
    assert call(conn, "POST", f"/v1/batches/{batch['id']}/cancel")[0] == 400

    second = call_json(
        conn,
        "POST",
        "/v1/batches",
        {"input_file_id": input_id, "endpoint": "/v1/chat/completions", "completion_window": "24h"},
    )
    assert call_json(conn, "POST", f"/v1/batches/{second['id']}/cancel")["status"] == "cancelling"
    assert call_json(conn, "GET", f"/v1/batches/{second['id']}")["status"] == "cancelled"
    missing = {"input_file_id": "file-nope", "endpoint": "/v1/embeddings", "completion_window": "24h"}
    assert call(conn, "POST", "/v1/batches", missing)[0] == 404


# Scenarios


def scenario(value: str, key: Optional[str] = None) -> Dict[str, str]:
    headers = {**JSON_HEADERS, "x-loopback-scenario": value}
    if key is not None:
        headers["x-loopback-scenario-key"] = key
    return headers


def test_status_scenario_with_retry_headers(conn: http.client.HTTPConnection) -> None:
    headers = scenario("status=429;retry-after=2;retry-after-ms=1500;should-retry=false")
    status, response_headers, data = call(conn, "POST", "/v1/chat/completions", chat_body("x"), headers)
    assert status == 429
    assert response_headers["retry-after"] == "2"
    assert response_headers["retry-after-ms"] == "1500"
    assert response_headers["x-should-retry"] == "false"
    assert response_headers["x-request-id"].startswith("req_")
    error = json.loads(data)["error"]
    assert error["code"] == "rate_limit_exceeded" and set(error) == {"message", "type", "param", "code"}
    status, _, data = call(conn, "GET", "/v1/models", headers=scenario("status=503"))
    assert status == 503 and json.loads(data)["error"]["type"] == "server_error"
    _, response_headers, _ = call(conn, "GET", "/v1/models", headers=scenario("status=429;retry-after-date=30"))
    assert response_headers["retry-after"].endswith("GMT")


def test_status_scenario_times_counts_per_key(server: LoopbackServer, conn: http.client.HTTPConnection) -> None:
    def statuses(key: str, count: int) -> List[int]:
        return [call(conn, "GET", "/v1/models", headers=scenario("status=500;times=2", key))[0] for _ in range(count)]

    assert statuses("first", 4) == [500, 500, 200, 200]
    assert statuses("second", 3) == [500, 500, 200]
    server.clear()
    assert server.requests == []
    assert statuses("first", 1) == [500]


def test_stall_scenario_delays_the_head(conn: http.client.HTTPConnection) -> None:
    started = time.monotonic()
    status, _, _ = call(conn, "GET", "/v1/models", headers=scenario("stall=0.3"))
    assert status == 200
    assert time.monotonic() - started >= 0.3
    started = time.monotonic()
    status, _, _ = call(conn, "GET", "/v1/models", headers=scenario("stall=0.2, status=502"))
    assert status == 502 and time.monotonic() - started >= 0.2


def test_stall_is_bounded() -> None:
    fault = plan("stall=1000", "", ScenarioCounter())
    assert fault.reply is None
    assert fault.delay == MAX_STALL_SECONDS == 30.0


def test_stall_longer_than_client_timeout(server: LoopbackServer) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=0.2)
    try:
        with pytest.raises(socket.timeout):
            call(connection, "GET", "/v1/models", headers=scenario("stall=5"))
    finally:
        connection.close()
    # The server is not stuck behind the abandoned request.
    fresh = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        assert call(fresh, "GET", "/v1/models")[0] == 200
    finally:
        fresh.close()


def test_reset_scenario_resets_the_socket(server: LoopbackServer) -> None:
    raw = RawConnection(server.port)
    try:
        raw.send(raw_request("GET", "/v1/models", extra="x-loopback-scenario: reset\r\n"))
        with pytest.raises(ConnectionResetError):
            raw.sock.recv(1024)
    finally:
        raw.close()
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        headers = scenario("reset;times=1", "reset-once")
        with pytest.raises((ConnectionResetError, http.client.RemoteDisconnected)):
            call(connection, "GET", "/v1/models", headers=headers)
        connection.close()
        assert call(connection, "GET", "/v1/models", headers=headers)[0] == 200
    finally:
        connection.close()


def test_stream_error_scenario(conn: http.client.HTTPConnection) -> None:
    body = chat_body("one two three four", stream=True)
    status, _, data = call(conn, "POST", "/v1/chat/completions", body, scenario("stream-error;after=2;code=overloaded"))
    assert status == 200
    events = sse_events(data)
    assert len(events) == 3
    assert all(event.startswith(b"data: {") for event in events[:2])
    name_line, data_line = events[2].split(b"\n")
    assert name_line == b"event: error"
    error = json.loads(data_line[len(b"data: ") :])["error"]
    assert error["code"] == "overloaded" and error["message"]
    assert b"[DONE]" not in data
    # The stream still ended cleanly, so the connection is reused.
    assert call(conn, "GET", "/v1/models")[0] == 200


def test_truncate_scenario_breaks_the_stream(conn: http.client.HTTPConnection) -> None:
    conn.request("POST", "/v1/chat/completions", json.dumps(chat_body("a b c d", stream=True)), scenario("truncate"))
    response = conn.getresponse()
    assert response.status == 200
    with pytest.raises(http.client.IncompleteRead) as caught:
        response.read()
    partial = caught.value.partial
    assert partial.startswith(b"data: {") and b"[DONE]" not in partial
    conn.close()
    conn.request("GET", "/v1/models", headers=scenario("truncate"))
    response = conn.getresponse()
    with pytest.raises(http.client.IncompleteRead):
        response.read()


def test_no_done_and_drip_scenarios(conn: http.client.HTTPConnection) -> None:
    _, _, data = call(conn, "POST", "/v1/chat/completions", chat_body("a b", stream=True), scenario("no-done"))
    events = sse_events(data)
    assert b"[DONE]" not in data and len(events) == 5
    started = time.monotonic()
    _, _, data = call(conn, "POST", "/v1/chat/completions", chat_body("a b", stream=True), scenario("drip=0.05"))
    assert time.monotonic() - started >= 0.05 * 6
    assert sse_events(data)[-1] == b"data: [DONE]"


def read_until_closed(sock: socket.socket) -> Tuple[bytes, Optional[BaseException]]:
    """Everything the peer sent before the connection ended, and the error it ended with (None: a clean close)."""
    received = bytearray()
    for _ in range(100_000):
        try:
            data = sock.recv(65536)
        except OSError as error:
            return bytes(received), error
        if not data:
            return bytes(received), None
        received += data
    raise AssertionError("the connection never ended")


def split_response(wire: bytes) -> Tuple[int, Dict[str, str], bytes]:
    """Status, headers and the raw (still chunk-framed) body of one response."""
    head, _, body = wire.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(lines[0].split()[1]), headers, body


def dechunk(body: bytes) -> List[bytes]:
    """The chunks of a complete chunked body, without their framing."""
    pieces: List[bytes] = []
    while True:
        size_line, _, body = body.partition(b"\r\n")
        size = int(size_line, 16)
        if size == 0:
            assert body == b"\r\n"
            return pieces
        pieces.append(body[:size])
        assert body[size : size + 2] == b"\r\n"
        body = body[size + 2 :]


def without_volatile_fields(stream: bytes) -> bytes:
    """A chat stream with its per-request id and timestamp blanked, to compare two runs."""
    return re.sub(rb'"(id|created)":("[^"]*"|\d+)', b'"\\1":0', stream)


def test_status_scenario_body_kinds(conn: http.client.HTTPConnection) -> None:
    status, headers, data = call(conn, "GET", "/v1/models", headers=scenario("status=500;body=html"))
    assert status == 500 and headers["content-type"] == "text/html"
    assert data.startswith(b"<html>") and b"500 Internal Server Error" in data
    assert headers["x-request-id"].startswith("req_")
    status, headers, data = call(conn, "GET", "/v1/models", headers=scenario("status=502;body=text;message=upstream"))
    assert (status, headers["content-type"], data) == (502, "text/plain", b"upstream")
    status, headers, data = call(conn, "GET", "/v1/models", headers=scenario("status=503;body=empty"))
    assert (status, headers["content-length"], data) == (503, "0", b"")


def test_error_200_scenario(conn: http.client.HTTPConnection) -> None:
    headers = scenario("error-200;code=model_overloaded;message=busy")
    status, response_headers, data = call(conn, "POST", "/v1/chat/completions", chat_body("x"), headers)
    assert status == 200 and response_headers["content-type"] == "application/json"
    assert json.loads(data)["error"] == {
        "message": "busy",
        "type": "server_error",
        "param": None,
        "code": "model_overloaded",
    }
    # A streamed request gets the same JSON body, not an event stream.
    status, response_headers, data = call(conn, "POST", "/v1/chat/completions", chat_body("x", stream=True), headers)
    assert status == 200 and response_headers["content-type"] == "application/json"
    assert json.loads(data)["error"]["code"] == "model_overloaded"


def test_reset_mid_scenario_resets_after_part_of_a_plain_body(server: LoopbackServer) -> None:
    raw = RawConnection(server.port)
    try:
        raw.send(raw_request("GET", "/v1/models", extra="x-loopback-scenario: reset-mid\r\n"))
        received, error = read_until_closed(raw.sock)
    finally:
        raw.close()
    assert isinstance(error, ConnectionResetError)
    status, headers, body = split_response(received)
    assert status == 200
    announced = int(headers["content-length"])
    assert 0 < len(body) == announced // 2


def test_reset_mid_scenario_resets_mid_stream(server: LoopbackServer) -> None:
    raw = RawConnection(server.port)
    try:
        body = json.dumps(chat_body("one two three four", stream=True)).encode()
        raw.send(raw_request("POST", "/v1/chat/completions", body, extra="x-loopback-scenario: reset-mid;after=2\r\n"))
        received, error = read_until_closed(raw.sock)
    finally:
        raw.close()
    assert isinstance(error, ConnectionResetError)
    status, headers, stream = split_response(received)
    assert status == 200 and headers["transfer-encoding"] == "chunked"
    assert stream.count(b"data: {") == 2 and b"[DONE]" not in stream
    assert not stream.endswith(b"0\r\n\r\n")


def test_split_scenario_writes_one_chunk_per_piece(server: LoopbackServer) -> None:
    body = json.dumps(chat_body("split me please", stream=True)).encode()
    streams = []
    for header in ("", "x-loopback-scenario: split=1\r\n", "x-loopback-scenario: split=7\r\n"):
        raw = RawConnection(server.port)
        try:
            raw.send(raw_request("POST", "/v1/chat/completions", body, extra=header + "Connection: close\r\n"))
            received, error = read_until_closed(raw.sock)
        finally:
            raw.close()
        assert error is None
        streams.append(dechunk(split_response(received)[2]))
    whole, ones, sevens = streams
    assert len(whole) > 3 and any(len(piece) > 7 for piece in whole)
    assert {len(piece) for piece in ones} == {1}
    assert {len(piece) for piece in sevens[:-1]} == {7} and 1 <= len(sevens[-1]) <= 7
    joined = [without_volatile_fields(b"".join(pieces)) for pieces in streams]
    assert joined[0] == joined[1] == joined[2]
    assert joined[0].endswith(b"data: [DONE]\n\n")


def test_split_scenario_on_a_plain_body(conn: http.client.HTTPConnection) -> None:
    status, _, data = call(conn, "GET", "/v1/models", headers=scenario("split=3"))
    assert status == 200 and json.loads(data)["object"] == "list"
    # The connection stays usable after a sized body written in pieces.
    assert call(conn, "GET", "/v1/models")[0] == 200


def test_trickle_scenario_paces_the_body(server: LoopbackServer) -> None:
    raw = RawConnection(server.port)
    try:
        raw.send(raw_request("GET", "/v1/models/gpt-4o", extra="x-loopback-scenario: trickle=0.02;size=16\r\n"))
        started = time.monotonic()
        status, headers, pieces = raw.read_response()
        elapsed = time.monotonic() - started
    finally:
        raw.close()
    assert status == 200 and json.loads(pieces[0])["id"] == "gpt-4o"
    writes = math.ceil(int(headers["content-length"]) / 16)
    assert writes >= 4
    assert elapsed >= 0.02 * (writes - 1) * 0.9


def test_trickle_stops_when_the_client_leaves(server: LoopbackServer) -> None:
    raw = RawConnection(server.port)
    raw.send(raw_request("GET", "/v1/models", extra="x-loopback-scenario: trickle=1\r\n"))
    assert raw.sock.recv(5) == b"HTTP/"
    raw.close()
    # The abandoned trickle does not hold the server: a fresh request is answered at once.
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=2)
    try:
        assert call(connection, "GET", "/v1/models")[0] == 200
    finally:
        connection.close()


def test_invalid_json_scenario(conn: http.client.HTTPConnection) -> None:
    status, headers, data = call(conn, "POST", "/v1/chat/completions", chat_body("x"), scenario("invalid-json"))
    assert status == 200 and headers["content-type"] == "application/json"
    assert data.startswith(b"{")
    with pytest.raises(ValueError):
        json.loads(data)
    body = chat_body("one two three", stream=True)
    status, _, data = call(conn, "POST", "/v1/chat/completions", body, scenario("invalid-json;after=1"))
    events = sse_events(data)
    json.loads(events[0][len(b"data: ") :])
    with pytest.raises(ValueError):
        json.loads(events[1][len(b"data: ") :])
    assert events[-1] == b"data: [DONE]"


def test_large_scenario_pads_a_json_object(conn: http.client.HTTPConnection) -> None:
    size = 20 * 1024 * 1024
    status, headers, data = call(conn, "POST", "/v1/chat/completions", chat_body("big"), scenario(f"large={size}"))
    assert status == 200 and int(headers["content-length"]) == len(data)
    assert size <= len(data) <= size + 8
    reply = json.loads(data)
    assert reply["choices"][0]["message"]["content"] == "Echo: big"
    assert set(reply["loopback_padding"]) == {"x"}
    # Streams and non-object bodies are left alone.
    _, _, data = call(conn, "POST", "/v1/chat/completions", chat_body("a", stream=True), scenario("large=100000"))
    assert len(data) < 10_000


def test_content_type_scenario(conn: http.client.HTTPConnection) -> None:
    status, headers, data = call(conn, "GET", "/v1/models", headers=scenario("content-type=text/plain"))
    assert status == 200 and headers["content-type"] == "text/plain"
    assert json.loads(data)["object"] == "list"
    body = chat_body("a", stream=True)
    _, headers, data = call(conn, "POST", "/v1/chat/completions", body, scenario("content-type=application/json"))
    assert headers["content-type"] == "application/json"
    assert sse_events(data)[-1] == b"data: [DONE]"


def test_refusing_base_url_refuses() -> None:
    with refusing_base_url() as base_url:
        assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/v1")
        port = int(base_url.rsplit(":", 1)[1].split("/")[0])
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=2).close()


@pytest.mark.parametrize(
    "header",
    [
        "explode",
        "status=200",
        "status=abc",
        "stall=-1",
        "stall=soon",
        "reset=1",
        "status=500;retry-afer=1",
        "status=500;times=x",
        "status=500;body=xml",
        "error-200=1",
        "error-200;retry-after=1",
        "reset-mid=1",
        "split",
        "split=0",
        "trickle",
        "trickle=0.1;size=0",
        "invalid-json=1",
        "large=0",
        "large=999999999999",
        "content-type",
        "content-type=text",
    ],
)
def test_bad_scenarios_are_400(conn: http.client.HTTPConnection, header: str) -> None:
    status, _, data = call(conn, "GET", "/v1/models", headers=scenario(header))
    assert status == 400
    assert json.loads(data)["error"]["code"] == "invalid_loopback_scenario"


# Lifecycle


def test_recorded_requests(server: LoopbackServer, conn: http.client.HTTPConnection) -> None:
    call(conn, "POST", "/v1/chat/completions?trace=1", chat_body("rec"), {**JSON_HEADERS, "X-Custom": "Yes"})
    (request,) = server.requests
    assert request.method == "POST"
    assert request.path == "/v1/chat/completions"
    assert request.query == {"trace": "1"}
    assert request.headers["x-custom"] == "Yes"
    assert request.headers["authorization"] == "Bearer sk-loopback-test"
    assert request.json() == chat_body("rec")
    assert isinstance(request.body, bytes)


def test_stop_closes_everything() -> None:
    before = set(threading.enumerate())
    server = LoopbackServer().start()
    assert server.start() is server
    port = server.port
    assert server.base_url == f"http://127.0.0.1:{port}/v1"
    idle = RawConnection(port)
    stalled = RawConnection(port)
    try:
        idle.send(raw_request("GET", "/v1/models"))
        assert idle.read_response()[0] == 200
        stalled.send(raw_request("GET", "/v1/models", extra="x-loopback-scenario: stall=30\r\n"))
        time.sleep(0.05)
        started = time.monotonic()
        server.stop()
        assert time.monotonic() - started < 5
        server.stop()
        # Both the idle keep-alive connection and the one mid-request are gone.
        for raw in (idle, stalled):
            try:
                assert raw.sock.recv(1) == b""
            except ConnectionResetError:
                pass
    finally:
        idle.close()
        stalled.close()
    assert set(threading.enumerate()) == before
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    with pytest.raises(RuntimeError):
        server.start()


def test_stop_leaves_no_resource_warning() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with loopback_server() as server:
            connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
            call(connection, "POST", "/v1/chat/completions", chat_body("x", stream=True))
            connection.close()
            RawConnection(server.port).close()
        # A connection accepted just as the server stops is the easy one to leak.
        late_clients = []
        for _ in range(20):
            with loopback_server() as server:
                late_clients.append(socket.create_connection(("127.0.0.1", server.port), timeout=5))
        for client in late_clients:
            client.close()
        gc.collect()
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []


def test_port_in_use_fails_start() -> None:
    with loopback_server() as first:
        taken = LoopbackServer(port=first.port)
        with pytest.raises(OSError):
            taken.start()
        taken.stop()


def test_cli_prints_url_and_exits_on_sigterm() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with subprocess.Popen(
        [sys.executable, "-m", "openai.testing", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    ) as process:
        assert process.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            assert selector.select(timeout=20), "no base URL printed"
        line = process.stdout.readline().decode().strip()
        assert line.startswith("http://127.0.0.1:") and line.endswith("/v1")
        port = int(line.rsplit(":", 1)[1].split("/")[0])
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            assert call(connection, "GET", "/v1/models")[0] == 200
        finally:
            connection.close()
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
        assert process.stderr is not None and process.stderr.read() == b""


# The parser on its own


def test_parser_handles_split_and_chunked_bodies() -> None:
    parser = RequestParser()
    wire = (
        b"POST /v1/files?x=1 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nX-A: 1\r\nx-a: 2\r\n\r\n"
        b"5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: t\r\n\r\n"
        b"GET /v1/models HTTP/1.1\r\nHost: h\r\n\r\n"
    )
    requests = []
    for index in range(len(wire)):
        requests += parser.feed(wire[index : index + 1])
    assert [r.method for r in requests] == ["POST", "GET"]
    assert requests[0].body == b"hello world"
    assert requests[0].headers["x-a"] == "1, 2"
    assert requests[0].query == {"x": "1"}
    assert requests[1].body == b"" and requests[1].keep_alive


@pytest.mark.parametrize(
    ("wire", "status"),
    [
        (b"GET / HTTP/2.0\r\n\r\n", 505),
        (b"GET / HTTP/1.1\r\nBad Header\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400),
        (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
        (b"GET / HTTP/1.1\r\nX: " + b"a" * 70_000, 431),
    ],
)
def test_parser_rejects_bad_input(wire: bytes, status: int) -> None:
    with pytest.raises(ProtocolError) as caught:
        RequestParser().feed(wire)
    assert caught.value.status == status


def test_http_10_is_not_kept_alive() -> None:
    (request,) = RequestParser().feed(b"GET / HTTP/1.0\r\n\r\n")
    assert request.keep_alive is False
    (request,) = RequestParser().feed(b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
    assert request.keep_alive is True

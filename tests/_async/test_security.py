"""What a hostile or broken server, or hostile input, cannot make the client do.

Path parameters stay one path segment; credentials stay with their origin, out of printed headers
and out of the variables a rendered traceback shows; a caller's framing headers cannot split or
stall a request; compressed bodies decode in bounded pieces; a broken response head, endless
interim responses, a stream that never completes an event or never ends after ``[DONE]`` all
end the call; an upload whose file fails is reported as that failure, once.

Each test runs on every client and transport the behaviour belongs to: the central ones (request
building, the request loop, streams) on all, the transport ones on this package's transports
and aiohttp (``OWN``). The servers are scripted on 127.0.0.1, one thread per connection.
"""

from __future__ import annotations

import gzip
import io
import json
import threading
import time
import traceback
import zlib
from typing import Any, Callable, List, Optional, Tuple

import httpx
import pytest

import openai
from openai import AsyncAzureOpenAI, DefaultAioHttpClient, DefaultAsyncHttpxClient
from openai.testing import refusing_base_url
from tests._transports import async_transports, make_async_client
from tests.fault_matrix import FaultRecorder
from tests.test_transports import WAIT, Peer, ScriptedServer

# This package's transports and aiohttp: where transport-level behaviour is this package's to fix.
OWN = [name for name in async_transports if name != "httpx"]
KEY = "sk-very-secret-key-0123456789"
# The most a decoded piece of a compressed body may hold (the transports' DECODED_PIECE_SIZE).
PIECE_LIMIT = 256 * 1024
MESSAGES = [{"role": "user", "content": "hi"}]
COMPLETION = json.dumps(
    {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1,
        "model": "m",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "hi"}}],
    }
).encode()
DELETED = b'{"id": "x", "object": "file", "deleted": true}'


def reply(body: bytes, *, status: str = "200 OK", headers: bytes = b"") -> bytes:
    return b"HTTP/1.1 %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n%s\r\n%s" % (
        status.encode(),
        len(body),
        headers,
        body,
    )


class Recorded:
    """A handler answering every request on a connection with ``answer``, recording (head, body)."""

    def __init__(self, answer: bytes = COMPLETION) -> None:
        self.answer = answer if answer.startswith(b"HTTP/") else reply(answer)
        self.requests: List[Tuple[bytes, bytes]] = []

    def __call__(self, peer: Peer, number: int) -> None:
        while True:
            head = peer.read_head()
            if head is None:
                return
            body = peer.read_body(head)
            self.requests.append((head, body))
            peer.send(self.answer)

    def targets(self) -> List[bytes]:
        return [head.split(b" ")[1] for head, _ in self.requests]

    def header(self, index: int, name: bytes) -> Optional[bytes]:
        for line in self.requests[index][0].split(b"\r\n")[1:]:
            key, _, value = line.partition(b":")
            if key.strip().lower() == name:
                return value.strip()
        return None


def attempts(count: int) -> str:
    return f"{count} attempt{'s' if count != 1 else ''}"


def serve(handler: Callable[[Peer, int], None]) -> ScriptedServer:
    return ScriptedServer(handler=handler)


def http_client_for(transport: str) -> httpx.AsyncClient:
    if transport == "aiohttp":
        return DefaultAioHttpClient()
    if transport == "default":
        return DefaultAsyncHttpxClient()
    return httpx.AsyncClient()


def rendered_with_locals(error: BaseException) -> str:
    return "".join(traceback.TracebackException.from_exception(error, capture_locals=True).format())


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> List[float]:
    recorded: List[float] = []

    async def fake_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr("openai._async._base_client.async_sleep", fake_sleep)
    return recorded


# 1. Path parameters


@pytest.mark.parametrize(
    ("file_id", "sent"),
    [
        ("../../organization/users", b"/v1/files/..%2F..%2Forganization%2Fusers"),
        ("a/b", b"/v1/files/a%2Fb"),
        ("a?b=c", b"/v1/files/a%3Fb%3Dc"),
        ("a#b", b"/v1/files/a%23b"),
        ("%2e%2e", b"/v1/files/%252e%252e"),
        ("file-abc_123", b"/v1/files/file-abc_123"),
    ],
)
async def test_a_path_parameter_stays_one_segment_of_the_path(transport: str, file_id: str, sent: bytes) -> None:
    handler = Recorded(DELETED)
    server = serve(handler)
    try:
        async with make_async_client(transport, server.url("/v1")) as client:
            await client.files.delete(file_id)
        assert handler.targets() == [sent]
    finally:
        server.stop()


@pytest.mark.parametrize("file_id", [".", "..", "a\r\nb", "a\nHost: x", "a\x00b"])
async def test_a_path_parameter_that_would_leave_its_segment_is_refused(transport: str, file_id: str) -> None:
    handler = Recorded(DELETED)
    server = serve(handler)
    try:
        async with make_async_client(transport, server.url("/v1")) as client:
            with pytest.raises(ValueError, match="`file_id`"):
                await client.files.delete(file_id)
        assert handler.requests == []
    finally:
        server.stop()


# 2. Credentials and redirects


@pytest.mark.parametrize("transport", OWN)
async def test_azure_api_key_is_dropped_on_a_redirect_to_another_origin(
    transport: str, fault_matrix: FaultRecorder
) -> None:
    """Redirect to another origin: Azure's api-key is not sent there"""
    target = Recorded(COMPLETION)
    elsewhere = serve(target)
    location = elsewhere.url("/landing").encode()
    redirector = serve(
        Recorded(b"HTTP/1.1 307 Temporary Redirect\r\nLocation: %s\r\nContent-Length: 0\r\n\r\n" % location)
    )
    try:
        async with AsyncAzureOpenAI(
            api_key=KEY,
            api_version="2024-10-21",
            azure_endpoint=redirector.url(""),
            http_client=http_client_for(transport),
        ) as client:
            await client.chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]
        leaked = target.header(0, b"api-key")
        fault_matrix.record("api-key sent" if leaked else "ok · api-key dropped")
        assert len(target.requests) == 1 and leaked is None
    finally:
        elsewhere.stop()
        redirector.stop()


@pytest.mark.parametrize("transport", OWN)
async def test_azure_api_key_follows_a_redirect_on_the_same_origin(transport: str) -> None:
    handler = Recorded(COMPLETION)
    server = serve(handler)
    handler.answer = b"HTTP/1.1 307 Temporary Redirect\r\nLocation: /landing\r\nContent-Length: 0\r\n\r\n"
    landing = reply(COMPLETION)

    def answer_then_land(peer: Peer, number: int) -> None:
        while (head := peer.read_head()) is not None:
            peer.read_body(head)
            handler.requests.append((head, b""))
            peer.send(landing if b"/landing" in head.split(b"\r\n")[0] else handler.answer)

    server.handler = answer_then_land
    try:
        async with AsyncAzureOpenAI(
            api_key=KEY, api_version="2024-10-21", azure_endpoint=server.url(""), http_client=http_client_for(transport)
        ) as client:
            await client.chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]
        assert [handler.header(index, b"api-key") for index in range(2)] == [KEY.encode()] * 2
    finally:
        server.stop()


async def test_azure_api_key_is_hidden_when_the_request_headers_are_printed(transport: str) -> None:
    with refusing_base_url() as base_url:
        async with AsyncAzureOpenAI(
            api_key=KEY,
            api_version="2024-10-21",
            azure_endpoint=base_url,
            max_retries=0,
            http_client=http_client_for(transport),
        ) as client:
            with pytest.raises(openai.APIConnectionError) as caught:
                await client.chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]
    printed = repr(caught.value.request.headers)
    assert KEY not in printed and "[secure]" in printed


@pytest.mark.parametrize("transport", OWN)
async def test_the_key_is_not_in_the_variables_of_a_traceback_after_a_refused_connection(
    transport: str, fault_matrix: FaultRecorder
) -> None:
    """Connection refused, traceback rendered with every frame's variables: the key is not in it"""
    with refusing_base_url() as base_url:
        async with make_async_client(transport, base_url, api_key=KEY, max_retries=0) as client:
            with pytest.raises(openai.APIConnectionError) as caught:
                await client.chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]
        async with AsyncAzureOpenAI(
            api_key=KEY,
            api_version="2024-10-21",
            azure_endpoint=base_url,
            max_retries=0,
            http_client=http_client_for(transport),
        ) as azure:
            with pytest.raises(openai.APIConnectionError) as caught_azure:
                await azure.chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]
    rendered = rendered_with_locals(caught.value) + rendered_with_locals(caught_azure.value)
    fault_matrix.record("key shown" if KEY in rendered else "ok · key not shown")
    assert "request" in rendered  # the variables were rendered
    assert KEY not in rendered


# 3. Framing headers of the caller's


@pytest.mark.parametrize(
    "framing",
    [{"Content-Length": "5"}, {"Transfer-Encoding": "chunked"}, {"content-length": "500", "transfer-encoding": "gzip"}],
)
async def test_a_callers_framing_headers_cannot_split_or_stall_a_request(
    transport: str, framing: dict[str, str]
) -> None:
    handler = Recorded(COMPLETION)
    server = serve(handler)
    try:
        async with make_async_client(transport, server.url("/v1"), max_retries=0, timeout=WAIT) as client:
            await client.chat.completions.create(model="m", messages=MESSAGES, extra_headers=framing)  # type: ignore[arg-type]
            await client.models.with_raw_response.list(extra_headers=framing)
        (_, post_body), (_, get_body) = handler.requests
        assert handler.header(0, b"content-length") == str(len(post_body)).encode()
        assert json.loads(post_body)["model"] == "m"
        assert handler.header(0, b"transfer-encoding") is None
        assert handler.header(1, b"transfer-encoding") is None and get_body == b""
        assert handler.header(1, b"content-length") in (None, b"0")
    finally:
        server.stop()


# 4. Compression


def compressed(coding: str, data: bytes) -> bytes:
    if coding == "gzip":
        return gzip.compress(data, compresslevel=1)
    if coding == "deflate":
        return zlib.compress(data, 1)
    raw = zlib.compressobj(1, zlib.DEFLATED, -zlib.MAX_WBITS)  # "deflate" sent without its zlib wrapper
    return raw.compress(data) + raw.flush()


async def test_compressed_responses_are_asked_for_and_decoded(transport: str) -> None:
    handler = Recorded(reply(gzip.compress(COMPLETION), headers=b"Content-Encoding: gzip\r\n"))
    server = serve(handler)
    try:
        async with make_async_client(transport, server.url("/v1")) as client:
            completion = await client.chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]
        assert completion.choices[0].message.content == "hi"
        assert handler.header(0, b"accept-encoding") == b"gzip, deflate"
    finally:
        server.stop()


@pytest.mark.parametrize("coding", ["gzip", "deflate", "raw-deflate"])
@pytest.mark.parametrize("transport", OWN)
async def test_a_highly_compressed_body_is_decoded_in_bounded_pieces(
    transport: str, coding: str, fault_matrix: FaultRecorder
) -> None:
    """64 MB of zeros, compressed to 64 kB, read in pieces: no piece is larger than 256 kB"""
    size = 64 * 1024 * 1024
    body = compressed(coding, bytes(size))
    header = b"Content-Encoding: %s\r\n" % (b"deflate" if coding == "raw-deflate" else coding.encode())
    server = serve(Recorded(reply(body, headers=header)))
    try:
        async with make_async_client(transport, server.url("/v1")) as client:
            async with client.files.with_streaming_response.content("file-1") as response:
                largest = total = 0
                async for piece in response.iter_bytes():
                    largest = max(largest, len(piece))
                    total += len(piece)
        fault_matrix.record(f"largest piece {largest // 1024} kB", fault=f"{coding} bomb: 64 MB of zeros in 64 kB")
        assert total == size
        assert largest <= PIECE_LIMIT
    finally:
        server.stop()


@pytest.mark.parametrize("transport", OWN)
async def test_a_corrupt_compressed_body_is_an_error_of_its_own(transport: str) -> None:
    server = serve(Recorded(reply(b"\x1f\x8b\x08\x00garbage-not-gzip", headers=b"Content-Encoding: gzip\r\n")))
    try:
        async with make_async_client(transport, server.url("/v1"), max_retries=0) as client:
            async with client.files.with_streaming_response.content("file-1") as response:
                with pytest.raises(httpx.DecodingError):
                    await response.read()
    finally:
        server.stop()


# 5. What the response parser refuses


@pytest.mark.parametrize(
    "head",
    [
        b"HTTP/1.1 200 OK\r\nContent-Length : 2\r\n\r\nokHTTP/1.1 200 OK\r\n",
        b"HTTP/1.1 200 OK\r\nX-Value: a\x00b\r\nContent-Length: 2\r\n\r\nok",
        b"HTTP/1.1 200 OK\r\nX-Value: a\rb\r\nContent-Length: 2\r\n\r\nok",
        b"HTTP/1.1 200 OK\r\nX Name: a\r\nContent-Length: 2\r\n\r\nok",
    ],
    ids=["space-before-colon", "nul-in-value", "bare-cr-in-value", "space-in-name"],
)
@pytest.mark.parametrize("transport", OWN)
async def test_a_malformed_response_head_is_refused(transport: str, head: bytes, no_sleep: List[float]) -> None:
    server = serve(Recorded(head))
    try:
        async with make_async_client(transport, server.url("/v1"), max_retries=0) as client:
            with pytest.raises(openai.APIConnectionError) as caught:
                await client.files.delete("x")
        assert isinstance(caught.value.__cause__, httpx.RemoteProtocolError)
    finally:
        server.stop()


@pytest.mark.parametrize("value", ["a\x0bb", "a\x0cb", "a\x7fb", "a\r\nX-Injected: 1", "a\x00"])
async def test_a_header_value_with_a_control_byte_is_never_sent(transport: str, value: str) -> None:
    handler = Recorded(DELETED)
    server = serve(handler)
    try:
        async with make_async_client(transport, server.url("/v1"), max_retries=0) as client:
            with pytest.raises(ValueError, match="X-Value"):
                await client.files.delete("x", extra_headers={"X-Value": value})
        assert handler.requests == []
    finally:
        server.stop()


# 6. A file failing mid-upload


class FailingFile(io.BytesIO):
    """A file whose second read fails, as a file on a lost network share does."""

    name = "data.jsonl"

    def __init__(self) -> None:
        super().__init__(b"x" * 200_000)
        self.reads = 0
        self.error = OSError(5, "Input/output error")

    def read(self, size: Optional[int] = -1) -> bytes:
        self.reads += 1
        if self.reads > 1:
            raise self.error
        return super().read(size if size is not None and size > 0 else 65536)


async def test_a_file_that_fails_mid_upload_is_reported_as_itself_once(
    transport: str, no_sleep: List[float], fault_matrix: FaultRecorder
) -> None:
    """A file the caller passed fails mid-upload: its OSError, once, no retry"""
    server = serve(Recorded(DELETED))
    failing = FailingFile()
    try:
        async with make_async_client(transport, server.url("/v1"), max_retries=2) as client:
            try:
                await client.files.create(file=failing, purpose="assistants")
            except Exception as error:
                seen: Optional[BaseException] = error
            else:
                seen = None
        fault_matrix.record(f"{type(seen).__name__} · {attempts(len(no_sleep) + 1)}")
        assert seen is failing.error
        assert no_sleep == []
    finally:
        server.stop()


# 7. Bugs are not connection errors


async def test_an_error_that_is_no_network_fault_surfaces_as_itself_once(
    transport: str, no_sleep: List[float], monkeypatch: pytest.MonkeyPatch, fault_matrix: FaultRecorder
) -> None:
    """A bug below the request loop (a KeyError): raised as itself, once, not as a connection error"""
    with refusing_base_url() as base_url:
        async with make_async_client(transport, base_url, max_retries=2) as client:
            calls: List[httpx.Request] = []

            async def broken_send(request: httpx.Request, **kwargs: Any) -> httpx.Response:
                calls.append(request)
                raise KeyError("content-type")

            monkeypatch.setattr(client._http_client, "send", broken_send)
            try:
                await client.models.list()
            except Exception as error:
                seen: Optional[BaseException] = error
            else:
                seen = None
    fault_matrix.record(f"{type(seen).__name__} · {attempts(len(calls))}")
    assert isinstance(seen, KeyError)
    assert len(calls) == 1 and no_sleep == []


async def test_a_json_body_nested_too_deeply_is_a_clear_error(transport: str) -> None:
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]
    handler = Recorded(b"[" * 100_000 + b"]" * 100_000)
    server = serve(handler)
    try:
        async with make_async_client(transport, server.url("/v1"), max_retries=0) as client:
            with pytest.raises(ValueError, match="nested too deeply"):
                await client.chat.completions.create(model="m", messages=deep)
            assert handler.requests == []
            with pytest.raises(openai.APIResponseValidationError):
                await client.models.list()
    finally:
        server.stop()


# 8. Timeouts that a trickle or a stall cannot dodge


def trickled_head(peer: Peer, number: int) -> None:
    """A response head written one byte at a time, each byte well within any read timeout."""
    if peer.read_head() is None:
        return
    head = b"HTTP/1.1 200 OK\r\nX-Padding: " + b"p" * 200 + b"\r\n" + reply(DELETED).split(b"\r\n", 1)[1]
    for byte in head:
        peer.send(bytes([byte]))
        time.sleep(0.05)


def endless_continue(peer: Peer, number: int) -> None:
    if peer.read_head() is None:
        return
    started = time.monotonic()
    while time.monotonic() - started < 2 * WAIT:
        peer.send(b"HTTP/1.1 100 Continue\r\n\r\n")
        time.sleep(0.01)
    peer.send(reply(DELETED))  # a client that waits this long gets an answer after all


@pytest.mark.parametrize(("handler", "fault"), [(trickled_head, "trickled"), (endless_continue, "continue")])
@pytest.mark.parametrize("transport", OWN)
async def test_a_response_head_must_arrive_within_the_read_timeout(
    transport: str, handler: Callable[[Peer, int], None], fault: str, fault_matrix: FaultRecorder
) -> None:
    """Response head trickled a byte at a time, or endless 100 Continue: the call ends"""
    server = serve(handler)
    try:
        # Only the read timeout is short: the call as a whole may take a minute.
        async with make_async_client(
            transport, server.url("/v1"), max_retries=0, timeout=httpx.Timeout(60.0, read=0.5)
        ) as client:
            try:
                await client.files.delete("x")
            except Exception as error:
                seen: Optional[BaseException] = error
            else:
                seen = None
        fault_matrix.record(
            type(seen).__name__,
            fault="Response head trickled a byte every 50 ms" if fault == "trickled" else "Endless 100 Continue",
        )
        assert isinstance(seen, openai.APIConnectionError)
    finally:
        server.stop()


def comments_only(peer: Peer, number: int) -> None:
    """A stream that sends a comment every 50 ms and never an event."""
    if peer.read_head() is None:
        return
    peer.send(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
    started = time.monotonic()
    while time.monotonic() - started < 4 * WAIT:
        peer.send(b"e\r\n: keep-alive\n\n\r\n")
        time.sleep(0.05)


async def test_a_stream_of_comments_only_ends_at_the_read_timeout(transport: str, fault_matrix: FaultRecorder) -> None:
    """Stream of comments only, never an event: APITimeoutError after the read timeout"""
    server = serve(comments_only)
    try:
        async with make_async_client(
            transport, server.url("/v1"), max_retries=0, timeout=httpx.Timeout(WAIT, read=0.5)
        ) as client:
            stream = await client.chat.completions.create(model="m", messages=MESSAGES, stream=True)  # type: ignore[arg-type]
            try:
                async for _ in stream:
                    pass
            except Exception as error:
                seen: Optional[BaseException] = error
            else:
                seen = None
        fault_matrix.record(type(seen).__name__)
        assert isinstance(seen, openai.APITimeoutError)
    finally:
        server.stop()


class DoneThenHold:
    """A stream that sends an event and [DONE], then keeps the connection open without ending the body."""

    def __init__(self) -> None:
        self.client_closed = threading.Event()

    def __call__(self, peer: Peer, number: int) -> None:
        if peer.read_head() is None:
            return
        chunk = b'data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[]}\n\n'
        done = b"data: [DONE]\n\n"
        peer.send(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
            + b"%x\r\n%s\r\n%x\r\n%s\r\n" % (len(chunk), chunk, len(done), done)
        )
        if peer.wait_closed():
            self.client_closed.set()


async def test_a_stream_ends_at_done_though_the_server_keeps_the_connection_open(
    transport: str, fault_matrix: FaultRecorder
) -> None:
    """[DONE] sent, connection kept open: the stream ends at once and closes the connection"""
    handler = DoneThenHold()
    server = serve(handler)
    try:
        async with make_async_client(transport, server.url("/v1"), max_retries=0, timeout=60.0) as client:
            stream = await client.chat.completions.create(model="m", messages=MESSAGES, stream=True)  # type: ignore[arg-type]
            chunks = [chunk async for chunk in stream]
        # Closed by the client while the server still held it, not ended by the server giving up
        # after WAIT seconds (as it is when the client waits for more after [DONE]).
        closed_by_client = handler.client_closed.wait(WAIT)
        fault_matrix.record(f"{len(chunks)} chunk · " + ("closed at [DONE]" if closed_by_client else "waited"))
        assert len(chunks) == 1
        assert closed_by_client
    finally:
        server.stop()

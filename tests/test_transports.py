"""The package's own HTTP/1.1 transports (asyncio and blocking sockets) under httpx.

Against the loopback API server for the ordinary paths, and against a small scripted TCP server
of this file for what a real server does only sometimes: closing idle connections, stalling at
each stage, cutting a body short, answering before the request body is sent.
"""

from __future__ import annotations

import asyncio
import gc
import socket
import ssl
import subprocess
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, AsyncIterator, Awaitable, Callable, Dict, Iterator, List, Optional, Tuple

import httpx
import pytest

import openai._http.asyncio_transport as asyncio_transport_module
from openai import AsyncOpenAI, DefaultAsyncHttpxClient, DefaultHttpxClient, OpenAI
from openai._http.asyncio_transport import AsyncioTransport
from openai._http.clients import fast_transport_allowed
from openai._http.socket_transport import SocketTransport
from openai.testing import LoopbackServer

MESSAGES = [{"role": "user", "content": "one two three"}]
OK = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok"
WAIT = 5.0  # the longest any scripted step may wait; every wait in this file is bounded by it
# How many event-loop turns a client-side change may take to show (a callback or an EOF already in
# the kernel needs one or two); the loop is turned, never slept.
LOOP_TURNS = 100


# A scripted server: one thread per connection, behaviour chosen by the request path


class Peer:
    """The server's side of one accepted connection."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = b""

    def _fill(self) -> bool:
        data = self.sock.recv(65536)
        self.buffer += data
        return bool(data)

    def _fill_or_fail(self) -> None:
        if not self._fill():
            raise ConnectionError("the client closed in the middle of a request")

    def read_head(self) -> Optional[bytes]:
        """The next request head, or None when the client closed first."""
        while b"\r\n\r\n" not in self.buffer:
            if not self._fill():
                return None
        head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
        return head

    def read_body(self, head: bytes) -> bytes:
        lowered = head.lower()
        if b"transfer-encoding: chunked" in lowered:
            body = b""
            while True:
                while b"\r\n" not in self.buffer:
                    self._fill_or_fail()
                size_line, _, self.buffer = self.buffer.partition(b"\r\n")
                size = int(size_line, 16)
                while len(self.buffer) < size + 2:
                    self._fill_or_fail()
                body += self.buffer[:size]
                self.buffer = self.buffer[size + 2 :]
                if size == 0:
                    return body
        length = 0
        for line in lowered.split(b"\r\n"):
            if line.startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        while len(self.buffer) < length:
            self._fill_or_fail()
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return body

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def wait_closed(self) -> bool:
        """Read and drop everything until the client closes; True if it did within WAIT seconds."""
        self.sock.settimeout(WAIT)
        try:
            while self.sock.recv(65536):
                pass
        except socket.timeout:
            return False
        except OSError:
            pass
        return True


class ScriptedServer:
    """A TCP server on 127.0.0.1 whose replies depend on the request path (see ``_serve``).

    Records every request as (connection number, method and path, body), counts accepted
    connections and the connections the client closed, and sets ``reached[path]`` when a
    stalling path reaches its stall. Every change of those counts is signalled on ``changed``,
    so a test waits for a state with :meth:`wait_for` instead of polling.
    """

    def __init__(self, tls: Optional[ssl.SSLContext] = None, handler: Optional[Callable[[Peer, int], None]] = None):
        self.tls = tls
        self.custom_handler = handler
        self.handler = handler or self._serve
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(128)
        self.listener.settimeout(0.05)
        self.port = self.listener.getsockname()[1]
        self.accepted = 0
        self.open_now = 0
        self.most_open = 0
        self.client_closed = 0
        self.requests: List[Tuple[int, bytes, bytes]] = []
        self.reached: Dict[str, threading.Event] = {}
        self.release = threading.Event()
        self.resume_reading = threading.Event()
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.changed = threading.Condition(self.lock)
        # Requests to /together are answered once this many of them are in at the same time.
        self.together = threading.Barrier(1, timeout=WAIT)
        self.sockets: List[socket.socket] = []
        self.threads: List[threading.Thread] = []
        self.accept_thread = threading.Thread(target=self._accept_loop, daemon=True)
        self.accept_thread.start()

    def url(self, path: str) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}{path}"

    def wait_for(self, condition: Callable[[], bool]) -> bool:
        """Block until ``condition`` (about this server's counts) holds; False after WAIT seconds."""
        with self.changed:
            return self.changed.wait_for(condition, WAIT)

    def event(self, name: str) -> threading.Event:
        with self.lock:
            return self.reached.setdefault(name, threading.Event())

    def _accept_loop(self) -> None:
        while not self.stopping.is_set():
            try:
                sock, _ = self.listener.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            with self.lock:
                self.accepted += 1
                number = self.accepted
                self.sockets.append(sock)
                self.open_now += 1
                self.most_open = max(self.most_open, self.open_now)
                self.changed.notify_all()
            thread = threading.Thread(target=self._run, args=(sock, number), daemon=True)
            self.threads.append(thread)
            thread.start()

    def _run(self, sock: socket.socket, number: int) -> None:
        try:
            sock.settimeout(WAIT)
            if self.tls is not None:
                if self.custom_handler is not None:
                    self.handler(Peer(sock), number)  # handlers that stall the handshake
                    return
                sock = self.tls.wrap_socket(sock, server_side=True)
            self.handler(Peer(sock), number)
        except OSError:
            pass
        finally:
            # Closed before it stops counting as open: a test that waits for `open_now == 0` must
            # then find the connection closed, never a socket about to be closed.
            sock.close()
            with self.lock:
                self.open_now -= 1
                self.changed.notify_all()

    def _serve(self, peer: Peer, number: int) -> None:
        while True:
            head = peer.read_head()
            if head is None:
                with self.lock:
                    self.client_closed += 1
                    self.changed.notify_all()
                return
            request_line = head.split(b"\r\n", 1)[0]
            path = request_line.split(b" ")[1].decode()
            if path == "/no-read":
                # Leave the body unread, so the client's socket buffers fill, until the test says.
                self.event(path).set()
                self.resume_reading.wait(WAIT)
                if peer.wait_closed():
                    with self.lock:
                        self.client_closed += 1
                        self.changed.notify_all()
                return
            body = peer.read_body(head)
            with self.lock:
                self.requests.append((number, request_line, body))
                self.changed.notify_all()
            if path in ("/ok", "/upload"):
                peer.send(OK)
            elif path == "/together":
                try:
                    self.together.wait()
                except threading.BrokenBarrierError:  # fewer came than the test expected, or stop()
                    return
                peer.send(OK)
            elif path == "/echo":
                peer.send(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
            elif path == "/teapot":
                peer.send(b"HTTP/1.1 200 All Good Here\r\nContent-Length: 2\r\n\r\nok")
            elif path == "/chunked":
                peer.send(
                    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
                )
            elif path == "/until-close":
                peer.send(b"HTTP/1.1 200 OK\r\n\r\nall of this")
                return
            elif path == "/ok-then-close":
                peer.send(OK)
                self.event(path).set()
                return
            elif path == "/stream":
                peer.send(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7\r\nfirst\n\n\r\n")
                self.release.wait(WAIT)
                peer.send(b"8\r\nsecond\n\n\r\n0\r\n\r\n")
            elif path in ("/hang", "/partial", "/early-413"):
                if path == "/partial":
                    peer.send(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + b"x" * 10)
                self.event(path).set()
                if peer.wait_closed():
                    with self.lock:
                        self.client_closed += 1
                        self.changed.notify_all()
                return
            else:
                peer.send(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")

    def stop(self) -> None:
        self.stopping.set()
        self.release.set()
        self.together.abort()
        self.resume_reading.set()
        self.accept_thread.join(WAIT)
        self.listener.close()
        with self.lock:
            sockets = list(self.sockets)
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        for thread in self.threads:
            thread.join(WAIT)


def early_413(peer: Peer, number: int) -> None:
    """Answer 413 after the head, stop sending, and keep draining the body so nothing is reset."""
    if peer.read_head() is None:
        return
    peer.send(b"HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\nContent-Length: 8\r\n\r\ntoo big!")
    peer.sock.shutdown(socket.SHUT_WR)
    peer.wait_closed()


def never_answer(peer: Peer, number: int) -> None:
    """Accept and say nothing (a TLS handshake stalls here), until the client goes away."""
    peer.wait_closed()


@pytest.fixture(autouse=True)
def no_environment_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Proxy variables from the machine running the tests would make the default clients use httpx."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture
def scripted() -> Iterator[ScriptedServer]:
    server = ScriptedServer()
    yield server
    server.stop()


async def turns_until(condition: Callable[[], bool]) -> bool:
    """Turn the event loop until ``condition`` (about the client's side) holds, at most LOOP_TURNS times."""
    for _ in range(LOOP_TURNS):
        if condition():
            return True
        await asyncio.sleep(0)
    return condition()


async def in_thread(wait: Callable[..., bool], *args: Any) -> bool:
    """A blocking wait on a server's signal, run off the event loop so the client can go on."""
    return await asyncio.to_thread(wait, *args)


@pytest.fixture
async def transport() -> AsyncIterator[AsyncioTransport]:
    made = AsyncioTransport(limits=httpx.Limits(max_connections=50, max_keepalive_connections=20))
    yield made
    await made.aclose()


def async_client(transport: AsyncioTransport, timeout: Any = 5.0) -> httpx.AsyncClient:
    # The loopback API server wants a bearer token; the scripted server ignores it.
    return httpx.AsyncClient(transport=transport, timeout=timeout, headers={"Authorization": "Bearer sk-test"})


@pytest.fixture
def sync_transport() -> Iterator[SocketTransport]:
    made = SocketTransport(limits=httpx.Limits(max_connections=50, max_keepalive_connections=20))
    yield made
    made.close()


# Ordinary requests against the loopback API server


async def test_default_async_client_uses_the_asyncio_transport(server: LoopbackServer) -> None:
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url) as client:
        transport = client._http_client._transport
        assert isinstance(transport, AsyncioTransport)
        for _ in range(3):
            reply = await client.chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]
            assert reply.choices[0].message.content
        assert transport.idle_connections == 1, "the calls should have shared one kept-alive connection"
        stream = await client.chat.completions.create(model="m", messages=MESSAGES, stream=True)  # type: ignore[arg-type]
        pieces = [chunk.choices[0].delta.content async for chunk in stream if chunk.choices]
        assert "".join(piece or "" for piece in pieces) == reply.choices[0].message.content
        # The stream closes its response at [DONE]; the connection is reused only if the body's
        # last chunk had already arrived by then, so only "nothing is left busy" is certain.
        assert transport.busy_connections == 0
        assert transport.idle_connections <= 1


def test_default_sync_client_uses_the_socket_transport(server: LoopbackServer) -> None:
    with OpenAI(api_key="sk-test", base_url=server.base_url) as client:
        transport = client._http_client._transport
        assert isinstance(transport, SocketTransport)
        for _ in range(3):
            reply = client.chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]
            assert reply.choices[0].message.content
        assert transport.idle_connections == 1
        with client.chat.completions.create(model="m", messages=MESSAGES, stream=True) as stream:  # type: ignore[arg-type]
            text = "".join(chunk.choices[0].delta.content or "" for chunk in stream if chunk.choices)
        assert text == reply.choices[0].message.content
        assert transport.busy_connections == 0
        assert transport.idle_connections <= 1


async def test_keep_alive_reuses_one_connection(scripted: ScriptedServer, transport: AsyncioTransport) -> None:
    async with async_client(transport) as client:
        for _ in range(10):
            response = await client.get(scripted.url("/ok"))
            assert response.content == b"ok"
    assert scripted.accepted == 1
    assert [number for number, _, _ in scripted.requests] == [1] * 10


def test_sync_keep_alive_reuses_one_connection(scripted: ScriptedServer, sync_transport: SocketTransport) -> None:
    with httpx.Client(transport=sync_transport) as client:
        for _ in range(10):
            assert client.get(scripted.url("/ok")).content == b"ok"
    assert scripted.accepted == 1


async def test_chunked_content_length_and_close_delimited_bodies(
    scripted: ScriptedServer, transport: AsyncioTransport
) -> None:
    async with async_client(transport) as client:
        assert (await client.get(scripted.url("/chunked"))).content == b"hello world"
        assert (await client.get(scripted.url("/ok"))).content == b"ok"
        response = await client.get(scripted.url("/until-close"))
        assert response.content == b"all of this"
        assert response.http_version == "HTTP/1.1"
        assert (await client.get(scripted.url("/ok"))).content == b"ok"
    # The close-delimited body ended its connection, so the last request needed a new one.
    assert scripted.accepted == 2


def test_sync_chunked_content_length_and_close_delimited_bodies(
    scripted: ScriptedServer, sync_transport: SocketTransport
) -> None:
    with httpx.Client(transport=sync_transport) as client:
        assert client.get(scripted.url("/chunked")).content == b"hello world"
        assert client.get(scripted.url("/until-close")).content == b"all of this"
        assert client.get(scripted.url("/ok")).content == b"ok"
    assert scripted.accepted == 2


async def test_request_bodies_bytes_streamed_and_multipart(
    scripted: ScriptedServer, transport: AsyncioTransport
) -> None:
    async def parts() -> AsyncIterator[bytes]:
        for piece in (b"streamed ", b"", b"in ", b"pieces"):
            yield piece

    async with async_client(transport) as client:
        assert (await client.post(scripted.url("/echo"), content=b"plain bytes")).content == b"plain bytes"
        assert (await client.post(scripted.url("/echo"), content=parts())).content == b"streamed in pieces"
        big = bytes(range(256)) * 1024
        assert (await client.post(scripted.url("/echo"), content=big)).content == big
        response = await client.post(scripted.url("/echo"), files={"file": ("a.txt", b"file body")}, data={"k": "v"})
        assert b'name="file"; filename="a.txt"' in response.content
        assert b"file body" in response.content


def test_sync_request_bodies(scripted: ScriptedServer, sync_transport: SocketTransport) -> None:
    def parts() -> Iterator[bytes]:
        yield b"streamed "
        yield b"pieces"

    with httpx.Client(transport=sync_transport) as client:
        assert client.post(scripted.url("/echo"), content=parts()).content == b"streamed pieces"
        response = client.post(scripted.url("/echo"), files={"file": ("a.txt", b"file body")})
        assert b"file body" in response.content


async def test_a_streamed_body_that_disagrees_with_its_content_length_is_refused(
    scripted: ScriptedServer, transport: AsyncioTransport
) -> None:
    async def five_bytes() -> AsyncIterator[bytes]:
        yield b"12345"

    async with async_client(transport) as client:
        request = client.build_request("POST", scripted.url("/echo"), content=five_bytes())
        del request.headers["Transfer-Encoding"]
        request.headers["Content-Length"] = "10"
        with pytest.raises(httpx.LocalProtocolError):
            await client.send(request)
        assert transport.busy_connections == 0 and transport.idle_connections == 0


async def test_a_header_with_a_line_break_is_refused_before_sending(
    scripted: ScriptedServer, transport: AsyncioTransport
) -> None:
    async with async_client(transport) as client:
        request = client.build_request("GET", scripted.url("/ok"))
        request.headers["X-Bad"] = "a\r\nX-Injected: 1"
        with pytest.raises(httpx.LocalProtocolError):
            await client.send(request)
    assert scripted.accepted == 0


async def test_streaming_is_read_incrementally(scripted: ScriptedServer, transport: AsyncioTransport) -> None:
    async with async_client(transport) as client:
        async with client.stream("GET", scripted.url("/stream")) as response:
            chunks = response.aiter_raw()
            # The server sends the second event only after this one arrived: the body is not buffered.
            assert await chunks.__anext__() == b"first\n\n"
            scripted.release.set()
            assert [chunk async for chunk in chunks] == [b"second\n\n"]
        assert transport.idle_connections == 1


def test_sync_streaming_is_read_incrementally(scripted: ScriptedServer, sync_transport: SocketTransport) -> None:
    with httpx.Client(transport=sync_transport) as client:
        with client.stream("GET", scripted.url("/stream")) as response:
            chunks = response.iter_raw()
            assert next(chunks) == b"first\n\n"
            scripted.release.set()
            assert list(chunks) == [b"second\n\n"]
        assert sync_transport.idle_connections == 1


async def test_sse_stream_from_the_loopback_server_split_at_every_byte(server: LoopbackServer) -> None:
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url) as client:
        reply = await client.chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]
        stream = await client.chat.completions.create(
            model="m",
            messages=MESSAGES,  # type: ignore[arg-type]
            stream=True,
            extra_headers={"x-loopback-scenario": "split=1"},
        )
        text = "".join([chunk.choices[0].delta.content or "" async for chunk in stream if chunk.choices])
        assert text == reply.choices[0].message.content


# Connections the server closed


async def test_a_connection_the_server_closed_while_idle_is_replaced_transparently(
    scripted: ScriptedServer, transport: AsyncioTransport
) -> None:
    async with async_client(transport) as client:
        assert (await client.get(scripted.url("/ok-then-close"))).content == b"ok"
        # Wait for the server's close without giving the event loop a turn, so the pool has not
        # been told yet when the next request picks the connection.
        assert scripted.event("/ok-then-close").wait(WAIT)
        assert scripted.wait_for(lambda: scripted.open_now == 0)
        assert transport.idle_connections == 1
        assert (await client.get(scripted.url("/ok"))).content == b"ok"
    assert scripted.accepted == 2
    # Nothing was sent on the closed connection: each connection saw exactly one request.
    assert [number for number, _, _ in scripted.requests] == [1, 2]


async def test_a_connection_closed_while_idle_is_dropped_from_the_pool(
    scripted: ScriptedServer, transport: AsyncioTransport
) -> None:
    async with async_client(transport) as client:
        assert (await client.get(scripted.url("/ok-then-close"))).content == b"ok"
        assert scripted.wait_for(lambda: scripted.open_now == 0)
        assert await turns_until(lambda: transport.idle_connections == 0)
        assert transport.busy_connections == 0
        assert (await client.get(scripted.url("/ok"))).content == b"ok"
    assert [number for number, _, _ in scripted.requests] == [1, 2]


def test_sync_a_connection_the_server_closed_while_idle_is_replaced_transparently(
    scripted: ScriptedServer, sync_transport: SocketTransport
) -> None:
    with httpx.Client(transport=sync_transport) as client:
        assert client.get(scripted.url("/ok-then-close")).content == b"ok"
        assert scripted.wait_for(lambda: scripted.open_now == 0)
        assert client.get(scripted.url("/ok")).content == b"ok"
    assert [number for number, _, _ in scripted.requests] == [1, 2]


async def test_a_connection_dropped_while_being_made_is_not_kept(
    scripted: ScriptedServer, transport: AsyncioTransport, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect = AsyncioTransport._connect
    spoken_first: list[object] = []

    async def server_speaks_first(self: AsyncioTransport, *args: Any, **kwargs: Any) -> Any:
        connection = await connect(self, *args, **kwargs)
        if not spoken_first:  # bytes nobody asked for, delivered before the connecting task resumes
            spoken_first.append(connection)
            connection.data_received(b"unasked")
        return connection

    monkeypatch.setattr(AsyncioTransport, "_connect", server_speaks_first)
    async with async_client(transport) as client:
        assert (await client.get(scripted.url("/ok"))).content == b"ok"
        pool = transport._pool
        assert pool is not None and spoken_first[0] not in pool.connections
        assert len(pool.connections) == transport.idle_connections == 1
        assert transport.busy_connections == 0


async def test_server_answering_before_the_body_is_sent(transport: AsyncioTransport) -> None:
    server = ScriptedServer(handler=early_413)
    try:
        async with async_client(transport) as client:
            response = await client.post(server.url("/upload"), content=b"x" * (32 * 1024 * 1024))
            assert (response.status_code, response.content) == (413, b"too big!")
        assert transport.busy_connections == 0 and transport.idle_connections == 0
    finally:
        server.stop()


def test_sync_server_answering_before_the_body_is_sent(sync_transport: SocketTransport) -> None:
    server = ScriptedServer(handler=early_413)
    try:
        with httpx.Client(transport=sync_transport) as client:
            response = client.post(server.url("/upload"), content=b"x" * (32 * 1024 * 1024))
            assert (response.status_code, response.content) == (413, b"too big!")
    finally:
        server.stop()


async def test_connection_refused_is_a_connect_error(transport: AsyncioTransport) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    async with async_client(transport) as client:
        with pytest.raises(httpx.ConnectError):
            await client.get(f"http://127.0.0.1:{port}/")
    assert transport.busy_connections == 0


def test_sync_connection_refused_is_a_connect_error(sync_transport: SocketTransport) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    with httpx.Client(transport=sync_transport) as client, pytest.raises(httpx.ConnectError):
        client.get(f"http://127.0.0.1:{port}/")
    assert sync_transport.busy_connections == 0


async def test_a_body_cut_short_is_a_remote_protocol_error(server: LoopbackServer) -> None:
    async with async_client(AsyncioTransport()) as client:
        with pytest.raises(httpx.RemoteProtocolError):
            await client.post(
                server.base_url + "/chat/completions",
                json={"model": "m", "messages": MESSAGES},
                headers={"x-loopback-scenario": "truncate"},
            )
        with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
            await client.post(
                server.base_url + "/chat/completions",
                json={"model": "m", "messages": MESSAGES},
                headers={"x-loopback-scenario": "reset"},
            )
        transport: Any = client._transport
        assert transport.busy_connections == 0


# Limits and timeouts


async def test_pool_limit_and_pool_timeout(scripted: ScriptedServer) -> None:
    transport = AsyncioTransport(limits=httpx.Limits(max_connections=1))
    async with async_client(transport, timeout=httpx.Timeout(5.0, pool=0.1)) as client:
        async with client.stream("GET", scripted.url("/partial")) as held:
            assert held.status_code == 200
            with pytest.raises(httpx.PoolTimeout):
                await client.get(scripted.url("/ok"))
            assert transport.busy_connections == 1
        # The half-read response was closed: its connection is closed, not reused.
        assert transport.busy_connections == 0 and transport.idle_connections == 0
        assert (await client.get(scripted.url("/ok"))).content == b"ok"
    assert scripted.accepted == 2
    assert scripted.wait_for(lambda: scripted.client_closed >= 1)


async def test_requests_queue_for_the_connection_limit(scripted: ScriptedServer) -> None:
    transport = AsyncioTransport(limits=httpx.Limits(max_connections=2, max_keepalive_connections=2))
    async with async_client(transport) as client:
        responses = await asyncio.gather(*(client.get(scripted.url("/ok")) for _ in range(40)))
        assert all(response.content == b"ok" for response in responses)
        assert transport.busy_connections == 0 and transport.idle_connections == 2
    assert scripted.most_open <= 2
    assert len(scripted.requests) == 40


async def test_keepalive_limit_closes_connections_beyond_it(scripted: ScriptedServer) -> None:
    transport = AsyncioTransport(limits=httpx.Limits(max_connections=10, max_keepalive_connections=3))
    async with async_client(transport) as client:
        # The server answers once all eight are in, so eight connections are open at once.
        scripted.together = threading.Barrier(8, timeout=WAIT)
        responses = await asyncio.gather(*(client.get(scripted.url("/together")) for _ in range(8)))
        assert [response.content for response in responses] == [b"ok"] * 8
        assert transport.idle_connections == 3 and transport.busy_connections == 0
    assert scripted.accepted == 8
    assert scripted.wait_for(lambda: scripted.client_closed == 8)


async def test_idle_connections_expire(scripted: ScriptedServer) -> None:
    transport = AsyncioTransport(limits=httpx.Limits(keepalive_expiry=30.0))
    async with async_client(transport) as client:
        await client.get(scripted.url("/ok"))
        await client.get(scripted.url("/ok"))
        assert scripted.accepted == 1, "within its keep-alive expiry the connection is reused"
        # Age the idle connection past its expiry rather than wait for it.
        pool = transport._pool
        assert pool is not None
        for idle in pool.idle.values():
            for connection in idle:
                connection.idle_since -= 31.0
        await client.get(scripted.url("/ok"))
    assert scripted.accepted == 2


def test_sync_pool_limit_and_timeout_across_threads(scripted: ScriptedServer) -> None:
    transport = SocketTransport(limits=httpx.Limits(max_connections=1))
    with httpx.Client(transport=transport, timeout=httpx.Timeout(5.0, pool=0.1)) as client:
        with client.stream("GET", scripted.url("/partial")) as held:
            assert held.status_code == 200
            with pytest.raises(httpx.PoolTimeout):
                client.get(scripted.url("/ok"))
        assert transport.busy_connections == 0 and transport.idle_connections == 0
        limited = SocketTransport(limits=httpx.Limits(max_connections=3))
        with httpx.Client(transport=limited) as threaded, ThreadPoolExecutor(max_workers=16) as pool:
            results = list(pool.map(lambda _: threaded.get(scripted.url("/ok")).content, range(200)))
            assert results == [b"ok"] * 200
            assert limited.busy_connections == 0 and limited.idle_connections <= 3


async def test_read_timeout(scripted: ScriptedServer, transport: AsyncioTransport) -> None:
    async with async_client(transport, timeout=httpx.Timeout(5.0, read=0.1)) as client:
        with pytest.raises(httpx.ReadTimeout):
            await client.get(scripted.url("/hang"))
        async with client.stream("GET", scripted.url("/partial")) as response:
            with pytest.raises(httpx.ReadTimeout):
                await response.aread()
    assert transport.busy_connections == 0 and transport.idle_connections == 0
    assert scripted.wait_for(lambda: scripted.client_closed == 2)


def test_sync_read_timeout(scripted: ScriptedServer, sync_transport: SocketTransport) -> None:
    with httpx.Client(transport=sync_transport, timeout=httpx.Timeout(5.0, read=0.1)) as client:
        with pytest.raises(httpx.ReadTimeout):
            client.get(scripted.url("/hang"))
        with client.stream("GET", scripted.url("/partial")) as response, pytest.raises(httpx.ReadTimeout):
            response.read()
    assert sync_transport.busy_connections == 0
    assert scripted.wait_for(lambda: scripted.client_closed == 2)


async def test_write_timeout(scripted: ScriptedServer, transport: AsyncioTransport) -> None:
    async with async_client(transport, timeout=httpx.Timeout(5.0, write=0.2)) as client:
        with pytest.raises(httpx.WriteTimeout):
            await client.post(scripted.url("/no-read"), content=b"x" * (64 * 1024 * 1024))
    assert transport.busy_connections == 0
    scripted.resume_reading.set()
    assert scripted.wait_for(lambda: scripted.client_closed == 1)


def test_sync_write_timeout(scripted: ScriptedServer, sync_transport: SocketTransport) -> None:
    with httpx.Client(transport=sync_transport, timeout=httpx.Timeout(5.0, write=0.2)) as client:
        with pytest.raises(httpx.WriteTimeout):
            client.post(scripted.url("/no-read"), content=b"x" * (64 * 1024 * 1024))
    assert sync_transport.busy_connections == 0
    scripted.resume_reading.set()
    assert scripted.wait_for(lambda: scripted.client_closed == 1)


async def test_connect_timeout() -> None:
    # A TLS handshake the server never answers keeps the connection attempt open.
    server = ScriptedServer(tls=ssl.create_default_context(), handler=never_answer)
    try:
        insecure = AsyncioTransport(verify=False)
        async with async_client(insecure, timeout=httpx.Timeout(5.0, connect=0.2)) as client:
            with pytest.raises(httpx.ConnectTimeout):
                await client.get(server.url("/"))
            assert insecure.busy_connections == 0
        assert server.wait_for(lambda: server.open_now == 0)
    finally:
        server.stop()


def test_sync_connect_timeout() -> None:
    server = ScriptedServer(tls=ssl.create_default_context(), handler=never_answer)
    try:
        insecure = SocketTransport(verify=False)
        with httpx.Client(transport=insecure, timeout=httpx.Timeout(5.0, connect=0.2)) as client:
            with pytest.raises(httpx.ConnectTimeout):
                client.get(server.url("/"))
            assert insecure.busy_connections == 0
        assert server.wait_for(lambda: server.open_now == 0)
    finally:
        server.stop()


# Cancellation at every stage: the slot is freed and the connection closed, never reused


async def cancel_when(task: asyncio.Task[Any], reached: Callable[[], Awaitable[bool]]) -> None:
    assert await reached()
    # Let the request go on to the wait that follows what was signalled: a few loop turns.
    await turns_until(lambda: False)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_cancel_while_connecting() -> None:
    server = ScriptedServer(tls=ssl.create_default_context(), handler=never_answer)
    try:
        insecure = AsyncioTransport(verify=False)
        async with async_client(insecure) as client:
            task = asyncio.ensure_future(client.get(server.url("/")))
            await cancel_when(task, lambda: in_thread(server.wait_for, lambda: server.accepted == 1))
            assert insecure.busy_connections == 0 and insecure.idle_connections == 0
        assert server.wait_for(lambda: server.open_now == 0)
    finally:
        server.stop()


async def test_cancel_while_waiting_for_the_pool(scripted: ScriptedServer) -> None:
    transport = AsyncioTransport(limits=httpx.Limits(max_connections=1))
    async with async_client(transport) as client:
        held = await client.send(client.build_request("GET", scripted.url("/partial")), stream=True)
        task = asyncio.ensure_future(client.get(scripted.url("/ok")))
        pool = transport._pool
        await cancel_when(task, lambda: turns_until(lambda: pool is not None and len(pool.waiters) == 1))
        assert transport.busy_connections == 1
        await held.aclose()
        assert transport.busy_connections == 0
        assert (await client.get(scripted.url("/ok"))).content == b"ok"


async def test_cancel_while_writing(scripted: ScriptedServer, transport: AsyncioTransport) -> None:
    async with async_client(transport) as client:
        task = asyncio.ensure_future(client.post(scripted.url("/no-read"), content=b"x" * (64 * 1024 * 1024)))
        await cancel_when(task, lambda: in_thread(scripted.event("/no-read").wait, WAIT))
        assert transport.busy_connections == 0 and transport.idle_connections == 0
        assert (await client.get(scripted.url("/ok"))).content == b"ok"
    scripted.resume_reading.set()
    assert scripted.wait_for(lambda: scripted.client_closed >= 1)


async def test_cancel_while_waiting_for_the_head(scripted: ScriptedServer, transport: AsyncioTransport) -> None:
    async with async_client(transport) as client:
        task = asyncio.ensure_future(client.get(scripted.url("/hang")))
        await cancel_when(task, lambda: in_thread(scripted.event("/hang").wait, WAIT))
        assert transport.busy_connections == 0 and transport.idle_connections == 0
        assert (await client.get(scripted.url("/ok"))).content == b"ok"
    assert scripted.wait_for(lambda: scripted.client_closed >= 1)
    assert scripted.accepted == 2


async def test_cancel_in_the_middle_of_the_body(scripted: ScriptedServer, transport: AsyncioTransport) -> None:
    got_first = asyncio.Event()

    async def read_slowly() -> None:
        async with async_client(transport) as client, client.stream("GET", scripted.url("/partial")) as response:
            async for _ in response.aiter_raw():
                got_first.set()

    task = asyncio.ensure_future(read_slowly())
    await cancel_when(task, lambda: asyncio.wait_for(got_first.wait(), WAIT))
    assert transport.busy_connections == 0 and transport.idle_connections == 0
    assert scripted.wait_for(lambda: scripted.client_closed == 1)


async def test_a_dropped_response_frees_its_slot(scripted: ScriptedServer) -> None:
    with warnings.catch_warnings():
        # Collect what earlier tests left behind first, so only this test's garbage is judged below.
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
    transport = AsyncioTransport(limits=httpx.Limits(max_connections=1))
    async with async_client(transport, timeout=httpx.Timeout(5.0, pool=1.0)) as client:
        response = await client.send(client.build_request("GET", scripted.url("/partial")), stream=True)
        assert transport.busy_connections == 1
        del response  # an httpx response and its stream refer to each other: only the collector frees them
        gc.collect()
        assert await turns_until(lambda: transport.busy_connections == 0)
        assert (await client.get(scripted.url("/ok"))).content == b"ok"


async def test_aclose_closes_busy_and_idle_connections(scripted: ScriptedServer) -> None:
    transport = AsyncioTransport()
    client = async_client(transport)
    held = await client.send(client.build_request("GET", scripted.url("/partial")), stream=True)
    await client.get(scripted.url("/ok"))
    assert (transport.busy_connections, transport.idle_connections) == (1, 1)
    await client.aclose()
    assert (transport.busy_connections, transport.idle_connections) == (0, 0)
    assert scripted.wait_for(lambda: scripted.client_closed == 2)
    with pytest.raises(httpx.TransportError):
        await held.aread()
    await transport.aclose()  # twice is harmless


# Scale


async def test_512_concurrent_requests(server: LoopbackServer) -> None:
    limits = httpx.Limits(max_connections=1000, max_keepalive_connections=100)
    transport = AsyncioTransport(limits=limits)
    async with async_client(transport) as client:
        body = {"model": "m", "messages": MESSAGES}
        responses = await asyncio.gather(
            *(client.post(server.base_url + "/chat/completions", json=body) for _ in range(512))
        )
        assert [response.status_code for response in responses] == [200] * 512
        assert all(response.json()["choices"] for response in responses)
        assert transport.busy_connections == 0
        assert 1 <= transport.idle_connections <= 100


async def test_512_concurrent_requests_through_a_small_pool(server: LoopbackServer) -> None:
    transport = AsyncioTransport(limits=httpx.Limits(max_connections=8))
    async with async_client(transport) as client:
        responses = await asyncio.gather(*(client.get(server.base_url + "/models") for _ in range(512)))
        assert all(response.status_code == 200 for response in responses)
        assert transport.busy_connections == 0 and transport.idle_connections <= 8


# TLS


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    result = subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ],
        capture_output=True,
        timeout=60,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"openssl could not make a test certificate: {result.stderr.decode(errors='replace')[:200]}")
    return key, cert


@pytest.fixture
def tls_server(certificate: Tuple[Path, Path]) -> Iterator[ScriptedServer]:
    key, cert = certificate
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(cert), str(key))
    server = ScriptedServer(tls=context)
    yield server
    server.stop()


async def test_tls(tls_server: ScriptedServer, certificate: Tuple[Path, Path]) -> None:
    trusting = AsyncioTransport(verify=ssl.create_default_context(cafile=str(certificate[1])))
    async with async_client(trusting) as client:
        for _ in range(3):
            assert (await client.get(tls_server.url("/chunked"))).content == b"hello world"
        assert trusting.idle_connections == 1
    assert tls_server.accepted == 1
    # The default context trusts the public roots only, so a self-signed server is refused.
    async with async_client(AsyncioTransport()) as client:
        with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            await client.get(tls_server.url("/ok"))


def test_sync_tls(tls_server: ScriptedServer, certificate: Tuple[Path, Path]) -> None:
    trusting = SocketTransport(verify=ssl.create_default_context(cafile=str(certificate[1])))
    with httpx.Client(transport=trusting) as client:
        for _ in range(3):
            assert client.get(tls_server.url("/chunked")).content == b"hello world"
    assert tls_server.accepted == 1
    with httpx.Client(transport=SocketTransport()) as client, pytest.raises(httpx.ConnectError):
        client.get(tls_server.url("/ok"))


# Falling back to httpx's own transport


@pytest.mark.parametrize(
    ("options", "allowed"),
    [
        ({}, True),
        ({"limits": httpx.Limits(), "timeout": 3.0, "verify": False}, True),
        ({"mounts": {}}, True),
        ({"transport": httpx.AsyncHTTPTransport()}, False),
        ({"proxy": "http://proxy.local:3128"}, False),
        ({"mounts": {"http://": None}}, False),
        ({"app": object()}, False),
        ({"http2": True}, False),
        ({"http1": False, "http2": True}, False),
    ],
)
def test_fast_transport_allowed_by_options(
    options: Dict[str, Any], allowed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert fast_transport_allowed(options) is allowed


@pytest.mark.parametrize("variable", ["HTTPS_PROXY", "http_proxy", "ALL_PROXY"])
def test_fast_transport_not_allowed_with_environment_proxies(variable: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(variable, "http://proxy.local:3128")
    assert not fast_transport_allowed({})
    assert fast_transport_allowed({"trust_env": False})
    monkeypatch.setenv("NO_PROXY", "localhost, *")
    assert fast_transport_allowed({})


def test_default_clients_fall_back_to_httpx_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    with DefaultHttpxClient() as plain:
        assert isinstance(plain._transport, SocketTransport)
    with DefaultHttpxClient(proxy="http://proxy.local:3128") as proxied:
        assert isinstance(proxied._transport, httpx.HTTPTransport)
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.local:3128")
    with DefaultHttpxClient() as from_env:
        assert isinstance(from_env._transport, httpx.HTTPTransport)
        assert from_env._mounts, "httpx must still route through the environment's proxy"


async def test_default_async_client_falls_back_for_a_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALL_PROXY", "http://proxy.local:3128")
    async with DefaultAsyncHttpxClient() as client:
        assert isinstance(client._transport, httpx.AsyncHTTPTransport)
    monkeypatch.delenv("ALL_PROXY")
    async with DefaultAsyncHttpxClient() as client:
        assert isinstance(client._transport, AsyncioTransport)


async def test_requests_outside_asyncio_go_to_httpx_transport(
    scripted: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Under trio there is no running asyncio loop; this stands in for it where trio is not installed.
    monkeypatch.setattr(asyncio_transport_module, "_running_asyncio_loop", lambda: None)
    transport = AsyncioTransport()
    async with async_client(transport) as client:
        assert (await client.get(scripted.url("/ok"))).content == b"ok"
        assert isinstance(transport._fallback, httpx.AsyncHTTPTransport)
        assert transport._pool is None


def test_trio_uses_httpx_transport(scripted: ScriptedServer) -> None:
    trio = pytest.importorskip("trio")
    transport = AsyncioTransport()

    async def main() -> bytes:
        async with async_client(transport) as client:
            return (await client.get(scripted.url("/ok"))).content

    assert trio.run(main) == b"ok"
    assert transport._pool is None


async def test_respx_still_intercepts_the_default_client() -> None:
    respx = pytest.importorskip("respx")
    with respx.mock(assert_all_called=True) as mock:
        route = mock.get("https://api.example.invalid/v1/models").respond(json={"data": [], "object": "list"})
        async with DefaultAsyncHttpxClient() as client:
            response = await client.get("https://api.example.invalid/v1/models")
        assert response.json() == {"data": [], "object": "list"}
        assert route.called
    with respx.mock(assert_all_called=True) as mock:
        mock.get("https://api.example.invalid/v1/models").respond(json={"object": "list"})
        with DefaultHttpxClient() as sync_client:
            assert sync_client.get("https://api.example.invalid/v1/models").json() == {"object": "list"}


async def test_each_event_loop_has_its_own_pool(scripted: ScriptedServer) -> None:
    transport = AsyncioTransport()
    client = async_client(transport)
    assert (await client.get(scripted.url("/ok"))).content == b"ok"

    async def from_another_loop() -> bytes:
        # A close-delimited reply leaves nothing pooled in a loop that is about to end.
        return (await client.get(scripted.url("/until-close"))).content

    with ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(asyncio.run, from_another_loop()).result(WAIT) == b"all of this"
    # This loop's kept-alive connection was left alone by the other loop, and is reused.
    assert (await client.get(scripted.url("/ok"))).content == b"ok"
    assert [number for number, _, _ in scripted.requests] == [1, 2, 1]
    await client.aclose()


async def test_the_aiohttp_transport_keeps_the_servers_reason_phrase(scripted: ScriptedServer) -> None:
    from openai import DefaultAioHttpClient

    async with DefaultAioHttpClient() as client:
        response = await client.get(scripted.url("/teapot"))
    assert (response.status_code, response.reason_phrase, response.content) == (200, "All Good Here", b"ok")

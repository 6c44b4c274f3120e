"""An HTTP/1.1 transport for ``httpx.Client`` on blocking sockets, with a thread-safe pool.

The blocking twin of ``_asyncio_transport.py``: the same sans-IO module (``_http11``), the same
limits, timeouts and errors. Idle keep-alive connections wait in one deque per origin behind a
lock; a request at the connection limit waits on a condition until a connection or slot frees,
for at most the request's pool timeout. A pooled connection is polled before reuse, so one the
server closed while it sat idle is replaced before anything is sent on it.

This module also holds the pieces both transports share (the httpx glue that needs no event
loop), so that the blocking client never imports asyncio.
"""

from __future__ import annotations

import select
import socket
import ssl
import sys
import threading
import time
import zlib
from collections import deque
from typing import (
    Any,
    AsyncIterable,
    AsyncIterator,
    Deque,
    Dict,
    Iterable,
    Iterator,
    Mapping,
    NoReturn,
    Optional,
    Protocol,
    Tuple,
    TypeVar,
    Union,
)

import httpx
from httpx._decoders import IdentityDecoder

from ._constants import DEFAULT_CONNECTION_LIMITS
from ._http11 import (
    BodyFramer,
    LocalProtocolError,
    ProtocolError,
    ResponseHead,
    ResponseParser,
    encode_request_head,
    head_and_body,
    request_wants_close,
)

__all__ = ["SocketTransport"]

Origin = Tuple[bytes, bytes, int]
VerifyTypes = Union[ssl.SSLContext, str, bool]
CertTypes = Union[str, Tuple[str, str], Tuple[str, str, str]]

# How often a request may find its pooled connection dead before sending and take another.
STALE_RETRIES = 3
UNLIMITED = sys.maxsize
_DEFAULT_PORTS = {b"http": 80, b"https": 443}
_RECEIVE_SIZE = 64 * 1024


# Shared by both transports


if hasattr(select, "poll"):

    def readable(fd: int) -> bool:
        """Whether a socket has bytes or an EOF waiting (never blocks)."""
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        return bool(poller.poll(0))

else:  # pragma: no cover - Windows

    def readable(fd: int) -> bool:
        """Whether a socket has bytes or an EOF waiting (never blocks)."""
        return bool(select.select([fd], [], [], 0)[0])


def is_patched(transport_class: type, method: str, pool_class_name: str, pool_module: str) -> bool:
    """Whether a test double replaced httpx's or httpcore's own request handling.

    respx (by default) patches httpcore's pools and pytest-httpx patches httpx's transports; the
    user's tests that rely on them must see every request, so requests then go through httpx's
    own transport.
    """
    if getattr(getattr(transport_class, method), "__module__", None) != "httpx._transports.default":
        return True
    httpcore = sys.modules.get("httpcore")
    if httpcore is None:
        return False
    return getattr(getattr(getattr(httpcore, pool_class_name), method), "__module__", None) != pool_module


def origin_of(request: httpx.Request) -> Origin:
    """The (scheme, host, port) a request's connection is pooled under."""
    url = request.url
    scheme = url.raw_scheme
    port = url.port or _DEFAULT_PORTS.get(scheme)
    if port is None:
        raise httpx.UnsupportedProtocol(
            f"Request URL has an unsupported protocol '{scheme.decode()}://'.", request=request
        )
    return (scheme, url.raw_host, port)


class RequestHead:
    """A serialised request head. It holds the request's credentials, so it never prints them:
    a traceback rendered with its frames' variables (``capture_locals``, rich, Sentry) shows only
    its size."""

    __slots__ = ("_data", "method", "wants_close")

    def __init__(self, method: bytes, data: bytes, wants_close: bool) -> None:
        self.method = method
        self._data = data
        self.wants_close = wants_close

    def writes(self, body: bytes) -> Iterator[memoryview]:
        """The writes of the head with a body in memory, as views (which print no contents)."""
        return map(memoryview, head_and_body(self._data, body))

    def alone(self) -> memoryview:
        """The head on its own, for a body streamed after it."""
        return memoryview(self._data)

    def __repr__(self) -> str:
        return f"<RequestHead {self.method.decode('ascii', 'replace')}, {len(self._data)} bytes>"


def request_head(request: httpx.Request) -> RequestHead:
    """The serialised head of ``request``, with its method and whether it asks to close its connection."""
    method = request.method.encode("ascii")
    try:
        return RequestHead(
            method,
            encode_request_head(method, request.url.raw_path, request.headers.raw),
            request_wants_close(request.headers.raw),
        )
    except LocalProtocolError as exc:
        raise httpx.LocalProtocolError(str(exc), request=request) from exc


class BodySourceFailed(Exception):
    """Reading the request body from its source (a file the caller passed) failed mid-upload.

    Carries the source's own error, which the transports raise as it is: it is the caller's
    problem to see, not a network fault to retry.
    """

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


def body_parts(stream: Iterable[bytes]) -> Iterator[bytes]:
    """The non-empty parts of a streamed request body; a failure to read one is a BodySourceFailed."""
    parts = iter(stream)
    while True:
        try:
            part = next(parts)
        except StopIteration:
            return
        except Exception as exc:
            raise BodySourceFailed(exc) from exc
        if part:
            yield part


async def async_body_parts(stream: AsyncIterable[bytes]) -> AsyncIterator[bytes]:
    """:func:`body_parts` for an async body stream."""
    parts = stream.__aiter__()
    while True:
        try:
            part = await parts.__anext__()
        except StopAsyncIteration:
            return
        except Exception as exc:
            raise BodySourceFailed(exc) from exc
        if part:
            yield part


# Decoded output is handed on in pieces of at most this size, however well the body compresses.
DECODED_PIECE_SIZE = 256 * 1024
_ZLIB_WBITS = {b"gzip": zlib.MAX_WBITS | 16, b"x-gzip": zlib.MAX_WBITS | 16, b"deflate": zlib.MAX_WBITS}


class DecodedBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A gzip or deflate body decoded as it is read, in bounded pieces.

    httpx's decoders turn each received piece into all of its output at once, so a small piece of
    a highly compressed body (1 GB of zeros is 1 MB of gzip) becomes hundreds of megabytes in one
    allocation. Here no piece of output is larger than ``DECODED_PIECE_SIZE``.
    """

    def __init__(self, raw: Any, coding: bytes, request: httpx.Request) -> None:
        self._raw = raw
        self._coding = coding
        self._decompressor = zlib.decompressobj(_ZLIB_WBITS[coding])
        self._started = False
        self._request = request

    def _decode(self, data: bytes) -> Iterator[bytes]:
        try:
            while data:
                if self._decompressor.eof:
                    return  # bytes after the end of the compressed stream are ignored, as httpx does
                try:
                    piece = self._decompressor.decompress(data, DECODED_PIECE_SIZE)
                except zlib.error:
                    if self._started or self._coding != b"deflate":
                        raise
                    # "deflate" is sent both zlib-wrapped (as the RFC says) and raw; try raw.
                    self._decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
                    piece = self._decompressor.decompress(data, DECODED_PIECE_SIZE)
                self._started = True
                data = self._decompressor.unconsumed_tail
                if piece:
                    yield piece
        except zlib.error as exc:
            raise httpx.DecodingError(
                f"the {self._coding.decode()} response body is corrupt: {exc}", request=self._request
            ) from exc

    def _end(self) -> bytes:
        try:
            return self._decompressor.flush()
        except zlib.error as exc:  # pragma: no cover - flush reports truncation by returning less
            raise httpx.DecodingError(str(exc), request=self._request) from exc

    def __iter__(self) -> Iterator[bytes]:
        for data in self._raw:
            yield from self._decode(data)
        tail = self._end()
        if tail:
            yield tail

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for data in self._raw:
            for piece in self._decode(data):
                yield piece
        tail = self._end()
        if tail:
            yield tail

    def close(self) -> None:
        self._raw.close()

    async def aclose(self) -> None:
        await self._raw.aclose()


def decodes_bounded(coding: Optional[bytes]) -> bool:
    """Whether a response with this Content-Encoding is decoded by :class:`DecodedBody`."""
    return coding is not None and coding in _ZLIB_WBITS


def bounded_decoding(response: httpx.Response, coding: bytes) -> httpx.Response:
    """Make ``response`` (fresh from a transport) decode its gzip or deflate body in bounded pieces.

    Its headers still say how the body was encoded; httpx is told the stream is already decoded.
    """
    response.stream = DecodedBody(response.stream, coding, response.request)
    response._decoder = _IDENTITY  # httpx's own decoder would decode a second time
    return response


_IDENTITY = IdentityDecoder()


def make_ssl_context(verify: VerifyTypes, cert: Optional[CertTypes], trust_env: bool) -> ssl.SSLContext:
    """The TLS context httpx would make for these settings, offering only HTTP/1.1 by ALPN."""
    context = httpx.create_ssl_context(verify=verify, cert=cert, trust_env=trust_env)
    if not isinstance(verify, ssl.SSLContext):
        # A caller's own context is left as it is; one made here is ours to configure.
        context.set_alpn_protocols(["http/1.1"])
    return context


def server_hostname(request: httpx.Request, host: str) -> str:
    """The name sent by SNI and checked against the certificate."""
    sni = request.extensions.get("sni_hostname")
    if isinstance(sni, bytes):
        return sni.decode("ascii")
    return str(sni) if sni else host


class _IdleSince(Protocol):
    idle_since: float


_IdleT = TypeVar("_IdleT", bound=_IdleSince)


def pool_limits(limits: httpx.Limits) -> Tuple[int, int, Optional[float]]:
    """A pool's most connections, most idle connections and keep-alive expiry (None: no limit)."""
    max_connections = UNLIMITED if limits.max_connections is None else limits.max_connections
    max_idle = UNLIMITED if limits.max_keepalive_connections is None else limits.max_keepalive_connections
    return max_connections, max_idle, limits.keepalive_expiry


def oldest_idle(idle: Mapping[Origin, Deque[_IdleT]]) -> Optional[_IdleT]:
    """The connection of any origin idle the longest (each origin's deque holds its oldest first)."""
    oldest: Optional[_IdleT] = None
    for connections in idle.values():
        if connections and (oldest is None or connections[0].idle_since < oldest.idle_since):
            oldest = connections[0]
    return oldest


def map_error(exc: Exception, request: httpx.Request, lost_with: Optional[BaseException] = None) -> Exception:
    """The httpx exception for what went wrong sending a request or reading its response, as far as
    both transports see it alike (each adds its own timeouts); ``lost_with`` is why the connection
    failed, when that is known. An exception with no httpx equivalent is returned as it is."""
    if isinstance(exc, httpx.HTTPError):
        return exc
    if isinstance(exc, BodySourceFailed):
        return exc.error
    if isinstance(exc, LocalProtocolError):
        return httpx.LocalProtocolError(str(exc), request=request)
    if isinstance(exc, ProtocolError):
        # A broken response: a read error when the connection failed, else the server's protocol error.
        if isinstance(lost_with, OSError):
            return httpx.ReadError(str(lost_with) or type(lost_with).__name__, request=request)
        return httpx.RemoteProtocolError(str(exc), request=request)
    if isinstance(exc, OSError):
        return httpx.ReadError(str(exc) or type(exc).__name__, request=request)
    return exc


def raise_mapped(exc: BaseException, mapped: BaseException) -> NoReturn:
    """Raise ``mapped`` in place of ``exc`` (or ``exc`` itself when nothing was mapped)."""
    if mapped is exc:
        raise exc
    if isinstance(exc, BodySourceFailed):
        raise exc.error from None  # the caller's own error, as the source raised it
    raise mapped from exc


class CompleteBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that arrived whole with its head; its connection is already back in the pool."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def __iter__(self) -> CompleteBody:
        return self

    def __next__(self) -> bytes:
        body = self._body
        if not body:
            raise StopIteration
        self._body = b""
        return body

    def __aiter__(self) -> CompleteBody:
        return self

    async def __anext__(self) -> bytes:
        body = self._body
        if not body:
            raise StopAsyncIteration
        self._body = b""
        return body


# The blocking transport


class _Connection:
    """One blocking socket (plain or TLS) and the timeout it is currently set to."""

    __slots__ = ("idle_since", "origin", "sock", "timeout")

    def __init__(self, sock: socket.socket, origin: Origin) -> None:
        self.sock = sock
        self.origin = origin
        self.idle_since = 0.0
        self.timeout: Optional[float] = sock.gettimeout()

    def _set_timeout(self, timeout: Optional[float]) -> None:
        if timeout != self.timeout:
            self.sock.settimeout(timeout)
            self.timeout = timeout

    def send(self, data: Union[bytes, memoryview], timeout: Optional[float]) -> None:
        self._set_timeout(timeout)
        self.sock.sendall(data)

    def receive(self, parser: ResponseParser, timeout: Optional[float]) -> None:
        """Feed the parser the next bytes from the server (or its EOF)."""
        self._set_timeout(timeout)
        data = self.sock.recv(_RECEIVE_SIZE)
        if data:
            parser.feed(data)
        else:
            parser.feed_eof()

    def close(self) -> None:
        try:
            self.sock.close()
        except OSError:
            pass

    def interrupt(self) -> None:
        """Close a socket another thread may be blocked on: shutting it down first wakes that thread."""
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.close()


class _Pool:
    """Idle connections per origin, a slot count and a condition to wait on, behind one lock."""

    def __init__(self, limits: httpx.Limits) -> None:
        self.max_connections, self.max_idle, self.keepalive_expiry = pool_limits(limits)
        self.idle: Dict[Origin, Deque[_Connection]] = {}
        self.idle_total = 0
        self.slots_used = 0
        self.busy: set[_Connection] = set()
        # Connections of responses the collector freed unread; closed by the next pool operation,
        # since the collector may run while this thread holds the lock.
        self.abandoned: Deque[_Connection] = deque()
        self.lock = threading.Lock()
        self.changed = threading.Condition(self.lock)
        self.waiting = 0
        self.closed = False

    def acquire(self, origin: Origin, timeout: Optional[float], request: httpx.Request) -> Optional[_Connection]:
        """A live idle connection for ``origin``, or None once a slot to connect with is held."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self.lock:
            self._close_abandoned()
            while True:
                if self.closed:
                    raise RuntimeError("the transport was closed; create a new one")
                connection = self._take_idle(origin)
                if connection is not None:
                    self.busy.add(connection)
                    return connection
                if self.slots_used < self.max_connections:
                    self.slots_used += 1
                    return None
                if self._evict_oldest_idle():
                    continue
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    raise httpx.PoolTimeout("Timed out waiting for a connection from the pool", request=request)
                self.waiting += 1
                try:
                    self.changed.wait(remaining)
                finally:
                    self.waiting -= 1

    def _close_abandoned(self) -> None:
        abandoned = self.abandoned
        while abandoned:
            connection = abandoned.popleft()
            if connection in self.busy:
                self.busy.discard(connection)
                self._close(connection)

    def abandon(self, connection: _Connection) -> None:
        """Queue a connection for closing without taking the lock (safe from a finaliser)."""
        self.abandoned.append(connection)

    def counts(self) -> Tuple[int, int]:
        """(busy, idle) connections."""
        with self.lock:
            self._close_abandoned()
            return self.slots_used - self.idle_total, self.idle_total

    def _take_idle(self, origin: Origin) -> Optional[_Connection]:
        idle = self.idle.get(origin)
        expiry = self.keepalive_expiry
        now = time.monotonic()
        while idle:
            connection = idle.pop()
            self.idle_total -= 1
            if (expiry is not None and now - connection.idle_since > expiry) or readable(connection.sock.fileno()):
                # Past its keep-alive, or the server closed it (or sent bytes nobody asked for).
                self._close(connection)
                continue
            return connection
        return None

    def _evict_oldest_idle(self) -> bool:
        oldest = oldest_idle(self.idle)
        if oldest is None:
            return False
        self.idle[oldest.origin].popleft()
        self.idle_total -= 1
        self._close(oldest)
        return True

    def _close(self, connection: _Connection) -> None:
        # Every connection holds a slot from before it connects until it is closed.
        connection.close()
        self.slots_used -= 1

    def connected(self, connection: _Connection) -> None:
        with self.lock:
            if self.closed:
                connection.close()
                raise RuntimeError("the transport was closed; create a new one")
            self.busy.add(connection)

    def release(self, connection: _Connection, reusable: bool) -> None:
        """Give a connection back: kept idle when reusable and there is room, else closed."""
        with self.lock:
            self._close_abandoned()
            if connection not in self.busy:
                return  # already closed by close() or as abandoned
            self.busy.discard(connection)
            if reusable and not self.closed and self.idle_total < self.max_idle:
                connection.idle_since = now = time.monotonic()
                idle = self.idle.get(connection.origin)
                if idle is None:
                    idle = self.idle[connection.origin] = deque()
                expiry = self.keepalive_expiry
                if expiry is not None:
                    while idle and now - idle[0].idle_since > expiry:
                        self._close(idle.popleft())
                        self.idle_total -= 1
                idle.append(connection)
                self.idle_total += 1
            else:
                self._close(connection)
            if self.waiting:
                self.changed.notify_all()

    def free_slot(self) -> None:
        """Give back a slot whose connection was never made."""
        with self.lock:
            self.slots_used -= 1
            if self.waiting:
                self.changed.notify_all()

    def close(self) -> None:
        with self.lock:
            self.closed = True
            for idle in self.idle.values():
                for connection in idle:
                    connection.close()
            self.idle.clear()
            for connection in self.busy:
                connection.interrupt()
            self.busy.clear()
            self.abandoned.clear()
            self.idle_total = self.slots_used = 0
            self.changed.notify_all()


class _ResponseStream(httpx.SyncByteStream):
    """The body of a response still arriving on its connection."""

    def __init__(
        self,
        pool: _Pool,
        connection: _Connection,
        parser: ResponseParser,
        first: bytes,
        timeout: Optional[float],
        request: httpx.Request,
    ) -> None:
        self._pool: Optional[_Pool] = pool
        self._connection = connection
        self._parser = parser
        self._first = first
        self._timeout = timeout
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        return self

    def __next__(self) -> bytes:
        first = self._first
        if first:
            self._first = b""
            return first
        if self._pool is None:
            raise StopIteration
        parser = self._parser
        try:
            while True:
                data = parser.read_body()
                if data or parser.done:
                    break
                self._connection.receive(parser, self._timeout)
        except BaseException as exc:
            self._finish(reusable=False)
            raise_mapped(exc, _to_httpx(exc, self._request))
        if parser.done:
            self._finish(reusable=parser.reusable)
        if data:
            return data
        raise StopIteration

    def _finish(self, *, reusable: bool) -> None:
        pool = self._pool
        if pool is not None:
            self._pool = None
            pool.release(self._connection, reusable)

    def close(self) -> None:
        """Stop reading: a connection whose body was not read to the end is closed, never reused,
        unless the rest of the body has already arrived (the end of a stream after its last event)."""
        if self._pool is not None:
            self._finish(reusable=self._ends_without_waiting())

    def _ends_without_waiting(self) -> bool:
        """Read what the server has already sent, never waiting; True if that completes the body."""
        parser = self._parser
        try:
            for _ in range(4):  # a few receives at most: this is for the last bytes of a body
                while parser.read_body():
                    pass
                if parser.done:
                    return parser.reusable
                if not readable(self._connection.sock.fileno()):
                    return False
                self._connection.receive(parser, self._timeout)
        except Exception:  # a body that breaks now only means the connection is not kept
            return False
        return False

    def __del__(self) -> None:
        # A response dropped without being read or closed must not keep its slot forever.
        pool = self._pool
        if pool is not None:
            self._pool = None
            pool.abandon(self._connection)


class SocketTransport(httpx.BaseTransport):
    """An HTTP/1.1 transport for ``httpx.Client`` on blocking sockets, safe to share between threads.

    ``verify``, ``cert`` and ``trust_env`` mean what they mean to httpx (the TLS context is made by
    ``httpx.create_ssl_context`` on first use); ``limits`` bounds connections, idle keep-alive
    connections and their idle time. Timeouts come from each request's ``timeout`` extension.
    ``local_address`` binds outgoing connections; ``retries`` retries failed connection attempts.

        client = httpx.Client(transport=SocketTransport())
    """

    def __init__(
        self,
        *,
        verify: VerifyTypes = True,
        cert: Optional[CertTypes] = None,
        trust_env: bool = True,
        limits: httpx.Limits = DEFAULT_CONNECTION_LIMITS,
        local_address: Optional[str] = None,
        retries: int = 0,
    ) -> None:
        self._verify = verify
        self._cert = cert
        self._trust_env = trust_env
        self._limits = limits
        self._local_address = local_address
        self._retries = retries
        self._ssl_context: Optional[ssl.SSLContext] = None
        self._ssl_lock = threading.Lock()
        self._pool = _Pool(limits)
        self._fallback: Optional[httpx.HTTPTransport] = None
        self._fallback_lock = threading.Lock()

    @property
    def busy_connections(self) -> int:
        """Connections lent to requests (connecting, sending or being read)."""
        return self._pool.counts()[0]

    @property
    def idle_connections(self) -> int:
        """Keep-alive connections waiting in the pool for the next request."""
        return self._pool.counts()[1]

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` on a pooled connection and return the response, its body still streaming."""
        if is_patched(httpx.HTTPTransport, "handle_request", "ConnectionPool", "httpcore._sync.connection_pool"):
            return self._fallback_transport().handle_request(request)
        origin = origin_of(request)
        head_to_send = request_head(request)
        timeouts: Mapping[str, Optional[float]] = request.extensions.get("timeout") or {}
        pool = self._pool

        connection = pool.acquire(origin, timeouts.get("pool"), request)
        if connection is None:
            try:
                connection = self._connect(origin, timeouts.get("connect"), request)
            except BaseException:
                pool.free_slot()
                raise
            pool.connected(connection)

        parser = ResponseParser(head_to_send.method, keep_alive=not head_to_send.wants_close)
        read_timeout = timeouts.get("read")
        try:
            self._send(connection, parser, request, head_to_send, timeouts.get("write"), read_timeout)
            head = parser.read_head()
            if head is None:
                head = _read_head(connection, parser, read_timeout)
            first = parser.read_body()
        except BaseException as exc:
            pool.release(connection, reusable=False)
            raise_mapped(exc, _to_httpx(exc, request))

        stream: httpx.SyncByteStream
        if parser.done:
            pool.release(connection, parser.reusable)
            stream = CompleteBody(first)
        else:
            stream = _ResponseStream(pool, connection, parser, first, read_timeout, request)
        response = httpx.Response(
            head.status_code,
            headers=head.headers,
            stream=stream,
            extensions={"http_version": head.http_version, "reason_phrase": head.reason},
            request=request,
        )
        coding = parser.content_coding
        if coding is not None and decodes_bounded(coding):
            return bounded_decoding(response, coding)
        return response

    def close(self) -> None:
        """Close every connection, busy or idle. Closing twice is harmless."""
        self._pool.close()
        with self._fallback_lock:
            fallback, self._fallback = self._fallback, None
        if fallback is not None:
            fallback.close()

    # Internals

    def _fallback_transport(self) -> httpx.HTTPTransport:
        with self._fallback_lock:
            if self._fallback is None:
                self._fallback = httpx.HTTPTransport(
                    verify=self._verify,
                    cert=self._cert,
                    trust_env=self._trust_env,
                    limits=self._limits,
                    local_address=self._local_address,
                    retries=self._retries,
                )
            return self._fallback

    def _get_ssl_context(self) -> ssl.SSLContext:
        with self._ssl_lock:
            if self._ssl_context is None:
                self._ssl_context = make_ssl_context(self._verify, self._cert, self._trust_env)
            return self._ssl_context

    def _connect(self, origin: Origin, timeout: Optional[float], request: httpx.Request) -> _Connection:
        scheme, raw_host, port = origin
        host = raw_host.decode("ascii")
        source = None if self._local_address is None else (self._local_address, 0)
        delay = 0.5
        attempt = 0
        while True:
            sock: Optional[socket.socket] = None
            try:
                sock = socket.create_connection((host, port), timeout=timeout, source_address=source)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                if scheme == b"https":
                    # The handshake runs under the connect timeout the socket still carries.
                    sock = self._get_ssl_context().wrap_socket(sock, server_hostname=server_hostname(request, host))
                return _Connection(sock, origin)
            except OSError as exc:  # ssl.SSLError and socket.timeout are OSErrors too
                if sock is not None:
                    sock.close()
                if attempt >= self._retries:
                    if isinstance(exc, socket.timeout):
                        raise httpx.ConnectTimeout(f"Timed out connecting to {host}:{port}", request=request) from exc
                    raise httpx.ConnectError(str(exc) or type(exc).__name__, request=request) from exc
            except BaseException:
                if sock is not None:
                    sock.close()
                raise
            attempt += 1
            time.sleep(delay)
            delay *= 2

    def _send(
        self,
        connection: _Connection,
        parser: ResponseParser,
        request: httpx.Request,
        head: RequestHead,
        timeout: Optional[float],
        read_timeout: Optional[float],
    ) -> None:
        try:
            try:
                body: Optional[bytes] = request.content
            except httpx.RequestNotRead:
                body = None
            if body is not None:
                for data in head.writes(body):
                    connection.send(data, timeout)
                return
            framer = BodyFramer(request.headers.raw)
            connection.send(head.alone(), timeout)
            stream: Any = request.stream
            for part in body_parts(stream):
                connection.send(framer.frame(part), timeout)
            tail = framer.end()
            if tail:
                connection.send(tail, timeout)
        except socket.timeout as exc:
            raise httpx.WriteTimeout("Timed out sending the request", request=request) from exc
        except OSError as exc:
            # The server may have answered (and closed) before taking the whole body, e.g. with a
            # 413: that answer is the response. Only with nothing to read is this a write error.
            try:
                connection.receive(parser, read_timeout)
            except OSError:
                pass
            if parser.received_nothing:
                raise httpx.WriteError(f"Could not send the request: {exc}", request=request) from exc


def _read_head(connection: _Connection, parser: ResponseParser, read_timeout: Optional[float]) -> ResponseHead:
    """Receive until the final response head is in, all of it within the read timeout.

    The timeout bounds the whole head, interim responses included, not each receive: a server
    trickling its head a byte at a time, or sending 100 Continue forever, still runs out of time.
    """
    deadline = None if read_timeout is None else time.monotonic() + read_timeout
    while True:
        remaining = None if deadline is None else deadline - time.monotonic()
        if remaining is not None and remaining <= 0:
            raise socket.timeout("the response head did not arrive within the read timeout")
        connection.receive(parser, remaining)
        head = parser.read_head()
        if head is not None:
            return head


def _to_httpx(exc: BaseException, request: httpx.Request) -> BaseException:
    """The httpx exception for what went wrong while reading (or writing) a response."""
    if isinstance(exc, socket.timeout):
        return httpx.ReadTimeout("Timed out waiting for the response", request=request)
    return map_error(exc, request) if isinstance(exc, Exception) else exc

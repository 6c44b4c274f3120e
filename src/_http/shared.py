"""What the socket and asyncio transports share: the httpx glue that needs no event loop.

Request heads, origin and limits bookkeeping, bounded decoding of compressed bodies, TLS context
and error mapping, written once. Nothing here imports asyncio, so the blocking client never loads
it; nothing here does I/O beyond a non-blocking readiness poll.
"""

from __future__ import annotations

import select
import ssl
import sys
import threading
import zlib
from typing import (
    Any,
    AsyncIterable,
    AsyncIterator,
    Deque,
    Dict,
    Generic,
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

from .._constants import DEFAULT_CONNECTION_LIMITS
from .http11 import (
    LocalProtocolError,
    ProtocolError,
    ResponseHead,
    ResponseParser,
    encode_request_head,
    head_and_body,
    request_wants_close,
)

Origin = Tuple[bytes, bytes, int]
VerifyTypes = Union[ssl.SSLContext, str, bool]
CertTypes = Union[str, Tuple[str, str], Tuple[str, str, str]]

# How often a request may find its pooled connection dead before sending and take another.
STALE_RETRIES = 3
UNLIMITED = sys.maxsize
_DEFAULT_PORTS = {b"http": 80, b"https": 443}


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


# What the two transports' constructors, connect loops and response bodies share


class TransportSettings:
    """The options both transports take, checked once when the transport is made.

    ``verify``, ``cert`` and ``trust_env`` mean what they mean to httpx; ``limits`` bounds the pool;
    ``local_address`` binds outgoing connections; ``retries`` is how many failed connection
    attempts are tried again. The TLS context is made on first use, once, whichever thread asks.
    """

    __slots__ = (
        "_ssl_context",
        "_ssl_lock",
        "cert",
        "limits",
        "local_address",
        "retries",
        "trust_env",
        "verify",
    )

    def __init__(
        self,
        *,
        verify: VerifyTypes,
        cert: Optional[CertTypes],
        trust_env: bool,
        limits: httpx.Limits,
        local_address: Optional[str],
        retries: int,
    ) -> None:
        if not isinstance(verify, (bool, str, ssl.SSLContext)):
            raise TypeError(
                f"verify must be a bool, a CA bundle path or an ssl.SSLContext, not {type(verify).__name__}"
            )
        if cert is not None and not isinstance(cert, (str, tuple)):
            raise TypeError(f"cert must be a path or a tuple of paths, not {type(cert).__name__}")
        if not isinstance(trust_env, bool):
            raise TypeError(f"trust_env must be a bool, not {type(trust_env).__name__}")
        if not isinstance(limits, httpx.Limits):
            raise TypeError(f"limits must be an httpx.Limits, not {type(limits).__name__}")
        for name in ("max_connections", "max_keepalive_connections"):
            bound = getattr(limits, name)
            if bound is not None and bound < 0:
                raise ValueError(f"limits.{name} must be at least 0 (or None for no limit), not {bound}")
        if limits.keepalive_expiry is not None and limits.keepalive_expiry < 0:
            raise ValueError(f"limits.keepalive_expiry must be at least 0 seconds, not {limits.keepalive_expiry}")
        if local_address is not None and not isinstance(local_address, str):
            raise TypeError(f"local_address must be an IP address string, not {type(local_address).__name__}")
        if isinstance(retries, bool) or not isinstance(retries, int):
            raise TypeError(f"retries must be an int, not {type(retries).__name__}")
        if retries < 0:
            raise ValueError(f"retries must be at least 0, not {retries}")
        self.verify = verify
        self.cert = cert
        self.trust_env = trust_env
        self.limits = limits
        self.local_address = local_address
        self.retries = retries
        self._ssl_context: Optional[ssl.SSLContext] = None
        self._ssl_lock = threading.Lock()

    def httpx_options(self) -> Dict[str, Any]:
        """The same settings as keywords of ``httpx.HTTPTransport`` / ``httpx.AsyncHTTPTransport``,
        for the requests a transport hands to httpx's own."""
        return {
            "verify": self.verify,
            "cert": self.cert,
            "trust_env": self.trust_env,
            "limits": self.limits,
            "local_address": self.local_address,
            "retries": self.retries,
        }

    def ssl_context(self) -> ssl.SSLContext:
        """The TLS context for https origins, made the first time it is needed."""
        context = self._ssl_context
        if context is None:
            with self._ssl_lock:
                context = self._ssl_context
                if context is None:
                    context = self._ssl_context = make_ssl_context(self.verify, self.cert, self.trust_env)
        return context


class ConnectPlan:
    """Where and how to open a connection to an origin: the host and port to resolve (the system
    resolver's order of addresses is kept, each tried in turn), the TLS context and SNI name
    (https only), the local address to bind, and how many attempts to make."""

    __slots__ = ("attempts", "context", "host", "port", "server_hostname", "source")

    def __init__(self, settings: TransportSettings, origin: Origin, request: httpx.Request) -> None:
        scheme, raw_host, port = origin
        self.host = raw_host.decode("ascii")
        self.port = port
        self.context = settings.ssl_context() if scheme == b"https" else None
        self.server_hostname = None if self.context is None else server_hostname(request, self.host)
        self.source = None if settings.local_address is None else (settings.local_address, 0)
        self.attempts = settings.retries + 1

    def waits(self) -> Iterator[float]:
        """How long to wait before each attempt: none before the first, then doubling from
        ``CONNECT_RETRY_DELAY`` (0.5 s, 1 s, 2 s ...), one per retry."""
        delay = CONNECT_RETRY_DELAY
        yield 0.0
        for _ in range(self.attempts - 1):
            yield delay
            delay *= 2

    def failure(self, exc: BaseException, request: httpx.Request, *, timed_out: bool) -> httpx.TransportError:
        """The httpx error for the last attempt's failure ``exc`` (raise it ``from exc``)."""
        if timed_out:
            return httpx.ConnectTimeout(f"Timed out connecting to {self.host}:{self.port}", request=request)
        return httpx.ConnectError(str(exc) or type(exc).__name__, request=request)


# The first wait before retrying a failed connection attempt; each later wait doubles.
CONNECT_RETRY_DELAY = 0.5


def fresh_response(
    head: ResponseHead,
    stream: Union[httpx.SyncByteStream, httpx.AsyncByteStream],
    coding: Optional[bytes],
    request: httpx.Request,
) -> httpx.Response:
    """The httpx response for a parsed head and its body stream, decoding gzip or deflate in bounded pieces."""
    response = httpx.Response(
        head.status_code,
        headers=head.headers,
        stream=stream,
        extensions={"http_version": head.http_version, "reason_phrase": head.reason},
        request=request,
    )
    if coding is not None and decodes_bounded(coding):
        return bounded_decoding(response, coding)
    return response


class TransportOptions:
    """Both transports' constructor: the options of :class:`TransportSettings`, checked, then
    ``_start()`` for the transport's own pool state.

    ``verify``, ``cert`` and ``trust_env`` mean what they mean to httpx (the TLS context is made by
    ``httpx.create_ssl_context`` on first use); ``limits`` bounds connections, idle keep-alive
    connections and their idle time; ``local_address`` binds outgoing connections; ``retries``
    retries failed connection attempts, waiting 0.5 s, then 1 s, 2 s ... between them.
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
        self._settings = TransportSettings(
            verify=verify, cert=cert, trust_env=trust_env, limits=limits, local_address=local_address, retries=retries
        )
        self._start()

    def _start(self) -> None:
        raise NotImplementedError


_PoolT = TypeVar("_PoolT")
_ConnectionT = TypeVar("_ConnectionT")


class BodyOnItsConnection(Generic[_PoolT, _ConnectionT]):
    """What a response body still arriving on its connection holds: the pool to give the
    connection back to (None once given back), the parser, the body bytes that came with the head,
    the read timeout and the request (for its errors)."""

    def __init__(
        self,
        pool: _PoolT,
        connection: _ConnectionT,
        parser: ResponseParser,
        first: bytes,
        timeout: Optional[float],
        request: httpx.Request,
    ) -> None:
        self._pool: Optional[_PoolT] = pool
        self._connection = connection
        self._parser = parser
        self._first = first
        self._timeout = timeout
        self._request = request

    def _take_first(self) -> bytes:
        """The bytes that came with the head, once; empty after that."""
        first = self._first
        self._first = b""
        return first


def body_in_memory(request: httpx.Request) -> Optional[bytes]:
    """The request's whole body when it is in memory; None when it is to be streamed."""
    try:
        return request.content
    except httpx.RequestNotRead:
        return None

"""An HTTP/1.1 transport for ``httpx.Client`` on blocking sockets, with a thread-safe pool.

The blocking twin of ``asyncio_transport.py``: the same sans-IO module (``http11``), the same
limits, timeouts and errors, and the same glue (``shared``). Idle keep-alive connections wait in
one deque per origin behind a lock; a request at the connection limit waits on a condition until
a connection or slot frees, for at most the request's pool timeout. A pooled connection is polled
before reuse, so one the server closed while it sat idle is replaced before anything is sent on it.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import deque
from typing import Any, Deque, Dict, Iterator, Mapping, Optional, Tuple, Union

import httpx

from .http11 import BodyFramer, ResponseHead, ResponseParser
from .shared import (
    BodyOnItsConnection,
    CompleteBody,
    ConnectPlan,
    Origin,
    RequestHead,
    TransportOptions,
    body_in_memory,
    body_parts,
    fresh_response,
    is_patched,
    map_error,
    oldest_idle,
    origin_of,
    pool_limits,
    raise_mapped,
    readable,
    request_head,
)

__all__ = ["SocketTransport"]

_RECEIVE_SIZE = 64 * 1024


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


class _ResponseStream(BodyOnItsConnection["_Pool", _Connection], httpx.SyncByteStream):
    """The body of a response still arriving on its connection."""

    def __iter__(self) -> Iterator[bytes]:
        return self

    def __next__(self) -> bytes:
        first = self._take_first()
        if first:
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


class SocketTransport(TransportOptions, httpx.BaseTransport):
    """An HTTP/1.1 transport for ``httpx.Client`` on blocking sockets, safe to share between threads.

    Its options (``verify``, ``cert``, ``trust_env``, ``limits``, ``local_address``, ``retries``) are
    those of :class:`~openai._http.shared.TransportOptions`. Timeouts come from each request's
    ``timeout`` extension.

        client = httpx.Client(transport=SocketTransport())
    """

    def _start(self) -> None:
        self._pool = _Pool(self._settings.limits)
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
        return fresh_response(head, stream, parser.content_coding, request)

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
                self._fallback = httpx.HTTPTransport(**self._settings.httpx_options())
            return self._fallback

    def _connect(self, origin: Origin, timeout: Optional[float], request: httpx.Request) -> _Connection:
        plan = ConnectPlan(self._settings, origin, request)
        failed: OSError = OSError()
        for wait in plan.waits():
            if wait:
                time.sleep(wait)
            sock: Optional[socket.socket] = None
            try:
                sock = socket.create_connection((plan.host, plan.port), timeout=timeout, source_address=plan.source)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                if plan.context is not None:
                    # The handshake runs under the connect timeout the socket still carries.
                    sock = plan.context.wrap_socket(sock, server_hostname=plan.server_hostname)
                return _Connection(sock, origin)
            except OSError as exc:  # ssl.SSLError and socket.timeout are OSErrors too
                if sock is not None:
                    sock.close()
                failed = exc
            except BaseException:
                if sock is not None:
                    sock.close()
                raise
        raise plan.failure(failed, request, timed_out=isinstance(failed, socket.timeout)) from failed

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
            body = body_in_memory(request)
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

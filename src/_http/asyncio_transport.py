"""An HTTP/1.1 transport for ``httpx.AsyncClient`` on asyncio, with its own connection pool.

httpx's default async pool slows down as concurrency grows (each request scans every queued
request), so the default client sends through this transport instead. It speaks HTTP/1.1 with
the sans-IO module ``http11`` over asyncio protocols, keeps idle keep-alive connections in one
deque per origin, and hands a released connection (or a freed slot) straight to the longest
waiting request.

What it guarantees, whatever happens to a request (a timeout, an error, a cancellation at any
await): its connection is either back in the pool, complete and reusable, or closed, and its
pool slot is free. A response closed before its body was read closes its connection.

Outside asyncio (trio), and while a mocking library has patched httpx's or httpcore's own
transport (respx, pytest-httpx), each request goes to an ``httpx.AsyncHTTPTransport`` with the
same settings instead, so those keep working as they do with plain httpx.
"""

from __future__ import annotations

import asyncio
import ssl
import sys
from collections import deque
from typing import Any, Deque, Dict, Mapping, Optional, Set, Tuple, Union

import httpx

from .http11 import BodyFramer, ResponseHead, ResponseParser
from .loop_handoff import close_without_loop
from .shared import (
    STALE_RETRIES,
    BodyOnItsConnection,
    CompleteBody,
    ConnectPlan,
    Origin,
    RequestHead,
    TransportOptions,
    async_body_parts,
    body_in_memory,
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

__all__ = ["AsyncioTransport"]

_CLOSED = "The transport was closed; make a new client to send more requests."
# Unread response bytes beyond which the socket stops being read until the consumer catches up.
_READ_HIGH_WATER = 256 * 1024
_READ_LOW_WATER = 64 * 1024


class _Expired(TimeoutError):
    """Set on a waiting future when its timer fires; ``kind`` names the timeout.

    A TimeoutError, so that the httpx timeout raised from it reads as a timeout all the way down.
    """

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


class _Lost(Exception):
    """The connection closed while a request was being written."""


def _expire(future: asyncio.Future[Any], kind: str) -> None:
    if not future.done():
        future.set_exception(_Expired(kind))


def _running_asyncio_loop() -> Optional[asyncio.AbstractEventLoop]:
    """The running asyncio loop, or None under another event loop (trio, also as an asyncio guest)."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    trio = sys.modules.get("trio")
    if trio is not None:
        try:
            trio.lowlevel.current_task()
        except RuntimeError:
            return loop
        return None
    return loop


class _Connection(asyncio.Protocol):
    """One TCP (or TLS) connection: receives bytes into the current response's parser."""

    def __init__(self, pool: _Pool, origin: Origin) -> None:
        self.pool = pool
        self.origin = origin
        self.transport: Optional[asyncio.Transport] = None
        self.fd = -1
        self.parser: Optional[ResponseParser] = None
        self.waiter: Optional[asyncio.Future[None]] = None
        self.drain_waiter: Optional[asyncio.Future[None]] = None
        # No more bytes will arrive: the server closed its side, or the connection was lost.
        self.lost = False
        self.error: Optional[BaseException] = None
        self.write_paused = False
        self.read_paused = False
        self.idle = False
        self.idle_since = 0.0
        self.discarded = False
        # The loop reported the connection closed; its transport must not be touched again.
        self.closed = False

    # asyncio.Protocol

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        sock = transport.get_extra_info("socket")
        if sock is not None:
            self.fd = sock.fileno()

    def data_received(self, data: bytes) -> None:
        parser = self.parser
        if parser is None:
            # Bytes nobody asked for, on an idle connection: it cannot carry another request.
            self.lost = True
            self.pool.discard(self)
            return
        parser.feed(data)
        if parser.buffered > _READ_HIGH_WATER and not self.read_paused and self.transport is not None:
            self.read_paused = True
            self.transport.pause_reading()
        waiter = self.waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def eof_received(self) -> bool:
        self._end(None)
        return False

    def connection_lost(self, exc: Optional[Exception]) -> None:
        self.closed = True
        self._end(exc)
        drain_waiter = self.drain_waiter
        if drain_waiter is not None and not drain_waiter.done():
            drain_waiter.set_result(None)
        if self.idle:
            self.pool.discard(self)

    def pause_writing(self) -> None:
        self.write_paused = True

    def resume_writing(self) -> None:
        self.write_paused = False
        drain_waiter = self.drain_waiter
        if drain_waiter is not None and not drain_waiter.done():
            drain_waiter.set_result(None)

    def _end(self, exc: Optional[BaseException]) -> None:
        if exc is not None and self.error is None:
            self.error = exc
        if not self.lost:
            self.lost = True
            if self.parser is not None:
                self.parser.feed_eof()
        waiter = self.waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    # Used by the request flow

    async def _wait(self, timeout: Optional[float]) -> None:
        loop = self.pool.loop
        waiter: asyncio.Future[None] = loop.create_future()
        self.waiter = waiter
        timer = None if timeout is None else loop.call_later(timeout, _expire, waiter, "read")
        try:
            await waiter
        finally:
            self.waiter = None
            if timer is not None:
                timer.cancel()

    async def drain(self, timeout: Optional[float]) -> None:
        """Wait until the transport's write buffer is below its high-water mark."""
        if self.lost:
            raise _Lost()
        if not self.write_paused:
            return
        loop = self.pool.loop
        waiter: asyncio.Future[None] = loop.create_future()
        self.drain_waiter = waiter
        timer = None if timeout is None else loop.call_later(timeout, _expire, waiter, "write")
        try:
            await waiter
        finally:
            self.drain_waiter = None
            if timer is not None:
                timer.cancel()
        if self.lost:
            raise _Lost()

    def write(self, data: Union[bytes, memoryview]) -> None:
        if self.lost or self.transport is None:
            raise _Lost()
        self.transport.write(data)

    async def read_head(self, parser: ResponseParser, timeout: Optional[float]) -> ResponseHead:
        """The final response head, all of it (interim responses included) within ``timeout``:
        a head trickled a byte at a time, or endless 100 Continue, still runs out of time."""
        head = parser.read_head()
        if head is not None:
            return head
        deadline = None if timeout is None else self.pool.loop.time() + timeout
        while True:
            remaining = None if deadline is None else deadline - self.pool.loop.time()
            if remaining is not None and remaining <= 0:
                raise _Expired("read")
            await self._wait(remaining)
            head = parser.read_head()
            if head is not None:
                return head

    async def read_body(self, parser: ResponseParser, timeout: Optional[float]) -> bytes:
        while True:
            data = parser.read_body()
            if data or parser.done:
                if self.read_paused and parser.buffered < _READ_LOW_WATER and self.transport is not None:
                    self.read_paused = False
                    self.transport.resume_reading()
                return data
            if self.read_paused and self.transport is not None:
                # Buffered bytes that do not yet decode to body bytes: more must be read to progress.
                self.read_paused = False
                self.transport.resume_reading()
            await self._wait(timeout)

    def close(self) -> None:
        transport = self.transport
        if transport is not None and not self.closed:
            if self.pool.loop.is_closed():
                # Aborting would schedule the socket's close on the dead loop, which refuses.
                self.closed = True
                close_without_loop(transport)
                return
            transport.abort()

    def close_now(self) -> None:
        """Close the socket at once, for a loop that will not run the usual close callbacks."""
        transport = self.transport
        if transport is not None and not self.closed:
            self.closed = True
            close_without_loop(transport)


class _Pool:
    """The connections of one event loop: idle deques per origin, a slot count, FIFO waiters.

    A slot is held by every connection from before it connects until it is discarded. Waiters
    receive either a connection for their origin or None, meaning a slot to connect with.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop, limits: httpx.Limits) -> None:
        self.loop = loop
        self.max_connections, self.max_idle, self.keepalive_expiry = pool_limits(limits)
        self.idle: Dict[Origin, Deque[_Connection]] = {}
        self.idle_total = 0
        self.slots_used = 0
        self.waiters: Deque[Tuple[Origin, asyncio.Future[Optional[_Connection]]]] = deque()
        self.connections: Set[_Connection] = set()
        self.closed = False

    # Taking

    def take_idle(self, origin: Origin) -> Optional[_Connection]:
        idle = self.idle.get(origin)
        if not idle:
            return None
        expiry = self.keepalive_expiry
        now = self.loop.time()
        while idle:
            connection = idle.pop()
            self.idle_total -= 1
            connection.idle = False
            if (
                connection.lost
                or (expiry is not None and now - connection.idle_since > expiry)
                or (connection.fd >= 0 and readable(connection.fd))
            ):
                # Closed by the server, past its keep-alive, or holding an unexpected byte or EOF
                # the loop has not delivered yet: never send on it.
                self.discard(connection)
                continue
            return connection
        return None

    def can_open(self) -> bool:
        return self.slots_used < self.max_connections and not self.waiters

    def evict_other_idle(self) -> bool:
        """Close the longest-idle connection of any origin, so its slot can be used."""
        oldest = oldest_idle(self.idle)
        if oldest is None:
            return False
        self.discard(oldest)
        return True

    async def wait(self, origin: Origin, timeout: Optional[float]) -> Optional[_Connection]:
        waiter: asyncio.Future[Optional[_Connection]] = self.loop.create_future()
        entry = (origin, waiter)
        self.waiters.append(entry)
        timer = None if timeout is None else self.loop.call_later(timeout, _expire, waiter, "pool")
        try:
            return await waiter
        except BaseException:
            if waiter.done() and not waiter.cancelled() and waiter.exception() is None:
                # Handed a connection or slot just as this request gave up: pass it on.
                given = waiter.result()
                if given is None:
                    self.free_slot()
                else:
                    self.release(given)
            else:
                try:
                    self.waiters.remove(entry)
                except ValueError:
                    pass
            raise
        finally:
            if timer is not None:
                timer.cancel()

    # Giving back

    def release(self, connection: _Connection) -> None:
        """Return a connection whose response was read completely and may carry another request."""
        if self.closed or connection.lost or connection.discarded:
            self.discard(connection)
            return
        waiters = self.waiters
        while waiters and waiters[0][1].done():
            waiters.popleft()
        if waiters:
            for entry in waiters:
                origin, waiter = entry
                if origin == connection.origin and not waiter.done():
                    waiters.remove(entry)
                    waiter.set_result(connection)
                    return
            # Only other origins are waiting: close this one so its slot goes to the first of them.
            self.discard(connection)
            return
        if self.idle_total >= self.max_idle:
            self.discard(connection)
            return
        connection.idle = True
        now = connection.idle_since = self.loop.time()
        idle = self.idle.get(connection.origin)
        if idle is None:
            idle = self.idle[connection.origin] = deque()
        expiry = self.keepalive_expiry
        if expiry is not None:
            while idle and now - idle[0].idle_since > expiry:
                self.discard(idle[0])
        idle.append(connection)
        self.idle_total += 1

    def discard(self, connection: _Connection) -> None:
        """Close a connection (idle or not) and free its slot. Doing it twice is harmless."""
        if connection.discarded:
            return
        connection.discarded = True
        if connection.idle:
            connection.idle = False
            self.idle_total -= 1
            idle = self.idle.get(connection.origin)
            if idle is not None:
                try:
                    idle.remove(connection)
                except ValueError:
                    pass
        self.connections.discard(connection)
        connection.close()
        self.free_slot()

    def free_slot(self) -> None:
        """Pass a freed slot to the first waiter, or return it to the pool."""
        waiters = self.waiters
        while waiters:
            _, waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return
        self.slots_used -= 1

    def close(self) -> None:
        """Fail every waiter, then close every connection."""
        self.closed = True
        while self.waiters:
            _, waiter = self.waiters.popleft()
            if not waiter.done():
                waiter.set_exception(RuntimeError(_CLOSED))
        for connection in list(self.connections):
            self.discard(connection)

    def abandon(self) -> None:
        """Close every connection of a loop that has finished, leaving nothing for it to run.

        Its waiters are dropped, not failed: failing one would schedule its task on that loop.
        """
        self.closed = True
        self.waiters.clear()
        for connection in list(self.connections):
            connection.close_now()
            self.discard(connection)

    def check_open(self) -> None:
        if self.closed:
            raise RuntimeError(_CLOSED)


class _ResponseStream(BodyOnItsConnection["_Pool", _Connection], httpx.AsyncByteStream):
    """The body of a response still arriving on its connection."""

    def __aiter__(self) -> _ResponseStream:
        return self

    async def __anext__(self) -> bytes:
        first = self._take_first()
        if first:
            return first
        if self._pool is None:
            raise StopAsyncIteration
        parser = self._parser
        try:
            data = await self._connection.read_body(parser, self._timeout)
        except BaseException as exc:
            self._finish(reusable=False)
            raise_mapped(exc, _to_httpx(exc, self._connection, self._request))
        if parser.done:
            self._finish(reusable=parser.reusable)
        if data:
            return data
        raise StopAsyncIteration

    def _finish(self, *, reusable: bool) -> None:
        pool = self._pool
        if pool is None:
            return
        self._pool = None
        self._connection.parser = None
        if reusable:
            pool.release(self._connection)
        else:
            pool.discard(self._connection)

    async def aclose(self) -> None:
        """Stop reading: a connection whose body was not read to the end is closed, never reused,
        unless the rest of the body has already arrived (the end of a stream after its last event)."""
        if self._pool is not None:
            self._finish(reusable=self._ends_without_waiting())

    def _ends_without_waiting(self) -> bool:
        parser = self._parser
        try:
            while parser.read_body():
                pass
        except Exception:  # a body that breaks now only means the connection is not kept
            return False
        return parser.done and parser.reusable

    def __del__(self) -> None:
        # A response dropped without being read or closed must not keep its slot forever. The
        # collector may run this in any thread, or in the middle of a pool operation, so the
        # close is left to the loop rather than done here.
        pool = self._pool
        if pool is not None:
            self._pool = None
            try:
                pool.loop.call_soon_threadsafe(_drop_abandoned, pool, self._connection)
            except RuntimeError:  # the loop is closed, and its connections with it
                pass


def _drop_abandoned(pool: _Pool, connection: _Connection) -> None:
    connection.parser = None
    pool.discard(connection)


class AsyncioTransport(TransportOptions, httpx.AsyncBaseTransport):
    """An HTTP/1.1 transport for ``httpx.AsyncClient`` that holds its speed at high concurrency.

    Its options (``verify``, ``cert``, ``trust_env``, ``limits``, ``local_address``, ``retries``) are
    those of :class:`~openai._http.shared.TransportOptions`. Timeouts come from each request's
    ``timeout`` extension, as httpx sets them.

        client = httpx.AsyncClient(transport=AsyncioTransport(limits=httpx.Limits(max_connections=100)))
    """

    def _start(self) -> None:
        # The pool of the loop that sent last (the usual single-loop case needs no lookup), and
        # every loop's pool by the loop's id.
        self._pool: Optional[_Pool] = None
        self._pools: Dict[int, _Pool] = {}
        self._fallback: Optional[httpx.AsyncHTTPTransport] = None
        self._closed = False

    # What tests and curious users can look at

    @property
    def busy_connections(self) -> int:
        """Connections lent to requests (connecting, sending or being read) in the current pool."""
        pool = self._pool
        return 0 if pool is None else pool.slots_used - pool.idle_total

    @property
    def idle_connections(self) -> int:
        """Keep-alive connections waiting in the pool for the next request."""
        pool = self._pool
        return 0 if pool is None else pool.idle_total

    # httpx.AsyncBaseTransport

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` on a pooled connection and return the response, its body still streaming."""
        if self._closed:
            raise RuntimeError(_CLOSED)
        loop = _running_asyncio_loop()
        if loop is None or is_patched(
            httpx.AsyncHTTPTransport, "handle_async_request", "AsyncConnectionPool", "httpcore._async.connection_pool"
        ):
            return await self._fallback_transport().handle_async_request(request)
        pool = self._pool
        if pool is None or pool.loop is not loop or pool.closed:
            pool = self._pool_for(loop)

        origin = origin_of(request)
        head_to_send = request_head(request)
        timeouts: Mapping[str, Optional[float]] = request.extensions.get("timeout") or {}

        for _ in range(STALE_RETRIES):
            connection = await self._acquire(pool, origin, timeouts, request)
            if not connection.lost:
                break
            pool.discard(connection)  # died between being picked and being used: nothing was sent
        else:
            raise httpx.ConnectError("Every pooled connection closed before the request was sent", request=request)

        parser = ResponseParser(head_to_send.method, keep_alive=not head_to_send.wants_close)
        connection.parser = parser
        read_timeout = timeouts.get("read")
        try:
            await self._send(connection, parser, request, head_to_send, timeouts.get("write"))
            head = await connection.read_head(parser, read_timeout)
            first = parser.read_body()
        except BaseException as exc:
            connection.parser = None
            pool.discard(connection)
            raise_mapped(exc, _to_httpx(exc, connection, request))

        stream: httpx.AsyncByteStream
        if parser.done:
            connection.parser = None
            if parser.reusable:
                pool.release(connection)
            else:
                pool.discard(connection)
            stream = CompleteBody(first)
        else:
            stream = _ResponseStream(pool, connection, parser, first, read_timeout, request)
        return fresh_response(head, stream, parser.content_coding, request)

    async def aclose(self) -> None:
        """Close every connection, busy or idle. Closing twice is harmless."""
        self._closed = True
        self._pool = None
        pools, self._pools = self._pools, {}
        current = _running_asyncio_loop()
        for pool in pools.values():
            if pool.loop is current:
                pool.close()
            elif not pool.loop.is_running():
                # A closed or idle loop would never run the usual close callbacks.
                pool.abandon()
            else:
                # Another thread's loop owns these connections; only it may touch them.
                try:
                    pool.loop.call_soon_threadsafe(pool.close)
                except RuntimeError:  # that loop closed in the meantime
                    pool.close()
        if any(pool.loop is current for pool in pools.values()):
            # Let the loop run the closed transports' callbacks, which close their sockets.
            await asyncio.sleep(0)
        fallback, self._fallback = self._fallback, None
        if fallback is not None:
            await fallback.aclose()

    # Internals

    def _pool_for(self, loop: asyncio.AbstractEventLoop) -> _Pool:
        """The pool of ``loop``: connections belong to the loop that made them, so each loop has its own."""
        pools = self._pools
        pool = pools.get(id(loop))
        if pool is None or pool.loop is not loop or pool.closed:
            self._check_open()
            for key, other in list(pools.items()):
                if other.loop.is_closed():
                    # Its loop ended with connections still pooled; they can only be dropped now.
                    other.abandon()
                    del pools[key]
            pool = pools[id(loop)] = _Pool(loop, self._settings.limits)
        self._pool = pool
        return pool

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError(_CLOSED)

    def leave_loop(self, loop: Optional[asyncio.AbstractEventLoop]) -> None:
        """Close the connections of ``loop``, which has finished (closed, or idle for good), so that
        the next request from another loop starts afresh; pools of loops already closed go too."""
        for key, pool in list(self._pools.items()):
            if pool.loop is loop or pool.loop.is_closed():
                del self._pools[key]
                if self._pool is pool:
                    self._pool = None
                pool.abandon()
        fallback = self._fallback
        if fallback is not None:
            from .loop_handoff import leave_httpcore_pool

            leave_httpcore_pool(fallback._pool, loop)

    def _fallback_transport(self) -> httpx.AsyncHTTPTransport:
        if self._fallback is None:
            self._fallback = httpx.AsyncHTTPTransport(**self._settings.httpx_options())
        return self._fallback

    async def _acquire(
        self, pool: _Pool, origin: Origin, timeouts: Mapping[str, Optional[float]], request: httpx.Request
    ) -> _Connection:
        while True:
            pool.check_open()
            connection = pool.take_idle(origin)
            if connection is not None:
                return connection
            if not pool.can_open() and not pool.waiters and pool.evict_other_idle():
                continue
            if pool.can_open():
                pool.slots_used += 1
            else:
                try:
                    given = await pool.wait(origin, timeouts.get("pool"))
                except _Expired as exc:
                    raise httpx.PoolTimeout(
                        "Timed out waiting for a connection from the pool", request=request
                    ) from exc
                if given is not None:
                    if given.lost:
                        pool.discard(given)
                        continue
                    return given
            # This request holds a slot now; it is freed if the connection cannot be made.
            try:
                connection = await self._connect(pool, origin, timeouts.get("connect"), request)
            except BaseException:
                pool.free_slot()
                raise
            if connection.discarded:
                # The server spoke or hung up before this task resumed: the connection was dropped
                # (and its slot freed) already; keeping it would leave a dead one in the pool.
                continue
            pool.connections.add(connection)
            if pool.closed:  # the transport was closed while this connection was being made
                pool.discard(connection)
                pool.check_open()
            return connection

    async def _connect(
        self, pool: _Pool, origin: Origin, timeout: Optional[float], request: httpx.Request
    ) -> _Connection:
        plan = ConnectPlan(self._settings, origin, request)
        failed: BaseException = OSError()
        for wait in plan.waits():
            if wait:
                await asyncio.sleep(wait)
            try:
                connection: _Connection
                _, connection = await _with_timeout(
                    pool.loop.create_connection(
                        lambda: _Connection(pool, origin),
                        plan.host,
                        plan.port,
                        ssl=plan.context,
                        server_hostname=plan.server_hostname,
                        local_addr=plan.source,
                    ),
                    timeout,
                )
                return connection
            except (OSError, ssl.SSLError, _Expired, asyncio.TimeoutError) as exc:
                failed = exc
        timed_out = isinstance(failed, (_Expired, asyncio.TimeoutError))
        raise plan.failure(failed, request, timed_out=timed_out) from failed

    async def _send(
        self,
        connection: _Connection,
        parser: ResponseParser,
        request: httpx.Request,
        head: RequestHead,
        timeout: Optional[float],
    ) -> None:
        try:
            body = body_in_memory(request)
            if body is not None:
                for data in head.writes(body):
                    connection.write(data)
                await connection.drain(timeout)
                return
            await self._send_stream(connection, request, head, timeout)
        except _Lost:
            if parser.received_nothing:
                raise
            # The server answered (and closed) before taking the whole body, e.g. with a 413:
            # that answer is the response, so it is read rather than reported as a write error.

    async def _send_stream(
        self, connection: _Connection, request: httpx.Request, head: RequestHead, timeout: Optional[float]
    ) -> None:
        framer = BodyFramer(request.headers.raw)
        connection.write(head.alone())
        stream: Any = request.stream
        async for part in async_body_parts(stream):
            connection.write(framer.frame(part))
            await connection.drain(timeout)
        connection.write(framer.end())
        await connection.drain(timeout)


if sys.version_info >= (3, 11):

    async def _with_timeout(awaitable: Any, timeout: Optional[float]) -> Any:
        # asyncio.timeout cancels within this task, so a connection made just as the timer
        # fires is closed by create_connection itself rather than leaked.
        async with asyncio.timeout(timeout):
            return await awaitable

else:  # pragma: no cover - Python 3.9 and 3.10

    async def _with_timeout(awaitable: Any, timeout: Optional[float]) -> Any:
        return await asyncio.wait_for(awaitable, timeout)


def _to_httpx(exc: BaseException, connection: _Connection, request: httpx.Request) -> BaseException:
    """The httpx exception for what went wrong on ``connection``."""
    if isinstance(exc, _Expired):
        if exc.kind == "write":
            return httpx.WriteTimeout("Timed out sending the request", request=request)
        return httpx.ReadTimeout("Timed out waiting for the response", request=request)
    if isinstance(exc, _Lost):
        lost_with = connection.error
        detail = str(lost_with) if lost_with is not None else "the connection was closed"
        return httpx.WriteError(f"Could not send the request: {detail}", request=request)
    return map_error(exc, request, connection.error) if isinstance(exc, Exception) else exc

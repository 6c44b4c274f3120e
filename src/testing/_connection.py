"""One client connection: bytes in through the parser, replies out in request order, keep-alive.

Plain requests are answered synchronously inside ``data_received``, which is what keeps the
server cheap; only requests with a fault (stalls, drips, resets) get a task of their own.
While such a task runs, later pipelined requests wait in the queue so replies stay in order.
"""

from __future__ import annotations

import asyncio
import collections
import socket
import struct
from typing import Deque, List, Optional, Set

from ._app import App
from ._http import LAST_CHUNK, ProtocolError, ReceivedRequest, RequestParser, chunk, render_head
from ._reply import ApiError, Reply
from ._scenarios import MAX_TRICKLE_SECONDS, Fault

__all__ = ["Connection", "ConnectionSet"]

_CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"
# Below this size one write of head+body beats two writes; above it the copy costs more.
_COALESCE_LIMIT = 64 * 1024
# How long a reset waits after the last write, so the peer has read what came before it.
_RESET_GRACE = 0.05


class ConnectionSet:
    """The open connections of one server, so that stopping it can close every one."""

    def __init__(self) -> None:
        self._items: Set[Connection] = set()
        self.closed = False

    def __len__(self) -> int:
        return len(self._items)

    def add(self, connection: Connection) -> None:
        """Track a new connection."""
        self._items.add(connection)

    def discard(self, connection: Connection) -> None:
        """Stop tracking a closed connection."""
        self._items.discard(connection)

    def close_all(self) -> None:
        """Abort every connection, and every one accepted from now on."""
        self.closed = True
        for connection in list(self._items):
            connection.abort()


class Connection(asyncio.Protocol):
    """The protocol instance for one accepted socket."""

    def __init__(self, app: App, live: ConnectionSet) -> None:
        self._app = app
        self._live = live
        self._transport: Optional[asyncio.Transport] = None
        self._parser = RequestParser()
        self._queue: Deque[ReceivedRequest] = collections.deque()
        self._task: Optional[asyncio.Task[None]] = None
        self._closing = False
        self._eof = False
        self._write_paused = False
        self._drain_waiter: Optional[asyncio.Future[None]] = None

    # asyncio.Protocol callbacks

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        if self._live.closed:
            # Accepted while the server was stopping: nobody else would close this socket.
            self.abort()
            return
        self._live.add(self)

    def data_received(self, data: bytes) -> None:
        if self._closing:
            return
        try:
            requests = self._parser.feed(data)
        except ProtocolError as error:
            self._refuse(error)
            return
        if self._parser.take_continue():
            self._write(_CONTINUE)
        for request in requests:
            self._app.log.append(request)
        self._queue.extend(requests)
        if self._task is None:
            self._pump()

    def eof_received(self) -> Optional[bool]:
        # A half-closed client still gets the answers it is owed, then the socket closes.
        self._eof = True
        if self._task is None and not self._queue:
            self.close()
        return True

    def connection_lost(self, exc: Optional[Exception]) -> None:
        self._closing = True
        self._live.discard(self)
        self._queue.clear()
        if self._task is not None:
            self._task.cancel()
        self._wake_writer()

    def pause_writing(self) -> None:
        self._write_paused = True

    def resume_writing(self) -> None:
        self._write_paused = False
        self._wake_writer()

    # Shutdown, used by the server

    def close(self) -> None:
        """Close after flushing what is already written."""
        if self._transport is not None and not self._closing:
            self._closing = True
            self._transport.close()

    def abort(self) -> None:
        """Close now, discarding unsent data."""
        self._closing = True
        if self._transport is not None:
            self._transport.abort()

    # Request flow

    def _pump(self) -> None:
        while self._queue and self._task is None and not self._closing:
            request = self._queue.popleft()
            fault = self._app.fault_for(request)
            if fault is None:
                self._send(request, self._app.respond(request))
            else:
                self._task = asyncio.get_running_loop().create_task(self._serve_fault(request, fault))
        if self._eof and not self._queue and self._task is None:
            # The client already sent EOF and everything it asked for is answered.
            self.close()

    async def _serve_fault(self, request: ReceivedRequest, fault: Fault) -> None:
        try:
            if fault.delay:
                await asyncio.sleep(fault.delay)
            if fault.reset:
                self._reset()
                return
            reply = fault.shape(fault.reply if fault.reply is not None else self._app.respond(request))
            if reply.frames is None:
                await self._send_faulty(request, reply, fault)
                return
            frames = fault.rewrite(reply.frames) if fault.rewrite is not None else reply.frames
            await self._stream(request, reply, frames, fault)
        finally:
            self._task = None
            if not self._closing:
                self._pump()

    # Writing

    def _write(self, data: bytes) -> None:
        if not self._closing and self._transport is not None:
            self._transport.write(data)

    def _head(self, reply: Reply, keep_alive: bool, length: Optional[int], chunked: bool) -> bytes:
        headers = [("content-type", reply.content_type)]
        if length is not None:
            headers.append(("content-length", str(length)))
        elif chunked:
            headers.append(("transfer-encoding", "chunked"))
        headers.append(("x-request-id", self._app.next_request_id()))
        headers.extend(reply.headers)
        if not keep_alive:
            headers.append(("connection", "close"))
        return render_head(reply.status, headers)

    def _send(self, request: ReceivedRequest, reply: Reply) -> None:
        """Write a whole reply at once (streams too: each frame is still its own chunk)."""
        if reply.frames is not None:
            chunked = request.version == "HTTP/1.1"
            keep_alive = request.keep_alive and chunked
            pieces: List[bytes] = [self._head(reply, keep_alive, None, chunked)]
            pieces.extend(chunk(frame) if chunked else frame for frame in reply.frames)
            if chunked:
                pieces.append(LAST_CHUNK)
            for piece in pieces:
                self._write(piece)
        else:
            keep_alive = request.keep_alive
            body = reply.body
            head = self._head(reply, keep_alive, len(body), False)
            if len(body) <= _COALESCE_LIMIT:
                self._write(head + body)
            else:
                self._write(head)
                self._write(body)
        if not keep_alive:
            self.close()

    async def _send_faulty(self, request: ReceivedRequest, reply: Reply, fault: Fault) -> None:
        """A plain reply, possibly cut short (``abort``) or written piece by piece."""
        if not fault.abort and not fault.piece_size:
            self._send(request, reply)
            return
        body = reply.body
        # A cut-short body still announces its full length: the peer must notice what is missing.
        keep_alive = request.keep_alive and not fault.abort
        head = self._head(reply, keep_alive, len(body), False)
        if fault.abort:
            body = body[: len(body) // 2]
        self._write(head)
        if fault.piece_size:
            await self._write_pieces(body, fault, chunked=False)
        else:
            self._write(body)
        if fault.abort:
            await self._break_off(fault)
        elif not keep_alive:
            self.close()

    async def _stream(self, request: ReceivedRequest, reply: Reply, frames: List[bytes], fault: Fault) -> None:
        chunked = request.version == "HTTP/1.1"
        complete = not fault.abort
        keep_alive = request.keep_alive and chunked and complete
        self._write(self._head(reply, keep_alive, None, chunked))
        if fault.piece_size:
            await self._write_pieces(b"".join(frames), fault, chunked=chunked)
        else:
            for frame in frames:
                if self._closing:
                    return
                self._write(chunk(frame) if chunked else frame)
                if fault.frame_delay:
                    await asyncio.sleep(fault.frame_delay)
                await self._drain()
        if self._closing:
            return
        if not complete:
            await self._break_off(fault)
            return
        if chunked:
            self._write(LAST_CHUNK)
        if not keep_alive:
            self.close()

    async def _write_pieces(self, data: bytes, fault: Fault, *, chunked: bool) -> None:
        """Write ``data`` ``fault.piece_size`` bytes at a time, each its own write (and chunk)."""
        size = fault.piece_size
        waited = 0.0
        for start in range(0, len(data), size):
            if self._closing:
                return
            if start:
                # Waits are bounded in total; past the budget the rest still goes one piece per turn.
                gap = min(fault.piece_delay, MAX_TRICKLE_SECONDS - waited)
                waited += gap
                await asyncio.sleep(gap if gap > 0 else 0)
            piece = data[start : start + size]
            self._write(chunk(piece) if chunked else piece)
            await self._drain()

    async def _break_off(self, fault: Fault) -> None:
        """End a response that is cut short: a plain close, or a TCP reset after the sent bytes have landed."""
        if not fault.abort_reset:
            self.close()
            return
        await self._drain()
        # A reset discards whatever the kernel still holds unsent; give the bytes time to reach the peer.
        await asyncio.sleep(_RESET_GRACE)
        self._reset()

    async def _drain(self) -> None:
        if self._write_paused and not self._closing:
            waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self._drain_waiter = waiter
            await waiter

    def _wake_writer(self) -> None:
        waiter, self._drain_waiter = self._drain_waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def _reset(self) -> None:
        """Drop the connection with a TCP RST, the way a crashed peer or a proxy would."""
        if self._transport is None or self._closing:
            return
        sock = self._transport.get_extra_info("socket")
        if sock is not None:
            # Linger on, timeout zero: close() then sends RST instead of FIN.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.abort()

    def _refuse(self, error: ProtocolError) -> None:
        reply = ApiError(error.status, error.message).reply()
        self._write(self._head(reply, False, len(reply.body), False) + reply.body)
        self.close()

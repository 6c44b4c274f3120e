"""Moving an async client's connections on from an event loop that has finished.

A connection belongs to the loop it was opened in. Programs that run a client in one loop and
then another, one after the other (``asyncio.run`` twice, or a library's ``run_sync`` followed by
``asyncio.run``), leave the first loop's connections behind: closed, or idle and never to run
again. Their sockets cannot be closed the ordinary way, since that schedules a callback on the
old loop (an error once it is closed, never run while it is idle), so this module closes them
at once, leaving nothing for the old loop to do and nothing for the collector to warn about.

The standard library's selector transports are closed through their internals (the socket,
the selector registration, and the flags that say the transport is closed); any other kind of
asyncio transport (uvloop's) is aborted, which is all it offers.
"""

from __future__ import annotations

import asyncio
from typing import Any, Iterator, Optional

import httpx

__all__ = ["LoopBoundError", "close_without_loop", "leave_httpcore_pool", "leave_loop", "loop_is_finished"]


class LoopBoundError(RuntimeError):
    """Raised when a client's connections cannot leave the event loop they belong to."""


def loop_is_finished(loop: Optional[asyncio.AbstractEventLoop]) -> bool:
    """Whether nothing is running on ``loop`` now: gone (None), closed, or not running."""
    return loop is None or loop.is_closed() or not loop.is_running()


def close_without_loop(transport: Any) -> None:
    """Close an asyncio transport now, without scheduling anything on its (finished) event loop."""
    ssl_wrapper = None
    inner = transport
    ssl_protocol = getattr(transport, "_ssl_protocol", None)
    if ssl_protocol is not None:  # asyncio's TLS: a wrapper over the transport holding the socket
        ssl_wrapper = transport
        inner = getattr(ssl_protocol, "_transport", None) or transport
    sock = getattr(inner, "_sock", None)
    loop = getattr(inner, "_loop", None)
    fd = getattr(inner, "_sock_fd", None)
    if sock is None or loop is None or not isinstance(fd, int) or not hasattr(inner, "_conn_lost"):
        if sock is None and getattr(inner, "_loop", 0) is None:
            return  # already closed all the way
        try:
            transport.abort()
        except RuntimeError:  # its loop is closed: nothing else can be done from here
            pass
        return
    if not loop.is_closed():
        # An idle loop keeps the socket in its selector; a later run must not poll a closed fd.
        loop._remove_reader(fd)
        loop._remove_writer(fd)
    buffer = getattr(inner, "_buffer", None)
    if buffer is not None:
        buffer.clear()
    inner._closing = True
    inner._conn_lost += 1
    inner._sock = None
    inner._protocol_connected = False
    sock.close()
    if ssl_wrapper is not None:
        ssl_wrapper._closed = True


def _asyncio_transport_of(connection: Any) -> Any:
    """The asyncio transport under an httpcore connection (plain or TLS, HTTP/1.1 or HTTP/2), or None."""
    node = connection
    for _ in range(8):
        if isinstance(node, asyncio.BaseTransport):
            return node
        for name in ("_connection", "_network_stream", "_stream", "transport_stream", "_transport"):
            child = getattr(node, name, None)
            if child is not None:
                node = child
                break
        else:
            return None
    return None


def _httpx_transports(client: httpx.AsyncClient) -> Iterator[Any]:
    yield client._transport
    for transport in client._mounts.values():
        if transport is not None:
            yield transport


def leave_httpcore_pool(pool: Any, old_loop: Optional[asyncio.AbstractEventLoop], library: str = "httpx") -> None:
    """Drop from an httpcore (or httpcore2) pool the connections opened in ``old_loop`` (or in a loop
    already closed)."""
    connections = getattr(pool, "_connections", None)
    if not isinstance(connections, list):
        raise LoopBoundError(
            f"{library}'s connection pool has a shape this client does not know, so its connections cannot "
            "be moved to another event loop; create one client per event loop"
        )
    kept = []
    dropped = []
    for connection in connections:
        transport = _asyncio_transport_of(connection)
        loop = getattr(transport, "_loop", None) if transport is not None else None
        if transport is not None and loop is not None and loop is not old_loop and not loop.is_closed():
            kept.append(connection)
        else:
            dropped.append(connection)
            if transport is not None:
                close_without_loop(transport)
        # A connection with no transport was never opened or is closed: nothing to free but its slot.
    connections[:] = kept
    requests = getattr(pool, "_requests", None)
    if isinstance(requests, list) and dropped:
        # Requests of the finished loop still holding a dropped connection will never be sent or closed;
        # left in the queue, they would keep claiming connections from the new loop.
        requests[:] = [request for request in requests if getattr(request, "connection", None) not in dropped]


def leave_loop(client: httpx.AsyncClient, old_loop: Optional[asyncio.AbstractEventLoop]) -> None:
    """Let ``client`` send from a new event loop: close what it holds of ``old_loop``, which has finished.

    Raises :class:`LoopBoundError` for a transport that cannot move (aiohttp's session is bound to
    its loop for good).
    """
    from .asyncio_transport import AsyncioTransport
    from .httpx2_bridge import AsyncHttpx2Transport

    for transport in _httpx_transports(client):
        if isinstance(transport, AsyncioTransport):
            transport.leave_loop(old_loop)
        elif isinstance(transport, httpx.AsyncHTTPTransport):
            leave_httpcore_pool(transport._pool, old_loop)
        elif isinstance(transport, AsyncHttpx2Transport):
            _leave_httpx2(transport.client, old_loop)
        elif type(transport).__module__.startswith(("httpx_aiohttp", "openai._http.aiohttp_client")):
            _leave_aiohttp(transport, old_loop)
        # A transport of the caller's own: it is the caller's to make loop-safe, as with httpx itself.


def _leave_httpx2(client: Any, old_loop: Optional[asyncio.AbstractEventLoop]) -> None:
    # The caller's httpx2 client has the same shape as httpx's: a transport, mounts, and under each
    # of its own transports an httpcore2 pool laid out as httpcore's.
    import httpx2

    for transport in [client._transport, *client._mounts.values()]:
        if isinstance(transport, httpx2.AsyncHTTPTransport):
            leave_httpcore_pool(getattr(transport, "_pool", None), old_loop, library="httpx2")
        # Any other transport is the caller's own to make loop-safe.


def _leave_aiohttp(transport: Any, old_loop: Optional[asyncio.AbstractEventLoop]) -> None:
    import aiohttp

    session = getattr(transport, "client", None)
    if not isinstance(session, aiohttp.ClientSession) or session.closed:
        return  # no session yet: the next request makes one in its own loop
    raise LoopBoundError(
        "This client sends through aiohttp, whose session belongs to the event loop it was made in and "
        "cannot move to another; create one client (and DefaultAioHttpClient) per event loop"
    )

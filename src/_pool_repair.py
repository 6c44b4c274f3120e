"""Give back the pool slots that httpx's own connection pool loses when a request is cancelled.

httpcore 1.0 (the pool under ``httpx.AsyncHTTPTransport``) hands a request a connection and then
sends on it; a cancellation that lands between the two leaves the connection in the pool with no
owner, either never opened or opened with nothing sent. Such a connection is neither idle, closed
nor available, so the pool never reuses or removes it. Each one takes a slot for good (and, when
opened, a socket); once ``max_connections`` of them have piled up, every request waits for a free
slot and ends in a pool timeout, against a healthy server. This package's own transports and
aiohttp do not have the problem.

The request loop calls :func:`release_orphaned_connections` whenever a send fails or is
cancelled, so clients built on httpx's transport (a proxy, HTTP/2, or a plain ``httpx.AsyncClient``
passed as ``http_client``) keep their pool. Pools of other shapes are left untouched.
"""

from __future__ import annotations

import time
from typing import Any

import httpx

__all__ = ["release_orphaned_connections"]


def release_orphaned_connections(http_client: httpx.Client | httpx.AsyncClient) -> int:
    """Return to service the connections of the client's httpcore pools that no request owns.

    A never-opened orphan is dropped (it holds no socket); an opened one on which nothing was
    sent is marked idle, so the pool reuses it or closes it by its keep-alive rules. Returns how
    many were repaired. Safe at any time: a connection still owned by a request is not touched.
    """
    transports: list[Any] = [http_client._transport, *http_client._mounts.values()]
    return sum(_repair_pool(getattr(transport, "_pool", None)) for transport in transports)


def _repair_pool(pool: Any) -> int:
    connections = getattr(pool, "_connections", None)
    requests = getattr(pool, "_requests", None)
    lock = getattr(pool, "_optional_thread_lock", None)
    if not isinstance(connections, list) or not isinstance(requests, list) or lock is None:
        return 0
    repaired = 0
    with lock:
        owned = {id(request.connection) for request in requests}
        for connection in [connection for connection in connections if id(connection) not in owned]:
            if _never_opened(connection):
                connections.remove(connection)
                repaired += 1
            elif _opened_unused_http11(connection):
                _mark_idle(connection._connection)
                repaired += 1
    return repaired


def _never_opened(connection: Any) -> bool:
    # No protocol connection yet and no failed attempt (a failed one already counts as closed
    # and the pool removes it itself).
    return getattr(connection, "_connection", True) is None and getattr(connection, "_connect_failed", True) is False


def _opened_unused_http11(connection: Any) -> bool:
    inner = getattr(connection, "_connection", None)
    state = getattr(inner, "_state", None)
    return (
        hasattr(inner, "_h11_state")
        and getattr(state, "name", None) == "NEW"
        and getattr(inner, "_request_count", None) == 0
    )


def _mark_idle(http11: Any) -> None:
    # The state a finished request leaves behind: idle, with the keep-alive clock started.
    http11._state = type(http11._state).IDLE
    if http11._keepalive_expiry is not None:
        http11._expire_at = time.monotonic() + http11._keepalive_expiry

"""Give back the pool slots that httpx's own connection pool loses when a request is cancelled.

httpcore 1.0 (the pool under ``httpx.AsyncHTTPTransport``) can lose track of a connection when a
cancellation lands at the wrong moment: between handing a connection to a request and sending on
it (the connection is left never opened, or opened with nothing sent), or during its own clean-up
after a failed exchange (left mid-exchange). Such a connection belongs to no request and is
neither idle, closed nor available, so the pool never reuses or removes it. Each one takes a slot
for good, and most hold a socket; once ``max_connections`` of them have piled up, every request
waits for a free slot and ends in a pool timeout, against a healthy server. This package's own
transports and aiohttp do not have the problem.

The request loop calls :func:`take_orphaned_connections` whenever a send fails or is cancelled and
closes what it returns, so clients built on httpx's transport (a proxy, HTTP/2, or a plain
``httpx.AsyncClient`` passed as ``http_client``) keep their pool. Pools of other shapes are left
untouched.

The upstream report: https://github.com/encode/httpcore/issues/1093 (open as of httpcore 1.0.9;
its earlier reports #658 and #830 there describe the same failure).
The repair reads httpcore's private pool state in the shape it took in httpcore 1.0.3 (where the
pool's requests became ``PoolRequest`` objects behind ``_optional_thread_lock``) and kept through
1.0.9, the latest release it was checked against. On any other version it does nothing and says so once in a
debug log: a release that fixes the bug needs no repair, and one that changes the internals must
not be edited blind.
"""

from __future__ import annotations

import logging
import re
import sys
import time
from typing import Any, Optional, Tuple

import httpx

__all__ = ["REPAIRED_HTTPCORE_VERSIONS", "repairs_httpcore_version", "take_orphaned_connections"]

logger = logging.getLogger("openai")

# Inclusive bounds of the httpcore versions whose pool internals the repair was written for.
REPAIRED_HTTPCORE_VERSIONS = ((1, 0, 3), (1, 0, 9))
_VERSION = re.compile(r"(\d+)\.(\d+)\.(\d+)")
_verdicts: dict[str, bool] = {}


def _parsed(version: str) -> Optional[Tuple[int, int, int]]:
    found = _VERSION.match(version)
    if found is None:
        return None
    major, minor, micro = (int(part) for part in found.groups())
    return (major, minor, micro)


def repairs_httpcore_version(version: str) -> bool:
    """Whether the repair applies to httpcore ``version`` (logged at debug level, once a version, when not)."""
    verdict = _verdicts.get(version)
    if verdict is None:
        parsed = _parsed(version)
        low, high = REPAIRED_HTTPCORE_VERSIONS
        verdict = _verdicts[version] = parsed is not None and low <= parsed <= high
        if not verdict:
            logger.debug(
                "httpcore %s is outside the versions the pool repair was written for (%s to %s); "
                "its pools are left as they are",
                version,
                ".".join(map(str, low)),
                ".".join(map(str, high)),
            )
    return verdict


def take_orphaned_connections(http_client: httpx.Client | httpx.AsyncClient) -> list[Any]:
    """Repair the client's httpcore pools; return the connections the caller must close.

    A connection no request owns is put back in service where it can be: a never-opened one is
    dropped (it holds no socket), an opened one on which nothing was sent is marked idle so the
    pool reuses it or closes it by its keep-alive rules. One left mid-exchange cannot be reused:
    it is taken out of the pool and returned, to be closed (``aclose()`` / ``close()``).
    A connection still owned by a request is never touched. Nothing is done on an httpcore
    version outside :data:`REPAIRED_HTTPCORE_VERSIONS`.
    """
    httpcore = sys.modules.get("httpcore")
    if httpcore is None:  # never imported: no httpcore pool exists to repair
        return []
    if not repairs_httpcore_version(str(getattr(httpcore, "__version__", ""))):
        return []
    transports: list[Any] = [http_client._transport, *http_client._mounts.values()]
    # This package's transports hand requests to an httpx transport where they cannot serve them
    # (another event loop library, a patched httpx); that one has httpcore's pool.
    transports += [fallback for t in transports if (fallback := getattr(t, "_fallback", None)) is not None]
    to_close: list[Any] = []
    for transport in transports:
        to_close += _repair_pool(getattr(transport, "_pool", None))
    return to_close


def _repair_pool(pool: Any) -> list[Any]:
    connections = getattr(pool, "_connections", None)
    requests = getattr(pool, "_requests", None)
    lock = getattr(pool, "_optional_thread_lock", None)
    if not isinstance(connections, list) or not isinstance(requests, list) or lock is None:
        return []
    to_close = []
    with lock:
        owned = {id(request.connection) for request in requests}
        for connection in [connection for connection in connections if id(connection) not in owned]:
            if _never_opened(connection):
                connections.remove(connection)
                continue
            http11 = getattr(connection, "_connection", None)
            if not hasattr(http11, "_h11_state"):  # HTTP/2 connections are shared; not ours to judge
                continue
            state = getattr(getattr(http11, "_state", None), "name", None)
            if state == "NEW" and getattr(http11, "_request_count", None) == 0:
                _mark_idle(http11)
            elif state == "ACTIVE":
                connections.remove(connection)
                to_close.append(connection)
    return to_close


def _never_opened(connection: Any) -> bool:
    # No protocol connection yet and no failed attempt (a failed one already counts as closed
    # and the pool removes it itself).
    return getattr(connection, "_connection", True) is None and getattr(connection, "_connect_failed", True) is False


def _mark_idle(http11: Any) -> None:
    # The state a finished request leaves behind: idle, with the keep-alive clock started.
    http11._state = type(http11._state).IDLE
    if http11._keepalive_expiry is not None:
        http11._expire_at = time.monotonic() + http11._keepalive_expiry

"""Counting what a client holds: connections checked out of its pool, and open file descriptors."""

from __future__ import annotations

import os
from typing import Any

import httpx


def busy_connections(client: Any) -> int:
    """Connections currently lent out by the client's pool (0 when everything was released)."""
    http_client: httpx.AsyncClient | httpx.Client = client._http_client
    transport: Any = http_client._transport
    counted = getattr(transport, "busy_connections", None)
    if isinstance(counted, int):  # this package's own transports count for themselves
        return counted
    pool = getattr(transport, "_pool", None)
    if pool is not None:  # httpx's own transport
        return sum(1 for connection in pool.connections if not connection.is_idle() and not connection.is_closed())
    session = getattr(transport, "client", None) or getattr(transport, "_client", None)
    connector = getattr(session, "connector", None)
    if connector is not None:  # the aiohttp transport
        return len(connector._acquired)
    raise AssertionError(f"cannot inspect the pool of {type(transport).__name__}")


def pooled_connections(client: Any) -> int:
    """Every connection the pool keeps, idle or busy."""
    transport: Any = client._http_client._transport
    busy, idle = getattr(transport, "busy_connections", None), getattr(transport, "idle_connections", None)
    if isinstance(busy, int) and isinstance(idle, int):
        return busy + idle
    pool = getattr(transport, "_pool", None)
    if pool is not None:
        return len(pool.connections)
    session = getattr(transport, "client", None) or getattr(transport, "_client", None)
    connector = session.connector
    return len(connector._acquired) + sum(len(conns) for conns in connector._conns.values())


def open_descriptors() -> int:
    """File descriptors this process has open."""
    return len(os.listdir("/proc/self/fd"))


def sockets_connected_to(port: int) -> int:
    """Open descriptors of this process that are TCP sockets whose far end is ``port`` on this
    machine: the client side of connections to a loopback server (its own side has ``port`` as
    its local port, so it is not counted)."""
    ours = set()
    for name in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:  # closed while listing
            continue
        if target.startswith("socket:["):
            ours.add(target[len("socket:[") : -1])
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as lines:
                next(lines)
                for line in lines:
                    fields = line.split()
                    remote_port = int(fields[2].rsplit(":", 1)[1], 16)
                    if remote_port == port and fields[9] in ours:
                        count += 1
        except FileNotFoundError:
            continue
    return count

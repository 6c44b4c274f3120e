"""A loopback port that refuses connections, for testing what a client does when nothing listens."""

from __future__ import annotations

import contextlib
import socket
from typing import Iterator

__all__ = ["refusing_base_url"]


@contextlib.contextmanager
def refusing_base_url(host: str = "127.0.0.1") -> Iterator[str]:
    """An API root (``http://127.0.0.1:<port>/v1``) whose connections are refused while the block runs.

    The port is bound but never listened on: the kernel answers every connection attempt with a
    reset (``ECONNREFUSED``), and holding the bind keeps another process from taking the port,
    which a closed, forgotten port number would not.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as holder:
        holder.bind((host, 0))
        port = holder.getsockname()[1]
        netloc = f"[{host}]:{port}" if family == socket.AF_INET6 else f"{host}:{port}"
        yield f"http://{netloc}/v1"

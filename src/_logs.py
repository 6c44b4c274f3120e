"""Logging for the ``openai`` logger, switched on by ``OPENAI_LOG=info|debug``.

Request logs never include the API key: credential headers are replaced before formatting.
"""

from __future__ import annotations

import logging
import os
from typing import Mapping

import httpx

__all__ = ["log_request", "logger", "redacted_headers", "setup_logging"]

logger = logging.getLogger("openai")
_SECRET_HEADERS = frozenset({"authorization", "api-key", "x-api-key", "proxy-authorization", "cookie"})
_configured = False


def setup_logging() -> None:
    """Apply ``OPENAI_LOG`` once per process; later calls do nothing."""
    global _configured
    if _configured:
        return
    _configured = True
    level = {"debug": logging.DEBUG, "info": logging.INFO}.get(os.environ.get("OPENAI_LOG", "").lower())
    if level is None:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)


def redacted_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """A copy of ``headers`` with every credential replaced by ``<redacted>``."""
    return {name: "<redacted>" if name.lower() in _SECRET_HEADERS else value for name, value in headers.items()}


def log_request(request: httpx.Request, retries_taken: int) -> None:
    """Debug-log an attempt, without its credentials."""
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "Sending %s %s (retry %d) headers=%s",
            request.method,
            request.url,
            retries_taken,
            redacted_headers(request.headers),
        )

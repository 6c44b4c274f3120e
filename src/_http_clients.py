"""The httpx clients the API client uses by default, with its timeout and connection limits.

Pass one as ``http_client=`` to change proxies, transports or limits while keeping the defaults
you do not change. ``DefaultAioHttpClient`` lives in ``_aiohttp_client.py`` so that importing
this module never loads aiohttp.
"""

from __future__ import annotations

from typing import Any

import httpx

from ._constants import DEFAULT_CONNECTION_LIMITS, DEFAULT_TIMEOUT

__all__ = ["DefaultAsyncHttpxClient", "DefaultHttpxClient", "with_defaults"]


def with_defaults(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Fill in the default timeout, connection limits and redirect handling where not given."""
    kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
    kwargs.setdefault("limits", DEFAULT_CONNECTION_LIMITS)
    kwargs.setdefault("follow_redirects", True)
    return kwargs


class DefaultHttpxClient(httpx.Client):
    """An ``httpx.Client`` with this package's default timeout, limits and redirect handling."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**with_defaults(kwargs))


class DefaultAsyncHttpxClient(httpx.AsyncClient):
    """An ``httpx.AsyncClient`` with this package's default timeout, limits and redirect handling."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**with_defaults(kwargs))

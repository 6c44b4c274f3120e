"""``DefaultAioHttpClient``: the async client over aiohttp, which holds its throughput better
than httpx's own pool under high concurrency. It needs the ``aiohttp`` extra; without it,
constructing one raises an error that names the extra to install.
"""

from __future__ import annotations

from typing import Any

import httpx

from ._http_clients import with_defaults

__all__ = ["DefaultAioHttpClient"]

try:
    from httpx_aiohttp import HttpxAiohttpClient as _AiohttpBase
except ImportError:  # the `aiohttp` extra is not installed

    class DefaultAioHttpClient(httpx.AsyncClient):
        """Needs the ``aiohttp`` extra: ``pip install 'openai-twin[aiohttp]'``."""

        def __init__(self, **kwargs: Any) -> None:
            raise RuntimeError(
                "DefaultAioHttpClient needs the aiohttp extra; install it with: pip install 'openai-twin[aiohttp]'"
            )

else:

    class DefaultAioHttpClient(_AiohttpBase):  # type: ignore[no-redef]
        """An ``httpx.AsyncClient`` that sends requests over aiohttp, with this package's defaults."""

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**with_defaults(kwargs))

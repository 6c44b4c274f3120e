"""The module-level client behind ``openai.chat.completions.create(...)`` and friends.

It is built on first use from the settings assigned to the ``openai`` module, and rebuilt when
one of them changes, so ``openai.api_key = ...`` works at any point, as users of older code expect.
"""

from __future__ import annotations

import sys
from typing import Any, Optional, Tuple

from ._sync._client import OpenAI
from ._types import NOT_GIVEN

__all__ = ["close_module_client", "module_client"]

_SETTINGS = (
    "api_key",
    "organization",
    "project",
    "webhook_secret",
    "base_url",
    "timeout",
    "max_retries",
    "default_headers",
    "default_query",
    "http_client",
)
_client: Optional[OpenAI] = None
_built_from: Tuple[Any, ...] = ()


def module_client() -> OpenAI:
    """The shared client, made anew whenever a module setting has changed since it was built."""
    global _client, _built_from
    settings = sys.modules[__name__.rpartition(".")[0]].__dict__
    current = tuple(settings.get(name, NOT_GIVEN) for name in _SETTINGS)
    if _client is None or any(now is not then for now, then in zip(current, _built_from)):
        close_module_client()
        options = {name: value for name, value in zip(_SETTINGS, current) if value is not None}
        _client = OpenAI(**options)
        _built_from = current
    return _client


def close_module_client() -> None:
    """Close the module-level client's connections, unless they belong to a user-supplied ``http_client``."""
    global _client
    if _client is not None and _built_from[_SETTINGS.index("http_client")] in (None, NOT_GIVEN):
        _client.close()
    _client = None

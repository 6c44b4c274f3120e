"""The module-level client behind ``openai.chat.completions.create(...)`` and friends.

It is built on first use from the settings assigned to the ``openai`` module, and rebuilt when
one of them changes, so ``openai.api_key = ...`` works at any point, as users of older code expect.

``openai.chat``, ``openai.beta``, ... are :class:`ResourceProxy` objects that exist before any
setting is made: the client is built only when one of their attributes is used, as with the
official SDK, so importing them or passing them around needs no API key.
"""

from __future__ import annotations

import sys
from typing import Any, Dict, List, Optional, Tuple

from ._sync._client import OpenAI
from ._types import NOT_GIVEN

__all__ = ["RESOURCE_NAMES", "ResourceProxy", "close_module_client", "module_client", "resource_proxy"]

#: The resources the module-level client offers as ``openai.<name>``.
RESOURCE_NAMES = (
    "admin",
    "audio",
    "batches",
    "beta",
    "chat",
    "completions",
    "containers",
    "content_provenance_checks",
    "conversations",
    "embeddings",
    "evals",
    "files",
    "fine_tuning",
    "images",
    "models",
    "moderations",
    "realtime",
    "responses",
    "skills",
    "uploads",
    "vector_stores",
    "videos",
    "webhooks",
)

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


class ResourceProxy:
    """``openai.<resource>``: stands for that resource of the module-level client, built on first use.

    Every attribute is looked up on the current client's resource, so settings assigned to the
    module later (``openai.api_key = ...``) are used by calls made through a proxy taken earlier.
    """

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def _resource(self) -> Any:
        return getattr(module_client(), self._name)

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._resource(), attr)

    def __dir__(self) -> List[str]:
        return dir(self._resource())

    def __repr__(self) -> str:
        return f"<module-level openai.{self._name}>"


_PROXIES: Dict[str, ResourceProxy] = {name: ResourceProxy(name) for name in RESOURCE_NAMES}


def resource_proxy(name: str) -> ResourceProxy:
    """The proxy behind ``openai.<name>``; KeyError for a name that is not a resource."""
    return _PROXIES[name]

"""The public home of each public name, written into its ``__module__``.

Classes and functions are defined in private modules (``openai._errors``, ``openai._sync._streaming``,
...), but tracebacks, reprs and pickles should name them where users import them, as the official
SDK's do: ``openai.RateLimitError``, ``openai.Stream``. A name's home is ``openai`` unless the official
SDK defines it in another public module this package has too (the pages in ``openai.pagination``).

The package's lazy ``__getattr__`` publishes each name it hands out; the modules whose objects reach
users without that (errors raised, streams, pages and responses returned) publish theirs when they
are imported. Only objects of this package are touched (``openai.Timeout`` is httpx's own class).
"""

from __future__ import annotations

from types import FunctionType
from typing import Iterable, Mapping

__all__ = ["home_of", "publish", "publish_one"]

_PAGES = ["SyncPage", "SyncCursorPage", "SyncConversationCursorPage", "SyncNextCursorPage"]

#: The names whose official home is another public module; every other public name lives in `openai`.
_HOMES: Mapping[str, str] = {
    "AssistantEventHandler": "openai.lib.streaming._assistants",
    "AsyncAssistantEventHandler": "openai.lib.streaming._assistants",
    "AzureOpenAI": "openai.lib.azure",
    "AsyncAzureOpenAI": "openai.lib.azure",
    "HttpxBinaryResponseContent": "openai._legacy_response",
    "LegacyAPIResponse": "openai._legacy_response",
    **{name: "openai.pagination" for name in _PAGES},
    **{"Async" + name[4:]: "openai.pagination" for name in _PAGES},
}


def home_of(name: str) -> str:
    """The module a public name of the package's ``__all__`` should report as its own."""
    return _HOMES.get(name, "openai")


def publish_one(name: str, value: object) -> None:
    """Give ``value`` its public home, if it is a class or function of this package named ``name``."""
    if not isinstance(value, (type, FunctionType)) or value.__name__ != name:
        return  # constants, sentinels and aliases (``Client``) keep theirs
    if value.__module__ == "openai" or value.__module__.startswith("openai."):
        value.__module__ = home_of(name)


def publish(namespace: Mapping[str, object], names: Iterable[str]) -> None:
    """Publish those of ``names`` (a defining module's ``__all__``) that the package exports."""
    from . import __all__ as exported

    for name in set(names).intersection(exported):
        publish_one(name, namespace.get(name))

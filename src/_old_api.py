"""The module-level names of the pre-1.0 API (``openai.Completion``, ``openai.ChatCompletion``, ...).

They were removed in 1.0, and code still written against them gets an error explaining so the
moment it uses one, as with the official SDK: the name itself exists (so merely importing or
inspecting it does not break), any attribute of it is the same stand-in, and calling anything
raises :class:`APIRemovedInV1`.
"""

from __future__ import annotations

from typing import Any, Dict, NoReturn

from ._errors import OpenAIError

__all__ = ["REMOVED_NAMES", "APIRemovedInV1", "APIRemovedInV1Proxy", "removed_name"]

#: Every pre-1.0 module-level name that now raises when used.
REMOVED_NAMES = (
    "Audio",
    "ChatCompletion",
    "Completion",
    "Customer",
    "Deployment",
    "Edit",
    "Embedding",
    "Engine",
    "ErrorObject",
    "File",
    "FineTune",
    "FineTuningJob",
    "Image",
    "Model",
    "Moderation",
)


class APIRemovedInV1(OpenAIError):
    """A pre-1.0 interface (``openai.Completion.create(...)`` and the like) was used."""

    def __init__(self, *, symbol: str) -> None:
        super().__init__(
            f"You tried to access openai.{symbol}, but this is no longer supported in openai>=1.0.0.\n"
            "Create a client and call its resources instead, for example "
            "`openai.OpenAI().chat.completions.create(...)` in place of `openai.ChatCompletion.create(...)`; "
            "the official SDK's `openai migrate` command rewrites old code, and its migration guide "
            "(https://github.com/openai/openai-python/discussions/742) lists every change. "
            "Code that must keep the old interface can pin `openai==0.28`."
        )
        self.symbol = symbol


class APIRemovedInV1Proxy:
    """Stands for a removed name: attributes give the stand-in again, calls raise :class:`APIRemovedInV1`."""

    __slots__ = ("_symbol",)

    def __init__(self, *, symbol: str) -> None:
        self._symbol = symbol

    def __getattr__(self, attr: str) -> APIRemovedInV1Proxy:
        return self

    def __call__(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise APIRemovedInV1(symbol=self._symbol)

    def __repr__(self) -> str:
        return f"<openai.{self._symbol}: removed in openai 1.0>"


_PROXIES: Dict[str, APIRemovedInV1Proxy] = {name: APIRemovedInV1Proxy(symbol=name) for name in REMOVED_NAMES}


def removed_name(name: str) -> APIRemovedInV1Proxy:
    """The stand-in for ``openai.<name>``; KeyError for a name that was not removed."""
    return _PROXIES[name]


def __getattr__(name: str) -> APIRemovedInV1Proxy:
    # `from openai._old_api import Completion` gives the stand-in too.
    try:
        return _PROXIES[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None

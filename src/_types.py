"""Shared type aliases and the sentinels that tell an omitted argument apart from ``None``.

An argument the caller did not give is never sent; an argument given as ``None`` is sent as ``null``.
``NOT_GIVEN`` and ``omit`` are the two spellings users of the official SDK already write.
"""

from __future__ import annotations

import os
from typing import IO, Mapping, Optional, Tuple, Union

import httpx
from httpx import URL, AsyncBaseTransport, BaseTransport, Proxy, Response
from typing_extensions import Literal, TypeAlias, TypedDict, override

from ._public import publish

__all__ = [
    "NOT_GIVEN",
    "URL",
    "AsyncBaseTransport",
    "AsyncTransport",
    "BaseTransport",
    "Proxy",
    "Response",
    "Transport",
    "Body",
    "FileContent",
    "FileTypes",
    "Headers",
    "NotGiven",
    "Omit",
    "Query",
    "RequestOptions",
    "Timeout",
    "not_given",
    "omit",
]


class NotGiven:
    """The type of ``NOT_GIVEN``: marks an argument the caller left out, so it is not sent.

    It is falsy, so ``if timeout:`` style checks treat it like an absent value.
    """

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        # One instance keeps `is NOT_GIVEN` checks valid across copies and pickling.
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __reduce__(self) -> str:
        return "NOT_GIVEN"

    @override
    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()
# The lower-case spelling of newer official releases; the same object, so either one is "not given".
not_given = NOT_GIVEN


class Omit:
    """The type of ``omit``: removes a default header or argument instead of sending it.

    ``extra_headers={"OpenAI-Organization": omit}`` drops a header the client would otherwise add.
    """

    _instance: Omit | None = None

    def __new__(cls) -> Omit:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __reduce__(self) -> str:
        return "omit"

    @override
    def __repr__(self) -> str:
        return "omit"


omit = Omit()


# A file to upload: raw bytes, an open binary file, a path, or a tuple of
# (filename, content[, content_type[, headers]]) as httpx accepts them.
FileContent: TypeAlias = Union[IO[bytes], bytes, os.PathLike[str]]
FileTypes: TypeAlias = Union[
    FileContent,
    Tuple[Optional[str], FileContent],
    Tuple[Optional[str], FileContent, Optional[str]],
    Tuple[Optional[str], FileContent, Optional[str], Mapping[str, str]],
]

Headers: TypeAlias = Mapping[str, Union[str, Omit]]
Query: TypeAlias = Mapping[str, object]
Body: TypeAlias = Mapping[str, object]
Timeout: TypeAlias = Union[float, httpx.Timeout, None]


class RequestOptions(TypedDict, total=False):
    """Per-request settings in the shape the official SDK's low-level calls take (``options=``):
    ``params`` is the query, ``extra_json`` extra body keys."""

    headers: Headers
    max_retries: int
    timeout: Timeout
    params: Query
    extra_json: Mapping[str, object]
    idempotency_key: str
    follow_redirects: bool


# The HTTP library's own classes under the names the official SDK's `_types` module gives them; libraries
# built on the SDK import them from here (litellm: `Response` in the bound of a type variable).
Transport: TypeAlias = BaseTransport
AsyncTransport: TypeAlias = AsyncBaseTransport

# Tracebacks and reprs name these where users import them (see _public.py).
publish(globals(), __all__)

"""The low-level calls on a client, ``client.get/post/put/patch/delete(path, cast_to=..., ...)``.

They are for endpoints this package has no resource method for (or a server's own extensions):
a path joined to ``base_url``, a body, and a type to build the answer as. This module turns their
arguments into the :class:`CallOptions` every call is made from; it does no I/O.
"""

from __future__ import annotations

import typing
from typing import Any, Mapping, Optional, Union

from typing_extensions import TypedDict

from ._constants import RAW_RESPONSE_HEADER
from ._request import CallOptions, ResponseMode
from ._types import NOT_GIVEN, Body, FileTypes, Headers, NotGiven, Query, Timeout

__all__ = ["RequestOptions", "low_level_options", "stream_item_type"]


class RequestOptions(TypedDict, total=False):
    """Per-call options of a low-level call (``options=``)."""

    headers: Headers
    params: Query
    timeout: Timeout
    extra_json: Body
    idempotency_key: str


_KNOWN = frozenset(RequestOptions.__annotations__)
# Options the official SDK takes here that this client sets per client instead.
_PER_CLIENT = {
    "max_retries": "client.with_options(max_retries=...)",
    "follow_redirects": "the http_client's own option",
}


def low_level_options(
    method: str,
    path: str,
    *,
    body: Optional[Body] = None,
    content: Optional[object] = None,
    files: Union[Mapping[str, FileTypes], typing.Sequence[typing.Tuple[str, FileTypes]], None] = None,
    options: Optional[RequestOptions] = None,
    stream_item: Optional[Any] = None,
) -> CallOptions:
    """The call a low-level method makes, with every option checked first."""
    given: Mapping[str, Any] = options or {}
    for key in given:
        if key in _PER_CLIENT:
            raise TypeError(f"options[{key!r}] is not taken per call by this client; use {_PER_CLIENT[key]}")
        if key not in _KNOWN:
            raise TypeError(f"Unknown request option {key!r}; expected one of {', '.join(sorted(_KNOWN))}")
    if content is not None:
        raise TypeError("content= (a raw request body) is not supported; pass body= (JSON) or files= (multipart)")
    if body is not None and not isinstance(body, Mapping):
        raise TypeError(f"body must be a mapping sent as JSON, not {type(body).__name__}")
    headers: dict[str, Any] = dict(given.get("headers") or {})
    mode = _mode_asked_by_header(headers)
    if "idempotency_key" in given:
        headers["Idempotency-Key"] = given["idempotency_key"]
    payload: Optional[Mapping[str, object]] = body
    multipart = files is not None
    if files is not None:
        parts = files.items() if isinstance(files, Mapping) else files
        payload = {**(body or {}), **dict(parts)}
    timeout: Union[Timeout, NotGiven] = given.get("timeout", NOT_GIVEN)
    return CallOptions(
        method=method,
        path=path,
        body=payload,
        multipart=multipart,
        extra_headers=headers or None,
        extra_query=given.get("params"),
        extra_body=given.get("extra_json"),
        timeout=timeout,
        stream_item=stream_item,
        mode=mode,
    )


# The official SDK marks a raw or streamed response with this header on the call's options, and libraries
# built on it (litellm) set it themselves on low-level calls. Only here, where such callers pass it, is it
# read: it becomes the call's mode and is never sent.
_HEADER_MODES: Mapping[str, ResponseMode] = {"true": "raw", "raw": "raw", "stream": "streamed"}


def _mode_asked_by_header(headers: dict[str, Any]) -> ResponseMode:
    for name in [name for name in headers if name.lower() == RAW_RESPONSE_HEADER.lower()]:
        value = headers.pop(name)
        if isinstance(value, str) and value.lower() in _HEADER_MODES:
            return _HEADER_MODES[value.lower()]
    return "parsed"


def stream_item_type(stream: bool, stream_cls: Optional[Any]) -> Any:
    """What each event of a streamed low-level call is built as: ``stream_cls``'s item type
    (``AsyncStream[ChatCompletionChunk]`` gives ``ChatCompletionChunk``), else plain JSON values."""
    # `stream_cls` only says how to build the events of a streamed call: with stream=False the answer is
    # `cast_to` (litellm passes both on every call, streamed or not).
    if not stream:
        return None
    args = typing.get_args(stream_cls)
    return args[0] if args else object

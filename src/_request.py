"""Sans-IO request building: from a call's options and the client's settings to an ``httpx.Request``.

Everything a request needs that does not depend on the call (base URL, default headers, the
platform headers, default query) is fixed once per client in :class:`ClientSettings`; per call
only the pieces the caller gave are merged in. Arguments the caller omitted are never sent, and
``None`` is sent as JSON ``null``.
"""

from __future__ import annotations

import datetime
import io
import json
import os
import re
import sys
import urllib.parse
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Tuple, Union

import httpx

from ._constants import HELPER_HEADER, RAW_RESPONSE_HEADER
from ._errors import APIConnectionError
from ._types import Headers, NotGiven, Omit, Query, Timeout

__all__ = [
    "CallOptions",
    "ClientSettings",
    "build_request",
    "form_part",
    "helper_headers",
    "require_path_param",
    "total_seconds",
]


@dataclass
class ClientSettings:
    """What every request of one client shares; built at construction and by ``with_options``."""

    base_url: str
    default_headers: Dict[str, str]
    default_query: Dict[str, object]
    timeout: Timeout
    max_retries: int
    # Filled on first use by build_request; a settings object is never changed after it is built.
    _prepared: Optional[_PreparedParts] = field(default=None, init=False, repr=False, compare=False)


class _PreparedParts:
    """The per-client pieces of every request, parsed and encoded once instead of per call."""

    __slots__ = ("_with_auth", "base_url_problem", "headers", "timeout", "urls")

    def __init__(self, settings: ClientSettings) -> None:
        base = httpx.URL(settings.base_url)
        self.base_url_problem: Optional[str] = None
        if base.scheme not in ("http", "https") or not base.host:
            self.base_url_problem = (
                f"base_url {settings.base_url!r} is not an absolute http:// or https:// URL, so no request can be sent"
            )
        # The order httpx gives its own requests: Host first, then the client's headers.
        # Compressed responses are asked for as httpx's own clients ask; the transports decode
        # them in bounded pieces.
        self.headers = httpx.Headers(
            {"Host": base.netloc.decode("ascii"), "Accept-Encoding": "gzip, deflate", **settings.default_headers}
        )
        for name in [name for name in self.headers if name.lower() in _FRAMING_HEADERS]:
            del self.headers[name]
        self.timeout = _timeout_dict(settings.timeout)
        self.urls: Dict[str, httpx.URL] = {}
        # The last credentials seen and the headers with them merged in, kept as one pair so that
        # threads sharing a client never see one's credentials beside another's headers.
        self._with_auth: Tuple[Tuple[Tuple[str, str], ...], httpx.Headers] = ((), self.headers)

    def headers_with(self, auth_headers: Mapping[str, str]) -> httpx.Headers:
        """The client's headers with the credentials of one attempt (a copy the caller may change).

        Credentials usually stay the same from call to call (a fixed key, a token until it expires),
        so the merge is redone only when they change.
        """
        key = tuple(auth_headers.items())
        merged = self._with_auth
        if merged[0] != key:
            headers = self.headers.copy()
            headers.update(auth_headers)
            merged = self._with_auth = (key, headers)
        return merged[1].copy()

    def url(self, text: str) -> httpx.URL:
        url = self.urls.get(text)
        if url is None:
            if len(self.urls) >= 1024:  # paths with IDs in them are endless; keep a bounded few
                self.urls.clear()
            url = self.urls[text] = httpx.URL(text)
        return url


def _prepared(settings: ClientSettings) -> _PreparedParts:
    prepared = settings._prepared
    if prepared is None:
        prepared = settings._prepared = _PreparedParts(settings)
    return prepared


@dataclass
class CallOptions:
    """One API call as a resource method describes it, before any I/O."""

    method: str
    path: str
    query: Optional[Mapping[str, object]] = None
    body: Optional[Mapping[str, object]] = None
    multipart: bool = False
    extra_headers: Optional[Headers] = None
    extra_query: Optional[Query] = None
    extra_body: Optional[Mapping[str, object]] = None
    timeout: Union[Timeout, NotGiven] = field(default_factory=NotGiven)
    json_hook: Optional[Callable[[Any], Any]] = None
    stream_ends_with_done: bool = True
    raw_mode: Optional[str] = None

    def __post_init__(self) -> None:
        if self.extra_headers and RAW_RESPONSE_HEADER in self.extra_headers:
            headers = dict(self.extra_headers)
            mode = headers.pop(RAW_RESPONSE_HEADER)
            # "true" is the official SDK's value for a raw response; libraries built on it (litellm) set it
            # on a low-level call's options to get the response object whose `parse()` gives the result.
            self.raw_mode = _RAW_MODES.get(mode) if isinstance(mode, str) else None
            self.extra_headers = headers


_RAW_MODES = {"raw": "raw", "stream": "stream", "true": "raw"}


def form_part(value: object, content_type: str) -> object:
    """A multipart field sent as one part with its own content type (JSON-encoded when it is
    ``application/json``), where the spec's ``encoding`` asks for that instead of form fields."""
    if value is None or isinstance(value, (NotGiven, Omit)):
        return value
    text = json.dumps(value, separators=(",", ":")) if content_type == "application/json" else str(value)
    # No file name: a named part with a content type, as `curl -F 'name=...;type=...'` sends it.
    return (None, text.encode(), content_type)


# Framing is this package's to set from the body it sends: a caller's own would let a body be
# read as two requests, or make the server wait for a body that never comes.
_FRAMING_HEADERS = frozenset(("content-length", "transfer-encoding"))
# Credentials that httpx does not already hide when headers are printed.
_SECRET_HEADERS = frozenset(("api-key",))


class _RequestHeaders(httpx.Headers):
    """A request's headers, printed with every credential hidden (Azure's ``api-key`` as well as
    the ``Authorization`` httpx hides), so a logged or rendered error never shows a key."""

    def __repr__(self) -> str:
        masked = [
            (name, "[secure]" if name.lower() in _SECRET_HEADERS else value) for name, value in self.multi_items()
        ]
        return repr(httpx.Headers(masked, encoding=self.encoding))


_RequestHeaders.__name__ = _RequestHeaders.__qualname__ = "Headers"


def helper_headers(helper: str, extra_headers: Optional[Headers]) -> Headers:
    """The headers of a call a helper makes: which helper it is, then the caller's own (which win)."""
    return {HELPER_HEADER: helper, **(extra_headers or {})}


# IDs the API hands out are made of these; anything else is percent-encoded (or refused).
_PLAIN_SEGMENT = re.compile(r"[A-Za-z0-9_\-]+")
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
# What no header value may hold: control characters other than tab (CR and LF would end it).
_HEADER_VALUE_CONTROLS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def require_path_param(name: str, value: str) -> str:
    """A path parameter as one safely encoded path segment, checked before any request is made.

    Every character outside the unreserved set is percent-encoded, so an ID from user input can
    never add segments (``/``), a query (``?``) or a fragment (``#``) to the path; ``.`` and
    ``..``, which would move the request to another endpoint, and control characters are refused.
    """
    if isinstance(value, str) and _PLAIN_SEGMENT.fullmatch(value) is not None:
        return value  # the usual case, checked in one regex match
    if not value:
        raise ValueError(f"Expected a non-empty value for `{name}` but received {value!r}")
    if not isinstance(value, str):
        value = str(value)
    if value in (".", ".."):
        raise ValueError(f"`{name}` cannot be {value!r}: it would change the path of the request")
    if _CONTROL_CHARACTERS.search(value) is not None:
        raise ValueError(f"`{name}` contains a control character (CR, LF, NUL...): {value!r}")
    return urllib.parse.quote(value, safe="")


def build_request(
    settings: ClientSettings, options: CallOptions, *, auth_headers: Mapping[str, str], retries_taken: int
) -> httpx.Request:
    """Assemble the HTTP request for one attempt of a call."""
    prepared = _prepared(settings)
    if prepared.base_url_problem is not None:
        raise APIConnectionError(
            message=prepared.base_url_problem,
            request=httpx.Request(options.method.upper(), settings.base_url + options.path.lstrip("/")),
        )
    headers = prepared.headers_with(auth_headers)
    headers["X-Stainless-Retry-Count"] = str(retries_taken)
    if options.extra_headers:
        _merge_headers(headers, options.extra_headers)

    timeout = prepared.timeout if isinstance(options.timeout, NotGiven) else _timeout_dict(options.timeout)
    extensions = {"timeout": timeout}
    url = prepared.url(settings.base_url + options.path.lstrip("/"))
    pairs = _query_pairs(settings.default_query, options.query, options.extra_query)
    if pairs:
        url = url.copy_merge_params(httpx.QueryParams(pairs))

    body = _given(options.body)
    if options.extra_body:
        body = {**(body or {}), **options.extra_body}

    if options.multipart:
        data, files = _multipart_parts(body or {})
        headers.pop("Content-Type", None)
        if not files:
            # httpx would send fields alone as urlencoded; these endpoints accept only multipart.
            boundary = os.urandom(16).hex()
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
            request = httpx.Request(
                options.method,
                url,
                headers=headers,
                content=_fields_only_multipart(data, boundary),
                extensions=extensions,
            )
            request.headers.__class__ = _RequestHeaders
            return request
        request = httpx.Request(options.method, url, headers=headers, data=data, files=files, extensions=extensions)
        request.headers.__class__ = _RequestHeaders
        return request
    content = b""
    if body is not None:
        if "Content-Type" not in headers:
            headers["Content-Type"] = "application/json"
        try:
            content = json.dumps(body, separators=(",", ":"), ensure_ascii=False, default=_json_default).encode()
        except RecursionError:
            raise ValueError("the request body is nested too deeply to be sent as JSON") from None
    method = options.method.upper()
    # The headers httpx would add itself; giving the body as a ready stream spares it re-parsing
    # every header of the request to find out.
    if content or method in ("POST", "PUT", "PATCH"):
        headers["Content-Length"] = str(len(content))
    request = httpx.Request(method, url, headers=headers, stream=httpx.ByteStream(content), extensions=extensions)
    request.read()  # the body is in memory: `request.content` is then available to transports
    request.headers.__class__ = _RequestHeaders  # the same headers, only printed differently
    return request


def total_seconds(timeout: Timeout) -> Optional[float]:
    """The longest a single attempt may take, from a timeout as the user gave it (None: unbounded)."""
    if isinstance(timeout, httpx.Timeout):
        limits = [value for value in timeout.as_dict().values() if value is not None]
        return max(limits) if limits else None
    return None if timeout is None else float(timeout)


def _merge_headers(headers: httpx.Headers, extra: Headers) -> None:
    for name, value in extra.items():
        if isinstance(value, Omit):
            headers.pop(name, None)
        elif name.lower() not in _FRAMING_HEADERS:
            if isinstance(value, str) and _HEADER_VALUE_CONTROLS.search(value) is not None:
                raise ValueError(f"The value of the header {name!r} contains a control character: {value!r}")
            headers[name] = value


def _timeout_dict(timeout: Timeout) -> Dict[str, Optional[float]]:
    if isinstance(timeout, httpx.Timeout):
        return timeout.as_dict()
    return httpx.Timeout(timeout).as_dict()


def _given(body: Optional[Mapping[str, object]]) -> Optional[Dict[str, object]]:
    if body is None:
        return None
    return {key: value for key, value in body.items() if not isinstance(value, (NotGiven, Omit))}


def _json_default(value: object) -> object:
    # pydantic is only loaded if the caller passed a model, so look it up instead of importing it.
    pydantic = sys.modules.get("pydantic")
    if pydantic is not None and isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        raise TypeError("bytes cannot be sent in a JSON body; pass text, or upload the bytes as a file")
    if isinstance(value, Iterable):
        return list(value)
    raise TypeError(f"Object of type {type(value).__name__} cannot be sent as JSON")


_Pairs = List[Tuple[str, Union[str, int, float, bool, None]]]


def _query_pairs(*sources: Optional[Mapping[str, object]]) -> _Pairs:
    merged: Dict[str, object] = {}
    for source in sources:
        if source:
            merged.update(source)
    pairs: _Pairs = []
    for key, value in merged.items():
        _flatten(key, value, pairs)
    return pairs


def _flatten(key: str, value: object, out: _Pairs) -> None:
    """Query and form fields: lists as ``key[]``, objects as ``key[field]``; omitted values dropped."""
    if value is None or isinstance(value, (NotGiven, Omit)):
        return
    if isinstance(value, Mapping):
        for sub_key, sub_value in value.items():
            _flatten(f"{key}[{sub_key}]", sub_value, out)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _flatten(f"{key}[]", item, out)
    elif isinstance(value, bool):
        out.append((key, "true" if value else "false"))
    else:
        out.append((key, str(value)))


def _is_file(value: object) -> bool:
    if isinstance(value, (bytes, bytearray, io.IOBase, os.PathLike)):
        return True
    return isinstance(value, tuple) and len(value) >= 2 and _is_file(value[1])


def _multipart_parts(body: Mapping[str, object]) -> Tuple[Dict[str, Any], List[Tuple[str, Any]]]:
    fields: _Pairs = []
    files: List[Tuple[str, Any]] = []
    for key, value in body.items():
        if _is_file(value):
            files.append((key, _file_part(value)))
        elif isinstance(value, list) and value and all(_is_file(item) for item in value):
            files.extend((f"{key}[]", _file_part(item)) for item in value)
        else:
            _flatten(key, value, fields)
    data: Dict[str, Any] = {}
    for name, text in fields:
        # httpx sends a list value as repeated form fields, which is what `key[]` arrays need.
        if name in data:
            previous = data[name]
            data[name] = [*previous, text] if isinstance(previous, list) else [previous, text]
        else:
            data[name] = text
    return data, files


def _fields_only_multipart(data: Dict[str, Any], boundary: str) -> bytes:
    parts = []
    for name, value in data.items():
        quoted = name.replace('"', "%22")
        for item in value if isinstance(value, list) else [value]:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{quoted}"\r\n\r\n{item}\r\n')
    parts.append(f"--{boundary}--\r\n")
    return "".join(parts).encode()


def _file_part(value: Any) -> Any:
    """Turn each accepted file form into what httpx uploads, reading paths into memory."""
    if isinstance(value, os.PathLike):
        path = os.fspath(value)
        with open(path, "rb") as handle:
            return (os.path.basename(path), handle.read())
    if isinstance(value, tuple):
        name, content, *rest = value
        if isinstance(content, os.PathLike):
            with open(os.fspath(content), "rb") as handle:
                content = handle.read()
        return (name, content, *rest)
    if isinstance(value, (bytes, bytearray)):
        return ("upload", bytes(value))
    return value

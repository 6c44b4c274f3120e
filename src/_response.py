"""Turning a finished HTTP response into what the call returns, plus the wrappers for raw access.

Sans-IO: everything here works on a response whose body has been read. The streaming
variants that still read from the network live in ``_async/_response.py`` (and its sync twin).
"""

from __future__ import annotations

import datetime
import json
import os
from typing import Any, Callable, Dict, Generic, Iterator, Optional, TypeVar, Union, cast, overload

import httpx

from ._errors import APIResponseValidationError, embedded_error
from ._public import publish

__all__ = [
    "HttpxBinaryResponseContent",
    "LegacyAPIResponse",
    "ResponseView",
    "decode_json_body",
    "parse_content",
    "raise_plain_error",
]

_T = TypeVar("_T")
_ToT = TypeVar("_ToT")


class HttpxBinaryResponseContent:
    """A binary response (file content, audio) whose bytes are already in memory."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    @property
    def content(self) -> bytes:
        """The raw bytes."""
        return self.response.content

    @property
    def text(self) -> str:
        """The bytes decoded as text, using the response's charset."""
        return self.response.text

    @property
    def encoding(self) -> Optional[str]:
        """The text encoding httpx chose for ``text``."""
        return self.response.encoding

    def json(self, **kwargs: Any) -> Any:
        """Decode the bytes as JSON."""
        return json.loads(self.response.content, **kwargs)

    def read(self) -> bytes:
        """The raw bytes (already read)."""
        return self.response.content

    def iter_bytes(self, chunk_size: Optional[int] = None) -> Iterator[bytes]:
        """Iterate the bytes in chunks."""
        return self.response.iter_bytes(chunk_size)

    def write_to_file(self, file: Union[str, os.PathLike[str]]) -> None:
        """Write the bytes to ``file``, replacing what it held."""
        with open(file, mode="wb") as handle:
            handle.write(self.response.content)


def decode_json_body(response: httpx.Response, content: bytes) -> Any:
    """Decode a JSON body, or raise an error that says what was wrong and keeps the raw text."""
    try:
        return json.loads(content)
    except (ValueError, RecursionError) as exc:  # RecursionError: nested deeper than Python can decode
        text = content.decode("utf-8", errors="replace")
        raise APIResponseValidationError(
            response,
            text,
            message=f"Expected a JSON body from {response.request.method} {response.request.url.path} "
            f"(content-type {response.headers.get('content-type', 'missing')!r}) but could not decode it: {exc}",
        ) from None


def parse_content(
    cast_to: Any, response: httpx.Response, content: bytes, json_hook: Optional[Callable[[Any], Any]] = None
) -> Any:
    """Build the value a call returns from its response body.

    ``json_hook``, when given, rewrites the decoded JSON before the model is built (a call that
    asked the server for a cheaper wire form turns it back into what its return type declares).
    """
    if cast_to is httpx.Response:
        return response
    if cast_to is HttpxBinaryResponseContent:
        return HttpxBinaryResponseContent(response)
    if cast_to is bytes:
        return content
    if cast_to is str:
        return content.decode("utf-8", errors="replace")
    if cast_to is None or cast_to is type(None):
        return None
    from ._models import BaseModel, construct_type, validate_json  # deferred: pydantic is not needed to build a client

    # A body mentioning "error" might be an error object inside a 200; only the slow path checks
    # that, and only for models that have no `error` field of their own (a Response has one).
    checks_error = _is_model(cast_to) and "error" not in cast_to.model_fields
    if json_hook is None and not (checks_error and b'"error"' in content):
        fast = validate_json(cast_to, content)
        if fast is not None:
            fast._request_id = response.headers.get("x-request-id")
            return fast
    data = decode_json_body(response, content)
    error = embedded_error(data, response.request) if checks_error else None
    if error is not None:
        raise error
    if _is_model(cast_to) and not isinstance(data, dict):
        raise APIResponseValidationError(
            response, data, message=f"Expected a JSON object for {cast_to.__name__}, got {type(data).__name__}"
        )
    if json_hook is not None:
        data = json_hook(data)
    result = construct_type(cast_to, data)
    if isinstance(result, BaseModel):
        result._request_id = response.headers.get("x-request-id")
    return result


def _is_model(cast_to: Any) -> bool:
    return isinstance(cast_to, type) and hasattr(cast_to, "model_fields")


class ResponseView:
    """What every wrapper of an HTTP response shows of it: status, headers, request and request ID.

    Its ``parse()`` builds the call's own result with ``parse_result`` (from the body, or for an
    event stream the stream that reads it) or the body as a named type with ``parse_as``.
    """

    def __init__(
        self,
        response: httpx.Response,
        *,
        parse_result: Callable[[bytes], Any],
        parse_as: Callable[[Any, bytes], Any],
        is_stream: bool,
        retries_taken: int,
    ) -> None:
        self.http_response = response
        self.retries_taken = retries_taken
        self._parse_result = parse_result
        self._parse_as = parse_as
        self._is_stream = is_stream

    @property
    def headers(self) -> httpx.Headers:
        """The response headers."""
        return self.http_response.headers

    @property
    def http_request(self) -> httpx.Request:
        """The request that was sent."""
        return self.http_response.request

    @property
    def status_code(self) -> int:
        """The HTTP status code."""
        return self.http_response.status_code

    @property
    def url(self) -> httpx.URL:
        """The URL that was requested."""
        return self.http_response.request.url

    @property
    def method(self) -> str:
        """The HTTP method that was used."""
        return self.http_response.request.method

    @property
    def request_id(self) -> Optional[str]:
        """The server's ``x-request-id`` for this call."""
        return cast(Optional[str], self.http_response.headers.get("x-request-id"))

    @property
    def http_version(self) -> str:
        """The HTTP version of the response, such as ``HTTP/1.1``."""
        return self.http_response.http_version

    @property
    def elapsed(self) -> datetime.timedelta:
        """How long the response took, from sending the request to the end of the body."""
        return self.http_response.elapsed

    @property
    def is_closed(self) -> bool:
        """Whether the connection behind the response is released: the body was read to its end,
        the response was closed, or (for a stream) the stream was."""
        return self.http_response.is_closed


class LegacyAPIResponse(ResponseView, Generic[_T]):
    """What ``with_raw_response`` calls return: the HTTP response, and ``parse()`` for the usual result."""

    def __init__(
        self,
        response: httpx.Response,
        *,
        parse_result: Callable[[bytes], Any],
        parse_as: Callable[[Any, bytes], Any],
        cast_to: Any,
        is_stream: bool,
        retries_taken: int,
    ) -> None:
        super().__init__(
            response, parse_result=parse_result, parse_as=parse_as, is_stream=is_stream, retries_taken=retries_taken
        )
        self._cast_to = cast_to
        self._parsed: Dict[Any, Any] = {}

    @property
    def content(self) -> bytes:
        """The raw body."""
        return self.http_response.content

    @property
    def text(self) -> str:
        """The body as text."""
        return self.http_response.text

    def json(self) -> Any:
        """The body decoded as JSON."""
        return decode_json_body(self.http_response, self.http_response.content)

    @overload
    def parse(self, *, to: type[_ToT]) -> _ToT: ...
    @overload
    def parse(self, *, to: None = None) -> _T: ...
    def parse(self, *, to: Optional[type[_ToT]] = None) -> Union[_T, _ToT]:
        """What the call would have returned without ``with_raw_response`` (or the body as ``to``)."""
        key = to or self._cast_to
        if key not in self._parsed:
            if to is None:
                # A streamed call's body is still unread: its result is the stream that reads it.
                self._parsed[key] = self._parse_result(b"" if self._is_stream else self.http_response.content)
            else:
                self._parsed[key] = self._parse_as(to, self.http_response.content)
        return cast(Union[_T, _ToT], self._parsed[key])

    def __repr__(self) -> str:
        return f"<LegacyAPIResponse [{self.status_code}] {self.method} {self.url}>"


def raise_plain_error(body: bytes, request: httpx.Request) -> None:
    """A stream that carried no event at all: raise the server's JSON error if that is what it sent."""
    try:
        data = json.loads(body) if body.strip() else None
    except ValueError:
        return
    error = embedded_error(data, request, "The server answered the stream with an error: ")
    if error is not None:
        raise error


# Tracebacks and reprs name these where users import them (see _public.py).
publish(globals(), __all__)

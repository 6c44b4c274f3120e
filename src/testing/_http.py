"""HTTP/1.1 on the wire, without I/O: an incremental request parser and response heads.

The connection feeds received bytes to :class:`RequestParser` and gets complete
:class:`ReceivedRequest` objects back; it renders responses with :func:`render_head`
and :func:`chunk`. Nothing here touches a socket, so it is tested with plain bytes.
"""

from __future__ import annotations

import json
import re
from http import HTTPStatus
from typing import Any, Dict, Iterable, List, Optional, Tuple
from urllib.parse import parse_qsl, urlsplit

__all__ = [
    "LAST_CHUNK",
    "ProtocolError",
    "ReceivedRequest",
    "RequestParser",
    "chunk",
    "render_head",
]

MAX_HEAD_BYTES = 64 * 1024
MAX_BODY_BYTES = 512 * 1024 * 1024

LAST_CHUNK = b"0\r\n\r\n"

_REASONS = {status.value: status.phrase for status in HTTPStatus}
_HEX = re.compile(rb"[0-9A-Fa-f]{1,16}")
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


class ProtocolError(Exception):
    """The peer sent bytes that are not an HTTP/1.1 request we can answer; ``status`` says how to refuse."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class ReceivedRequest:
    """One complete request as the server received it.

    ``headers`` maps lower-case names to values (repeated headers are joined with ``", "``),
    ``path`` is the raw path without the query, ``body`` the decoded (de-chunked) body bytes.
    """

    __slots__ = ("_query", "body", "headers", "keep_alive", "method", "path", "query_string", "target", "version")

    def __init__(
        self,
        method: str,
        target: str,
        version: str,
        headers: Dict[str, str],
        body: bytes,
    ) -> None:
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        path, _, query = target.partition("?")
        if path.startswith(("http://", "https://")):
            # Absolute-form targets are legal; only the path part matters for routing.
            path = urlsplit(path).path or "/"
        self.path = path
        self.query_string = query
        self._query: Optional[Dict[str, str]] = None
        tokens = {token.strip().lower() for token in headers.get("connection", "").split(",")}
        if version == "HTTP/1.1":
            self.keep_alive = "close" not in tokens
        else:
            self.keep_alive = "keep-alive" in tokens

    @property
    def query(self) -> Dict[str, str]:
        """Query parameters, decoded; when a name repeats, the last value wins."""
        if self._query is None:
            self._query = dict(parse_qsl(self.query_string, keep_blank_values=True))
        return self._query

    def json(self) -> Any:
        """The body decoded as JSON (raises ``ValueError`` when it is not JSON)."""
        return json.loads(self.body)

    def __repr__(self) -> str:
        return f"<ReceivedRequest {self.method} {self.target} body={len(self.body)}B>"


class _Head:
    __slots__ = ("headers", "method", "target", "version")

    def __init__(self, method: str, target: str, version: str, headers: Dict[str, str]) -> None:
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers


def _parse_head(raw: bytes) -> _Head:
    lines = raw.split(b"\r\n")
    parts = lines[0].decode("latin-1").split(" ")
    if len(parts) != 3 or not _TOKEN.fullmatch(parts[0]) or not parts[1]:
        raise ProtocolError(400, "Malformed request line.")
    method, target, version = parts
    if version not in ("HTTP/1.1", "HTTP/1.0"):
        raise ProtocolError(505, f"Unsupported protocol version {version!r}.")
    headers: Dict[str, str] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(b":")
        # Folded lines and whitespace before the colon are both forbidden by RFC 9112.
        if not sep or not name or name[-1:] in (b" ", b"\t") or line[:1] in (b" ", b"\t"):
            raise ProtocolError(400, "Malformed header line.")
        key = name.decode("latin-1").lower()
        text = value.strip(b" \t").decode("latin-1")
        previous = headers.get(key)
        headers[key] = text if previous is None else f"{previous}, {text}"
    return _Head(method, target, version, headers)


class RequestParser:
    """Turns a byte stream into requests; one parser per connection, requests may be pipelined."""

    def __init__(self, *, max_head: int = MAX_HEAD_BYTES, max_body: int = MAX_BODY_BYTES) -> None:
        self._buffer = bytearray()
        self._max_head = max_head
        self._max_body = max_body
        self._head: Optional[_Head] = None
        self._length = 0
        self._chunked = False
        self._chunk_left = -1
        self._in_trailers = False
        self._parts: List[bytes] = []
        self._chunked_size = 0
        self._continue_due = False

    def feed(self, data: bytes) -> List[ReceivedRequest]:
        """Add received bytes; return every request they complete (possibly none)."""
        self._buffer += data
        done: List[ReceivedRequest] = []
        while True:
            if self._head is None and not self._read_head():
                return done
            body = self._read_chunked() if self._chunked else self._read_sized()
            if body is None:
                return done
            head = self._head
            assert head is not None
            done.append(ReceivedRequest(head.method, head.target, head.version, head.headers, body))
            self._head = None
            self._continue_due = False

    def take_continue(self) -> bool:
        """True once per request that sent ``Expect: 100-continue`` and still waits for its body."""
        due, self._continue_due = self._continue_due, False
        return due

    def _read_head(self) -> bool:
        buffer = self._buffer
        # RFC 9112 asks servers to skip empty lines before a request line.
        while buffer[:2] == b"\r\n":
            del buffer[:2]
        end = buffer.find(b"\r\n\r\n")
        if end < 0:
            if len(buffer) > self._max_head:
                raise ProtocolError(431, "Request head too large.")
            return False
        if end > self._max_head:
            raise ProtocolError(431, "Request head too large.")
        head = _parse_head(bytes(buffer[:end]))
        del buffer[: end + 4]
        encoding = head.headers.get("transfer-encoding")
        self._chunked = False
        self._length = 0
        if encoding is not None:
            if encoding.lower().replace(" ", "").split(",")[-1] != "chunked" or "content-length" in head.headers:
                raise ProtocolError(400, "Unsupported transfer-encoding.")
            self._chunked = True
            self._chunk_left = -1
            self._in_trailers = False
            self._parts = []
            self._chunked_size = 0
        elif "content-length" in head.headers:
            value = head.headers["content-length"]
            if not value.isdigit():
                raise ProtocolError(400, "Invalid content-length.")
            self._length = int(value)
            if self._length > self._max_body:
                raise ProtocolError(413, "Request body too large.")
        self._head = head
        pending_body = self._chunked or self._length > len(buffer)
        self._continue_due = pending_body and head.headers.get("expect", "").lower() == "100-continue"
        return True

    def _read_sized(self) -> Optional[bytes]:
        length = self._length
        if len(self._buffer) < length:
            return None
        body = bytes(self._buffer[:length])
        del self._buffer[:length]
        return body

    def _read_chunked(self) -> Optional[bytes]:
        buffer = self._buffer
        while True:
            if self._in_trailers:
                end = buffer.find(b"\r\n")
                if end < 0:
                    return None
                line_empty = end == 0
                del buffer[: end + 2]
                if line_empty:
                    body = b"".join(self._parts)
                    self._parts = []
                    return body
            elif self._chunk_left < 0:
                end = buffer.find(b"\r\n")
                if end < 0:
                    if len(buffer) > 1024:
                        raise ProtocolError(400, "Malformed chunk size line.")
                    return None
                size_field = bytes(buffer[:end]).split(b";", 1)[0].strip()
                if not _HEX.fullmatch(size_field):
                    raise ProtocolError(400, "Malformed chunk size line.")
                del buffer[: end + 2]
                size = int(size_field, 16)
                if size == 0:
                    self._in_trailers = True
                else:
                    self._chunked_size += size
                    if self._chunked_size > self._max_body:
                        raise ProtocolError(413, "Request body too large.")
                    self._chunk_left = size
            else:
                size = self._chunk_left
                if len(buffer) < size + 2:
                    return None
                if buffer[size : size + 2] != b"\r\n":
                    raise ProtocolError(400, "Chunk data not followed by CRLF.")
                self._parts.append(bytes(buffer[:size]))
                del buffer[: size + 2]
                self._chunk_left = -1


def render_head(status: int, headers: Iterable[Tuple[str, str]]) -> bytes:
    """The status line and header block of a response, ending with the blank line."""
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Unknown')}\r\n"]
    lines.extend(f"{name}: {value}\r\n" for name, value in headers)
    lines.append("\r\n")
    return "".join(lines).encode("latin-1")


def chunk(data: bytes) -> bytes:
    """One piece of a ``Transfer-Encoding: chunked`` body (never empty: that would end the body)."""
    return b"%x\r\n%s\r\n" % (len(data), data)

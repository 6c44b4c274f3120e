"""Sans-IO HTTP/1.1 for the client side: request heads out, responses parsed incrementally from bytes.

The transports in ``asyncio_transport.py`` and ``socket_transport.py`` do the I/O; this module
only turns bytes into a response head and body bytes, and decides whether the connection can
carry another request afterwards. It works on whole buffers with ``bytes.find`` and ``split``
rather than byte by byte, since it runs once per response on the hot path.

A response is read with one :class:`ResponseParser`:

    parser = ResponseParser(b"GET")
    parser.feed(data)              # as bytes arrive; parser.feed_eof() when the peer closes
    head = parser.read_head()      # None until the whole head is in; 1xx heads are skipped
    body = parser.read_body()      # the body bytes decodable so far (b"" if none yet)
    parser.done, parser.keep_alive # whether the body is complete, and the connection reusable

Framing follows RFC 9112: no body for HEAD, 1xx, 204 and 304; a chunked final transfer coding
wins over Content-Length (and the connection is then not reused); a Transfer-Encoding that does
not end in chunked, or no framing header at all, means the body runs until the server closes.
"""

from __future__ import annotations

import re
from typing import Iterable, List, Optional, Sequence, Tuple, Union

__all__ = [
    "JOIN_BODY_LIMIT",
    "LAST_CHUNK",
    "BodyFramer",
    "MAX_CHUNK_LINE_SIZE",
    "MAX_HEAD_SIZE",
    "MAX_INTERIM_RESPONSES",
    "LocalProtocolError",
    "ProtocolError",
    "ResponseHead",
    "ResponseParser",
    "encode_chunk",
    "encode_request_head",
    "head_and_body",
    "request_wants_close",
]

# Bodies up to this size are sent in the same write as the head.
JOIN_BODY_LIMIT = 64 * 1024
# What httpcore allows for an incomplete event, so servers that work through httpx work here.
MAX_HEAD_SIZE = 100 * 1024
# A chunk-size line is a few hex digits plus rarely used extensions; anything longer is abuse.
MAX_CHUNK_LINE_SIZE = 4096

LAST_CHUNK = b"0\r\n\r\n"

RawHeaders = List[Tuple[bytes, bytes]]

_HEAD_END = re.compile(rb"\n\r?\n")
_TOKEN = re.compile(rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_HEX = re.compile(rb"[0-9A-Fa-f]{1,16}")
_STATUS = re.compile(rb"[0-9]{3}")
_NO_BODY_STATUSES = frozenset((204, 304))
# Control bytes no header may hold (tab aside; CR and LF are checked as line ends).
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Interim (1xx) responses accepted before the final one; a server sending more is stalling.
MAX_INTERIM_RESPONSES = 16
# Header names seen to be valid tokens; the set of names a client sends is small and repeats.
_VALID_NAMES: set[bytes] = set()
_VALID_NAMES_LIMIT = 512


class ProtocolError(Exception):
    """The server broke HTTP/1.1: a malformed head, bad framing, or a message cut short."""


class LocalProtocolError(Exception):
    """The request cannot be written as valid HTTP/1.1 (a header with CR/LF, a bad method or target)."""


def encode_request_head(method: bytes, target: bytes, headers: Sequence[Tuple[bytes, bytes]]) -> bytes:
    """The request line and header block, ending in the blank line.

    Header values are checked in bulk: the joined head must contain exactly one CR and one LF per
    line, so a value smuggling a line break is refused without a per-byte scan.
    """
    lines = [b"%s %s HTTP/1.1" % (method, target)]
    lines += [name + b": " + value for name, value in headers]
    lines.append(b"\r\n")
    head = b"\r\n".join(lines)
    line_count = len(lines)
    if head.count(b"\n") != line_count or head.count(b"\r") != line_count or _CONTROL.search(head) is not None:
        raise LocalProtocolError("a request header, the method or the target contains CR, LF or another control byte")
    if b" " in target or not target or _TOKEN.fullmatch(method) is None:
        raise LocalProtocolError(f"invalid request line: {method!r} {target!r}")
    for name, _ in headers:
        if name not in _VALID_NAMES:
            _check_name(name)
    return head


def _check_name(name: bytes) -> None:
    if not _is_token(name):
        raise LocalProtocolError(f"invalid header name {name!r}")


def _is_token(name: bytes) -> bool:
    if _TOKEN.fullmatch(name) is None:
        return False
    if len(_VALID_NAMES) < _VALID_NAMES_LIMIT:
        _VALID_NAMES.add(name)
    return True


def encode_chunk(data: bytes) -> bytes:
    """One chunk of a chunked request body (``data`` must not be empty: that would end the body)."""
    return b"%x\r\n%s\r\n" % (len(data), data)


def head_and_body(head: bytes, body: bytes) -> Tuple[bytes, ...]:
    """The writes of a request whose body is in memory: one when the body is small, else two."""
    return (head + body,) if len(body) <= JOIN_BODY_LIMIT else (head, body)


class BodyFramer:
    """Frames a streamed request body part by part: as chunks when the request says chunked, and
    held to the Content-Length it declared."""

    def __init__(self, raw_headers: RawHeaders) -> None:
        self.chunked = False
        self.declared: Optional[int] = None
        for name, value in raw_headers:
            lowered = name.lower()
            if lowered == b"transfer-encoding":
                self.chunked = value.strip().lower().endswith(b"chunked")
            elif lowered == b"content-length" and value.isdigit():
                self.declared = int(value)
        self.sent = 0

    def frame(self, part: bytes) -> bytes:
        """What to write for one non-empty part of the body."""
        self.sent += len(part)
        if self.declared is not None and self.sent > self.declared:
            raise LocalProtocolError("the request body is longer than its Content-Length")
        return encode_chunk(part) if self.chunked else part

    def end(self) -> bytes:
        """What to write once the body is over (the last chunk, or nothing)."""
        if self.declared is not None and self.sent != self.declared:
            raise LocalProtocolError("the request body is shorter than its Content-Length")
        return LAST_CHUNK if self.chunked else b""


class ResponseHead:
    """A parsed status line and header block; ``headers`` keeps the server's names and order."""

    __slots__ = ("headers", "http_version", "reason", "status_code")

    def __init__(self, http_version: bytes, status_code: int, reason: bytes, headers: RawHeaders) -> None:
        self.http_version = http_version
        self.status_code = status_code
        self.reason = reason
        self.headers = headers

    def __repr__(self) -> str:
        return f"<ResponseHead {self.http_version.decode()} {self.status_code} {self.reason!r}>"


# Body framing modes.
_HEAD = 0  # still reading the head
_LENGTH = 1  # Content-Length bytes
_CHUNK_SIZE = 2  # chunked: expecting a chunk-size line
_CHUNK_DATA = 3  # chunked: inside a chunk's data
_CHUNK_END = 4  # chunked: expecting the CRLF after a chunk's data
_TRAILERS = 5  # chunked: after the last chunk, expecting trailers and the blank line
_UNTIL_CLOSE = 6  # everything up to the server's close
_DONE = 7


class ResponseParser:
    """Parses one response from the bytes fed to it.

    ``method`` is the request's method (a HEAD response has no body). ``keep_alive`` starts as
    False when the request itself asked to close the connection. Errors raise :class:`ProtocolError`.
    """

    __slots__ = (
        "_buffer",
        "_eof",
        "_interim",
        "_max_head_size",
        "_method",
        "_mode",
        "_remaining",
        "_scan_from",
        "content_coding",
        "head",
        "keep_alive",
    )

    def __init__(self, method: bytes, *, keep_alive: bool = True, max_head_size: int = MAX_HEAD_SIZE) -> None:
        self._method = method
        self._buffer: Union[bytes, bytearray] = b""
        self._eof = False
        self._interim = 0
        self._max_head_size = max_head_size
        self._mode = _HEAD
        self._remaining = 0
        self._scan_from = 0
        self.head: Optional[ResponseHead] = None
        self.keep_alive = keep_alive
        # The response's Content-Encoding, lowered (b"multiple" when it was given more than once).
        self.content_coding: Optional[bytes] = None

    # Input

    def feed(self, data: bytes) -> None:
        """Add bytes received from the server."""
        buffer = self._buffer
        if not buffer:
            self._buffer = data
        elif isinstance(buffer, bytearray):
            buffer += data
        else:
            # Accumulating only when a message spans several reads; a bytearray keeps that linear.
            self._buffer = bytearray(buffer) + data

    def feed_eof(self) -> None:
        """The server closed its side; what is buffered is all there will be."""
        self._eof = True

    @property
    def buffered(self) -> int:
        """How many received bytes are waiting to be parsed or returned."""
        return len(self._buffer)

    @property
    def done(self) -> bool:
        """True once the whole response, body included, has been parsed."""
        return self._mode == _DONE

    @property
    def reusable(self) -> bool:
        """Whether the connection may carry another request: complete, keep-alive, nothing extra received."""
        return self._mode == _DONE and self.keep_alive and not self._buffer and not self._eof

    @property
    def received_nothing(self) -> bool:
        """True while not a single byte of a response has arrived."""
        return self._mode == _HEAD and not self._buffer  # a parsed head always moves the mode on

    # Head

    def read_head(self) -> Optional[ResponseHead]:
        """The final response head once it is complete, else None (feed more bytes)."""
        while self._mode == _HEAD:
            buffer = self._buffer
            found = _HEAD_END.search(buffer, self._scan_from)
            if found is None:
                if len(buffer) > self._max_head_size:
                    raise ProtocolError(f"the response head is larger than {self._max_head_size} bytes")
                if self._eof:
                    if not buffer:
                        raise ProtocolError("Server disconnected without sending a response.")
                    raise ProtocolError("Server disconnected in the middle of the response head.")
                # The terminator is at most 3 bytes, so a later search may start just before the end.
                self._scan_from = max(0, len(buffer) - 2)
                return None
            end = found.start()
            if end > self._max_head_size:
                raise ProtocolError(f"the response head is larger than {self._max_head_size} bytes")
            head = self._parse_head(bytes(buffer[:end]))
            self._buffer = buffer[found.end() :]
            self._scan_from = 0
            if 100 <= head.status_code < 200 and head.status_code != 101:
                # Interim response (100 Continue, 103 Early Hints): the final one follows.
                self._interim += 1
                if self._interim > MAX_INTERIM_RESPONSES:
                    raise ProtocolError(f"more than {MAX_INTERIM_RESPONSES} interim (1xx) responses")
                continue
            self.head = head
            self._frame_body(head)
            return head
        return self.head

    def _parse_head(self, block: bytes) -> ResponseHead:
        # Checked on the whole block at once: no control bytes, and every CR ends a line (the
        # last line's CR is in the block, its LF is not).
        if _CONTROL.search(block) is not None:
            raise ProtocolError("the response head contains a control byte (NUL, ...)")
        carriage_returns = block.count(b"\r")
        if carriage_returns and carriage_returns != block.count(b"\r\n") + block.endswith(b"\r"):
            raise ProtocolError("the response head contains a CR that does not end a line")
        lines = block.split(b"\n")
        status_line = lines[0].rstrip(b"\r")
        parts = status_line.split(b" ", 2)
        version = parts[0]
        if len(parts) < 2 or not version.startswith(b"HTTP/1.") or len(version) != 8 or not version[7:].isdigit():
            raise ProtocolError(f"invalid status line {status_line[:100]!r}")
        if _STATUS.fullmatch(parts[1]) is None:
            raise ProtocolError(f"invalid status code in {status_line[:100]!r}")
        headers: RawHeaders = []
        for line in lines[1:]:
            if line[:1] in (b" ", b"\t"):
                # Obsolete line folding: the line continues the previous header's value.
                if not headers:
                    raise ProtocolError("the response head starts with a folded line")
                name, value = headers[-1]
                headers[-1] = (name, value + b" " + line.strip(b" \t\r"))
                continue
            name, colon, value = line.partition(b":")
            if not colon or (name not in _VALID_NAMES and not _is_token(name)):
                # Covers "Name : value" too: a space before the colon is refused, not trimmed.
                raise ProtocolError(f"invalid header line {line[:100]!r}")
            headers.append((name, value.strip(b" \t\r")))
        return ResponseHead(version, int(parts[1]), parts[2] if len(parts) > 2 else b"", headers)

    def _frame_body(self, head: ResponseHead) -> None:
        content_length: Optional[bytes] = None
        transfer_encoding: Optional[bytes] = None
        for name, value in head.headers:
            if len(name) == 14 and name.lower() == b"content-length":
                if content_length is not None and content_length != value:
                    raise ProtocolError("conflicting Content-Length headers")
                content_length = value
            elif len(name) == 17 and name.lower() == b"transfer-encoding":
                transfer_encoding = value if transfer_encoding is None else transfer_encoding + b", " + value
            elif len(name) == 10 and name.lower() == b"connection" and _says_close(value):
                self.keep_alive = False
            elif len(name) == 16 and name.lower() == b"content-encoding":
                self.content_coding = value.lower() if self.content_coding is None else b"multiple"
        if head.http_version != b"HTTP/1.1":
            self.keep_alive = False
        status = head.status_code
        if self._method == b"HEAD" or status in _NO_BODY_STATUSES or status == 101:
            if status == 101:
                self.keep_alive = False
            self._mode = _DONE
        elif transfer_encoding is not None:
            if content_length is not None:
                # Both framings present is how request smuggling starts; trust neither for reuse.
                self.keep_alive = False
            last_coding = transfer_encoding.rsplit(b",", 1)[-1].strip().lower()
            if last_coding == b"chunked":
                self._mode = _CHUNK_SIZE
            else:
                self._mode = _UNTIL_CLOSE
                self.keep_alive = False
        elif content_length is not None:
            self._remaining = _parse_content_length(content_length)
            self._mode = _LENGTH if self._remaining else _DONE
        else:
            self._mode = _UNTIL_CLOSE
            self.keep_alive = False

    # Body

    def read_body(self) -> bytes:
        """Every body byte that can be decoded from what was fed so far; b"" when none is ready.

        Check :attr:`done` afterwards: b"" with ``done`` False means more bytes are needed.
        """
        mode = self._mode
        if mode == _LENGTH:
            buffer = self._buffer
            remaining = self._remaining
            size = len(buffer)
            if size <= remaining:
                if not size:
                    if self._eof:
                        raise ProtocolError(
                            "Server disconnected before the response body was complete "
                            f"({remaining} more bytes expected)."
                        )
                    return b""
                self._buffer = b""
                self._remaining = remaining = remaining - size
                if not remaining:
                    self._mode = _DONE
                return buffer if isinstance(buffer, bytes) else bytes(buffer)
            self._buffer = buffer[remaining:]
            self._remaining = 0
            self._mode = _DONE
            return bytes(buffer[:remaining])
        if mode == _UNTIL_CLOSE:
            buffer = self._buffer
            self._buffer = b""
            if self._eof:
                self._mode = _DONE
            return buffer if isinstance(buffer, bytes) else bytes(buffer)
        if mode == _DONE:
            return b""
        if mode == _HEAD:
            raise RuntimeError("read_head() must return the head before the body is read")
        return self._read_chunked()

    def _read_chunked(self) -> bytes:
        buffer = self._buffer
        end = len(buffer)
        position = 0
        mode = self._mode
        remaining = self._remaining
        pieces: List[Union[bytes, bytearray]] = []
        while position < end:
            if mode == _CHUNK_DATA:
                take = min(remaining, end - position)
                pieces.append(buffer[position : position + take])
                position += take
                remaining -= take
                if not remaining:
                    mode = _CHUNK_END
            elif mode == _CHUNK_SIZE:
                line_end = buffer.find(b"\r\n", position, position + MAX_CHUNK_LINE_SIZE)
                if line_end < 0:
                    if end - position >= MAX_CHUNK_LINE_SIZE:
                        raise ProtocolError("a chunk-size line is too long")
                    break
                size_field = buffer[position:line_end].split(b";", 1)[0].rstrip(b" \t")
                if _HEX.fullmatch(size_field) is None:
                    raise ProtocolError(f"invalid chunk size {bytes(size_field[:32])!r}")
                remaining = int(size_field, 16)
                position = line_end + 2
                mode = _CHUNK_DATA if remaining else _TRAILERS
            elif mode == _CHUNK_END:
                if end - position < 2:
                    if buffer[position : position + 1] != b"\r":
                        raise ProtocolError("chunk data is not followed by CRLF")
                    break
                if buffer[position : position + 2] != b"\r\n":
                    raise ProtocolError("chunk data is not followed by CRLF")
                position += 2
                mode = _CHUNK_SIZE
            else:  # _TRAILERS: header lines we ignore, up to and including a blank line
                if buffer[position : position + 2] == b"\r\n":
                    position += 2
                    mode = _DONE
                    break
                if end - position < 2 and buffer[position : position + 1] == b"\r":
                    break
                blank = buffer.find(b"\r\n\r\n", position)
                if blank < 0:
                    if end - position > self._max_head_size:
                        raise ProtocolError("the response trailers are too large")
                    break
                position = blank + 4
                mode = _DONE
                break
        self._buffer = buffer[position:] if position < end else b""
        self._mode = mode
        self._remaining = remaining
        if not pieces:
            if mode != _DONE and self._eof:
                raise ProtocolError("Server disconnected before the chunked response body was complete.")
            return b""
        if len(pieces) == 1:
            return bytes(pieces[0])
        return b"".join(pieces)


def _parse_content_length(value: bytes) -> int:
    if value.isdigit():
        return int(value)
    # "Content-Length: 42, 42" is allowed when every repeat agrees.
    values = {part.strip() for part in value.split(b",")}
    if len(values) == 1:
        only = values.pop()
        if only.isdigit():
            return int(only)
    raise ProtocolError(f"invalid Content-Length {value[:40]!r}")


def request_wants_close(headers: Iterable[Tuple[bytes, bytes]]) -> bool:
    """Whether a request's own Connection header asks to close the connection after it."""
    return any(len(name) == 10 and name.lower() == b"connection" and _says_close(value) for name, value in headers)


def _says_close(connection_header: bytes) -> bool:
    lowered = connection_header.lower()
    return b"close" in lowered and any(token.strip() == b"close" for token in lowered.split(b","))

"""The sans-IO HTTP/1.1 module: request heads, and responses parsed from bytes cut anywhere."""

from __future__ import annotations

from typing import Iterable, List, Optional, Tuple

import pytest

from openai._http.http11 import (
    JOIN_BODY_LIMIT,
    MAX_CHUNK_LINE_SIZE,
    MAX_INTERIM_RESPONSES,
    BodyFramer,
    LocalProtocolError,
    ProtocolError,
    ResponseHead,
    ResponseParser,
    encode_chunk,
    encode_request_head,
    head_and_body,
    request_wants_close,
)

JSON_BODY = b'{"id": "chatcmpl-1", "n": 1}'
CONTENT_LENGTH = (
    b"HTTP/1.1 200 OK\r\n"
    b"Content-Type: application/json\r\n"
    b"Content-Length: 28\r\n"
    b"X-Request-Id: req_123\r\n"
    b"\r\n" + JSON_BODY
)

CHUNKED = (
    b"HTTP/1.1 200 OK\r\n"
    b"Content-Type: text/event-stream\r\n"
    b"Transfer-Encoding: chunked\r\n"
    b"\r\n"
    b'e\r\ndata: {"a":1}\n\r\n'
    b'F;name=value\r\ndata: {"b":22}\n\r\n'
    b"1\r\n\n\r\n"
    b"0\r\n"
    b"X-Trailer: done\r\n"
    b"\r\n"
)
CHUNKED_BODY = b'data: {"a":1}\ndata: {"b":22}\n\n'

OK_HEAD = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
CONTINUE_THEN_OK = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n" + CONTENT_LENGTH


def parse(
    pieces: Iterable[bytes], method: bytes = b"GET", *, eof: bool = False
) -> Tuple[Optional[ResponseHead], bytes, ResponseParser]:
    """Feed the pieces one by one, reading whatever is ready after each, as a transport does."""
    parser = ResponseParser(method)
    head: Optional[ResponseHead] = None
    body: List[bytes] = []
    for piece in pieces:
        parser.feed(piece)
        if head is None:
            head = parser.read_head()
        if head is not None:
            body.append(parser.read_body())
    if eof:
        parser.feed_eof()
        if head is None:
            head = parser.read_head()
        body.append(parser.read_body())
    return head, b"".join(body), parser


def every_split(raw: bytes) -> Iterable[List[bytes]]:
    """The message in two pieces cut at every position, then in three pieces cut at every pair."""
    for cut in range(len(raw) + 1):
        yield [raw[:cut], raw[cut:]]
    for first in range(1, len(raw)):
        for second in range(first + 1, len(raw)):
            yield [raw[:first], raw[first:second], raw[second:]]


# Request heads


def test_request_head_is_serialised_in_order() -> None:
    head = encode_request_head(
        b"POST", b"/v1/chat/completions?x=1", [(b"Host", b"api.example.com"), (b"Content-Length", b"2")]
    )
    assert head == (b"POST /v1/chat/completions?x=1 HTTP/1.1\r\nHost: api.example.com\r\nContent-Length: 2\r\n\r\n")


def test_request_head_without_headers() -> None:
    assert encode_request_head(b"GET", b"/", []) == b"GET / HTTP/1.1\r\n\r\n"


@pytest.mark.parametrize("value", [b"a\r\nInjected: yes", b"a\nInjected: yes", b"a\rb", b"a\x00b", b"\r\n"], ids=repr)
def test_request_head_refuses_line_breaks_and_nul_in_values(value: bytes) -> None:
    with pytest.raises(LocalProtocolError):
        encode_request_head(b"GET", b"/", [(b"X-Test", value)])


@pytest.mark.parametrize("name", [b"Bad Name", b"Bad:Name", b"", b"Na\tme", "Ü".encode()], ids=repr)
def test_request_head_refuses_invalid_header_names(name: bytes) -> None:
    with pytest.raises(LocalProtocolError):
        encode_request_head(b"GET", b"/", [(name, b"v")])


@pytest.mark.parametrize(
    ("method", "target"), [(b"GET", b"/a b"), (b"GET", b""), (b"G ET", b"/"), (b"GET\r\n", b"/")], ids=repr
)
def test_request_head_refuses_invalid_request_lines(method: bytes, target: bytes) -> None:
    with pytest.raises(LocalProtocolError):
        encode_request_head(method, target, [])


def test_chunk_encoding() -> None:
    assert encode_chunk(b"hello world, 26 bytes long") == b"1a\r\nhello world, 26 bytes long\r\n"


def test_a_small_body_goes_out_with_the_head_and_a_large_one_after_it() -> None:
    assert head_and_body(b"HEAD", b"body") == (b"HEADbody",)
    assert head_and_body(b"HEAD", b"") == (b"HEAD",)
    large = b"x" * (JOIN_BODY_LIMIT + 1)
    assert head_and_body(b"HEAD", large) == (b"HEAD", large)


def test_a_chunked_body_is_framed_and_ended() -> None:
    framer = BodyFramer([(b"Transfer-Encoding", b"chunked")])
    assert [framer.frame(b"ab"), framer.frame(b"cde")] == [b"2\r\nab\r\n", b"3\r\ncde\r\n"]
    assert framer.end() == b"0\r\n\r\n"


def test_a_body_is_held_to_its_content_length() -> None:
    exact = BodyFramer([(b"content-length", b"4")])
    assert exact.frame(b"ab") + exact.frame(b"cd") == b"abcd" and exact.end() == b""
    with pytest.raises(LocalProtocolError, match="longer"):
        BodyFramer([(b"Content-Length", b"3")]).frame(b"abcd")
    short = BodyFramer([(b"Content-Length", b"5")])
    short.frame(b"abc")
    with pytest.raises(LocalProtocolError, match="shorter"):
        short.end()


def test_request_wants_close() -> None:
    assert request_wants_close([(b"Host", b"x"), (b"Connection", b"Keep-Alive, Close")])
    assert not request_wants_close([(b"connection", b"keep-alive")])
    assert not request_wants_close([(b"X-Connection", b"close")])


# Responses, cut at every point


def test_content_length_response_at_every_split_point() -> None:
    for pieces in every_split(CONTENT_LENGTH):
        head, body, parser = parse(pieces)
        assert head is not None, pieces
        assert head.status_code == 200
        assert head.reason == b"OK"
        assert head.http_version == b"HTTP/1.1"
        assert head.headers == [
            (b"Content-Type", b"application/json"),
            (b"Content-Length", b"28"),
            (b"X-Request-Id", b"req_123"),
        ]
        assert body == JSON_BODY
        assert parser.done and parser.reusable, pieces


def test_chunked_response_at_every_split_point() -> None:
    for pieces in every_split(CHUNKED):
        head, body, parser = parse(pieces)
        assert head is not None and head.status_code == 200
        assert body == CHUNKED_BODY, pieces
        assert parser.done and parser.reusable, pieces


def test_interim_responses_are_skipped_at_every_split_point() -> None:
    for pieces in every_split(CONTINUE_THEN_OK):
        head, body, parser = parse(pieces)
        assert head is not None and head.status_code == 200, pieces
        assert body == JSON_BODY
        assert parser.done


def test_byte_at_a_time() -> None:
    for raw, expected in ((CONTENT_LENGTH, JSON_BODY), (CHUNKED, CHUNKED_BODY)):
        head, body, parser = parse([raw[i : i + 1] for i in range(len(raw))])
        assert head is not None
        assert body == expected
        assert parser.reusable


def test_close_delimited_body_ends_at_eof_and_closes() -> None:
    raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nsome text that runs until close"
    for pieces in every_split(raw[:60]):
        head, body, parser = parse([*pieces, raw[60:]], eof=True)
        assert head is not None
        assert body == b"some text that runs until close"
        assert parser.done
        assert not parser.keep_alive and not parser.reusable


def test_close_delimited_body_is_not_done_before_eof() -> None:
    _, body, parser = parse([b"HTTP/1.1 200 OK\r\n\r\npartial"])
    assert body == b"partial"
    assert not parser.done


def test_a_whole_response_in_one_piece_returns_the_body_at_once() -> None:
    parser = ResponseParser(b"GET")
    parser.feed(CONTENT_LENGTH)
    assert parser.read_head() is not None
    assert parser.read_body() == JSON_BODY
    assert parser.done
    assert parser.read_body() == b""


# Framing decisions


@pytest.mark.parametrize("status", [204, 304])
def test_no_body_statuses(status: int) -> None:
    head, body, parser = parse([b"HTTP/1.1 %d Whatever\r\nContent-Length: 10\r\n\r\n" % status])
    assert head is not None and head.status_code == status
    assert body == b""
    assert parser.done and parser.reusable


def test_head_request_has_no_body() -> None:
    head, body, parser = parse([b"HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n"], method=b"HEAD")
    assert head is not None
    assert body == b""
    assert parser.done and parser.reusable


def test_zero_content_length_is_done_at_once() -> None:
    _, body, parser = parse([b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"])
    assert body == b"" and parser.done and parser.reusable


def test_switching_protocols_is_final_and_closes() -> None:
    head, _, parser = parse([b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n"])
    assert head is not None and head.status_code == 101
    assert parser.done and not parser.reusable


@pytest.mark.parametrize(
    ("head", "reusable"),
    [
        (b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n", True),
        (b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n", False),
        (b"HTTP/1.1 200 OK\r\nConnection: Keep-Alive, CLOSE\r\nContent-Length: 2\r\n\r\n", False),
        (b"HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\n", True),
        (b"HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n", False),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n", False),
    ],
)
def test_keep_alive_decision(head: bytes, reusable: bool) -> None:
    raw = head if head.endswith(b"0\r\n\r\n") else head + b"ok"
    _, body, parser = parse([raw])
    assert body == b"ok"
    assert parser.done
    assert parser.reusable is reusable


def test_the_request_asking_to_close_makes_the_connection_not_reusable() -> None:
    parser = ResponseParser(b"GET", keep_alive=False)
    parser.feed(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    assert parser.read_head() is not None
    assert parser.done and not parser.reusable


def test_extra_bytes_after_the_response_make_the_connection_not_reusable() -> None:
    _, body, parser = parse([b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\n"])
    assert body == b"ok"
    assert parser.done and not parser.reusable


def test_eof_after_a_complete_response_makes_the_connection_not_reusable() -> None:
    _, _, parser = parse([b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"], eof=True)
    assert parser.done and not parser.reusable


def test_transfer_encoding_not_ending_in_chunked_reads_until_close() -> None:
    _, body, parser = parse([b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nabc"], eof=True)
    assert body == b"abc" and parser.done and not parser.reusable


def test_chunked_after_another_coding_is_chunked() -> None:
    _, body, parser = parse([b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"])
    assert body == b"abc" and parser.reusable


def test_repeated_equal_content_lengths_are_accepted() -> None:
    _, body, parser = parse([b"HTTP/1.1 200 OK\r\nContent-Length: 3, 3\r\nContent-Length: 3, 3\r\n\r\nabc"])
    assert body == b"abc" and parser.done


def test_bare_lf_line_endings_and_folded_headers() -> None:
    raw = b"HTTP/1.1 200 OK\nX-Folded: first\n  second\nContent-Length: 2\n\nok"
    for pieces in every_split(raw):
        head, body, parser = parse(pieces)
        assert head is not None, pieces
        assert head.headers == [(b"X-Folded", b"first second"), (b"Content-Length", b"2")]
        assert body == b"ok" and parser.done


def test_status_line_without_reason_and_header_whitespace() -> None:
    head, _, _ = parse([b"HTTP/1.1 404\r\nX-A:  spaced value \t\r\nX-Empty:\r\nContent-Length: 0\r\n\r\n"])
    assert head is not None
    assert (head.status_code, head.reason) == (404, b"")
    assert head.headers[:2] == [(b"X-A", b"spaced value"), (b"X-Empty", b"")]


def test_large_streamed_body_is_returned_without_loss() -> None:
    payload = bytes(range(256)) * 4096
    raw = b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(payload) + payload
    pieces = [raw[i : i + 65536] for i in range(0, len(raw), 65536)]
    _, body, parser = parse(pieces)
    assert body == payload and parser.reusable


# Errors and limits


@pytest.mark.parametrize(
    "raw",
    [
        b"HTTP/2 200 OK\r\n\r\n",
        b"ICY 200 OK\r\n\r\n",
        b"HTTP/1.1 20 OK\r\n\r\n",
        b"HTTP/1.1 2000 OK\r\n\r\n",
        b"HTTP/1.1\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n",
        b"HTTP/1.1 200 OK\r\n: empty name\r\n\r\n",
        b"HTTP/1.1 200 OK\r\n folded first\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: 1e3\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: 3, 4\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n",
    ],
    ids=repr,
)
def test_malformed_heads_raise(raw: bytes) -> None:
    parser = ResponseParser(b"GET")
    parser.feed(raw)
    with pytest.raises(ProtocolError):
        parser.read_head()


@pytest.mark.parametrize(
    "body",
    [b"0x3\r\nabc\r\n0\r\n\r\n", b"1_0\r\n", b" 3\r\nabc\r\n", b"\r\n", b"3\r\nabcX\r\n", b"12345678901234567\r\n"],
    ids=repr,
)
def test_malformed_chunked_bodies_raise(body: bytes) -> None:
    parser = ResponseParser(b"GET")
    parser.feed(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body)
    assert parser.read_head() is not None
    with pytest.raises(ProtocolError):
        parser.read_body()


def test_head_size_limit() -> None:
    parser = ResponseParser(b"GET", max_head_size=1024)
    parser.feed(b"HTTP/1.1 200 OK\r\n")
    for _ in range(40):
        parser.feed(b"X-Filler: " + b"x" * 20 + b"\r\n")
        if parser.buffered > 1024:
            break
        assert parser.read_head() is None
    with pytest.raises(ProtocolError, match="larger than 1024"):
        parser.read_head()


def test_head_size_limit_applies_to_a_complete_head_too() -> None:
    parser = ResponseParser(b"GET", max_head_size=64)
    parser.feed(b"HTTP/1.1 200 OK\r\nX-Filler: " + b"x" * 100 + b"\r\n\r\n")
    with pytest.raises(ProtocolError, match="larger than 64"):
        parser.read_head()


def test_chunk_line_size_limit() -> None:
    parser = ResponseParser(b"GET")
    parser.feed(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
    assert parser.read_head() is not None
    parser.feed(b"5;" + b"e" * (MAX_CHUNK_LINE_SIZE // 2))
    assert parser.read_body() == b""
    parser.feed(b"e" * MAX_CHUNK_LINE_SIZE)
    with pytest.raises(ProtocolError, match="too long"):
        parser.read_body()


def test_trailer_size_limit() -> None:
    parser = ResponseParser(b"GET", max_head_size=128)
    parser.feed(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T: " + b"t" * 200)
    assert parser.read_head() is not None
    with pytest.raises(ProtocolError, match="trailers"):
        parser.read_body()


def test_eof_before_any_byte() -> None:
    parser = ResponseParser(b"GET")
    assert parser.received_nothing
    parser.feed_eof()
    with pytest.raises(ProtocolError, match="without sending a response"):
        parser.read_head()


def test_eof_in_the_middle_of_the_head() -> None:
    parser = ResponseParser(b"GET")
    parser.feed(b"HTTP/1.1 200 OK\r\nContent-")
    assert parser.read_head() is None
    assert not parser.received_nothing
    parser.feed_eof()
    with pytest.raises(ProtocolError, match="middle of the response head"):
        parser.read_head()


def test_eof_before_the_content_length_is_reached_returns_what_came_then_raises() -> None:
    parser = ResponseParser(b"GET")
    parser.feed(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")
    assert parser.read_head() is not None
    parser.feed_eof()
    assert parser.read_body() == b"abc"
    with pytest.raises(ProtocolError, match="7 more bytes"):
        parser.read_body()


def test_eof_in_a_chunked_body_returns_what_came_then_raises() -> None:
    parser = ResponseParser(b"GET")
    parser.feed(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabc")
    assert parser.read_head() is not None
    parser.feed_eof()
    assert parser.read_body() == b"abc"
    with pytest.raises(ProtocolError, match="chunked"):
        parser.read_body()


def test_reading_the_body_before_the_head_is_a_usage_error() -> None:
    parser = ResponseParser(b"GET")
    with pytest.raises(RuntimeError):
        parser.read_body()


# What a strict parser refuses instead of guessing


@pytest.mark.parametrize(
    "head",
    [
        b"HTTP/1.1 200 OK\r\nContent-Length : 2\r\n\r\nok",  # a space before the colon
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Bad\tName: 1\r\n\r\nok",
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX Two: words\r\n\r\nok",
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Nul: a\x00b\r\n\r\nok",
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Cr: a\rb\r\n\r\nok",
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Vt: a\x0bb\r\n\r\nok",
    ],
)
def test_a_malformed_header_line_is_refused(head: bytes) -> None:
    with pytest.raises(ProtocolError):
        parse([head])


def test_endless_interim_responses_are_refused() -> None:
    with pytest.raises(ProtocolError, match="interim"):
        parse([b"HTTP/1.1 100 Continue\r\n\r\n" * (MAX_INTERIM_RESPONSES + 1) + OK_HEAD])


def test_a_few_interim_responses_are_skipped() -> None:
    head, body, _ = parse([b"HTTP/1.1 100 Continue\r\n\r\n" * MAX_INTERIM_RESPONSES + OK_HEAD])
    assert head is not None and head.status_code == 200 and body == b"ok"


@pytest.mark.parametrize("value", [b"a\x0bb", b"a\x0cb", b"a\x7fb", b"a\x1bb"])
def test_a_request_header_value_with_a_control_byte_is_refused(value: bytes) -> None:
    with pytest.raises(LocalProtocolError):
        encode_request_head(b"GET", b"/", [(b"X-Value", value)])


def test_a_tab_in_a_request_header_value_is_allowed() -> None:
    assert b"X-Value: a\tb\r\n" in encode_request_head(b"GET", b"/", [(b"X-Value", b"a\tb")])

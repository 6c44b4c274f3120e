"""The sans-IO SSE decoder, fed the way a network delivers bytes: in arbitrary pieces."""

from __future__ import annotations

import pytest

from openai._streams.sse import ServerSentEvent, SSEDecoder


def decode(*chunks: bytes) -> list[ServerSentEvent]:
    decoder = SSEDecoder()
    events = [event for chunk in chunks for event in decoder.feed(chunk)]
    return events + decoder.flush()


def summary(events: list[ServerSentEvent]) -> list[tuple[str | None, str, str | None]]:
    return [(event.event, event.data, event.id) for event in events]


STREAM = (
    b": keep-alive comment\n"
    b'event: delta\nid: 7\ndata: {"a":\n'
    b"data: 1}\n\n"
    b"data: second\r\n\r\n"
    b"data:no-space\r\rretry: 1500\ndata: \xc3\xa9t\xc3\xa9\n\n"
    b"data: [DONE]\n\n"
)
EXPECTED = [
    ("delta", '{"a":\n1}', "7"),
    (None, "second", "7"),
    (None, "no-space", "7"),
    (None, "\u00e9t\u00e9", "7"),
    (None, "[DONE]", "7"),
]


def test_whole_stream() -> None:
    assert summary(decode(STREAM)) == EXPECTED


@pytest.mark.parametrize("split", range(1, len(STREAM)))
def test_split_at_every_byte_boundary(split: int) -> None:
    assert summary(decode(STREAM[:split], STREAM[split:])) == EXPECTED


def test_one_byte_at_a_time() -> None:
    assert summary(decode(*(STREAM[i : i + 1] for i in range(len(STREAM))))) == EXPECTED


def test_crlf_split_between_chunks_is_one_line_end() -> None:
    # "\r" then "\n" in the next chunk must not produce an extra blank line (an empty dispatch).
    events = decode(b"data: a\r", b"\n\r", b"\ndata: b\r\n\r\n")
    assert [event.data for event in events] == ["a", "b"]


def test_retry_field_and_invalid_retry() -> None:
    events = decode(b"retry: 2500\ndata: x\n\nretry: soon\ndata: y\n\n")
    assert [(event.retry, event.data) for event in events] == [(2500, "x"), (None, "y")]


def test_event_without_data_is_not_dispatched() -> None:
    assert decode(b"event: ping\n\ndata: real\n\n")[0].data == "real"
    assert len(decode(b"event: ping\n\n")) == 0


def test_unknown_fields_and_field_without_colon_are_ignored() -> None:
    events = decode(b"foo: bar\ndata\ndata: z\n\n")
    # A bare "data" line is a data field with an empty value.
    assert [event.data for event in events] == ["\nz"]


def test_unterminated_last_event_is_dropped_but_reported() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: complete\n\ndata: partial") != []
    assert decoder.in_event
    assert decoder.flush() == []


def test_json() -> None:
    (event,) = decode(b'data: {"k": [1, 2]}\n\n')
    assert event.json() == {"k": [1, 2]}


def test_a_named_default_event_is_a_plain_data_event() -> None:
    import httpx

    from openai._streams.events import parse_event
    from openai.types.chat import ChatCompletionChunk

    chunk = '{"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": []}'
    request = httpx.Request("POST", "http://127.0.0.1/v1/chat/completions")
    for name in (None, "message"):
        parsed = parse_event(ChatCompletionChunk, ServerSentEvent(data=chunk, event=name), request)
        assert isinstance(parsed, ChatCompletionChunk) and parsed.id == "c"

"""The websocket sessions' sans-IO parts: URLs, handshake headers, backoff, the send queue, event parsing,
and that ``import openai`` loads no websocket module."""

from __future__ import annotations

import json
import logging
import subprocess
import sys

import pytest

from openai import OpenAIError, WebSocketQueueFullError
from openai._types import omit
from openai._websocket import (
    EventParser,
    SendQueue,
    UnknownServerEvent,
    azure_realtime_url,
    close_code,
    encode_client_event,
    handshake_headers,
    handshake_logger,
    reconnect_delay,
    websocket_url,
)
from openai.types.realtime import RealtimeServerEvent, ResponseTextDeltaEvent
from openai.types.realtime.session_update_event import SessionUpdateEvent
from openai.types.responses import ResponsesServerEvent


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        ("https://api.openai.com/v1", "wss://api.openai.com/v1/realtime?model=m"),
        ("https://api.openai.com/v1/", "wss://api.openai.com/v1/realtime?model=m"),
        ("http://127.0.0.1:8000/v1", "ws://127.0.0.1:8000/v1/realtime?model=m"),
        ("http://proxy.local/v1?tenant=a", "ws://proxy.local/v1/realtime?tenant=a&model=m"),
    ],
)
def test_realtime_url_from_the_base_url(base_url: str, expected: str) -> None:
    assert websocket_url(base_url, None, "/realtime", {"model": "m"}) == expected


def test_websocket_base_url_wins_and_query_comes_last() -> None:
    url = websocket_url("https://api.openai.com/v1", "wss://edge.example/base/", "/responses", {"a": 1, "b": True})
    assert url == "wss://edge.example/base/responses?a=1&b=true"
    assert websocket_url("http://h/v1?x=1", None, "/realtime", {"x": "2", "gone": omit}) == "ws://h/v1/realtime?x=2"


def test_bad_urls_and_query_values_are_named() -> None:
    with pytest.raises(ValueError, match="'ftp'"):
        websocket_url("ftp://h/v1", None, "/realtime", {})
    with pytest.raises(TypeError, match="'model'"):
        websocket_url("http://h/v1", None, "/realtime", {"model": ["a"]})


def test_azure_realtime_url() -> None:
    url = azure_realtime_url(
        "https://res.openai.azure.com/openai/deployments/dep",
        None,
        api_version="2025-04-01-preview",
        deployment="dep",
        query={"call_id": "c1"},
    )
    assert url == "wss://res.openai.azure.com/openai/realtime?call_id=c1&api-version=2025-04-01-preview&deployment=dep"
    custom = azure_realtime_url("https://x/openai", "wss://edge/openai", api_version="v", deployment="d", query={})
    assert custom == "wss://edge/openai/realtime?api-version=v&deployment=d"
    with pytest.raises(OpenAIError, match="deployment"):
        azure_realtime_url("https://x/openai", None, api_version="v", deployment="", query={})


def test_handshake_headers() -> None:
    headers = handshake_headers(
        auth={"Authorization": "Bearer k"},
        client_headers={"OpenAI-Organization": "o", "OpenAI-Project": "p", "Accept": "application/json"},
        extra_headers={"openai-project": omit, "X-Extra": "1"},
        beta=True,
    )
    assert headers == {
        "Authorization": "Bearer k",
        "OpenAI-Organization": "o",
        "OpenAI-Beta": "realtime=v1",
        "X-Extra": "1",
    }
    with pytest.raises(ValueError, match="line break"):
        handshake_headers(auth={}, client_headers={}, extra_headers={"X-Bad": "a\r\nInjected: 1"})
    with pytest.raises(TypeError, match="'X-Num'"):
        handshake_headers(auth={}, client_headers={}, extra_headers={"X-Num": 3})


def test_reconnect_delay_doubles_caps_and_jitters_downwards() -> None:
    assert [reconnect_delay(n, 0.5, 8.0, jitter=lambda: 0.0) for n in range(1, 7)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    assert reconnect_delay(3, 0.5, 8.0, jitter=lambda: 1.0) == 1.5
    assert all(1.5 <= reconnect_delay(3, 0.5, 8.0) <= 2.0 for _ in range(200))


def test_send_queue_counts_bytes_and_keeps_order() -> None:
    queue = SendQueue(10)
    queue.put("ab")
    queue.put("é" * 4)  # 8 bytes in UTF-8
    assert (len(queue), queue.size) == (2, 10)
    with pytest.raises(WebSocketQueueFullError, match="max_queue_size=10"):
        queue.put("x")
    assert queue.first() == "ab"
    queue.pop_first()
    assert queue.size == 8
    assert queue.drain() == ["éééé"] and queue.size == 0 and queue.first() is None
    for bad in (-1, 1.5, True):
        with pytest.raises(ValueError, match="max_queue_size"):
            SendQueue(bad)  # type: ignore[arg-type]


def test_encode_client_event() -> None:
    model = SessionUpdateEvent.model_validate({"type": "session.update", "session": {"type": "realtime"}})
    assert json.loads(encode_client_event(model)) == {"type": "session.update", "session": {"type": "realtime"}}
    assert (
        encode_client_event({"type": "response.create", "event_id": "é"}) == '{"type":"response.create","event_id":"é"}'
    )
    with pytest.raises(ValueError, match="type"):
        encode_client_event({"type": ""})
    with pytest.raises(TypeError, match="cannot be sent as JSON"):
        encode_client_event({"type": "x", "when": object()})


def test_event_parser_keeps_unknown_events_and_names_garbage() -> None:
    parser = EventParser(RealtimeServerEvent)
    delta = parser(
        '{"type":"response.output_text.delta","event_id":"e","response_id":"r","item_id":"i",'
        '"output_index":0,"content_index":0,"delta":"hi"}'
    )
    assert isinstance(delta, ResponseTextDeltaEvent) and delta.delta == "hi"
    # A known type with a field missing is still built, leniently, as its own class.
    partial = parser(b'{"type":"response.output_text.delta","delta":"x"}')
    assert isinstance(partial, ResponseTextDeltaEvent) and partial.delta == "x"
    unknown = parser(b'{"type":"conversation.brand_new","payload":{"a":1}}')
    assert isinstance(unknown, UnknownServerEvent)
    assert unknown.type == "conversation.brand_new" and unknown.payload == {"a": 1}  # type: ignore[attr-defined]
    for garbage in (b"not json", b"[1, 2]", b'{"type": 3}'):
        with pytest.raises(OpenAIError, match="websocket message"):
            parser(garbage)
    assert "response.completed" in EventParser(ResponsesServerEvent)._known


def test_close_code() -> None:
    class Frame:
        code = 1012

    class Closed(Exception):
        rcvd = Frame()

    class Dropped(Exception):
        rcvd = None

    assert close_code(Closed()) == 1012
    assert close_code(Dropped()) == 1006


def test_the_handshake_logger_masks_credentials(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="websockets.client")
    logger = handshake_logger()
    logger.debug("> %s: %s", "Authorization", "Bearer sk-hidden")
    logger.debug("> %s: %s", "api-key", "az-hidden")
    logger.debug("> %s: %s", "OpenAI-Project", "proj")
    assert "sk-hidden" not in caplog.text and "az-hidden" not in caplog.text
    assert "Authorization: <redacted>" in caplog.text and "OpenAI-Project: proj" in caplog.text


def test_import_openai_loads_no_websocket_module() -> None:
    code = (
        "import sys, openai\n"
        "client = openai.OpenAI(api_key='k')\n"
        "client.realtime, client.responses, client.beta.realtime, client.beta.responses\n"
        "print(sorted(m for m in sys.modules if m.startswith('websockets') or m == 'openai._websocket'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"

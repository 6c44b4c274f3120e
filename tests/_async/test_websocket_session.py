"""A websocket session's reconnection and send queue, driven by scripted sockets: no network, every step known."""

from __future__ import annotations

from typing import Any, List, Optional, Union

import pytest
from websockets.exceptions import ConnectionClosedError, ConnectionClosedOK
from websockets.frames import Close

from openai import WebSocketConnectionClosedError, WebSocketQueueFullError
from openai._async.resources.realtime._connection import AsyncRealtimeConnection
from openai._websocket import SendQueue
from openai.types.websocket_reconnection import ReconnectingEvent, ReconnectingOverrides

CREATED = b'{"type":"session.created","event_id":"e1","session":{}}'
UPDATED = b'{"type":"session.updated","event_id":"e2","session":{}}'


def dropped() -> ConnectionClosedError:
    return ConnectionClosedError(None, None)  # no close frame: 1006


def closed_with(code: int) -> ConnectionClosedError:
    return ConnectionClosedError(Close(code, "bye"), None)


class ScriptedSocket:
    """Plays back ``script`` from recv (a message, or an exception to raise); send fails once ``broken``."""

    def __init__(self, *script: Union[bytes, BaseException], broken: bool = False) -> None:
        self.script = list(script)
        self.sent: List[str] = []
        self.closes: List[int] = []
        self.broken = broken

    async def send(self, message: str) -> None:
        if self.broken:
            raise dropped()
        self.sent.append(message)

    async def recv(self, decode: Optional[bool] = None) -> Union[str, bytes]:
        step = self.script.pop(0) if self.script else ConnectionClosedOK(Close(1000, ""), Close(1000, ""))
        if isinstance(step, BaseException):
            self.broken = True
            raise step
        return step

    async def close(self, code: int = 1000, reason: str = "") -> None:
        self.closes.append(code)


class Opener:
    """Hands out the next socket for each reconnection attempt (an exception: that attempt fails)."""

    def __init__(self, *sockets: Union[ScriptedSocket, BaseException]) -> None:
        self.sockets = list(sockets)
        self.calls: List[Any] = []

    async def __call__(self, query: Any, headers: Any) -> ScriptedSocket:
        self.calls.append((dict(query), dict(headers)))
        step = self.sockets.pop(0)
        if isinstance(step, BaseException):
            raise step
        return step


def session(
    socket: ScriptedSocket, opener: Opener, seen: List[ReconnectingEvent], *, max_retries: int = 3, queue: int = 1000
) -> AsyncRealtimeConnection:
    def on_reconnecting(event: ReconnectingEvent) -> Optional[ReconnectingOverrides]:
        seen.append(event)
        return None

    return AsyncRealtimeConnection(
        socket,  # type: ignore[arg-type]
        opener=opener,  # type: ignore[arg-type]
        on_reconnecting=on_reconnecting,
        max_retries=max_retries,
        initial_delay=0,
        max_delay=0,
        extra_query={"q": "1"},
        extra_headers={},
        queue=SendQueue(queue),
    )


async def test_events_sent_while_down_are_queued_and_flushed_in_order_after_reconnecting() -> None:
    first = ScriptedSocket(CREATED, dropped())
    second = ScriptedSocket(UPDATED)
    seen: List[ReconnectingEvent] = []
    opener = Opener(OSError("refused"), second)
    connection = session(first, opener, seen)

    assert (await connection.recv()).type == "session.created"
    first.broken = True  # the peer is gone; the client has not read the close yet
    await connection.send({"type": "session.update", "session": {}})
    await connection.response.create()
    assert first.sent == []

    assert (await connection.recv()).type == "session.updated"  # after one failed attempt, the second works
    assert [event.attempt for event in seen] == [1, 2]
    assert {event.close_code for event in seen} == {1006}
    assert second.sent == ['{"type":"session.update","session":{}}', '{"type":"response.create"}']
    assert first.closes == [1000] and opener.calls[0] == ({"q": "1"}, {})


async def test_when_reconnecting_fails_the_unsent_events_are_handed_back() -> None:
    first = ScriptedSocket(dropped(), broken=True)
    seen: List[ReconnectingEvent] = []
    connection = session(first, Opener(OSError("a"), OSError("b")), seen, max_retries=2)
    await connection.send({"type": "response.create"})

    with pytest.raises(WebSocketConnectionClosedError) as raised:
        await connection.recv()
    assert raised.value.unsent_messages == ['{"type":"response.create"}']
    assert isinstance(raised.value.__cause__, ConnectionClosedError)
    assert [event.attempt for event in seen] == [1, 2] and seen[0].max_attempts == 2


async def test_the_queue_bounds_what_waits_for_a_connection() -> None:
    connection = session(ScriptedSocket(broken=True), Opener(), [], queue=40)
    await connection.send({"type": "response.create"})  # 26 bytes
    with pytest.raises(WebSocketQueueFullError):
        await connection.send({"type": "response.create"})


async def test_a_close_on_purpose_is_not_reconnected() -> None:
    seen: List[ReconnectingEvent] = []
    connection = session(ScriptedSocket(closed_with(1008)), Opener(), seen)
    with pytest.raises(ConnectionClosedError):
        await connection.recv()
    assert seen == []


async def test_a_restarting_server_is_reconnected() -> None:
    seen: List[ReconnectingEvent] = []
    connection = session(ScriptedSocket(closed_with(1012)), Opener(ScriptedSocket(CREATED)), seen)
    assert (await connection.recv()).type == "session.created"
    assert [event.close_code for event in seen] == [1012]


async def test_without_reconnection_a_failed_send_names_the_event() -> None:
    connection = AsyncRealtimeConnection(
        ScriptedSocket(broken=True),  # type: ignore[arg-type]
        opener=None,
        on_reconnecting=None,
        max_retries=5,
        initial_delay=0,
        max_delay=0,
        extra_query={},
        extra_headers={},
        queue=SendQueue(),
    )
    with pytest.raises(WebSocketConnectionClosedError) as raised:
        await connection.input_audio_buffer.commit(event_id="c1")
    assert raised.value.unsent_messages == ['{"type":"input_audio_buffer.commit","event_id":"c1"}']

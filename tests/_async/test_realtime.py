"""Websocket sessions (``connect()`` on realtime, beta.realtime, responses, beta.responses) against the loopback
websocket server: whole sessions, errors, unknown events, reconnection, the send queue, closing, Azure URLs, secrets."""

from __future__ import annotations

import logging
import sys
from typing import Any, AsyncIterator, Iterator, List

import pytest

from openai import AsyncAzureOpenAI, AsyncOpenAI, OpenAIError, WebSocketConnectionClosedError, WebSocketQueueFullError
from openai._websocket import UnknownServerEvent, connection_closed_errors
from openai.testing import LoopbackWebSocketServer
from openai.types.realtime import RealtimeErrorEvent, ResponseDoneEvent, ResponseTextDeltaEvent
from openai.types.websocket_reconnection import ReconnectingEvent, ReconnectingOverrides

KEY = "sk-loopback-secret-4242"
USER_TEXT = "the quick brown fox"


@pytest.fixture
def ws_server() -> Iterator[LoopbackWebSocketServer]:
    with LoopbackWebSocketServer(api_key=KEY) as server:
        yield server


@pytest.fixture
async def api(ws_server: LoopbackWebSocketServer) -> AsyncIterator[AsyncOpenAI]:
    async with AsyncOpenAI(api_key=KEY, base_url=ws_server.base_url, organization="org-7", project="proj-9") as client:
        yield client


def user_message(text: str) -> Any:
    return {"type": "message", "role": "user", "content": [{"type": "input_text", "text": text}]}


async def read_until(connection: Any, last_type: str) -> List[Any]:
    events: List[Any] = []
    async for event in connection:
        events.append(event)
        if event.type == last_type:
            return events
    raise AssertionError(f"the session ended before {last_type}: {[e.type for e in events]}")


async def test_full_realtime_session(api: AsyncOpenAI, ws_server: LoopbackWebSocketServer) -> None:
    async with api.realtime.connect(model="gpt-realtime") as connection:
        assert (await connection.recv()).type == "session.created"
        await connection.session.update(session={"type": "realtime", "instructions": "echo"})
        await connection.conversation.item.create(item=user_message(USER_TEXT))
        await connection.response.create()
        events = await read_until(connection, "response.done")

    types = [event.type for event in events]
    assert types[:3] == ["session.updated", "conversation.item.created", "response.created"]
    deltas = [event for event in events if isinstance(event, ResponseTextDeltaEvent)]
    assert "".join(delta.delta for delta in deltas) == USER_TEXT
    assert types[-2:] == ["response.output_text.done", "response.done"]
    done = events[-1]
    assert isinstance(done, ResponseDoneEvent) and done.response.status == "completed"
    assert [event["type"] for event in ws_server.events] == [
        "session.update",
        "conversation.item.create",
        "response.create",
    ]
    handshake = ws_server.handshakes[0]
    assert handshake.path == "/v1/realtime" and handshake.query == {"model": "gpt-realtime"}
    assert handshake.headers["authorization"] == f"Bearer {KEY}"
    assert handshake.headers["openai-organization"] == "org-7"
    assert handshake.headers["openai-project"] == "proj-9"
    assert "openai-beta" not in handshake.headers


async def test_every_realtime_helper_sends_its_event(api: AsyncOpenAI, ws_server: LoopbackWebSocketServer) -> None:
    async with api.realtime.connect(model="m") as connection:
        await connection.conversation.item.create(item=user_message("hi"), event_id="ev1")
        created = (await read_until(connection, "conversation.item.created"))[-1]
        item_id = created.item.id
        await connection.conversation.item.retrieve(item_id=item_id)
        await connection.conversation.item.truncate(item_id=item_id, content_index=0, audio_end_ms=10)
        await connection.conversation.item.delete(item_id=item_id)
        await connection.input_audio_buffer.append(audio="AAAA")
        await connection.input_audio_buffer.commit()
        await connection.input_audio_buffer.clear()
        await connection.output_audio_buffer.clear()
        await connection.response.cancel(response_id="resp_1")
        events = await read_until(connection, "output_audio_buffer.cleared")

    assert [event.type for event in events] == [
        "conversation.item.retrieved",
        "conversation.item.truncated",
        "conversation.item.deleted",
        "input_audio_buffer.committed",
        "input_audio_buffer.cleared",
        "output_audio_buffer.cleared",
    ]
    sent = ws_server.events
    assert sent[0] == {"type": "conversation.item.create", "item": user_message("hi"), "event_id": "ev1"}
    assert sent[3] == {"type": "conversation.item.delete", "item_id": item_id}
    assert sent[4] == {"type": "input_audio_buffer.append", "audio": "AAAA"}
    assert sent[-1] == {"type": "response.cancel", "response_id": "resp_1"}


async def test_beta_realtime_opts_in_and_updates_transcription(
    api: AsyncOpenAI, ws_server: LoopbackWebSocketServer
) -> None:
    async with api.beta.realtime.connect(model="gpt-4o-realtime-preview") as connection:
        await connection.transcription_session.update(session={"input_audio_format": "pcm16"})
        events = await read_until(connection, "transcription_session.updated")
    assert events[-1].session.input_audio_format == "pcm16"
    assert ws_server.handshakes[0].headers["openai-beta"] == "realtime=v1"


async def test_full_responses_session(api: AsyncOpenAI, ws_server: LoopbackWebSocketServer) -> None:
    async with api.responses.connect() as connection:
        await connection.response.create(model="gpt-5", input=USER_TEXT)
        events = await read_until(connection, "response.completed")
    assert events[0].type == "response.created"
    assert "".join(e.delta for e in events if e.type == "response.output_text.delta") == USER_TEXT
    assert events[-1].response.output[0].content[0].text == USER_TEXT
    assert ws_server.handshakes[0].path == "/v1/responses"
    assert ws_server.events == [{"type": "response.create", "model": "gpt-5", "input": USER_TEXT}]


async def test_beta_responses_inject(api: AsyncOpenAI, ws_server: LoopbackWebSocketServer) -> None:
    async with api.beta.responses.connect() as connection:
        output = {"type": "function_call_output", "call_id": "call_1", "output": "42"}
        await connection.response.inject(input=[output], response_id="resp_9")
        event = await connection.recv()
    assert event.type == "response.inject.created"
    assert ws_server.events == [{"type": "response.inject", "input": [output], "response_id": "resp_9"}]


async def test_an_error_event_is_an_event(api: AsyncOpenAI) -> None:
    async with api.realtime.connect(model="m", extra_query={"loopback_error": "model overloaded"}) as connection:
        await connection.send({"type": "no.such.event", "event_id": "mine"})
        await connection.response.create()
        first, second = await read_until(connection, "error"), await read_until(connection, "error")
    unknown, overloaded = first[-1], second[-1]
    assert isinstance(unknown, RealtimeErrorEvent) and unknown.error.event_id == "mine"
    assert isinstance(overloaded, RealtimeErrorEvent) and overloaded.error.message == "model overloaded"


async def test_unknown_server_events_are_kept(api: AsyncOpenAI) -> None:
    async with api.realtime.connect(model="m", extra_query={"loopback_unknown": "1"}) as connection:
        assert (await connection.recv()).type == "session.created"
        surprise = await connection.recv()
    assert isinstance(surprise, UnknownServerEvent)
    assert surprise.type == "loopback.surprise"
    assert surprise.detail == "not in any spec"  # type: ignore[attr-defined]


async def test_drop_and_reconnect_with_overrides(api: AsyncOpenAI, ws_server: LoopbackWebSocketServer) -> None:
    seen: List[ReconnectingEvent] = []

    def on_reconnecting(event: ReconnectingEvent) -> ReconnectingOverrides:
        seen.append(event)
        # The next connection goes without the scripted drop, and says which attempt it is.
        return {"extra_query": {}, "extra_headers": {"X-Attempt": str(event.attempt)}}

    manager = api.realtime.connect(
        model="m",
        extra_query={"loopback_drop_after": "2"},
        on_reconnecting=on_reconnecting,
        initial_delay=0,
        max_delay=0,
    )
    async with manager as connection:
        await connection.session.update(session={"type": "realtime"})
        events = await read_until(connection, "session.updated")
        assert (await connection.recv()).type == "session.created"  # the second connection's greeting
        await connection.conversation.item.create(item=user_message("after the drop"))
        await connection.response.create()
        events = await read_until(connection, "response.done")

    assert len(seen) == 1
    assert (seen[0].attempt, seen[0].max_attempts, seen[0].close_code) == (1, 5, 1006)
    assert seen[0].extra_query == {"loopback_drop_after": "2"}
    assert seen[0].delay == 0
    assert "".join(e.delta for e in events if e.type == "response.output_text.delta") == "after the drop"
    first, second = ws_server.handshakes
    assert first.query == {"model": "m", "loopback_drop_after": "2"} and "x-attempt" not in first.headers
    assert second.query == {"model": "m"} and second.headers["x-attempt"] == "1"


async def test_reconnecting_can_be_stopped(api: AsyncOpenAI) -> None:
    seen: List[int] = []

    def stop(event: ReconnectingEvent) -> ReconnectingOverrides:
        seen.append(event.attempt)
        return {"abort": True}

    closed, _ = connection_closed_errors()
    async with api.realtime.connect(
        model="m", extra_query={"loopback_drop_after": "1"}, on_reconnecting=stop, initial_delay=0
    ) as connection:
        assert (await connection.recv()).type == "session.created"
        with pytest.raises(closed):
            await connection.recv()
    assert seen == [1]


async def test_without_a_handler_a_drop_is_not_retried(api: AsyncOpenAI, ws_server: LoopbackWebSocketServer) -> None:
    closed, _ = connection_closed_errors()
    async with api.realtime.connect(model="m", extra_query={"loopback_drop_after": "1"}) as connection:
        await connection.recv()
        with pytest.raises(closed):
            await connection.recv()
    assert len(ws_server.handshakes) == 1


async def test_events_queued_before_entering_are_sent_first_and_bounded(
    api: AsyncOpenAI, ws_server: LoopbackWebSocketServer
) -> None:
    manager = api.realtime.connect(model="m", max_queue_size=200)
    manager.send({"type": "session.update", "session": {"type": "realtime"}})
    with pytest.raises(WebSocketQueueFullError, match="max_queue_size=200"):
        manager.send({"type": "input_audio_buffer.append", "audio": "A" * 200})
    # Measured in bytes: 75 two-byte characters do not fit in what is left, 75 one-byte ones do.
    with pytest.raises(WebSocketQueueFullError):
        manager.send({"type": "input_audio_buffer.append", "audio": "é" * 75})
    manager.send({"type": "input_audio_buffer.append", "audio": "a" * 75})
    async with manager as connection:
        await read_until(connection, "session.updated")
    assert [event["type"] for event in ws_server.events] == ["session.update", "input_audio_buffer.append"]


async def test_close_twice_and_use_after_close(api: AsyncOpenAI) -> None:
    async with api.realtime.connect(model="m") as connection:
        await connection.recv()
        await connection.close()
        await connection.close()
        with pytest.raises(WebSocketConnectionClosedError) as raised:
            await connection.response.create()
        assert raised.value.unsent_messages == ['{"type":"response.create"}']
        assert [event async for event in connection] == []
    await connection.close()  # after the block closed it too


async def test_azure_realtime_url_and_key(ws_server: LoopbackWebSocketServer) -> None:
    root = ws_server.base_url.rsplit("/v1", 1)[0]
    async with AsyncAzureOpenAI(
        api_key=KEY, azure_endpoint=root, api_version="2025-04-01-preview", azure_deployment="my-dep"
    ) as azure:
        async with azure.realtime.connect(model="ignored", extra_query={"x": "1"}) as connection:
            assert (await connection.recv()).type == "session.created"
    handshake = ws_server.handshakes[0]
    assert handshake.path == "/openai/realtime"
    assert handshake.query == {"x": "1", "api-version": "2025-04-01-preview", "deployment": "my-dep"}
    assert handshake.headers["api-key"] == KEY and "authorization" not in handshake.headers


async def test_a_key_function_is_called_per_connection(ws_server: LoopbackWebSocketServer) -> None:
    calls: List[int] = []

    async def key() -> str:
        calls.append(1)
        return KEY

    async with AsyncOpenAI(api_key=key, base_url=ws_server.base_url) as client:
        async with client.responses.connect() as connection:
            await connection.response.create(model="m", input="x")
            await read_until(connection, "response.completed")
    assert calls == [1]


async def test_the_key_is_never_logged_or_shown(
    api: AsyncOpenAI, ws_server: LoopbackWebSocketServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    manager = api.realtime.connect(
        model="m", extra_query={"loopback_drop_after": "2"}, on_reconnecting=lambda e: None, initial_delay=0
    )
    async with manager as connection:
        await connection.session.update(session={"type": "realtime"})
        await read_until(connection, "session.updated")
        await connection.recv()
        shown = [repr(manager), repr(connection), repr(connection.session), str(connection.__dict__.keys())]
    async with AsyncOpenAI(api_key="sk-wrong-secret-1234", base_url=ws_server.base_url) as wrong:
        with pytest.raises(Exception) as refused:
            async with wrong.realtime.connect(model="m"):
                pass
    assert "401" in str(refused.value)
    for text in [caplog.text, *shown, str(refused.value), repr(refused.value)]:
        assert KEY not in text and "sk-wrong-secret-1234" not in text


async def test_bad_arguments_are_named(api: AsyncOpenAI) -> None:
    with pytest.raises(ValueError, match="max_retries"):
        api.realtime.connect(model="m", max_retries=-1)
    with pytest.raises(ValueError, match="max_queue_size"):
        api.responses.connect(max_queue_size=-5)
    with pytest.raises(ValueError, match="initial_delay"):
        api.responses.connect(initial_delay=float("nan"))
    async with api.realtime.connect(model="m") as connection:
        with pytest.raises(ValueError, match="type"):
            await connection.send({"session": {}})  # type: ignore[typeddict-item]
        with pytest.raises(TypeError, match="mapping or a model"):
            await connection.send("session.update")  # type: ignore[arg-type]


async def test_without_websockets_the_extra_is_named(api: AsyncOpenAI, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("websockets", "websockets.asyncio.client", "websockets.sync.client"):
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(ImportError, match=r"pip install 'openai\[realtime\]'") as raised:
        async with api.realtime.connect(model="m"):
            pass
    assert isinstance(raised.value, OpenAIError)


async def test_dispatch_events_calls_the_registered_handlers(api: AsyncOpenAI) -> None:
    deltas: List[str] = []
    seen: List[str] = []
    manager = api.realtime.connect(model="m")
    manager.once("session.created", lambda event: seen.append("created once"))

    async with manager as connection:

        async def on_done(event: Any) -> None:
            seen.append(event.type)
            await connection.close()  # ends dispatch_events

        connection.on("response.output_text.delta", lambda event: deltas.append(event.delta))
        connection.on("response.done", on_done)

        @connection.on("event")
        def every(event: Any) -> None:
            seen.append("*")

        connection.off("event", every)
        await connection.conversation.item.create(item=user_message(USER_TEXT))
        await connection.response.create()
        await connection.dispatch_events()
    assert "".join(deltas) == USER_TEXT
    assert seen == ["created once", "response.done"]


async def test_dispatch_events_raises_an_error_nobody_handles(api: AsyncOpenAI) -> None:
    async with api.realtime.connect(model="m") as connection:
        await connection.send({"type": "no.such.event"})
        with pytest.raises(OpenAIError, match="error event"):
            await connection.dispatch_events()

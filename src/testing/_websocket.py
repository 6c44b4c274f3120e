"""A loopback websocket endpoint with scripted Realtime and Responses sessions, for tests, examples and benchmarks.

    from openai.testing import loopback_websocket_server

    with loopback_websocket_server(api_key="sk-test") as server:
        client = OpenAI(base_url=server.base_url, api_key="sk-test")
        with client.realtime.connect(model="gpt-realtime") as connection:
            ...

A path ending in ``/realtime`` gets a Realtime session, one ending in ``/responses`` a Responses session. The
session repeats the last user text back as a response, one ``*.output_text.delta`` event per word, then the
done events. A client event of a type the session does not know is answered with an ``error`` event, as the
API does. The handshake's query (``extra_query=``) scripts the rest:

- ``loopback_drop_after=N``: drop the TCP connection, with no close frame, once N events were sent on it;
- ``loopback_error=MESSAGE``: answer each ``response.create`` with an ``error`` event carrying MESSAGE;
- ``loopback_unknown=1``: send an event of a type no spec lists (``loopback.surprise``) after the first one;
- ``loopback_deltas=N``: stream each response as N delta events, whatever its text.

Needs the ``websockets`` package (the ``realtime`` extra); the server runs on a thread of its own.
"""

from __future__ import annotations

import itertools
import json
import socket
import threading
from types import TracebackType
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Set
from urllib.parse import parse_qsl, urlsplit

if TYPE_CHECKING:
    from websockets.http11 import Request, Response
    from websockets.sync.server import Server, ServerConnection

__all__ = ["LoopbackWebSocketServer", "ReceivedHandshake", "loopback_websocket_server"]

_MAX_DELTAS = 1_000_000


class ReceivedHandshake:
    """One websocket opening handshake as the server received it (``headers`` keyed in lower case)."""

    __slots__ = ("headers", "path", "query")

    def __init__(self, path: str, query: Dict[str, str], headers: Dict[str, str]) -> None:
        self.path = path
        self.query = query
        self.headers = headers

    def __repr__(self) -> str:
        return f"<ReceivedHandshake {self.path} {sorted(self.query)}>"


class _Closed(Exception):
    """The script dropped the connection on purpose."""


class _Session:
    """One connection's script: counts what it sends, and drops the socket when told to."""

    def __init__(self, connection: ServerConnection, query: Dict[str, str], ids: Iterator[int]) -> None:
        self.connection = connection
        self.sent = 0
        self.ids = ids
        self.drop_after = _int(query.get("loopback_drop_after"), 0)
        self.error = query.get("loopback_error")
        self.unknown = query.get("loopback_unknown") == "1"
        self.deltas = min(_int(query.get("loopback_deltas"), 0), _MAX_DELTAS)
        self.last_text = ""
        self.items: Dict[str, Dict[str, Any]] = {}
        self.delta_cache: Dict[str, str] = {}

    def next_id(self, prefix: str) -> str:
        return f"{prefix}_{next(self.ids)}"

    def send(self, event: Dict[str, Any]) -> None:
        self.send_text(json.dumps(event))

    def send_text(self, text: str) -> None:
        self.connection.send(text)
        self.sent += 1
        if self.unknown and self.sent == 1:
            self.unknown = False
            self.send({"type": "loopback.surprise", "event_id": self.next_id("event"), "detail": "not in any spec"})
        if self.drop_after and self.sent >= self.drop_after:
            # Gone without a close frame, as when a network path or a server dies: the client sees 1006.
            try:
                self.connection.socket.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self.connection.socket.close()
            raise _Closed

    def words(self) -> List[str]:
        words = self.last_text.split() or ["(silence)"]
        if self.deltas:
            words = [words[index % len(words)] for index in range(self.deltas)]
        return words


def _int(raw: Optional[str], default: int) -> int:
    try:
        return max(int(raw), 0) if raw is not None else default
    except ValueError:
        return default


def _text_of(content: Any) -> str:
    """The text of a message item's content, or of a Responses input (str or list of items)."""
    if isinstance(content, str):
        return content
    parts: List[str] = []
    if isinstance(content, list):
        for part in content:
            if isinstance(part, dict):
                if isinstance(part.get("text"), str):
                    parts.append(part["text"])
                elif isinstance(part.get("transcript"), str):
                    parts.append(part["transcript"])
                elif "content" in part:
                    parts.append(_text_of(part["content"]))
    return " ".join(part for part in parts if part)


class LoopbackWebSocketServer:
    """A websocket server on 127.0.0.1 playing scripted Realtime and Responses sessions.

    ``api_key``, when set, is the only key accepted (``Authorization: Bearer`` or Azure's ``api-key``);
    a handshake without it gets HTTP 401. ``handshakes`` and ``events`` record what clients sent.
    ``compression=None`` turns permessage-deflate off (a benchmark then measures the client, not zlib).
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        api_key: Optional[str] = None,
        compression: Optional[str] = "deflate",
    ) -> None:
        self._compression = compression
        self._host = host
        self._port = port
        self._api_key = api_key
        self._server: Optional[Server] = None
        self._thread: Optional[threading.Thread] = None
        self._lock = threading.Lock()
        self._live: Set[ServerConnection] = set()
        self._ids = itertools.count(1)
        self.handshakes: List[ReceivedHandshake] = []
        self.events: List[Dict[str, Any]] = []

    def __repr__(self) -> str:
        state = "running" if self._server is not None else "stopped"
        return f"<LoopbackWebSocketServer {state} {self._host}:{self._port}>"

    @property
    def base_url(self) -> str:
        """The API root to give a client: ``http://127.0.0.1:<port>/v1``."""
        return f"http://{self._host}:{self.port}/v1"

    @property
    def port(self) -> int:
        """The port listened on (the one picked when started with 0)."""
        if self._server is None:
            raise RuntimeError("The loopback websocket server is not running; call start() first")
        return int(self._server.socket.getsockname()[1])

    def start(self) -> LoopbackWebSocketServer:
        """Listen and serve on a background thread."""
        try:
            from websockets.sync.server import serve
        except ImportError as exc:
            raise ImportError(
                "The loopback websocket server needs the `websockets` package: pip install 'openai[realtime]'"
            ) from exc
        if self._server is not None:
            raise RuntimeError("The loopback websocket server is already running")
        from .._websocket import handshake_logger

        self._server = serve(
            self._handle,
            self._host,
            self._port,
            process_request=self._check,
            compression=self._compression,
            logger=handshake_logger("websockets.server"),
        )
        self._thread = threading.Thread(target=self._server.serve_forever, name="loopback-websocket", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Close every connection, stop listening and wait for the serving thread."""
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        with self._lock:
            live = list(self._live)
        for connection in live:
            connection.close()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def __enter__(self) -> LoopbackWebSocketServer:
        return self.start()

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        self.stop()

    def received(self, event_type: str) -> List[Dict[str, Any]]:
        """The client events of one type received so far, oldest first."""
        with self._lock:
            return [event for event in self.events if event.get("type") == event_type]

    def _check(self, connection: ServerConnection, request: Request) -> Optional[Response]:
        split = urlsplit(request.path)
        headers = {name.lower(): value for name, value in request.headers.raw_items()}
        with self._lock:
            self.handshakes.append(ReceivedHandshake(split.path, dict(parse_qsl(split.query)), headers))
        if self._api_key is not None:
            offered = {headers.get("authorization"), "Bearer " + headers.get("api-key", "")}
            if f"Bearer {self._api_key}" not in offered:
                return connection.respond(401, "Incorrect API key provided\n")
        if not split.path.endswith(("/realtime", "/responses")):
            return connection.respond(404, f"No websocket endpoint at {split.path}\n")
        return None

    def _handle(self, connection: ServerConnection) -> None:
        assert connection.request is not None
        split = urlsplit(connection.request.path)
        session = _Session(connection, dict(parse_qsl(split.query)), self._ids)
        with self._lock:
            self._live.add(connection)
        try:
            if split.path.endswith("/realtime"):
                self._realtime(session)
            else:
                self._responses(session)
        except _Closed:
            pass
        finally:
            with self._lock:
                self._live.discard(connection)

    def _incoming(self, session: _Session) -> Iterator[Dict[str, Any]]:
        from websockets.exceptions import ConnectionClosed

        try:
            for message in session.connection:
                try:
                    event = json.loads(message)
                except ValueError:
                    event = {"type": None, "raw": str(message)[:200]}
                if not isinstance(event, dict):
                    event = {"type": None, "raw": str(message)[:200]}
                with self._lock:
                    self.events.append(event)
                yield event
        except ConnectionClosed:
            return

    def _realtime(self, s: _Session) -> None:
        s.send({"type": "session.created", "event_id": s.next_id("event"), "session": {"id": s.next_id("sess")}})
        for event in self._incoming(s):
            kind = event.get("type")
            event_id = s.next_id("event")
            if kind == "session.update":
                session = event.get("session") if isinstance(event.get("session"), dict) else {}
                s.send({"type": "session.updated", "event_id": event_id, "session": session})
            elif kind == "transcription_session.update":
                session = event.get("session") if isinstance(event.get("session"), dict) else {}
                s.send({"type": "transcription_session.updated", "event_id": event_id, "session": session})
            elif kind == "conversation.item.create" and isinstance(event.get("item"), dict):
                item = {"object": "realtime.item", **event["item"]}
                item.setdefault("id", s.next_id("item"))
                s.items[item["id"]] = item
                if item.get("role") == "user":
                    s.last_text = _text_of(item.get("content"))
                previous = event.get("previous_item_id")
                s.send(
                    {
                        "type": "conversation.item.created",
                        "event_id": event_id,
                        "previous_item_id": previous,
                        "item": item,
                    }
                )
            elif kind == "conversation.item.retrieve" and event.get("item_id") in s.items:
                s.send({"type": "conversation.item.retrieved", "event_id": event_id, "item": s.items[event["item_id"]]})
            elif kind == "conversation.item.delete" and event.get("item_id") in s.items:
                del s.items[event["item_id"]]
                s.send({"type": "conversation.item.deleted", "event_id": event_id, "item_id": event["item_id"]})
            elif kind == "conversation.item.truncate" and event.get("item_id") in s.items:
                s.send(
                    {
                        "type": "conversation.item.truncated",
                        "event_id": event_id,
                        "item_id": event["item_id"],
                        "content_index": event.get("content_index", 0),
                        "audio_end_ms": event.get("audio_end_ms", 0),
                    }
                )
            elif kind == "input_audio_buffer.append":
                continue
            elif kind == "input_audio_buffer.commit":
                s.send({"type": "input_audio_buffer.committed", "event_id": event_id, "item_id": s.next_id("item")})
            elif kind == "input_audio_buffer.clear":
                s.send({"type": "input_audio_buffer.cleared", "event_id": event_id})
            elif kind == "output_audio_buffer.clear":
                s.send({"type": "output_audio_buffer.cleared", "event_id": event_id, "response_id": ""})
            elif kind == "response.cancel":
                continue
            elif kind == "response.create" and s.error is None:
                self._realtime_response(s)
            else:
                message = s.error if kind == "response.create" and s.error else f"Unknown or invalid event: {kind!r}"
                s.send(
                    {
                        "type": "error",
                        "event_id": event_id,
                        "error": {
                            "type": "invalid_request_error",
                            "code": "loopback_error" if s.error else "invalid_event",
                            "message": message,
                            "param": None,
                            "event_id": event.get("event_id"),
                        },
                    }
                )

    def _realtime_response(self, s: _Session) -> None:
        response_id, item_id = s.next_id("resp"), s.next_id("item")
        response: Dict[str, Any] = {
            "id": response_id,
            "object": "realtime.response",
            "status": "in_progress",
            "output": [],
        }
        s.send({"type": "response.created", "event_id": s.next_id("event"), "response": response})
        words = s.words()
        head = {"response_id": response_id, "item_id": item_id, "output_index": 0, "content_index": 0}
        for index, word in enumerate(words):
            delta = word if index == 0 else " " + word
            text = s.delta_cache.get(delta)
            if text is None:
                text = json.dumps(
                    {"type": "response.output_text.delta", "event_id": "event_delta", **head, "delta": delta}
                )
                s.delta_cache[delta] = text
            s.send_text(text)
        full = " ".join(words)
        s.send({"type": "response.output_text.done", "event_id": s.next_id("event"), **head, "text": full})
        item = {
            "id": item_id,
            "object": "realtime.item",
            "type": "message",
            "role": "assistant",
            "status": "completed",
            "content": [{"type": "output_text", "text": full}],
        }
        done = {**response, "status": "completed", "output": [item]}
        s.send({"type": "response.done", "event_id": s.next_id("event"), "response": done})

    def _responses(self, s: _Session) -> None:
        sequence = itertools.count()
        for event in self._incoming(s):
            kind = event.get("type")
            if kind == "response.create" and s.error is None:
                s.last_text = _text_of(event.get("input"))
                self._responses_response(s, event, sequence)
            elif kind == "response.inject" and isinstance(event.get("response_id"), str):
                s.send(
                    {
                        "type": "response.inject.created",
                        "response_id": event["response_id"],
                        "sequence_number": next(sequence),
                    }
                )
            else:
                message = s.error if kind == "response.create" and s.error else f"Unknown or invalid event: {kind!r}"
                s.send(
                    {
                        "type": "error",
                        "status": 400,
                        "sequence_number": next(sequence),
                        "error": {
                            "type": "invalid_request_error",
                            "code": "invalid_event",
                            "message": message,
                            "param": None,
                        },
                    }
                )

    def _responses_response(self, s: _Session, event: Dict[str, Any], sequence: Iterator[int]) -> None:
        response_id, item_id = s.next_id("resp"), s.next_id("msg")
        response: Dict[str, Any] = {
            "id": response_id,
            "object": "response",
            "created_at": 0,
            "model": event.get("model", "loopback"),
            "status": "in_progress",
            "output": [],
            "parallel_tool_calls": True,
            "tool_choice": "auto",
            "tools": [],
        }
        s.send({"type": "response.created", "sequence_number": next(sequence), "response": response})
        words = s.words()
        for index, word in enumerate(words):
            s.send(
                {
                    "type": "response.output_text.delta",
                    "sequence_number": next(sequence),
                    "item_id": item_id,
                    "output_index": 0,
                    "content_index": 0,
                    "delta": word if index == 0 else " " + word,
                    "logprobs": [],
                }
            )
        full = " ".join(words)
        s.send(
            {
                "type": "response.output_text.done",
                "sequence_number": next(sequence),
                "item_id": item_id,
                "output_index": 0,
                "content_index": 0,
                "text": full,
                "logprobs": [],
            }
        )
        message = {
            "id": item_id,
            "type": "message",
            "role": "assistant",
            "status": "completed",
            "content": [{"type": "output_text", "text": full, "annotations": []}],
        }
        done = {**response, "status": "completed", "output": [message]}
        s.send({"type": "response.completed", "sequence_number": next(sequence), "response": done})


def loopback_websocket_server(
    host: str = "127.0.0.1", port: int = 0, *, api_key: Optional[str] = None, compression: Optional[str] = "deflate"
) -> LoopbackWebSocketServer:
    """A :class:`LoopbackWebSocketServer`, not yet started: use it as a context manager."""
    return LoopbackWebSocketServer(host, port, api_key=api_key, compression=compression)

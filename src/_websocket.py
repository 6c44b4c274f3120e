"""The websocket sessions' logic that does no I/O, written once for both twins.

URLs and handshake headers as the API expects them, the reconnection backoff, the byte-bounded
queue of events waiting for a connection, and turning server messages into the spec's event
models (an event type this package does not know is kept, never dropped). The ``websockets``
package is imported only by the functions that need it, so importing ``openai`` loads none of it.
"""

from __future__ import annotations

import functools
import json
import logging
import random
import typing
from collections import deque
from typing import TYPE_CHECKING, Any, Callable, Deque, Dict, FrozenSet, List, Mapping, Optional, Union

import httpx
import pydantic
import typing_extensions
from typing_extensions import get_args, get_origin

from ._errors import OpenAIError, WebSocketQueueFullError
from ._models import BaseModel, construct_type, validate_json
from ._types import NotGiven, Omit

if TYPE_CHECKING:
    from websockets.exceptions import ConnectionClosed

__all__ = [
    "DEFAULT_MAX_QUEUE_SIZE",
    "REALTIME_PATH",
    "RESPONSES_PATH",
    "EventHandlers",
    "EventParser",
    "MissingWebSocketsError",
    "SendQueue",
    "UnknownServerEvent",
    "azure_realtime_url",
    "close_code",
    "connection_closed_errors",
    "encode_client_event",
    "handshake_headers",
    "handshake_logger",
    "missing_websockets_error",
    "reconnect_delay",
    "websocket_url",
]

REALTIME_PATH = "/realtime"
RESPONSES_PATH = "/responses"
#: What ``max_queue_size`` defaults to: 1 MiB of events waiting for a connection.
DEFAULT_MAX_QUEUE_SIZE = 1_048_576
# The close code websockets reports when the peer vanished without a close frame.
_ABNORMAL_CLOSE = 1006
_WS_SCHEMES = {"http": "ws", "https": "wss", "ws": "ws", "wss": "wss"}
_EXCERPT = 200


class MissingWebSocketsError(OpenAIError, ImportError):
    """``connect()`` needs the ``websockets`` package, which the ``realtime`` extra installs."""


def missing_websockets_error() -> MissingWebSocketsError:
    """The error ``connect()`` raises when ``websockets`` cannot be imported."""
    return MissingWebSocketsError(
        "Websocket sessions (connect()) need the `websockets` package: pip install 'openai[realtime]'"
    )


@functools.cache
def connection_closed_errors() -> tuple[type[ConnectionClosed], type[ConnectionClosed]]:
    """``websockets``' (ConnectionClosed, ConnectionClosedOK): any close, and a normal one."""
    try:
        from websockets.exceptions import ConnectionClosed, ConnectionClosedOK
    except ImportError as exc:  # pragma: no cover - connect() fails first without the package
        raise missing_websockets_error() from exc
    return ConnectionClosed, ConnectionClosedOK


def close_code(error: BaseException) -> int:
    """The close code a ``ConnectionClosed`` carries; 1006 when no close frame arrived."""
    received = getattr(error, "rcvd", None)
    code = getattr(received, "code", None)
    return code if isinstance(code, int) else _ABNORMAL_CLOSE


def _query_value(name: str, value: object) -> Optional[str]:
    if value is None or isinstance(value, (NotGiven, Omit)):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    raise TypeError(f"Query parameter {name!r} must be a str, int, float or bool, not {type(value).__name__}")


def _with_path(url: httpx.URL, path: str, query: Mapping[str, object]) -> str:
    scheme = _WS_SCHEMES.get(url.scheme)
    if scheme is None:
        raise ValueError(f"A websocket URL needs an http, https, ws or wss base URL, not {url.scheme!r}: {url}")
    params: Dict[str, str] = dict(url.params.multi_items())
    for name, raw in query.items():
        value = _query_value(name, raw)
        if value is None:
            params.pop(name, None)
        else:
            params[name] = value
    joined = url.copy_with(scheme=scheme, path=url.path.rstrip("/") + path, query=None)
    return str(joined.copy_merge_params(params)) if params else str(joined)


def websocket_url(
    base_url: Union[str, httpx.URL],
    websocket_base_url: Union[str, httpx.URL, None],
    path: str,
    query: Mapping[str, object],
) -> str:
    """The ``ws://`` / ``wss://`` URL of a session: ``websocket_base_url`` when the client has one, else
    the API base URL with http -> ws and https -> wss, then ``path``; ``query`` entries come last and win."""
    root = httpx.URL(str(websocket_base_url if websocket_base_url is not None else base_url))
    return _with_path(root, path, query)


def azure_realtime_url(
    base_url: Union[str, httpx.URL],
    websocket_base_url: Union[str, httpx.URL, None],
    *,
    api_version: str,
    deployment: str,
    query: Mapping[str, object],
) -> str:
    """Azure's realtime URL: the resource's ``/openai/realtime`` with ``api-version`` and ``deployment`` in the query.

    The deployment travels in the query, so a base URL pinned to ``/deployments/{name}`` is cut back to its root.
    """
    if not deployment:
        raise OpenAIError("An Azure realtime session needs a deployment: pass model= or azure_deployment=")
    root = httpx.URL(str(websocket_base_url if websocket_base_url is not None else base_url))
    if websocket_base_url is None and "/deployments/" in root.path:
        root = root.copy_with(path=root.path[: root.path.index("/deployments/")])
    return _with_path(root, REALTIME_PATH, {**query, "api-version": api_version, "deployment": deployment})


def handshake_headers(
    *,
    auth: Mapping[str, str],
    client_headers: Mapping[str, str],
    extra_headers: Mapping[str, object],
    beta: bool = False,
) -> Dict[str, str]:
    """The opening handshake's headers: credentials, organization and project, the beta opt-in
    where the API wants it, then ``extra_headers`` (an ``Omit`` value removes a header)."""
    headers: Dict[str, str] = dict(auth)
    for name in ("OpenAI-Organization", "OpenAI-Project"):
        if name in client_headers:
            headers[name] = client_headers[name]
    if beta:
        headers["OpenAI-Beta"] = "realtime=v1"
    for name, value in extra_headers.items():
        matches = [key for key in headers if key.lower() == name.lower()]
        for key in matches:
            del headers[key]
        if isinstance(value, (Omit, NotGiven)) or value is None:
            continue
        if not isinstance(value, str):
            raise TypeError(f"Header {name!r} must be a str, not {type(value).__name__}")
        if "\r" in value or "\n" in value or "\r" in name or "\n" in name:
            raise ValueError(f"Header {name!r} must not contain a line break")
        headers[name] = value
    return headers


_SECRET_HEADERS = frozenset({"authorization", "api-key", "proxy-authorization"})


class _RedactingLogger(logging.LoggerAdapter):  # type: ignore[type-arg]
    """``websockets``' own logger with credential header values masked: at DEBUG it logs every header."""

    def log(self, level: int, msg: object, *args: object, **kwargs: Any) -> None:
        if len(args) == 2 and isinstance(args[0], str) and args[0].lower() in _SECRET_HEADERS:
            args = (args[0], "<redacted>")
        super().log(level, msg, *args, **kwargs)


def handshake_logger(name: str = "websockets.client") -> logging.LoggerAdapter:  # type: ignore[type-arg]
    """The logger given to ``websockets``: its usual one, never showing a credential."""
    return _RedactingLogger(logging.getLogger(name), {})


def reconnect_delay(
    attempt: int, initial_delay: float, max_delay: float, jitter: Callable[[], float] = random.random
) -> float:
    """Seconds to wait before reconnection ``attempt`` (from 1): doubling from ``initial_delay``, capped
    at ``max_delay``, less up to a quarter at random so many clients do not come back at once."""
    base = min(initial_delay * 2.0 ** (attempt - 1), max_delay)
    return float(base * (1 - 0.25 * jitter()))


class SendQueue:
    """Client events waiting for a connection, bounded by their total size in bytes (UTF-8)."""

    def __init__(self, max_bytes: int = DEFAULT_MAX_QUEUE_SIZE) -> None:
        if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 0:
            raise ValueError(f"max_queue_size must be an int of at least 0 bytes, not {max_bytes!r}")
        self._max_bytes = max_bytes
        self._items: Deque[tuple[str, int]] = deque()
        self._size = 0

    @property
    def size(self) -> int:
        """Bytes queued."""
        return self._size

    def __len__(self) -> int:
        return len(self._items)

    def put(self, message: str) -> None:
        """Queue ``message``; raise :class:`WebSocketQueueFullError` when it would go over the limit."""
        size = len(message.encode("utf-8"))
        if self._size + size > self._max_bytes:
            raise WebSocketQueueFullError(
                f"The websocket send queue is full: a {size}-byte event does not fit in the "
                f"{self._max_bytes - self._size} bytes left of max_queue_size={self._max_bytes}"
            )
        self._items.append((message, size))
        self._size += size

    def first(self) -> Optional[str]:
        """The oldest message, left in the queue until :meth:`pop_first` says it was sent."""
        return self._items[0][0] if self._items else None

    def pop_first(self) -> None:
        """Drop the oldest message, once sent."""
        _, size = self._items.popleft()
        self._size -= size

    def drain(self) -> List[str]:
        """Every queued message, oldest first, leaving the queue empty."""
        messages = [message for message, _ in self._items]
        self._items.clear()
        self._size = 0
        return messages


def encode_client_event(event: object) -> str:
    """A client event as the JSON text sent: a model (fields set, API names) or a mapping with a ``type``."""
    if isinstance(event, pydantic.BaseModel):
        return event.model_dump_json(exclude_unset=True, by_alias=True)
    if not isinstance(event, Mapping):
        raise TypeError(f"A client event must be a mapping or a model, not {type(event).__name__}")
    if not isinstance(event.get("type"), str) or not event["type"]:
        raise ValueError("A client event needs a non-empty str `type`, e.g. {'type': 'response.create'}")
    try:
        return json.dumps(event, separators=(",", ":"), ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"The {event['type']!r} event cannot be sent as JSON: {exc}") from exc


class EventHandlers:
    """Handlers registered with ``on`` / ``once`` per event type (``"event"`` for every event)."""

    def __init__(self) -> None:
        self._handlers: Dict[str, List[tuple[Callable[..., Any], bool]]] = {}

    def add(self, event_type: str, handler: Callable[..., Any], *, once: bool = False) -> None:
        """Register ``handler``; registering it twice calls it twice."""
        if not isinstance(event_type, str) or not event_type:
            raise ValueError(f"event_type must be a non-empty str, not {event_type!r}")
        if not callable(handler):
            raise TypeError(f"An event handler must be callable, not {type(handler).__name__}")
        self._handlers.setdefault(event_type, []).append((handler, once))

    def remove(self, event_type: str, handler: Callable[..., Any]) -> None:
        """Unregister the first registration of ``handler`` for ``event_type``, if there is one."""
        entries = self._handlers.get(event_type, [])
        for index, (registered, _) in enumerate(entries):
            if registered == handler:
                del entries[index]
                return

    def take(self, event_type: str) -> List[Callable[..., Any]]:
        """The handlers to call for one event of ``event_type``; ``once`` handlers are dropped as they are taken."""
        entries = self._handlers.get(event_type)
        if not entries:
            return []
        self._handlers[event_type] = [(handler, once) for handler, once in entries if not once]
        return [handler for handler, _ in entries]

    def has(self, event_type: str) -> bool:
        """Whether any handler is registered for ``event_type``."""
        return bool(self._handlers.get(event_type))

    def copy_into(self, other: EventHandlers) -> None:
        """Add every registration here to ``other``, in order."""
        for event_type, entries in self._handlers.items():
            for handler, once in entries:
                other.add(event_type, handler, once=once)


class UnknownServerEvent(BaseModel):
    """A server event whose ``type`` this package does not know; every field the server sent is kept."""

    type: str


# typing.Literal and typing_extensions.Literal are one object on new Pythons, two on old ones.
_LITERALS = frozenset({typing.Literal, typing_extensions.Literal})


def _event_types(union: Any) -> FrozenSet[str]:
    """Every ``type`` tag the members of an event union declare."""
    found: set[str] = set()
    pending = [union]
    while pending:
        current = pending.pop()
        if get_origin(current) is not None:
            pending.extend(get_args(current))
        elif isinstance(current, type) and issubclass(current, pydantic.BaseModel):
            field = current.model_fields.get("type")
            if field is not None and get_origin(field.annotation) in _LITERALS:
                found.update(str(value) for value in get_args(field.annotation))
    return frozenset(found)


class EventParser:
    """Turns each server message into a model of the event union, or :class:`UnknownServerEvent`."""

    def __init__(self, union: Any) -> None:
        self._union = union
        self._known = _event_types(union)

    def __call__(self, data: Union[str, bytes]) -> Any:
        if isinstance(data, str):
            data = data.encode("utf-8")
        fast = validate_json(self._union, data)
        if fast is not None:
            return fast
        try:
            value = json.loads(data)
        except ValueError as exc:
            raise OpenAIError(f"The server sent a websocket message that is not JSON: {_excerpt(data)}") from exc
        if not isinstance(value, dict) or not isinstance(value.get("type"), str):
            raise OpenAIError(f"The server sent a websocket message without a str `type`: {_excerpt(data)}")
        if value["type"] not in self._known:
            return UnknownServerEvent.model_construct(**value)
        return construct_type(self._union, value)


def _excerpt(data: bytes) -> str:
    text = data[:_EXCERPT].decode("utf-8", "replace")
    return text + ("..." if len(data) > _EXCERPT else "")

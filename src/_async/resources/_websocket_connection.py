"""The websocket sessions behind ``connect()``: the connection object and the context manager that opens it.

The realtime and Responses sessions (``client.realtime.connect()``, ``client.responses.connect()`` and their
beta twins) share all of it; each flavour only names its event union and its typed helpers. URL, headers,
backoff, the send queue and event parsing do no I/O and live in ``openai._websocket``.

A connection that drops is opened again only when the caller gave ``on_reconnecting``: the handler sees each
attempt (a ``ReconnectingEvent``) and may change its query or headers, or stop. Events sent while no
connection is up wait in a queue bounded by ``max_queue_size`` bytes and go out, in order, once one is.
"""

from __future__ import annotations

import logging
from types import TracebackType
from typing import TYPE_CHECKING, Any, AsyncIterator, Callable, ClassVar, Dict, Generic, Optional, TypeVar

from ..._concurrency import (
    AsyncWebSocket,
    AsyncWebSocketOpener,
    async_call_handler,
    async_sleep,
    async_ws_close,
    async_ws_connect,
)
from ..._errors import OpenAIError, WebSocketConnectionClosedError
from ..._types import Headers, Omit, Query, omit
from ..._websocket import (
    DEFAULT_MAX_QUEUE_SIZE,
    EventHandlers,
    EventParser,
    SendQueue,
    azure_realtime_url,
    close_code,
    connection_closed_errors,
    encode_client_event,
    handshake_headers,
    reconnect_delay,
    websocket_url,
)
from ...types.websocket_connection_options import WebSocketConnectionOptions
from ...types.websocket_reconnection import ReconnectingEvent, ReconnectingOverrides, is_recoverable_close

if TYPE_CHECKING:
    from .._client import AsyncOpenAI

__all__ = ["AsyncWebSocketSession", "AsyncWebSocketSessionManager", "OnReconnecting", "drop_omitted"]

log = logging.getLogger("openai")

_EventT = TypeVar("_EventT")
_SessionT = TypeVar("_SessionT", bound="AsyncWebSocketSession[Any]")

#: The ``on_reconnecting`` handler: called before each attempt; may return overrides, or ``{"abort": True}``.
OnReconnecting = Callable[[ReconnectingEvent], Optional[ReconnectingOverrides]]


def drop_omitted(event: Dict[str, object]) -> Dict[str, object]:
    """A client event without the fields the caller left out."""
    return {name: value for name, value in event.items() if not isinstance(value, Omit)}


class AsyncWebSocketSession(Generic[_EventT]):
    """A live websocket session: ``send`` client events, ``recv`` (or iterate over) the server's.

    Server events are the spec's models; one whose type this package does not know arrives as an
    ``UnknownServerEvent`` with every field kept. An ``error`` event is an event like any other.
    """

    _parser: ClassVar[EventParser]

    def __init__(
        self,
        socket: AsyncWebSocket,
        *,
        opener: Optional[AsyncWebSocketOpener],
        on_reconnecting: Optional[OnReconnecting],
        max_retries: int,
        initial_delay: float,
        max_delay: float,
        extra_query: Query,
        extra_headers: Headers,
        queue: SendQueue,
    ) -> None:
        self._socket = socket
        self._opener = opener
        self._on_reconnecting = on_reconnecting
        self._max_retries = max_retries
        self._initial_delay = initial_delay
        self._max_delay = max_delay
        self._extra_query = extra_query
        self._extra_headers = extra_headers
        self._queue = queue
        self._closing = False
        self._reconnecting = False
        self._handlers = EventHandlers()

    def __repr__(self) -> str:
        state = "closed" if self._closing else "reconnecting" if self._reconnecting else "open"
        return f"<{type(self).__name__} {state}, {len(self._queue)} queued>"

    async def __aiter__(self) -> AsyncIterator[_EventT]:
        """Every server event until the connection closes normally."""
        _, closed_ok = connection_closed_errors()
        while True:
            try:
                event = await self.recv()
            except closed_ok:
                return
            yield event

    async def recv(self) -> _EventT:
        """The next server event, parsed. Cancelling a wait here loses no message."""
        return self.parse_event(await self.recv_bytes())

    async def recv_bytes(self) -> bytes:
        """The next server message as it arrived. A dropped connection is reopened first when
        ``on_reconnecting`` was given; otherwise the close surfaces as ``websockets``' ConnectionClosed,
        or as :class:`WebSocketConnectionClosedError` when queued events were never sent."""
        closed, _ = connection_closed_errors()
        while True:
            try:
                message = await self._socket.recv(decode=False)
            except closed as exc:
                if await self._reconnect(exc):
                    continue
                unsent = self._queue.drain()
                if unsent:
                    raise WebSocketConnectionClosedError(
                        f"The websocket closed (code {close_code(exc)}) with {len(unsent)} event(s) unsent",
                        unsent_messages=unsent,
                    ) from exc
                raise
            log.debug("websocket message received: %d bytes", len(message))
            return message if isinstance(message, bytes) else message.encode("utf-8")

    def parse_event(self, data: str | bytes) -> _EventT:
        """Turn one raw server message into its event model (for use with ``recv_bytes``)."""
        event: _EventT = self._parser(data)
        return event

    async def send(self, event: Any) -> None:
        """Send a client event: a model or a mapping with its ``type``. While the connection is being
        reopened it waits in the send queue, which raises WebSocketQueueFullError when full."""
        await self.send_raw(encode_client_event(event))

    async def _send_fields(self, event: Dict[str, object]) -> None:
        await self.send_raw(encode_client_event(drop_omitted(event)))

    async def send_raw(self, data: str | bytes) -> None:
        """Send one message as it is (text)."""
        message = data if isinstance(data, str) else data.decode("utf-8")
        if self._closing:
            raise WebSocketConnectionClosedError(
                "The websocket connection was closed; the event was not sent", unsent_messages=[message]
            )
        if self._reconnecting:
            self._queue.put(message)
            return
        closed, _ = connection_closed_errors()
        try:
            await self._socket.send(message)
        except closed as exc:
            if self._will_reconnect(exc):
                # The receiving side reopens the connection and sends this then.
                self._queue.put(message)
                return
            raise WebSocketConnectionClosedError(
                f"The websocket closed (code {close_code(exc)}); the event was not sent", unsent_messages=[message]
            ) from exc

    async def close(self, *, code: int = 1000, reason: str = "") -> None:
        """Close the connection; closing again does nothing."""
        self._closing = True
        await async_ws_close(self._socket, code, reason)

    def on(self, event_type: str, handler: Optional[Callable[..., Any]] = None) -> Any:
        """Call ``handler`` for each event of ``event_type`` (``"event"``: every event) that
        ``dispatch_events`` reads. Without ``handler`` it is a decorator; with one it returns the connection."""
        return _register(self, self._handlers, event_type, handler, once=False)

    def once(self, event_type: str, handler: Optional[Callable[..., Any]] = None) -> Any:
        """As :meth:`on`, for the next such event only."""
        return _register(self, self._handlers, event_type, handler, once=True)

    def off(self, event_type: str, handler: Callable[..., Any]) -> Any:
        """Stop calling ``handler`` for ``event_type``; returns the connection."""
        self._handlers.remove(event_type, handler)
        return self

    async def dispatch_events(self) -> None:
        """Read events until the connection closes, calling the handlers registered for each.

        An ``error`` event that no ``"error"`` or ``"event"`` handler takes raises OpenAIError.
        """
        async for event in self:
            event_type = getattr(event, "type", "")
            specific, every = self._handlers.take(event_type), self._handlers.take("event")
            if event_type == "error" and not specific and not every:
                raise OpenAIError(f"The server sent an error event: {event!r}")
            for handler in (*specific, *every):
                await async_call_handler(handler, event)

    def _will_reconnect(self, error: BaseException) -> bool:
        return (
            self._opener is not None
            and self._on_reconnecting is not None
            and not self._closing
            and is_recoverable_close(close_code(error))
        )

    async def _reconnect(self, error: BaseException) -> bool:
        """Open a new connection after ``error``; False when the caller should see the close instead."""
        if not self._will_reconnect(error):
            return False
        assert self._opener is not None and self._on_reconnecting is not None
        code = close_code(error)
        self._reconnecting = True
        try:
            for attempt in range(1, self._max_retries + 1):
                delay = reconnect_delay(attempt, self._initial_delay, self._max_delay)
                answer = self._on_reconnecting(
                    ReconnectingEvent(
                        attempt=attempt,
                        max_attempts=self._max_retries,
                        delay=delay,
                        close_code=code,
                        extra_query=self._extra_query,
                        extra_headers=self._extra_headers,
                    )
                )
                if answer is not None:
                    if answer.get("abort"):
                        return False
                    self._extra_query = answer.get("extra_query", self._extra_query)
                    self._extra_headers = answer.get("extra_headers", self._extra_headers)
                log.info("websocket closed (code %d); reconnecting in %.2fs (attempt %d)", code, delay, attempt)
                await async_sleep(delay)
                if self._closing:
                    return False
                try:
                    socket = await self._opener(self._extra_query, self._extra_headers)
                except Exception as exc:  # refused, unreachable, or a handshake the server turned down
                    log.info("websocket reconnection attempt %d failed: %s", attempt, type(exc).__name__)
                    continue
                await async_ws_close(self._socket)
                self._socket = socket
                self._reconnecting = False
                await self._flush()
                return True
            return False
        finally:
            self._reconnecting = False

    async def _flush(self) -> None:
        """Send the queued events in order; one that fails stays queued, with those after it."""
        closed, _ = connection_closed_errors()
        while (message := self._queue.first()) is not None:
            try:
                await self._socket.send(message)
            except closed:
                return
            self._queue.pop_first()


def _register(
    owner: Any, handlers: EventHandlers, event_type: str, handler: Optional[Callable[..., Any]], *, once: bool
) -> Any:
    if handler is not None:
        handlers.add(event_type, handler, once=once)
        return owner

    def decorator(function: Callable[..., Any]) -> Callable[..., Any]:
        handlers.add(event_type, function, once=once)
        return function

    return decorator


class AsyncWebSocketSessionManager(Generic[_SessionT]):
    """What ``connect()`` returns: a context manager over a connection, which it closes on the way out.

    ``manager.enter()`` opens one without the block; the caller then closes it.
    """

    _session_class: ClassVar[type[AsyncWebSocketSession[Any]]]
    _path: ClassVar[str]
    #: The beta realtime API wants ``OpenAI-Beta: realtime=v1`` on the handshake.
    _beta_header: ClassVar[bool] = False
    #: Realtime sessions on Azure name their deployment and API version in the query.
    _azure_query: ClassVar[bool] = False

    def __init__(
        self,
        *,
        client: AsyncOpenAI,
        model: str | Omit = omit,
        call_id: str | Omit = omit,
        extra_query: Query,
        extra_headers: Headers,
        websocket_connection_options: WebSocketConnectionOptions,
        on_reconnecting: Optional[OnReconnecting] = None,
        max_retries: int = 5,
        initial_delay: float = 0.5,
        max_delay: float = 8.0,
        max_queue_size: int = DEFAULT_MAX_QUEUE_SIZE,
    ) -> None:
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ValueError(f"max_retries must be an int of at least 0, not {max_retries!r}")
        for name, value in (("initial_delay", initial_delay), ("max_delay", max_delay)):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < float("inf"):
                raise ValueError(f"{name} must be a finite number of seconds of at least 0, not {value!r}")
        if on_reconnecting is not None and not callable(on_reconnecting):
            raise TypeError(f"on_reconnecting must be callable, not {type(on_reconnecting).__name__}")
        self._client = client
        self._model = model
        self._call_id = call_id
        self._extra_query = extra_query
        self._extra_headers = extra_headers
        self._options: Dict[str, Any] = dict(websocket_connection_options)
        self._on_reconnecting = on_reconnecting
        self._max_retries = max_retries
        self._initial_delay = float(initial_delay)
        self._max_delay = float(max_delay)
        self._queue = SendQueue(max_queue_size)
        self._handlers = EventHandlers()
        self._session: Optional[_SessionT] = None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._path}>"

    def send(self, event: Any) -> None:
        """Queue a client event before the connection is open; it is sent first once it is."""
        self._queue.put(encode_client_event(event))

    def on(self, event_type: str, handler: Optional[Callable[..., Any]] = None) -> Any:
        """Register an event handler before connecting; the connection gets it (see its ``on``)."""
        return _register(self, self._handlers, event_type, handler, once=False)

    def once(self, event_type: str, handler: Optional[Callable[..., Any]] = None) -> Any:
        """Register a one-time event handler before connecting."""
        return _register(self, self._handlers, event_type, handler, once=True)

    def off(self, event_type: str, handler: Callable[..., Any]) -> Any:
        """Unregister a handler registered here before connecting."""
        self._handlers.remove(event_type, handler)
        return self

    async def __aenter__(self) -> _SessionT:
        socket = await self._open(self._extra_query, self._extra_headers)
        session: Any = self._session_class(
            socket,
            opener=self._open,
            on_reconnecting=self._on_reconnecting,
            max_retries=self._max_retries,
            initial_delay=self._initial_delay,
            max_delay=self._max_delay,
            extra_query=self._extra_query,
            extra_headers=self._extra_headers,
            queue=self._queue,
        )
        self._handlers.copy_into(session._handlers)
        self._session = session
        try:
            await session._flush()
        except BaseException:
            # No __aexit__ follows a failed __aenter__: close here, or the socket is left open.
            await session.close()
            raise
        return session  # type: ignore[no-any-return]

    enter = __aenter__

    async def __aexit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        if self._session is not None:
            await self._session.close()

    def _url(self, extra_query: Query) -> str:
        client: Any = self._client
        settings = client._settings
        query: Dict[str, object] = {}
        if not isinstance(self._model, Omit):
            query["model"] = self._model
        query.update(extra_query)
        if not isinstance(self._call_id, Omit):
            query["call_id"] = self._call_id
        api_version = getattr(client, "_api_version", None)
        if self._azure_query and isinstance(api_version, str):
            model = query.pop("model", None)
            deployment = getattr(client, "_azure_deployment", None) or model
            if not isinstance(deployment, str) or not deployment:
                raise OpenAIError("An Azure realtime session needs a deployment: pass model= or azure_deployment=")
            return azure_realtime_url(
                settings.base_url,
                client.websocket_base_url,
                api_version=api_version,
                deployment=deployment,
                query=query,
            )
        return websocket_url(settings.base_url, client.websocket_base_url, self._path, query)

    async def _open(self, extra_query: Query, extra_headers: Headers) -> AsyncWebSocket:
        url = self._url(extra_query)
        client: Any = self._client
        headers = handshake_headers(
            auth=await client.auth_headers(),
            client_headers=client._settings.default_headers,
            extra_headers=extra_headers,
            beta=self._beta_header,
        )
        headers.setdefault("User-Agent", client._settings.default_headers.get("User-Agent", "OpenAI/Python"))
        log.debug("opening websocket %s", url)
        return await async_ws_connect(url, headers=headers, options=self._options)

"""The Responses API over a websocket, the session the context manager ``client.responses.connect()`` opens.

``connection.response.create(model=..., input=...)`` starts a response; its events stream back as the
``response.*`` server events of the spec, the same as a streamed HTTP response's.
"""

from __future__ import annotations

import functools
from typing import Any, Union

from typing_extensions import Unpack

from ...._websocket import RESPONSES_PATH, EventParser, UnknownServerEvent
from ....types.responses.response_create_params import ResponseCreateParamsBase
from ....types.responses.responses_client_event import ResponsesClientEvent
from ....types.responses.responses_client_event_param import ResponsesClientEventParam
from ....types.responses.responses_server_event import ResponsesServerEvent
from .._websocket_connection import AsyncWebSocketSession, AsyncWebSocketSessionManager

__all__ = [
    "AsyncResponsesConnection",
    "AsyncResponsesConnectionManager",
    "AsyncResponsesResponseResource",
    "BaseAsyncResponsesConnectionResource",
]

_ResponsesEvent = Union[ResponsesServerEvent, UnknownServerEvent]


class AsyncResponsesConnection(AsyncWebSocketSession[_ResponsesEvent]):
    """A live Responses websocket session; ``connection.response.create(...)`` starts a response."""

    _parser = EventParser(ResponsesServerEvent)

    async def send(self, event: Union[ResponsesClientEvent, ResponsesClientEventParam]) -> None:
        """Send a client event: a model, or a mapping with its ``type``."""
        await super().send(event)

    @functools.cached_property
    def response(self) -> AsyncResponsesResponseResource:
        """``response.create``."""
        return AsyncResponsesResponseResource(self)


class AsyncResponsesConnectionManager(AsyncWebSocketSessionManager[AsyncResponsesConnection]):
    """What ``client.responses.connect()`` returns; entering it opens an :class:`AsyncResponsesConnection`."""

    _session_class = AsyncResponsesConnection
    _path = RESPONSES_PATH


class BaseAsyncResponsesConnectionResource:
    """A group of client events sent over one Responses connection."""

    def __init__(self, connection: AsyncWebSocketSession[Any]) -> None:
        self._connection = connection


class AsyncResponsesResponseResource(BaseAsyncResponsesConnectionResource):
    """Responses started over the connection."""

    async def create(self, **params: Unpack[ResponseCreateParamsBase]) -> None:
        """Start a response with the fields of ``client.responses.create``; its events stream back."""
        await self._connection._send_fields({"type": "response.create", **params})

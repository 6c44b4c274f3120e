"""The beta Responses API over a websocket, the session ``client.beta.responses.connect()`` opens.

As ``openai.resources.responses``' session, with the beta event types and ``connection.response.inject(...)``,
which hands input items (tool outputs) to a response that waits for them.
"""

from __future__ import annotations

import functools
from typing import Any, Iterable, Union

from typing_extensions import Unpack

from ....._websocket import RESPONSES_PATH, EventParser, UnknownServerEvent
from .....types.beta.beta_response_input_item_param import BetaResponseInputItemParam
from .....types.beta.beta_responses_client_event import BetaResponsesClientEvent
from .....types.beta.beta_responses_client_event_param import BetaResponsesClientEventParam
from .....types.beta.beta_responses_server_event import BetaResponsesServerEvent
from .....types.beta.response_create_params import ResponseCreateParamsBase
from ..._websocket_connection import AsyncWebSocketSession, AsyncWebSocketSessionManager

__all__ = [
    "AsyncResponsesConnection",
    "AsyncResponsesConnectionManager",
    "AsyncResponsesResponseResource",
    "BaseAsyncResponsesConnectionResource",
]

_BetaResponsesEvent = Union[BetaResponsesServerEvent, UnknownServerEvent]


class AsyncResponsesConnection(AsyncWebSocketSession[_BetaResponsesEvent]):
    """A live beta Responses websocket session; ``connection.response.create(...)`` starts a response."""

    _parser = EventParser(BetaResponsesServerEvent)

    async def send(self, event: Union[BetaResponsesClientEvent, BetaResponsesClientEventParam]) -> None:
        """Send a client event: a model, or a mapping with its ``type``."""
        await super().send(event)

    @functools.cached_property
    def response(self) -> AsyncResponsesResponseResource:
        """``response.create`` and ``response.inject``."""
        return AsyncResponsesResponseResource(self)


class AsyncResponsesConnectionManager(AsyncWebSocketSessionManager[AsyncResponsesConnection]):
    """What ``client.beta.responses.connect()`` returns; entering it opens an :class:`AsyncResponsesConnection`."""

    _session_class = AsyncResponsesConnection
    _path = RESPONSES_PATH


class BaseAsyncResponsesConnectionResource:
    """A group of client events sent over one beta Responses connection."""

    def __init__(self, connection: AsyncWebSocketSession[Any]) -> None:
        self._connection = connection


class AsyncResponsesResponseResource(BaseAsyncResponsesConnectionResource):
    """Responses started over the connection."""

    async def inject(self, *, input: Iterable[BetaResponseInputItemParam], response_id: str) -> None:
        """Hand input items (tool outputs) to the response ``response_id``, which is waiting for them."""
        await self._connection._send_fields(
            {"type": "response.inject", "input": list(input), "response_id": response_id}
        )

    async def create(self, **params: Unpack[ResponseCreateParamsBase]) -> None:
        """Start a response with the fields of ``client.beta.responses.create``; its events stream back."""
        await self._connection._send_fields({"type": "response.create", **params})

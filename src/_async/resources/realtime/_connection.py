"""The Realtime API's websocket session, the context manager ``client.realtime.connect(model=...)`` opens.

``connection.session.update(...)``, ``connection.conversation.item.create(...)``, ``connection.response.create()``,
``connection.input_audio_buffer.append(audio=...)``, ... send the client events of the spec, one helper each.
"""

from __future__ import annotations

import functools
from typing import Any, Union

from ...._types import Omit, omit
from ...._websocket import REALTIME_PATH, EventParser, UnknownServerEvent
from ....types.realtime import session_update_event_param
from ....types.realtime.conversation_item_param import ConversationItemParam
from ....types.realtime.realtime_client_event import RealtimeClientEvent
from ....types.realtime.realtime_client_event_param import RealtimeClientEventParam
from ....types.realtime.realtime_response_create_params_param import RealtimeResponseCreateParamsParam
from ....types.realtime.realtime_server_event import RealtimeServerEvent
from .._websocket_connection import AsyncWebSocketSession, AsyncWebSocketSessionManager, drop_omitted

__all__ = [
    "AsyncRealtimeConnection",
    "AsyncRealtimeConnectionManager",
    "AsyncRealtimeConversationItemResource",
    "AsyncRealtimeConversationResource",
    "AsyncRealtimeInputAudioBufferResource",
    "AsyncRealtimeOutputAudioBufferResource",
    "AsyncRealtimeResponseResource",
    "AsyncRealtimeSessionResource",
    "BaseAsyncRealtimeConnectionResource",
]

#: What ``recv()`` and iteration give: a server event of the spec, or one this package does not know yet.
_RealtimeEvent = Union[RealtimeServerEvent, UnknownServerEvent]


class AsyncRealtimeConnection(AsyncWebSocketSession[_RealtimeEvent]):
    """A live Realtime session; the helper attributes send each client event of the spec."""

    _parser = EventParser(RealtimeServerEvent)

    async def send(self, event: Union[RealtimeClientEvent, RealtimeClientEventParam]) -> None:
        """Send a client event: a model, or a mapping with its ``type``."""
        await super().send(event)

    @functools.cached_property
    def session(self) -> AsyncRealtimeSessionResource:
        """``session.update``."""
        return AsyncRealtimeSessionResource(self)

    @functools.cached_property
    def response(self) -> AsyncRealtimeResponseResource:
        """``response.create`` and ``response.cancel``."""
        return AsyncRealtimeResponseResource(self)

    @functools.cached_property
    def input_audio_buffer(self) -> AsyncRealtimeInputAudioBufferResource:
        """``input_audio_buffer.append``, ``.commit`` and ``.clear``."""
        return AsyncRealtimeInputAudioBufferResource(self)

    @functools.cached_property
    def conversation(self) -> AsyncRealtimeConversationResource:
        """``conversation.item.*``."""
        return AsyncRealtimeConversationResource(self)

    @functools.cached_property
    def output_audio_buffer(self) -> AsyncRealtimeOutputAudioBufferResource:
        """``output_audio_buffer.clear``."""
        return AsyncRealtimeOutputAudioBufferResource(self)


class AsyncRealtimeConnectionManager(AsyncWebSocketSessionManager[AsyncRealtimeConnection]):
    """What ``client.realtime.connect()`` returns; entering it opens an :class:`AsyncRealtimeConnection`."""

    _session_class = AsyncRealtimeConnection
    _path = REALTIME_PATH
    _azure_query = True


class BaseAsyncRealtimeConnectionResource:
    """A group of client events sent over one Realtime connection."""

    def __init__(self, connection: AsyncWebSocketSession[Any]) -> None:
        self._connection = connection


class AsyncRealtimeSessionResource(BaseAsyncRealtimeConnectionResource):
    """The session's configuration."""

    async def update(self, *, session: session_update_event_param.Session, event_id: str | Omit = omit) -> None:
        """Change the session's configuration; the server answers ``session.updated``."""
        await self._connection._send_fields(
            drop_omitted({"type": "session.update", "session": session, "event_id": event_id})
        )


class AsyncRealtimeResponseResource(BaseAsyncRealtimeConnectionResource):
    """Model responses."""

    async def create(
        self, *, event_id: str | Omit = omit, response: RealtimeResponseCreateParamsParam | Omit = omit
    ) -> None:
        """Ask the model for a response; its events stream back until ``response.done``."""
        await self._connection._send_fields(
            drop_omitted({"type": "response.create", "event_id": event_id, "response": response})
        )

    async def cancel(self, *, event_id: str | Omit = omit, response_id: str | Omit = omit) -> None:
        """Stop the response in progress (or the one named)."""
        await self._connection._send_fields(
            drop_omitted({"type": "response.cancel", "event_id": event_id, "response_id": response_id})
        )


class AsyncRealtimeInputAudioBufferResource(BaseAsyncRealtimeConnectionResource):
    """The buffer of input audio."""

    async def clear(self, *, event_id: str | Omit = omit) -> None:
        """Discard the buffered input audio."""
        await self._connection._send_fields(drop_omitted({"type": "input_audio_buffer.clear", "event_id": event_id}))

    async def commit(self, *, event_id: str | Omit = omit) -> None:
        """Turn the buffered input audio into a user message item."""
        await self._connection._send_fields(drop_omitted({"type": "input_audio_buffer.commit", "event_id": event_id}))

    async def append(self, *, audio: str, event_id: str | Omit = omit) -> None:
        """Add base64-encoded audio to the buffer."""
        await self._connection._send_fields(
            drop_omitted({"type": "input_audio_buffer.append", "audio": audio, "event_id": event_id})
        )


class AsyncRealtimeConversationResource(BaseAsyncRealtimeConnectionResource):
    """The conversation."""

    @functools.cached_property
    def item(self) -> AsyncRealtimeConversationItemResource:
        """Its items."""
        return AsyncRealtimeConversationItemResource(self._connection)


class AsyncRealtimeConversationItemResource(BaseAsyncRealtimeConnectionResource):
    """The conversation's items."""

    async def delete(self, *, item_id: str, event_id: str | Omit = omit) -> None:
        """Remove an item."""
        await self._connection._send_fields(
            drop_omitted({"type": "conversation.item.delete", "item_id": item_id, "event_id": event_id})
        )

    async def create(
        self, *, item: ConversationItemParam, event_id: str | Omit = omit, previous_item_id: str | Omit = omit
    ) -> None:
        """Add an item (a message, a function call or its output), after ``previous_item_id`` when given."""
        await self._connection._send_fields(
            drop_omitted(
                {
                    "type": "conversation.item.create",
                    "item": item,
                    "event_id": event_id,
                    "previous_item_id": previous_item_id,
                }
            )
        )

    async def truncate(
        self, *, audio_end_ms: int, content_index: int, item_id: str, event_id: str | Omit = omit
    ) -> None:
        """Cut an assistant audio item off at ``audio_end_ms``."""
        await self._connection._send_fields(
            drop_omitted(
                {
                    "type": "conversation.item.truncate",
                    "audio_end_ms": audio_end_ms,
                    "content_index": content_index,
                    "item_id": item_id,
                    "event_id": event_id,
                }
            )
        )

    async def retrieve(self, *, item_id: str, event_id: str | Omit = omit) -> None:
        """Ask the server for an item; it answers ``conversation.item.retrieved``."""
        await self._connection._send_fields(
            drop_omitted({"type": "conversation.item.retrieve", "item_id": item_id, "event_id": event_id})
        )


class AsyncRealtimeOutputAudioBufferResource(BaseAsyncRealtimeConnectionResource):
    """The buffer of output audio (WebRTC and SIP sessions)."""

    async def clear(self, *, event_id: str | Omit = omit) -> None:
        """Stop the audio being played and discard the rest."""
        await self._connection._send_fields(drop_omitted({"type": "output_audio_buffer.clear", "event_id": event_id}))

"""The beta Realtime API's websocket session, the context manager ``client.beta.realtime.connect(model=...)`` opens.

The same shape as the Realtime API's session (``openai.resources.realtime``), with the beta event types, the
``OpenAI-Beta: realtime=v1`` opt-in on the handshake and ``connection.transcription_session.update(...)``.
"""

from __future__ import annotations

import functools
from typing import Union

from ....._types import Omit, omit
from ....._websocket import REALTIME_PATH, EventParser, UnknownServerEvent
from .....types.beta.realtime import (
    response_create_event_param,
    session_update_event_param,
    transcription_session_update_param,
)
from .....types.beta.realtime.conversation_item_param import ConversationItemParam
from .....types.beta.realtime.realtime_client_event import RealtimeClientEvent
from .....types.beta.realtime.realtime_client_event_param import RealtimeClientEventParam
from .....types.beta.realtime.realtime_server_event import RealtimeServerEvent
from ..._websocket_connection import AsyncWebSocketSession, AsyncWebSocketSessionManager
from ...realtime import _connection as _ga

__all__ = [
    "AsyncRealtimeConnection",
    "AsyncRealtimeConnectionManager",
    "AsyncRealtimeConversationItemResource",
    "AsyncRealtimeConversationResource",
    "AsyncRealtimeInputAudioBufferResource",
    "AsyncRealtimeOutputAudioBufferResource",
    "AsyncRealtimeResponseResource",
    "AsyncRealtimeSessionResource",
    "AsyncRealtimeTranscriptionSessionResource",
    "BaseAsyncRealtimeConnectionResource",
]

_BetaRealtimeEvent = Union[RealtimeServerEvent, UnknownServerEvent]


class AsyncRealtimeConnection(AsyncWebSocketSession[_BetaRealtimeEvent]):
    """A live beta Realtime session; the helper attributes send each client event of the beta spec."""

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

    @functools.cached_property
    def transcription_session(self) -> AsyncRealtimeTranscriptionSessionResource:
        """``transcription_session.update``."""
        return AsyncRealtimeTranscriptionSessionResource(self)


class AsyncRealtimeConnectionManager(AsyncWebSocketSessionManager[AsyncRealtimeConnection]):
    """What ``client.beta.realtime.connect()`` returns; entering it opens an :class:`AsyncRealtimeConnection`."""

    _session_class = AsyncRealtimeConnection
    _path = REALTIME_PATH
    _beta_header = True
    _azure_query = True


class BaseAsyncRealtimeConnectionResource(_ga.BaseAsyncRealtimeConnectionResource):
    """A group of client events sent over one beta Realtime connection."""


class AsyncRealtimeSessionResource(BaseAsyncRealtimeConnectionResource):
    """The session's configuration."""

    async def update(self, *, session: session_update_event_param.Session, event_id: str | Omit = omit) -> None:
        """Change the session's configuration; the server answers ``session.updated``."""
        await self._connection._send_fields({"type": "session.update", "session": session, "event_id": event_id})


class AsyncRealtimeResponseResource(BaseAsyncRealtimeConnectionResource):
    """Model responses."""

    async def create(
        self, *, event_id: str | Omit = omit, response: response_create_event_param.Response | Omit = omit
    ) -> None:
        """Ask the model for a response; its events stream back until ``response.done``."""
        await self._connection._send_fields({"type": "response.create", "event_id": event_id, "response": response})

    async def cancel(self, *, event_id: str | Omit = omit, response_id: str | Omit = omit) -> None:
        """Stop the response in progress (or the one named)."""
        await self._connection._send_fields(
            {"type": "response.cancel", "event_id": event_id, "response_id": response_id}
        )


class AsyncRealtimeInputAudioBufferResource(
    _ga.AsyncRealtimeInputAudioBufferResource, BaseAsyncRealtimeConnectionResource
):
    """The buffer of input audio."""


class AsyncRealtimeConversationResource(BaseAsyncRealtimeConnectionResource):
    """The conversation."""

    @functools.cached_property
    def item(self) -> AsyncRealtimeConversationItemResource:
        """Its items."""
        return AsyncRealtimeConversationItemResource(self._connection)


class AsyncRealtimeConversationItemResource(
    _ga.AsyncRealtimeConversationItemResource, BaseAsyncRealtimeConnectionResource
):
    """The conversation's items."""

    # The beta item schema, which the stable one's parameter type also accepts.
    async def create(
        self, *, item: ConversationItemParam, event_id: str | Omit = omit, previous_item_id: str | Omit = omit
    ) -> None:
        """Add an item (a message, a function call or its output), after ``previous_item_id`` when given."""
        await self._connection._send_fields(
            {
                "type": "conversation.item.create",
                "item": item,
                "event_id": event_id,
                "previous_item_id": previous_item_id,
            }
        )


class AsyncRealtimeOutputAudioBufferResource(
    _ga.AsyncRealtimeOutputAudioBufferResource, BaseAsyncRealtimeConnectionResource
):
    """The buffer of output audio (WebRTC sessions)."""


class AsyncRealtimeTranscriptionSessionResource(BaseAsyncRealtimeConnectionResource):
    """A transcription session's configuration."""

    async def update(self, *, session: transcription_session_update_param.Session, event_id: str | Omit = omit) -> None:
        """Change the transcription session's configuration."""
        await self._connection._send_fields(
            {"type": "transcription_session.update", "session": session, "event_id": event_id}
        )

"""``client.conversations``."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.conversations import (
    Conversation,
    ConversationCreateParams,
    ConversationDeletedResource,
    ConversationUpdateParams,
)
from .._base import AsyncAPIResource
from .items import AsyncItems

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._conversations_views import AsyncConversationsWithRawResponse, AsyncConversationsWithStreamingResponse
else:
    from ._conversations_views import AsyncConversationsWithRawResponse, AsyncConversationsWithStreamingResponse

__all__ = ["AsyncConversations", "AsyncConversationsWithRawResponse", "AsyncConversationsWithStreamingResponse"]


class AsyncConversations(AsyncAPIResource):
    """Conversations: server-side state that Responses API calls read from and add to."""

    with_raw_response: AsyncConversationsWithRawResponse
    with_streaming_response: AsyncConversationsWithStreamingResponse

    @functools.cached_property
    def items(self) -> AsyncItems:
        """The items of a conversation."""
        return AsyncItems(self._client)

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ConversationCreateParams],
    ) -> Conversation:
        """Create a conversation, optionally with its first items."""
        return await self._call(
            "post",
            "/conversations",
            body=params,
            cast_to=Conversation,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        conversation_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> Conversation:
        """Get a conversation."""
        return await self._call(
            "get",
            f"/conversations/{require_path_param('conversation_id', conversation_id)}",
            cast_to=Conversation,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def update(
        self,
        conversation_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ConversationUpdateParams],
    ) -> Conversation:
        """Change a conversation's metadata."""
        return await self._call(
            "post",
            f"/conversations/{require_path_param('conversation_id', conversation_id)}",
            body=params,
            cast_to=Conversation,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        conversation_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ConversationDeletedResource:
        """Delete a conversation (its items are kept)."""
        return await self._call(
            "delete",
            f"/conversations/{require_path_param('conversation_id', conversation_id)}",
            cast_to=ConversationDeletedResource,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

"""``client.conversations.items``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union, cast

from typing_extensions import Unpack

from ...._concurrency import AsyncPaginator
from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.conversations import (
    Conversation,
    ConversationItem,
    ConversationItemList,
    ItemCreateParams,
    ItemListParams,
    ItemRetrieveParams,
)
from ..._pagination import AsyncConversationCursorPage
from .._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._items_views import AsyncItemsWithRawResponse, AsyncItemsWithStreamingResponse
else:
    from ._items_views import AsyncItemsWithRawResponse, AsyncItemsWithStreamingResponse

__all__ = ["AsyncItems", "AsyncItemsWithRawResponse", "AsyncItemsWithStreamingResponse"]


class AsyncItems(AsyncAPIResource):
    """The items of a conversation: messages, tool calls and their outputs."""

    with_raw_response: AsyncItemsWithRawResponse
    with_streaming_response: AsyncItemsWithStreamingResponse

    async def create(
        self,
        conversation_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ItemCreateParams],
    ) -> ConversationItemList:
        """Add items to a conversation."""
        return await self._call(
            "post",
            f"/conversations/{require_path_param('conversation_id', conversation_id)}/items",
            body=params,
            query_keys=("include",),
            cast_to=ConversationItemList,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        item_id: str,
        *,
        conversation_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ItemRetrieveParams],
    ) -> ConversationItem:
        """Get one item of a conversation."""
        return await self._call(
            "get",
            f"/conversations/{require_path_param('conversation_id', conversation_id)}"
            f"/items/{require_path_param('item_id', item_id)}",
            query=params,
            # An annotated union is not a class, so it is handed over typed as the class it stands for.
            cast_to=cast("type[ConversationItem]", ConversationItem),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def list(
        self,
        conversation_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ItemListParams],
    ) -> AsyncPaginator[ConversationItem, AsyncConversationCursorPage[ConversationItem]]:
        """List the items of a conversation, page by page."""
        return self._list(
            f"/conversations/{require_path_param('conversation_id', conversation_id)}/items",
            page=AsyncConversationCursorPage[ConversationItem],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        item_id: str,
        *,
        conversation_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> Conversation:
        """Delete an item from a conversation; returns the conversation."""
        return await self._call(
            "delete",
            f"/conversations/{require_path_param('conversation_id', conversation_id)}"
            f"/items/{require_path_param('item_id', item_id)}",
            cast_to=Conversation,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

"""``client.beta.chatkit.threads``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ....._concurrency import AsyncPaginator
from ....._request import require_path_param
from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .....types.beta.chatkit import (
    ChatKitThread,
    Data,
    ThreadDeleteResponse,
    ThreadListItemsParams,
    ThreadListParams,
)
from ...._pagination import AsyncConversationCursorPage
from ..._base import AsyncAPIResource
from .._opt_in import CHATKIT_OPT_IN

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._threads_views import AsyncThreadsWithRawResponse, AsyncThreadsWithStreamingResponse
else:
    from ._threads_views import AsyncThreadsWithRawResponse, AsyncThreadsWithStreamingResponse

__all__ = ["AsyncThreads", "AsyncThreadsWithRawResponse", "AsyncThreadsWithStreamingResponse"]


class AsyncThreads(AsyncAPIResource):
    """ChatKit threads and the items in them."""

    with_raw_response: AsyncThreadsWithRawResponse
    with_streaming_response: AsyncThreadsWithStreamingResponse

    _opt_in_headers = CHATKIT_OPT_IN

    async def retrieve(
        self,
        thread_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ChatKitThread:
        """Get a ChatKit thread."""
        return await self._call(
            "get",
            f"/chatkit/threads/{require_path_param('thread_id', thread_id)}",
            cast_to=ChatKitThread,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def list(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ThreadListParams],
    ) -> AsyncPaginator[ChatKitThread, AsyncConversationCursorPage[ChatKitThread]]:
        """List ChatKit threads, optionally of one user, page by page."""
        return self._list(
            "/chatkit/threads",
            page=AsyncConversationCursorPage[ChatKitThread],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        thread_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ThreadDeleteResponse:
        """Delete a ChatKit thread."""
        return await self._call(
            "delete",
            f"/chatkit/threads/{require_path_param('thread_id', thread_id)}",
            cast_to=ThreadDeleteResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def list_items(
        self,
        thread_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ThreadListItemsParams],
    ) -> AsyncPaginator[Data, AsyncConversationCursorPage[Data]]:
        """List the items of a ChatKit thread, page by page."""
        return self._list(
            f"/chatkit/threads/{require_path_param('thread_id', thread_id)}/items",
            page=AsyncConversationCursorPage[Data],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

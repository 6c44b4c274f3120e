"""``client.beta.threads.messages``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack, deprecated

from ....._concurrency import AsyncPaginator
from ....._request import require_path_param
from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .....types.beta.threads import (
    Message,
    MessageCreateParams,
    MessageDeleted,
    MessageListParams,
    MessageUpdateParams,
)
from ...._pagination import AsyncCursorPage
from ..._base import AsyncAPIResource
from .._opt_in import ASSISTANTS_OPT_IN

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._messages_views import AsyncMessagesWithRawResponse, AsyncMessagesWithStreamingResponse
else:
    from ._messages_views import AsyncMessagesWithRawResponse, AsyncMessagesWithStreamingResponse

__all__ = ["AsyncMessages", "AsyncMessagesWithRawResponse", "AsyncMessagesWithStreamingResponse"]


def _message_path(thread_id: str, message_id: str) -> str:
    return (
        f"/threads/{require_path_param('thread_id', thread_id)}/messages/{require_path_param('message_id', message_id)}"
    )


class AsyncMessages(AsyncAPIResource):
    """The messages of a thread."""

    with_raw_response: AsyncMessagesWithRawResponse
    with_streaming_response: AsyncMessagesWithStreamingResponse

    _opt_in_headers = ASSISTANTS_OPT_IN

    @deprecated("The Assistants API is deprecated in favor of the Responses API")
    async def create(
        self,
        thread_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[MessageCreateParams],
    ) -> Message:
        """Add a message to a thread."""
        return await self._call(
            "post",
            f"/threads/{require_path_param('thread_id', thread_id)}/messages",
            body=params,
            cast_to=Message,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Assistants API is deprecated in favor of the Responses API")
    async def retrieve(
        self,
        message_id: str,
        *,
        thread_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> Message:
        """Get one message of a thread."""
        return await self._call(
            "get",
            _message_path(thread_id, message_id),
            cast_to=Message,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Assistants API is deprecated in favor of the Responses API")
    async def update(
        self,
        message_id: str,
        *,
        thread_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[MessageUpdateParams],
    ) -> Message:
        """Change a message's metadata."""
        return await self._call(
            "post",
            _message_path(thread_id, message_id),
            body=params,
            cast_to=Message,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Assistants API is deprecated in favor of the Responses API")
    def list(
        self,
        thread_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[MessageListParams],
    ) -> AsyncPaginator[Message, AsyncCursorPage[Message]]:
        """List a thread's messages, page by page."""
        return self._list(
            f"/threads/{require_path_param('thread_id', thread_id)}/messages",
            page=AsyncCursorPage[Message],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Assistants API is deprecated in favor of the Responses API")
    async def delete(
        self,
        message_id: str,
        *,
        thread_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> MessageDeleted:
        """Delete a message from a thread."""
        return await self._call(
            "delete",
            _message_path(thread_id, message_id),
            cast_to=MessageDeleted,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

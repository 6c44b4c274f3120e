"""``client.chat.completions.messages``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._concurrency import AsyncPaginator
from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.chat import ChatCompletionStoreMessage
from ....types.chat.completions import MessageListParams
from ..._pagination import AsyncCursorPage
from .._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._messages_views import AsyncMessagesWithRawResponse, AsyncMessagesWithStreamingResponse
else:
    from ._messages_views import AsyncMessagesWithRawResponse, AsyncMessagesWithStreamingResponse

__all__ = ["AsyncMessages", "AsyncMessagesWithRawResponse", "AsyncMessagesWithStreamingResponse"]


class AsyncMessages(AsyncAPIResource):
    """The messages of a stored chat completion."""

    with_raw_response: AsyncMessagesWithRawResponse
    with_streaming_response: AsyncMessagesWithStreamingResponse

    def list(
        self,
        completion_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[MessageListParams],
    ) -> AsyncPaginator[ChatCompletionStoreMessage, AsyncCursorPage[ChatCompletionStoreMessage]]:
        """List the messages of a stored chat completion, page by page."""
        return self._list(
            f"/chat/completions/{require_path_param('completion_id', completion_id)}/messages",
            page=AsyncCursorPage[ChatCompletionStoreMessage],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

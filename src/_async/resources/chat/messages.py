"""``client.chat.completions.messages``."""

from __future__ import annotations

from typing import Optional, Union

from typing_extensions import Unpack

from ...._concurrency import AsyncPaginator
from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.chat import ChatCompletionStoreMessage
from ....types.chat.completions import MessageListParams
from ..._pagination import AsyncCursorPage
from .._base import (
    AsyncAPIResource,
    AsyncRawListMethod,
    AsyncRawResponseView,
    AsyncStreamedListMethod,
    AsyncStreamingResponseView,
)

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


class AsyncMessagesWithRawResponse(AsyncRawResponseView, resource=AsyncMessages):
    """``AsyncMessages`` with each call returning the raw HTTP response; ``.parse()`` gives the usual result."""

    list = AsyncRawListMethod(AsyncMessages.list)


class AsyncMessagesWithStreamingResponse(AsyncStreamingResponseView, resource=AsyncMessages):
    """``AsyncMessages`` with each call a context manager over the response before its body is read."""

    list = AsyncStreamedListMethod(AsyncMessages.list)

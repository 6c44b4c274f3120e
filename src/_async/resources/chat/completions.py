"""``client.chat.completions``."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional, Union, overload

from typing_extensions import Unpack

from ...._concurrency import AsyncPaginator
from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.chat import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionDeleted,
    CompletionCreateParams,
    CompletionCreateParamsNonStreaming,
    CompletionCreateParamsStreaming,
    CompletionListParams,
    CompletionUpdateParams,
)
from ..._helpers.chat import parse_chat_completion, stream_chat_completion
from ..._pagination import AsyncCursorPage
from ..._streaming import AsyncStream
from .._base import AsyncAPIResource
from .messages import AsyncMessages

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._completions_views import AsyncCompletionsWithRawResponse, AsyncCompletionsWithStreamingResponse
else:
    from ._completions_views import AsyncCompletionsWithRawResponse, AsyncCompletionsWithStreamingResponse

__all__ = ["AsyncCompletions", "AsyncCompletionsWithRawResponse", "AsyncCompletionsWithStreamingResponse"]


class AsyncCompletions(AsyncAPIResource):
    """Chat completions: one model reply to a list of messages, whole or streamed."""

    with_raw_response: AsyncCompletionsWithRawResponse
    with_streaming_response: AsyncCompletionsWithStreamingResponse

    # Structured outputs and event streams with a final completion, written once in _helpers.
    parse = parse_chat_completion
    stream = stream_chat_completion

    @functools.cached_property
    def messages(self) -> AsyncMessages:
        """The messages of a stored chat completion."""
        return AsyncMessages(self._client)

    @overload
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CompletionCreateParamsNonStreaming],
    ) -> ChatCompletion: ...

    @overload
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CompletionCreateParamsStreaming],
    ) -> AsyncStream[ChatCompletionChunk]: ...

    @overload
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CompletionCreateParams],
    ) -> Union[ChatCompletion, AsyncStream[ChatCompletionChunk]]: ...

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CompletionCreateParams],
    ) -> Union[ChatCompletion, AsyncStream[ChatCompletionChunk]]:
        """Create a model response for a conversation; ``stream=True`` returns the chunks as they come."""
        return await self._call(
            "post",
            "/chat/completions",
            body=params,
            cast_to=ChatCompletion,
            stream_item=ChatCompletionChunk,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        completion_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ChatCompletion:
        """Get a stored chat completion."""
        return await self._call(
            "get",
            f"/chat/completions/{require_path_param('completion_id', completion_id)}",
            cast_to=ChatCompletion,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def update(
        self,
        completion_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CompletionUpdateParams],
    ) -> ChatCompletion:
        """Change the metadata of a stored chat completion."""
        return await self._call(
            "post",
            f"/chat/completions/{require_path_param('completion_id', completion_id)}",
            body=params,
            cast_to=ChatCompletion,
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
        **params: Unpack[CompletionListParams],
    ) -> AsyncPaginator[ChatCompletion, AsyncCursorPage[ChatCompletion]]:
        """List stored chat completions, page by page."""
        return self._list(
            "/chat/completions",
            page=AsyncCursorPage[ChatCompletion],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        completion_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ChatCompletionDeleted:
        """Delete a stored chat completion."""
        return await self._call(
            "delete",
            f"/chat/completions/{require_path_param('completion_id', completion_id)}",
            cast_to=ChatCompletionDeleted,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

"""``client.completions``: legacy text completions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union, overload

from typing_extensions import Unpack

from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ...types import (
    Completion,
    CompletionCreateParams,
    CompletionCreateParamsNonStreaming,
    CompletionCreateParamsStreaming,
)
from .._streaming import AsyncStream
from ._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._completions_views import AsyncCompletionsWithRawResponse, AsyncCompletionsWithStreamingResponse
else:
    from ._completions_views import AsyncCompletionsWithRawResponse, AsyncCompletionsWithStreamingResponse

__all__ = ["AsyncCompletions", "AsyncCompletionsWithRawResponse", "AsyncCompletionsWithStreamingResponse"]


class AsyncCompletions(AsyncAPIResource):
    """Text completions for a prompt, whole or streamed."""

    with_raw_response: AsyncCompletionsWithRawResponse
    with_streaming_response: AsyncCompletionsWithStreamingResponse

    @overload
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CompletionCreateParamsNonStreaming],
    ) -> Completion: ...

    @overload
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CompletionCreateParamsStreaming],
    ) -> AsyncStream[Completion]: ...

    @overload
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CompletionCreateParams],
    ) -> Union[Completion, AsyncStream[Completion]]: ...

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CompletionCreateParams],
    ) -> Union[Completion, AsyncStream[Completion]]:
        """Complete a prompt; ``stream=True`` returns the pieces as they come."""
        return await self._call(
            "post",
            "/completions",
            body=params,
            cast_to=Completion,
            stream_item=Completion,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

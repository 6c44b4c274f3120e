"""``client.responses.input_tokens``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, Mapping, Optional, TypeVar, Union

from typing_extensions import Unpack

from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.responses import InputTokenCountParams, InputTokenCountResponse
from .._base import AsyncAPIResource, RequestExtras, request_extras

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._input_tokens_views import AsyncInputTokensWithRawResponse, AsyncInputTokensWithStreamingResponse
else:
    from ._input_tokens_views import AsyncInputTokensWithRawResponse, AsyncInputTokensWithStreamingResponse

__all__ = ["AsyncInputTokens", "AsyncInputTokensWithRawResponse", "AsyncInputTokensWithStreamingResponse"]


_CountT = TypeVar("_CountT")


class _InputTokensCalls(AsyncAPIResource, Generic[_CountT]):
    """The token-count call of ``client.responses`` and ``client.beta.responses``, which differ in its types."""

    _count_type: type[_CountT]

    async def _count(self, params: Mapping[str, object], extras: RequestExtras) -> _CountT:
        return await self._call("post", "/responses/input_tokens", body=params, cast_to=self._count_type, **extras)


class AsyncInputTokens(_InputTokensCalls[InputTokenCountResponse]):
    """Input token counts for Responses API requests."""

    with_raw_response: AsyncInputTokensWithRawResponse
    with_streaming_response: AsyncInputTokensWithStreamingResponse

    _count_type = InputTokenCountResponse

    async def count(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[InputTokenCountParams],
    ) -> InputTokenCountResponse:
        """Count the input tokens a request would use, without creating a response."""
        return await self._count(params, request_extras(extra_headers, extra_query, extra_body, timeout))

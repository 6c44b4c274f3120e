"""``client.responses.input_tokens``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.responses import InputTokenCountParams, InputTokenCountResponse
from .._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._input_tokens_views import AsyncInputTokensWithRawResponse, AsyncInputTokensWithStreamingResponse
else:
    from ._input_tokens_views import AsyncInputTokensWithRawResponse, AsyncInputTokensWithStreamingResponse

__all__ = ["AsyncInputTokens", "AsyncInputTokensWithRawResponse", "AsyncInputTokensWithStreamingResponse"]


class AsyncInputTokens(AsyncAPIResource):
    """Input token counts for Responses API requests."""

    with_raw_response: AsyncInputTokensWithRawResponse
    with_streaming_response: AsyncInputTokensWithStreamingResponse

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
        return await self._call(
            "post",
            "/responses/input_tokens",
            body=params,
            cast_to=InputTokenCountResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

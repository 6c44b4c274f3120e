"""``client.beta.responses.input_tokens``."""

from __future__ import annotations

from typing import List, Optional, Union

from typing_extensions import Unpack

from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Omit, Query, Timeout, omit
from .....types.beta.responses import InputTokenCountParams, InputTokenCountResponse
from ..._base import (
    AsyncRawMethod,
    AsyncRawResponseView,
    AsyncStreamedMethod,
    AsyncStreamingResponseView,
    request_extras,
)
from ...responses.input_tokens import _InputTokensCalls
from .._opt_in import RESPONSES_BETA_QUERY, ResponsesBeta, with_betas

__all__ = ["AsyncInputTokens", "AsyncInputTokensWithRawResponse", "AsyncInputTokensWithStreamingResponse"]


class AsyncInputTokens(_InputTokensCalls[InputTokenCountResponse]):
    """Input token counts for beta Responses API requests."""

    with_raw_response: AsyncInputTokensWithRawResponse
    with_streaming_response: AsyncInputTokensWithStreamingResponse

    _opt_in_query = RESPONSES_BETA_QUERY
    _count_type = InputTokenCountResponse

    async def count(
        self,
        *,
        betas: Union[List[ResponsesBeta], Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[InputTokenCountParams],
    ) -> InputTokenCountResponse:
        """Count the input tokens a beta request would use, without creating a response."""
        return await self._count(
            params, request_extras(with_betas(betas, extra_headers), extra_query, extra_body, timeout)
        )


class AsyncInputTokensWithRawResponse(AsyncRawResponseView, resource=AsyncInputTokens):
    """``AsyncInputTokens`` with each call returning the raw HTTP response; ``.parse()`` gives the usual result."""

    count = AsyncRawMethod(AsyncInputTokens.count)


class AsyncInputTokensWithStreamingResponse(AsyncStreamingResponseView, resource=AsyncInputTokens):
    """``AsyncInputTokens`` with each call a context manager over the response before its body is read."""

    count = AsyncStreamedMethod(AsyncInputTokens.count)

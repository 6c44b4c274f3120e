"""``client.beta.responses.input_tokens``."""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional, Union

from typing_extensions import Unpack

from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Omit, Query, Timeout, omit
from .....types.beta.responses import InputTokenCountParams, InputTokenCountResponse
from ..._base import request_extras
from ...responses.input_tokens import _InputTokensCalls
from .._opt_in import RESPONSES_BETA_QUERY, ResponsesBeta, with_betas

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._input_tokens_views import AsyncInputTokensWithRawResponse, AsyncInputTokensWithStreamingResponse
else:
    from ._input_tokens_views import AsyncInputTokensWithRawResponse, AsyncInputTokensWithStreamingResponse

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

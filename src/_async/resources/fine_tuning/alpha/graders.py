"""``client.fine_tuning.alpha.graders``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .....types.fine_tuning.alpha import (
    GraderRunParams,
    GraderRunResponse,
    GraderValidateParams,
    GraderValidateResponse,
)
from ..._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._graders_views import AsyncGradersWithRawResponse, AsyncGradersWithStreamingResponse
else:
    from ._graders_views import AsyncGradersWithRawResponse, AsyncGradersWithStreamingResponse

__all__ = ["AsyncGraders", "AsyncGradersWithRawResponse", "AsyncGradersWithStreamingResponse"]


class AsyncGraders(AsyncAPIResource):
    """Graders for reinforcement fine-tuning: run one on a sample, or check its definition."""

    with_raw_response: AsyncGradersWithRawResponse
    with_streaming_response: AsyncGradersWithStreamingResponse

    async def run(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[GraderRunParams],
    ) -> GraderRunResponse:
        """Score one model sample with a grader."""
        return await self._call(
            "post",
            "/fine_tuning/alpha/graders/run",
            body=params,
            cast_to=GraderRunResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def validate(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[GraderValidateParams],
    ) -> GraderValidateResponse:
        """Check that a grader definition is well formed."""
        return await self._call(
            "post",
            "/fine_tuning/alpha/graders/validate",
            body=params,
            cast_to=GraderValidateResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

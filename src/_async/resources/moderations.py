"""``client.moderations``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ...types import ModerationCreateParams, ModerationCreateResponse
from ._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._moderations_views import AsyncModerationsWithRawResponse, AsyncModerationsWithStreamingResponse
else:
    from ._moderations_views import AsyncModerationsWithRawResponse, AsyncModerationsWithStreamingResponse

__all__ = ["AsyncModerations", "AsyncModerationsWithRawResponse", "AsyncModerationsWithStreamingResponse"]


class AsyncModerations(AsyncAPIResource):
    """Classify text and images as potentially harmful."""

    with_raw_response: AsyncModerationsWithRawResponse
    with_streaming_response: AsyncModerationsWithStreamingResponse

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ModerationCreateParams],
    ) -> ModerationCreateResponse:
        """Classify the input."""
        return await self._call(
            "post",
            "/moderations",
            body=params,
            cast_to=ModerationCreateResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

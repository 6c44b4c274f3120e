"""``client.audio.voices``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.audio import Voice, VoiceCreateParams
from .._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._voices_views import AsyncVoicesWithRawResponse, AsyncVoicesWithStreamingResponse
else:
    from ._voices_views import AsyncVoicesWithRawResponse, AsyncVoicesWithStreamingResponse

__all__ = ["AsyncVoices", "AsyncVoicesWithRawResponse", "AsyncVoicesWithStreamingResponse"]


class AsyncVoices(AsyncAPIResource):
    """Custom voices made from an audio sample."""

    with_raw_response: AsyncVoicesWithRawResponse
    with_streaming_response: AsyncVoicesWithStreamingResponse

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[VoiceCreateParams],
    ) -> Voice:
        """Make a custom voice from an audio sample and the id of a consent recording."""
        return await self._call(
            "post",
            "/audio/voices",
            body=params,
            multipart=True,
            cast_to=Voice,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

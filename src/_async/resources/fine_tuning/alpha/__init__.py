"""``client.fine_tuning.alpha``: fine-tuning features still in preview."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..._base import AsyncAPIResource, AsyncRawResponseView, AsyncStreamingResponseView

if TYPE_CHECKING:
    from .graders import AsyncGraders, AsyncGradersWithRawResponse, AsyncGradersWithStreamingResponse

__all__ = ["AsyncAlpha", "AsyncAlphaWithRawResponse", "AsyncAlphaWithStreamingResponse"]


class AsyncAlpha(AsyncAPIResource):
    """Preview fine-tuning features: ``client.fine_tuning.alpha.graders``."""

    with_raw_response: AsyncAlphaWithRawResponse
    with_streaming_response: AsyncAlphaWithStreamingResponse

    @functools.cached_property
    def graders(self) -> AsyncGraders:
        """Try out and check graders before a reinforcement fine-tuning job uses them."""
        from .graders import AsyncGraders

        return AsyncGraders(self._client)


class AsyncAlphaWithRawResponse(AsyncRawResponseView, resource=AsyncAlpha):
    """``AsyncAlpha`` with each call returning the raw HTTP response; ``.parse()`` gives the usual result."""

    graders: AsyncGradersWithRawResponse


class AsyncAlphaWithStreamingResponse(AsyncStreamingResponseView, resource=AsyncAlpha):
    """``AsyncAlpha`` with each call a context manager over the response before its body is read."""

    graders: AsyncGradersWithStreamingResponse

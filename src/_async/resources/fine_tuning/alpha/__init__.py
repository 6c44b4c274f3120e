"""``client.fine_tuning.alpha``: fine-tuning features still in preview."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..._base import AsyncAPIResource

if TYPE_CHECKING:
    from .graders import AsyncGraders

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncAlphaWithRawResponse, AsyncAlphaWithStreamingResponse
else:
    from ._views import AsyncAlphaWithRawResponse, AsyncAlphaWithStreamingResponse

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

"""``client.fine_tuning``: fine-tuning jobs, model checkpoint permissions and preview graders."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .._base import AsyncAPIResource

if TYPE_CHECKING:
    from .alpha import AsyncAlpha
    from .jobs import AsyncJobs
    from .model_checkpoints import (
        AsyncCheckpoints,
    )

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncFineTuningWithRawResponse, AsyncFineTuningWithStreamingResponse
else:
    from ._views import AsyncFineTuningWithRawResponse, AsyncFineTuningWithStreamingResponse

__all__ = ["AsyncFineTuning", "AsyncFineTuningWithRawResponse", "AsyncFineTuningWithStreamingResponse"]


class AsyncFineTuning(AsyncAPIResource):
    """Fine-tuning: ``client.fine_tuning.jobs``, ``.checkpoints`` and ``.alpha``."""

    with_raw_response: AsyncFineTuningWithRawResponse
    with_streaming_response: AsyncFineTuningWithStreamingResponse

    @functools.cached_property
    def jobs(self) -> AsyncJobs:
        """Create, follow and control fine-tuning jobs."""
        from .jobs import AsyncJobs

        return AsyncJobs(self._client)

    @functools.cached_property
    def checkpoints(self) -> AsyncCheckpoints:
        """The checkpoints of fine-tuned models, and which projects may use them."""
        from .model_checkpoints import AsyncCheckpoints

        return AsyncCheckpoints(self._client)

    @functools.cached_property
    def alpha(self) -> AsyncAlpha:
        """Fine-tuning features still in preview."""
        from .alpha import AsyncAlpha

        return AsyncAlpha(self._client)

"""``client.fine_tuning``: fine-tuning jobs, model checkpoint permissions and preview graders."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .._base import AsyncAPIResource, AsyncRawResponseView, AsyncStreamingResponseView

if TYPE_CHECKING:
    from .alpha import AsyncAlpha, AsyncAlphaWithRawResponse, AsyncAlphaWithStreamingResponse
    from .jobs import AsyncJobs, AsyncJobsWithRawResponse, AsyncJobsWithStreamingResponse
    from .model_checkpoints import (
        AsyncCheckpoints,
        AsyncCheckpointsWithRawResponse,
        AsyncCheckpointsWithStreamingResponse,
    )

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


class AsyncFineTuningWithRawResponse(AsyncRawResponseView, resource=AsyncFineTuning):
    """``AsyncFineTuning`` with each call returning the raw HTTP response; ``.parse()`` gives the usual result."""

    alpha: AsyncAlphaWithRawResponse
    checkpoints: AsyncCheckpointsWithRawResponse
    jobs: AsyncJobsWithRawResponse


class AsyncFineTuningWithStreamingResponse(AsyncStreamingResponseView, resource=AsyncFineTuning):
    """``AsyncFineTuning`` with each call a context manager over the response before its body is read."""

    alpha: AsyncAlphaWithStreamingResponse
    checkpoints: AsyncCheckpointsWithStreamingResponse
    jobs: AsyncJobsWithStreamingResponse

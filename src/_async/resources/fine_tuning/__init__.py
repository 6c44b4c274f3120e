"""``client.fine_tuning``: fine-tuning jobs."""

from __future__ import annotations

import functools

from .._base import AsyncAPIResource
from .jobs import AsyncJobs

__all__ = ["AsyncFineTuning", "AsyncJobs"]


class AsyncFineTuning(AsyncAPIResource):
    """Fine-tuning: ``client.fine_tuning.jobs``."""

    @functools.cached_property
    def jobs(self) -> AsyncJobs:
        """Create, follow and control fine-tuning jobs."""
        return AsyncJobs(self._client)

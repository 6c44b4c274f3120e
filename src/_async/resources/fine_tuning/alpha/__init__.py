"""``client.fine_tuning.alpha``: fine-tuning features still in preview."""

from __future__ import annotations

import functools

from ..._base import AsyncAPIResource
from .graders import AsyncGraders

__all__ = ["AsyncAlpha", "AsyncGraders"]


class AsyncAlpha(AsyncAPIResource):
    """Preview fine-tuning features: ``client.fine_tuning.alpha.graders``."""

    @functools.cached_property
    def graders(self) -> AsyncGraders:
        """Try out and check graders before a reinforcement fine-tuning job uses them."""
        return AsyncGraders(self._client)

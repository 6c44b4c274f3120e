"""``client.fine_tuning.alpha``: fine-tuning features still in preview."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..._base import AsyncAPIResource

if TYPE_CHECKING:
    from .graders import AsyncGraders

__all__ = ["AsyncAlpha"]


class AsyncAlpha(AsyncAPIResource):
    """Preview fine-tuning features: ``client.fine_tuning.alpha.graders``."""

    @functools.cached_property
    def graders(self) -> AsyncGraders:
        """Try out and check graders before a reinforcement fine-tuning job uses them."""
        from .graders import AsyncGraders

        return AsyncGraders(self._client)

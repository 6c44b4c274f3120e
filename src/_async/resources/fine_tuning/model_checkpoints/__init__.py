"""``client.fine_tuning.checkpoints``: the checkpoints of fine-tuned models, and who may use them.

The package is not called ``checkpoints`` because ``fine_tuning/checkpoints.py`` already holds
``client.fine_tuning.jobs.checkpoints``, the checkpoints a job saved.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..._base import AsyncAPIResource

if TYPE_CHECKING:
    from .permissions import AsyncPermissions

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncCheckpointsWithRawResponse, AsyncCheckpointsWithStreamingResponse
else:
    from ._views import AsyncCheckpointsWithRawResponse, AsyncCheckpointsWithStreamingResponse

__all__ = ["AsyncCheckpoints", "AsyncCheckpointsWithRawResponse", "AsyncCheckpointsWithStreamingResponse"]


class AsyncCheckpoints(AsyncAPIResource):
    """Fine-tuned model checkpoints: ``client.fine_tuning.checkpoints.permissions``."""

    with_raw_response: AsyncCheckpointsWithRawResponse
    with_streaming_response: AsyncCheckpointsWithStreamingResponse

    @functools.cached_property
    def permissions(self) -> AsyncPermissions:
        """Share a checkpoint with other projects."""
        from .permissions import AsyncPermissions

        return AsyncPermissions(self._client)

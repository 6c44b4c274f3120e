"""``client.fine_tuning.jobs.checkpoints``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._concurrency import AsyncPaginator
from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.fine_tuning.jobs import CheckpointListParams, FineTuningJobCheckpoint
from ..._pagination import AsyncCursorPage
from .._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._checkpoints_views import AsyncCheckpointsWithRawResponse, AsyncCheckpointsWithStreamingResponse
else:
    from ._checkpoints_views import AsyncCheckpointsWithRawResponse, AsyncCheckpointsWithStreamingResponse

__all__ = ["AsyncCheckpoints", "AsyncCheckpointsWithRawResponse", "AsyncCheckpointsWithStreamingResponse"]


class AsyncCheckpoints(AsyncAPIResource):
    """The checkpoints a fine-tuning job saved."""

    with_raw_response: AsyncCheckpointsWithRawResponse
    with_streaming_response: AsyncCheckpointsWithStreamingResponse

    def list(
        self,
        fine_tuning_job_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CheckpointListParams],
    ) -> AsyncPaginator[FineTuningJobCheckpoint, AsyncCursorPage[FineTuningJobCheckpoint]]:
        """List a job's checkpoints, page by page."""
        return self._list(
            f"/fine_tuning/jobs/{require_path_param('fine_tuning_job_id', fine_tuning_job_id)}/checkpoints",
            page=AsyncCursorPage[FineTuningJobCheckpoint],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

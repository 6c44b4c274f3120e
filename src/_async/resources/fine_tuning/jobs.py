"""``client.fine_tuning.jobs``."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._concurrency import AsyncPaginator
from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.fine_tuning import (
    FineTuningJob,
    FineTuningJobEvent,
    JobCreateParams,
    JobListEventsParams,
    JobListParams,
)
from ..._pagination import AsyncCursorPage
from .._base import AsyncAPIResource
from .checkpoints import AsyncCheckpoints

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._jobs_views import AsyncJobsWithRawResponse, AsyncJobsWithStreamingResponse
else:
    from ._jobs_views import AsyncJobsWithRawResponse, AsyncJobsWithStreamingResponse

__all__ = ["AsyncJobs", "AsyncJobsWithRawResponse", "AsyncJobsWithStreamingResponse"]


class AsyncJobs(AsyncAPIResource):
    """Fine-tuning jobs: create, list, follow, pause, resume and cancel them."""

    with_raw_response: AsyncJobsWithRawResponse
    with_streaming_response: AsyncJobsWithStreamingResponse

    @functools.cached_property
    def checkpoints(self) -> AsyncCheckpoints:
        """The checkpoints of a job."""
        return AsyncCheckpoints(self._client)

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[JobCreateParams],
    ) -> FineTuningJob:
        """Start fine-tuning a model on an uploaded training file."""
        return await self._call(
            "post",
            "/fine_tuning/jobs",
            body=params,
            cast_to=FineTuningJob,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        fine_tuning_job_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> FineTuningJob:
        """Get a job."""
        return await self._call(
            "get",
            f"/fine_tuning/jobs/{require_path_param('fine_tuning_job_id', fine_tuning_job_id)}",
            cast_to=FineTuningJob,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def list(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[JobListParams],
    ) -> AsyncPaginator[FineTuningJob, AsyncCursorPage[FineTuningJob]]:
        """List jobs, newest first, page by page."""
        return self._list(
            "/fine_tuning/jobs",
            page=AsyncCursorPage[FineTuningJob],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def cancel(
        self,
        fine_tuning_job_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> FineTuningJob:
        """Cancel a job that is running."""
        return await self._call(
            "post",
            f"/fine_tuning/jobs/{require_path_param('fine_tuning_job_id', fine_tuning_job_id)}/cancel",
            cast_to=FineTuningJob,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def pause(
        self,
        fine_tuning_job_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> FineTuningJob:
        """Pause a running job."""
        return await self._call(
            "post",
            f"/fine_tuning/jobs/{require_path_param('fine_tuning_job_id', fine_tuning_job_id)}/pause",
            cast_to=FineTuningJob,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def resume(
        self,
        fine_tuning_job_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> FineTuningJob:
        """Resume a paused job."""
        return await self._call(
            "post",
            f"/fine_tuning/jobs/{require_path_param('fine_tuning_job_id', fine_tuning_job_id)}/resume",
            cast_to=FineTuningJob,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def list_events(
        self,
        fine_tuning_job_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[JobListEventsParams],
    ) -> AsyncPaginator[FineTuningJobEvent, AsyncCursorPage[FineTuningJobEvent]]:
        """List a job's status events, page by page."""
        return self._list(
            f"/fine_tuning/jobs/{require_path_param('fine_tuning_job_id', fine_tuning_job_id)}/events",
            page=AsyncCursorPage[FineTuningJobEvent],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

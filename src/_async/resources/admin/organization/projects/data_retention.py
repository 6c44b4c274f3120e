"""``client.admin.organization.projects.data_retention``."""

from __future__ import annotations

from typing import Optional, Union

from typing_extensions import Unpack

from ......_request import require_path_param
from ......_types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ......types.admin.organization.projects import DataRetentionUpdateParams, ProjectDataRetention
from ...._base import (
    AsyncAPIResource,
    AsyncRawMethod,
    AsyncRawResponseView,
    AsyncStreamedMethod,
    AsyncStreamingResponseView,
)

__all__ = ["AsyncDataRetention", "AsyncDataRetentionWithRawResponse", "AsyncDataRetentionWithStreamingResponse"]


class AsyncDataRetention(AsyncAPIResource):
    """How long a project's data is kept."""

    with_raw_response: AsyncDataRetentionWithRawResponse
    with_streaming_response: AsyncDataRetentionWithStreamingResponse

    async def retrieve(
        self,
        project_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ProjectDataRetention:
        """Get a project's data retention setting."""
        return await self._call(
            "get",
            f"/organization/projects/{require_path_param('project_id', project_id)}/data_retention",
            cast_to=ProjectDataRetention,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def update(
        self,
        project_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[DataRetentionUpdateParams],
    ) -> ProjectDataRetention:
        """Change a project's data retention setting."""
        return await self._call(
            "post",
            f"/organization/projects/{require_path_param('project_id', project_id)}/data_retention",
            body=params,
            cast_to=ProjectDataRetention,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )


class AsyncDataRetentionWithRawResponse(AsyncRawResponseView, resource=AsyncDataRetention):
    """``AsyncDataRetention`` with each call returning the raw HTTP response; ``.parse()`` gives the usual result."""

    retrieve = AsyncRawMethod(AsyncDataRetention.retrieve)
    update = AsyncRawMethod(AsyncDataRetention.update)


class AsyncDataRetentionWithStreamingResponse(AsyncStreamingResponseView, resource=AsyncDataRetention):
    """``AsyncDataRetention`` with each call a context manager over the response before its body is read."""

    retrieve = AsyncStreamedMethod(AsyncDataRetention.retrieve)
    update = AsyncStreamedMethod(AsyncDataRetention.update)

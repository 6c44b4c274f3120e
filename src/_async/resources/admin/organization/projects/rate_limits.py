"""``client.admin.organization.projects.rate_limits``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ......_concurrency import AsyncPaginator
from ......_request import require_path_param
from ......_types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ......types.admin.organization.projects import (
    ProjectRateLimit,
    RateLimitListRateLimitsParams,
    RateLimitUpdateRateLimitParams,
)
from ....._pagination import AsyncConversationCursorPage
from ...._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._rate_limits_views import AsyncRateLimitsWithRawResponse, AsyncRateLimitsWithStreamingResponse
else:
    from ._rate_limits_views import AsyncRateLimitsWithRawResponse, AsyncRateLimitsWithStreamingResponse

__all__ = ["AsyncRateLimits", "AsyncRateLimitsWithRawResponse", "AsyncRateLimitsWithStreamingResponse"]


class AsyncRateLimits(AsyncAPIResource):
    """Per-model rate limits of a project."""

    with_raw_response: AsyncRateLimitsWithRawResponse
    with_streaming_response: AsyncRateLimitsWithStreamingResponse

    def list_rate_limits(
        self,
        project_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RateLimitListRateLimitsParams],
    ) -> AsyncPaginator[ProjectRateLimit, AsyncConversationCursorPage[ProjectRateLimit]]:
        """List a project's per-model rate limits, page by page."""
        return self._list(
            f"/organization/projects/{require_path_param('project_id', project_id)}/rate_limits",
            page=AsyncConversationCursorPage[ProjectRateLimit],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def update_rate_limit(
        self,
        rate_limit_id: str,
        *,
        project_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RateLimitUpdateRateLimitParams],
    ) -> ProjectRateLimit:
        """Change one of a project's rate limits."""
        return await self._call(
            "post",
            f"/organization/projects/{require_path_param('project_id', project_id)}/rate_limits/{require_path_param('rate_limit_id', rate_limit_id)}",
            body=params,
            cast_to=ProjectRateLimit,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

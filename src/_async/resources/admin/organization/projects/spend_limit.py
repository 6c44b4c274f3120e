"""``client.admin.organization.projects.spend_limit``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ......_request import require_path_param
from ......_types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ......types.admin.organization.projects import ProjectSpendLimit, ProjectSpendLimitDeleted, SpendLimitUpdateParams
from ...._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._spend_limit_views import AsyncSpendLimitWithRawResponse, AsyncSpendLimitWithStreamingResponse
else:
    from ._spend_limit_views import AsyncSpendLimitWithRawResponse, AsyncSpendLimitWithStreamingResponse

__all__ = ["AsyncSpendLimit", "AsyncSpendLimitWithRawResponse", "AsyncSpendLimitWithStreamingResponse"]


class AsyncSpendLimit(AsyncAPIResource):
    """The spending cap of a project."""

    with_raw_response: AsyncSpendLimitWithRawResponse
    with_streaming_response: AsyncSpendLimitWithStreamingResponse

    async def retrieve(
        self,
        project_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ProjectSpendLimit:
        """Get a project's spend limit."""
        return await self._call(
            "get",
            f"/organization/projects/{require_path_param('project_id', project_id)}/spend_limit",
            cast_to=ProjectSpendLimit,
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
        **params: Unpack[SpendLimitUpdateParams],
    ) -> ProjectSpendLimit:
        """Set a project's spend limit."""
        return await self._call(
            "post",
            f"/organization/projects/{require_path_param('project_id', project_id)}/spend_limit",
            body=params,
            cast_to=ProjectSpendLimit,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        project_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ProjectSpendLimitDeleted:
        """Remove a project's spend limit."""
        return await self._call(
            "delete",
            f"/organization/projects/{require_path_param('project_id', project_id)}/spend_limit",
            cast_to=ProjectSpendLimitDeleted,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

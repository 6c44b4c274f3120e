"""``client.admin.organization.projects.hosted_tool_permissions``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ......_request import require_path_param
from ......_types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ......types.admin.organization.projects import HostedToolPermissionUpdateParams, ProjectHostedToolPermissions
from ...._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._hosted_tool_permissions_views import (
        AsyncHostedToolPermissionsWithRawResponse,
        AsyncHostedToolPermissionsWithStreamingResponse,
    )
else:
    from ._hosted_tool_permissions_views import (
        AsyncHostedToolPermissionsWithRawResponse,
        AsyncHostedToolPermissionsWithStreamingResponse,
    )

__all__ = [
    "AsyncHostedToolPermissions",
    "AsyncHostedToolPermissionsWithRawResponse",
    "AsyncHostedToolPermissionsWithStreamingResponse",
]


class AsyncHostedToolPermissions(AsyncAPIResource):
    """Which hosted tools a project may call."""

    with_raw_response: AsyncHostedToolPermissionsWithRawResponse
    with_streaming_response: AsyncHostedToolPermissionsWithStreamingResponse

    async def retrieve(
        self,
        project_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ProjectHostedToolPermissions:
        """Get which hosted tools a project may use."""
        return await self._call(
            "get",
            f"/organization/projects/{require_path_param('project_id', project_id)}/hosted_tool_permissions",
            cast_to=ProjectHostedToolPermissions,
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
        **params: Unpack[HostedToolPermissionUpdateParams],
    ) -> ProjectHostedToolPermissions:
        """Change which hosted tools a project may use."""
        return await self._call(
            "post",
            f"/organization/projects/{require_path_param('project_id', project_id)}/hosted_tool_permissions",
            body=params,
            cast_to=ProjectHostedToolPermissions,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

"""``client.admin.organization.projects.groups``."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ......._concurrency import AsyncPaginator
from ......._request import require_path_param
from ......._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .......types.admin.organization.projects import (
    GroupCreateParams,
    GroupDeleteResponse,
    GroupListParams,
    GroupRetrieveParams,
    ProjectGroup,
)
from ......_pagination import AsyncNextCursorPage
from ....._base import AsyncAPIResource

if TYPE_CHECKING:
    from .roles import AsyncRoles

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncGroupsWithRawResponse, AsyncGroupsWithStreamingResponse
else:
    from ._views import AsyncGroupsWithRawResponse, AsyncGroupsWithStreamingResponse

__all__ = ["AsyncGroups", "AsyncGroupsWithRawResponse", "AsyncGroupsWithStreamingResponse"]


class AsyncGroups(AsyncAPIResource):
    """Groups that have access to a project."""

    with_raw_response: AsyncGroupsWithRawResponse
    with_streaming_response: AsyncGroupsWithStreamingResponse

    @functools.cached_property
    def roles(self) -> AsyncRoles:
        """The project roles assigned to a group."""
        from .roles import AsyncRoles

        return AsyncRoles(self._client)

    async def create(
        self,
        project_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[GroupCreateParams],
    ) -> ProjectGroup:
        """Give a group access to a project."""
        return await self._call(
            "post",
            f"/organization/projects/{require_path_param('project_id', project_id)}/groups",
            body=params,
            cast_to=ProjectGroup,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        group_id: str,
        *,
        project_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[GroupRetrieveParams],
    ) -> ProjectGroup:
        """Get a group's membership of a project."""
        return await self._call(
            "get",
            f"/organization/projects/{require_path_param('project_id', project_id)}/groups/{require_path_param('group_id', group_id)}",
            query=params,
            cast_to=ProjectGroup,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def list(
        self,
        project_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[GroupListParams],
    ) -> AsyncPaginator[ProjectGroup, AsyncNextCursorPage[ProjectGroup]]:
        """List the groups with access to a project, page by page."""
        return self._list(
            f"/organization/projects/{require_path_param('project_id', project_id)}/groups",
            page=AsyncNextCursorPage[ProjectGroup],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        group_id: str,
        *,
        project_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> GroupDeleteResponse:
        """Remove a group from a project."""
        return await self._call(
            "delete",
            f"/organization/projects/{require_path_param('project_id', project_id)}/groups/{require_path_param('group_id', group_id)}",
            cast_to=GroupDeleteResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

"""``client.admin.organization.projects.roles``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ......_concurrency import AsyncPaginator
from ......_request import require_path_param
from ......_types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ......types.admin.organization import Role
from ......types.admin.organization.projects import (
    RoleCreateParams,
    RoleDeleteResponse,
    RoleListParams,
    RoleUpdateParams,
)
from ....._pagination import AsyncNextCursorPage
from ...._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._roles_views import AsyncRolesWithRawResponse, AsyncRolesWithStreamingResponse
else:
    from ._roles_views import AsyncRolesWithRawResponse, AsyncRolesWithStreamingResponse

__all__ = ["AsyncRoles", "AsyncRolesWithRawResponse", "AsyncRolesWithStreamingResponse"]


class AsyncRoles(AsyncAPIResource):
    """Custom roles defined for a project."""

    with_raw_response: AsyncRolesWithRawResponse
    with_streaming_response: AsyncRolesWithStreamingResponse

    async def create(
        self,
        project_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RoleCreateParams],
    ) -> Role:
        """Define a custom role for a project."""
        return await self._call(
            "post",
            f"/projects/{require_path_param('project_id', project_id)}/roles",
            body=params,
            cast_to=Role,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        role_id: str,
        *,
        project_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> Role:
        """Get a project role."""
        return await self._call(
            "get",
            f"/projects/{require_path_param('project_id', project_id)}/roles/{require_path_param('role_id', role_id)}",
            cast_to=Role,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def update(
        self,
        role_id: str,
        *,
        project_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RoleUpdateParams],
    ) -> Role:
        """Change a project role."""
        return await self._call(
            "post",
            f"/projects/{require_path_param('project_id', project_id)}/roles/{require_path_param('role_id', role_id)}",
            body=params,
            cast_to=Role,
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
        **params: Unpack[RoleListParams],
    ) -> AsyncPaginator[Role, AsyncNextCursorPage[Role]]:
        """List a project's roles, page by page."""
        return self._list(
            f"/projects/{require_path_param('project_id', project_id)}/roles",
            page=AsyncNextCursorPage[Role],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        role_id: str,
        *,
        project_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> RoleDeleteResponse:
        """Delete a project role."""
        return await self._call(
            "delete",
            f"/projects/{require_path_param('project_id', project_id)}/roles/{require_path_param('role_id', role_id)}",
            cast_to=RoleDeleteResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

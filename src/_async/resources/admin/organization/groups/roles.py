"""``client.admin.organization.groups.roles``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ......_concurrency import AsyncPaginator
from ......_request import require_path_param
from ......_types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ......types.admin.organization.groups import (
    RoleCreateParams,
    RoleCreateResponse,
    RoleDeleteResponse,
    RoleListParams,
    RoleListResponse,
    RoleRetrieveResponse,
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
    """Roles assigned to a group."""

    with_raw_response: AsyncRolesWithRawResponse
    with_streaming_response: AsyncRolesWithStreamingResponse

    async def create(
        self,
        group_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RoleCreateParams],
    ) -> RoleCreateResponse:
        """Assign a role to a group."""
        return await self._call(
            "post",
            f"/organization/groups/{require_path_param('group_id', group_id)}/roles",
            body=params,
            cast_to=RoleCreateResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        role_id: str,
        *,
        group_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> RoleRetrieveResponse:
        """Get one of a group's role assignments."""
        return await self._call(
            "get",
            f"/organization/groups/{require_path_param('group_id', group_id)}/roles/{require_path_param('role_id', role_id)}",
            cast_to=RoleRetrieveResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def list(
        self,
        group_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RoleListParams],
    ) -> AsyncPaginator[RoleListResponse, AsyncNextCursorPage[RoleListResponse]]:
        """List the roles assigned to a group, page by page."""
        return self._list(
            f"/organization/groups/{require_path_param('group_id', group_id)}/roles",
            page=AsyncNextCursorPage[RoleListResponse],
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
        group_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> RoleDeleteResponse:
        """Unassign a role from a group."""
        return await self._call(
            "delete",
            f"/organization/groups/{require_path_param('group_id', group_id)}/roles/{require_path_param('role_id', role_id)}",
            cast_to=RoleDeleteResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

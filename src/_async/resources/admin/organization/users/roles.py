"""``client.admin.organization.users.roles``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ......_concurrency import AsyncPaginator
from ......_request import require_path_param
from ......_types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ......types.admin.organization.users import (
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
    """Roles assigned to a member."""

    with_raw_response: AsyncRolesWithRawResponse
    with_streaming_response: AsyncRolesWithStreamingResponse

    async def create(
        self,
        user_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RoleCreateParams],
    ) -> RoleCreateResponse:
        """Assign a role to a member."""
        return await self._call(
            "post",
            f"/organization/users/{require_path_param('user_id', user_id)}/roles",
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
        user_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> RoleRetrieveResponse:
        """Get one of a member's role assignments."""
        return await self._call(
            "get",
            f"/organization/users/{require_path_param('user_id', user_id)}/roles/{require_path_param('role_id', role_id)}",
            cast_to=RoleRetrieveResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def list(
        self,
        user_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RoleListParams],
    ) -> AsyncPaginator[RoleListResponse, AsyncNextCursorPage[RoleListResponse]]:
        """List the roles assigned to a member, page by page."""
        return self._list(
            f"/organization/users/{require_path_param('user_id', user_id)}/roles",
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
        user_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> RoleDeleteResponse:
        """Unassign a role from a member."""
        return await self._call(
            "delete",
            f"/organization/users/{require_path_param('user_id', user_id)}/roles/{require_path_param('role_id', role_id)}",
            cast_to=RoleDeleteResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

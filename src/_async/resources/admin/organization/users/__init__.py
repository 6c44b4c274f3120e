"""``client.admin.organization.users``."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ......_concurrency import AsyncPaginator
from ......_request import require_path_param
from ......_types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ......types.admin.organization import OrganizationUser, UserDeleteResponse, UserListParams, UserUpdateParams
from ....._pagination import AsyncConversationCursorPage
from ...._base import AsyncAPIResource

if TYPE_CHECKING:
    from .roles import AsyncRoles

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncUsersWithRawResponse, AsyncUsersWithStreamingResponse
else:
    from ._views import AsyncUsersWithRawResponse, AsyncUsersWithStreamingResponse

__all__ = ["AsyncUsers", "AsyncUsersWithRawResponse", "AsyncUsersWithStreamingResponse"]


class AsyncUsers(AsyncAPIResource):
    """The organization's members and their roles."""

    with_raw_response: AsyncUsersWithRawResponse
    with_streaming_response: AsyncUsersWithStreamingResponse

    @functools.cached_property
    def roles(self) -> AsyncRoles:
        """Roles assigned to a member."""
        from .roles import AsyncRoles

        return AsyncRoles(self._client)

    async def retrieve(
        self,
        user_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> OrganizationUser:
        """Get a member of the organization."""
        return await self._call(
            "get",
            f"/organization/users/{require_path_param('user_id', user_id)}",
            cast_to=OrganizationUser,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def update(
        self,
        user_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[UserUpdateParams],
    ) -> OrganizationUser:
        """Change a member's role or profile settings."""
        return await self._call(
            "post",
            f"/organization/users/{require_path_param('user_id', user_id)}",
            body=params,
            cast_to=OrganizationUser,
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
        **params: Unpack[UserListParams],
    ) -> AsyncPaginator[OrganizationUser, AsyncConversationCursorPage[OrganizationUser]]:
        """List the organization's members, page by page."""
        return self._list(
            "/organization/users",
            page=AsyncConversationCursorPage[OrganizationUser],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        user_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> UserDeleteResponse:
        """Remove a member from the organization."""
        return await self._call(
            "delete",
            f"/organization/users/{require_path_param('user_id', user_id)}",
            cast_to=UserDeleteResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

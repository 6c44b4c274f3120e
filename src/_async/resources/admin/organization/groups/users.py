"""``client.admin.organization.groups.users``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ......_concurrency import AsyncPaginator
from ......_request import require_path_param
from ......_types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ......types.admin.organization.groups import (
    OrganizationGroupUser,
    UserCreateParams,
    UserCreateResponse,
    UserDeleteResponse,
    UserListParams,
    UserRetrieveResponse,
)
from ....._pagination import AsyncNextCursorPage
from ...._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._users_views import AsyncUsersWithRawResponse, AsyncUsersWithStreamingResponse
else:
    from ._users_views import AsyncUsersWithRawResponse, AsyncUsersWithStreamingResponse

__all__ = ["AsyncUsers", "AsyncUsersWithRawResponse", "AsyncUsersWithStreamingResponse"]


class AsyncUsers(AsyncAPIResource):
    """The members of a group."""

    with_raw_response: AsyncUsersWithRawResponse
    with_streaming_response: AsyncUsersWithStreamingResponse

    async def create(
        self,
        group_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[UserCreateParams],
    ) -> UserCreateResponse:
        """Add a user to a group."""
        return await self._call(
            "post",
            f"/organization/groups/{require_path_param('group_id', group_id)}/users",
            body=params,
            cast_to=UserCreateResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        user_id: str,
        *,
        group_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> UserRetrieveResponse:
        """Get one member of a group."""
        return await self._call(
            "get",
            f"/organization/groups/{require_path_param('group_id', group_id)}/users/{require_path_param('user_id', user_id)}",
            cast_to=UserRetrieveResponse,
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
        **params: Unpack[UserListParams],
    ) -> AsyncPaginator[OrganizationGroupUser, AsyncNextCursorPage[OrganizationGroupUser]]:
        """List a group's members, page by page."""
        return self._list(
            f"/organization/groups/{require_path_param('group_id', group_id)}/users",
            page=AsyncNextCursorPage[OrganizationGroupUser],
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
        group_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> UserDeleteResponse:
        """Remove a user from a group."""
        return await self._call(
            "delete",
            f"/organization/groups/{require_path_param('group_id', group_id)}/users/{require_path_param('user_id', user_id)}",
            cast_to=UserDeleteResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

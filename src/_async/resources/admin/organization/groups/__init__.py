"""``client.admin.organization.groups``."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ......_concurrency import AsyncPaginator
from ......_request import require_path_param
from ......_types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ......types.admin.organization import (
    Group,
    GroupCreateParams,
    GroupDeleteResponse,
    GroupListParams,
    GroupUpdateParams,
    GroupUpdateResponse,
)
from ....._pagination import AsyncNextCursorPage
from ...._base import AsyncAPIResource

if TYPE_CHECKING:
    from .roles import AsyncRoles
    from .users import AsyncUsers

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncGroupsWithRawResponse, AsyncGroupsWithStreamingResponse
else:
    from ._views import AsyncGroupsWithRawResponse, AsyncGroupsWithStreamingResponse

__all__ = ["AsyncGroups", "AsyncGroupsWithRawResponse", "AsyncGroupsWithStreamingResponse"]


class AsyncGroups(AsyncAPIResource):
    """Groups of users, their members and their roles."""

    with_raw_response: AsyncGroupsWithRawResponse
    with_streaming_response: AsyncGroupsWithStreamingResponse

    @functools.cached_property
    def roles(self) -> AsyncRoles:
        """Roles assigned to a group."""
        from .roles import AsyncRoles

        return AsyncRoles(self._client)

    @functools.cached_property
    def users(self) -> AsyncUsers:
        """The members of a group."""
        from .users import AsyncUsers

        return AsyncUsers(self._client)

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[GroupCreateParams],
    ) -> Group:
        """Create a group."""
        return await self._call(
            "post",
            "/organization/groups",
            body=params,
            cast_to=Group,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        group_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> Group:
        """Get a group."""
        return await self._call(
            "get",
            f"/organization/groups/{require_path_param('group_id', group_id)}",
            cast_to=Group,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def update(
        self,
        group_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[GroupUpdateParams],
    ) -> GroupUpdateResponse:
        """Rename a group."""
        return await self._call(
            "post",
            f"/organization/groups/{require_path_param('group_id', group_id)}",
            body=params,
            cast_to=GroupUpdateResponse,
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
        **params: Unpack[GroupListParams],
    ) -> AsyncPaginator[Group, AsyncNextCursorPage[Group]]:
        """List the organization's groups, page by page."""
        return self._list(
            "/organization/groups",
            page=AsyncNextCursorPage[Group],
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
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> GroupDeleteResponse:
        """Delete a group."""
        return await self._call(
            "delete",
            f"/organization/groups/{require_path_param('group_id', group_id)}",
            cast_to=GroupDeleteResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

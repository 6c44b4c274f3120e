"""``client.admin.organization.projects.users.roles``."""

from __future__ import annotations

from typing import Optional, Union

from typing_extensions import Unpack

from ......._concurrency import AsyncPaginator
from ......._request import require_path_param
from ......._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .......types.admin.organization.projects.users import (
    RoleCreateParams,
    RoleCreateResponse,
    RoleDeleteResponse,
    RoleListParams,
    RoleListResponse,
    RoleRetrieveResponse,
)
from ......_pagination import AsyncNextCursorPage
from ....._base import (
    AsyncAPIResource,
    AsyncRawListMethod,
    AsyncRawMethod,
    AsyncRawResponseView,
    AsyncStreamedListMethod,
    AsyncStreamedMethod,
    AsyncStreamingResponseView,
)

__all__ = ["AsyncRoles", "AsyncRolesWithRawResponse", "AsyncRolesWithStreamingResponse"]


class AsyncRoles(AsyncAPIResource):
    """Project roles assigned to a member."""

    with_raw_response: AsyncRolesWithRawResponse
    with_streaming_response: AsyncRolesWithStreamingResponse

    async def create(
        self,
        user_id: str,
        *,
        project_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RoleCreateParams],
    ) -> RoleCreateResponse:
        """Assign a project role to a member."""
        return await self._call(
            "post",
            f"/projects/{require_path_param('project_id', project_id)}/users/{require_path_param('user_id', user_id)}/roles",
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
        project_id: str,
        user_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> RoleRetrieveResponse:
        """Get a project role assigned to a member."""
        return await self._call(
            "get",
            f"/projects/{require_path_param('project_id', project_id)}/users/{require_path_param('user_id', user_id)}/roles/{require_path_param('role_id', role_id)}",
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
        project_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[RoleListParams],
    ) -> AsyncPaginator[RoleListResponse, AsyncNextCursorPage[RoleListResponse]]:
        """List the project roles assigned to a member, page by page."""
        return self._list(
            f"/projects/{require_path_param('project_id', project_id)}/users/{require_path_param('user_id', user_id)}/roles",
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
        project_id: str,
        user_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> RoleDeleteResponse:
        """Take a project role away from a member."""
        return await self._call(
            "delete",
            f"/projects/{require_path_param('project_id', project_id)}/users/{require_path_param('user_id', user_id)}/roles/{require_path_param('role_id', role_id)}",
            cast_to=RoleDeleteResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )


class AsyncRolesWithRawResponse(AsyncRawResponseView, resource=AsyncRoles):
    """``AsyncRoles`` with each call returning the raw HTTP response; ``.parse()`` gives the usual result."""

    create = AsyncRawMethod(AsyncRoles.create)
    delete = AsyncRawMethod(AsyncRoles.delete)
    list = AsyncRawListMethod(AsyncRoles.list)
    retrieve = AsyncRawMethod(AsyncRoles.retrieve)


class AsyncRolesWithStreamingResponse(AsyncStreamingResponseView, resource=AsyncRoles):
    """``AsyncRoles`` with each call a context manager over the response before its body is read."""

    create = AsyncStreamedMethod(AsyncRoles.create)
    delete = AsyncStreamedMethod(AsyncRoles.delete)
    list = AsyncStreamedListMethod(AsyncRoles.list)
    retrieve = AsyncStreamedMethod(AsyncRoles.retrieve)

"""``client.admin.organization.projects.model_permissions``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ......_request import require_path_param
from ......_types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ......types.admin.organization.projects import (
    ModelPermissionUpdateParams,
    ProjectModelPermissions,
    ProjectModelPermissionsDeleted,
)
from ...._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._model_permissions_views import (
        AsyncModelPermissionsWithRawResponse,
        AsyncModelPermissionsWithStreamingResponse,
    )
else:
    from ._model_permissions_views import (
        AsyncModelPermissionsWithRawResponse,
        AsyncModelPermissionsWithStreamingResponse,
    )

__all__ = [
    "AsyncModelPermissions",
    "AsyncModelPermissionsWithRawResponse",
    "AsyncModelPermissionsWithStreamingResponse",
]


class AsyncModelPermissions(AsyncAPIResource):
    """Which models a project may call."""

    with_raw_response: AsyncModelPermissionsWithRawResponse
    with_streaming_response: AsyncModelPermissionsWithStreamingResponse

    async def retrieve(
        self,
        project_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ProjectModelPermissions:
        """Get which models a project may use."""
        return await self._call(
            "get",
            f"/organization/projects/{require_path_param('project_id', project_id)}/model_permissions",
            cast_to=ProjectModelPermissions,
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
        **params: Unpack[ModelPermissionUpdateParams],
    ) -> ProjectModelPermissions:
        """Change which models a project may use."""
        return await self._call(
            "post",
            f"/organization/projects/{require_path_param('project_id', project_id)}/model_permissions",
            body=params,
            cast_to=ProjectModelPermissions,
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
    ) -> ProjectModelPermissionsDeleted:
        """Drop a project's model restrictions."""
        return await self._call(
            "delete",
            f"/organization/projects/{require_path_param('project_id', project_id)}/model_permissions",
            cast_to=ProjectModelPermissionsDeleted,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

"""``client.admin.organization.projects``."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ......_concurrency import AsyncPaginator
from ......_request import require_path_param
from ......_types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ......types.admin.organization import Project, ProjectCreateParams, ProjectListParams, ProjectUpdateParams
from ....._pagination import AsyncConversationCursorPage
from ...._base import AsyncAPIResource

if TYPE_CHECKING:
    from .api_keys import AsyncAPIKeys
    from .certificates import (
        AsyncCertificates,
    )
    from .data_retention import (
        AsyncDataRetention,
    )
    from .groups import AsyncGroups
    from .hosted_tool_permissions import (
        AsyncHostedToolPermissions,
    )
    from .model_permissions import (
        AsyncModelPermissions,
    )
    from .rate_limits import AsyncRateLimits
    from .roles import AsyncRoles
    from .service_accounts import (
        AsyncServiceAccounts,
    )
    from .spend_alerts import AsyncSpendAlerts
    from .spend_limit import AsyncSpendLimit
    from .users import AsyncUsers

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncProjectsWithRawResponse, AsyncProjectsWithStreamingResponse
else:
    from ._views import AsyncProjectsWithRawResponse, AsyncProjectsWithStreamingResponse

__all__ = ["AsyncProjects", "AsyncProjectsWithRawResponse", "AsyncProjectsWithStreamingResponse"]


class AsyncProjects(AsyncAPIResource):
    """The organization's projects and everything configured per project."""

    with_raw_response: AsyncProjectsWithRawResponse
    with_streaming_response: AsyncProjectsWithStreamingResponse

    @functools.cached_property
    def api_keys(self) -> AsyncAPIKeys:
        """The project's API keys."""
        from .api_keys import AsyncAPIKeys

        return AsyncAPIKeys(self._client)

    @functools.cached_property
    def certificates(self) -> AsyncCertificates:
        """The project's certificates."""
        from .certificates import AsyncCertificates

        return AsyncCertificates(self._client)

    @functools.cached_property
    def data_retention(self) -> AsyncDataRetention:
        """The project's data retention setting."""
        from .data_retention import AsyncDataRetention

        return AsyncDataRetention(self._client)

    @functools.cached_property
    def groups(self) -> AsyncGroups:
        """Groups with access to the project."""
        from .groups import AsyncGroups

        return AsyncGroups(self._client)

    @functools.cached_property
    def hosted_tool_permissions(self) -> AsyncHostedToolPermissions:
        """The project's hosted tool permissions."""
        from .hosted_tool_permissions import AsyncHostedToolPermissions

        return AsyncHostedToolPermissions(self._client)

    @functools.cached_property
    def model_permissions(self) -> AsyncModelPermissions:
        """The project's model permissions."""
        from .model_permissions import AsyncModelPermissions

        return AsyncModelPermissions(self._client)

    @functools.cached_property
    def rate_limits(self) -> AsyncRateLimits:
        """The project's rate limits."""
        from .rate_limits import AsyncRateLimits

        return AsyncRateLimits(self._client)

    @functools.cached_property
    def roles(self) -> AsyncRoles:
        """The project's roles."""
        from .roles import AsyncRoles

        return AsyncRoles(self._client)

    @functools.cached_property
    def service_accounts(self) -> AsyncServiceAccounts:
        """The project's service accounts."""
        from .service_accounts import AsyncServiceAccounts

        return AsyncServiceAccounts(self._client)

    @functools.cached_property
    def spend_alerts(self) -> AsyncSpendAlerts:
        """The project's spend alerts."""
        from .spend_alerts import AsyncSpendAlerts

        return AsyncSpendAlerts(self._client)

    @functools.cached_property
    def spend_limit(self) -> AsyncSpendLimit:
        """The project's spend limit."""
        from .spend_limit import AsyncSpendLimit

        return AsyncSpendLimit(self._client)

    @functools.cached_property
    def users(self) -> AsyncUsers:
        """The project's members."""
        from .users import AsyncUsers

        return AsyncUsers(self._client)

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ProjectCreateParams],
    ) -> Project:
        """Create a project in the organization."""
        return await self._call(
            "post",
            "/organization/projects",
            body=params,
            cast_to=Project,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        project_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> Project:
        """Get a project."""
        return await self._call(
            "get",
            f"/organization/projects/{require_path_param('project_id', project_id)}",
            cast_to=Project,
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
        **params: Unpack[ProjectUpdateParams],
    ) -> Project:
        """Rename or otherwise change a project."""
        return await self._call(
            "post",
            f"/organization/projects/{require_path_param('project_id', project_id)}",
            body=params,
            cast_to=Project,
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
        **params: Unpack[ProjectListParams],
    ) -> AsyncPaginator[Project, AsyncConversationCursorPage[Project]]:
        """List the organization's projects, page by page."""
        return self._list(
            "/organization/projects",
            page=AsyncConversationCursorPage[Project],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def archive(
        self,
        project_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> Project:
        """Archive a project; it can no longer be used."""
        return await self._call(
            "post",
            f"/organization/projects/{require_path_param('project_id', project_id)}/archive",
            cast_to=Project,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

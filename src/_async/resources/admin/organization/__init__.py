"""``client.admin.organization``."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..._base import AsyncAPIResource

if TYPE_CHECKING:
    from .admin_api_keys import (
        AsyncAdminAPIKeys,
    )
    from .audit_logs import AsyncAuditLogs
    from .certificates import (
        AsyncCertificates,
    )
    from .data_retention import (
        AsyncDataRetention,
    )
    from .groups import AsyncGroups
    from .invites import AsyncInvites
    from .projects import AsyncProjects
    from .roles import AsyncRoles
    from .spend_alerts import AsyncSpendAlerts
    from .spend_limit import AsyncSpendLimit
    from .usage import AsyncUsage
    from .users import AsyncUsers

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncOrganizationWithRawResponse, AsyncOrganizationWithStreamingResponse
else:
    from ._views import AsyncOrganizationWithRawResponse, AsyncOrganizationWithStreamingResponse

__all__ = ["AsyncOrganization", "AsyncOrganizationWithRawResponse", "AsyncOrganizationWithStreamingResponse"]


class AsyncOrganization(AsyncAPIResource):
    """One organization's administration, grouped by what is administered."""

    with_raw_response: AsyncOrganizationWithRawResponse
    with_streaming_response: AsyncOrganizationWithStreamingResponse

    @functools.cached_property
    def admin_api_keys(self) -> AsyncAdminAPIKeys:
        """Admin API keys."""
        from .admin_api_keys import AsyncAdminAPIKeys

        return AsyncAdminAPIKeys(self._client)

    @functools.cached_property
    def audit_logs(self) -> AsyncAuditLogs:
        """The audit log."""
        from .audit_logs import AsyncAuditLogs

        return AsyncAuditLogs(self._client)

    @functools.cached_property
    def certificates(self) -> AsyncCertificates:
        """Certificates uploaded to the organization."""
        from .certificates import AsyncCertificates

        return AsyncCertificates(self._client)

    @functools.cached_property
    def data_retention(self) -> AsyncDataRetention:
        """The data retention setting."""
        from .data_retention import AsyncDataRetention

        return AsyncDataRetention(self._client)

    @functools.cached_property
    def groups(self) -> AsyncGroups:
        """Groups of users."""
        from .groups import AsyncGroups

        return AsyncGroups(self._client)

    @functools.cached_property
    def invites(self) -> AsyncInvites:
        """Invitations to join."""
        from .invites import AsyncInvites

        return AsyncInvites(self._client)

    @functools.cached_property
    def roles(self) -> AsyncRoles:
        """Roles."""
        from .roles import AsyncRoles

        return AsyncRoles(self._client)

    @functools.cached_property
    def spend_alerts(self) -> AsyncSpendAlerts:
        """Spend alerts."""
        from .spend_alerts import AsyncSpendAlerts

        return AsyncSpendAlerts(self._client)

    @functools.cached_property
    def spend_limit(self) -> AsyncSpendLimit:
        """The spend limit."""
        from .spend_limit import AsyncSpendLimit

        return AsyncSpendLimit(self._client)

    @functools.cached_property
    def usage(self) -> AsyncUsage:
        """Usage and cost reports."""
        from .usage import AsyncUsage

        return AsyncUsage(self._client)

    @functools.cached_property
    def users(self) -> AsyncUsers:
        """Members."""
        from .users import AsyncUsers

        return AsyncUsers(self._client)

    @functools.cached_property
    def projects(self) -> AsyncProjects:
        """Projects, and their keys, members, limits and permissions."""
        from .projects import AsyncProjects

        return AsyncProjects(self._client)

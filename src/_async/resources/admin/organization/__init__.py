"""``client.admin.organization``."""

from __future__ import annotations

import functools

from ..._base import AsyncAPIResource
from .admin_api_keys import AsyncAdminAPIKeys
from .audit_logs import AsyncAuditLogs
from .certificates import AsyncCertificates
from .data_retention import AsyncDataRetention
from .groups import AsyncGroups
from .invites import AsyncInvites
from .projects import AsyncProjects
from .roles import AsyncRoles
from .spend_alerts import AsyncSpendAlerts
from .spend_limit import AsyncSpendLimit
from .usage import AsyncUsage
from .users import AsyncUsers

__all__ = ["AsyncOrganization"]


class AsyncOrganization(AsyncAPIResource):
    """One organization's administration, grouped by what is administered."""

    @functools.cached_property
    def admin_api_keys(self) -> AsyncAdminAPIKeys:
        """Admin API keys."""
        return AsyncAdminAPIKeys(self._client)

    @functools.cached_property
    def audit_logs(self) -> AsyncAuditLogs:
        """The audit log."""
        return AsyncAuditLogs(self._client)

    @functools.cached_property
    def certificates(self) -> AsyncCertificates:
        """Certificates uploaded to the organization."""
        return AsyncCertificates(self._client)

    @functools.cached_property
    def data_retention(self) -> AsyncDataRetention:
        """The data retention setting."""
        return AsyncDataRetention(self._client)

    @functools.cached_property
    def groups(self) -> AsyncGroups:
        """Groups of users."""
        return AsyncGroups(self._client)

    @functools.cached_property
    def invites(self) -> AsyncInvites:
        """Invitations to join."""
        return AsyncInvites(self._client)

    @functools.cached_property
    def roles(self) -> AsyncRoles:
        """Roles."""
        return AsyncRoles(self._client)

    @functools.cached_property
    def spend_alerts(self) -> AsyncSpendAlerts:
        """Spend alerts."""
        return AsyncSpendAlerts(self._client)

    @functools.cached_property
    def spend_limit(self) -> AsyncSpendLimit:
        """The spend limit."""
        return AsyncSpendLimit(self._client)

    @functools.cached_property
    def usage(self) -> AsyncUsage:
        """Usage and cost reports."""
        return AsyncUsage(self._client)

    @functools.cached_property
    def users(self) -> AsyncUsers:
        """Members."""
        return AsyncUsers(self._client)

    @functools.cached_property
    def projects(self) -> AsyncProjects:
        """Projects, and their keys, members, limits and permissions."""
        return AsyncProjects(self._client)

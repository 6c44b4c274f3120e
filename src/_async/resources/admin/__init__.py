"""``client.admin``: organization administration, called with an admin API key."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .._base import AsyncAPIResource

if TYPE_CHECKING:
    from .organization import AsyncOrganization

__all__ = ["AsyncAdmin"]


class AsyncAdmin(AsyncAPIResource):
    """Administration calls: ``client.admin.organization``."""

    @functools.cached_property
    def organization(self) -> AsyncOrganization:
        """The organization's keys, members, groups, roles, projects, limits, usage and audit log."""
        from .organization import AsyncOrganization

        return AsyncOrganization(self._client)

"""``client.admin``: organization administration, called with an admin API key."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .._base import AsyncAPIResource

if TYPE_CHECKING:
    from .organization import (
        AsyncOrganization,
    )

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncAdminWithRawResponse, AsyncAdminWithStreamingResponse
else:
    from ._views import AsyncAdminWithRawResponse, AsyncAdminWithStreamingResponse

__all__ = ["AsyncAdmin", "AsyncAdminWithRawResponse", "AsyncAdminWithStreamingResponse"]


class AsyncAdmin(AsyncAPIResource):
    """Administration calls: ``client.admin.organization``."""

    with_raw_response: AsyncAdminWithRawResponse
    with_streaming_response: AsyncAdminWithStreamingResponse

    @functools.cached_property
    def organization(self) -> AsyncOrganization:
        """The organization's keys, members, groups, roles, projects, limits, usage and audit log."""
        from .organization import AsyncOrganization

        return AsyncOrganization(self._client)

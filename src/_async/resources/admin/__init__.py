"""``client.admin``: organization administration, called with an admin API key."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .._base import AsyncAPIResource, AsyncRawResponseView, AsyncStreamingResponseView

if TYPE_CHECKING:
    from .organization import (
        AsyncOrganization,
        AsyncOrganizationWithRawResponse,
        AsyncOrganizationWithStreamingResponse,
    )

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


class AsyncAdminWithRawResponse(AsyncRawResponseView, resource=AsyncAdmin):
    """``AsyncAdmin`` with each call returning the raw HTTP response; ``.parse()`` gives the usual result."""

    organization: AsyncOrganizationWithRawResponse


class AsyncAdminWithStreamingResponse(AsyncStreamingResponseView, resource=AsyncAdmin):
    """``AsyncAdmin`` with each call a context manager over the response before its body is read."""

    organization: AsyncOrganizationWithStreamingResponse

"""``client.admin.organization.spend_alerts``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ....._concurrency import AsyncPaginator
from ....._request import require_path_param
from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .....types.admin.organization import (
    OrganizationSpendAlert,
    OrganizationSpendAlertDeleted,
    SpendAlertCreateParams,
    SpendAlertListParams,
    SpendAlertUpdateParams,
)
from ...._pagination import AsyncConversationCursorPage
from ..._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._spend_alerts_views import AsyncSpendAlertsWithRawResponse, AsyncSpendAlertsWithStreamingResponse
else:
    from ._spend_alerts_views import AsyncSpendAlertsWithRawResponse, AsyncSpendAlertsWithStreamingResponse

__all__ = ["AsyncSpendAlerts", "AsyncSpendAlertsWithRawResponse", "AsyncSpendAlertsWithStreamingResponse"]


class AsyncSpendAlerts(AsyncAPIResource):
    """Alerts sent when spending crosses a threshold."""

    with_raw_response: AsyncSpendAlertsWithRawResponse
    with_streaming_response: AsyncSpendAlertsWithStreamingResponse

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[SpendAlertCreateParams],
    ) -> OrganizationSpendAlert:
        """Create a spend alert."""
        return await self._call(
            "post",
            "/organization/spend_alerts",
            body=params,
            cast_to=OrganizationSpendAlert,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        alert_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> OrganizationSpendAlert:
        """Get a spend alert."""
        return await self._call(
            "get",
            f"/organization/spend_alerts/{require_path_param('alert_id', alert_id)}",
            cast_to=OrganizationSpendAlert,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def update(
        self,
        alert_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[SpendAlertUpdateParams],
    ) -> OrganizationSpendAlert:
        """Replace a spend alert's settings."""
        return await self._call(
            "post",
            f"/organization/spend_alerts/{require_path_param('alert_id', alert_id)}",
            body=params,
            cast_to=OrganizationSpendAlert,
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
        **params: Unpack[SpendAlertListParams],
    ) -> AsyncPaginator[OrganizationSpendAlert, AsyncConversationCursorPage[OrganizationSpendAlert]]:
        """List the organization's spend alerts, page by page."""
        return self._list(
            "/organization/spend_alerts",
            page=AsyncConversationCursorPage[OrganizationSpendAlert],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        alert_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> OrganizationSpendAlertDeleted:
        """Delete a spend alert."""
        return await self._call(
            "delete",
            f"/organization/spend_alerts/{require_path_param('alert_id', alert_id)}",
            cast_to=OrganizationSpendAlertDeleted,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

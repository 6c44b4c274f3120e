"""``client.admin.organization.projects.spend_alerts``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ......_concurrency import AsyncPaginator
from ......_request import require_path_param
from ......_types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ......types.admin.organization.projects import (
    ProjectSpendAlert,
    ProjectSpendAlertDeleted,
    SpendAlertCreateParams,
    SpendAlertListParams,
    SpendAlertUpdateParams,
)
from ....._pagination import AsyncConversationCursorPage
from ...._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._spend_alerts_views import AsyncSpendAlertsWithRawResponse, AsyncSpendAlertsWithStreamingResponse
else:
    from ._spend_alerts_views import AsyncSpendAlertsWithRawResponse, AsyncSpendAlertsWithStreamingResponse

__all__ = ["AsyncSpendAlerts", "AsyncSpendAlertsWithRawResponse", "AsyncSpendAlertsWithStreamingResponse"]


class AsyncSpendAlerts(AsyncAPIResource):
    """Alerts sent when a project's spending crosses a threshold."""

    with_raw_response: AsyncSpendAlertsWithRawResponse
    with_streaming_response: AsyncSpendAlertsWithStreamingResponse

    async def create(
        self,
        project_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[SpendAlertCreateParams],
    ) -> ProjectSpendAlert:
        """Add a spend alert to a project."""
        return await self._call(
            "post",
            f"/organization/projects/{require_path_param('project_id', project_id)}/spend_alerts",
            body=params,
            cast_to=ProjectSpendAlert,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        alert_id: str,
        *,
        project_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ProjectSpendAlert:
        """Get one of a project's spend alerts."""
        return await self._call(
            "get",
            f"/organization/projects/{require_path_param('project_id', project_id)}/spend_alerts/{require_path_param('alert_id', alert_id)}",
            cast_to=ProjectSpendAlert,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def update(
        self,
        alert_id: str,
        *,
        project_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[SpendAlertUpdateParams],
    ) -> ProjectSpendAlert:
        """Change one of a project's spend alerts."""
        return await self._call(
            "post",
            f"/organization/projects/{require_path_param('project_id', project_id)}/spend_alerts/{require_path_param('alert_id', alert_id)}",
            body=params,
            cast_to=ProjectSpendAlert,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def list(
        self,
        project_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[SpendAlertListParams],
    ) -> AsyncPaginator[ProjectSpendAlert, AsyncConversationCursorPage[ProjectSpendAlert]]:
        """List a project's spend alerts, page by page."""
        return self._list(
            f"/organization/projects/{require_path_param('project_id', project_id)}/spend_alerts",
            page=AsyncConversationCursorPage[ProjectSpendAlert],
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
        project_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ProjectSpendAlertDeleted:
        """Remove a spend alert from a project."""
        return await self._call(
            "delete",
            f"/organization/projects/{require_path_param('project_id', project_id)}/spend_alerts/{require_path_param('alert_id', alert_id)}",
            cast_to=ProjectSpendAlertDeleted,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

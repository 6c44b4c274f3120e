"""``client.admin.organization.audit_logs``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ....._concurrency import AsyncPaginator
from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .....types.admin.organization import AuditLogListParams, AuditLogListResponse
from ...._pagination import AsyncConversationCursorPage
from ..._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._audit_logs_views import AsyncAuditLogsWithRawResponse, AsyncAuditLogsWithStreamingResponse
else:
    from ._audit_logs_views import AsyncAuditLogsWithRawResponse, AsyncAuditLogsWithStreamingResponse

__all__ = ["AsyncAuditLogs", "AsyncAuditLogsWithRawResponse", "AsyncAuditLogsWithStreamingResponse"]


class AsyncAuditLogs(AsyncAPIResource):
    """The organization's audit log."""

    with_raw_response: AsyncAuditLogsWithRawResponse
    with_streaming_response: AsyncAuditLogsWithStreamingResponse

    def list(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[AuditLogListParams],
    ) -> AsyncPaginator[AuditLogListResponse, AsyncConversationCursorPage[AuditLogListResponse]]:
        """List audit log events, newest first, page by page."""
        return self._list(
            "/organization/audit_logs",
            page=AsyncConversationCursorPage[AuditLogListResponse],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

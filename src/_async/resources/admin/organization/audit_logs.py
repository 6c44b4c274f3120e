"""``client.admin.organization.audit_logs``."""

from __future__ import annotations

from typing import Optional, Union

from typing_extensions import Unpack

from ....._concurrency import AsyncPaginator
from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .....types.admin.organization import AuditLogListParams, AuditLogListResponse
from ...._pagination import AsyncConversationCursorPage
from ..._base import (
    AsyncAPIResource,
    AsyncRawListMethod,
    AsyncRawResponseView,
    AsyncStreamedListMethod,
    AsyncStreamingResponseView,
)

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


class AsyncAuditLogsWithRawResponse(AsyncRawResponseView, resource=AsyncAuditLogs):
    """``AsyncAuditLogs`` with each call returning the raw HTTP response; ``.parse()`` gives the usual result."""

    list = AsyncRawListMethod(AsyncAuditLogs.list)


class AsyncAuditLogsWithStreamingResponse(AsyncStreamingResponseView, resource=AsyncAuditLogs):
    """``AsyncAuditLogs`` with each call a context manager over the response before its body is read."""

    list = AsyncStreamedListMethod(AsyncAuditLogs.list)

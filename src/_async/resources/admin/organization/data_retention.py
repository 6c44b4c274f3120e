"""``client.admin.organization.data_retention``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .....types.admin.organization import DataRetentionUpdateParams, OrganizationDataRetention
from ..._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._data_retention_views import AsyncDataRetentionWithRawResponse, AsyncDataRetentionWithStreamingResponse
else:
    from ._data_retention_views import AsyncDataRetentionWithRawResponse, AsyncDataRetentionWithStreamingResponse

__all__ = ["AsyncDataRetention", "AsyncDataRetentionWithRawResponse", "AsyncDataRetentionWithStreamingResponse"]


class AsyncDataRetention(AsyncAPIResource):
    """The organization's data retention setting."""

    with_raw_response: AsyncDataRetentionWithRawResponse
    with_streaming_response: AsyncDataRetentionWithStreamingResponse

    async def retrieve(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> OrganizationDataRetention:
        """Get the organization's data retention setting."""
        return await self._call(
            "get",
            "/organization/data_retention",
            cast_to=OrganizationDataRetention,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def update(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[DataRetentionUpdateParams],
    ) -> OrganizationDataRetention:
        """Change the organization's data retention setting."""
        return await self._call(
            "post",
            "/organization/data_retention",
            body=params,
            cast_to=OrganizationDataRetention,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

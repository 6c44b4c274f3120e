"""``client.admin.organization.spend_limit``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .....types.admin.organization import OrganizationSpendLimit, OrganizationSpendLimitDeleted, SpendLimitUpdateParams
from ..._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._spend_limit_views import AsyncSpendLimitWithRawResponse, AsyncSpendLimitWithStreamingResponse
else:
    from ._spend_limit_views import AsyncSpendLimitWithRawResponse, AsyncSpendLimitWithStreamingResponse

__all__ = ["AsyncSpendLimit", "AsyncSpendLimitWithRawResponse", "AsyncSpendLimitWithStreamingResponse"]


class AsyncSpendLimit(AsyncAPIResource):
    """The organization's spend limit."""

    with_raw_response: AsyncSpendLimitWithRawResponse
    with_streaming_response: AsyncSpendLimitWithStreamingResponse

    async def retrieve(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> OrganizationSpendLimit:
        """Get the organization's spend limit."""
        return await self._call(
            "get",
            "/organization/spend_limit",
            cast_to=OrganizationSpendLimit,
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
        **params: Unpack[SpendLimitUpdateParams],
    ) -> OrganizationSpendLimit:
        """Set the organization's spend limit."""
        return await self._call(
            "post",
            "/organization/spend_limit",
            body=params,
            cast_to=OrganizationSpendLimit,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> OrganizationSpendLimitDeleted:
        """Remove the organization's spend limit."""
        return await self._call(
            "delete",
            "/organization/spend_limit",
            cast_to=OrganizationSpendLimitDeleted,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

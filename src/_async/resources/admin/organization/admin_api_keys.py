"""``client.admin.organization.admin_api_keys``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ....._concurrency import AsyncPaginator
from ....._request import require_path_param
from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .....types.admin.organization import (
    AdminAPIKey,
    AdminAPIKeyCreateParams,
    AdminAPIKeyCreateResponse,
    AdminAPIKeyDeleteResponse,
    AdminAPIKeyListParams,
)
from ...._pagination import AsyncCursorPage
from ..._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._admin_api_keys_views import AsyncAdminAPIKeysWithRawResponse, AsyncAdminAPIKeysWithStreamingResponse
else:
    from ._admin_api_keys_views import AsyncAdminAPIKeysWithRawResponse, AsyncAdminAPIKeysWithStreamingResponse

__all__ = ["AsyncAdminAPIKeys", "AsyncAdminAPIKeysWithRawResponse", "AsyncAdminAPIKeysWithStreamingResponse"]


class AsyncAdminAPIKeys(AsyncAPIResource):
    """Admin API keys: keys that can call the administration endpoints."""

    with_raw_response: AsyncAdminAPIKeysWithRawResponse
    with_streaming_response: AsyncAdminAPIKeysWithStreamingResponse

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[AdminAPIKeyCreateParams],
    ) -> AdminAPIKeyCreateResponse:
        """Create an admin API key; its secret ``value`` is only in this response."""
        return await self._call(
            "post",
            "/organization/admin_api_keys",
            body=params,
            cast_to=AdminAPIKeyCreateResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        key_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> AdminAPIKey:
        """Get an admin API key."""
        return await self._call(
            "get",
            f"/organization/admin_api_keys/{require_path_param('key_id', key_id)}",
            cast_to=AdminAPIKey,
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
        **params: Unpack[AdminAPIKeyListParams],
    ) -> AsyncPaginator[AdminAPIKey, AsyncCursorPage[AdminAPIKey]]:
        """List the organization's admin API keys, page by page."""
        return self._list(
            "/organization/admin_api_keys",
            page=AsyncCursorPage[AdminAPIKey],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        key_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> AdminAPIKeyDeleteResponse:
        """Delete an admin API key."""
        return await self._call(
            "delete",
            f"/organization/admin_api_keys/{require_path_param('key_id', key_id)}",
            cast_to=AdminAPIKeyDeleteResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

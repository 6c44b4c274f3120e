"""``client.admin.organization.projects.service_accounts.api_keys``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ......._request import require_path_param
from ......._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .......types.admin.organization.projects.service_accounts import APIKeyCreateParams, APIKeyCreateResponse
from ....._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._api_keys_views import AsyncAPIKeysWithRawResponse, AsyncAPIKeysWithStreamingResponse
else:
    from ._api_keys_views import AsyncAPIKeysWithRawResponse, AsyncAPIKeysWithStreamingResponse

__all__ = ["AsyncAPIKeys", "AsyncAPIKeysWithRawResponse", "AsyncAPIKeysWithStreamingResponse"]


class AsyncAPIKeys(AsyncAPIResource):
    """API keys of a project's service account."""

    with_raw_response: AsyncAPIKeysWithRawResponse
    with_streaming_response: AsyncAPIKeysWithStreamingResponse

    async def create(
        self,
        service_account_id: str,
        *,
        project_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[APIKeyCreateParams],
    ) -> APIKeyCreateResponse:
        """Issue a new API key for a service account."""
        return await self._call(
            "post",
            f"/organization/projects/{require_path_param('project_id', project_id)}/service_accounts/{require_path_param('service_account_id', service_account_id)}/api_keys",
            body=params,
            cast_to=APIKeyCreateResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

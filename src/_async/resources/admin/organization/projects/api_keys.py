"""``client.admin.organization.projects.api_keys``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ......_concurrency import AsyncPaginator
from ......_request import require_path_param
from ......_types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ......types.admin.organization.projects import APIKeyDeleteResponse, APIKeyListParams, ProjectAPIKey
from ....._pagination import AsyncConversationCursorPage
from ...._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._api_keys_views import AsyncAPIKeysWithRawResponse, AsyncAPIKeysWithStreamingResponse
else:
    from ._api_keys_views import AsyncAPIKeysWithRawResponse, AsyncAPIKeysWithStreamingResponse

__all__ = ["AsyncAPIKeys", "AsyncAPIKeysWithRawResponse", "AsyncAPIKeysWithStreamingResponse"]


class AsyncAPIKeys(AsyncAPIResource):
    """API keys that belong to a project."""

    with_raw_response: AsyncAPIKeysWithRawResponse
    with_streaming_response: AsyncAPIKeysWithStreamingResponse

    async def retrieve(
        self,
        api_key_id: str,
        *,
        project_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ProjectAPIKey:
        """Get one of a project's API keys."""
        return await self._call(
            "get",
            f"/organization/projects/{require_path_param('project_id', project_id)}/api_keys/{require_path_param('api_key_id', api_key_id)}",
            cast_to=ProjectAPIKey,
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
        **params: Unpack[APIKeyListParams],
    ) -> AsyncPaginator[ProjectAPIKey, AsyncConversationCursorPage[ProjectAPIKey]]:
        """List a project's API keys, page by page."""
        return self._list(
            f"/organization/projects/{require_path_param('project_id', project_id)}/api_keys",
            page=AsyncConversationCursorPage[ProjectAPIKey],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        api_key_id: str,
        *,
        project_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> APIKeyDeleteResponse:
        """Delete a project API key."""
        return await self._call(
            "delete",
            f"/organization/projects/{require_path_param('project_id', project_id)}/api_keys/{require_path_param('api_key_id', api_key_id)}",
            cast_to=APIKeyDeleteResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

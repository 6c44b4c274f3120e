"""``client.admin.organization.projects.service_accounts``."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ......._concurrency import AsyncPaginator
from ......._request import require_path_param
from ......._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .......types.admin.organization.projects import (
    ProjectServiceAccount,
    ServiceAccountCreateParams,
    ServiceAccountCreateResponse,
    ServiceAccountDeleteResponse,
    ServiceAccountListParams,
    ServiceAccountUpdateParams,
)
from ......_pagination import AsyncConversationCursorPage
from ....._base import AsyncAPIResource

if TYPE_CHECKING:
    from .api_keys import AsyncAPIKeys

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncServiceAccountsWithRawResponse, AsyncServiceAccountsWithStreamingResponse
else:
    from ._views import AsyncServiceAccountsWithRawResponse, AsyncServiceAccountsWithStreamingResponse

__all__ = ["AsyncServiceAccounts", "AsyncServiceAccountsWithRawResponse", "AsyncServiceAccountsWithStreamingResponse"]


class AsyncServiceAccounts(AsyncAPIResource):
    """Service accounts: non-human members of a project."""

    with_raw_response: AsyncServiceAccountsWithRawResponse
    with_streaming_response: AsyncServiceAccountsWithStreamingResponse

    @functools.cached_property
    def api_keys(self) -> AsyncAPIKeys:
        """API keys of a service account."""
        from .api_keys import AsyncAPIKeys

        return AsyncAPIKeys(self._client)

    async def create(
        self,
        project_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ServiceAccountCreateParams],
    ) -> ServiceAccountCreateResponse:
        """Create a service account in a project."""
        return await self._call(
            "post",
            f"/organization/projects/{require_path_param('project_id', project_id)}/service_accounts",
            body=params,
            cast_to=ServiceAccountCreateResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        service_account_id: str,
        *,
        project_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ProjectServiceAccount:
        """Get a project's service account."""
        return await self._call(
            "get",
            f"/organization/projects/{require_path_param('project_id', project_id)}/service_accounts/{require_path_param('service_account_id', service_account_id)}",
            cast_to=ProjectServiceAccount,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def update(
        self,
        service_account_id: str,
        *,
        project_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ServiceAccountUpdateParams],
    ) -> ProjectServiceAccount:
        """Change a project's service account."""
        return await self._call(
            "post",
            f"/organization/projects/{require_path_param('project_id', project_id)}/service_accounts/{require_path_param('service_account_id', service_account_id)}",
            body=params,
            cast_to=ProjectServiceAccount,
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
        **params: Unpack[ServiceAccountListParams],
    ) -> AsyncPaginator[ProjectServiceAccount, AsyncConversationCursorPage[ProjectServiceAccount]]:
        """List a project's service accounts, page by page."""
        return self._list(
            f"/organization/projects/{require_path_param('project_id', project_id)}/service_accounts",
            page=AsyncConversationCursorPage[ProjectServiceAccount],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        service_account_id: str,
        *,
        project_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ServiceAccountDeleteResponse:
        """Delete a project's service account."""
        return await self._call(
            "delete",
            f"/organization/projects/{require_path_param('project_id', project_id)}/service_accounts/{require_path_param('service_account_id', service_account_id)}",
            cast_to=ServiceAccountDeleteResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

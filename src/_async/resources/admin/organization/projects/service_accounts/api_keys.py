"""``client.admin.organization.projects.service_accounts.api_keys``."""

from __future__ import annotations

from typing import Optional, Union

from typing_extensions import Unpack

from ......._request import require_path_param
from ......._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .......types.admin.organization.projects.service_accounts import APIKeyCreateParams, APIKeyCreateResponse
from ....._base import (
    AsyncAPIResource,
    AsyncRawMethod,
    AsyncRawResponseView,
    AsyncStreamedMethod,
    AsyncStreamingResponseView,
)

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


class AsyncAPIKeysWithRawResponse(AsyncRawResponseView, resource=AsyncAPIKeys):
    """``AsyncAPIKeys`` with each call returning the raw HTTP response; ``.parse()`` gives the usual result."""

    create = AsyncRawMethod(AsyncAPIKeys.create)


class AsyncAPIKeysWithStreamingResponse(AsyncStreamingResponseView, resource=AsyncAPIKeys):
    """``AsyncAPIKeys`` with each call a context manager over the response before its body is read."""

    create = AsyncStreamedMethod(AsyncAPIKeys.create)

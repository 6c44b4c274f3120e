"""``client.fine_tuning.checkpoints.permissions``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack, deprecated

from ....._concurrency import AsyncPaginator
from ....._request import require_path_param
from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .....types.fine_tuning.checkpoints import (
    PermissionCreateParams,
    PermissionCreateResponse,
    PermissionDeleteResponse,
    PermissionListParams,
    PermissionListResponse,
    PermissionRetrieveParams,
    PermissionRetrieveResponse,
)
from ...._pagination import AsyncConversationCursorPage, AsyncPage
from ..._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._permissions_views import AsyncPermissionsWithRawResponse, AsyncPermissionsWithStreamingResponse
else:
    from ._permissions_views import AsyncPermissionsWithRawResponse, AsyncPermissionsWithStreamingResponse

__all__ = ["AsyncPermissions", "AsyncPermissionsWithRawResponse", "AsyncPermissionsWithStreamingResponse"]


class AsyncPermissions(AsyncAPIResource):
    """Which projects may use a fine-tuned model checkpoint."""

    with_raw_response: AsyncPermissionsWithRawResponse
    with_streaming_response: AsyncPermissionsWithStreamingResponse

    def create(
        self,
        fine_tuned_model_checkpoint: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[PermissionCreateParams],
    ) -> AsyncPaginator[PermissionCreateResponse, AsyncPage[PermissionCreateResponse]]:
        """Let the given projects use a checkpoint; returns the permissions made, as one page."""
        return self._list(
            f"/fine_tuning/checkpoints/{require_path_param('fine_tuned_model_checkpoint', fine_tuned_model_checkpoint)}"
            "/permissions",
            body=params,
            method="post",
            page=AsyncPage[PermissionCreateResponse],
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("Retrieve is deprecated. Please swap to the paginated list method instead.")
    async def retrieve(
        self,
        fine_tuned_model_checkpoint: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[PermissionRetrieveParams],
    ) -> PermissionRetrieveResponse:
        """One page of a checkpoint's permissions, as a single object (``list`` walks every page)."""
        return await self._call(
            "get",
            f"/fine_tuning/checkpoints/{require_path_param('fine_tuned_model_checkpoint', fine_tuned_model_checkpoint)}"
            "/permissions",
            query=params,
            cast_to=PermissionRetrieveResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def list(
        self,
        fine_tuned_model_checkpoint: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[PermissionListParams],
    ) -> AsyncPaginator[PermissionListResponse, AsyncConversationCursorPage[PermissionListResponse]]:
        """List a checkpoint's permissions, page by page."""
        return self._list(
            f"/fine_tuning/checkpoints/{require_path_param('fine_tuned_model_checkpoint', fine_tuned_model_checkpoint)}"
            "/permissions",
            page=AsyncConversationCursorPage[PermissionListResponse],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        permission_id: str,
        *,
        fine_tuned_model_checkpoint: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> PermissionDeleteResponse:
        """Take away one project's permission to use a checkpoint."""
        return await self._call(
            "delete",
            f"/fine_tuning/checkpoints/{require_path_param('fine_tuned_model_checkpoint', fine_tuned_model_checkpoint)}"
            f"/permissions/{require_path_param('permission_id', permission_id)}",
            cast_to=PermissionDeleteResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

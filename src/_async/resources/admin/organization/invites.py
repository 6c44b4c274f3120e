"""``client.admin.organization.invites``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ....._concurrency import AsyncPaginator
from ....._request import require_path_param
from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .....types.admin.organization import Invite, InviteCreateParams, InviteDeleteResponse, InviteListParams
from ...._pagination import AsyncConversationCursorPage
from ..._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._invites_views import AsyncInvitesWithRawResponse, AsyncInvitesWithStreamingResponse
else:
    from ._invites_views import AsyncInvitesWithRawResponse, AsyncInvitesWithStreamingResponse

__all__ = ["AsyncInvites", "AsyncInvitesWithRawResponse", "AsyncInvitesWithStreamingResponse"]


class AsyncInvites(AsyncAPIResource):
    """Invitations to join the organization."""

    with_raw_response: AsyncInvitesWithRawResponse
    with_streaming_response: AsyncInvitesWithStreamingResponse

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[InviteCreateParams],
    ) -> Invite:
        """Invite someone to the organization by email."""
        return await self._call(
            "post",
            "/organization/invites",
            body=params,
            cast_to=Invite,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        invite_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> Invite:
        """Get an invite."""
        return await self._call(
            "get",
            f"/organization/invites/{require_path_param('invite_id', invite_id)}",
            cast_to=Invite,
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
        **params: Unpack[InviteListParams],
    ) -> AsyncPaginator[Invite, AsyncConversationCursorPage[Invite]]:
        """List the organization's invites, page by page."""
        return self._list(
            "/organization/invites",
            page=AsyncConversationCursorPage[Invite],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        invite_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> InviteDeleteResponse:
        """Withdraw an invite."""
        return await self._call(
            "delete",
            f"/organization/invites/{require_path_param('invite_id', invite_id)}",
            cast_to=InviteDeleteResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

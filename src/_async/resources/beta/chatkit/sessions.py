"""``client.beta.chatkit.sessions``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ....._request import require_path_param
from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .....types.beta.chatkit import ChatSession, SessionCreateParams
from ..._base import AsyncAPIResource
from .._opt_in import CHATKIT_OPT_IN

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._sessions_views import AsyncSessionsWithRawResponse, AsyncSessionsWithStreamingResponse
else:
    from ._sessions_views import AsyncSessionsWithRawResponse, AsyncSessionsWithStreamingResponse

__all__ = ["AsyncSessions", "AsyncSessionsWithRawResponse", "AsyncSessionsWithStreamingResponse"]


class AsyncSessions(AsyncAPIResource):
    """ChatKit sessions: the client secret a ChatKit front end connects with."""

    with_raw_response: AsyncSessionsWithRawResponse
    with_streaming_response: AsyncSessionsWithStreamingResponse

    _opt_in_headers = CHATKIT_OPT_IN

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[SessionCreateParams],
    ) -> ChatSession:
        """Start a ChatKit session for a workflow and a user."""
        return await self._call(
            "post",
            "/chatkit/sessions",
            body=params,
            cast_to=ChatSession,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def cancel(
        self,
        session_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ChatSession:
        """Cancel a ChatKit session so that its client secret stops working."""
        return await self._call(
            "post",
            f"/chatkit/sessions/{require_path_param('session_id', session_id)}/cancel",
            cast_to=ChatSession,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

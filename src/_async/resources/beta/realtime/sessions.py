"""``client.beta.realtime.sessions``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ....._signatures import given_arguments
from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Omit, Query, Timeout, omit
from .....types.beta.realtime import SessionCreateParams, SessionCreateResponse
from ..._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._sessions_views import AsyncSessionsWithRawResponse, AsyncSessionsWithStreamingResponse
else:
    from ._sessions_views import AsyncSessionsWithRawResponse, AsyncSessionsWithStreamingResponse

__all__ = ["AsyncSessions", "AsyncSessionsWithRawResponse", "AsyncSessionsWithStreamingResponse"]


class AsyncSessions(AsyncAPIResource):
    """Realtime conversation sessions, created from the server for a browser or device to join."""

    with_raw_response: AsyncSessionsWithRawResponse
    with_streaming_response: AsyncSessionsWithStreamingResponse

    async def create(
        self,
        *,
        model: Union[str, Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[SessionCreateParams],
    ) -> SessionCreateResponse:
        """Create a Realtime session and the short-lived client secret that joins it."""
        return await self._call(
            "post",
            "/realtime/sessions",
            # Fields the official SDK takes that the spec's request schema does not list.
            body={**params, **given_arguments(model=model)},
            cast_to=SessionCreateResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

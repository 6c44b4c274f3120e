"""``client.realtime.calls``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict, Optional, Union

from typing_extensions import Unpack

from ...._request import form_part, require_path_param
from ...._response import HttpxBinaryResponseContent
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.realtime import CallAcceptParams, CallCreateParams, CallReferParams, CallRejectParams
from .._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._calls_views import AsyncCallsWithRawResponse, AsyncCallsWithStreamingResponse
else:
    from ._calls_views import AsyncCallsWithRawResponse, AsyncCallsWithStreamingResponse

__all__ = ["AsyncCalls", "AsyncCallsWithRawResponse", "AsyncCallsWithStreamingResponse"]


class AsyncCalls(AsyncAPIResource):
    """Realtime calls: WebRTC calls started from an SDP offer, and SIP calls answered by a webhook."""

    with_raw_response: AsyncCallsWithRawResponse
    with_streaming_response: AsyncCallsWithStreamingResponse

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CallCreateParams],
    ) -> HttpxBinaryResponseContent:
        """Start a WebRTC call from an SDP offer; the result's ``text`` is the SDP answer."""
        # The API takes `session` as one JSON part (and `sdp` as an application/sdp part), not as
        # the `session[field]` form fields a nested mapping would otherwise become.
        body: Dict[str, object] = dict(params)
        if "sdp" in body:
            body["sdp"] = form_part(body["sdp"], "application/sdp")
        if "session" in body:
            body["session"] = form_part(body["session"], "application/json")
        return await self._call(
            "post",
            "/realtime/calls",
            body=body,
            multipart=True,
            cast_to=HttpxBinaryResponseContent,
            accept="application/sdp",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def accept(
        self,
        call_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CallAcceptParams],
    ) -> None:
        """Answer an incoming SIP call with the session configuration to run it with."""
        return await self._call(
            "post",
            f"/realtime/calls/{require_path_param('call_id', call_id)}/accept",
            body=params,
            cast_to=type(None),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def hangup(
        self,
        call_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> None:
        """End a call."""
        return await self._call(
            "post",
            f"/realtime/calls/{require_path_param('call_id', call_id)}/hangup",
            cast_to=type(None),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def refer(
        self,
        call_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CallReferParams],
    ) -> None:
        """Transfer a SIP call to another destination."""
        return await self._call(
            "post",
            f"/realtime/calls/{require_path_param('call_id', call_id)}/refer",
            body=params,
            cast_to=type(None),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def reject(
        self,
        call_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CallRejectParams],
    ) -> None:
        """Decline an incoming SIP call, optionally with a SIP status code."""
        return await self._call(
            "post",
            f"/realtime/calls/{require_path_param('call_id', call_id)}/reject",
            body=params,
            cast_to=type(None),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

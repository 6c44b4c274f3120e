"""``client.responses``."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional, Union, overload

from typing_extensions import Unpack

from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.responses import (
    CompactedResponse,
    Response,
    ResponseCompactParams,
    ResponseCreateParams,
    ResponseCreateParamsNonStreaming,
    ResponseCreateParamsStreaming,
    ResponseRetrieveParams,
    ResponseRetrieveParamsNonStreaming,
    ResponseRetrieveParamsStreaming,
    ResponseStreamEvent,
)
from ..._helpers.responses import parse_response, stream_response
from ..._streaming import AsyncStream
from .._base import AsyncAPIResource
from .input_items import AsyncInputItems
from .input_tokens import AsyncInputTokens

if TYPE_CHECKING:
    from ....types.websocket_connection_options import WebSocketConnectionOptions
    from .._websocket_connection import OnReconnecting
    from ._connection import AsyncResponsesConnectionManager

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._responses_views import AsyncResponsesWithRawResponse, AsyncResponsesWithStreamingResponse
else:
    from ._responses_views import AsyncResponsesWithRawResponse, AsyncResponsesWithStreamingResponse

__all__ = ["AsyncResponses", "AsyncResponsesWithRawResponse", "AsyncResponsesWithStreamingResponse"]


class AsyncResponses(AsyncAPIResource):
    """Model responses: create them whole or streamed, fetch, cancel, compact and delete them."""

    with_raw_response: AsyncResponsesWithRawResponse
    with_streaming_response: AsyncResponsesWithStreamingResponse

    def connect(
        self,
        extra_query: Optional[Query] = None,
        extra_headers: Optional[Headers] = None,
        websocket_connection_options: Optional[WebSocketConnectionOptions] = None,
        on_reconnecting: Optional[OnReconnecting] = None,
        max_retries: int = 5,
        initial_delay: float = 0.5,
        max_delay: float = 8.0,
        max_queue_size: int = 1_048_576,
    ) -> AsyncResponsesConnectionManager:
        """Open a Responses session over a websocket: ``connection.response.create(...)`` streams each response back.

        A context manager over the connection. With ``on_reconnecting`` a dropped connection is opened
        again, up to ``max_retries`` times with backoff from ``initial_delay`` to ``max_delay`` seconds; events sent
        meanwhile wait in a queue of at most ``max_queue_size`` bytes. Needs the ``realtime`` extra.
        """
        from ._connection import AsyncResponsesConnectionManager

        return AsyncResponsesConnectionManager(
            client=self._client,  # type: ignore[arg-type]
            extra_query=extra_query or {},
            extra_headers=extra_headers or {},
            websocket_connection_options=websocket_connection_options or {},
            on_reconnecting=on_reconnecting,
            max_retries=max_retries,
            initial_delay=initial_delay,
            max_delay=max_delay,
            max_queue_size=max_queue_size,
        )

    parse = parse_response
    stream = stream_response

    @functools.cached_property
    def input_items(self) -> AsyncInputItems:
        """The input items a response was made from."""
        return AsyncInputItems(self._client)

    @functools.cached_property
    def input_tokens(self) -> AsyncInputTokens:
        """Count the input tokens of a request without running it."""
        return AsyncInputTokens(self._client)

    @overload
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ResponseCreateParamsNonStreaming],
    ) -> Response: ...

    @overload
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ResponseCreateParamsStreaming],
    ) -> AsyncStream[ResponseStreamEvent]: ...

    @overload
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ResponseCreateParams],
    ) -> Union[Response, AsyncStream[ResponseStreamEvent]]: ...

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ResponseCreateParams],
    ) -> Union[Response, AsyncStream[ResponseStreamEvent]]:
        """Create a model response; ``stream=True`` returns its events as they happen."""
        # The Responses stream has no [DONE]: it ends after its terminal response.* event.
        return await self._call(
            "post",
            "/responses",
            body=params,
            cast_to=Response,
            stream_item=ResponseStreamEvent,
            stream_ends_with_done=False,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @overload
    async def retrieve(
        self,
        response_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ResponseRetrieveParamsNonStreaming],
    ) -> Response: ...

    @overload
    async def retrieve(
        self,
        response_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ResponseRetrieveParamsStreaming],
    ) -> AsyncStream[ResponseStreamEvent]: ...

    @overload
    async def retrieve(
        self,
        response_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ResponseRetrieveParams],
    ) -> Union[Response, AsyncStream[ResponseStreamEvent]]: ...

    async def retrieve(
        self,
        response_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ResponseRetrieveParams],
    ) -> Union[Response, AsyncStream[ResponseStreamEvent]]:
        """Get a stored response; ``stream=True`` replays its events (from ``starting_after`` on)."""
        return await self._call(
            "get",
            f"/responses/{require_path_param('response_id', response_id)}",
            query=params,
            cast_to=Response,
            stream_item=ResponseStreamEvent,
            stream_ends_with_done=False,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        response_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> None:
        """Delete a stored response."""
        return await self._call(
            "delete",
            f"/responses/{require_path_param('response_id', response_id)}",
            cast_to=type(None),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def cancel(
        self,
        response_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> Response:
        """Cancel a response that runs in the background."""
        return await self._call(
            "post",
            f"/responses/{require_path_param('response_id', response_id)}/cancel",
            cast_to=Response,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def compact(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ResponseCompactParams],
    ) -> CompactedResponse:
        """Shrink a conversation's context into a compacted list of items for the next request."""
        return await self._call(
            "post",
            "/responses/compact",
            body=params,
            cast_to=CompactedResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

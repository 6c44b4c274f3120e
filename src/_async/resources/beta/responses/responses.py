"""``client.beta.responses``."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, List, Optional, Union, overload

from typing_extensions import Unpack

from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Omit, Query, Timeout, omit
from .....types.beta import (
    BetaCompactedResponse,
    BetaResponse,
    BetaResponseStreamEvent,
    ResponseCompactParams,
    ResponseCreateParams,
    ResponseCreateParamsNonStreaming,
    ResponseCreateParamsStreaming,
    ResponseRetrieveParams,
    ResponseRetrieveParamsNonStreaming,
    ResponseRetrieveParamsStreaming,
)
from ...._streaming import AsyncStream
from ..._base import request_extras
from ...responses.responses import _ResponsesCalls
from .._opt_in import RESPONSES_BETA_QUERY, ResponsesBeta, with_betas
from .input_items import AsyncInputItems
from .input_tokens import AsyncInputTokens

if TYPE_CHECKING:
    from .....types.websocket_connection_options import WebSocketConnectionOptions
    from ..._websocket_connection import OnReconnecting
    from ._connection import AsyncResponsesConnectionManager

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._responses_views import AsyncResponsesWithRawResponse, AsyncResponsesWithStreamingResponse
else:
    from ._responses_views import AsyncResponsesWithRawResponse, AsyncResponsesWithStreamingResponse

__all__ = ["AsyncResponses", "AsyncResponsesWithRawResponse", "AsyncResponsesWithStreamingResponse"]


class AsyncResponses(_ResponsesCalls[BetaResponse, BetaResponseStreamEvent, BetaCompactedResponse]):
    """Beta model responses: the Responses API with features not yet in the stable one."""

    with_raw_response: AsyncResponsesWithRawResponse
    with_streaming_response: AsyncResponsesWithStreamingResponse

    _opt_in_query = RESPONSES_BETA_QUERY
    _response_type = BetaResponse
    _stream_event_type = BetaResponseStreamEvent
    _compacted_type = BetaCompactedResponse

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
        """Open a beta Responses session over a websocket; ``connection.response.inject(...)`` feeds a waiting response.

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

    @functools.cached_property
    def input_items(self) -> AsyncInputItems:
        """The input items a beta response was made from."""
        return AsyncInputItems(self._client)

    @functools.cached_property
    def input_tokens(self) -> AsyncInputTokens:
        """Count the input tokens of a beta request without running it."""
        return AsyncInputTokens(self._client)

    @overload
    async def create(
        self,
        *,
        betas: Union[List[ResponsesBeta], Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ResponseCreateParamsNonStreaming],
    ) -> BetaResponse: ...

    @overload
    async def create(
        self,
        *,
        betas: Union[List[ResponsesBeta], Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ResponseCreateParamsStreaming],
    ) -> AsyncStream[BetaResponseStreamEvent]: ...

    @overload
    async def create(
        self,
        *,
        betas: Union[List[ResponsesBeta], Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ResponseCreateParams],
    ) -> Union[BetaResponse, AsyncStream[BetaResponseStreamEvent]]: ...

    async def create(
        self,
        *,
        betas: Union[List[ResponsesBeta], Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ResponseCreateParams],
    ) -> Union[BetaResponse, AsyncStream[BetaResponseStreamEvent]]:
        """Create a beta model response; ``stream=True`` returns its events as they happen."""
        return await self._create(
            params, request_extras(with_betas(betas, extra_headers), extra_query, extra_body, timeout)
        )

    @overload
    async def retrieve(
        self,
        response_id: str,
        *,
        betas: Union[List[ResponsesBeta], Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ResponseRetrieveParamsNonStreaming],
    ) -> BetaResponse: ...

    @overload
    async def retrieve(
        self,
        response_id: str,
        *,
        betas: Union[List[ResponsesBeta], Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ResponseRetrieveParamsStreaming],
    ) -> AsyncStream[BetaResponseStreamEvent]: ...

    @overload
    async def retrieve(
        self,
        response_id: str,
        *,
        betas: Union[List[ResponsesBeta], Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ResponseRetrieveParams],
    ) -> Union[BetaResponse, AsyncStream[BetaResponseStreamEvent]]: ...

    async def retrieve(
        self,
        response_id: str,
        *,
        betas: Union[List[ResponsesBeta], Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ResponseRetrieveParams],
    ) -> Union[BetaResponse, AsyncStream[BetaResponseStreamEvent]]:
        """Get a stored beta response; ``stream=True`` replays its events (from ``starting_after`` on)."""
        return await self._retrieve(
            response_id, params, request_extras(with_betas(betas, extra_headers), extra_query, extra_body, timeout)
        )

    async def delete(
        self,
        response_id: str,
        *,
        betas: Union[List[ResponsesBeta], Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> None:
        """Delete a stored beta response."""
        return await self._delete(
            response_id, request_extras(with_betas(betas, extra_headers), extra_query, extra_body, timeout)
        )

    async def cancel(
        self,
        response_id: str,
        *,
        betas: Union[List[ResponsesBeta], Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> BetaResponse:
        """Cancel a beta response that runs in the background."""
        return await self._cancel(
            response_id, request_extras(with_betas(betas, extra_headers), extra_query, extra_body, timeout)
        )

    async def compact(
        self,
        *,
        betas: Union[List[ResponsesBeta], Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ResponseCompactParams],
    ) -> BetaCompactedResponse:
        """Shrink a conversation's context into a compacted list of items, with the beta API."""
        return await self._compact(
            params, request_extras(with_betas(betas, extra_headers), extra_query, extra_body, timeout)
        )

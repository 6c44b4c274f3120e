"""``client.responses``."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Generic, Mapping, Optional, TypeVar, Union, overload

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
from .._base import AsyncAPIResource, RequestExtras, request_extras
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


_ResponseT = TypeVar("_ResponseT")
_StreamEventT = TypeVar("_StreamEventT")
_CompactedT = TypeVar("_CompactedT")


class _ResponsesCalls(AsyncAPIResource, Generic[_ResponseT, _StreamEventT, _CompactedT]):
    """The calls of the Responses API, made alike by ``client.responses`` and ``client.beta.responses``:
    the two share their paths and differ only in the types they build and in the beta's opt-in."""

    _response_type: type[_ResponseT]
    _stream_event_type: Any  # a union of event models, which is no `type`
    _compacted_type: type[_CompactedT]

    async def _create(
        self, params: Mapping[str, object], extras: RequestExtras
    ) -> Union[_ResponseT, AsyncStream[_StreamEventT]]:
        # The Responses stream has no [DONE]: it ends after its terminal response.* event.
        return await self._call(
            "post",
            "/responses",
            body=params,
            cast_to=self._response_type,
            stream_item=self._stream_event_type,
            stream_ends_with_done=False,
            **extras,
        )

    async def _retrieve(
        self, response_id: str, params: Mapping[str, object], extras: RequestExtras
    ) -> Union[_ResponseT, AsyncStream[_StreamEventT]]:
        return await self._call(
            "get",
            _path(response_id),
            query=params,
            cast_to=self._response_type,
            stream_item=self._stream_event_type,
            stream_ends_with_done=False,
            **extras,
        )

    async def _delete(self, response_id: str, extras: RequestExtras) -> None:
        return await self._call("delete", _path(response_id), cast_to=type(None), **extras)

    async def _cancel(self, response_id: str, extras: RequestExtras) -> _ResponseT:
        return await self._call("post", _path(response_id, "/cancel"), cast_to=self._response_type, **extras)

    async def _compact(self, params: Mapping[str, object], extras: RequestExtras) -> _CompactedT:
        return await self._call("post", "/responses/compact", body=params, cast_to=self._compacted_type, **extras)


def _path(response_id: str, suffix: str = "") -> str:
    return f"/responses/{require_path_param('response_id', response_id)}{suffix}"


class AsyncResponses(_ResponsesCalls[Response, ResponseStreamEvent, CompactedResponse]):
    """Model responses: create them whole or streamed, fetch, cancel, compact and delete them."""

    with_raw_response: AsyncResponsesWithRawResponse
    with_streaming_response: AsyncResponsesWithStreamingResponse

    _response_type = Response
    _stream_event_type = ResponseStreamEvent
    _compacted_type = CompactedResponse

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
        return await self._create(params, request_extras(extra_headers, extra_query, extra_body, timeout))

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
        return await self._retrieve(
            response_id, params, request_extras(extra_headers, extra_query, extra_body, timeout)
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
        return await self._delete(response_id, request_extras(extra_headers, extra_query, extra_body, timeout))

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
        return await self._cancel(response_id, request_extras(extra_headers, extra_query, extra_body, timeout))

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
        return await self._compact(params, request_extras(extra_headers, extra_query, extra_body, timeout))

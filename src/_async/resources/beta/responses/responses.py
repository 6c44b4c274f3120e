"""``client.beta.responses``."""

from __future__ import annotations

import functools
from typing import List, Optional, Union, overload

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
from ..._base import (
    AsyncRawMethod,
    AsyncRawOverloadedMethod,
    AsyncRawResponseView,
    AsyncStreamedMethod,
    AsyncStreamedOverloadedMethod,
    AsyncStreamingResponseView,
    request_extras,
)
from ...responses.responses import _ResponsesCalls
from .._opt_in import RESPONSES_BETA_QUERY, ResponsesBeta, with_betas
from .input_items import AsyncInputItems, AsyncInputItemsWithRawResponse, AsyncInputItemsWithStreamingResponse
from .input_tokens import AsyncInputTokens, AsyncInputTokensWithRawResponse, AsyncInputTokensWithStreamingResponse

__all__ = ["AsyncResponses", "AsyncResponsesWithRawResponse", "AsyncResponsesWithStreamingResponse"]


class AsyncResponses(_ResponsesCalls[BetaResponse, BetaResponseStreamEvent, BetaCompactedResponse]):
    """Beta model responses: the Responses API with features not yet in the stable one."""

    with_raw_response: AsyncResponsesWithRawResponse
    with_streaming_response: AsyncResponsesWithStreamingResponse

    _opt_in_query = RESPONSES_BETA_QUERY
    _response_type = BetaResponse
    _stream_event_type = BetaResponseStreamEvent
    _compacted_type = BetaCompactedResponse

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


class AsyncResponsesWithRawResponse(AsyncRawResponseView, resource=AsyncResponses):
    """``AsyncResponses`` with each call returning the raw HTTP response; ``.parse()`` gives the usual result."""

    input_items: AsyncInputItemsWithRawResponse
    input_tokens: AsyncInputTokensWithRawResponse

    cancel = AsyncRawMethod(AsyncResponses.cancel)
    compact = AsyncRawMethod(AsyncResponses.compact)
    create = AsyncRawOverloadedMethod(AsyncResponses.create)
    delete = AsyncRawMethod(AsyncResponses.delete)
    retrieve = AsyncRawOverloadedMethod(AsyncResponses.retrieve)


class AsyncResponsesWithStreamingResponse(AsyncStreamingResponseView, resource=AsyncResponses):
    """``AsyncResponses`` with each call a context manager over the response before its body is read."""

    input_items: AsyncInputItemsWithStreamingResponse
    input_tokens: AsyncInputTokensWithStreamingResponse

    cancel = AsyncStreamedMethod(AsyncResponses.cancel)
    compact = AsyncStreamedMethod(AsyncResponses.compact)
    create = AsyncStreamedOverloadedMethod(AsyncResponses.create)
    delete = AsyncStreamedMethod(AsyncResponses.delete)
    retrieve = AsyncStreamedOverloadedMethod(AsyncResponses.retrieve)

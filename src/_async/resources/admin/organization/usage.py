"""``client.admin.organization.usage``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .....types.admin.organization import (
    UsageAudioSpeechesParams,
    UsageAudioSpeechesResponse,
    UsageAudioTranscriptionsParams,
    UsageAudioTranscriptionsResponse,
    UsageCodeInterpreterSessionsParams,
    UsageCodeInterpreterSessionsResponse,
    UsageCompletionsParams,
    UsageCompletionsResponse,
    UsageCostsParams,
    UsageCostsResponse,
    UsageEmbeddingsParams,
    UsageEmbeddingsResponse,
    UsageFileSearchCallsParams,
    UsageFileSearchCallsResponse,
    UsageImagesParams,
    UsageImagesResponse,
    UsageModerationsParams,
    UsageModerationsResponse,
    UsageVectorStoresParams,
    UsageVectorStoresResponse,
    UsageWebSearchCallsParams,
    UsageWebSearchCallsResponse,
)
from ..._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._usage_views import AsyncUsageWithRawResponse, AsyncUsageWithStreamingResponse
else:
    from ._usage_views import AsyncUsageWithRawResponse, AsyncUsageWithStreamingResponse

__all__ = ["AsyncUsage", "AsyncUsageWithRawResponse", "AsyncUsageWithStreamingResponse"]


class AsyncUsage(AsyncAPIResource):
    """Usage and cost reports, bucketed by time."""

    with_raw_response: AsyncUsageWithRawResponse
    with_streaming_response: AsyncUsageWithStreamingResponse

    async def audio_speeches(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[UsageAudioSpeechesParams],
    ) -> UsageAudioSpeechesResponse:
        """Text-to-speech usage, in time buckets."""
        return await self._call(
            "get",
            "/organization/usage/audio_speeches",
            query=params,
            cast_to=UsageAudioSpeechesResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def audio_transcriptions(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[UsageAudioTranscriptionsParams],
    ) -> UsageAudioTranscriptionsResponse:
        """Speech-to-text usage, in time buckets."""
        return await self._call(
            "get",
            "/organization/usage/audio_transcriptions",
            query=params,
            cast_to=UsageAudioTranscriptionsResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def code_interpreter_sessions(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[UsageCodeInterpreterSessionsParams],
    ) -> UsageCodeInterpreterSessionsResponse:
        """Code interpreter session usage, in time buckets."""
        return await self._call(
            "get",
            "/organization/usage/code_interpreter_sessions",
            query=params,
            cast_to=UsageCodeInterpreterSessionsResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def completions(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[UsageCompletionsParams],
    ) -> UsageCompletionsResponse:
        """Completions usage (tokens and requests), in time buckets."""
        return await self._call(
            "get",
            "/organization/usage/completions",
            query=params,
            cast_to=UsageCompletionsResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def costs(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[UsageCostsParams],
    ) -> UsageCostsResponse:
        """Spending, in time buckets."""
        return await self._call(
            "get",
            "/organization/costs",
            query=params,
            cast_to=UsageCostsResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def embeddings(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[UsageEmbeddingsParams],
    ) -> UsageEmbeddingsResponse:
        """Embeddings usage, in time buckets."""
        return await self._call(
            "get",
            "/organization/usage/embeddings",
            query=params,
            cast_to=UsageEmbeddingsResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def file_search_calls(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[UsageFileSearchCallsParams],
    ) -> UsageFileSearchCallsResponse:
        """File search call usage, in time buckets."""
        return await self._call(
            "get",
            "/organization/usage/file_search_calls",
            query=params,
            cast_to=UsageFileSearchCallsResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def images(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[UsageImagesParams],
    ) -> UsageImagesResponse:
        """Image generation usage, in time buckets."""
        return await self._call(
            "get",
            "/organization/usage/images",
            query=params,
            cast_to=UsageImagesResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def moderations(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[UsageModerationsParams],
    ) -> UsageModerationsResponse:
        """Moderations usage, in time buckets."""
        return await self._call(
            "get",
            "/organization/usage/moderations",
            query=params,
            cast_to=UsageModerationsResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def vector_stores(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[UsageVectorStoresParams],
    ) -> UsageVectorStoresResponse:
        """Vector store storage usage, in time buckets."""
        return await self._call(
            "get",
            "/organization/usage/vector_stores",
            query=params,
            cast_to=UsageVectorStoresResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def web_search_calls(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[UsageWebSearchCallsParams],
    ) -> UsageWebSearchCallsResponse:
        """Web search call usage, in time buckets."""
        return await self._call(
            "get",
            "/organization/usage/web_search_calls",
            query=params,
            cast_to=UsageWebSearchCallsResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

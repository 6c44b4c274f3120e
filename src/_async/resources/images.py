"""``client.images``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union, overload

from typing_extensions import Unpack

from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ...types import (
    ImageCreateVariationParams,
    ImageEditParams,
    ImageEditParamsNonStreaming,
    ImageEditParamsStreaming,
    ImageEditStreamEvent,
    ImageGenerateParams,
    ImageGenerateParamsNonStreaming,
    ImageGenerateParamsStreaming,
    ImageGenStreamEvent,
    ImagesResponse,
)
from .._streaming import AsyncStream
from ._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._images_views import AsyncImagesWithRawResponse, AsyncImagesWithStreamingResponse
else:
    from ._images_views import AsyncImagesWithRawResponse, AsyncImagesWithStreamingResponse

__all__ = ["AsyncImages", "AsyncImagesWithRawResponse", "AsyncImagesWithStreamingResponse"]


class AsyncImages(AsyncAPIResource):
    """Images: generate them from a prompt, edit them, or vary one."""

    with_raw_response: AsyncImagesWithRawResponse
    with_streaming_response: AsyncImagesWithStreamingResponse

    async def create_variation(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ImageCreateVariationParams],
    ) -> ImagesResponse:
        """Make variations of an uploaded image."""
        return await self._call(
            "post",
            "/images/variations",
            body=params,
            multipart=True,
            cast_to=ImagesResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @overload
    async def edit(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ImageEditParamsNonStreaming],
    ) -> ImagesResponse: ...

    @overload
    async def edit(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ImageEditParamsStreaming],
    ) -> AsyncStream[ImageEditStreamEvent]: ...

    @overload
    async def edit(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ImageEditParams],
    ) -> Union[ImagesResponse, AsyncStream[ImageEditStreamEvent]]: ...

    async def edit(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ImageEditParams],
    ) -> Union[ImagesResponse, AsyncStream[ImageEditStreamEvent]]:
        """Edit one or more uploaded images by a prompt; ``stream=True`` returns partial images as they come."""
        return await self._call(
            "post",
            "/images/edits",
            body=params,
            multipart=True,
            cast_to=ImagesResponse,
            stream_item=ImageEditStreamEvent,
            # The stream stops after its `image_edit.completed` event; no [DONE] follows.
            stream_ends_with_done=False,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @overload
    async def generate(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ImageGenerateParamsNonStreaming],
    ) -> ImagesResponse: ...

    @overload
    async def generate(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ImageGenerateParamsStreaming],
    ) -> AsyncStream[ImageGenStreamEvent]: ...

    @overload
    async def generate(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ImageGenerateParams],
    ) -> Union[ImagesResponse, AsyncStream[ImageGenStreamEvent]]: ...

    async def generate(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ImageGenerateParams],
    ) -> Union[ImagesResponse, AsyncStream[ImageGenStreamEvent]]:
        """Generate images from a prompt; ``stream=True`` returns partial images as they come."""
        return await self._call(
            "post",
            "/images/generations",
            body=params,
            cast_to=ImagesResponse,
            stream_item=ImageGenStreamEvent,
            # The stream stops after its `image_generation.completed` event; no [DONE] follows.
            stream_ends_with_done=False,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

"""``client.videos``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack, deprecated

from ..._concurrency import AsyncPaginator
from ..._request import require_path_param
from ..._response import HttpxBinaryResponseContent
from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ...types import (
    Video,
    VideoCreateCharacterParams,
    VideoCreateCharacterResponse,
    VideoCreateParams,
    VideoDeleteResponse,
    VideoDownloadContentParams,
    VideoEditParams,
    VideoExtendParams,
    VideoGetCharacterResponse,
    VideoListParams,
    VideoRemixParams,
)
from .._helpers import polling
from .._pagination import AsyncConversationCursorPage
from ._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._videos_views import AsyncVideosWithRawResponse, AsyncVideosWithStreamingResponse
else:
    from ._videos_views import AsyncVideosWithRawResponse, AsyncVideosWithStreamingResponse

__all__ = ["AsyncVideos", "AsyncVideosWithRawResponse", "AsyncVideosWithStreamingResponse"]


class AsyncVideos(AsyncAPIResource):
    """Video generation jobs: create, remix, edit and extend videos, and download what they made."""

    with_raw_response: AsyncVideosWithRawResponse
    with_streaming_response: AsyncVideosWithStreamingResponse

    # Deprecated where wired in: warned at run time, not seen by type checkers on these names.
    poll = deprecated("The Sora API is scheduled to permanently shut down on September 24, 2026.")(polling.poll_video)
    create_and_poll = deprecated("The Sora API is scheduled to permanently shut down on September 24, 2026.")(
        polling.create_and_poll_video
    )

    @deprecated("The Sora API is scheduled to permanently shut down on September 24, 2026.")
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[VideoCreateParams],
    ) -> Video:
        """Start generating a video from a prompt, optionally guided by a reference image."""
        return await self._call(
            "post",
            "/videos",
            body=params,
            multipart=True,
            cast_to=Video,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Sora API is scheduled to permanently shut down on September 24, 2026.")
    async def retrieve(
        self,
        video_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> Video:
        """Get a video job and its status."""
        return await self._call(
            "get",
            f"/videos/{require_path_param('video_id', video_id)}",
            cast_to=Video,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Sora API is scheduled to permanently shut down on September 24, 2026.")
    def list(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[VideoListParams],
    ) -> AsyncPaginator[Video, AsyncConversationCursorPage[Video]]:
        """List video jobs, page by page."""
        return self._list(
            "/videos",
            page=AsyncConversationCursorPage[Video],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Sora API is scheduled to permanently shut down on September 24, 2026.")
    async def delete(
        self,
        video_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> VideoDeleteResponse:
        """Delete a video job and what it made."""
        return await self._call(
            "delete",
            f"/videos/{require_path_param('video_id', video_id)}",
            cast_to=VideoDeleteResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Sora API is scheduled to permanently shut down on September 24, 2026.")
    async def download_content(
        self,
        video_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[VideoDownloadContentParams],
    ) -> HttpxBinaryResponseContent:
        """Download a finished video, or its thumbnail or spritesheet (``variant``)."""
        return await self._call(
            "get",
            f"/videos/{require_path_param('video_id', video_id)}/content",
            query=params,
            cast_to=HttpxBinaryResponseContent,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Sora API is scheduled to permanently shut down on September 24, 2026.")
    async def remix(
        self,
        video_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[VideoRemixParams],
    ) -> Video:
        """Start a new video that reworks a finished one by a prompt."""
        return await self._call(
            "post",
            f"/videos/{require_path_param('video_id', video_id)}/remix",
            body=params,
            cast_to=Video,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Sora API is scheduled to permanently shut down on September 24, 2026.")
    async def edit(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[VideoEditParams],
    ) -> Video:
        """Start a new video that edits an uploaded or earlier video by a prompt."""
        return await self._call(
            "post",
            "/videos/edits",
            body=params,
            multipart=True,
            cast_to=Video,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Sora API is scheduled to permanently shut down on September 24, 2026.")
    async def extend(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[VideoExtendParams],
    ) -> Video:
        """Start a new video that continues an uploaded or earlier video for ``seconds`` more."""
        return await self._call(
            "post",
            "/videos/extensions",
            body=params,
            multipart=True,
            cast_to=Video,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Sora API is scheduled to permanently shut down on September 24, 2026.")
    async def create_character(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[VideoCreateCharacterParams],
    ) -> VideoCreateCharacterResponse:
        """Register a named character from an uploaded video, for use in later prompts."""
        return await self._call(
            "post",
            "/videos/characters",
            body=params,
            multipart=True,
            cast_to=VideoCreateCharacterResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("The Sora API is scheduled to permanently shut down on September 24, 2026.")
    async def get_character(
        self,
        character_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> VideoGetCharacterResponse:
        """Get a registered character."""
        return await self._call(
            "get",
            f"/videos/characters/{require_path_param('character_id', character_id)}",
            cast_to=VideoGetCharacterResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

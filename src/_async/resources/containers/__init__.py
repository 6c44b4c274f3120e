"""``client.containers``: code interpreter containers and their files."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._concurrency import AsyncPaginator
from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types import (
    ContainerCreateParams,
    ContainerCreateResponse,
    ContainerListParams,
    ContainerListResponse,
    ContainerRetrieveResponse,
)
from ..._pagination import AsyncCursorPage
from .._base import AsyncAPIResource
from .file_content import AsyncContent

if TYPE_CHECKING:
    from .files import AsyncFiles

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncContainersWithRawResponse, AsyncContainersWithStreamingResponse
else:
    from ._views import AsyncContainersWithRawResponse, AsyncContainersWithStreamingResponse

__all__ = ["AsyncContainers", "AsyncContainersWithRawResponse", "AsyncContainersWithStreamingResponse", "AsyncContent"]


class AsyncContainers(AsyncAPIResource):
    """Containers: sandboxes where the code interpreter tool runs, with their own files."""

    with_raw_response: AsyncContainersWithRawResponse
    with_streaming_response: AsyncContainersWithStreamingResponse

    @functools.cached_property
    def files(self) -> AsyncFiles:
        """The files inside a container."""
        from .files import AsyncFiles

        return AsyncFiles(self._client)

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ContainerCreateParams],
    ) -> ContainerCreateResponse:
        """Create a container, optionally with files copied in."""
        return await self._call(
            "post",
            "/containers",
            body=params,
            cast_to=ContainerCreateResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        container_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ContainerRetrieveResponse:
        """Get a container."""
        return await self._call(
            "get",
            f"/containers/{require_path_param('container_id', container_id)}",
            cast_to=ContainerRetrieveResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def list(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ContainerListParams],
    ) -> AsyncPaginator[ContainerListResponse, AsyncCursorPage[ContainerListResponse]]:
        """List containers, page by page."""
        return self._list(
            "/containers",
            page=AsyncCursorPage[ContainerListResponse],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        container_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> None:
        """Delete a container and everything in it."""
        # The API answers with an empty body, so any content type is acceptable.
        await self._call(
            "delete",
            f"/containers/{require_path_param('container_id', container_id)}",
            cast_to=type(None),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

"""``client.vector_stores``: vector stores, their files and file batches."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._concurrency import AsyncPaginator
from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types import (
    VectorStore,
    VectorStoreCreateParams,
    VectorStoreDeleted,
    VectorStoreListParams,
    VectorStoreSearchParams,
    VectorStoreSearchResponse,
    VectorStoreUpdateParams,
)
from ..._pagination import AsyncCursorPage, AsyncPage
from .._base import AsyncAPIResource

if TYPE_CHECKING:
    from .file_batches import AsyncFileBatches
    from .files import AsyncFiles

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncVectorStoresWithRawResponse, AsyncVectorStoresWithStreamingResponse
else:
    from ._views import AsyncVectorStoresWithRawResponse, AsyncVectorStoresWithStreamingResponse

__all__ = ["AsyncVectorStores", "AsyncVectorStoresWithRawResponse", "AsyncVectorStoresWithStreamingResponse"]


class AsyncVectorStores(AsyncAPIResource):
    """Vector stores: indexed collections of files that file search queries."""

    with_raw_response: AsyncVectorStoresWithRawResponse
    with_streaming_response: AsyncVectorStoresWithStreamingResponse

    @functools.cached_property
    def files(self) -> AsyncFiles:
        """The files attached to a vector store."""
        from .files import AsyncFiles

        return AsyncFiles(self._client)

    @functools.cached_property
    def file_batches(self) -> AsyncFileBatches:
        """Batches of files attached to a vector store in one go."""
        from .file_batches import AsyncFileBatches

        return AsyncFileBatches(self._client)

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[VectorStoreCreateParams],
    ) -> VectorStore:
        """Create a vector store, optionally seeded with files."""
        return await self._call(
            "post",
            "/vector_stores",
            body=params,
            cast_to=VectorStore,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        vector_store_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> VectorStore:
        """Get a vector store."""
        return await self._call(
            "get",
            f"/vector_stores/{require_path_param('vector_store_id', vector_store_id)}",
            cast_to=VectorStore,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def update(
        self,
        vector_store_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[VectorStoreUpdateParams],
    ) -> VectorStore:
        """Rename a vector store or change its expiry policy or metadata."""
        return await self._call(
            "post",
            f"/vector_stores/{require_path_param('vector_store_id', vector_store_id)}",
            body=params,
            cast_to=VectorStore,
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
        **params: Unpack[VectorStoreListParams],
    ) -> AsyncPaginator[VectorStore, AsyncCursorPage[VectorStore]]:
        """List vector stores, page by page."""
        return self._list(
            "/vector_stores",
            page=AsyncCursorPage[VectorStore],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        vector_store_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> VectorStoreDeleted:
        """Delete a vector store (the files themselves are kept)."""
        return await self._call(
            "delete",
            f"/vector_stores/{require_path_param('vector_store_id', vector_store_id)}",
            cast_to=VectorStoreDeleted,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def search(
        self,
        vector_store_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[VectorStoreSearchParams],
    ) -> AsyncPaginator[VectorStoreSearchResponse, AsyncPage[VectorStoreSearchResponse]]:
        """Find the chunks of a vector store's files that best match a query."""
        return self._list(
            f"/vector_stores/{require_path_param('vector_store_id', vector_store_id)}/search",
            body=params,
            method="post",
            page=AsyncPage[VectorStoreSearchResponse],
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

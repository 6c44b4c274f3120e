"""``client.embeddings``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ..._helpers.embeddings import decode_base64_embeddings
from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Omit, Query, Timeout
from ...types import CreateEmbeddingResponse, EmbeddingCreateParams
from ._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._embeddings_views import AsyncEmbeddingsWithRawResponse, AsyncEmbeddingsWithStreamingResponse
else:
    from ._embeddings_views import AsyncEmbeddingsWithRawResponse, AsyncEmbeddingsWithStreamingResponse

__all__ = ["AsyncEmbeddings", "AsyncEmbeddingsWithRawResponse", "AsyncEmbeddingsWithStreamingResponse"]


class AsyncEmbeddings(AsyncAPIResource):
    """Embedding vectors for text or tokens."""

    with_raw_response: AsyncEmbeddingsWithRawResponse
    with_streaming_response: AsyncEmbeddingsWithStreamingResponse

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[EmbeddingCreateParams],
    ) -> CreateEmbeddingResponse:
        """Embed the input as vectors.

        Without ``encoding_format`` the vectors travel as base64 (a quarter of the bytes) and are
        decoded to ``list[float]``, exactly as if floats had been asked for.
        """
        # NOT_GIVEN or omit (libraries pass them for options they leave out) asks for no format either.
        wire_base64 = isinstance(params.get("encoding_format", NOT_GIVEN), (NotGiven, Omit))
        return await self._call(
            "post",
            "/embeddings",
            body={**params, "encoding_format": "base64"} if wire_base64 else params,
            json_hook=decode_base64_embeddings if wire_base64 else None,
            cast_to=CreateEmbeddingResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

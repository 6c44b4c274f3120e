"""``client.models``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from ..._concurrency import AsyncPaginator
from ..._request import require_path_param
from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ...types import Model, ModelDeleted
from .._pagination import AsyncPage
from ._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._models_views import AsyncModelsWithRawResponse, AsyncModelsWithStreamingResponse
else:
    from ._models_views import AsyncModelsWithRawResponse, AsyncModelsWithStreamingResponse

__all__ = ["AsyncModels", "AsyncModelsWithRawResponse", "AsyncModelsWithStreamingResponse"]


class AsyncModels(AsyncAPIResource):
    """The models available to the API key."""

    with_raw_response: AsyncModelsWithRawResponse
    with_streaming_response: AsyncModelsWithStreamingResponse

    async def retrieve(
        self,
        model: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> Model:
        """Get one model."""
        return await self._call(
            "get",
            f"/models/{require_path_param('model', model)}",
            cast_to=Model,
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
    ) -> AsyncPaginator[Model, AsyncPage[Model]]:
        """List the available models."""
        return self._list(
            "/models",
            page=AsyncPage[Model],
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        model: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ModelDeleted:
        """Delete a fine-tuned model you own."""
        return await self._call(
            "delete",
            f"/models/{require_path_param('model', model)}",
            cast_to=ModelDeleted,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

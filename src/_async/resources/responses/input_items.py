"""``client.responses.input_items``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._concurrency import AsyncPaginator
from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.responses import InputItemListParams, ResponseItem
from ..._pagination import AsyncCursorPage
from .._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._input_items_views import AsyncInputItemsWithRawResponse, AsyncInputItemsWithStreamingResponse
else:
    from ._input_items_views import AsyncInputItemsWithRawResponse, AsyncInputItemsWithStreamingResponse

__all__ = ["AsyncInputItems", "AsyncInputItemsWithRawResponse", "AsyncInputItemsWithStreamingResponse"]


class AsyncInputItems(AsyncAPIResource):
    """The input items of a stored response."""

    with_raw_response: AsyncInputItemsWithRawResponse
    with_streaming_response: AsyncInputItemsWithStreamingResponse

    def list(
        self,
        response_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[InputItemListParams],
    ) -> AsyncPaginator[ResponseItem, AsyncCursorPage[ResponseItem]]:
        """List the items a response was given as input, page by page."""
        return self._list(
            f"/responses/{require_path_param('response_id', response_id)}/input_items",
            page=AsyncCursorPage[ResponseItem],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

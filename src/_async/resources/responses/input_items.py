"""``client.responses.input_items``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, Mapping, Optional, TypeVar, Union

from typing_extensions import Unpack

from ...._concurrency import AsyncPaginator
from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.responses import InputItemListParams, ResponseItem
from ..._pagination import AsyncCursorPage
from .._base import AsyncAPIResource, RequestExtras, request_extras

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._input_items_views import AsyncInputItemsWithRawResponse, AsyncInputItemsWithStreamingResponse
else:
    from ._input_items_views import AsyncInputItemsWithRawResponse, AsyncInputItemsWithStreamingResponse

__all__ = ["AsyncInputItems", "AsyncInputItemsWithRawResponse", "AsyncInputItemsWithStreamingResponse"]


_ItemT = TypeVar("_ItemT")


class _InputItemsCalls(AsyncAPIResource, Generic[_ItemT]):
    """The input-items call of ``client.responses`` and ``client.beta.responses``, which differ in its types."""

    _page_type: type[AsyncCursorPage[_ItemT]]

    def _list_items(
        self, response_id: str, params: Mapping[str, object], extras: RequestExtras
    ) -> AsyncPaginator[_ItemT, AsyncCursorPage[_ItemT]]:
        path = f"/responses/{require_path_param('response_id', response_id)}/input_items"
        return self._list(path, page=self._page_type, query=params, **extras)


class AsyncInputItems(_InputItemsCalls[ResponseItem]):
    """The input items of a stored response."""

    with_raw_response: AsyncInputItemsWithRawResponse
    with_streaming_response: AsyncInputItemsWithStreamingResponse

    _page_type = AsyncCursorPage[ResponseItem]

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
        return self._list_items(response_id, params, request_extras(extra_headers, extra_query, extra_body, timeout))

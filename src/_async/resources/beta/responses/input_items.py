"""``client.beta.responses.input_items``."""

from __future__ import annotations

from typing import List, Optional, Union

from typing_extensions import Unpack

from ....._concurrency import AsyncPaginator
from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Omit, Query, Timeout, omit
from .....types.beta import BetaResponseItem
from .....types.beta.responses import InputItemListParams
from ...._pagination import AsyncCursorPage
from ..._base import (
    AsyncRawListMethod,
    AsyncRawResponseView,
    AsyncStreamedListMethod,
    AsyncStreamingResponseView,
    request_extras,
)
from ...responses.input_items import _InputItemsCalls
from .._opt_in import RESPONSES_BETA_QUERY, ResponsesBeta, with_betas

__all__ = ["AsyncInputItems", "AsyncInputItemsWithRawResponse", "AsyncInputItemsWithStreamingResponse"]


class AsyncInputItems(_InputItemsCalls[BetaResponseItem]):
    """The input items of a stored beta response."""

    with_raw_response: AsyncInputItemsWithRawResponse
    with_streaming_response: AsyncInputItemsWithStreamingResponse

    _opt_in_query = RESPONSES_BETA_QUERY
    _page_type = AsyncCursorPage[BetaResponseItem]

    def list(
        self,
        response_id: str,
        *,
        betas: Union[List[ResponsesBeta], Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[InputItemListParams],
    ) -> AsyncPaginator[BetaResponseItem, AsyncCursorPage[BetaResponseItem]]:
        """List the items a beta response was given as input, page by page."""
        extras = request_extras(with_betas(betas, extra_headers), extra_query, extra_body, timeout)
        return self._list_items(response_id, params, extras)


class AsyncInputItemsWithRawResponse(AsyncRawResponseView, resource=AsyncInputItems):
    """``AsyncInputItems`` with each call returning the raw HTTP response; ``.parse()`` gives the usual result."""

    list = AsyncRawListMethod(AsyncInputItems.list)


class AsyncInputItemsWithStreamingResponse(AsyncStreamingResponseView, resource=AsyncInputItems):
    """``AsyncInputItems`` with each call a context manager over the response before its body is read."""

    list = AsyncStreamedListMethod(AsyncInputItems.list)

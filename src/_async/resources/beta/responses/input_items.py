"""``client.beta.responses.input_items``."""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional, Union

from typing_extensions import Unpack

from ....._concurrency import AsyncPaginator
from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Omit, Query, Timeout, omit
from .....types.beta import BetaResponseItem
from .....types.beta.responses import InputItemListParams
from ...._pagination import AsyncCursorPage
from ..._base import request_extras
from ...responses.input_items import _InputItemsCalls
from .._opt_in import RESPONSES_BETA_QUERY, ResponsesBeta, with_betas

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._input_items_views import AsyncInputItemsWithRawResponse, AsyncInputItemsWithStreamingResponse
else:
    from ._input_items_views import AsyncInputItemsWithRawResponse, AsyncInputItemsWithStreamingResponse

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

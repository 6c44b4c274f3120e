"""``client.beta.assistants``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack, deprecated

from ...._concurrency import AsyncPaginator
from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.beta import (
    Assistant,
    AssistantCreateParams,
    AssistantDeleted,
    AssistantListParams,
    AssistantUpdateParams,
)
from ..._pagination import AsyncCursorPage
from .._base import AsyncAPIResource
from ._opt_in import ASSISTANTS_OPT_IN

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._assistants_views import AsyncAssistantsWithRawResponse, AsyncAssistantsWithStreamingResponse
else:
    from ._assistants_views import AsyncAssistantsWithRawResponse, AsyncAssistantsWithStreamingResponse

__all__ = ["AsyncAssistants", "AsyncAssistantsWithRawResponse", "AsyncAssistantsWithStreamingResponse"]


class AsyncAssistants(AsyncAPIResource):
    """Assistants: a model with instructions and tools, reused across threads."""

    with_raw_response: AsyncAssistantsWithRawResponse
    with_streaming_response: AsyncAssistantsWithStreamingResponse

    _opt_in_headers = ASSISTANTS_OPT_IN

    @deprecated("deprecated")
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[AssistantCreateParams],
    ) -> Assistant:
        """Create an assistant."""
        return await self._call(
            "post",
            "/assistants",
            body=params,
            cast_to=Assistant,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("deprecated")
    async def retrieve(
        self,
        assistant_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> Assistant:
        """Get an assistant."""
        return await self._call(
            "get",
            f"/assistants/{require_path_param('assistant_id', assistant_id)}",
            cast_to=Assistant,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("deprecated")
    async def update(
        self,
        assistant_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[AssistantUpdateParams],
    ) -> Assistant:
        """Change an assistant's model, instructions, tools or metadata."""
        return await self._call(
            "post",
            f"/assistants/{require_path_param('assistant_id', assistant_id)}",
            body=params,
            cast_to=Assistant,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("deprecated")
    def list(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[AssistantListParams],
    ) -> AsyncPaginator[Assistant, AsyncCursorPage[Assistant]]:
        """List assistants, page by page."""
        return self._list(
            "/assistants",
            page=AsyncCursorPage[Assistant],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @deprecated("deprecated")
    async def delete(
        self,
        assistant_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> AssistantDeleted:
        """Delete an assistant."""
        return await self._call(
            "delete",
            f"/assistants/{require_path_param('assistant_id', assistant_id)}",
            cast_to=AssistantDeleted,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

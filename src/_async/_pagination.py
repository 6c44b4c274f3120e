"""Pages of list calls that fetch the pages after them: ``async for`` walks every item."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, AsyncIterator, Generic, Optional, TypeVar

from typing_extensions import Self

from .._pages import ConversationCursorPageShape, CursorPageShape, NextCursorPageShape, PageShape
from .._public import publish
from .._request import CallOptions

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient

__all__ = ["AsyncConversationCursorPage", "AsyncCursorPage", "AsyncNextCursorPage", "AsyncPage"]

_ItemT = TypeVar("_ItemT")


class _FetchingPage(Generic[_ItemT]):
    """Fetching and iteration shared by every page kind."""

    if TYPE_CHECKING:
        data: list[_ItemT]
        _client: Optional[AsyncAPIClient]
        _options: Optional[CallOptions]

        def next_page_query(self) -> Optional[dict[str, Any]]: ...

    def attach(self, client: AsyncAPIClient, options: CallOptions) -> None:
        """Remember how this page was fetched, so the next one can be fetched the same way."""
        self._client = client
        self._options = options

    def has_next_page(self) -> bool:
        """Whether another page follows this one."""
        return bool(self.data) and self.next_page_query() is not None

    async def get_next_page(self) -> Self:
        """Fetch the page after this one; raises RuntimeError on the last page."""
        query = self.next_page_query()
        if query is None or self._client is None or self._options is None:
            raise RuntimeError("No next page: check has_next_page() first")
        return await self._client.fetch_page(type(self), self._options, query)

    async def iter_pages(self) -> AsyncIterator[Self]:
        """This page and every page after it."""
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.get_next_page()

    async def __aiter__(self) -> AsyncIterator[_ItemT]:  # type: ignore[override,unused-ignore]
        async for page in self.iter_pages():
            for item in page.data:
                yield item


class AsyncPage(_FetchingPage[_ItemT], PageShape[_ItemT], Generic[_ItemT]):  # type: ignore[misc,unused-ignore]
    """A list that arrives whole (``models.list``)."""


class AsyncCursorPage(_FetchingPage[_ItemT], CursorPageShape[_ItemT], Generic[_ItemT]):  # type: ignore[misc,unused-ignore]
    """A cursor-paginated list: the next page starts after the last item's id."""


class AsyncConversationCursorPage(_FetchingPage[_ItemT], ConversationCursorPageShape[_ItemT], Generic[_ItemT]):  # type: ignore[misc,unused-ignore]
    """A list paginated by the page's ``last_id``."""


class AsyncNextCursorPage(_FetchingPage[_ItemT], NextCursorPageShape[_ItemT], Generic[_ItemT]):  # type: ignore[misc,unused-ignore]
    """A list paginated by the page's ``next`` cursor."""


# Tracebacks and reprs name these where users import them (see _public.py).
publish(globals(), __all__)

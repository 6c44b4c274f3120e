"""The four page shapes of list calls and how each one finds the next page, without I/O.

``_async/_pagination.py`` adds fetching and iteration on top; these classes only know their
fields and which query parameters ask for the following page.
"""

from __future__ import annotations

from typing import Any, Dict, Generic, List, Optional, TypeVar

from pydantic import PrivateAttr

from ._models import BaseModel

__all__ = ["ConversationCursorPageShape", "CursorPageShape", "NextCursorPageShape", "PageShape"]

_ItemT = TypeVar("_ItemT")


class PageShape(BaseModel, Generic[_ItemT]):
    """A single, complete list: ``data`` and nothing more to fetch."""

    data: List[_ItemT]
    object: Optional[str] = None

    # Set by the client that fetched the page, so the next page is fetched the same way.
    _client: Any = PrivateAttr(default=None)
    _options: Any = PrivateAttr(default=None)

    def next_page_query(self) -> Optional[Dict[str, Any]]:
        """The query that fetches the page after this one, or None on the last page."""
        return None


class CursorPageShape(PageShape[_ItemT], Generic[_ItemT]):
    """Pages chained by the last item's id: ``after = data[-1].id`` while ``has_more``."""

    has_more: Optional[bool] = None

    def next_page_query(self) -> Optional[Dict[str, Any]]:
        if self.has_more is False or not self.data:
            return None
        last_id = getattr(self.data[-1], "id", None)
        return {"after": last_id} if last_id else None


class ConversationCursorPageShape(PageShape[_ItemT], Generic[_ItemT]):
    """Pages chained by the page's ``last_id``."""

    has_more: Optional[bool] = None
    last_id: Optional[str] = None

    def next_page_query(self) -> Optional[Dict[str, Any]]:
        if self.has_more is False or not self.data or not self.last_id:
            return None
        return {"after": self.last_id}


class NextCursorPageShape(PageShape[_ItemT], Generic[_ItemT]):
    """Pages chained by the page's ``next`` cursor."""

    has_more: Optional[bool] = None
    next: Optional[str] = None

    def next_page_query(self) -> Optional[Dict[str, Any]]:
        if self.has_more is False or not self.next:
            return None
        return {"after": self.next}

"""The loopback server's in-memory state, and the cursor pagination every list endpoint shares.

Only the server's event-loop thread touches a :class:`Store`, so it needs no lock.
Ids and timestamps come from counters, so two runs of the same requests give the same answers.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Sequence

if TYPE_CHECKING:
    from ._batches import BatchSettings

__all__ = ["BASE_TIME", "Store", "cursor_page"]

# 2023-11-14T22:13:20Z: a fixed clock keeps responses identical from run to run.
BASE_TIME = 1_700_000_000

JSONObject = Dict[str, Any]


class Store:
    """Everything the endpoints create, keyed by id, in creation order."""

    def __init__(self) -> None:
        self._ids: Dict[str, Iterator[int]] = {}
        self._clock = itertools.count(BASE_TIME)
        self.models: Dict[str, JSONObject] = {}
        self.completions: Dict[str, JSONObject] = {}
        self.completion_messages: Dict[str, List[JSONObject]] = {}
        self.files: Dict[str, JSONObject] = {}
        self.file_contents: Dict[str, bytes] = {}
        self.jobs: Dict[str, JSONObject] = {}
        self.job_events: Dict[str, List[JSONObject]] = {}
        self.job_checkpoints: Dict[str, List[JSONObject]] = {}
        self.batches: Dict[str, JSONObject] = {}
        # What /batches keeps beside each batch's JSON (its parsed lines and answers), and how batches behave.
        self.batch_runs: Dict[str, Any] = {}
        self.batch_settings: Optional[BatchSettings] = None

    def new_id(self, prefix: str) -> str:
        """The next id for ``prefix``, e.g. ``file-lb000001``; counters are per prefix."""
        counter = self._ids.get(prefix)
        if counter is None:
            counter = self._ids[prefix] = itertools.count(1)
        return f"{prefix}-lb{next(counter):06d}"

    def now(self) -> int:
        """A Unix timestamp one second later than the previous one handed out."""
        return next(self._clock)


def cursor_page(items: Sequence[JSONObject], *, after: Optional[str], limit: int) -> JSONObject:
    """One page of ``items`` (already in listing order), starting after the item whose id is ``after``.

    An ``after`` that names no item gives an empty page, as a deleted cursor would.
    """
    start = 0
    if after:
        start = len(items)
        for index, item in enumerate(items):
            if item["id"] == after:
                start = index + 1
                break
    data = list(items[start : start + limit])
    return {
        "object": "list",
        "data": data,
        "first_id": data[0]["id"] if data else None,
        "last_id": data[-1]["id"] if data else None,
        "has_more": start + limit < len(items),
    }

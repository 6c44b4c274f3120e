"""The Batch API path without I/O: splitting requests into batches, and the record of what was submitted.

A batch holds requests for one endpoint and one model, at most ``max_requests`` of them, in an
input file of at most ``max_bytes``; :func:`split_for_batches` cuts the requests into such parts in
input order. :class:`BatchState` is what a run keeps beside its output so that a restarted run
finds the batches it already submitted: it is read back from a file anyone could have edited, so
:meth:`BatchState.from_json` checks every field it takes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ._jsonl import BulkInputError, BulkRequest, LineProblem

__all__ = [
    "BATCH_ENDPOINTS",
    "DEFAULT_MAX_BATCH_BYTES",
    "DEFAULT_MAX_BATCH_REQUESTS",
    "PENDING_STATUSES",
    "BatchState",
    "PartRecord",
    "part_content",
    "split_for_batches",
]

#: The endpoints a batch can run (the ``endpoint`` parameter of ``POST /v1/batches``).
BATCH_ENDPOINTS = frozenset(
    {
        "/v1/responses",
        "/v1/chat/completions",
        "/v1/embeddings",
        "/v1/completions",
        "/v1/moderations",
        "/v1/images/generations",
        "/v1/images/edits",
        "/v1/videos",
    }
)
#: The API's per-batch limits: requests in one batch, bytes of its input file.
DEFAULT_MAX_BATCH_REQUESTS = 50_000
DEFAULT_MAX_BATCH_BYTES = 200 * 1024 * 1024
#: A batch in one of these states has not settled yet.
PENDING_STATUSES = frozenset({"validating", "in_progress", "finalizing", "cancelling"})

_STATE_VERSION = 1
_PART_NAME = re.compile(r"part-\d{5,9}")
_ID = re.compile(r"[A-Za-z0-9_\-]{1,200}")
_STATUS = re.compile(r"[a-z_]{1,40}")


def _line_bytes(request: BulkRequest) -> int:
    return len(request.to_line().encode("utf-8")) + 1


def part_content(requests: Sequence[BulkRequest]) -> bytes:
    """The input file of one batch: one line per request, each ending in a newline."""
    return "".join(request.to_line() + "\n" for request in requests).encode("utf-8")


def split_for_batches(
    requests: Sequence[BulkRequest],
    *,
    max_requests: int = DEFAULT_MAX_BATCH_REQUESTS,
    max_bytes: int = DEFAULT_MAX_BATCH_BYTES,
) -> List[List[BulkRequest]]:
    """Cut ``requests`` into batches of one endpoint and model each, within both per-batch limits.

    Requests keep their input order inside a part, and parts come in the order their first request
    appears. A request no batch can take (an url that is not a batch endpoint, a line longer than
    ``max_bytes`` on its own) raises :class:`BulkInputError` naming every such line, before anything
    is sent.
    """
    for name, limit in (("max_requests", max_requests), ("max_bytes", max_bytes)):
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ValueError(f"{name} must be a positive int, got {limit!r}")
    problems: List[LineProblem] = []
    # Each group's parts so far, and the byte size of its last (open) part.
    groups: Dict[Tuple[str, Optional[str]], List[List[BulkRequest]]] = {}
    open_bytes: Dict[Tuple[str, Optional[str]], int] = {}
    order: List[Tuple[Tuple[str, Optional[str]], int]] = []
    for position, request in enumerate(requests, 1):
        line = request.line or position
        if request.url not in BATCH_ENDPOINTS:
            endpoints = ", ".join(sorted(BATCH_ENDPOINTS))
            problems.append(LineProblem(line, f"url {request.url!r} is not a Batch API endpoint ({endpoints})"))
            continue
        size = _line_bytes(request)
        if size > max_bytes:
            message = f"custom_id {request.custom_id!r} is {size} bytes as a line; a batch input file holds at most {max_bytes}"
            problems.append(LineProblem(line, message))
            continue
        key = (request.url, request.model)
        parts = groups.setdefault(key, [])
        if not parts or len(parts[-1]) >= max_requests or open_bytes[key] + size > max_bytes:
            parts.append([])
            open_bytes[key] = 0
            order.append((key, len(parts) - 1))
        parts[-1].append(request)
        open_bytes[key] += size
    if problems:
        raise BulkInputError("<batch input>", problems)
    return [groups[key][index] for key, index in order]


@dataclass
class PartRecord:
    """One batch of a run: its input file on disk (``name``.jsonl) and how far its submission got.

    ``create_sent`` is set before the batch is created, so a run that died while the create call
    was out knows to look for a batch on that input file before creating another.
    """

    name: str
    endpoint: str
    requests: int
    input_file_id: Optional[str] = None
    uploaded_at: Optional[int] = None
    create_sent: bool = False
    batch_id: Optional[str] = None
    status: Optional[str] = None
    collected: bool = False

    def to_json(self) -> Dict[str, Any]:
        """The record as it is saved."""
        return {
            "name": self.name,
            "endpoint": self.endpoint,
            "requests": self.requests,
            "input_file_id": self.input_file_id,
            "uploaded_at": self.uploaded_at,
            "create_sent": self.create_sent,
            "batch_id": self.batch_id,
            "status": self.status,
            "collected": self.collected,
        }


def _field(data: Dict[str, Any], name: str, kind: Any, pattern: Optional[re.Pattern[str]] = None) -> Any:
    value = data.get(name)
    if value is None and kind is not bool:
        return None
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise ValueError(f"{name} must be {kind.__name__}, got {type(value).__name__}")
    if pattern is not None and not pattern.fullmatch(value):
        raise ValueError(f"{name} has an unexpected form: {str(value)[:60]!r}")
    return value


@dataclass
class BatchState:
    """Every part a run has planned, in submission order."""

    parts: List[PartRecord] = field(default_factory=list)

    def next_name(self) -> str:
        """The file name (without ``.jsonl``) for the next part."""
        return f"part-{len(self.parts) + 1:05d}"

    def to_json(self) -> Dict[str, Any]:
        """The state as it is saved."""
        return {"version": _STATE_VERSION, "parts": [part.to_json() for part in self.parts]}

    @classmethod
    def from_json(cls, data: Any) -> BatchState:
        """Read a saved state back; :class:`ValueError` says what is wrong with a damaged one."""
        if not isinstance(data, dict) or data.get("version") != _STATE_VERSION:
            raise ValueError(f"not a version {_STATE_VERSION} batch state")
        raw_parts = data.get("parts")
        if not isinstance(raw_parts, list):
            raise ValueError("parts must be a list")
        parts: List[PartRecord] = []
        names = set()
        for index, raw in enumerate(raw_parts, 1):
            if not isinstance(raw, dict):
                raise ValueError(f"part {index} is not an object")
            try:
                name = _field(raw, "name", str, _PART_NAME)
                endpoint = _field(raw, "endpoint", str)
                requests = _field(raw, "requests", int)
                if name is None or endpoint not in BATCH_ENDPOINTS or requests is None or requests < 1:
                    raise ValueError("name, endpoint and a positive request count are required")
                if name in names:
                    raise ValueError(f"{name} appears twice")
                names.add(name)
                status = _field(raw, "status", str, _STATUS)
                parts.append(
                    PartRecord(
                        name=name,
                        endpoint=endpoint,
                        requests=requests,
                        input_file_id=_field(raw, "input_file_id", str, _ID),
                        uploaded_at=_field(raw, "uploaded_at", int),
                        create_sent=_field(raw, "create_sent", bool),
                        batch_id=_field(raw, "batch_id", str, _ID),
                        status=status,
                        collected=_field(raw, "collected", bool),
                    )
                )
            except ValueError as exc:
                raise ValueError(f"part {index}: {exc}") from None
        return cls(parts)

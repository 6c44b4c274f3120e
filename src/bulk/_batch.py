"""The bulk runner's Batch API path: the same input and output files, run as server-side batches.

The requests not yet in the output are cut into batches within the API's per-batch limits
(:func:`~openai.bulk._batch_plan.split_for_batches`); each part's input file is kept in
``state_dir`` and uploaded, its batch created and polled with the project's poll helper, and when
it settles its output and error files are merged into the output, one line per custom_id, in the
direct runner's format. Requests a failed, expired or cancelled batch did not answer are recorded
as errors.

Every step is written to ``state_dir/batches.json`` (atomically) before the next one starts, so a
run that is stopped at any point and started again picks up where it was: it polls the batches it
had created instead of creating them again, and uploads or creates only what it had not. If it died
while a create call was out, it looks for a batch on that input file before creating one.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import json
import os
import pathlib
import tempfile
import time
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Sequence, Set

from ._batch_plan import (
    DEFAULT_MAX_BATCH_BYTES,
    DEFAULT_MAX_BATCH_REQUESTS,
    PENDING_STATUSES,
    BatchState,
    PartRecord,
    part_content,
    split_for_batches,
)
from ._jsonl import (
    BulkInputError,
    BulkRequest,
    BulkResult,
    LineProblem,
    ResultWriter,
    error_result,
    parse_request_line,
    parse_result_line,
    prepare_output,
    response_result,
)
from ._progress import BulkSummary, Progress

if TYPE_CHECKING:
    from .._async._client import AsyncOpenAI

__all__ = ["STATE_FILE", "BatchStateError", "run_via_batch"]

#: The file in ``state_dir`` that records the parts and their batches.
STATE_FILE = "batches.json"
DEFAULT_POLL_INTERVAL = 10.0

# What a request that got no line in a settled batch's files is recorded with.
_UNANSWERED = {
    "failed": ("batch_failed", "the batch failed validation"),
    "expired": ("batch_expired", "the batch's completion window ended before this request ran"),
    "cancelled": ("batch_cancelled", "the batch was cancelled before this request ran"),
    "completed": ("batch_missing_result", "the completed batch returned no line for this request"),
}


class BatchStateError(RuntimeError):
    """The record of submitted batches beside the output cannot be used; nothing was submitted."""


def _write_atomically(path: pathlib.Path, data: bytes) -> None:
    # A crash mid-write must leave the old record, not half a new one: write aside, then rename.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


class _Ledger:
    """The state file and the part files in ``state_dir``."""

    def __init__(self, directory: pathlib.Path) -> None:
        self.directory = directory
        self.path = directory / STATE_FILE
        self.state = BatchState()

    def load(self) -> None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        try:
            self.state = BatchState.from_json(json.loads(raw))
        except ValueError as exc:
            raise BatchStateError(f"{self.path}: {exc}; remove it (and its part files) to submit again") from None

    def save(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        _write_atomically(self.path, json.dumps(self.state.to_json(), indent=1).encode())

    def part_path(self, part: PartRecord) -> pathlib.Path:
        return self.directory / f"{part.name}.jsonl"

    def add_part(self, endpoint: str, requests: Sequence[BulkRequest]) -> PartRecord:
        part = PartRecord(name=self.state.next_name(), endpoint=endpoint, requests=len(requests))
        self.directory.mkdir(parents=True, exist_ok=True)
        _write_atomically(self.part_path(part), part_content(requests))
        self.state.parts.append(part)
        self.save()
        return part

    def read_part(self, part: PartRecord) -> List[BulkRequest]:
        path = self.part_path(part)
        try:
            lines = path.read_bytes().split(b"\n")
        except FileNotFoundError:
            raise BatchStateError(f"{path} is missing; {self.path} names it as {part.name}") from None
        requests: List[BulkRequest] = []
        for number, line in enumerate(lines, 1):
            if line.strip():
                try:
                    requests.append(parse_request_line(line, number))
                except ValueError as exc:
                    raise BatchStateError(f"{path}: line {number}: {exc}") from None
        if len(requests) != part.requests:
            raise BatchStateError(f"{path} holds {len(requests)} requests, {self.path} says {part.requests}")
        return requests


def _check_requests(requests: Iterable[BulkRequest]) -> List[BulkRequest]:
    out: List[BulkRequest] = []
    first: Dict[str, int] = {}
    problems: List[LineProblem] = []
    for position, request in enumerate(requests, 1):
        if not isinstance(request, BulkRequest):
            raise TypeError(
                f"requests must be BulkRequest objects, got {type(request).__name__} at position {position}"
            )
        line = request.line or position
        if request.custom_id in first:
            message = f"duplicate custom_id {request.custom_id!r} (first on line {first[request.custom_id]})"
            problems.append(LineProblem(line, message))
            continue
        first[request.custom_id] = line
        out.append(request)
    if problems:
        raise BulkInputError("<requests>", problems)
    return out


def _merge_line(request: BulkRequest, raw: bytes) -> Optional[BulkResult]:
    """A line of a batch's output or error file as a result in the direct runner's form."""
    try:
        found = parse_result_line(raw)
    except ValueError:
        return None
    if found.custom_id != request.custom_id:
        return None
    if found.has_response and found.status_code is not None:
        # The Batch API leaves ``error`` empty on a request the endpoint refused; the runner names the error.
        result = response_result(
            request, status_code=found.status_code, request_id=found.request_id, body=found.body, result_id=found.id
        )
        return result if found.error is None else dataclasses.replace(result, error=found.error)
    error = found.error or {}
    code = error.get("code") if isinstance(error.get("code"), str) else "batch_error"
    message = error.get("message") if isinstance(error.get("message"), str) else "the batch recorded an error"
    return error_result(request, code=str(code), message=str(message), result_id=found.id)


class _Run:
    def __init__(
        self,
        client: AsyncOpenAI,
        ledger: _Ledger,
        writer: ResultWriter,
        summary: BulkSummary,
        finished: Set[str],
        progress: Optional[Progress],
        poll_interval: Optional[float],
        metadata: Optional[Mapping[str, str]],
    ) -> None:
        self.client = client
        self.ledger = ledger
        self.writer = writer
        self.summary = summary
        self.finished = finished
        self.progress = progress
        self.poll_interval = poll_interval
        self.metadata = dict(metadata or {})

    def record(self, result: BulkResult) -> None:
        if result.custom_id in self.finished:
            return
        self.finished.add(result.custom_id)
        self.writer.write(result)
        self.summary.record(result)
        if self.progress is not None:
            self.progress.update(result)

    async def drive(self, part: PartRecord) -> None:
        """Take one part from wherever it got to, through to its results in the output."""
        requests = self.ledger.read_part(part)
        if part.batch_id is None:
            await self._submit(part)
        assert part.batch_id is not None
        batch = await self._poll(part.batch_id)
        await self._collect(part, requests, batch)

    async def _submit(self, part: PartRecord) -> None:
        client = self.client
        if part.input_file_id is None:
            content = self.ledger.part_path(part).read_bytes()
            uploaded = await client.files.create(file=(f"{part.name}.jsonl", content), purpose="batch")
            part.input_file_id, part.uploaded_at = uploaded.id, uploaded.created_at
            self.ledger.save()
        if part.create_sent:
            existing = await self._find_batch(part)
            if existing is not None:
                part.batch_id = existing
                self.ledger.save()
                return
        part.create_sent = True
        self.ledger.save()
        metadata = {**self.metadata, "openai_bulk_part": part.name}
        batch = await client.batches.create(
            input_file_id=part.input_file_id,
            endpoint=part.endpoint,  # type: ignore[arg-type]
            completion_window="24h",
            metadata=metadata,
        )
        part.batch_id, part.status = batch.id, batch.status
        self.ledger.save()

    async def _find_batch(self, part: PartRecord) -> Optional[str]:
        """The batch an earlier run created on this part's input file, if its create call got through."""
        async for batch in self.client.batches.list(limit=100):
            if batch.input_file_id == part.input_file_id:
                return batch.id
            if part.uploaded_at is not None and batch.created_at < part.uploaded_at:
                # Newest first: anything older was created before the file existed.
                return None
        return None

    async def _poll(self, batch_id: str) -> Any:
        from .._async._helpers.polling import RequestOptions, _poll
        from .._types import NOT_GIVEN

        interval: Any = NOT_GIVEN if self.poll_interval is None else int(self.poll_interval * 1000)
        # The raw view, so that the loop sees each answer's poll-after header.
        retrieve = functools.partial(self.client.batches.with_raw_response.retrieve, batch_id)
        return await _poll(
            retrieve,
            RequestOptions(),
            pending=lambda batch: getattr(batch, "status", None) in PENDING_STATUSES,
            poll_interval_ms=interval,
        )

    async def _download(self, file_id: Optional[str]) -> List[bytes]:
        if not file_id:
            return []
        content = await self.client.files.content(file_id)
        return [line for line in content.content.split(b"\n") if line.strip()]

    async def _collect(self, part: PartRecord, requests: List[BulkRequest], batch: Any) -> None:
        by_id = {request.custom_id: request for request in requests}
        for raw in [*await self._download(batch.output_file_id), *await self._download(batch.error_file_id)]:
            try:
                custom_id = json.loads(raw).get("custom_id")
            except (ValueError, AttributeError):
                continue
            request = by_id.get(custom_id) if isinstance(custom_id, str) else None
            if request is None:
                continue
            result = _merge_line(request, raw)
            if result is not None:
                self.record(result)
        code, message = _UNANSWERED.get(batch.status, ("batch_error", f"the batch ended as {batch.status}"))
        if batch.status == "failed" and batch.errors is not None and batch.errors.data:
            details = "; ".join(
                f"{error.code}" + (f" (line {error.line})" if error.line else "") + f": {error.message}"
                for error in batch.errors.data[:5]
            )
            message = f"{message}: {details}"
        for request in requests:
            if request.custom_id not in self.finished:
                self.record(error_result(request, code=code, message=f"{message} (batch {batch.id})"))
        part.status, part.collected = batch.status, True
        self.ledger.save()


async def run_via_batch(
    client: AsyncOpenAI,
    requests: Sequence[BulkRequest],
    output: pathlib.Path,
    *,
    state_dir: pathlib.Path,
    progress: Optional[Progress] = None,
    max_requests: int = DEFAULT_MAX_BATCH_REQUESTS,
    max_bytes: int = DEFAULT_MAX_BATCH_BYTES,
    poll_interval: Optional[float] = DEFAULT_POLL_INTERVAL,
    metadata: Optional[Mapping[str, str]] = None,
) -> BulkSummary:
    """Run ``requests`` through the Batch API, writing the same ``output`` the direct runner writes.

    ``requests`` is the whole input: those already in ``output`` are skipped, and those in a batch
    recorded in ``state_dir`` by an earlier run are polled for, not submitted again. New ones are
    split at ``max_requests`` per batch and ``max_bytes`` per input file (the API's limits by
    default). ``poll_interval`` is the wait between two looks at a batch, in seconds (``None``:
    what the server suggests, else one second). ``metadata`` is attached to every batch created.

    Raises :class:`BulkInputError` before anything is sent when a request cannot go in a batch,
    and :class:`BatchStateError` when the record in ``state_dir`` is damaged; a request that fails
    inside a batch is recorded in the output, not raised.
    """
    if poll_interval is not None and not poll_interval >= 0:
        raise ValueError(f"poll_interval must be None or >= 0 seconds, got {poll_interval!r}")
    checked = _check_requests(requests)
    output = pathlib.Path(output)
    ledger = _Ledger(pathlib.Path(state_dir))
    ledger.load()
    out_state = prepare_output(output)
    wanted = {request.custom_id for request in checked}
    finished = set(out_state.finished)
    summary = BulkSummary(total=len(checked), skipped=len(wanted & finished), output=output)
    waiting = [part for part in ledger.state.parts if not part.collected]
    submitted: Set[str] = set()
    for part in waiting:
        submitted.update(request.custom_id for request in ledger.read_part(part))
    todo = [request for request in checked if request.custom_id not in finished and request.custom_id not in submitted]
    groups = split_for_batches(todo, max_requests=max_requests, max_bytes=max_bytes)
    for group in groups:
        waiting.append(ledger.add_part(group[0].url, group))
    started = time.monotonic()
    if progress is not None:
        progress.start(summary.total, summary.skipped)
    try:
        with ResultWriter(output) as writer:
            run = _Run(client, ledger, writer, summary, finished, progress, poll_interval, metadata)
            tasks = [asyncio.ensure_future(run.drive(part)) for part in waiting]
            try:
                await asyncio.gather(*tasks)
            finally:
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
    finally:
        summary.elapsed = time.monotonic() - started
        if progress is not None:
            progress.close()
    return summary

"""``/batches``: batches that run their input file through this server's own endpoints, on a clock.

A batch moves validating -> in_progress -> finalizing -> completed as its clock passes each phase's
duration (see :class:`BatchSettings`); it fails validation for the input-file problems the API reports
(``errors.data`` with ``code``, ``line``, ``message``, ``param``), expires when its completion window
runs out first, and goes cancelling -> cancelled when asked. Nothing runs in the background: a batch
is brought up to date whenever a request looks at it, so a test that advances a :class:`ManualClock`
sees exactly the states that time covers, with no sleeping.

While in progress, the input lines finish evenly over the phase's duration, each answered in-process
by the endpoint its ``url`` names, and ``request_counts`` grows with them. At the end, answers with a
2xx status go to the output file; the others, and the lines a window ran out on, go to the error file,
in the API's per-line format ``{"id", "custom_id", "response", "error"}``.
"""

from __future__ import annotations

import json
import threading
import time
from typing import Any, Callable, Dict, List, Optional, Set

from ._files import add_file
from ._reply import ApiError, Reply, json_reply
from ._routes import Call, Route, find
from ._store import BASE_TIME, Store

__all__ = ["ROUTES", "BatchSettings", "ManualClock", "check_input_size"]

JSONObject = Dict[str, Any]

ENDPOINTS = frozenset({"/v1/responses", "/v1/chat/completions", "/v1/embeddings", "/v1/completions", "/v1/moderations"})
_ACTIVE = frozenset({"validating", "in_progress", "finalizing"})
# Enough to show every problem of a realistic file without letting a hostile one grow the reply unbounded.
_MAX_REPORTED_ERRORS = 1000
_EXPIRED_MESSAGE = "This request could not be executed before the completion window expired."


class ManualClock:
    """A clock for :class:`BatchSettings` that moves only when told: :meth:`advance`, or ``tick`` per reading.

    It reads as Unix seconds from ``start``. With ``tick`` set, every reading moves it on by that
    much afterwards, so each request that looks at a batch is ``tick`` seconds later than the one
    before. Safe to advance from a test's thread while the server reads it on its own.
    """

    def __init__(self, start: float = BASE_TIME, *, tick: float = 0.0) -> None:
        if tick < 0:
            raise ValueError(f"tick must be >= 0, got {tick!r}")
        self._lock = threading.Lock()
        self._now = float(start)
        self._tick = float(tick)

    def __call__(self) -> float:
        with self._lock:
            now = self._now
            self._now += self._tick
            return now

    def advance(self, seconds: float) -> None:
        """Move the clock on by ``seconds`` (which must not be negative)."""
        if seconds < 0:
            raise ValueError(f"a clock cannot go back: advance({seconds!r})")
        with self._lock:
            self._now += seconds

    def __repr__(self) -> str:
        return f"<ManualClock {self._now} tick={self._tick}>"


class BatchSettings:
    """How batches behave on a :class:`~openai.testing.LoopbackServer`: phase durations, clock and limits.

    Durations are in seconds of ``clock`` (a callable returning Unix seconds; ``time.time`` for real
    time). ``in_progress`` is the whole phase: the requests finish evenly across it. A batch not
    completed ``completion_window`` seconds after its creation expires. ``max_requests`` and
    ``max_bytes`` are the per-batch limits: a batch whose input has more lines fails validation with
    ``too_many_tasks``, and a ``purpose=batch`` upload larger than ``max_bytes`` is refused with a 400.

    The defaults keep the server deterministic: a clock that moves one second each time a request
    looks at batches, and one second per phase, so each retrieve shows the next state.
    """

    def __init__(
        self,
        *,
        validating: float = 1.0,
        in_progress: float = 1.0,
        finalizing: float = 1.0,
        cancelling: float = 1.0,
        completion_window: float = 86_400.0,
        max_requests: int = 50_000,
        max_bytes: int = 200 * 1024 * 1024,
        clock: Optional[Callable[[], float]] = None,
    ) -> None:
        for name, value in (
            ("validating", validating),
            ("in_progress", in_progress),
            ("finalizing", finalizing),
            ("cancelling", cancelling),
        ):
            if not value >= 0:
                raise ValueError(f"{name} must be a duration >= 0 seconds, got {value!r}")
        if not completion_window > 0:
            raise ValueError(f"completion_window must be > 0 seconds, got {completion_window!r}")
        for name, limit in (("max_requests", max_requests), ("max_bytes", max_bytes)):
            if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
                raise ValueError(f"{name} must be a positive integer, got {limit!r}")
        self.validating = float(validating)
        self.in_progress = float(in_progress)
        self.finalizing = float(finalizing)
        self.cancelling = float(cancelling)
        self.completion_window = float(completion_window)
        self.max_requests = max_requests
        self.max_bytes = max_bytes
        self.clock: Callable[[], float] = clock if clock is not None else ManualClock(tick=1.0)

    @classmethod
    def real_time(cls, **durations: Any) -> BatchSettings:
        """Settings on the wall clock (``time.time``), e.g. ``BatchSettings.real_time(in_progress=5)``."""
        return cls(clock=time.time, **durations)


class _Run:
    """What the server keeps about a batch beside its JSON: the parsed lines and their answers so far."""

    __slots__ = ("created", "done", "expires", "items", "phase_start", "records")

    def __init__(self, created: float, expires: float) -> None:
        self.created = created
        self.expires = expires
        self.phase_start = created
        self.items: List[JSONObject] = []
        # One (record, succeeded) per line answered so far, in input order.
        self.records: List[Any] = []
        self.done = 0


def _settings(store: Store) -> BatchSettings:
    if store.batch_settings is None:
        store.batch_settings = BatchSettings()
    return store.batch_settings


def _runs(store: Store) -> Dict[str, _Run]:
    return store.batch_runs


def check_input_size(store: Store, size: int) -> None:
    """Refuse a ``purpose=batch`` upload above the per-batch byte limit, as the API does."""
    limit = _settings(store).max_bytes
    if size > limit:
        raise ApiError(
            400,
            f"The batch input file is {size} bytes; a batch input file can be at most {limit} bytes.",
            param="file",
            code="file_too_large",
        )


def _create(call: Call) -> Reply:
    body = call.json()
    input_file_id = call.require("input_file_id")
    endpoint = call.require("endpoint")
    window = call.require("completion_window")
    if endpoint not in ENDPOINTS:
        raise ApiError(400, f"Unsupported batch endpoint {endpoint!r}.", param="endpoint")
    if window != "24h":
        raise ApiError(400, "'completion_window' must be '24h'.", param="completion_window")
    metadata = body.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise ApiError(400, "'metadata' must be an object.", param="metadata", code="invalid_type")
    input_file = find(call.store.files, input_file_id, "file", "input_file_id")
    if input_file["purpose"] != "batch":
        message = f"File {input_file_id} has purpose {input_file['purpose']!r}; a batch input needs purpose 'batch'."
        raise ApiError(400, message, param="input_file_id")
    store = call.store
    settings = _settings(store)
    now = settings.clock()
    batch_id = store.new_id("batch")
    run = _Run(now, now + settings.completion_window)
    _runs(store)[batch_id] = run
    batch: JSONObject = {
        "id": batch_id,
        "object": "batch",
        "endpoint": endpoint,
        "model": None,
        "errors": None,
        "input_file_id": input_file_id,
        "completion_window": window,
        "status": "validating",
        "output_file_id": None,
        "error_file_id": None,
        "created_at": int(now),
        "in_progress_at": None,
        "expires_at": int(run.expires),
        "finalizing_at": None,
        "completed_at": None,
        "failed_at": None,
        "expired_at": None,
        "cancelling_at": None,
        "cancelled_at": None,
        "request_counts": {"total": 0, "completed": 0, "failed": 0},
        "metadata": metadata,
    }
    store.batches[batch_id] = batch
    return json_reply(batch)


# Validation


def _validate(batch: JSONObject, data: bytes, settings: BatchSettings) -> tuple[List[JSONObject], List[JSONObject]]:
    """The input file's requests (each with its line number), and the problems that fail the batch."""
    errors: List[JSONObject] = []

    def problem(code: str, message: str, line: Optional[int] = None, param: Optional[str] = None) -> None:
        if len(errors) < _MAX_REPORTED_ERRORS:
            errors.append({"code": code, "message": message, "param": param, "line": line})

    items: List[JSONObject] = []
    seen: Set[str] = set()
    model: Optional[str] = None
    for number, raw in enumerate(data.split(b"\n"), 1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
        except ValueError:
            item = None
        if not isinstance(item, dict):
            problem("invalid_json_line", "This line is not parseable as a JSON object.", number)
            continue
        missing = [name for name in ("custom_id", "method", "url", "body") if name not in item]
        if missing:
            problem("missing_required_parameter", f"Missing required parameter: {missing[0]!r}.", number, missing[0])
            continue
        custom_id, url, payload = item["custom_id"], item["url"], item["body"]
        if not isinstance(custom_id, str) or not custom_id:
            problem("invalid_custom_id", "'custom_id' must be a non-empty string.", number, "custom_id")
            continue
        if custom_id in seen:
            problem("duplicate_custom_id", f"The custom_id {custom_id!r} appears more than once.", number, "custom_id")
            continue
        seen.add(custom_id)
        if item["method"] != "POST":
            problem("invalid_method", "Only the POST method is supported in a batch.", number, "method")
            continue
        if url != batch["endpoint"]:
            message = f"The url {url!r} does not match the batch's endpoint {batch['endpoint']!r}."
            problem("url_mismatch", message, number, "url")
            continue
        if not isinstance(payload, dict):
            problem("invalid_body", "'body' must be a JSON object.", number, "body")
            continue
        line_model = payload.get("model")
        if isinstance(line_model, str):
            if model is None:
                model = line_model
            elif line_model != model:
                message = f"The model {line_model!r} differs from {model!r} of the lines before; a batch uses one."
                problem("model_mismatch", message, number, "body.model")
                continue
        items.append({"line": number, "custom_id": custom_id, "url": url, "body": payload})
    if not items and not errors:
        problem("empty_file", "The input file has no requests.")
    if len(items) > settings.max_requests:
        message = f"The input file has {len(items)} requests; a batch can hold at most {settings.max_requests}."
        problem("too_many_tasks", message)
    batch["model"] = model
    return items, errors


# The timeline


def _record(store: Store, custom_id: str, error: Optional[JSONObject] = None) -> JSONObject:
    return {"id": store.new_id("batch_req"), "custom_id": custom_id, "response": None, "error": error}


def _answer(call: Call, batch: JSONObject, item: JSONObject) -> Any:
    """Run one request through the endpoint it names; the output record and whether it succeeded."""
    store = call.store
    record = _record(store, item["custom_id"])
    reply = call.dispatch("POST", item["url"][len("/v1") :], json.dumps(item["body"]).encode())
    if reply.frames is not None:
        record["error"] = {"code": "invalid_request", "message": f"Line {item['line']}: a batch cannot stream."}
        return record, False
    try:
        answer: Any = json.loads(reply.body)
    except ValueError:
        answer = reply.body.decode("utf-8", "replace")
    record["response"] = {"status_code": reply.status, "request_id": store.new_id("req"), "body": answer}
    return record, reply.status < 400


def _run_until(call: Call, batch: JSONObject, run: _Run, settings: BatchSettings, until: float) -> None:
    """Answer every line whose turn comes by ``until``; the lines finish evenly across the phase."""
    total = len(run.items)
    counts = batch["request_counts"]
    while run.done < total:
        turn = run.phase_start + settings.in_progress * (run.done + 1) / total
        if turn > until:
            return
        record, ok = _answer(call, batch, run.items[run.done])
        run.records.append((record, ok))
        run.done += 1
        counts["completed" if ok else "failed"] += 1


def _write_files(call: Call, batch: JSONObject, run: _Run, unfinished_error: Optional[JSONObject]) -> None:
    store = call.store
    outputs = [record for record, ok in run.records if ok]
    errors = [record for record, ok in run.records if not ok]
    if unfinished_error is not None:
        for item in run.items[run.done :]:
            errors.append(_record(store, item["custom_id"], unfinished_error))
            batch["request_counts"]["failed"] += 1
    for records, field, suffix in ((outputs, "output_file_id", "output"), (errors, "error_file_id", "error")):
        if records:
            content = "".join(json.dumps(record) + "\n" for record in records).encode()
            batch[field] = add_file(store, content, f"{batch['id']}_{suffix}.jsonl", "batch_output")["id"]


def _enter(batch: JSONObject, run: _Run, status: str, at: float) -> None:
    batch["status"] = status
    batch[f"{status}_at"] = int(at)
    run.phase_start = at


def _expire(call: Call, batch: JSONObject, run: _Run, settings: BatchSettings) -> None:
    if batch["status"] == "in_progress":
        _run_until(call, batch, run, settings, run.expires)
    _write_files(call, batch, run, {"code": "batch_expired", "message": _EXPIRED_MESSAGE})
    _enter(batch, run, "expired", run.expires)


def _bring_up_to_date(call: Call, batch: JSONObject, now: float) -> None:
    """Move ``batch`` through every transition its clock has passed by ``now``."""
    settings = _settings(call.store)
    run = _runs(call.store).get(batch["id"])
    if run is None:
        return
    while True:
        status = batch["status"]
        if status == "cancelling":
            due = run.phase_start + settings.cancelling
            if now < due:
                return
            _write_files(call, batch, run, None)
            _enter(batch, run, "cancelled", due)
            return
        if status not in _ACTIVE:
            return
        if status == "in_progress":
            _run_until(call, batch, run, settings, min(now, run.expires))
            due = run.phase_start + settings.in_progress
        else:
            due = run.phase_start + (settings.validating if status == "validating" else settings.finalizing)
        if run.expires <= min(due, now):
            _expire(call, batch, run, settings)
            return
        if now < due:
            return
        if status == "validating":
            data = call.store.file_contents.get(batch["input_file_id"], b"")
            run.items, errors = _validate(batch, data, settings)
            if errors:
                batch["errors"] = {"object": "list", "data": errors}
                _enter(batch, run, "failed", due)
                return
            batch["request_counts"]["total"] = len(run.items)
            _enter(batch, run, "in_progress", due)
        elif status == "in_progress":
            _enter(batch, run, "finalizing", due)
        else:
            _write_files(call, batch, run, None)
            _enter(batch, run, "completed", due)
            return


# Routes


def _retrieve(call: Call) -> Reply:
    batch = find(call.store.batches, call.params["batch_id"], "batch", "batch_id")
    _bring_up_to_date(call, batch, _settings(call.store).clock())
    return json_reply(batch)


def _list(call: Call) -> Reply:
    now = _settings(call.store).clock()
    for batch in call.store.batches.values():
        _bring_up_to_date(call, batch, now)
    return json_reply(call.page(list(call.store.batches.values())[::-1], 20))


def _cancel(call: Call) -> Reply:
    batch = find(call.store.batches, call.params["batch_id"], "batch", "batch_id")
    now = _settings(call.store).clock()
    _bring_up_to_date(call, batch, now)
    if batch["status"] in _ACTIVE:
        run = _runs(call.store)[batch["id"]]
        _enter(batch, run, "cancelling", now)
    elif batch["status"] != "cancelling":
        raise ApiError(400, f"Batch {batch['id']} cannot be cancelled while {batch['status']}.", param="batch_id")
    return json_reply(batch)


ROUTES: List[Route] = [
    ("POST", "/batches", _create),
    ("GET", "/batches", _list),
    ("GET", "/batches/{batch_id}", _retrieve),
    ("POST", "/batches/{batch_id}/cancel", _cancel),
]

"""``/batches``: batches that run their input file through this server's own endpoints.

Each retrieve moves a batch one step (validating -> in_progress -> finalizing -> completed);
on completion every input line is answered in-process and the answers become the output file.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Tuple

from ._files import add_file
from ._reply import ApiError, Reply, json_reply
from ._routes import Call, Route, find

__all__ = ["ROUTES"]

JSONObject = Dict[str, Any]

ENDPOINTS = frozenset({"/v1/responses", "/v1/chat/completions", "/v1/embeddings", "/v1/completions", "/v1/moderations"})
_NEXT_STATUS = {
    "validating": "in_progress",
    "in_progress": "finalizing",
    "finalizing": "completed",
    "cancelling": "cancelled",
}
_ACTIVE = frozenset({"validating", "in_progress", "finalizing"})


def _create(call: Call) -> Reply:
    body = call.json()
    input_file_id = call.require("input_file_id")
    endpoint = call.require("endpoint")
    window = call.require("completion_window")
    if endpoint not in ENDPOINTS:
        raise ApiError(400, f"Unsupported batch endpoint {endpoint!r}.", param="endpoint")
    if window != "24h":
        raise ApiError(400, "'completion_window' must be '24h'.", param="completion_window")
    find(call.store.files, input_file_id, "file", "input_file_id")
    store = call.store
    batch_id = store.new_id("batch")
    created = store.now()
    batch: JSONObject = {
        "id": batch_id,
        "object": "batch",
        "endpoint": endpoint,
        "errors": None,
        "input_file_id": input_file_id,
        "completion_window": window,
        "status": "validating",
        "output_file_id": None,
        "error_file_id": None,
        "created_at": created,
        "in_progress_at": None,
        "expires_at": created + 86_400,
        "finalizing_at": None,
        "completed_at": None,
        "failed_at": None,
        "expired_at": None,
        "cancelling_at": None,
        "cancelled_at": None,
        "request_counts": {"total": 0, "completed": 0, "failed": 0},
        "metadata": body.get("metadata"),
    }
    store.batches[batch_id] = batch
    return json_reply(batch)


def _run_line(call: Call, batch_id: str, number: int, line: bytes) -> Tuple[JSONObject, bool]:
    """Answer one input line; returns the output record and whether it succeeded."""
    record: JSONObject = {"id": f"{batch_id}-req{number}", "custom_id": None, "response": None, "error": None}
    try:
        item = json.loads(line)
        record["custom_id"] = item["custom_id"]
        url, method, payload = item["url"], item.get("method", "POST"), item.get("body", {})
        if not isinstance(url, str) or not url.startswith("/v1/"):
            raise ValueError("url must start with /v1/")
    except (ValueError, KeyError, TypeError) as error:
        record["error"] = {"code": "invalid_request", "message": f"Line {number}: {error}"}
        return record, False
    reply = call.dispatch(method, url[len("/v1") :], json.dumps(payload).encode())
    if reply.frames is not None:
        record["error"] = {"code": "invalid_request", "message": f"Line {number}: streaming is not allowed in a batch"}
        return record, False
    record["response"] = {
        "status_code": reply.status,
        "request_id": f"{batch_id}-req{number}",
        "body": json.loads(reply.body),
    }
    return record, reply.status < 400


def _complete(call: Call, batch: JSONObject) -> None:
    lines = [line for line in call.store.file_contents.get(batch["input_file_id"], b"").splitlines() if line.strip()]
    records: List[JSONObject] = []
    succeeded = 0
    for number, line in enumerate(lines, 1):
        record, ok = _run_line(call, batch["id"], number, line)
        records.append(record)
        succeeded += ok
    output = "".join(json.dumps(record) + "\n" for record in records).encode()
    batch["output_file_id"] = add_file(call.store, output, f"{batch['id']}_output.jsonl", "batch_output")["id"]
    batch["request_counts"] = {"total": len(lines), "completed": succeeded, "failed": len(lines) - succeeded}


def _retrieve(call: Call) -> Reply:
    batch = find(call.store.batches, call.params["batch_id"], "batch", "batch_id")
    following = _NEXT_STATUS.get(batch["status"])
    if following is not None:
        if following == "completed":
            _complete(call, batch)
        batch["status"] = following
        batch[f"{following}_at"] = call.store.now()
    return json_reply(batch)


def _list(call: Call) -> Reply:
    return json_reply(call.page(list(call.store.batches.values())[::-1], 20))


def _cancel(call: Call) -> Reply:
    batch = find(call.store.batches, call.params["batch_id"], "batch", "batch_id")
    if batch["status"] in _ACTIVE:
        batch["status"] = "cancelling"
        batch["cancelling_at"] = call.store.now()
    elif batch["status"] != "cancelling":
        raise ApiError(400, f"Batch {batch['id']} cannot be cancelled while {batch['status']}.", param="batch_id")
    return json_reply(batch)


ROUTES: List[Route] = [
    ("POST", "/batches", _create),
    ("GET", "/batches", _list),
    ("GET", "/batches/{batch_id}", _retrieve),
    ("POST", "/batches/{batch_id}/cancel", _cancel),
]

"""``/fine_tuning/jobs``: 45 pre-seeded jobs, and new jobs that move one step each time they are retrieved.

A new job goes validating_files -> queued -> running -> succeeded over successive GETs, so a
polling loop ends after a few requests; pausing stops that, resuming continues it.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from ._model_catalog import add_model
from ._reply import ApiError, Reply, json_reply
from ._routes import Call, Route, find
from ._store import Store

__all__ = ["ROUTES", "SEEDED_JOBS", "seed"]

SEEDED_JOBS = 45

JSONObject = Dict[str, Any]

_NEXT_STATUS = {"validating_files": "queued", "queued": "running", "running": "succeeded"}
_FINISHED = frozenset({"succeeded", "failed", "cancelled"})
_SEED_STATUSES = ("succeeded", "succeeded", "failed", "cancelled", "running")
_DEFAULT_HYPERPARAMETERS = {"batch_size": "auto", "learning_rate_multiplier": "auto", "n_epochs": "auto"}


def _event(store: Store, job_id: str, message: str, level: str = "info") -> None:
    store.job_events.setdefault(job_id, []).append(
        {
            "object": "fine_tuning.job.event",
            "id": store.new_id("ftevent"),
            "created_at": store.now(),
            "level": level,
            "message": message,
            "type": "message",
            "data": {},
        }
    )


def _new_job(store: Store, model: str, training_file: str, **fields: Any) -> JSONObject:
    job_id = store.new_id("ftjob")
    hyperparameters = fields.get("hyperparameters") or dict(_DEFAULT_HYPERPARAMETERS)
    job: JSONObject = {
        "id": job_id,
        "object": "fine_tuning.job",
        "created_at": store.now(),
        "error": None,
        "fine_tuned_model": None,
        "finished_at": None,
        "hyperparameters": hyperparameters,
        "model": model,
        "organization_id": "org-loopback",
        "result_files": [],
        "seed": fields.get("seed", 42),
        "status": "validating_files",
        "trained_tokens": None,
        "training_file": training_file,
        "validation_file": fields.get("validation_file"),
        "integrations": fields.get("integrations"),
        "estimated_finish": None,
        "method": fields.get("method") or {"type": "supervised", "supervised": {"hyperparameters": hyperparameters}},
        "metadata": fields.get("metadata"),
        "user_provided_suffix": fields.get("suffix"),
    }
    store.jobs[job_id] = job
    _event(store, job_id, f"Created fine-tuning job: {job_id}")
    return job


def _finish(store: Store, job: JSONObject, status: str) -> None:
    """Move ``job`` into a finished state, with what each state leaves behind."""
    job["status"] = status
    if status == "cancelled":
        _event(store, job["id"], "Fine-tuning job cancelled")
        return
    job["finished_at"] = store.now()
    if status == "failed":
        job["error"] = {
            "code": "invalid_training_file",
            "message": "The training file is invalid.",
            "param": "training_file",
        }
        _event(store, job["id"], "Fine-tuning job failed", "error")
        return
    suffix = job.get("user_provided_suffix") or ""
    model_id = f"ft:{job['model']}:org-loopback:{suffix}:{job['id'].rsplit('-', 1)[-1]}"
    job["fine_tuned_model"] = model_id
    job["trained_tokens"] = 12_000
    add_model(store, model_id, "org-loopback", job["finished_at"])
    checkpoints = store.job_checkpoints.setdefault(job["id"], [])
    for step in (10, 20, 30):
        checkpoints.append(
            {
                "object": "fine_tuning.job.checkpoint",
                "id": store.new_id("ftckpt"),
                "created_at": store.now(),
                "fine_tuned_model_checkpoint": f"{model_id}:ckpt-step-{step}",
                "step_number": step,
                "metrics": {"step": float(step), "train_loss": round(3.0 / step, 4), "train_mean_token_accuracy": 0.9},
                "fine_tuning_job_id": job["id"],
            }
        )
    _event(store, job["id"], "The job has successfully completed")


def seed(store: Store) -> None:
    """Pre-create :data:`SEEDED_JOBS` jobs in a fixed mix of states, so list pagination has pages to walk."""
    for index in range(SEEDED_JOBS):
        job = _new_job(store, "gpt-4o-mini-2024-07-18", f"file-seed{index:03d}", seed=index)
        status = _SEED_STATUSES[index % len(_SEED_STATUSES)]
        if status == "running":
            job["status"] = "running"
        else:
            _finish(store, job, status)


def _job(call: Call) -> JSONObject:
    return find(call.store.jobs, call.params["fine_tuning_job_id"], "fine-tuning job", "fine_tuning_job_id")


def _create(call: Call) -> Reply:
    body = call.json()
    model = call.require("model")
    training_file = call.require("training_file")
    for name, kind in (
        ("validation_file", str),
        ("suffix", str),
        ("seed", int),
        ("hyperparameters", dict),
        ("method", dict),
    ):
        if body.get(name) is not None:
            call.require(name, kind)
    fields = {
        name: body.get(name)
        for name in ("validation_file", "suffix", "hyperparameters", "method", "metadata", "integrations")
    }
    if body.get("seed") is not None:
        fields["seed"] = body["seed"]
    return json_reply(_new_job(call.store, model, training_file, **fields))


def _list(call: Call) -> Reply:
    items = list(call.store.jobs.values())
    for key, value in call.query.items():
        if key.startswith("metadata[") and key.endswith("]"):
            name = key[len("metadata[") : -1]
            items = [item for item in items if (item.get("metadata") or {}).get(name) == value]
    return json_reply(call.page(items[::-1], 20))


def _retrieve(call: Call) -> Reply:
    job = _job(call)
    following: Optional[str] = _NEXT_STATUS.get(job["status"])
    if following == "succeeded":
        _finish(call.store, job, following)
    elif following is not None:
        job["status"] = following
        _event(call.store, job["id"], f"Job status is now {following}")
    return json_reply(job)


def _cancel(call: Call) -> Reply:
    job = _job(call)
    if job["status"] in _FINISHED:
        raise ApiError(400, f"Job {job['id']} has already finished ({job['status']}).", param="fine_tuning_job_id")
    _finish(call.store, job, "cancelled")
    return json_reply(job)


def _pause(call: Call) -> Reply:
    job = _job(call)
    if job["status"] in _FINISHED or job["status"] == "paused":
        raise ApiError(400, f"Job {job['id']} cannot be paused while {job['status']}.", param="fine_tuning_job_id")
    job["status"] = "paused"
    _event(call.store, job["id"], "Fine-tuning job paused")
    return json_reply(job)


def _resume(call: Call) -> Reply:
    job = _job(call)
    if job["status"] != "paused":
        raise ApiError(400, f"Job {job['id']} is not paused.", param="fine_tuning_job_id")
    job["status"] = "running"
    _event(call.store, job["id"], "Fine-tuning job resumed")
    return json_reply(job)


def _events(call: Call) -> Reply:
    job = _job(call)
    return json_reply(call.page(call.store.job_events.get(job["id"], [])[::-1], 20))


def _checkpoints(call: Call) -> Reply:
    job = _job(call)
    return json_reply(call.page(call.store.job_checkpoints.get(job["id"], [])[::-1], 10))


ROUTES: List[Route] = [
    ("POST", "/fine_tuning/jobs", _create),
    ("GET", "/fine_tuning/jobs", _list),
    ("GET", "/fine_tuning/jobs/{fine_tuning_job_id}", _retrieve),
    ("POST", "/fine_tuning/jobs/{fine_tuning_job_id}/cancel", _cancel),
    ("POST", "/fine_tuning/jobs/{fine_tuning_job_id}/pause", _pause),
    ("POST", "/fine_tuning/jobs/{fine_tuning_job_id}/resume", _resume),
    ("GET", "/fine_tuning/jobs/{fine_tuning_job_id}/events", _events),
    ("GET", "/fine_tuning/jobs/{fine_tuning_job_id}/checkpoints", _checkpoints),
]

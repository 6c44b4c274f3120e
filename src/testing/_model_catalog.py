"""``/models``: a fixed catalogue of model ids, plus the fine-tuned models jobs produce."""

from __future__ import annotations

from typing import List

from ._reply import Reply, json_reply
from ._routes import Call, Route, find
from ._store import BASE_TIME, Store

__all__ = ["ROUTES", "add_model", "seed"]

_BASE_MODELS = (
    ("gpt-4o", "system"),
    ("gpt-4o-mini", "system"),
    ("gpt-4.1", "system"),
    ("gpt-4.1-mini", "system"),
    ("gpt-3.5-turbo-instruct", "system"),
    ("text-embedding-3-small", "system"),
    ("text-embedding-3-large", "system"),
    ("omni-moderation-latest", "system"),
)


def add_model(store: Store, model_id: str, owned_by: str, created: int) -> None:
    """Make ``model_id`` listable and retrievable."""
    store.models[model_id] = {"id": model_id, "object": "model", "created": created, "owned_by": owned_by}


def seed(store: Store) -> None:
    """Put the base catalogue into a fresh store."""
    for offset, (model_id, owner) in enumerate(_BASE_MODELS):
        add_model(store, model_id, owner, BASE_TIME - 86_400 * (len(_BASE_MODELS) - offset))


def _list(call: Call) -> Reply:
    return json_reply({"object": "list", "data": list(call.store.models.values())})


def _retrieve(call: Call) -> Reply:
    return json_reply(find(call.store.models, call.params["model"], "model", "model"))


def _delete(call: Call) -> Reply:
    model_id = call.params["model"]
    find(call.store.models, model_id, "model", "model")
    del call.store.models[model_id]
    return json_reply({"id": model_id, "object": "model", "deleted": True})


ROUTES: List[Route] = [
    ("GET", "/models", _list),
    ("GET", "/models/{model}", _retrieve),
    ("DELETE", "/models/{model}", _delete),
]

"""``/embeddings``: deterministic vectors, as float lists or base64 float32."""

from __future__ import annotations

from typing import Any, List

from ._reply import ApiError, Reply, dumps, missing_parameter
from ._routes import Call, Route
from ._text import count_tokens
from ._vectors import vector_json

__all__ = ["ROUTES"]

DEFAULT_DIMENSIONS = 1536
MAX_DIMENSIONS = 8192


def _inputs(value: Any) -> List[str]:
    """The request's inputs as texts; token lists become their numbers, space-joined."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value:
        if all(isinstance(item, str) for item in value):
            return list(value)
        if all(isinstance(item, int) and not isinstance(item, bool) for item in value):
            return [" ".join(map(str, value))]
        if all(isinstance(item, list) and item and all(isinstance(t, int) for t in item) for item in value):
            return [" ".join(map(str, item)) for item in value]
    raise ApiError(400, "'input' must be a string, a list of strings or a list of token lists.", param="input")


def _create(call: Call) -> Reply:
    body = call.json()
    model = call.require("model")
    if body.get("input") is None:
        raise missing_parameter("input")
    texts = _inputs(body["input"])
    dimensions = call.optional_int("dimensions", DEFAULT_DIMENSIONS, low=1, high=MAX_DIMENSIONS)
    encoding = body.get("encoding_format") or "float"
    if encoding not in ("float", "base64"):
        raise ApiError(400, "'encoding_format' must be 'float' or 'base64'.", param="encoding_format")
    items = [
        f'{{"object":"embedding","index":{index},"embedding":{vector_json(text, dimensions, encoding)}}}'
        for index, text in enumerate(texts)
    ]
    tokens = sum(count_tokens(text) for text in texts)
    tail = dumps({"model": model, "usage": {"prompt_tokens": tokens, "total_tokens": tokens}})
    # The vectors are spliced in as cached JSON text; the rest goes through the encoder as usual.
    return Reply(200, b'{"object":"list","data":[' + ",".join(items).encode() + b"]," + tail[1:])


ROUTES: List[Route] = [("POST", "/embeddings", _create)]

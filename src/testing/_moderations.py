"""``/moderations``: a category is flagged when every word of its name occurs in the input.

So "violence" flags ``violence``, and "self-harm intent" flags ``self-harm`` and ``self-harm/intent``:
tests can provoke any verdict by choosing their words.
"""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

from ._reply import ApiError, Reply, json_reply, missing_parameter
from ._routes import Call, Route

__all__ = ["ROUTES"]

CATEGORIES = (
    "harassment",
    "harassment/threatening",
    "hate",
    "hate/threatening",
    "illicit",
    "illicit/violent",
    "self-harm",
    "self-harm/instructions",
    "self-harm/intent",
    "sexual",
    "sexual/minors",
    "violence",
    "violence/graphic",
)
DEFAULT_MODEL = "omni-moderation-latest"


def _inputs(value: Any) -> List[Tuple[str, bool]]:
    """Each input as (text, has_image); a list of content parts is one multimodal input."""
    if isinstance(value, str):
        return [(value, False)]
    if isinstance(value, list) and value:
        if all(isinstance(item, str) for item in value):
            return [(item, False) for item in value]
        if all(isinstance(item, dict) for item in value):
            text = " ".join(str(part.get("text", "")) for part in value if part.get("type") == "text")
            return [(text, any(part.get("type") == "image_url" for part in value))]
    raise ApiError(400, "'input' must be a string, a list of strings or a list of content parts.", param="input")


def _result(text: str, has_image: bool) -> Dict[str, Any]:
    lowered = text.lower()
    flags = {name: all(word in lowered for word in name.split("/")) for name in CATEGORIES}
    kinds = ["text", "image"] if has_image else ["text"]
    return {
        "flagged": any(flags.values()),
        "categories": flags,
        "category_scores": {name: 0.99 if hit else 0.0001 for name, hit in flags.items()},
        "category_applied_input_types": {name: kinds for name in CATEGORIES},
    }


def _create(call: Call) -> Reply:
    body = call.json()
    if body.get("input") is None:
        raise missing_parameter("input")
    inputs = _inputs(body["input"])
    model = body.get("model") or DEFAULT_MODEL
    return json_reply(
        {"id": call.store.new_id("modr"), "model": model, "results": [_result(text, image) for text, image in inputs]}
    )


ROUTES: List[Route] = [("POST", "/moderations", _create)]

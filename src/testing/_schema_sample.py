"""A value that fits a JSON schema, for tool-call arguments and structured outputs.

The value is derived from the schema alone plus one string (the user's text), so it is
deterministic; it is good enough for a client to parse, not a realistic answer.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping

__all__ = ["sample"]

_MAX_DEPTH = 12


def sample(schema: Any, text: str) -> Any:
    """A value valid against ``schema``; strings are ``text``, numbers their minimum or zero."""
    root = schema if isinstance(schema, dict) else {}
    return _sample(root, text, root, 0)


def _resolve(reference: str, root: Mapping[str, Any]) -> Any:
    node: Any = root
    for part in reference.lstrip("#/").split("/") if reference.startswith("#/") else []:
        if not isinstance(node, dict):
            return {}
        node = node.get(part.replace("~1", "/").replace("~0", "~"), {})
    return node


def _sample(schema: Any, text: str, root: Mapping[str, Any], depth: int) -> Any:
    if not isinstance(schema, dict) or depth > _MAX_DEPTH:
        return None
    if isinstance(schema.get("$ref"), str):
        return _sample(_resolve(schema["$ref"], root), text, root, depth + 1)
    if "const" in schema:
        return schema["const"]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    for key in ("anyOf", "oneOf", "allOf"):
        options = schema.get(key)
        if isinstance(options, list) and options:
            # Prefer a non-null branch: a value is more useful to a parser than null.
            chosen = next((o for o in options if isinstance(o, dict) and o.get("type") != "null"), options[0])
            return _sample(chosen, text, root, depth + 1)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object" or (kind is None and "properties" in schema):
        properties: Dict[str, Any] = schema.get("properties") or {}
        return {name: _sample(sub, text, root, depth + 1) for name, sub in properties.items()}
    if kind == "array":
        count = max(1, int(schema.get("minItems", 1)))
        return [_sample(schema.get("items", {}), text, root, depth + 1) for _ in range(count)]
    if kind in ("integer", "number"):
        low = schema.get("minimum", schema.get("exclusiveMinimum", 0))
        if not isinstance(low, (int, float)) or isinstance(low, bool):
            low = 0
        elif "minimum" not in schema and "exclusiveMinimum" in schema:
            low += 1
        return int(low) if kind == "integer" else float(low)
    if kind == "boolean":
        return False
    if kind == "null":
        return None
    return text

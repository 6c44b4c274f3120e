"""Valid argument values from the OpenAPI spec's JSON schemas, for the conformance suite.

The mock server validates every request against the spec, so the values only need to be valid,
not realistic: the first enum value, the first variant of a union, one item per array, the
smallest number the bounds allow. Everything is deterministic, so a failure reproduces.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional

__all__ = ["FILE_BYTES", "SchemaValues"]

# Small enough to keep the suite fast, and recognisable in the mock server's log.
FILE_BYTES = b"conformance test file\n"

# The spec uses a handful of patterns; a general regex-to-string generator is not worth it.
_PATTERN_VALUES = {
    "^tunnel_[a-z0-9]{32}$": "tunnel_" + "0" * 32,
    "^[a-zA-Z0-9_-]+$": "conformance_name",
    "^[A-Za-z0-9_.-]+$": "conformance.name",
}

_FORMAT_VALUES = {
    "uri": "https://example.com/conformance",
    "date": "2024-01-01",
    "date-time": "2024-01-01T00:00:00Z",
    "email": "conformance@example.com",
    "uuid": "00000000-0000-4000-8000-000000000000",
    "byte": "Y29uZm9ybWFuY2U=",
}

# Below this nesting depth an "all parameters" call fills every optional property too; deeper
# down only required ones, which keeps recursive schemas (items containing items) finite.
_FULL_DEPTH = 4
_MAX_DEPTH = 24


class SchemaValues:
    """Builds one valid value per schema from the spec's ``components/schemas``."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self._schemas: Mapping[str, Any] = spec.get("components", {}).get("schemas", {})

    def resolve(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        """Follow ``$ref`` chains to the schema they name."""
        seen = 0
        while "$ref" in schema and seen < 64:
            name = str(schema["$ref"]).rsplit("/", 1)[-1]
            schema = self._schemas[name]
            seen += 1
        return schema

    def flatten(self, schema: Mapping[str, Any]) -> Dict[str, Any]:
        """The schema with ``$ref`` resolved and ``allOf`` parts merged into one."""
        schema = self.resolve(schema)
        merged = {key: value for key, value in schema.items() if key != "allOf"}
        for part in schema.get("allOf", []):
            merged = _merge(merged, self.flatten(part))
        return merged

    def properties(self, schema: Mapping[str, Any]) -> tuple[Dict[str, Any], List[str]]:
        """An object schema's properties and required names, with ``allOf`` parts merged."""
        flat = self.flatten(schema)
        return dict(flat.get("properties", {})), list(flat.get("required", []))

    def value(self, schema: Mapping[str, Any], *, full: bool, multipart: bool = False, depth: int = 0) -> Any:
        """A value ``schema`` accepts; ``full`` also fills optional properties of objects."""
        if depth > _MAX_DEPTH:
            raise ValueError("schema nests too deeply for a finite value with only required properties")
        schema = self.flatten(schema)
        for key in ("oneOf", "anyOf"):
            if key in schema:
                # A variant either replaces the schema (a union of types) or only adds
                # constraints to it (`anyOf: [{required: [a]}, {required: [b]}]`); merging
                # the first variant into what surrounds it covers both.
                base = {k: v for k, v in schema.items() if k not in ("oneOf", "anyOf")}
                variant = self.flatten(self._first_variant(schema[key]))
                schema = _merge(base, variant)
                break
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            return next((v for v in schema["enum"] if v is not None), None)
        if "oneOf" in schema or "anyOf" in schema:
            # The chosen variant was itself a union.
            return self.value(schema, full=full, multipart=multipart, depth=depth + 1)
        kind = schema.get("type")
        if kind is None and ("properties" in schema or "required" in schema):
            kind = "object"
        if kind == "object":
            return self._object(schema, full=full, multipart=multipart, depth=depth)
        if kind == "array":
            return self._array(schema, full=full, multipart=multipart, depth=depth)
        if kind == "string":
            return self._string(schema, multipart=multipart)
        if kind == "integer":
            return int(self._number(schema, integer=True))
        if kind == "number":
            return self._number(schema, integer=False)
        if kind == "boolean":
            return True
        if kind == "null":
            return None
        # No type at all: any JSON value is valid; a string is the simplest one to send.
        return "conformance"

    def _first_variant(self, variants: List[Mapping[str, Any]]) -> Mapping[str, Any]:
        for variant in variants:
            if self.resolve(variant).get("type") != "null":
                return variant
        return variants[0]

    def _object(self, schema: Mapping[str, Any], *, full: bool, multipart: bool, depth: int) -> Dict[str, Any]:
        props, required = self.properties(schema)
        fill = full and depth < _FULL_DEPTH
        out: Dict[str, Any] = {}
        for name, prop in props.items():
            if name in required or fill:
                out[name] = self.value(prop, full=full, multipart=multipart, depth=depth + 1)
        extra = schema.get("additionalProperties")
        if not props and isinstance(extra, dict) and (fill or schema.get("minProperties", 0) > 0):
            out["conformance_key"] = self.value(extra, full=full, multipart=multipart, depth=depth + 1)
        return out

    def _array(self, schema: Mapping[str, Any], *, full: bool, multipart: bool, depth: int) -> List[Any]:
        if schema.get("maxItems") == 0:
            return []
        count = max(1, int(schema.get("minItems", 1)))
        item_schema = schema.get("items", {})
        return [self.value(item_schema, full=full, multipart=multipart, depth=depth + 1) for _ in range(count)]

    def _string(self, schema: Mapping[str, Any], *, multipart: bool) -> Any:
        fmt = schema.get("format")
        if fmt == "binary":
            # The tuple form of FileTypes: the client must send it as a file part.
            return ("conformance.bin", FILE_BYTES, "application/octet-stream")
        pattern = schema.get("pattern")
        if pattern is not None:
            if pattern not in _PATTERN_VALUES:
                raise ValueError(f"no value known for the pattern {pattern!r}; add one to _PATTERN_VALUES")
            return _PATTERN_VALUES[pattern]
        text = _FORMAT_VALUES.get(str(fmt), "conformance")
        min_length = int(schema.get("minLength", 0))
        if len(text) < min_length:
            text = text + "x" * (min_length - len(text))
        max_length: Optional[int] = schema.get("maxLength")
        if max_length is not None and len(text) > max_length:
            text = text[:max_length]
        return text

    @staticmethod
    def _number(schema: Mapping[str, Any], *, integer: bool) -> float:
        # A plausible Unix time where the spec asks for one; 1 fits every other bound it writes.
        preferred = 1_700_000_000.0 if schema.get("format") == "unixtime" else 1.0
        # A few bounds in the spec are written as strings ("-9.223372036854776e18").
        low = _bound(schema.get("minimum"))
        high = _bound(schema.get("maximum"))
        exclusive_low = schema.get("exclusiveMinimum")
        # OpenAPI 3.0 writes exclusiveMinimum as a flag on minimum, 3.1 as a number of its own.
        if exclusive_low is True and low is not None:
            low = low + (1 if integer else 1e-3)
        elif exclusive_low is not None and not isinstance(exclusive_low, bool):
            low = float(exclusive_low) + (1 if integer else 1e-3)
        value = preferred
        if low is not None and value < low:
            value = float(low)
        if high is not None and value > high:
            value = float(high)
        return value


def _merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> Dict[str, Any]:
    """``extra`` on top of ``base``: properties and required names add up, other keys are replaced."""
    merged = dict(base)
    for key, value in extra.items():
        if key == "properties":
            merged["properties"] = {**merged.get("properties", {}), **value}
        elif key == "required":
            merged["required"] = list(dict.fromkeys([*merged.get("required", []), *value]))
        else:
            merged[key] = value
    return merged


def _bound(value: Any) -> Optional[float]:
    return None if value is None else float(value)

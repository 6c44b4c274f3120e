"""Reading the spec: pointers, operations, and schemas normalised into a few :class:`Shape` kinds.

The spec spells one idea many ways (``allOf`` of one member, ``anyOf`` with ``null``, ``nullable``, a type
list, ``const``); :meth:`SchemaReader.normalize` reduces each schema to a ref, an object, a union, an array, a
map, a primitive or an enum, which is all the build stage looks at.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from codegen.types.model import GenError
from codegen.types.spelling import escape, page_item, unescape

__all__ = ["BODY_CONTENT_TYPES", "SchemaReader", "Shape", "is_constraint", "is_modifier", "is_null"]

CONSTRAINT_KEYS = frozenset({"required", "not", "description", "title", "minProperties", "maxProperties"})

PRIMS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}

SHAPE_KEYS = frozenset(
    {
        "$ref",
        "$recursiveRef",
        "type",
        "properties",
        "anyOf",
        "oneOf",
        "allOf",
        "enum",
        "const",
        "items",
        "additionalProperties",
    }
)

BODY_CONTENT_TYPES = ("application/json", "multipart/form-data", "application/x-www-form-urlencoded")


@dataclass
class Shape:
    """A schema reduced to what the build stage needs."""

    kind: str  # ref | object | union | array | map | prim | enum
    nullable: bool = False
    ref: str = ""
    props: list[tuple[str, dict[str, Any], str]] = field(default_factory=list)
    required: set[str] = field(default_factory=set)
    members: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    discriminator: str | None = None
    item: tuple[dict[str, Any], str] | None = None
    prim: str = "object"
    values: list[Any] = field(default_factory=list)
    base: str = ""  # allOf whose first member is a $ref: that schema, which a class may extend


def is_modifier(schema: Mapping[str, Any]) -> bool:
    """A schema with no shape of its own (``{nullable: true}``, a description)."""
    return not SHAPE_KEYS & set(schema)


def is_constraint(schema: Mapping[str, Any]) -> bool:
    """An anyOf member that only constrains the object around it (``{"required": ["file_id"]}``): no type."""
    return bool(schema) and set(schema) <= CONSTRAINT_KEYS and bool({"required", "not"} & set(schema))


def is_null(schema: Mapping[str, Any]) -> bool:
    return schema.get("type") == "null" or (schema.get("enum") == [None])


class SchemaReader:
    """The spec's schemas (plus made-up ones, by pointer) and its operations, read through pointers."""

    def __init__(self, spec: dict[str, Any], extra_schemas: Mapping[str, dict[str, Any]]) -> None:
        self.spec = spec
        self.schemas: dict[str, Any] = {**spec["components"]["schemas"], **extra_schemas}
        self._has_class: dict[str, bool] = {}

    # -- pointers and operations ---------------------------------------------------------------------------------

    def schema_at(self, pointer: str) -> dict[str, Any]:
        """The schema at ``pointer``: a schema name and a path inside it, or a JSON pointer (``#/paths/...``)."""
        if pointer.startswith("#/"):
            node: Any = self.spec
            parts = ["", *(unescape(p) for p in pointer[2:].split("/"))]
        else:
            parts = pointer.split("/")
            node = self.schemas.get(parts[0])
        for part in parts[1:]:
            if isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            elif isinstance(node, dict) and part in node:
                node = node[part]
            else:
                node = None
            if node is None:
                break
        if not isinstance(node, dict):
            raise GenError([f"no schema at pointer {pointer!r}"])
        return node

    def deref(self, pointer: str) -> str:
        """Follow a pointer whose schema is only a $ref to the schema it names."""
        for _ in range(32):
            schema = self.schema_at(pointer)
            if set(schema) - {"description", "title"} != {"$ref"}:
                break
            pointer = schema["$ref"].rsplit("/", 1)[1]
        return pointer

    def operation(self, call: Mapping[str, str]) -> dict[str, Any]:
        operation: dict[str, Any] = self.spec["paths"][call["path"]][call["http_method"].lower()]
        return operation

    def response_pointer(self, call: Mapping[str, str]) -> str:
        """Pointer to the JSON schema a call returns; for a page, to the schema of one item."""
        operation = self.operation(call)
        where = f"#/paths/{escape(call['path'])}/{call['http_method'].lower()}/responses"
        for status, response in sorted(operation.get("responses", {}).items()):
            schema = response.get("content", {}).get("application/json", {}).get("schema")
            if status.startswith("2") and schema is not None:
                pointer = f"{where}/{status}/content/application~1json/schema"
                break
        else:
            raise GenError([f"{call['call']} returns {call['returns']} but its operation has no JSON response"])
        pointer = self.deref(pointer)
        if page_item(call["returns"]) is None:
            return pointer
        data = [p for n, _, p in self.object_shape(self.schema_at(pointer), pointer).props if n == "data"]
        if not data:
            raise GenError([f"{call['call']} returns a page but {pointer!r} has no `data`"])
        return self.deref(data[0] + "/items")

    def body_content_type(self, operation: Mapping[str, Any]) -> str | None:
        """How the request body is sent: multipart when the spec offers it and a field is a file, else the first
        structured content type the operation accepts (JSON before multipart)."""
        content = (operation.get("requestBody") or {}).get("content", {})
        offered = [t for t in BODY_CONTENT_TYPES if t in content]
        if not offered:
            return None
        multipart = "multipart/form-data"
        if multipart in offered and (len(offered) == 1 or self.has_file(content[multipart]["schema"])):
            return multipart
        return offered[0]

    def has_file(self, schema: Any, depth: int = 0) -> bool:
        if depth > 8:
            return False
        if isinstance(schema, list):
            return any(self.has_file(s, depth) for s in schema)
        if not isinstance(schema, dict):
            return False
        if schema.get("format") == "binary":
            return True
        if "$ref" in schema:
            return self.has_file(self.schemas[schema["$ref"].rsplit("/", 1)[1]], depth + 1)
        return any(self.has_file(v, depth + 1) for k, v in schema.items() if isinstance(v, (dict, list)))

    def query_params(self, call: Mapping[str, str]) -> list[dict[str, Any]]:
        """The operation's query parameters: key in the params TypedDict, wire name, schema, required, style."""
        out = []
        where = f"{call['http_method']} {call['path']}"
        for param in self.operation(call).get("parameters", []):
            if "$ref" in param:
                param = self.spec["components"]["parameters"][param["$ref"].rsplit("/", 1)[1]]
            if param.get("in") != "query":
                continue
            wire = param["name"]
            entry = {
                # `include[]` is the wire spelling of an array; the Python keyword is `include`.
                "key": wire[:-2] if wire.endswith("[]") else wire,
                "wire": wire,
                "schema": param.get("schema", {}),
                "pointer": f"{where} query {wire}",
                "required": param.get("required") is True,
            }
            for fact in ("style", "explode"):
                if fact in param:
                    entry[fact] = param[fact]
            out.append(entry)
        return out

    # -- schema shapes -------------------------------------------------------------------------------------------

    def normalize(self, schema: Mapping[str, Any], pointer: str) -> Shape:
        nullable = schema.get("nullable") is True
        if "$ref" in schema:
            target = schema["$ref"].rsplit("/", 1)[1]
            if target not in self.schemas:
                raise GenError([f"{pointer}: $ref to unknown schema {target}"])
            return Shape("ref", nullable, ref=target)
        if "allOf" in schema:
            return self._merge_all_of(schema, pointer, nullable)
        if "$recursiveRef" in schema:
            # `{"$recursiveRef": "#"}`: the schema this one sits in (a compound filter's nested filters).
            return Shape("ref", nullable, ref=pointer.split("/")[0])
        for key in ("anyOf", "oneOf"):
            if key in schema and not all(is_constraint(m) for m in schema[key]):
                members = []
                for i, member in enumerate(schema[key]):
                    if is_null(member):
                        nullable = True
                    elif not is_constraint(member):
                        members.append((member, f"{pointer}/{key}/{i}"))
                if len(members) == 1:
                    shape = self.normalize(*members[0])
                    shape.nullable = shape.nullable or nullable
                    return shape
                discriminator = (schema.get("discriminator") or {}).get("propertyName")
                return Shape("union", nullable, members=members, discriminator=discriminator)
        if "const" in schema:
            return Shape("enum", nullable, values=[schema["const"]])
        if "enum" in schema:
            values = [v for v in schema["enum"] if v is not None]
            return Shape("enum", nullable or None in schema["enum"], values=values)
        type_ = schema.get("type")
        if isinstance(type_, list):
            nullable = nullable or "null" in type_
            kinds = [t for t in type_ if t != "null"]
            if len(kinds) != 1:
                members = [({**schema, "type": t}, f"{pointer}/type/{t}") for t in kinds]
                return Shape("union", nullable, members=members)
            type_ = kinds[0]
        if type_ == "null":
            return Shape("prim", True, prim="None")
        if type_ == "array":
            return Shape("array", nullable, item=(schema.get("items") or {}, f"{pointer}/items"))
        if type_ == "object" or "properties" in schema:
            if schema.get("properties"):
                props = [
                    (name, prop, f"{pointer}/properties/{name}")
                    for name, prop in schema["properties"].items()
                    if prop.get("x-stainless-skip") is not True
                ]
                return Shape("object", nullable, props=props, required=set(schema.get("required", [])))
            extra = schema.get("additionalProperties")
            value = (extra, f"{pointer}/additionalProperties") if isinstance(extra, dict) and extra else None
            return Shape("map", nullable, item=value)
        if type_ in PRIMS:
            prim = "file" if type_ == "string" and schema.get("format") == "binary" else PRIMS[type_]
            return Shape("prim", nullable, prim=prim)
        return Shape("prim", nullable, prim="object")

    def _merge_all_of(self, schema: Mapping[str, Any], pointer: str, nullable: bool) -> Shape:
        parts = []
        for i, part in enumerate(schema["allOf"]):
            if is_modifier(part):  # {nullable: true} or a description: no shape of its own
                nullable = nullable or part.get("nullable") is True
            else:
                parts.append((part, f"{pointer}/allOf/{i}"))
        if len(parts) == 1 and not schema.get("properties"):
            shape = self.normalize(*parts[0])
            shape.nullable = shape.nullable or nullable
            return shape
        props: dict[str, tuple[dict[str, Any], str]] = {}
        required: set[str] = set(schema.get("required", []))
        own = {"type": "object", "properties": schema.get("properties", {})} if schema.get("properties") else None
        for part, part_pointer in [*parts, *([(own, pointer)] if own else [])]:
            union = self.normalize(part, part_pointer)
            if union.kind == "union":
                # allOf [anyOf [...], {more}]: the union is the type; the extra properties stay readable as
                # unknown fields of whichever member matches.
                union.nullable = union.nullable or nullable
                return union
            shape = self.object_shape(part, part_pointer)
            for name, prop, prop_pointer in shape.props:
                props[name] = (prop, prop_pointer)
            required |= shape.required
        merged = [(name, prop, prop_pointer) for name, (prop, prop_pointer) in props.items()]
        first = schema["allOf"][0]
        base = first["$ref"].rsplit("/", 1)[1] if "$ref" in first else ""
        return Shape("object", nullable, props=merged, required=required, base=base)

    @staticmethod
    def single(schema: Mapping[str, Any], pointer: str) -> tuple[dict[str, Any], str, bool] | None:
        """The one member of a wrapper (anyOf [X, null], allOf [X]) with its pointer and whether the wrapper
        makes it nullable; None when the schema is not such a wrapper."""
        nullable = schema.get("nullable") is True
        if "$ref" in schema:
            return None
        for key in ("anyOf", "oneOf"):
            if key in schema and not all(is_constraint(m) for m in schema[key]):
                members = [(i, m) for i, m in enumerate(schema[key]) if not is_null(m) and not is_constraint(m)]
                if len(members) == 1:
                    index, member = members[0]
                    return member, f"{pointer}/{key}/{index}", nullable or len(members) < len(schema[key])
                return None
        if "allOf" in schema and not schema.get("properties"):
            parts = [(i, p) for i, p in enumerate(schema["allOf"]) if not is_modifier(p)]
            if len(parts) == 1:
                nullable = nullable or any(p.get("nullable") is True for p in schema["allOf"])
                return parts[0][1], f"{pointer}/allOf/{parts[0][0]}", nullable
        return None

    def object_shape(self, schema: Mapping[str, Any], pointer: str, depth: int = 0) -> Shape:
        """The properties of ``schema`` seen as an object, following references (for allOf and params)."""
        shape = self.normalize(schema, pointer)
        if shape.kind == "ref" and depth < 32:
            return self.object_shape(self.schemas[shape.ref], shape.ref, depth + 1)
        if shape.kind == "object":
            return shape
        if shape.kind == "map" and shape.item is None:
            return Shape("object", shape.nullable)
        raise GenError([f"{pointer}: expected an object schema (allOf member or request body), got {shape.kind}"])

    def has_class(self, schema: Mapping[str, Any], pointer: str = "", seen: frozenset[str] = frozenset()) -> bool:
        """Whether the schema needs a model/TypedDict anywhere inside (else it is one alias for both sides)."""
        shape = self.normalize(schema, pointer)
        if shape.kind == "ref":
            if shape.ref in self._has_class:
                return self._has_class[shape.ref]
            if shape.ref in seen:
                return True
            result = self.has_class(self.schemas[shape.ref], shape.ref, seen | {shape.ref})
            self._has_class[shape.ref] = result
            return result
        if shape.kind == "object":
            return True
        if shape.kind == "union":
            return any(self.has_class(s, p, seen) for s, p in shape.members)
        if shape.kind in ("array", "map") and shape.item is not None:
            return self.has_class(shape.item[0], shape.item[1], seen)
        return False

    def nullable(self, schema: Mapping[str, Any], pointer: str, depth: int = 0) -> bool:
        shape = self.normalize(schema, pointer)
        if shape.kind == "ref" and depth < 32:
            return shape.nullable or self.nullable(self.schemas[shape.ref], shape.ref, depth + 1)
        return shape.nullable

    def tag_values(self, schema: Mapping[str, Any], pointer: str, prop: str) -> list[Any] | None:
        """The literal values of a required ``prop`` of an object schema, if it has such a tag."""
        try:
            shape = self.object_shape(schema, pointer)
        except GenError:
            return None
        for name, prop_schema, prop_pointer in shape.props:
            if name == prop and name in shape.required:
                tag = self.normalize(prop_schema, prop_pointer)
                if tag.kind == "enum" and not tag.nullable and all(isinstance(v, str) for v in tag.values):
                    return tag.values
        return None

    def tags_discriminate(self, members: Sequence[tuple[Mapping[str, Any], str]], prop: str) -> bool:
        """Whether every object reachable through the members (nested unions included) has ``prop`` as a
        required string Literal, each value on one object only: what pydantic needs for a tagged union."""
        tags: list[Any] = []
        for schema, pointer in members:
            leaves = self.leaf_tags(schema, pointer, prop, 0)
            if leaves is None:
                return False
            tags.extend(leaves)
        return len(members) > 1 and len(tags) == len(set(tags))

    def leaf_tags(self, schema: Mapping[str, Any], pointer: str, prop: str, depth: int) -> list[Any] | None:
        if depth > 16:
            return None
        shape = self.normalize(schema, pointer)
        if shape.kind == "ref":
            return self.leaf_tags(self.schemas[shape.ref], shape.ref, prop, depth + 1)
        if shape.kind == "union":
            tags: list[Any] = []
            for member, member_pointer in shape.members:
                leaves = self.leaf_tags(member, member_pointer, prop, depth + 1)
                if leaves is None:
                    return None
                tags.extend(leaves)
            return tags
        if shape.kind == "object":
            return self.tag_values(schema, pointer, prop)
        return None

"""Generate ``src/types/`` from the OpenAPI spec: pydantic response models and request ``TypedDict`` params.

Run ``python -m codegen.types_gen`` to (re)write ``src/types/`` and ``codegen/resource_types.json``, or
``python -m codegen.types_gen --check`` to compare them with what would be generated, without writing anything
(exit status 1 and every differing, missing or stray file named). ``--report`` prints what the spec and the name
lists leave over.

Inputs (read-only):

- ``openapi.json``: the schemas. Everything the generated code says about a type comes from here.
- ``sdk-type-names.tsv``: the public names users import, by module (``openai.types.chat`` -> ``ChatCompletion``).
- ``sdk-surface.tsv``: the resource calls, their arguments and return types.
- ``sdk-modules.tsv``: the official SDK's modules and the names each offers. Every ``openai.types`` row is
  generated: a name made up from a property path takes the official spelling (``ImageURL``), an inline union the
  official module names gets that name, the module's own names it lacks are found by name (a twin ``...Param``, a
  type another module defines, a public name of the closest package) and aliased, and official packages with
  nothing of theirs are written empty.
- ``codegen/spec_additions.json``: properties the official types have and the spec lacks, added before generating.
- ``codegen/types_templates.py``: the few modules no schema describes (websocket options), written as they are.
- ``codegen/type_names.json``:

  - ``scope``: call prefixes (``"fine_tuning.jobs"``) whose schemas are generated; ``"*"``: the whole spec.
  - ``params_in_resource_package``: resources whose own methods keep their params inside the resource's package
    (``responses``: ``openai.types.responses.ResponseCreateParams``).
  - ``singular``: irregular plurals for resource and property names (``{"statuses": "status"}``).
  - ``names``: ``"module:Name"`` -> schema pointer, for public names that are not spelled like their spec
    schema. A pointer is a schema name, optionally followed by a path inside it
    (``"CreateCompletionResponse/properties/choices/items"``), or a JSON pointer into the spec
    (``"#/paths/~1threads/post/..."``).
  - ``aliases``: ``"module:Name"`` -> ``"module:Name"``: a second public name for the same type.
  - ``not_in_spec``: public names with no schema, each an alias of a builtin type (``FileContent`` is ``str``).
  - ``unions``: public unions the spec has no schema for, as a list of member schemas and their tag.
  - ``extra_names``: public names beyond sdk-type-names.tsv, for schemas users meet (the speech event stream).
  - ``extra_calls``: calls for the spec operations sdk-surface.tsv lacks, written like its rows.
  - ``stream_events``: what a streaming call sends where the spec does not say (the Assistants runs).
  - ``kept_aliases``: ``"module:Name"`` -> ``"module:Name"``: official module names kept for another type
    (``chat_completion_message_tool_call.ChatCompletionMessageToolCall`` is the function tool call).
  - ``surface_unions``: ``"module:Name"`` -> public names: official unions of public types with no schema.

How a public name finds its schema, strongest first: ``names``; the schema a call returns, for the return type
the surface table names (a page's item for list calls; looked up in the call's resource package and its
parents, created in the package of the resource's parent when no package lists it); a schema spelled the
same; a schema spelled the same up to case and punctuation (``AdminAPIKey``, ``AdminApiKey``).

How a schema becomes code:

- Each public name gets its own module, ``src/types/<module path>/<snake_case name>.py``. A name ending in
  ``Param`` is request-side (a ``TypedDict``); any other is response-side (a pydantic model). When a schema with
  only a response-side name is used in a request, its request twin is ``<Name>Param`` in ``<name>_param.py``
  beside it, and the other way round. A schema with no object inside (an enum, a map, a string union) is one
  type alias used by both sides. Several names for one schema: other schemas refer to the one spelled like the
  schema (else the one in the shallowest package); the others are classes of their own with the same fields.
- A schema without a public name is generated inside the module that uses it, named after the property path
  that reaches it (``ChatCompletion.choices[].logprobs`` -> ``ChoiceLogprobs``); a module defines it once.
  A component schema that nothing reaches gets a name in ``openai.types._spec``, so every schema has a type.
- A union of models is tagged (``Annotated[Union[...], pydantic.Field(discriminator=...)]``) by the spec's
  discriminator, or else by ``type``/``event``/``object`` when every member has its own value of it; nested
  unions are spelled out. Enums are ``Literal``; a value a newer server sends fails validation, and the model
  builder of ``src/_models.py`` then builds the model leniently, keeping the value.
- Request params of a call ``client.<a>.<b>.<method>`` are ``<Singular b><Method>Params`` in
  ``<a>/<singular b>_<method>_params.py``, built from the operation's query parameters (``include[]`` is the key
  ``include``) and request body, never its path parameters; an operation whose body has ``stream`` also gets
  ``...ParamsNonStreaming`` and ``...ParamsStreaming``.
- ``codegen/resource_types.json`` says for every call its params class, query keys, body encoding (JSON or
  multipart), return type, page class and cursor, whether it streams and what, and whether it returns bytes.
- Package ``__init__.py`` files re-export public names lazily (module ``__getattr__``), so importing a
  package loads no type module until a name is used.

Output is formatted by ``ruff`` with the repository's configuration and is deterministic.
"""

from __future__ import annotations

import argparse
import json
import keyword
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

from codegen._ruff import find_ruff
from codegen.types_templates import CLASS_MEMBERS, LITERAL_VARIANTS, MODULE_IMPORTS, TEMPLATE_MODULES

__all__ = ["GenError", "Generated", "check", "generate", "main", "render_files", "write"]

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC_DIR = ROOT / "spec"
NAMES_FILE = Path(__file__).resolve().parent / "type_names.json"
# Official packages that re-export public names of openai.types (response and request side).
SHARED_PACKAGES = ("shared", "shared_params")
# Properties the official types have and the spec lacks, added to the spec before generating.
ADDITIONS_FILE = Path(__file__).resolve().parent / "spec_additions.json"
# The official SDK's modules and the names each offers; every openai.types row is generated.
MODULES_FILE = "sdk-modules.tsv"
OUTPUT = Path("src") / "types"
# What each call takes and returns, for the engineers writing resource methods; generated, checked by --check.
RESOURCE_TYPES = "codegen/resource_types.json"
HEADER = "# Generated by codegen/types_gen.py from the OpenAPI spec. Do not edit by hand; run `make codegen`."

# Attributes every response model already has (pydantic's, plus to_dict/to_json from src/_models.py); a field
# spelled like one of them gets a trailing underscore and keeps its wire name as alias. A test keeps this in
# step with pydantic.
# fmt: off
RESERVED_MODEL_ATTRS = frozenset({
    "construct", "copy", "dict", "from_orm", "json", "model_computed_fields", "model_config", "model_construct",
    "model_copy", "model_dump", "model_dump_json", "model_extra", "model_fields", "model_fields_set",
    "model_json_schema", "model_parametrized_name", "model_post_init", "model_rebuild", "model_validate",
    "model_validate_json", "model_validate_strings", "parse_file", "parse_obj", "parse_raw", "schema", "schema_json",
    "to_dict", "to_json", "update_forward_refs", "validate",
})
# Names generated code imports; a nested class must not take one of them (a property called `union`, say).
IMPORTED_NAMES = frozenset({
    "Annotated", "BaseModel", "Dict", "FileTypes", "Iterable", "List", "Literal", "Optional", "Required", "Sequence",
    "TypeAlias", "TypedDict", "Union", "builtins", "pydantic",
})
# fmt: on
# Return types of calls whose response is not a model (raw bytes, text, nothing).
NOT_MODELS = frozenset({"None", "str", "HttpxBinaryResponseContent"})
BODY_CONTENT_TYPES = ("application/json", "multipart/form-data", "application/x-www-form-urlencoded")
# Tags a union of models is discriminated by when the spec names none (checked: every member has one value).
INFERRED_TAGS = ("type", "event", "object")
# Package of the types for schemas that no call and no public name reaches.
SPEC_ONLY_PACKAGE = "openai.types._spec"
# Schema names of request bodies and their parts: their spec-only type is a TypedDict.
REQUEST_SCHEMA = re.compile(r"(Request|Body|Param|Params|RequestWithoutStream)$")
# How each page class finds the cursor of the next page.
PAGE_CURSORS = {
    "SyncPage": None,
    "SyncCursorPage": "data[-1].id",
    "SyncConversationCursorPage": "last_id",
    "SyncNextCursorPage": "next",
}
# The key of codegen/resource_types.json, written into it for its readers.
RESOURCE_TYPES_FIELDS = {
    "call": "the call as users write it",
    "official": "false for the calls of spec operations sdk-surface.tsv lacks (named in type_names.json)",
    "http_method, path": "the operation; path parameters in braces, in the order of the path",
    "args": "the call's arguments as sdk-surface.tsv writes them",
    "path_params": "the path's parameters; they are never keys of the params TypedDict",
    "params": "the params TypedDict: package it is exported from, module defining it, name, required keys, "
    "query (key -> wire name; every other key goes in the body), the Streaming/NonStreaming variants",
    "body": "how the body is sent: application/json, multipart/form-data, or null for no body",
    "multipart": "body is multipart/form-data (file fields are FileTypes)",
    "returns_as_written": "the return type as sdk-surface.tsv writes it",
    "returns": "the returned type (package, module, name, kind: model or alias of a union); null for pages, "
    "None, text and bytes",
    "result": "model, page, none (no content), text (str) or binary (raw bytes)",
    "page": "for list calls: page class, how the next cursor is found, the item type; kind_by_fields is the page "
    "class the response's fields call for where sdk-surface.tsv says otherwise",
    "binary": "the call returns raw bytes (HttpxBinaryResponseContent)",
    "streams": "the params have `stream` (body or query): stream=True returns a stream of stream_event",
    "stream_event": "the type of each server-sent event, when the call can answer with an event stream",
}
# Pointer prefix of the schemas made up for configured unions (they have no schema in the spec).
SYNTHETIC_PREFIX = "x-union:"


class GenError(Exception):
    """The spec, the name lists or the mapping cannot be turned into code as they stand."""


# --------------------------------------------------------------------------------------------------------------
# Type IR: what a field or alias is, independent of how it is spelled in Python.


@dataclass(frozen=True)
class Prim:
    name: str  # str | int | float | bool | object | None | FileTypes


@dataclass(frozen=True)
class Lit:
    values: tuple[Union[str, int, bool], ...]


@dataclass(frozen=True)
class Arr:
    item: Ty
    side: str


@dataclass(frozen=True)
class Map:
    value: Ty


@dataclass(frozen=True)
class Uni:
    members: tuple[Ty, ...]
    discriminator: str | None = None


@dataclass(frozen=True)
class Opt:
    inner: Ty


@dataclass(frozen=True, eq=False)
class Ref:
    decl: Decl


Ty = Union[Prim, Lit, Arr, Map, Uni, Opt, Ref]


@dataclass(eq=False)
class FieldSpec:
    wire: str
    ty: Ty
    required: bool


@dataclass(eq=False)
class Decl:
    """One top-level name in a generated module: a model, a TypedDict or a type alias."""

    name: str
    module: ModuleBuilder
    kind: str  # model | typeddict | alias
    doc: str
    pointer: str = ""
    fields: list[FieldSpec] = field(default_factory=list)
    target: Ty | None = None
    base: Decl | None = None


@dataclass(eq=False)
class ModuleBuilder:
    """A generated module while it is being filled: its declarations in definition order."""

    parts: tuple[str, ...]  # ("chat", "chat_completion") for src/types/chat/chat_completion.py
    decls: list[Decl] = field(default_factory=list)
    names: set[str] = field(default_factory=lambda: set(IMPORTED_NAMES))
    memo: dict[tuple[str, str], Decl] = field(default_factory=dict)
    # The official SDK's names in this module (sdk-modules.tsv), by loose spelling: a name made up from a
    # property path takes the official spelling (`ImageUrl` -> `ImageURL`) and an inline union gets a name
    # only when the official module has one for it.
    official: dict[str, str] = field(default_factory=dict)

    @property
    def package(self) -> tuple[str, ...]:
        return self.parts[:-1]

    def claim(self, wanted: str) -> str:
        spelled = self.official.get(_loose(wanted))
        if spelled is not None and spelled not in self.names:
            wanted = spelled
        name, n = wanted, 1
        while name in self.names:
            n += 1
            name = f"{wanted}{n}"
        self.names.add(name)
        return name


# --------------------------------------------------------------------------------------------------------------
# Schema shapes: the spec's allOf/anyOf/nullable/const spellings reduced to a few kinds.


@dataclass
class Shape:
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


def _is_modifier(schema: Mapping[str, Any]) -> bool:
    return not SHAPE_KEYS & set(schema)


def _is_constraint(schema: Mapping[str, Any]) -> bool:
    """An anyOf member that only constrains the object around it (``{"required": ["file_id"]}``): no type."""
    return bool(schema) and set(schema) <= CONSTRAINT_KEYS and bool({"required", "not"} & set(schema))


def _is_null(schema: Mapping[str, Any]) -> bool:
    return schema.get("type") == "null" or (schema.get("enum") == [None])


def snake(name: str) -> str:
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s)
    return s.lower()


def pascal(text: str) -> str:
    words = [w for w in re.split(r"[^A-Za-z0-9]+", str(text)) if w]
    out = "".join(w[:1].upper() + w[1:] for w in words)
    if not out or out[0].isdigit():
        out = "V" + out
    return out


def _result_kind(returns: str) -> str:
    if _page_item(returns):
        return "page"
    return {"None": "none", "str": "text", "HttpxBinaryResponseContent": "binary"}.get(returns, "model")


def _decl_kind(decl: Decl) -> str:
    """``model`` for a pydantic class, ``alias`` for a union or other type alias."""
    return "model" if decl.kind == "model" else "alias"


def _doc(pointer: str) -> str:
    if pointer.startswith(SYNTHETIC_PREFIX):
        return "One of the schemas listed for it in codegen/type_names.json (the spec has no union of them)."
    return f"`{pointer}` in the OpenAPI spec."


def _loose(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _escape(segment: str) -> str:
    """One JSON-pointer segment (RFC 6901): ``/`` in a path becomes ``~1``."""
    return segment.replace("~", "~0").replace("/", "~1")


def _unescape(segment: str) -> str:
    return segment.replace("~1", "/").replace("~0", "~")


def _page_item(returns: str) -> str | None:
    """``SyncCursorPage[FileObject]`` -> ``FileObject``; None when the return type is not a page."""
    match = re.fullmatch(r"Sync\w*Page\[(\w+)\]", returns)
    return match.group(1) if match else None


@dataclass
class Generated:
    """The generator's output: relative path -> file text, plus counts for the report."""

    files: dict[str, str]
    public_names: int
    modules: int
    report: list[str] = field(default_factory=list)
    exports: dict[str, list[str]] = field(default_factory=dict)  # "openai.types.chat" -> its public names
    unreached_schemas: list[str] = field(default_factory=list)  # component schemas with no generated type
    unmapped_names: list[str] = field(default_factory=list)  # sdk-type-names.tsv names with no schema


class TypesGenerator:
    def __init__(
        self,
        spec: dict[str, Any],
        type_names: list[tuple[str, str]],
        surface: list[dict[str, str]],
        config: dict[str, Any],
        module_surface: Mapping[tuple[str, ...], Sequence[str]] | None = None,
    ) -> None:
        self.spec = spec
        # The official SDK's modules under openai.types and the names each has (sdk-modules.tsv), by module
        # parts under src/types: what the generated tree must offer besides the public names of the type list.
        self.module_surface: dict[tuple[str, ...], tuple[str, ...]] = {
            parts: tuple(names) for parts, names in (module_surface or {}).items()
        }
        self.schemas: dict[str, Any] = spec["components"]["schemas"]
        self.surface = surface
        self.config = config
        self.singular_overrides: dict[str, str] = config.get("singular", {})
        self.modules: dict[tuple[str, ...], ModuleBuilder] = {}
        self.public: dict[tuple[str, str], Decl] = {}  # (pointer, side) -> decl; side "neutral" for aliases
        self.by_name: dict[tuple[str, str], Decl] = {}  # (module, name) -> decl
        self.queue: list[Decl] = []
        self.visited: set[str] = set()
        self._has_class: dict[str, bool] = {}
        self._building: set[tuple[int, str, str]] = set()
        self.untagged: list[str] = []  # unions the spec tags that cannot be tagged in pydantic, for --report
        self.inline_twins: set[str] = set()  # one side of a public schema generated inline, for --report
        self.exports: dict[tuple[str, ...], dict[str, tuple[str, ...]]] = {}
        self.late_aliases: list[tuple[ModuleBuilder, str, Decl]] = []  # see _name_again
        self.unlisted_returns: set[str] = set()  # "module:Name" of return types sdk-type-names.tsv lacks
        self.variants_made: set[str] = set()  # calls of LITERAL_VARIANTS whose variant params were written
        self._add_synthetic_unions()
        self.calls = self._calls()
        self._index_names(type_names)
        self._index_returns()

    # -- names ---------------------------------------------------------------------------------------------------

    def _add_synthetic_unions(self) -> None:
        """Public unions the spec has no schema for (every webhook payload, every beta realtime event)."""
        self.synthetic: dict[str, str] = {}  # "module:Name" -> the pointer of its made-up schema
        for key, union in sorted(self.config.get("unions", {}).items()):
            missing = [m for m in union["members"] if m not in self.schemas]
            if missing or not union["members"]:
                raise GenError([f"codegen/type_names.json: union {key} lists unknown schemas {missing}"])
            pointer = SYNTHETIC_PREFIX + key.split(":")[1]
            schema: dict[str, Any] = {"anyOf": [{"$ref": f"#/components/schemas/{m}"} for m in union["members"]]}
            if union.get("discriminator"):
                schema["discriminator"] = {"propertyName": union["discriminator"]}
            self.schemas = {**self.schemas, pointer: schema}
            self.synthetic[key] = pointer

    def _calls(self) -> list[dict[str, str]]:
        """The surface table's calls, plus the configured calls for spec operations the table lacks."""
        calls = [dict(c, official="yes") for c in self.surface]
        taken = {c["call"] for c in calls}
        for extra in self.config.get("extra_calls", []):
            if extra["call"] in taken:
                raise GenError([f"codegen/type_names.json: extra call {extra['call']} is already in the surface table"])
            calls.append(dict(extra, official="no"))
        for call in calls:
            if call["http_method"].lower() not in self.spec["paths"].get(call["path"], {}):
                raise GenError([f"{call['call']}: no operation {call['http_method']} {call['path']} in the spec"])
        return sorted(calls, key=lambda c: c["call"])

    def _surface_type_names(self, type_names: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """The type list plus the official modules' own names it lacks (``beta.chatkit``'s
        ``ChatSessionHistory`` in ``chat_session_history``), for those a schema is spelled like."""
        known = set(type_names)
        kept = set(self.config.get("kept_aliases", {}))
        loose: dict[str, list[str]] = {}
        for schema_name in self.schemas:
            loose.setdefault(_loose(schema_name), []).append(schema_name)
        extra = []
        for parts, names in sorted(self.module_surface.items()):
            if not parts or parts[0] in SHARED_PACKAGES:
                continue  # the shared packages offer the public names of openai.types, the same objects
            module = ".".join(("openai", "types", *parts[:-1]))
            for name in names:
                configured = f"{module}:{name}" in self.config.get("names", {})
                if (
                    (module, name) in known
                    or f"{'.'.join(('openai', 'types', *parts))}:{name}" in kept
                    or _loose(snake(name)) != _loose(parts[-1])
                    or (len(loose.get(_loose(name), [])) != 1 and not configured)
                ):
                    continue
                extra.append((module, name))
                known.add((module, name))
        return [*type_names, *extra]

    def _index_names(self, type_names: list[tuple[str, str]]) -> None:
        type_names = self._surface_type_names(type_names)
        explicit: dict[str, str] = self.config.get("names", {})
        aliases: dict[str, str] = self.config.get("aliases", {})
        # Public names the spec has no schema for, each an alias of a builtin type (FileContent is `str`).
        self.builtin_aliases: dict[str, str] = self.config.get("not_in_spec", {})
        skipped = set(self.builtin_aliases)
        known = {f"{m}:{n}" for m, n in type_names}
        for key in [*explicit, *aliases, *skipped, *self.synthetic]:
            if key not in known:
                raise GenError([f"codegen/type_names.json: {key} is not in sdk-type-names.tsv"])
        # A public name spelled like a schema up to case and punctuation (AdminAPIKey, AdminApiKey) maps to it when
        # exactly one schema is spelled that way.
        loose: dict[str, list[str]] = {}
        for schema_name in self.schemas:
            loose.setdefault(_loose(schema_name), []).append(schema_name)
        self.type_names = list(type_names)
        self.canonical: dict[str, list[tuple[str, str]]] = {}  # pointer -> [(module, name)]
        self.unmapped: list[str] = []
        self.aliases: list[tuple[str, str, str, str]] = []
        self.name_source: dict[tuple[str, str], str] = {}  # (module, name) -> how its schema was found
        for module, name in type_names:
            key = f"{module}:{name}"
            if key in skipped:
                continue
            if key in aliases:
                target_module, target_name = aliases[key].split(":")
                self.aliases.append((module, name, target_module, target_name))
                continue
            if key in explicit or key in self.synthetic:
                pointer, source = explicit.get(key) or self.synthetic[key], "configured"
            elif name in self.schemas and not name.startswith(SYNTHETIC_PREFIX):
                pointer, source = name, "same name"
            elif len(loose.get(_loose(name), [])) == 1:
                pointer, source = loose[_loose(name)][0], "same name up to case"
            else:
                self.unmapped.append(key)
                continue
            self.schema_at(pointer)  # fails loudly on a mistyped pointer
            self.canonical.setdefault(pointer, []).append((module, name))
            self.name_source[(module, name)] = source
        self._index_request_twins(known)
        # Names the official SDK does not have, for schemas users still meet (the speech event stream).
        for key, pointer in self.config.get("extra_names", {}).items():
            if key in known:
                raise GenError([f"codegen/type_names.json: extra name {key} is in sdk-type-names.tsv; map it in names"])
            module, name = key.split(":")
            self.schema_at(pointer)
            self.canonical.setdefault(pointer, []).append((module, name))
            self.name_source[(module, name)] = "configured (not in sdk-type-names.tsv)"

    def _index_request_twins(self, known: set[str]) -> None:
        """The official modules ``<name>_param`` of response types the type list names (``realtime``'s
        ``ConversationItemParam`` beside ``ConversationItem``): the request side of the same schema."""
        pointers = {entry: pointer for pointer, entries in self.canonical.items() for entry in entries}
        for module, name, target_module, target_name in self.aliases:
            if (target_module, target_name) in pointers:
                pointers[(module, name)] = pointers[(target_module, target_name)]
        kept = set(self.config.get("kept_aliases", {}))
        for parts, names in sorted(self.module_surface.items()):
            module = ".".join(("openai", "types", *parts[:-1]))
            for name in names:
                base = name[: -len("Param")]
                if (
                    not parts
                    or f"{'.'.join(('openai', 'types', *parts))}:{name}" in kept
                    or not name.endswith("Param")
                    or f"{module}:{name}" in known
                    or _loose(snake(name)) != _loose(parts[-1])
                    or (module, base) not in pointers
                ):
                    continue
                self.canonical[pointers[(module, base)]].append((module, name))
                self.name_source[(module, name)] = "request side of an official response type (sdk-modules.tsv)"

    def _index_returns(self) -> None:
        """Give every return type of a call its schema, adding the names the type list lacks.

        A call ``client.a.b.c.method`` returning ``Name`` finds ``Name`` in ``openai.types.a.b.c``, else in the
        closest enclosing package that lists it; a name no package lists is created in ``openai.types.a.b``, where
        that resource's params live. Its schema is what the operation returns (a page's item for list calls).
        """
        listed: dict[str, list[str]] = {}
        for module, name in self.type_names:
            listed.setdefault(name, []).append(module)
        self.returns: dict[str, tuple[str, str] | None] = {}  # call -> (module, name) of its return type
        self.call_pointers: dict[str, str] = {}
        problems = []
        for call in self.calls:
            name = _page_item(call["returns"]) or call["returns"]
            if name in NOT_MODELS:
                self.returns[call["call"]] = None
                continue
            resource = call["call"].split(".")[1:-1]
            packages = [".".join(("openai", "types", *resource[:depth])) for depth in range(len(resource), -1, -1)]
            found = [p for p in packages if p in listed.get(name, [])]
            module = found[0] if found else packages[min(1, len(packages) - 1)]
            if not found:
                self.name_source[(module, name)] = f"return type of {call['call']} (not in sdk-type-names.tsv)"
                self.unlisted_returns.add(f"{module}:{name}")
            pointer = self.response_pointer(call)
            self.returns[call["call"]] = (module, name)
            self.call_pointers[call["call"]] = pointer
            mapped = [p for p, entries in self.canonical.items() if (module, name) in entries]
            if mapped and mapped != [pointer] and self.name_source.get((module, name)) != "configured":
                # What a call returns beats a schema that merely shares the name (`Group` vs `GroupResponse`).
                self.canonical[mapped[0]].remove((module, name))
                if not self.canonical[mapped[0]]:
                    del self.canonical[mapped[0]]
                mapped = []
            if not mapped:
                self.canonical.setdefault(pointer, []).append((module, name))
                if self.name_source.get((module, name), "same name").startswith("same name"):
                    self.name_source[(module, name)] = f"return type of {call['call']}"
                if f"{module}:{name}" in self.unmapped:
                    self.unmapped.remove(f"{module}:{name}")
            elif mapped != [pointer]:
                problems.append(
                    f"{call['call']} returns {module}:{name}, mapped to {mapped[0]!r}, but its operation returns "
                    f"{pointer!r}"
                )
        if problems:
            raise GenError(problems)

    def operation(self, call: Mapping[str, str]) -> dict[str, Any]:
        operation: dict[str, Any] = self.spec["paths"][call["path"]][call["http_method"].lower()]
        return operation

    def response_pointer(self, call: Mapping[str, str]) -> str:
        """Pointer to the JSON schema a call returns; for a page, to the schema of one item."""
        operation = self.operation(call)
        where = f"#/paths/{_escape(call['path'])}/{call['http_method'].lower()}/responses"
        for status, response in sorted(operation.get("responses", {}).items()):
            schema = response.get("content", {}).get("application/json", {}).get("schema")
            if status.startswith("2") and schema is not None:
                pointer = f"{where}/{status}/content/application~1json/schema"
                break
        else:
            raise GenError([f"{call['call']} returns {call['returns']} but its operation has no JSON response"])
        pointer = self.deref(pointer)
        if _page_item(call["returns"]) is None:
            return pointer
        data = [p for n, _, p in self.object_shape(self.schema_at(pointer), pointer).props if n == "data"]
        if not data:
            raise GenError([f"{call['call']} returns a page but {pointer!r} has no `data`"])
        return self.deref(data[0] + "/items")

    def deref(self, pointer: str) -> str:
        """Follow a pointer whose schema is only a $ref to the schema it names."""
        for _ in range(32):
            schema = self.schema_at(pointer)
            if set(schema) - {"description", "title"} != {"$ref"}:
                break
            pointer = schema["$ref"].rsplit("/", 1)[1]
        return pointer

    def schema_at(self, pointer: str) -> dict[str, Any]:
        """The schema at ``pointer``: a schema name and a path inside it, or a JSON pointer (``#/paths/...``)."""
        if pointer.startswith("#/"):
            node: Any = self.spec
            parts = ["", *(_unescape(p) for p in pointer[2:].split("/"))]
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

    def singular(self, word: str) -> str:
        if word in self.singular_overrides:
            return self.singular_overrides[word]
        lower = word.lower()
        if lower.endswith("ies") and len(word) > 4:
            return word[:-3] + ("Y" if word[-3].isupper() else "y")
        if re.search(r"(ch|sh|x|ss|us)es$", lower):
            return word[:-2]
        if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
            return word[:-1]
        return word

    @staticmethod
    def is_param_name(name: str) -> bool:
        return name.endswith("Param")

    def module_for(self, module: str, name: str) -> ModuleBuilder:
        if module != "openai.types" and not module.startswith("openai.types."):
            raise GenError([f"{module}:{name}: public modules must live under openai.types"])
        package = tuple(p for p in module.split(".")[2:])
        parts = (*package, self.module_name(package, name))
        if (
            parts in self.modules
            and name in self.module_surface.get(parts, ())
            and name not in self.modules[parts].names
        ):
            self.modules[parts].names.add(name)
            return self.modules[parts]
        if parts in self.modules:
            raise GenError([f"{module}:{name}: module {'/'.join(parts)}.py is already generated for another name"])
        builder = self.new_module(parts)
        builder.names.add(name)
        self.modules[parts] = builder
        return builder

    def module_name(self, package: tuple[str, ...], name: str) -> str:
        """The module a public name lives in: the official one listing it (``chatkit_thread`` for
        ``ChatKitThread``), else its snake_case spelling."""
        wanted = _loose(snake(name))
        listing = []
        for parts, names in self.module_surface.items():
            if parts[:-1] == package and parts and name in names:
                if _loose(parts[-1]) == wanted:
                    return parts[-1]
                if not parts[-1].endswith(("_param", "_params")):  # a response type, never in a request module
                    listing.append(parts[-1])
        if ".".join(("openai", "types", *package)) + ":" + name in self.unlisted_returns and len(listing) == 1:
            # A return type the type list lacks that the official SDK defines inside one module of the package
            # (`Data` of `chatkit_thread_item_list`) lives there, beside that module's own type.
            return listing[0]
        return snake(name)

    def new_module(self, parts: tuple[str, ...]) -> ModuleBuilder:
        official = self.module_surface.get(parts, ())
        if not official and len(parts) == 1:
            # A top-level type the official SDK defines in a shared package: its names are spelled there.
            official = self.module_surface.get(("shared", parts[0]), ()) or self.module_surface.get(
                ("shared_params", parts[0].removesuffix("_param")), ()
            )
        return ModuleBuilder(parts, official={_loose(n): n for n in official})

    def official_spelling(self, parts: tuple[str, ...], name: str) -> str:
        """``name`` as the official module ``parts`` spells it (``AdminApiKeyCreateParams`` -> ``AdminAPIKey...``)."""
        wanted = _loose(name)
        return next((n for n in self.module_surface.get(parts, ()) if _loose(n) == wanted), name)

    def public_decl(self, pointer: str, side: str) -> Decl | None:
        """The public declaration that stands for ``pointer`` wherever another schema uses it, if it has one."""
        entries = self.canonical.get(pointer)
        if not entries:
            return None
        neutral = not self.has_class(self.schema_at(pointer))
        key = (pointer, "neutral" if neutral else side)
        if key in self.public:
            return self.public[key]
        if neutral:
            module, name = self._primary(pointer, entries, prefer_param=False)
        else:
            picked = self._pick_sided(pointer, entries, side)
            if picked is None:
                return None
            module, name = picked
        return self._declare_public(module, name, pointer, key[1])

    def _primary(self, pointer: str, entries: list[tuple[str, str]], prefer_param: bool) -> tuple[str, str]:
        """Of several public names for one schema, the one other types refer to; the rest are copies of it.

        The name spelled like the schema wins, then the one in the shallowest package.
        """
        schema_name = pointer.split("/")[0]
        return min(
            entries,
            key=lambda e: (
                self.is_param_name(e[1]) != prefer_param,
                _loose(e[1]) != _loose(schema_name),
                e[0].count("."),
                e,
            ),
        )

    def _pick_sided(self, pointer: str, entries: list[tuple[str, str]], side: str) -> tuple[str, str] | None:
        want_param = side == "param"
        same = [e for e in entries if self.is_param_name(e[1]) == want_param]
        if same:
            return self._primary(pointer, same, want_param)
        module, name = self._primary(pointer, entries, not want_param)
        twin = name + "Param" if want_param else name[: -len("Param")]
        if (module, twin) in self.by_name or any(twin == n and module == m for m, n in self._all_names()):
            # The other side keeps its own name for something else: generate this side inline where it is used.
            self.inline_twins.add(f"{pointer} ({side} side; {module}:{twin} names another schema)")
            return None
        return module, twin

    def _all_names(self) -> Iterator[tuple[str, str]]:
        for entries in self.canonical.values():
            yield from entries
        for module, name, _, _ in self.aliases:
            yield module, name

    def _declare_public(self, module: str, name: str, pointer: str, side: str, primary: bool = True) -> Decl:
        builder = self.module_for(module, name)
        kind = "alias" if side == "neutral" else ("typeddict" if side == "param" else "model")
        decl = Decl(name, builder, kind, _doc(pointer), pointer)
        if primary:
            self.public[(pointer, side)] = decl
        self.by_name[(module, name)] = decl
        self.queue.append(decl)
        self._export(builder, name)
        return decl

    def _export(self, builder: ModuleBuilder, name: str) -> None:
        exported = self.exports.setdefault(builder.package, {})
        if exported.get(name, builder.parts) != builder.parts:
            where = ".".join(("openai", "types", *builder.package))
            raise GenError([f"{where}.{name} is exported by both {exported[name][-1]}.py and {builder.parts[-1]}.py"])
        exported[name] = builder.parts

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
            if key in schema and not all(_is_constraint(m) for m in schema[key]):
                members = []
                for i, member in enumerate(schema[key]):
                    if _is_null(member):
                        nullable = True
                    elif not _is_constraint(member):
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
            if _is_modifier(part):  # {nullable: true} or a description: no shape of its own
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

    # -- building ------------------------------------------------------------------------------------------------

    def build(
        self,
        schema: Mapping[str, Any],
        pointer: str,
        side: str,
        mod: ModuleBuilder,
        path: tuple[str, ...],
        root: Decl | None = None,
    ) -> Ty:
        nullable = False
        while True:
            self.visited.add(pointer)
            if root is None or pointer != root.pointer:
                public = self.public_decl(pointer, side)
                if public is not None:
                    if public.module is not mod:
                        # The official module may copy the type under its property's name (`Output`).
                        self._name_again(mod, path, public)
                    ref: Ty = Ref(public)
                    return Opt(ref) if nullable or self.nullable(schema, pointer) else ref
            # A wrapper with one member (anyOf [X, null], allOf [X]) may hide a pointer that has a public name.
            inner = self._single(schema, pointer)
            if inner is None:
                break
            schema, pointer, wrapped_nullable = inner
            nullable = nullable or wrapped_nullable
        shape = self.normalize(schema, pointer)
        ty = self._build_shape(shape, pointer, side, mod, path, root)
        # A public type is never nullable itself; the fields that use it say Optional.
        return _optional(ty) if (nullable or shape.nullable) and root is None else ty

    @staticmethod
    def _single(schema: Mapping[str, Any], pointer: str) -> tuple[dict[str, Any], str, bool] | None:
        nullable = schema.get("nullable") is True
        if "$ref" in schema:
            return None
        for key in ("anyOf", "oneOf"):
            if key in schema and not all(_is_constraint(m) for m in schema[key]):
                members = [(i, m) for i, m in enumerate(schema[key]) if not _is_null(m) and not _is_constraint(m)]
                if len(members) == 1:
                    index, member = members[0]
                    return member, f"{pointer}/{key}/{index}", nullable or len(members) < len(schema[key])
                return None
        if "allOf" in schema and not schema.get("properties"):
            parts = [(i, p) for i, p in enumerate(schema["allOf"]) if not _is_modifier(p)]
            if len(parts) == 1:
                nullable = nullable or any(p.get("nullable") is True for p in schema["allOf"])
                return parts[0][1], f"{pointer}/allOf/{parts[0][0]}", nullable
        return None

    def _build_shape(
        self, shape: Shape, pointer: str, side: str, mod: ModuleBuilder, path: tuple[str, ...], root: Decl | None
    ) -> Ty:
        if shape.kind == "ref":
            guard = (id(mod), shape.ref, side)
            if guard in self._building and (shape.ref, side) not in mod.memo:
                raise GenError([f"{pointer}: recursive schema {shape.ref} without an object to name it"])
            self._building.add(guard)
            try:
                return self.build(self.schemas[shape.ref], shape.ref, side, mod, path, root)
            finally:
                self._building.discard(guard)
        if shape.kind == "object":
            return Ref(self._class(shape, pointer, side, mod, path, root))
        if shape.kind == "union":
            ty = self._union(shape, side, mod, path, root.name if root is not None and not path else "")
            self._name_inline(ty, pointer, side, mod, path)
            return ty
        if shape.kind == "array":
            assert shape.item is not None
            item_path = (*path[:-1], self.singular(path[-1])) if path else ()
            if not path and root is not None:
                # A public array's items, as the official module names them (`GraderInputItem`).
                for stem in (self.singular(root.name) + "Item", root.name + "Item"):
                    if any(o.startswith(_loose(stem)) for o in mod.official):
                        item_path = (stem,)
                        break
            return Arr(self.build(shape.item[0], shape.item[1], side, mod, item_path), side)
        if shape.kind == "map":
            if shape.item is None:
                return Map(Prim("object"))
            return Map(self.build(shape.item[0], shape.item[1], side, mod, (*path, "Value")))
        if shape.kind == "enum":
            if shape.values and all(isinstance(v, (str, int, bool)) for v in shape.values):
                return Lit(tuple(shape.values))
            return Prim("object")
        if shape.prim == "file":
            return Prim("FileTypes" if side == "param" else "str")
        return Prim(shape.prim)

    def _class(
        self, shape: Shape, pointer: str, side: str, mod: ModuleBuilder, path: tuple[str, ...], root: Decl | None
    ) -> Decl:
        key = (pointer, side)
        if key in mod.memo:
            self._name_again(mod, path, mod.memo[key])
            return mod.memo[key]
        if root is not None:
            decl = root
        else:
            kind = "typeddict" if side == "param" else "model"
            name = mod.claim("".join(path) or "Item")
            decl = Decl(name, mod, kind, _doc(pointer), pointer)
        mod.memo[key] = decl
        base = self.public_decl(shape.base, side) if shape.base else None
        if base is not None and base.kind != "alias" and base is not decl:
            # allOf [Base, {more}] with a public Base: extend it, as long as no property is redefined (a
            # TypedDict may not redefine a key, and a model field would have to stay compatible).
            base_shape = self.object_shape(self.schemas[shape.base], shape.base)
            base_props = {name for name, _, _ in base_shape.props}
            own = [p for p in shape.props if not p[2].startswith(shape.base + "/")]
            newly_required = (shape.required & base_props) - base_shape.required
            if not base_props & {name for name, _, _ in own} and not newly_required:
                decl.base = base
                self.visited.add(shape.base)
                shape = Shape("object", props=own, required=shape.required)
        decl.fields = self._fields(shape, side, mod, path)
        mod.decls.append(decl)  # after its fields: helpers a class uses are defined above it
        return decl

    def _fields(self, shape: Shape, side: str, mod: ModuleBuilder, path: tuple[str, ...]) -> list[FieldSpec]:
        fields = []
        for name, prop, prop_pointer in shape.props:
            ty = self.build(prop, prop_pointer, side, mod, (*path, pascal(name)))
            fields.append(FieldSpec(name, ty, name in shape.required))
        return fields

    def _name_inline(self, ty: Ty, pointer: str, side: str, mod: ModuleBuilder, path: tuple[str, ...]) -> None:
        """Give an inline union the name the official module has for it (``ShellCallCaller``), as an alias.

        The field keeps the union spelled out (a tagged union must stay visible to pydantic and to the lenient
        builder); the alias is the same type under the name users import.
        """
        # A map's values are named after the map (`Variables`, not `VariablesValue`).
        wanted = "".join(path[:-1] if path[-1:] == ("Value",) else path)
        spelled = mod.official.get(_loose(wanted)) if wanted else None
        if spelled is None and wanted:
            # Or after the module's own name (`ChatCompletionStoreMessageContentPart`).
            main = next((n for n in mod.official.values() if _loose(snake(n)) == _loose(mod.parts[-1])), "")
            spelled = mod.official.get(_loose(main + wanted)) if main else None
        if spelled is None or spelled in mod.names:
            return
        if (pointer, f"{side}:alias") in mod.memo:
            self._name_again(mod, path, mod.memo[(pointer, f"{side}:alias")])
            return
        mod.names.add(spelled)
        decl = Decl(spelled, mod, "alias", _doc(pointer), pointer, target=ty)
        mod.memo[(pointer, f"{side}:alias")] = decl
        mod.decls.append(decl)

    def _name_again(self, mod: ModuleBuilder, path: tuple[str, ...], decl: Decl) -> None:
        """A type a module defines once, reached again by another property path the official module names (the
        same `agent` object under every item): that name too, as an alias added once the module is built."""
        wanted = "".join(path[:-1] if path[-1:] == ("Value",) else path)
        spelled = mod.official.get(_loose(wanted)) if wanted else None
        if spelled is not None and spelled not in mod.names:
            mod.names.add(spelled)
            self.late_aliases.append((mod, spelled, decl))

    def _union(self, shape: Shape, side: str, mod: ModuleBuilder, path: tuple[str, ...], owner: str = "") -> Ty:
        members: list[Ty] = []
        targets = [m["$ref"].rsplit("/", 1)[1] for m, _ in shape.members if "$ref" in m]
        strip = _common_words(targets) if len(targets) == len(shape.members) > 1 else ""
        for index, (member, member_pointer) in enumerate(shape.members):
            pieces = self._variant_pieces(member, member_pointer, index, shape.discriminator, strip)
            # The official module's spelling picks among the ways to name a variant (its tag, its schema, its
            # title): `DataSourceCreateEvalResponsesRunDataSource`, not `DataSourceResponses`.
            piece = self._official_piece(mod, _loose("".join(path)), pieces)
            member_path = (*path, piece) if piece else path
            # A public union's members may be named after it (`DataChatKitTask` of `Data`).
            owned = [p for p in pieces if p and _loose(owner + p) in mod.official] if owner else []
            if owned and not any(_loose(p) in mod.official for p in pieces if p):
                member_path = (owner, owned[0])
            members.append(self.build(member, member_pointer, side, mod, member_path))
        discriminator = None
        if side == "model":
            # The spec's discriminator, or else the tag every member carries (`type`, `event`): pydantic then picks
            # the member by its tag instead of trying each in turn.
            candidates = [shape.discriminator] if shape.discriminator else list(INFERRED_TAGS)
            discriminator = next((c for c in candidates if self.tags_discriminate(shape.members, c)), None)
            if discriminator is None and shape.discriminator:
                self.untagged.append(f"{shape.members[0][1].rsplit('/', 2)[0]} ({shape.discriminator})")
        return _union(members, discriminator)

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

    def _official_piece(self, mod: ModuleBuilder, stem: str, pieces: Sequence[str]) -> str:
        """The piece the official module names the variant by: one naming it outright, else the default when
        names begin with it, else one that begins names (of the variant's own properties)."""
        for piece in pieces:
            if stem + _loose(piece) in mod.official or (piece and stem + _loose(self.singular(piece)) in mod.official):
                return piece
        for piece in pieces:
            # An array variant names its items in the singular (`ContentArrayOfContentPart`).
            starts = {stem + _loose(piece), stem + _loose(self.singular(piece))}
            if any(o.startswith(start) for o in mod.official for start in starts):
                return piece
        return pieces[0]

    def _variant_pieces(
        self, member: Mapping[str, Any], pointer: str, index: int, discriminator: str | None, strip: str = ""
    ) -> list[str]:
        """The ways to name a union member inside its union's name, the default first (``""``: the member takes
        the union's name, as an array of items does)."""
        shape = self.normalize(member, pointer)
        target = shape.ref if shape.kind == "ref" else None
        if target is not None:
            shape = self.normalize(self.schemas[target], target)
            if shape.kind == "ref":
                return [pascal(target)]
        if shape.kind != "object":
            title = member.get("title") or (self.schemas[target].get("title") if target else None)
            return ["", pascal(title)] if title else [""]
        schema = self.schemas[target] if target else member
        pieces = []
        for prop in (discriminator, "type"):
            if prop:
                values = self.tag_values(schema, target or pointer, prop)
                if values and len(values) == 1:
                    pieces.append(pascal(values[0]))
        if target:
            pieces.append(pascal(target))
        title = schema.get("title") or member.get("title")
        if title:
            pieces.append(pascal(title))
        if len(shape.props) == 1:
            pieces.append(pascal(shape.props[0][0]))
        pieces.append(f"Variant{index}")
        # Spellings only the official names pick: an optional `type` tag (`AudioPCM`), the schema name without
        # what every member's schema name begins with (`ActionFind` of `WebSearchActionFind`).
        for name, prop, prop_pointer in shape.props:
            tag = self.normalize(prop, prop_pointer) if name in (discriminator, "type") else None
            if tag is not None and tag.kind == "enum" and len(tag.values) == 1 and isinstance(tag.values[0], str):
                pieces.append(pascal(tag.values[0]))
        if target and strip and target.startswith(strip) and target != strip:
            pieces.append(target[len(strip) :])
        return list(dict.fromkeys(pieces))

    def build_public(self, decl: Decl) -> None:
        side = {"model": "model", "typeddict": "param", "alias": "model"}[decl.kind]
        schema = self.schema_at(decl.pointer)
        ty = self.build(schema, decl.pointer, side, decl.module, (), root=decl)
        if isinstance(ty, Opt):
            ty = ty.inner
        if isinstance(ty, Ref) and ty.decl is decl:
            return
        # Not an object: the public name is an alias for whatever the schema is.
        decl.kind = "alias"
        decl.target = ty
        decl.module.decls.append(decl)

    # -- params --------------------------------------------------------------------------------------------------

    def params_location(self, call: Mapping[str, str]) -> tuple[tuple[str, ...], str]:
        """Module parts under ``src/types`` and class name of a call's params: ``client.beta.threads.runs.create``
        -> ``beta/threads/run_create_params.py``, ``RunCreateParams``.

        The module lives in the package of the resource's parent, except for the resources listed in
        ``params_in_resource_package`` (``client.responses.create`` -> ``responses/response_create_params.py``).
        """
        segments = call["call"].split(".")[1:]
        resource, method = segments[:-1], segments[-1]
        singular = self.singular(resource[-1])
        own = ".".join(resource) in self.config.get("params_in_resource_package", [])
        package = tuple(resource) if own else tuple(resource[:-1])
        parts = (*package, f"{singular}_{method}_params")
        return parts, self.official_spelling(parts, f"{pascal(singular)}{pascal(method)}Params")

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

    def build_params(self, call: dict[str, str]) -> dict[str, Any]:
        """Generate the params TypedDict(s) of a call taking ``**params``; returns what resource_types.json says."""
        parts, name = self.params_location(call)
        if parts in self.modules:
            raise GenError([f"{call['call']}: module {'/'.join(parts)}.py already generated"])
        mod = self.new_module(parts)
        mod.names.add(name)
        self.modules[parts] = mod
        operation = self.operation(call)
        where = f"{call['http_method']} {call['path']}"
        props: list[tuple[str, dict[str, Any], str]] = []
        required: set[str] = set()
        query = self.query_params(call)
        for param in query:
            props.append((param["key"], param["schema"], param["pointer"]))
            if param["required"]:
                required.add(param["key"])
        content_type = self.body_content_type(operation)
        if content_type is not None:
            body = self.object_shape(operation["requestBody"]["content"][content_type]["schema"], f"{where} body")
            clash = {n for n, _, _ in body.props} & {q["key"] for q in query}
            if clash:
                raise GenError([f"{call['call']}: {sorted(clash)} is both a query parameter and a body field"])
            props.extend(body.props)
            # An optional body (the spec does not require one) still has the fields its schema requires.
            required |= body.required
        segments = call["call"].split(".")[1:]
        doc = f"Parameters of `client.{'.'.join(segments)}` ({where})."
        shape = Shape("object", props=[p for p in props if p[0] != "stream"], required=required)
        streams = len(shape.props) != len(props)
        root = Decl(f"{name}Base" if streams else name, mod, "typeddict", doc)
        mod.names.add(root.name)
        mod.memo[(where, "param")] = root
        root.fields = self._fields(shape, "param", mod, ())
        mod.decls.append(root)
        info: dict[str, Any] = {
            "package": ".".join(("openai", "types", *parts[:-1])),
            "module": ".".join(("openai", "types", *parts)),
            "name": name,
            "required": sorted(required),
            "query": {q["key"]: q["wire"] for q in query},
        }
        styles = {q["key"]: {k: q[k] for k in ("style", "explode") if k in q} for q in query if "style" in q}
        if styles:
            info["query_styles"] = styles
        if not streams:
            self._export(mod, name)
            self._literal_variants(".".join(segments), mod, root, None)
            return info
        # One TypedDict per way of calling: `stream` is the only key that differs, and a TypedDict may not
        # redefine an inherited key, so all three extend the shared base.
        stream = next(p for p in props if p[0] == "stream")
        full = self.build(stream[1], stream[2], "param", mod, ("Stream",))
        # Without streaming, `stream` may be null only where the full params allow null: an
        # overload that accepted more than the implementation would not type-check.
        not_streamed = Opt(Lit((False,))) if isinstance(full, Opt) else Lit((False,))
        variants = [
            (name, doc, full, "stream" in required),
            (f"{name}NonStreaming", doc + " Without streaming.", not_streamed, False),
            (f"{name}Streaming", doc + " Streamed as server-sent events.", Lit((True,)), True),
        ]
        for variant_name, variant_doc, ty, is_required in variants:
            decl = Decl(variant_name, mod, "typeddict", variant_doc, base=root)
            decl.fields = [FieldSpec("stream", ty, is_required)]
            mod.names.add(variant_name)
            mod.decls.append(decl)
            self._export(mod, variant_name)
        info["streaming"] = f"{name}Streaming"
        info["non_streaming"] = f"{name}NonStreaming"
        self._literal_variants(".".join(segments), mod, root, FieldSpec("stream", not_streamed, False))
        return info

    def _literal_variants(self, call: str, mod: ModuleBuilder, root: Decl, not_streamed: FieldSpec | None) -> None:
        """The private params TypedDicts of codegen/types_templates.py LITERAL_VARIANTS for ``call``, if any."""
        entry = LITERAL_VARIANTS.get(call)
        if entry is None:
            return
        key, variants = entry
        if not any(spec.wire == key for spec in root.fields):
            raise GenError([f"codegen/types_templates.py LITERAL_VARIANTS: {call} has no {key!r} parameter"])
        self.variants_made.add(call)
        base_name = root.name.removesuffix("Base")
        for suffix, values, optional in variants:
            decl = Decl(f"_{base_name}{suffix}", mod, "typeddict", f"{root.doc} With `{key}` one of {list(values)}.")
            decl.fields = [
                FieldSpec(key, Lit(values), not optional) if spec.wire == key else spec for spec in root.fields
            ]
            if optional and not_streamed is not None:
                decl.fields.append(not_streamed)
            mod.names.add(decl.name)
            mod.decls.append(decl)

    # -- driving -------------------------------------------------------------------------------------------------

    def in_scope(self, call: str) -> bool:
        scope: list[str] = self.config.get("scope", [])
        dotted = call.removeprefix("client.")
        return "*" in scope or any(dotted.startswith(prefix + ".") for prefix in scope)

    def run(self) -> None:
        self.call_info: dict[str, dict[str, Any]] = {}
        for call in self.calls:
            if not self.in_scope(call["call"]):
                continue
            info = self.call_info[call["call"]] = self._describe(call)
            pointer = self.call_pointers.get(call["call"])
            if pointer is not None:
                self.visited.add(pointer)
            if "**params" in call["args"]:
                info["params"] = self.build_params(call)
        self._drain()
        self._declare_all()
        if "*" in self.config.get("scope", []):
            # Schemas no call and no public name reaches (list envelopes, the JSON twins of multipart bodies,
            # websocket events) still become types, in a package of their own outside the SDK's public names.
            for _ in range(8):
                reached = {p.split("/")[0] for p in self.visited}
                unreached = [n for n in sorted(self.schemas) if n not in reached and not n.startswith(SYNTHETIC_PREFIX)]
                if not unreached:
                    break
                for schema_name in unreached:
                    name = pascal(schema_name)
                    if REQUEST_SCHEMA.search(schema_name) and not self.is_param_name(name):
                        name += "Param"
                    self.canonical.setdefault(schema_name, []).append((SPEC_ONLY_PACKAGE, name))
                    self.name_source[(SPEC_ONLY_PACKAGE, name)] = "schema no call or public name reaches"
                    self.visited.add(schema_name)
                self._declare_all()
        for module, name, target_module, target_name in self.aliases:
            target = self.by_name.get((target_module, target_name))
            if target is not None:
                self._alias(module, name, target)
        for key, builtin in sorted(self.builtin_aliases.items()):
            if builtin not in ("str", "bytes", "int", "float", "bool", "object"):
                raise GenError([f"codegen/type_names.json: {key} must alias a builtin type, not {builtin!r}"])
            module, name = key.split(":")
            builder = self.module_for(module, name)
            decl = Decl(name, builder, "alias", "Not in the OpenAPI spec: what the call returns as text.")
            decl.target = Prim(builtin)
            builder.decls.append(decl)
            self.by_name[(module, name)] = decl
            self._export(builder, name)
        for call_name, info in self.call_info.items():
            self._finish_description(call_name, info)

    def _declare_all(self) -> None:
        """Declare every public name not declared yet, then build them all: every public name is importable,
        whether or not a call reaches it (stream events, webhooks, realtime events)."""
        for _ in range(64):
            before = len(self.by_name)
            pending = []
            for pointer in sorted(self.canonical, key=str):
                if not self.in_scope_pointer(pointer):
                    continue
                for module, name in self.canonical[pointer]:
                    if (module, name) not in self.by_name:
                        side = "param" if self.is_param_name(name) else "model"
                        self.public_decl(pointer, side)
                        if (module, name) not in self.by_name:
                            pending.append((module, name, pointer, side))
            self._drain()
            for module, name, pointer, side in pending:
                if (module, name) in self.by_name:
                    continue
                primary = self.public_decl(pointer, side)
                if primary is not None and primary.kind == "alias":
                    self._alias(module, name, primary)  # a second name for a union or alias
                else:
                    # Another call's or package's name for the same schema: its own class, as users expect
                    # (`RoleDeleteResponse` of each roles resource), not a second name for the first one.
                    self._declare_public(module, name, pointer, side, primary=False)
            self._drain()
            if len(self.by_name) == before:
                break

    def in_scope_pointer(self, pointer: str) -> bool:
        """Outside the whole-spec scope (a narrowed ``--scope`` run) only what the calls reached is generated."""
        return "*" in self.config.get("scope", []) or pointer in self.visited

    def _describe(self, call: Mapping[str, str]) -> dict[str, Any]:
        """What the engineers writing resource methods need to know about one call (resource_types.json)."""
        operation = self.operation(call)
        info: dict[str, Any] = {
            "call": call["call"],
            "official": call["official"] == "yes",
            "http_method": call["http_method"],
            "path": call["path"],
            "args": call["args"],
            "path_params": re.findall(r"\{(\w+)\}", call["path"]),
            "params": None,
            "body": self.body_content_type(operation) if "**params" in call["args"] else None,
            "multipart": False,
            "returns_as_written": call["returns"],
            "returns": None,
            "result": _result_kind(call["returns"]),
            "page": None,
            "binary": call["returns"] == "HttpxBinaryResponseContent",
            "streams": False,
            "stream_event": None,
        }
        info["multipart"] = info["body"] == "multipart/form-data"
        content = (operation.get("requestBody") or {}).get("content", {})
        if info["body"] is not None:
            body = self.object_shape(content[info["body"]]["schema"], "body")
            info["streams"] = any(name == "stream" for name, _, _ in body.props)
        if "**params" in call["args"]:
            # `stream` may be a query parameter too (GET /responses/{id}?stream=true resumes a stream).
            info["streams"] = info["streams"] or any(q["key"] == "stream" for q in self.query_params(call))
        item = _page_item(call["returns"])
        if item is not None:
            kind = call["returns"].split("[")[0]
            by_fields = self.page_kind(call)
            info["page"] = {"kind": kind, "cursor": PAGE_CURSORS[kind]}
            if by_fields != kind:
                info["page"]["kind_by_fields"] = by_fields
                if call["official"] != "yes":
                    raise GenError([f"{call['call']}: written as {kind}, but its fields make it {by_fields}"])
        for status, response in sorted(operation.get("responses", {}).items()):
            schema = response.get("content", {}).get("text/event-stream", {}).get("schema")
            if status.startswith("2") and schema is not None:
                pointer = self.deref(
                    f"#/paths/{_escape(call['path'])}/{call['http_method'].lower()}/responses/{status}"
                    "/content/text~1event-stream/schema"
                )
                self.visited.add(pointer)
                info["stream_event_pointer"] = pointer
        return info

    def page_kind(self, call: Mapping[str, str]) -> str:
        """The page class a list response's fields call for: ``last_id`` cursor, ``next`` cursor, the last item's
        ``id`` as cursor, or one page only."""
        envelope = self.deref(self.response_pointer({**call, "returns": "Sync"}))
        fields = {name for name, _, _ in self.object_shape(self.schema_at(envelope), envelope).props}
        item = self.call_pointers[call["call"]]
        item_fields: set[str] = set()
        try:
            item_fields = {name for name, _, _ in self.object_shape(self.schema_at(item), item).props}
        except GenError:
            pass  # a union of items: no single `id` to page by
        if {"has_more", "last_id"} <= fields:
            return "SyncConversationCursorPage"
        if "next" in fields:
            return "SyncNextCursorPage"
        if "has_more" in fields and "id" in item_fields:
            return "SyncCursorPage"
        return "SyncPage"

    def _finish_description(self, call_name: str, info: dict[str, Any]) -> None:
        returned = self.returns.get(call_name)
        if returned is not None:
            where = "item" if info["page"] is not None else "returns"
            target = info["page"] if info["page"] is not None else info
            target[where] = self._public_ref(self.by_name[returned])
        pointer = info.pop("stream_event_pointer", None)
        configured = self.config.get("stream_events", {}).get(call_name)
        if configured is not None:
            if pointer is not None:
                raise GenError([f"codegen/type_names.json: {call_name} has a stream event schema in the spec"])
            module, name = configured.split(":")
            if (module, name) not in self.by_name:
                raise GenError([f"codegen/type_names.json: stream event {configured} of {call_name} is not generated"])
            info["stream_event"] = self._public_ref(self.by_name[(module, name)])
        elif pointer is not None:
            decl = self.public.get((pointer, "model")) or self.public.get((pointer, "neutral"))
            if decl is None:
                raise GenError([f"{call_name}: its event stream schema {pointer!r} has no public name"])
            info["stream_event"] = self._public_ref(decl)
        elif info["streams"]:
            raise GenError([f"{call_name} streams, but neither the spec nor type_names.json says what it sends"])

    @staticmethod
    def _public_ref(decl: Decl) -> dict[str, str]:
        """Where a public type is exported and defined, and whether it is a class or an alias (a union)."""
        return {
            "package": ".".join(("openai", "types", *decl.module.package)),
            "module": ".".join(("openai", "types", *decl.module.parts)),
            "name": decl.name,
            "kind": _decl_kind(decl),
        }

    def resource_types(self) -> dict[str, Any]:
        """The content of codegen/resource_types.json."""
        return {
            "generated_by": "codegen/types_gen.py from the OpenAPI spec and sdk-surface.tsv; do not edit",
            "fields": RESOURCE_TYPES_FIELDS,
            "calls": [self.call_info[c["call"]] for c in self.calls if c["call"] in self.call_info],
        }

    def _alias(self, module: str, name: str, target: Decl) -> None:
        builder = self.module_for(module, name)
        alias = Decl(name, builder, "alias", f"Another name for `{target.name}`.", target=Ref(target))
        builder.decls.append(alias)
        self.by_name[(module, name)] = alias
        self._export(builder, name)

    # -- the official module surface ---------------------------------------------------------------------------

    def complete_surface(self) -> None:
        """Make every module and name of the official ``openai.types`` surface exist (sdk-modules.tsv).

        A name the generated module lacks is another name for a type generated elsewhere: one the module's own
        types use (``response_input_param.FunctionCallOutput``, defined with the item union), else the public
        name spelled the same in the closest package (``shared.ChatModel``), request side in ``shared_params``.
        A package name is exported from the official submodule that lists it.
        """
        self.surface_missing: list[str] = []
        for parts, (exported_names, _) in sorted(TEMPLATE_MODULES.items()):
            for name in exported_names:
                self._export_from(parts, name)
        for mod, name, target in self.late_aliases:
            mod.decls.append(Decl(name, mod, "alias", f"Another name for `{target.name}`.", target=Ref(target)))
        packages = {parts[:depth] for parts in self.module_surface for depth in range(len(parts))}
        for parts, names in sorted(self.module_surface.items()):
            if parts in packages or parts in TEMPLATE_MODULES or not names:
                continue  # a package, a module written out in codegen/types_templates.py, an empty package
            builder = self.modules.get(parts)
            fresh = builder is None
            if builder is None:
                builder = self.new_module(parts)
            defined = {d.name for d in builder.decls}
            pending = [name for name in names if name not in defined]
            while pending:
                # An alias may bring in what the next names are found through (`Function` of a kept alias).
                left = []
                for name in pending:
                    target = self._surface_target(builder, name)
                    if target is None:
                        left.append(name)
                        continue
                    if fresh:
                        self.modules[parts] = builder
                        fresh = False
                    builder.names.add(name)
                    if target.module is builder and target.name == name:
                        builder.decls.append(target)  # made up here (a listed union)
                        continue
                    doc = f"Another name for `{target.name}`."
                    builder.decls.append(Decl(name, builder, "alias", doc, target=Ref(target)))
                if len(left) == len(pending):
                    break
                pending = left
            self.surface_missing.extend(".".join(("openai", "types", *parts, name)) for name in pending)
        for parts in sorted(packages):
            exported = self.exports.setdefault(parts, {})
            for name in self.module_surface.get(parts, ()):
                if name in exported:
                    continue
                where = [
                    sub
                    for sub, names in sorted(self.module_surface.items())
                    if sub[:-1] == parts
                    and name in names
                    and sub in self.modules
                    and any(d.name == name for d in self.modules[sub].decls)
                ]
                if where:
                    exported[name] = where[0]
                else:
                    self.surface_missing.append(".".join(("openai", "types", *parts, name)))

    def _export_from(self, parts: tuple[str, ...], name: str) -> None:
        exported = self.exports.setdefault(parts[:-1], {})
        if exported.get(name, parts) != parts:
            raise GenError([f"{'.'.join(('openai', 'types', *parts))}.{name} is exported by another module too"])
        exported[name] = parts

    def has_model(self, parts: tuple[str, ...], name: str) -> bool:
        """Whether the module ``parts`` defines a model class ``name``."""
        mod = self.modules.get(parts)
        return mod is not None and any(d.name == name and d.kind == "model" for d in mod.decls)

    def empty_packages(self) -> list[tuple[str, ...]]:
        """Official packages with nothing in them yet (``beta.chat``): modules of the table with no names."""
        return sorted(parts for parts, names in self.module_surface.items() if parts and not names)

    def _surface_target(self, builder: ModuleBuilder, name: str) -> Decl | None:
        where = ".".join(("openai", "types", *builder.parts)) + ":" + name
        members = self.config.get("surface_unions", {}).get(where)
        if members is not None:
            refs: list[Ty] = []
            for member in members:
                module, member_name = member.split(":")
                if (module, member_name) not in self.by_name:
                    raise GenError([f"codegen/type_names.json: union {where} lists {member}, which is not generated"])
                refs.append(Ref(self.by_name[(module, member_name)]))
            union = Decl(name, builder, "alias", "One of the types listed for it in codegen/type_names.json.")
            union.target = Uni(tuple(refs))
            return union
        kept = self.config.get("kept_aliases", {}).get(".".join(("openai", "types", *builder.parts)) + ":" + name)
        if kept is not None:
            module, target_name = kept.split(":")
            if (module, target_name) not in self.by_name:
                raise GenError([f"codegen/type_names.json: kept alias {name} names {kept}, which is not generated"])
            return self.by_name[(module, target_name)]
        reached = self._reachable(builder.decls)
        local = [d for d in reached if d.name == name and d.module is not builder]
        if local:
            return local[0]
        # A name that continues the name of a type from elsewhere with one of that type's own inner names
        # (`WebSearchToolFilters`: `Filters` of `WebSearchTool`; `OutputOutcome` after `Output = ...`).
        for decl in [*builder.decls, *reached]:
            other = decl.target.decl if decl.kind == "alias" and isinstance(decl.target, Ref) else decl
            if (other is decl and other.module is builder) or not name.startswith(decl.name) or name == decl.name:
                continue
            rest = name[len(decl.name) :]
            inner = [d for d in other.module.decls if d.name in (rest, other.name + rest)]
            if inner and (inner[0].module is builder or builder not in self._reachable_modules(inner[0])):
                return inner[0]
        # The type of a property of what the module aliases, named after the property (`Content`).
        for decl in builder.decls:
            if decl.kind != "alias" or not isinstance(decl.target, Ref):
                continue
            for spec in decl.target.decl.fields:
                ty = spec.ty
                while isinstance(ty, (Opt, Arr)):
                    ty = ty.inner if isinstance(ty, Opt) else ty.item
                if name not in (pascal(spec.wire), self.singular(pascal(spec.wire))):
                    continue
                if isinstance(ty, Ref):
                    return ty.decl
                if isinstance(ty, Uni):  # an inline union: the same union, named here
                    return Decl(
                        name, builder, "alias", f"The type of `{decl.target.decl.name}.{spec.wire}`.", target=ty
                    )
        # Names the modules it uses define beside what it uses (the item union's `ShellCallCaller`).
        seen: list[ModuleBuilder] = []
        for decl in reached:
            if decl.module is not builder and decl.module not in seen:
                seen.append(decl.module)
                beside = [d for d in decl.module.decls if d.name == name]
                if beside and builder not in self._reachable_modules(beside[0]):
                    return beside[0]
        package = builder.package
        # A request module means the request side (`chat_completion_tool_param.FunctionDefinition`).
        request = (package and package[-1] == "shared_params") or builder.parts[-1].endswith(("_param", "_params"))
        wanted = [name + "Param", name] if request else [name]
        if package and package[-1] in SHARED_PACKAGES:
            package = package[:-1]
        for spelled in wanted:
            found = sorted(((m, n) for m, n in self.by_name if n == spelled), key=lambda e: (e[0].count("."), e))
            ancestors = [".".join(("openai", "types", *package[:depth])) for depth in range(len(package), -1, -1)]
            for module in ancestors:
                for m, n in found:
                    if m == module and builder not in self._reachable_modules(self.by_name[(m, n)]):
                        return self.by_name[(m, n)]
            if len(found) == 1 and builder not in self._reachable_modules(self.by_name[found[0]]):
                return self.by_name[found[0]]
        return None

    @staticmethod
    def _reachable(decls: Sequence[Decl]) -> list[Decl]:
        """Every declaration the given ones use, directly or through others, in a stable order."""
        seen: dict[int, Decl] = {}
        stack: list[Decl] = list(reversed(decls))
        order: list[Decl] = []
        while stack:
            decl = stack.pop()
            if id(decl) in seen:
                continue
            seen[id(decl)] = decl
            order.append(decl)
            tys: list[Ty] = [f.ty for f in decl.fields]
            if decl.target is not None:
                tys.append(decl.target)
            if decl.base is not None:
                tys.append(Ref(decl.base))
            while tys:
                ty = tys.pop()
                if isinstance(ty, Ref):
                    stack.append(ty.decl)
                elif isinstance(ty, Arr):
                    tys.append(ty.item)
                elif isinstance(ty, Opt):
                    tys.append(ty.inner)
                elif isinstance(ty, Map):
                    tys.append(ty.value)
                elif isinstance(ty, Uni):
                    tys.extend(reversed(ty.members))
        return order

    def _reachable_modules(self, decl: Decl) -> list[ModuleBuilder]:
        """The modules a declaration's module imports, directly or not (an alias to one of them would be a
        cycle); computed once per module, as the render step checks for cycles anyway."""
        cache: dict[int, list[ModuleBuilder]] = self.__dict__.setdefault("_module_reach", {})
        if id(decl.module) not in cache:
            modules: list[ModuleBuilder] = []
            for reached in self._reachable(decl.module.decls):
                if reached.module not in modules:
                    modules.append(reached.module)
            cache[id(decl.module)] = modules
        return cache[id(decl.module)]

    def unreached(self) -> list[str]:
        """Component schemas no generated type stands for."""
        component = {name for name in self.schemas if not name.startswith(SYNTHETIC_PREFIX)}
        return sorted(component - {p.split("/")[0] for p in self.visited})

    def report(self) -> list[str]:
        """What the generator covers of the spec and the name lists, for ``--report``."""
        component = {name for name in self.schemas if not name.startswith(SYNTHETIC_PREFIX)}
        reached = component - set(self.unreached())
        lines = [
            f"component schemas reached: {len(reached)} of {len(component)}",
            f"public names with a schema: {sum(len(v) for v in self.canonical.values())}, "
            f"generated: {len(self.by_name)}",
            f"calls described: {len(self.call_info)} ({sum(1 for c in self.calls if c['official'] == 'no')} "
            f"not in the surface table), with params: {sum(1 for i in self.call_info.values() if i['params'])}",
            f"public names with no schema mapping ({len(self.unmapped)}):",
        ]
        lines.extend(f"  {name}" for name in self.unmapped)
        lines.append(f"public schemas whose other side is generated inline ({len(self.inline_twins)}):")
        lines.extend(f"  {twin}" for twin in sorted(self.inline_twins))
        lines.append(f"unions the spec tags but pydantic cannot ({len(self.untagged)}):")
        lines.extend(f"  {name}" for name in sorted(set(self.untagged)))
        lines.append(f"component schemas not reached ({len(component - reached)}):")
        lines.extend(f"  {name}" for name in sorted(component - reached))
        return lines

    def _drain(self) -> None:
        while self.queue:
            self.build_public(self.queue.pop(0))


# --------------------------------------------------------------------------------------------------------------
# Rendering


def _common_words(names: Sequence[str]) -> str:
    """The CamelCase words every name begins with (``WebSearchAction`` of ``WebSearchActionFind``, ...)."""
    split = [re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+", name) for name in names]
    common: list[str] = []
    for words in zip(*split):
        if len(set(words)) != 1:
            break
        common.append(words[0])
    return "".join(common)


def _optional(ty: Ty) -> Ty:
    return ty if isinstance(ty, Opt) or ty == Prim("None") else Opt(ty)


def _union(members: Sequence[Ty], discriminator: str | None = None) -> Ty:
    flat: list[Ty] = []
    nullable = False
    for member in members:
        if isinstance(member, Opt):
            nullable, member = True, member.inner
        if member == Prim("None"):
            nullable = True
        elif isinstance(member, Uni) and member.discriminator is None:
            flat.extend(member.members)
        else:
            flat.append(member)
    unique: list[Ty] = []
    for member in flat:
        if not any(_same(member, seen) for seen in unique):
            unique.append(member)
    if discriminator is None:
        literals = [v for m in unique if isinstance(m, Lit) for v in m.values]
        if len(literals) > 1 or sum(isinstance(m, Lit) for m in unique) > 1:
            first = next(i for i, m in enumerate(unique) if isinstance(m, Lit))
            rest = [m for m in unique if not isinstance(m, Lit)]
            unique = [*rest[:first], Lit(tuple(dict.fromkeys(literals))), *rest[first:]]
    ty: Ty = unique[0] if len(unique) == 1 else Uni(tuple(unique), discriminator)
    return Opt(ty) if nullable else ty


def _leaves(members: Sequence[Ty]) -> list[Ty]:
    """A tagged union's members with every nested union alias spelled out: pydantic tags either form the same way,
    but the lenient builder of src/_models.py only recognises classes listed in the union itself."""
    out: list[Ty] = []
    for member in members:
        target = member.decl.target if isinstance(member, Ref) and member.decl.kind == "alias" else None
        if isinstance(target, Uni):
            out.extend(m for m in _leaves(target.members) if not any(_same(m, seen) for seen in out))
        elif not any(_same(member, seen) for seen in out):
            out.append(member)
    return out


def _same(a: Ty, b: Ty) -> bool:
    if isinstance(a, Ref) and isinstance(b, Ref):
        return a.decl is b.decl
    return a == b


def contains_class(ty: Ty) -> bool:
    if isinstance(ty, Ref):
        return ty.decl.kind != "alias" or (ty.decl.target is not None and contains_class(ty.decl.target))
    if isinstance(ty, (Arr, Opt)):
        return contains_class(ty.item if isinstance(ty, Arr) else ty.inner)
    if isinstance(ty, Map):
        return contains_class(ty.value)
    if isinstance(ty, Uni):
        return any(contains_class(m) for m in ty.members)
    return False


def safe_attr(wire: str, kind: str) -> str:
    attr = re.sub(r"\W", "_", wire)
    if not attr or attr[0].isdigit():
        attr = "n_" + attr
    if attr.startswith("_"):
        attr = "field" + attr
    if keyword.iskeyword(attr) or (kind == "model" and attr in RESERVED_MODEL_ATTRS):
        attr += "_"
    return attr


class Renderer:
    def __init__(self, mod: ModuleBuilder) -> None:
        self.mod = mod
        self.typing: set[str] = set()
        self.typing_ext: set[str] = set()
        self.imports: dict[tuple[str, ...], set[str]] = {}  # module parts -> "Name" or "Name as Local"
        self.import_names: dict[int, str] = {}  # id(decl) -> local name
        self.core: dict[str, set[str]] = {}  # _models/_types -> names
        self.uses_pydantic = False
        self.uses_builtins = False
        self.defined: set[str] = set()
        self.shadowed: set[str] = set()

    def relative(self, target: tuple[str, ...]) -> str:
        """Relative module path from this module's package to ``target`` (parts under src/types, or a core
        module under src when ``target`` starts with an empty string)."""
        here = ("types", *self.mod.package)
        there = target[1:] if target and target[0] == "" else ("types", *target)
        common = 0
        while common < min(len(here), len(there)) and here[common] == there[common]:
            common += 1
        return "." * (len(here) - common + 1) + ".".join(there[common:])

    def name(self, name: str) -> str:
        if name in self.shadowed:
            raise GenError([f"{'/'.join(self.mod.parts)}.py: a field shadows {name!r}, used in a later annotation"])
        return name

    def ty(self, ty: Ty) -> str:
        if isinstance(ty, Prim):
            if ty.name == "None":
                return "None"
            if ty.name == "FileTypes":
                self.core.setdefault("_types", set()).add("FileTypes")
                return self.name("FileTypes")
            if ty.name in self.shadowed:
                self.uses_builtins = True
                return f"builtins.{ty.name}"
            return ty.name
        if isinstance(ty, Lit):
            self.typing_ext.add("Literal")
            return f"{self.name('Literal')}[{', '.join(_literal(v) for v in ty.values)}]"
        if isinstance(ty, Arr):
            container = "List" if ty.side == "model" else ("Iterable" if contains_class(ty.item) else "Sequence")
            self.typing.add(container)
            return f"{self.name(container)}[{self.ty(ty.item)}]"
        if isinstance(ty, Map):
            self.typing.add("Dict")
            return f"{self.name('Dict')}[{self.ty(Prim('str'))}, {self.ty(ty.value)}]"
        if isinstance(ty, Opt) and isinstance(ty.inner, Uni) and ty.inner.discriminator:
            # None inside the tagged union, not Optional around it: pydantic accepts both, and the lenient builder
            # of src/_models.py unwraps one Annotated, not an Annotated inside a Union.
            return self.ty(Uni((*ty.inner.members, Prim("None")), ty.inner.discriminator))
        if isinstance(ty, Opt):
            self.typing.add("Optional")
            return f"{self.name('Optional')}[{self.ty(ty.inner)}]"
        if isinstance(ty, Uni):
            self.typing.add("Union")
            members = _leaves(ty.members) if ty.discriminator else list(ty.members)
            inner = f"{self.name('Union')}[{', '.join(self.ty(m) for m in members)}]"
            if ty.discriminator is None:
                return inner
            self.typing_ext.add("Annotated")
            self.uses_pydantic = True
            return (
                f"{self.name('Annotated')}[{inner}, {self.name('pydantic')}.Field(discriminator={ty.discriminator!r})]"
            )
        decl = ty.decl
        if decl.module is not self.mod:
            return self.name(self.imported(decl))
        if decl.name not in self.defined:
            return f'"{decl.name}"'  # recursive schema: defined further down
        return self.name(decl.name)

    def imported(self, decl: Decl) -> str:
        """The local name of a declaration from another module, renamed if this module has that name already."""
        local = self.import_names.get(id(decl))
        if local is None:
            taken = {d.name for d in self.mod.decls} | set(self.import_names.values())
            local, n = decl.name, 1
            while local in taken:
                n += 1
                local = f"{decl.name}{n}"
            self.import_names[id(decl)] = local
            self.imports.setdefault(decl.module.parts, set()).add(
                decl.name if local == decl.name else f"{decl.name} as {local}"
            )
        return local

    def render(self) -> str:
        blocks = []
        for decl in self.mod.decls:
            blocks.append(self.decl(decl))
            self.defined.add(decl.name)
        names = sorted(d.name for d in self.mod.decls if not d.name.startswith("_"))
        for name, source in sorted(MODULE_IMPORTS.get(self.mod.parts, {}).items()):
            if name in names or name in self.import_names.values():
                raise GenError([f"codegen/types_templates.py MODULE_IMPORTS: {'/'.join(self.mod.parts)}.py has {name}"])
            self.imports.setdefault(source, set()).add(f"{name} as {name}")  # the `as` marks a re-export
        lines = [HEADER, ""]
        lines.extend(self.import_lines())
        lines.append("")
        lines.append(f"__all__ = [{', '.join(json.dumps(n) for n in names)}]")
        lines.append("")
        for block in blocks:
            lines.extend(["", block, ""])
        return "\n".join(lines)

    def import_lines(self) -> list[str]:
        lines = []
        if self.uses_builtins:
            lines.append("import builtins")
        if self.typing:
            lines.append(f"from typing import {', '.join(sorted(self.typing))}")
        if self.uses_pydantic:
            lines.append("import pydantic")
        if self.typing_ext:
            lines.append(f"from typing_extensions import {', '.join(sorted(self.typing_ext))}")
        for core, names in sorted(self.core.items()):
            lines.append(f"from {self.relative(('', core))} import {', '.join(sorted(names))}")
        for parts, names in sorted(self.imports.items()):
            lines.append(f"from {self.relative(parts)} import {', '.join(sorted(names))}")
        return lines

    def decl(self, decl: Decl) -> str:
        self.shadowed = set()
        if decl.kind == "alias":
            assert decl.target is not None
            self.typing_ext.add("TypeAlias")
            return f"# {decl.doc}\n{decl.name}: TypeAlias = {self.ty(decl.target)}"
        if decl.kind == "model":
            return self.model(decl)
        return self.typeddict(decl)

    def model(self, decl: Decl) -> str:
        if decl.base is not None:
            base = self.ty(Ref(decl.base))
        else:
            self.core.setdefault("_models", set()).add("BaseModel")
            base = "BaseModel"
        lines = [f"class {decl.name}({base}):", f'    """{decl.doc}"""', ""]
        taken: set[str] = set()
        for spec in decl.fields:
            attr = safe_attr(spec.wire, "model")
            while attr in taken:
                attr += "_"
            taken.add(attr)
            annotation = self.ty(spec.ty)
            optional = not spec.required or isinstance(spec.ty, Opt)
            if not spec.required and not isinstance(spec.ty, Opt):
                annotation = self.ty(Opt(spec.ty))
            if attr != spec.wire:
                self.uses_pydantic = True
                default = "default=None, " if optional else ""
                lines.append(f"    {attr}: {annotation} = pydantic.Field({default}alias={spec.wire!r})")
            else:
                lines.append(f"    {attr}: {annotation}" + (" = None" if optional else ""))
            # Inside a class body a field name hides the global of that name from later annotations (for mypy
            # always, at runtime once the field has a default): `object`, `bytes` and `type` are real fields.
            self.shadowed.add(attr)
        members = CLASS_MEMBERS.get((self.mod.parts, decl.name))
        if members is not None:
            lines.append("")
            lines.extend(f"    {line}" if line else "" for line in members.strip("\n").splitlines())
        return "\n".join(lines).rstrip()

    def typeddict(self, decl: Decl) -> str:
        self.typing_ext.add("TypedDict")
        entries = []
        for spec in decl.fields:
            annotation = self.ty(spec.ty)
            if spec.required:
                self.typing_ext.add("Required")
                annotation = f"{self.name('Required')}[{annotation}]"
            entries.append((spec.wire, annotation))
            self.shadowed.add(spec.wire)
        base = self.ty(Ref(decl.base)) if decl.base is not None else "TypedDict"
        if all(w.isidentifier() and not keyword.iskeyword(w) for w, _ in entries):
            lines = [f"class {decl.name}({base}, total=False):", f'    """{decl.doc}"""', ""]
            lines.extend(f"    {wire}: {annotation}" for wire, annotation in entries)
            return "\n".join(lines).rstrip()
        if decl.base is not None:
            raise GenError([f"{decl.name}: keys that are not identifiers cannot extend {base}"])
        # Keys that are not identifiers need the call syntax; the wire name must stay the key.
        body = ", ".join(f"{wire!r}: {annotation}" for wire, annotation in entries)
        return f"# {decl.doc}\n{decl.name} = TypedDict({decl.name!r}, {{{body}}}, total=False)"


def _literal(value: Union[str, int, bool]) -> str:
    return json.dumps(value) if isinstance(value, str) else repr(value)


# A package's __init__.py is the same few lines whatever the package holds: importing it costs the same for three
# names or three hundred. Its names live in _exports.py, read on the first attribute lookup; type checkers read
# __init__.pyi, which imports every name explicitly.
PACKAGE_TEMPLATE = """{header}
\"\"\"Public types of ``{dotted}``, each imported on first use (see ``__init__.pyi`` for the list).\"\"\"

from importlib import import_module
from importlib import util as _util


def __getattr__(name: str) -> object:
    exports = import_module(f"{{__name__}}._exports")
    if name == "__all__":
        return list(exports.ALL)
    if name in exports.SUBPACKAGES:
        return import_module(f"{{__name__}}.{{name}}")
    submodule = exports.SUBMODULES.get(name)
    if submodule is None:
        # A submodule is an attribute, as with the official eager packages (`responses.response_output_text`).
        if not name.startswith("__") and _util.find_spec(f"{{__name__}}.{{name}}") is not None:
            return import_module(f"{{__name__}}.{{name}}")
        raise AttributeError(f"module {{__name__!r}} has no attribute {{name!r}}")
    value = getattr(import_module(f"{{__name__}}.{{submodule}}"), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    exports = import_module(f"{{__name__}}._exports")
    return sorted({{*globals(), *exports.ALL, *exports.SUBPACKAGES}})
"""

EXPORTS_TEMPLATE = """{header}
\"\"\"The public names of ``{dotted}`` and the submodules defining them, read on first use.\"\"\"

ALL: tuple[str, ...] = ({all})
SUBMODULES: dict[str, str] = {{{submodules}}}
SUBPACKAGES: frozenset[str] = frozenset({subpackages})
"""

STUB_TEMPLATE = """{header}
\"\"\"Public types of ``{dotted}``, for type checkers: the runtime package imports each on first use.\"\"\"

{imports}
__all__ = [{all}]
"""


def render_package(
    package: tuple[str, ...], exports: Mapping[str, tuple[str, ...]], subpackages: Sequence[str]
) -> dict[str, str]:
    """The three files of a package: its constant ``__init__.py``, its ``_exports.py`` and its ``__init__.pyi``."""
    names = sorted(exports)
    imports = [f"from . import {sub} as {sub}" for sub in subpackages]
    imports += [f"from .{exports[name][-1]} import {name} as {name}" for name in names]
    fields = {
        "header": HEADER,
        "dotted": ".".join(("openai", "types", *package)),
        "all": "".join(f"{json.dumps(n)}, " for n in names),
        "submodules": ", ".join(f"{n!r}: {exports[n][-1]!r}" for n in names),
        "subpackages": "{" + ", ".join(repr(sub) for sub in subpackages) + "}" if subpackages else "",
        "imports": "\n".join(imports) + "\n" if imports else "",
    }
    base = OUTPUT.joinpath(*package)
    return {
        str(base / "__init__.py"): PACKAGE_TEMPLATE.format(**fields),
        str(base / "_exports.py"): EXPORTS_TEMPLATE.format(**fields),
        str(base / "__init__.pyi"): STUB_TEMPLATE.format(**fields),
    }


# --------------------------------------------------------------------------------------------------------------
# Driver


def _read_tsv(path: Path) -> list[dict[str, str]]:
    rows = path.read_text(encoding="utf-8").splitlines()
    header = rows[0].split("\t")
    return [dict(zip(header, row.split("\t"))) for row in rows[1:] if row.strip()]


def add_to_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with the properties of codegen/spec_additions.json added (the official types have them)."""
    additions = json.loads(ADDITIONS_FILE.read_text(encoding="utf-8"))
    schemas = spec["components"]["schemas"]
    for pointer, props in sorted(additions["properties"].items()):
        name, *path = pointer.split("/")
        node = schemas.get(name)
        for part in path:
            node = node.get(part) if isinstance(node, dict) else None
        if not isinstance(node, dict):
            raise GenError([f"codegen/spec_additions.json: no schema at {pointer!r}"])
        existing = node.setdefault("properties", {})
        already = sorted(set(props) & set(existing))
        if already:
            raise GenError([f"codegen/spec_additions.json: {pointer} already has {already} in the spec; remove them"])
        existing.update(props)
    return spec


def read_module_surface(path: Path) -> dict[tuple[str, ...], list[str]]:
    """The official SDK's ``openai.types`` modules and their names, by module parts under ``src/types``."""
    surface: dict[tuple[str, ...], list[str]] = {}
    for row in _read_tsv(path):
        module = row["module"]
        if module == "openai.types" or module.startswith("openai.types."):
            names = surface.setdefault(tuple(module.split(".")[2:]), [])
            if row.get("name"):
                names.append(row["name"])
    return surface


def _ruff_binary() -> str:
    found = find_ruff()
    if found is None:
        raise GenError(["codegen/types_gen.py: ruff not found; install the dev extra"])
    return found


def _format(files: dict[str, str], root: Path) -> dict[str, str]:
    """Sort imports and format every file with ruff, in one process per step for the whole tree."""
    config = root / "pyproject.toml"
    with tempfile.TemporaryDirectory(prefix="types_gen_") as tmp:
        base = Path(tmp)
        for rel, text in files.items():
            path = base / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        ruff = _ruff_binary()
        extra = ["--config", str(config)] if config.exists() else ["--line-length", "120"]
        for args in (["check", "--fix", "--exit-zero", "--quiet", "--select", "I"], ["format", "--quiet"]):
            done = subprocess.run(
                [ruff, *args, "--no-cache", *extra, str(base)], capture_output=True, text=True, check=False
            )
            if done.returncode != 0:
                raise GenError([f"ruff {args[0]} failed: {done.stderr.strip() or done.stdout.strip()}"])
        return {rel: (base / rel).read_text(encoding="utf-8") for rel in files}


def generate(spec_dir: Path = DEFAULT_SPEC_DIR, root: Path = ROOT, scope: Sequence[str] | None = None) -> Generated:
    """Build every file of ``src/types`` in memory, formatted, keyed by path relative to ``root``.

    ``scope`` replaces the call prefixes of ``codegen/type_names.json`` (to try a wider scope).
    """
    spec = add_to_spec(json.loads((spec_dir / "openapi.json").read_text(encoding="utf-8")))
    type_names = [(r["module"], r["name"]) for r in _read_tsv(spec_dir / "sdk-type-names.tsv")]
    surface = _read_tsv(spec_dir / "sdk-surface.tsv")
    config = json.loads(NAMES_FILE.read_text(encoding="utf-8"))
    if scope is not None:
        config["scope"] = list(scope)
    gen = TypesGenerator(spec, type_names, surface, config, read_module_surface(spec_dir / MODULES_FILE))
    gen.run()
    gen.complete_surface()
    missing = [f"{'/'.join(parts)}.py {name}" for parts, name in CLASS_MEMBERS if not gen.has_model(parts, name)]
    missing += [f"{'/'.join(parts)}.py" for parts in MODULE_IMPORTS if parts not in gen.modules]
    missing += [f"params of {call}" for call in LITERAL_VARIANTS if call not in gen.variants_made]
    if missing:
        raise GenError([f"codegen/types_templates.py: no generated {m}" for m in missing])
    files = _format(render_files(gen), root)
    files[RESOURCE_TYPES] = json.dumps(gen.resource_types(), indent=2) + "\n"
    public = sum(len(names) for names in gen.exports.values())
    exports = {".".join(("openai", "types", *package)): sorted(names) for package, names in sorted(gen.exports.items())}
    return Generated(files, public, len(gen.modules), gen.report(), exports, gen.unreached(), list(gen.unmapped))


# The parse helpers return types the spec does not describe (a completion or response whose content
# is parsed into the caller's own class). They are written once beside the helpers, in the modules
# named here, and re-exported from the modules users import them from.
HELPER_TYPE_MODULES: dict[tuple[str, ...], tuple[str, tuple[str, ...]]] = {
    ("chat", "parsed_chat_completion"): (
        "_parsed_chat_types",
        ("ContentType", "ParsedChatCompletion", "ParsedChatCompletionMessage", "ParsedChoice"),
    ),
    ("chat", "parsed_function_tool_call"): ("_parsed_chat_types", ("ParsedFunction", "ParsedFunctionToolCall")),
    ("responses", "parsed_response"): (
        "_parsed_response_types",
        (
            "ContentType",
            "ParsedContent",
            "ParsedResponse",
            "ParsedResponseFunctionToolCall",
            "ParsedResponseOutputItem",
            "ParsedResponseOutputMessage",
            "ParsedResponseOutputText",
        ),
    ),
}

HELPER_MODULE_ONLY = frozenset({"ContentType"})

HELPER_MODULE_TEMPLATE = """{header}
\"\"\"Types the parse helpers return, defined in ``openai.{source}``.\"\"\"

from {dots}{source} import {imports}

__all__ = [{all}]
"""


def render_helper_modules(gen: TypesGenerator) -> dict[str, str]:
    """The re-export modules of :data:`HELPER_TYPE_MODULES`, their names added to their packages' exports."""
    files: dict[str, str] = {}
    for parts, (source, names) in sorted(HELPER_TYPE_MODULES.items()):
        exported = gen.exports.setdefault(parts[:-1], {})
        clashes = sorted(name for name in names if name in exported and exported[name] != parts)
        if clashes:
            raise GenError([f"{'/'.join(parts)}: helper types also generated from the spec: {', '.join(clashes)}"])
        # The type variable the generic models take is importable from the module, as officially, not exported.
        exported.update((name, parts) for name in names if name not in HELPER_MODULE_ONLY)
        files[str(OUTPUT.joinpath(*parts)) + ".py"] = HELPER_MODULE_TEMPLATE.format(
            header=HEADER,
            source=source,
            dots="." * (len(parts) + 1),  # from openai/types/<package>/<module>.py up to openai/
            imports=", ".join(f"{name} as {name}" for name in names),
            all="".join(f"{json.dumps(name)}, " for name in names),
        )
    return files


def render_files(gen: TypesGenerator) -> dict[str, str]:
    """Every module and package ``__init__.py`` of a generator that has run, before formatting."""
    files: dict[str, str] = render_helper_modules(gen)
    for parts, (_, text) in sorted(TEMPLATE_MODULES.items()):
        files[str(OUTPUT.joinpath(*parts)) + ".py"] = HEADER + "\n" + text
    imports: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for parts, mod in sorted(gen.modules.items()):
        renderer = Renderer(mod)
        files[str(OUTPUT.joinpath(*parts)) + ".py"] = renderer.render()
        imports[parts] = set(renderer.imports)
    _check_no_import_cycle(imports)
    packages: set[tuple[str, ...]] = {()}
    for parts in [*gen.modules, *TEMPLATE_MODULES]:
        packages.update(parts[:depth] for depth in range(len(parts)))
    for parts in gen.empty_packages():
        packages.update(parts[:depth] for depth in range(len(parts) + 1))
    for package in sorted(packages):
        subpackages = sorted(p[-1] for p in packages if p[:-1] == package and p)
        files.update(render_package(package, gen.exports.get(package, {}), subpackages))
    return files


def _check_no_import_cycle(imports: Mapping[tuple[str, ...], set[tuple[str, ...]]]) -> None:
    """Models are built from real classes at import time, so two modules importing each other cannot work."""
    done: set[tuple[str, ...]] = set()
    for start in sorted(imports):
        stack: list[tuple[tuple[str, ...], list[tuple[str, ...]]]] = [(start, [start])]
        while stack:
            node, trail = stack.pop()
            for nxt in sorted(imports.get(node, ())):
                if nxt == start:
                    cycle = " -> ".join("/".join(p) for p in [*trail, nxt])
                    raise GenError([f"import cycle between generated modules: {cycle}"])
                if nxt not in done and nxt not in trail:
                    stack.append((nxt, [*trail, nxt]))
        done.add(start)


def _existing(root: Path) -> set[str]:
    base = root / OUTPUT
    if not base.exists():
        return set()
    found = [*base.rglob("*.py"), *base.rglob("*.pyi")]
    return {str(p.relative_to(root)) for p in found if "__pycache__" not in p.parts}


def check(generated: Generated, root: Path = ROOT) -> list[str]:
    """Problems with the files on disk: each differing, missing or stray file, by path."""
    problems = []
    for rel, text in sorted(generated.files.items()):
        path = root / rel
        if not path.exists():
            problems.append(f"{rel}: missing")
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"{rel}: differs from what codegen/types_gen.py generates")
    for rel in sorted(_existing(root) - set(generated.files)):
        problems.append(f"{rel}: stray file (not generated)")
    return problems


def write(generated: Generated, root: Path = ROOT) -> list[str]:
    """Write the generated tree, removing stale files; returns the paths that changed."""
    changed = []
    for rel in sorted(_existing(root) - set(generated.files)):
        (root / rel).unlink()
        changed.append(rel)
    for rel, text in sorted(generated.files.items()):
        path = root / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(rel)
    for directory in sorted((root / OUTPUT).rglob("*"), reverse=True):
        if directory.is_dir() and not any(p for p in directory.iterdir() if p.name != "__pycache__"):
            shutil.rmtree(directory)
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen.types_gen", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with src/types instead of writing")
    parser.add_argument(
        "--spec-dir",
        type=Path,
        default=Path(os.environ.get("OPENAI_SPEC_DIR", DEFAULT_SPEC_DIR)),
        help="directory holding openapi.json, sdk-type-names.tsv and sdk-surface.tsv",
    )
    parser.add_argument("--report", action="store_true", help="also print what the scope leaves out of the spec")
    parser.add_argument("--scope", help="comma-separated call prefixes replacing the configured scope ('*': all)")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root to write to or check")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        scope = args.scope.split(",") if args.scope else None
        generated = generate(args.spec_dir, args.root, scope)
    except GenError as exc:
        for line in exc.args[0]:
            print(f"types_gen: {line}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    if args.report:
        print("\n".join(generated.report))
    summary = f"{generated.modules} type modules, {generated.public_names} public names, {elapsed:.2f}s"
    if args.check:
        problems = check(generated, args.root)
        for problem in problems:
            print(f"types_gen: {problem}", file=sys.stderr)
        if problems:
            print(f"types_gen: src/types is out of date ({len(problems)} files); run `make codegen`", file=sys.stderr)
            return 1
        print(f"types_gen: src/types is up to date ({summary})")
        return 0
    changed = write(generated, args.root)
    print(f"types_gen: wrote {len(changed)} changed files ({summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The calls the conformance suite makes: which ones, with which arguments, expecting which types.

The table comes from ``codegen/resource_types.json`` (written by the types generator: every
call's operation, params TypedDict, return type, page kind and stream event type). Without it,
``spec/sdk-surface.tsv`` and the spec give a coarser table: return types are found
by name, stream events are only checked to be models. Argument values always come from the
spec's own schemas (see ``_values.py``), so the mock server, which validates against the same
spec, is the judge of whether the client sent them right.
"""

from __future__ import annotations

import csv
import importlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

from ._values import SchemaValues

__all__ = ["ROOT", "SPEC_PATH", "Arguments", "Call", "TypeRef", "Variant", "load_calls", "load_spec"]

ROOT = Path(__file__).resolve().parents[2]
# The spec is kept in the repository (spec/SOURCE.md); CONFORMANCE_SPEC points elsewhere when needed.
SPEC_PATH = Path(os.environ.get("CONFORMANCE_SPEC", ROOT / "spec" / "openapi.json"))
SURFACE_PATH = SPEC_PATH.with_name("sdk-surface.tsv")
TABLE_PATH = ROOT / "codegen" / "resource_types.json"

_spec_cache: Dict[Path, Dict[str, Any]] = {}


def load_spec() -> Dict[str, Any]:
    """The OpenAPI spec, parsed once per process, with the properties the official types add to it (the ones
    the generated params have: codegen/spec_additions.json)."""
    if SPEC_PATH not in _spec_cache:
        from codegen.types_gen import add_to_spec

        _spec_cache[SPEC_PATH] = add_to_spec(json.loads(SPEC_PATH.read_text(encoding="utf-8")))
    return _spec_cache[SPEC_PATH]


@dataclass(frozen=True)
class TypeRef:
    """A type by module and name, imported only when a test needs it."""

    module: str
    name: str

    def load(self) -> Any:
        """Import the type; an AttributeError or ImportError here is a finding about the types."""
        return getattr(importlib.import_module(self.module), self.name)


@dataclass(frozen=True)
class Variant:
    """One way of calling: ``minimal`` (required arguments), ``all`` (every argument), ``stream``."""

    name: str
    full: bool
    stream: Optional[bool]


MINIMAL = Variant("minimal", full=False, stream=None)
ALL = Variant("all", full=True, stream=False)
STREAM = Variant("stream", full=True, stream=True)


@dataclass(frozen=True)
class Arguments:
    """What a variant passes: positional path arguments, then keyword arguments."""

    positional: Tuple[Any, ...]
    keywords: Dict[str, Any]


@dataclass(frozen=True)
class Call:
    """One resource call of the public surface and the operation it sends."""

    call: str
    http_method: str
    path: str
    official: bool
    positional_path: Tuple[str, ...]
    keyword_path: Tuple[str, ...]
    query: Mapping[str, str]
    has_params: bool
    multipart: bool
    result: str
    returns: Optional[TypeRef]
    page_kind: Optional[str]
    page_item: Optional[TypeRef]
    streams: bool
    stream_event: Optional[TypeRef]
    variants: Tuple[Variant, ...] = field(default=())
    not_exercised: Tuple[str, ...] = field(default=())

    @property
    def attribute_path(self) -> List[str]:
        """The attributes from the client to the method: ``chat``, ``completions``, ``create``."""
        return self.call.split(".")[1:]

    def operation(self) -> Mapping[str, Any]:
        """The spec's operation object for this call."""
        return load_spec()["paths"][self.path][self.http_method.lower()]

    def arguments(self, variant: Variant) -> Arguments:
        """Valid arguments for ``variant``, generated from the operation's schemas."""
        values = SchemaValues(load_spec())
        op = self.operation()
        wire_to_key = {wire: key for key, wire in self.query.items()}
        path_values: Dict[str, Any] = {}
        keywords: Dict[str, Any] = {}
        for param in op.get("parameters", []):
            param = values.resolve(param) if "$ref" in param else param
            where, name, schema = param.get("in"), param["name"], param.get("schema", {"type": "string"})
            if where == "path":
                path_values[name] = values.value(schema, full=False)
            elif where == "query" and self.has_params and (variant.full or param.get("required")):
                if name == "stream" or wire_to_key.get(name) == "stream":
                    continue
                keywords[wire_to_key.get(name, name)] = values.value(schema, full=variant.full)
        body = op.get("requestBody")
        if body is not None and self.has_params:
            media = body.get("content", {})
            content_type = "multipart/form-data" if "multipart/form-data" in media else next(iter(media), None)
            if content_type is not None and "schema" in media[content_type]:
                props, required = values.properties(media[content_type]["schema"])
                multipart = content_type == "multipart/form-data"
                for name, prop in props.items():
                    if name == "stream" or not (variant.full or name in required):
                        continue
                    keywords[name] = values.value(prop, full=variant.full, multipart=multipart)
        if self.streams and variant.stream is not None:
            keywords["stream"] = variant.stream
        positional = tuple(path_values[name] for name in self.positional_path)
        keywords.update({name: path_values[name] for name in self.keyword_path})
        return Arguments(positional=positional, keywords=keywords)


def _type_ref(entry: Optional[Mapping[str, Any]]) -> Optional[TypeRef]:
    if not entry:
        return None
    return TypeRef(module=entry["module"], name=entry["name"])


def _split_args(args: str) -> Tuple[Tuple[str, ...], Tuple[str, ...]]:
    """``role_id, *, group_id, **params`` -> positional ``(role_id,)``, keyword ``(group_id,)``."""
    positional: List[str] = []
    keyword: List[str] = []
    target = positional
    for part in (p.strip() for p in args.split(",")):
        if not part or part.startswith("**"):
            continue
        if part == "*":
            target = keyword
            continue
        target.append(part)
    return tuple(positional), tuple(keyword)


def _event_stream_declared(op: Mapping[str, Any]) -> bool:
    for status, response in op.get("responses", {}).items():
        if str(status).startswith("2") and "text/event-stream" in response.get("content", {}):
            return True
    return False


def _with_variants(call: Call) -> Call:
    variants: List[Variant] = [MINIMAL]
    not_exercised: List[str] = []
    op = call.operation()
    optional = [p for p in op.get("parameters", []) if p.get("in") == "query" and not p.get("required")]
    if call.has_params and (optional or op.get("requestBody") is not None):
        variants.append(ALL)
    if call.streams:
        if _event_stream_declared(op):
            variants.append(STREAM)
        else:
            # The mock server answers with what the spec declares; without an event-stream
            # response it has nothing to stream, so only the request side could be checked.
            not_exercised.append("stream: the spec declares no text/event-stream response for this operation")
    return Call(**{**call.__dict__, "variants": tuple(variants), "not_exercised": tuple(not_exercised)})


def _from_table(table: Mapping[str, Any]) -> List[Call]:
    calls: List[Call] = []
    for entry in table["calls"]:
        positional, keyword = _split_args(entry["args"])
        params = entry.get("params") or {}
        page = entry.get("page") or {}
        calls.append(
            Call(
                call=entry["call"],
                http_method=entry["http_method"],
                path=entry["path"],
                official=bool(entry.get("official", True)),
                positional_path=positional,
                keyword_path=keyword,
                query=dict(params.get("query") or {}),
                has_params=bool(params),
                multipart=bool(entry.get("multipart")),
                result=entry["result"],
                returns=_type_ref(entry.get("returns")),
                page_kind=page.get("kind"),
                page_item=_type_ref(page.get("item")),
                streams=bool(entry.get("streams")),
                stream_event=_type_ref(entry.get("stream_event")),
            )
        )
    return calls


_PAGE_RE = re.compile(r"^(Sync\w*Page)\[(\w+)\]$")


def _find_type(call: str, name: str) -> Optional[TypeRef]:
    """Where ``name`` is exported, looking from the call's own types package up to ``openai.types``."""
    segments = call.split(".")[1:-1]
    for depth in range(len(segments), -1, -1):
        module = ".".join(["openai", "types", *segments[:depth]])
        try:
            imported = importlib.import_module(module)
        except ImportError:
            continue
        if getattr(imported, name, None) is not None:
            return TypeRef(module=module, name=name)
    return None


def _from_surface(spec: Mapping[str, Any]) -> List[Call]:
    """The coarser table from sdk-surface.tsv, for when the types generator's table is absent."""
    calls: List[Call] = []
    with SURFACE_PATH.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            path, method, returns = row["path"], row["http_method"], row["returns"].strip()
            op = spec["paths"][path][method.lower()]
            positional, keyword = _split_args(row["args"])
            body = op.get("requestBody", {}).get("content", {})
            query = {
                p["name"].removesuffix("[]"): p["name"] for p in op.get("parameters", []) if p.get("in") == "query"
            }
            body_props: Dict[str, Any] = {}
            for media in body.values():
                body_props, _ = SchemaValues(spec).properties(media.get("schema", {}))
                break
            page = _PAGE_RE.match(returns)
            if page:
                result, page_kind, page_item, returned = (
                    "page",
                    page.group(1),
                    _find_type(row["call"], page.group(2)),
                    None,
                )
            elif returns == "None":
                result, page_kind, page_item, returned = "none", None, None, None
            elif returns == "str":
                result, page_kind, page_item, returned = "text", None, None, None
            elif returns == "HttpxBinaryResponseContent":
                result, page_kind, page_item, returned = "binary", None, None, None
            else:
                result, page_kind, page_item, returned = "model", None, None, _find_type(row["call"], returns)
            calls.append(
                Call(
                    call=row["call"],
                    http_method=method,
                    path=path,
                    official=True,
                    positional_path=positional,
                    keyword_path=keyword,
                    query=query,
                    has_params="**params" in row["args"],
                    multipart="multipart/form-data" in body,
                    result=result,
                    returns=returned,
                    page_kind=page_kind,
                    page_item=page_item,
                    streams="stream" in body_props or "stream" in query,
                    stream_event=None,
                )
            )
    return calls


def load_calls() -> List[Call]:
    """Every call of the surface, with the variants the suite runs for it."""
    if TABLE_PATH.exists():
        calls = _from_table(json.loads(TABLE_PATH.read_text(encoding="utf-8")))
    else:
        calls = _from_surface(load_spec())
    return [_with_variants(call) for call in calls]

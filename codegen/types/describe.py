"""``codegen/resource_types.json``: for every call its params class, query keys, body encoding (JSON or
multipart), return type, page class and cursor, whether it streams and what, and whether it returns bytes."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from codegen.types.build import Builder
from codegen.types.model import Decl, GenError, decl_kind
from codegen.types.spelling import escape, page_item

__all__ = ["PAGE_CURSORS", "RESOURCE_TYPES", "RESOURCE_TYPES_FIELDS", "describe", "finish_description", "render"]

# What each call takes and returns, for the engineers writing resource methods; generated, checked by --check.
RESOURCE_TYPES = "codegen/resource_types.json"
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


def _result_kind(returns: str) -> str:
    if page_item(returns):
        return "page"
    return {"None": "none", "str": "text", "HttpxBinaryResponseContent": "binary"}.get(returns, "model")


def describe(builder: Builder, call: Mapping[str, str]) -> dict[str, Any]:
    """What the engineers writing resource methods need to know about one call, before its types are built."""
    reader = builder.reader
    operation = reader.operation(call)
    info: dict[str, Any] = {
        "call": call["call"],
        "official": call["official"] == "yes",
        "http_method": call["http_method"],
        "path": call["path"],
        "args": call["args"],
        "path_params": re.findall(r"\{(\w+)\}", call["path"]),
        "params": None,
        "body": reader.body_content_type(operation) if "**params" in call["args"] else None,
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
        body = reader.object_shape(content[info["body"]]["schema"], "body")
        info["streams"] = any(name == "stream" for name, _, _ in body.props)
    if "**params" in call["args"]:
        # `stream` may be a query parameter too (GET /responses/{id}?stream=true resumes a stream).
        info["streams"] = info["streams"] or any(q["key"] == "stream" for q in reader.query_params(call))
    item = page_item(call["returns"])
    if item is not None:
        kind = call["returns"].split("[")[0]
        by_fields = page_kind(builder, call)
        info["page"] = {"kind": kind, "cursor": PAGE_CURSORS[kind]}
        if by_fields != kind:
            info["page"]["kind_by_fields"] = by_fields
            if call["official"] != "yes":
                raise GenError([f"{call['call']}: written as {kind}, but its fields make it {by_fields}"])
    for status, response in sorted(operation.get("responses", {}).items()):
        schema = response.get("content", {}).get("text/event-stream", {}).get("schema")
        if status.startswith("2") and schema is not None:
            pointer = reader.deref(
                f"#/paths/{escape(call['path'])}/{call['http_method'].lower()}/responses/{status}"
                "/content/text~1event-stream/schema"
            )
            builder.visited.add(pointer)
            info["stream_event_pointer"] = pointer
    return info


def page_kind(builder: Builder, call: Mapping[str, str]) -> str:
    """The page class a list response's fields call for: ``last_id`` cursor, ``next`` cursor, the last item's
    ``id`` as cursor, or one page only."""
    reader = builder.reader
    envelope = reader.deref(reader.response_pointer({**call, "returns": "Sync"}))
    fields = {name for name, _, _ in reader.object_shape(reader.schema_at(envelope), envelope).props}
    item = builder.index.call_pointers[call["call"]]
    item_fields: set[str] = set()
    try:
        item_fields = {name for name, _, _ in reader.object_shape(reader.schema_at(item), item).props}
    except GenError:
        pass  # a union of items: no single `id` to page by
    if {"has_more", "last_id"} <= fields:
        return "SyncConversationCursorPage"
    if "next" in fields:
        return "SyncNextCursorPage"
    if "has_more" in fields and "id" in item_fields:
        return "SyncCursorPage"
    return "SyncPage"


def finish_description(builder: Builder, call_name: str, info: dict[str, Any]) -> None:
    """Fill in what a call returns and streams, once every type is built."""
    returned = builder.index.returns.get(call_name)
    if returned is not None:
        where = "item" if info["page"] is not None else "returns"
        target = info["page"] if info["page"] is not None else info
        target[where] = _public_ref(builder.by_name[returned])
    pointer = info.pop("stream_event_pointer", None)
    configured = builder.config.get("stream_events", {}).get(call_name)
    if configured is not None:
        if pointer is not None:
            raise GenError([f"codegen/type_names.json: {call_name} has a stream event schema in the spec"])
        module, name = configured.split(":")
        if (module, name) not in builder.by_name:
            raise GenError([f"codegen/type_names.json: stream event {configured} of {call_name} is not generated"])
        info["stream_event"] = _public_ref(builder.by_name[(module, name)])
    elif pointer is not None:
        decl = builder.public.get((pointer, "model")) or builder.public.get((pointer, "neutral"))
        if decl is None:
            raise GenError([f"{call_name}: its event stream schema {pointer!r} has no public name"])
        info["stream_event"] = _public_ref(decl)
    elif info["streams"]:
        raise GenError([f"{call_name} streams, but neither the spec nor type_names.json says what it sends"])


def _public_ref(decl: Decl) -> dict[str, str]:
    """Where a public type is exported and defined, and whether it is a class or an alias (a union)."""
    return {
        "package": ".".join(("openai", "types", *decl.module.package)),
        "module": ".".join(("openai", "types", *decl.module.parts)),
        "name": decl.name,
        "kind": decl_kind(decl),
    }


def render(builder: Builder) -> str:
    """The text of codegen/resource_types.json."""
    content = {
        "generated_by": "codegen/types_gen.py from the OpenAPI spec and sdk-surface.tsv; do not edit",
        "fields": RESOURCE_TYPES_FIELDS,
        "calls": [builder.call_info[c["call"]] for c in builder.index.calls if c["call"] in builder.call_info],
    }
    return json.dumps(content, indent=2) + "\n"

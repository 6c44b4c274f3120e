"""Request params: the ``TypedDict`` a call taking ``**params`` is typed with.

Request params of a call ``client.<a>.<b>.<method>`` are ``<Singular b><Method>Params`` in
``<a>/<singular b>_<method>_params.py``, built from the operation's query parameters (``include[]`` is the key
``include``) and request body, never its path parameters; an operation whose body has ``stream`` also gets
``...ParamsNonStreaming`` and ``...ParamsStreaming``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from codegen.types.build import Builder
from codegen.types.model import Decl, FieldSpec, GenError, Lit, ModuleBuilder, Opt
from codegen.types.normalise import Shape
from codegen.types.spelling import pascal
from codegen.types_templates import LITERAL_VARIANTS

__all__ = ["build_params", "params_location"]


def params_location(builder: Builder, call: Mapping[str, str]) -> tuple[tuple[str, ...], str]:
    """Module parts under ``src/types`` and class name of a call's params: ``client.beta.threads.runs.create``
    -> ``beta/threads/run_create_params.py``, ``RunCreateParams``.

    The module lives in the package of the resource's parent, except for the resources listed in
    ``params_in_resource_package`` (``client.responses.create`` -> ``responses/response_create_params.py``).
    """
    segments = call["call"].split(".")[1:]
    resource, method = segments[:-1], segments[-1]
    singular = builder.singular(resource[-1])
    own = ".".join(resource) in builder.config.get("params_in_resource_package", [])
    package = tuple(resource) if own else tuple(resource[:-1])
    parts = (*package, f"{singular}_{method}_params")
    return parts, builder.official_spelling(parts, f"{pascal(singular)}{pascal(method)}Params")


def build_params(builder: Builder, call: dict[str, str]) -> dict[str, Any]:
    """Generate the params TypedDict(s) of a call taking ``**params``; returns what resource_types.json says."""
    reader = builder.reader
    parts, name = params_location(builder, call)
    if parts in builder.modules:
        raise GenError([f"{call['call']}: module {'/'.join(parts)}.py already generated"])
    mod = builder.new_module(parts)
    mod.names.add(name)
    builder.modules[parts] = mod
    operation = reader.operation(call)
    where = f"{call['http_method']} {call['path']}"
    props: list[tuple[str, dict[str, Any], str]] = []
    required: set[str] = set()
    query = reader.query_params(call)
    for param in query:
        props.append((param["key"], param["schema"], param["pointer"]))
        if param["required"]:
            required.add(param["key"])
    content_type = reader.body_content_type(operation)
    if content_type is not None:
        body = reader.object_shape(operation["requestBody"]["content"][content_type]["schema"], f"{where} body")
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
    root.fields = builder.fields(shape, "param", mod, ())
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
        builder.export(mod, name)
        _literal_variants(builder, ".".join(segments), mod, root, None)
        return info
    # One TypedDict per way of calling: `stream` is the only key that differs, and a TypedDict may not
    # redefine an inherited key, so all three extend the shared base.
    stream = next(p for p in props if p[0] == "stream")
    full = builder.build(stream[1], stream[2], "param", mod, ("Stream",))
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
        builder.export(mod, variant_name)
    info["streaming"] = f"{name}Streaming"
    info["non_streaming"] = f"{name}NonStreaming"
    _literal_variants(builder, ".".join(segments), mod, root, FieldSpec("stream", not_streamed, False))
    return info


def _literal_variants(
    builder: Builder, call: str, mod: ModuleBuilder, root: Decl, not_streamed: FieldSpec | None
) -> None:
    """The private params TypedDicts of codegen/types_templates.py LITERAL_VARIANTS for ``call``, if any."""
    entry = LITERAL_VARIANTS.get(call)
    if entry is None:
        return
    key, variants = entry
    if not any(spec.wire == key for spec in root.fields):
        raise GenError([f"codegen/types_templates.py LITERAL_VARIANTS: {call} has no {key!r} parameter"])
    builder.variants_made.add(call)
    base_name = root.name.removesuffix("Base")
    for suffix, values, optional in variants:
        decl = Decl(f"_{base_name}{suffix}", mod, "typeddict", f"{root.doc} With `{key}` one of {list(values)}.")
        decl.fields = [FieldSpec(key, Lit(values), not optional) if spec.wire == key else spec for spec in root.fields]
        if optional and not_streamed is not None:
            decl.fields.append(not_streamed)
        mod.names.add(decl.name)
        mod.decls.append(decl)

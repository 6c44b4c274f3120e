"""The stages in order: load, name, build (calls, public names, the rest of the spec, the official surface),
describe, render, format."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from codegen._ruff import RuffError, format_python
from codegen.types import describe
from codegen.types.build import Builder
from codegen.types.files import Generated
from codegen.types.load import DEFAULT_SPEC_DIR, ROOT, Inputs, load
from codegen.types.model import Decl, GenError, Prim
from codegen.types.naming import NameIndex, synthetic_unions
from codegen.types.normalise import SchemaReader
from codegen.types.params import build_params
from codegen.types.render import render_files
from codegen.types.spelling import SYNTHETIC_PREFIX, is_param_name, pascal
from codegen.types.surface import complete_surface
from codegen.types_templates import CLASS_MEMBERS, LITERAL_VARIANTS, MODULE_IMPORTS

__all__ = ["SPEC_ONLY_PACKAGE", "build_types", "generate", "report", "unreached"]

# Package of the types for schemas that no call and no public name reaches.
SPEC_ONLY_PACKAGE = "openai.types._spec"
# Schema names of request bodies and their parts: their spec-only type is a TypedDict.
REQUEST_SCHEMA = re.compile(r"(Request|Body|Param|Params|RequestWithoutStream)$")


def _in_scope(builder: Builder, call: str) -> bool:
    scope: list[str] = builder.config.get("scope", [])
    dotted = call.removeprefix("client.")
    return "*" in scope or any(dotted.startswith(prefix + ".") for prefix in scope)


def build_types(inputs: Inputs) -> Builder:
    """Every type of ``src/types`` in the type model, and every call described, from the inputs."""
    synthetic, made_up = synthetic_unions(inputs.config, inputs.spec["components"]["schemas"])
    reader = SchemaReader(inputs.spec, made_up)
    index = NameIndex(reader, inputs, synthetic)
    builder = Builder(reader, index)
    for call in index.calls:
        if not _in_scope(builder, call["call"]):
            continue
        info = builder.call_info[call["call"]] = describe.describe(builder, call)
        pointer = index.call_pointers.get(call["call"])
        if pointer is not None:
            builder.visited.add(pointer)
        if "**params" in call["args"]:
            info["params"] = build_params(builder, call)
    builder.drain()
    builder.declare_all()
    if "*" in builder.config.get("scope", []):
        # Schemas no call and no public name reaches (list envelopes, the JSON twins of multipart bodies,
        # websocket events) still become types, in a package of their own outside the SDK's public names.
        for _ in range(8):
            reached = {p.split("/")[0] for p in builder.visited}
            left = [n for n in sorted(reader.schemas) if n not in reached and not n.startswith(SYNTHETIC_PREFIX)]
            if not left:
                break
            for schema_name in left:
                name = pascal(schema_name)
                if REQUEST_SCHEMA.search(schema_name) and not is_param_name(name):
                    name += "Param"
                index.canonical.setdefault(schema_name, []).append((SPEC_ONLY_PACKAGE, name))
                index.name_source[(SPEC_ONLY_PACKAGE, name)] = "schema no call or public name reaches"
                builder.visited.add(schema_name)
            builder.declare_all()
    for module, name, target_module, target_name in index.aliases:
        target = builder.by_name.get((target_module, target_name))
        if target is not None:
            builder.alias(module, name, target)
    for key, builtin in sorted(index.builtin_aliases.items()):
        if builtin not in ("str", "bytes", "int", "float", "bool", "object"):
            raise GenError([f"codegen/type_names.json: {key} must alias a builtin type, not {builtin!r}"])
        module, name = key.split(":")
        mod = builder.module_for(module, name)
        decl = Decl(name, mod, "alias", "Not in the OpenAPI spec: what the call returns as text.")
        decl.target = Prim(builtin)
        mod.decls.append(decl)
        builder.by_name[(module, name)] = decl
        builder.export(mod, name)
    for call_name, info in builder.call_info.items():
        describe.finish_description(builder, call_name, info)
    complete_surface(builder)
    return builder


def unreached(builder: Builder) -> list[str]:
    """Component schemas no generated type stands for."""
    component = {name for name in builder.reader.schemas if not name.startswith(SYNTHETIC_PREFIX)}
    return sorted(component - {p.split("/")[0] for p in builder.visited})


def report(builder: Builder) -> list[str]:
    """What the generator covers of the spec and the name lists, for ``--report``."""
    index = builder.index
    component = {name for name in builder.reader.schemas if not name.startswith(SYNTHETIC_PREFIX)}
    reached = component - set(unreached(builder))
    lines = [
        f"component schemas reached: {len(reached)} of {len(component)}",
        f"public names with a schema: {sum(len(v) for v in index.canonical.values())}, "
        f"generated: {len(builder.by_name)}",
        f"calls described: {len(builder.call_info)} ({sum(1 for c in index.calls if c['official'] == 'no')} "
        f"not in the surface table), with params: {sum(1 for i in builder.call_info.values() if i['params'])}",
        f"public names with no schema mapping ({len(index.unmapped)}):",
    ]
    lines.extend(f"  {name}" for name in index.unmapped)
    lines.append(f"public schemas whose other side is generated inline ({len(builder.inline_twins)}):")
    lines.extend(f"  {twin}" for twin in sorted(builder.inline_twins))
    lines.append(f"unions the spec tags but pydantic cannot ({len(builder.untagged)}):")
    lines.extend(f"  {name}" for name in sorted(set(builder.untagged)))
    lines.append(f"component schemas not reached ({len(component - reached)}):")
    lines.extend(f"  {name}" for name in sorted(component - reached))
    return lines


def generate(spec_dir: Path = DEFAULT_SPEC_DIR, root: Path = ROOT, scope: Sequence[str] | None = None) -> Generated:
    """Build every file of ``src/types`` in memory, formatted, keyed by path relative to ``root``.

    ``scope`` replaces the call prefixes of ``codegen/type_names.json`` (to try a wider scope).
    """
    builder = build_types(load(spec_dir, scope))
    missing = [f"{'/'.join(parts)}.py {name}" for parts, name in CLASS_MEMBERS if not builder.has_model(parts, name)]
    missing += [f"{'/'.join(parts)}.py" for parts in MODULE_IMPORTS if parts not in builder.modules]
    missing += [f"params of {call}" for call in LITERAL_VARIANTS if call not in builder.variants_made]
    if missing:
        raise GenError([f"codegen/types_templates.py: no generated {m}" for m in missing])
    try:
        files = format_python(render_files(builder), root)
    except RuffError as exc:
        raise GenError([f"codegen/types_gen.py: {problem}" for problem in exc.problems]) from exc
    files[describe.RESOURCE_TYPES] = describe.render(builder)
    public = sum(len(names) for names in builder.exports.values())
    exports = {
        ".".join(("openai", "types", *package)): sorted(names) for package, names in sorted(builder.exports.items())
    }
    return Generated(
        files, public, len(builder.modules), report(builder), exports, unreached(builder), list(builder.index.unmapped)
    )

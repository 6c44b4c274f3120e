"""Loading the inputs: the spec (with ``codegen/spec_additions.json`` added), the fact tables and the config."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from codegen.types.model import GenError

__all__ = [
    "ADDITIONS_FILE",
    "DEFAULT_SPEC_DIR",
    "MODULES_FILE",
    "NAMES_FILE",
    "ROOT",
    "Inputs",
    "add_to_spec",
    "load",
    "read_module_surface",
    "read_tsv",
]

CODEGEN = Path(__file__).resolve().parent.parent
ROOT = CODEGEN.parent
DEFAULT_SPEC_DIR = ROOT / "spec"
NAMES_FILE = CODEGEN / "type_names.json"
# Properties the official types have and the spec lacks, added to the spec before generating.
ADDITIONS_FILE = CODEGEN / "spec_additions.json"
# The official SDK's modules and the names each offers; every openai.types row is generated.
MODULES_FILE = "sdk-modules.tsv"


@dataclass
class Inputs:
    """Everything the generator reads, parsed."""

    spec: dict[str, Any]  # openapi.json, with the additions
    type_names: list[tuple[str, str]]  # sdk-type-names.tsv: (module, name)
    surface: list[dict[str, str]]  # sdk-surface.tsv: one row per call
    config: dict[str, Any]  # codegen/type_names.json
    # sdk-modules.tsv: the official openai.types modules and the names each has, by module parts under src/types.
    module_surface: dict[tuple[str, ...], list[str]]


def read_tsv(path: Path) -> list[dict[str, str]]:
    rows = path.read_text(encoding="utf-8").splitlines()
    header = rows[0].split("\t")
    return [dict(zip(header, row.split("\t"))) for row in rows[1:] if row.strip()]


def add_to_spec(spec: dict[str, Any], additions_file: Path = ADDITIONS_FILE) -> dict[str, Any]:
    """The spec with the properties of codegen/spec_additions.json added (the official types have them)."""
    additions = json.loads(additions_file.read_text(encoding="utf-8"))
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
    for row in read_tsv(path):
        module = row["module"]
        if module == "openai.types" or module.startswith("openai.types."):
            names = surface.setdefault(tuple(module.split(".")[2:]), [])
            if row.get("name"):
                names.append(row["name"])
    return surface


def load(spec_dir: Path = DEFAULT_SPEC_DIR, scope: Sequence[str] | None = None) -> Inputs:
    """Read every input; ``scope`` replaces the call prefixes of ``codegen/type_names.json``."""
    spec = add_to_spec(json.loads((spec_dir / "openapi.json").read_text(encoding="utf-8")))
    type_names = [(r["module"], r["name"]) for r in read_tsv(spec_dir / "sdk-type-names.tsv")]
    surface = read_tsv(spec_dir / "sdk-surface.tsv")
    config = json.loads(NAMES_FILE.read_text(encoding="utf-8"))
    if scope is not None:
        config["scope"] = list(scope)
    return Inputs(spec, type_names, surface, config, read_module_surface(spec_dir / MODULES_FILE))

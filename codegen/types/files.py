"""Writing and checking: the generated files against the tree on disk."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from codegen.types.load import ROOT
from codegen.types.render import OUTPUT

__all__ = ["Generated", "check", "write"]


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

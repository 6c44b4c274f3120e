"""The command line: ``python -m codegen.types_gen [--check] [--report] [--scope ...]``."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from codegen.types.files import check, write
from codegen.types.load import DEFAULT_SPEC_DIR, ROOT
from codegen.types.model import GenError
from codegen.types.pipeline import generate

__all__ = ["main"]

DESCRIPTION = (
    "Generate ``src/types/`` from the OpenAPI spec: pydantic response models and request ``TypedDict`` params."
)


def main(argv: Sequence[str] | None = None) -> int:
    """Write (or with ``--check`` compare) ``src/types`` and ``codegen/resource_types.json``; the exit status."""
    parser = argparse.ArgumentParser(prog="python -m codegen.types_gen", description=DESCRIPTION)
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

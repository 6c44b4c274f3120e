"""``python -m codegen.types_gen``: write ``src/types/`` and ``codegen/resource_types.json`` from the spec.

The generator itself is the package :mod:`codegen.types` (one module per stage); this module is its command
and keeps its public names importable from here.
"""

from __future__ import annotations

import sys

from codegen.types import (
    ADDITIONS_FILE,
    DEFAULT_SPEC_DIR,
    HEADER,
    NAMES_FILE,
    OUTPUT,
    PAGE_CURSORS,
    RESERVED_MODEL_ATTRS,
    RESOURCE_TYPES,
    ROOT,
    Generated,
    GenError,
    add_to_spec,
    build_types,
    check,
    generate,
    pascal,
    read_module_surface,
    render_files,
    safe_attr,
    snake,
    write,
)
from codegen.types.cli import main

__all__ = [
    "ADDITIONS_FILE",
    "DEFAULT_SPEC_DIR",
    "HEADER",
    "NAMES_FILE",
    "OUTPUT",
    "PAGE_CURSORS",
    "RESERVED_MODEL_ATTRS",
    "RESOURCE_TYPES",
    "ROOT",
    "GenError",
    "Generated",
    "add_to_spec",
    "build_types",
    "check",
    "generate",
    "main",
    "pascal",
    "read_module_surface",
    "render_files",
    "safe_attr",
    "snake",
    "write",
]

if __name__ == "__main__":
    sys.exit(main())

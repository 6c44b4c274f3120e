"""Where the generators find ruff, which formats everything they write."""

from __future__ import annotations

import shutil
import sysconfig
from pathlib import Path
from typing import Optional

__all__ = ["find_ruff"]


def find_ruff() -> Optional[str]:
    """The ruff beside this Python (the project's venv), else the one on PATH, else None."""
    beside_python = Path(sysconfig.get_path("scripts")) / "ruff"
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("ruff")

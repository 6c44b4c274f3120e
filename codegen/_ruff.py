"""The one formatting step of every generator: the pinned ruff, run with the settings written here.

The generators' output is committed and ``make check`` compares it byte for byte, so formatting must not
depend on anything but this module: ruff runs ``--isolated`` (no configuration file is read, so a change to
``[tool.ruff]`` in pyproject.toml cannot silently reformat the generated trees), its version must be
:data:`RUFF_VERSION` (the dev extra pins the same one), and its settings are :data:`SETTINGS`. ``make lint``
checks the generated files with pyproject's configuration, so a test keeps the two in step.

Each step is one ruff process for a whole set of files, written to a temporary tree under their own paths.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import sysconfig
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath
from typing import Optional

__all__ = [
    "RUFF_VERSION",
    "SETTINGS",
    "RuffError",
    "find_ruff",
    "fix_imports",
    "format_code",
    "format_python",
    "settings_arguments",
]

#: The ruff release whose formatting the committed files have; pyproject's dev extra pins it too.
RUFF_VERSION = "0.17.6"

#: ``[tool.ruff]`` keys (TOML spelling) and TOML values: all the configuration the generators' ruff gets.
SETTINGS: dict[str, str] = {
    "line-length": "120",
    "target-version": '"py39"',
    "lint.isort.known-first-party": '["openai", "codegen", "tests", "examples"]',
}

# ruff never removes an unused import from an `__init__.py` (it could be a re-export), but a generated one
# can be left with one (an `AsyncPaginator` import the sync `list()` no longer needs); such a file is fixed
# under this name instead.
_INIT_STAND_IN = "_package_init_stand_in.py"


class RuffError(Exception):
    """ruff is missing, is not the pinned release, or failed; ``problems`` holds one message per problem."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def find_ruff() -> Optional[str]:
    """The ruff beside this Python (the project's venv), else the one on PATH, else None."""
    beside_python = Path(sysconfig.get_path("scripts")) / "ruff"
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("ruff")


@functools.cache
def _checked_ruff(path: str) -> str:
    done = subprocess.run([path, "--version"], capture_output=True, text=True, check=False)
    found = done.stdout.strip()
    if done.returncode != 0 or found != f"ruff {RUFF_VERSION}":
        raise RuffError(
            [f"{path} is {found or 'not runnable'}; the generators need ruff {RUFF_VERSION} (make install)"]
        )
    return path


def _ruff() -> str:
    found = find_ruff()
    if found is None:
        raise RuffError([f"ruff not found; the generators need ruff {RUFF_VERSION} (make install)"])
    return _checked_ruff(found)


def settings_arguments(root: Path) -> list[str]:
    """The command line that gives ruff :data:`SETTINGS` and nothing else.

    ``src`` is where first-party modules are looked for; it is spelled out as ruff's default, the repository
    root and its ``src/``, so that it does not depend on the directory ruff runs in.
    """
    src = [str(root.resolve()), str(root.resolve() / "src")]
    overrides = {**SETTINGS, "src": "[" + ", ".join(f'"{path}"' for path in src) + "]"}
    return ["--isolated", "--no-cache", *(f"--config={key} = {value}" for key, value in overrides.items())]


def _checked_relative(relative: str) -> PurePosixPath:
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise RuffError([f"{relative}: not a relative path inside the tree"])
    return path


def _run(args: Sequence[str], files: Mapping[str, str], root: Path, rename: Mapping[str, str]) -> dict[str, str]:
    """Write ``files`` (relative path -> text) to a temporary tree, run one ruff command on all, read them back.

    ``rename`` gives a file another name inside the temporary tree (relative path -> stand-in path).
    """
    if not files:
        return {}
    ruff = _ruff()
    with tempfile.TemporaryDirectory(prefix="codegen_ruff_") as tmp:
        base = Path(tmp)
        placed: dict[str, Path] = {}
        taken: set[PurePosixPath] = set()
        for relative, text in files.items():
            inside = _checked_relative(rename.get(relative, relative))
            if inside in taken:
                raise RuffError([f"{relative}: two files would share {inside}"])
            taken.add(inside)
            target = base / inside
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
            placed[relative] = target
        # Explicit paths, not the directory: ruff's default excludes (`build`, `dist`, ...) never apply to them.
        done = subprocess.run(
            [ruff, *args, *settings_arguments(root), *(str(path) for path in placed.values())],
            capture_output=True,
            text=True,
            cwd=base,
            check=False,
        )
        if done.returncode != 0:
            detail = (done.stderr.strip() or done.stdout.strip()).replace(str(base) + "/", "")
            raise RuffError([f"ruff {args[0]} failed: {detail[-2000:]}"])
        return {relative: path.read_bytes().decode("utf-8") for relative, path in placed.items()}


def fix_imports(files: Mapping[str, str], root: Path, select: Sequence[str] = ("I",)) -> dict[str, str]:
    """``ruff check --fix`` with only the ``select`` rules (``I``: sort imports; ``F401``: drop unused ones).

    With ``F401``, an ``__init__.py`` is fixed under a stand-in name so that its unused imports go too.
    """
    rename: dict[str, str] = {}
    if "F401" in select:
        for relative in files:
            path = PurePosixPath(relative)
            if path.name == "__init__.py":
                rename[relative] = str(path.with_name(_INIT_STAND_IN))
    args = ["check", "--fix", "--exit-zero", "--quiet", "--select", ",".join(select)]
    return _run(args, files, root, rename)


def format_code(files: Mapping[str, str], root: Path) -> dict[str, str]:
    """``ruff format``; a ``.pyi`` path is formatted as a stub."""
    return _run(["format"], files, root, {})


def format_python(files: Mapping[str, str], root: Path, select: Sequence[str] = ("I",)) -> dict[str, str]:
    """Both steps: :func:`fix_imports`, then :func:`format_code`."""
    return format_code(fix_imports(files, root, select), root)

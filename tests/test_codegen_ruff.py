"""codegen/_ruff.py: the one formatting step of the generators, pinned and isolated from configuration drift."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from codegen import _ruff  # noqa: E402

LONG = 'x = {"aaaaaaaaaa": 1, "bbbbbbbbbbbbb": 2, "cccccccccccc": 3}\n'


def _pyproject_sections() -> dict[str, dict[str, str]]:
    """The ``key = value`` lines of pyproject.toml by section (enough TOML for the ruff table)."""
    sections: dict[str, dict[str, str]] = {}
    current = sections.setdefault("", {})
    for line in (REPO / "pyproject.toml").read_text(encoding="utf-8").splitlines():
        header = re.fullmatch(r"\[([\w.-]+)\]", line.strip())
        if header:
            current = sections.setdefault(header.group(1), {})
        elif "=" in line and not line.startswith((" ", "#")):
            key, value = line.split("=", 1)
            current[key.strip()] = value.strip()
    return sections


def test_the_settings_are_those_lint_checks_the_generated_files_with() -> None:
    sections = _pyproject_sections()
    for dotted, value in _ruff.SETTINGS.items():
        *table, key = dotted.split(".")
        in_pyproject = sections[".".join(["tool", "ruff", *table])][key]
        assert ast.literal_eval(in_pyproject) == ast.literal_eval(value), dotted


def test_the_pinned_release_is_the_dev_extras_and_the_installed_one() -> None:
    assert f'"ruff=={_ruff.RUFF_VERSION}",' in (REPO / "pyproject.toml").read_text(encoding="utf-8")
    found = _ruff.find_ruff()
    assert found is not None
    assert _ruff._checked_ruff(found) == found


def test_another_release_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "ruff"
    fake.write_text("#!/bin/sh\necho 'ruff 0.0.1'\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(_ruff, "find_ruff", lambda: str(fake))
    with pytest.raises(_ruff.RuffError, match=rf"is ruff 0\.0\.1; the generators need ruff {_ruff.RUFF_VERSION}"):
        _ruff.format_code({"a.py": "x = 1\n"}, tmp_path)


def test_no_ruff_is_an_error_saying_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_ruff, "find_ruff", lambda: None)
    with pytest.raises(_ruff.RuffError, match="ruff not found"):
        _ruff.format_code({"a.py": "x = 1\n"}, tmp_path)


def test_formatting_reads_no_configuration_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # ruff falls back to the user's own configuration when the files have none; the temporary tree has none.
    (tmp_path / "config" / "ruff").mkdir(parents=True)
    (tmp_path / "config" / "ruff" / "ruff.toml").write_text(
        'line-length = 40\n[format]\nquote-style = "single"\n', encoding="utf-8"
    )
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nline-length = 40\n", encoding="utf-8")
    assert _ruff.format_code({"src/a.py": LONG}, tmp_path) == {"src/a.py": LONG}


def test_both_steps_over_many_files_at_once(tmp_path: Path) -> None:
    files = {
        "pkg/__init__.py": "import os\n",
        "pkg/mod.py": "import sys\nimport os\nx=os.sep\n",
        "pkg/stub.pyi": "def f()->int: ...\n\n\n\ndef g()->int: ...\n",
    }
    assert _ruff.format_python(files, tmp_path) == {
        "pkg/__init__.py": "import os\n",
        "pkg/mod.py": "import os\nimport sys\n\nx = os.sep\n",
        "pkg/stub.pyi": "def f() -> int: ...\ndef g() -> int: ...\n",
    }
    # With F401 unused imports go, in an __init__.py too.
    assert _ruff.fix_imports(files, tmp_path, ("I", "F401"))["pkg/__init__.py"] == ""


def test_a_file_ruff_cannot_parse_is_named_by_its_own_path(tmp_path: Path) -> None:
    with pytest.raises(_ruff.RuffError) as caught:
        _ruff.format_code({"src/good.py": "x = 1\n", "src/bad.py": "def (:\n"}, tmp_path)
    (problem,) = caught.value.problems
    assert "src/bad.py" in problem and "codegen_ruff_" not in problem


def test_paths_outside_the_tree_are_refused(tmp_path: Path) -> None:
    with pytest.raises(_ruff.RuffError, match="not a relative path"):
        _ruff.format_code({"../escape.py": "x = 1\n"}, tmp_path)

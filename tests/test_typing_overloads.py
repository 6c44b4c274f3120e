"""What a type checker sees for the calls whose official overloads are keyed on a literal argument.

``tests/typing_snippets/overloads_checked.py`` asserts, with ``assert_type``, the result type of each such call on both
clients (``response_format="text"`` gives ``str``, ``stream=True`` a stream, ...), as the official SDK 3.3.1's
overloads give them; mypy must accept it. The package is checked from its source, under the name ``openai``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPET = ROOT / "tests" / "typing_snippets" / "overloads_checked.py"


def test_mypy_sees_the_official_result_types(tmp_path: Path) -> None:
    # The source tree is the package `openai` once a directory links it under that name.
    (tmp_path / "path").mkdir()
    (tmp_path / "path" / "openai").symlink_to(ROOT / "src", target_is_directory=True)
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--follow-imports=silent",
        "--config-file=",
        f"--cache-dir={tmp_path / 'cache'}",
        str(SNIPPET),
    ]
    env = {**os.environ, "MYPYPATH": str(tmp_path / "path")}
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success: no issues found in 1 source file" in done.stdout

"""The fault matrix: what each client/transport does under each injected fault, from a real test run.

Three roles in one module:

- :class:`FaultRecorder`, behind the ``fault_matrix`` fixture: a fault test records its outcome
  (a short string) with :meth:`FaultRecorder.record`. It writes nothing unless the
  ``OPENAI_TWIN_FAULT_MATRIX`` environment variable names a file to append JSON lines to.
- A pytest plugin (``-p tests.fault_matrix``) that appends every test's pass/fail report to
  the same file, so a cell shows whether the behaviour it describes is the expected one.
- ``python -m tests.fault_matrix [--output docs/reliability.md]``: runs the fault tests of both
  twins with the plugin and renders the table (faults as rows, client/transport as columns).

The document is always written, failures included: a failing cell is a finding, not a reason
to hide the row. The exit status is pytest's.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest

__all__ = ["COMBOS", "ENV_VAR", "FaultRecorder", "main", "render"]

ENV_VAR = "OPENAI_TWIN_FAULT_MATRIX"

#: Column order; the fixture builds these names from the twin's client class and the transport.
COMBOS = (
    "OpenAI + default",
    "OpenAI + httpx",
    "AsyncOpenAI + default",
    "AsyncOpenAI + httpx",
    "AsyncOpenAI + aiohttp",
)

ROOT = Path(__file__).resolve().parent.parent
FAULT_TESTS = (
    "tests/_sync/test_faults.py",
    "tests/_async/test_faults.py",
    "tests/_sync/test_security.py",
    "tests/_async/test_security.py",
)
DEFAULT_OUTPUT = ROOT / "docs" / "reliability.md"
_PACKAGES = ("openai", "httpx", "aiohttp", "httpx-aiohttp", "anyio", "pytest")


def _append(entry: Dict[str, Any]) -> None:
    path = os.environ.get(ENV_VAR)
    if path:
        with open(path, "a", encoding="utf-8") as sink:
            sink.write(json.dumps(entry) + "\n")


class FaultRecorder:
    """One fault test's cell of the matrix: its row (``fault``), its column (``combo``) and its outcome."""

    def __init__(self, nodeid: str, fault: str, combo: str) -> None:
        self.nodeid = nodeid
        self.fault = fault
        self.combo = combo
        self.outcome: Optional[str] = None
        # Written before the test body runs, so a test that dies before recording still has its cell.
        _append({"nodeid": nodeid, "fault": fault, "combo": combo, "outcome": None})

    def record(self, outcome: str, *, fault: Optional[str] = None) -> None:
        """Record what happened; ``fault`` renames the row (for parametrized tests)."""
        self.outcome = outcome
        if fault is not None:
            self.fault = fault
        _append({"nodeid": self.nodeid, "fault": self.fault, "combo": self.combo, "outcome": outcome})


# The plugin half: loaded with `-p tests.fault_matrix` by `main()`.


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Append each test's result, so the table can mark the cells whose assertions failed."""
    if report.when == "call" or report.failed or report.skipped:
        message = ""
        if report.failed:
            crash = getattr(report.longrepr, "reprcrash", None)
            lines = report.longreprtext.strip().splitlines()
            message = str(getattr(crash, "message", "") or (lines[-1] if lines else "failed"))
        _append({"nodeid": report.nodeid, "when": report.when, "result": report.outcome, "message": message})


# The runner.


def _load(path: Path) -> List[Dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _cell_text(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _versions() -> str:
    found = []
    for name in _PACKAGES:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return ", ".join(found)


def render(entries: List[Dict[str, Any]], *, seconds: float, when: datetime.datetime) -> str:
    """The markdown document for the recorded entries and reports."""
    cells: Dict[str, Dict[str, Any]] = {}
    results: Dict[str, Dict[str, Any]] = {}
    for entry in entries:
        if "result" in entry:
            # A failed setup or teardown outranks a passed call.
            previous = results.get(entry["nodeid"])
            if previous is None or previous["result"] == "passed":
                results[entry["nodeid"]] = entry
        else:
            cell = cells.setdefault(entry["nodeid"], {})
            cell.update({key: value for key, value in entry.items() if value is not None or key not in cell})
    rows: Dict[str, Dict[str, str]] = {}
    failures: List[str] = []
    for nodeid, cell in cells.items():
        result = results.get(nodeid, {"result": "not run", "message": ""})
        passed = result["result"] == "passed"
        outcome = cell.get("outcome") or f"no outcome recorded ({result['message'] or result['result']})"
        mark = "✅" if passed else "❌"
        rows.setdefault(cell["fault"], {})[cell["combo"]] = f"{mark} {_cell_text(outcome)}"
        if not passed:
            failures.append(f"- `{nodeid}`: {_cell_text(result['message'] or result['result'])}")
    total = len(cells)
    passed_count = total - len(failures)
    lines = [
        "# Reliability: the fault matrix",
        "",
        "<!-- Generated by `python -m tests.fault_matrix` (`make reliability`); do not edit by hand. -->",
        "",
        "Each row is a fault the loopback server (`openai.testing`) injects on request; each column",
        "is a client and its transport. A cell is what the call did: the exception class and status",
        "(or `ok`), how many attempts reached the server, and the retry waits the client chose (the",
        "tests record waits instead of sleeping). ✅ means the fault test's assertions held; ❌ means",
        "they did not, and the list below the table says which assertion failed.",
        "",
        f"- Run: {when.strftime('%Y-%m-%d %H:%M UTC')}, {passed_count} of {total} cells as expected,"
        f" {seconds:.1f} s for the run.",
        f"- Python {platform.python_version()} on {platform.system()} {platform.machine()}; {_versions()}.",
        f"- Tests: {', '.join(f'`{path}`' for path in FAULT_TESTS)}.",
        "",
        "| Fault | " + " | ".join(COMBOS) + " |",
        "|---" * (len(COMBOS) + 1) + "|",
    ]
    for fault, by_combo in rows.items():
        lines.append(f"| {_cell_text(fault)} | " + " | ".join(by_combo.get(combo, "-") for combo in COMBOS) + " |")
    lines.append("")
    if failures:
        lines += ["## Cells not as expected", "", *failures, ""]
    else:
        lines += ["Every cell behaved as expected.", ""]
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> int:
    """Run the fault tests of both twins and write the matrix; returns pytest's exit status."""
    parser = argparse.ArgumentParser(prog="python -m tests.fault_matrix", description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="markdown file to write")
    parser.add_argument("pytest_args", nargs="*", help="extra arguments for pytest (e.g. -k stream)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        log = Path(scratch) / "matrix.jsonl"
        env = {**os.environ, ENV_VAR: str(log)}
        command = [sys.executable, "-m", "pytest", *FAULT_TESTS, "-p", "tests.fault_matrix", "-q"]
        command += ["-p", "no:cacheprovider", *args.pytest_args]
        started = datetime.datetime.now(datetime.timezone.utc)
        status = subprocess.run(command, cwd=ROOT, env=env, check=False).returncode
        seconds = (datetime.datetime.now(datetime.timezone.utc) - started).total_seconds()
        entries = _load(log)
    if not entries:
        print("no fault test recorded anything; the matrix was not written", file=sys.stderr)
        return status or 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render(entries, seconds=seconds, when=started), encoding="utf-8")
    print(f"wrote {args.output}")
    return status


if __name__ == "__main__":
    sys.exit(main())

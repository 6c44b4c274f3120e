"""The spec's mock server for the conformance suite: one per session, on 127.0.0.1, stopped by PID.

The server is steady (npm ``@stdy/cli``, pinned in ``tools/mock-server``), the mock the official
SDK is tested against. It validates each request against ``spec/openapi.json``,
answers invalid ones with 400 and a list of diagnostics, and reports softer findings in
``x-steady-error-*`` headers on answers it still gives. See ``tools/mock-server/README.md`` for
why it is not prism.

A missing mock server fails the suite instead of skipping it: CI must not pass by not testing.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List

import pytest

from ._calls import ROOT, SPEC_PATH
from ._report import REPORT

INSTALL_SCRIPT = ROOT / "tools" / "mock-server" / "install.sh"
MOCK_BIN = ROOT / ".tools" / "mock-server" / "node_modules" / ".bin" / "steady"
INSTALL_TIMEOUT = 300.0
# Loading the 2.3 MB spec takes well under a second here; the bound leaves room for a slow CI box.
START_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0

# The official SDK sends arrays as `key[]=a&key[]=b` and objects as `key[field]=v`, in query
# strings and multipart forms alike; a drop-in must put the same bytes on the wire, so the mock
# checks for exactly that instead of reading the style from the spec.
WIRE_FORMAT_FLAGS = [
    "--validator-query-array-format=brackets",
    "--validator-query-object-format=brackets",
    "--validator-form-array-format=brackets",
    "--validator-form-object-format=brackets",
]
# Fixed seed: generated responses are the same on every run, so a parse failure reproduces.
# Three events without pauses keep stream tests fast.
GENERATOR_FLAGS = ["--generator-seed=20240101", "--stream-count=3", "--stream-interval=0"]


@dataclass(frozen=True)
class MockServer:
    """A running mock server: its base URL and the log it writes."""

    base_url: str
    log_path: Path
    pid: int

    def log_tail(self, lines: int = 40) -> str:
        """The end of the server's log, for failure messages."""
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ensure_installed() -> None:
    """Run the idempotent installer, so `pytest tests/conformance` works on a fresh checkout too."""
    if MOCK_BIN.exists():
        return
    started = time.monotonic()
    try:
        done = subprocess.run(
            ["bash", str(INSTALL_SCRIPT)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.fail(f"installing the mock server failed: {exc!r}", pytrace=False)
    if done.returncode != 0 or not MOCK_BIN.exists():
        pytest.fail(
            f"tools/mock-server/install.sh failed (exit {done.returncode}); the conformance suite needs npm.\n"
            f"{done.stdout}\n{done.stderr}",
            pytrace=False,
        )
    REPORT.timings["install"] = time.monotonic() - started


def _answers(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/_x-steady/health", timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Terminate, wait, then kill: by the PID this fixture started, and the group it leads."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT)
        return
    except subprocess.TimeoutExpired:
        pass
    # The npm entry point is a node wrapper around a native binary; the session this fixture
    # created holds both, so killing its group leaves no orphan behind.
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=STOP_TIMEOUT)


@pytest.fixture(scope="session")
def mock_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MockServer]:
    """The mock server, started once for the session and stopped at its end."""
    if not SPEC_PATH.exists():
        pytest.fail(f"the OpenAPI spec is missing: {SPEC_PATH}", pytrace=False)
    _ensure_installed()
    log_dir = tmp_path_factory.mktemp("mock-server")
    errors: List[str] = []
    # A port found free can be taken before the server binds it; a second port settles that.
    for attempt in range(3):
        port = _free_port()
        base_url = f"http://127.0.0.1:{port}"
        log_path = log_dir / f"steady-{attempt}.log"
        command = [
            str(MOCK_BIN),
            "--host",
            "127.0.0.1",
            "-p",
            str(port),
            "--no-color",
            *WIRE_FORMAT_FLAGS,
            *GENERATOR_FLAGS,
            str(SPEC_PATH),
        ]
        started = time.monotonic()
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                command,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        server = MockServer(base_url=base_url, log_path=log_path, pid=process.pid)
        try:
            deadline = started + START_TIMEOUT
            while time.monotonic() < deadline and process.poll() is None and not _answers(base_url):
                time.sleep(0.1)
            if process.poll() is not None:
                errors.append(f"attempt {attempt + 1}: exited with {process.returncode}:\n{server.log_tail()}")
                continue
            if not _answers(base_url):
                errors.append(f"attempt {attempt + 1}: no answer within {START_TIMEOUT:.0f} s:\n{server.log_tail()}")
                _stop(process)
                continue
            REPORT.timings["mock start"] = time.monotonic() - started
            REPORT.mock_log = log_path
            yield server
            return
        finally:
            _stop(process)
    pytest.fail("the mock server did not start:\n" + "\n".join(errors), pytrace=False)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Operations exercised and passed per client, whenever the conformance tests ran."""
    for line in REPORT.summary_lines():
        terminalreporter.write_line(line)

"""Run every example of the async guide, then its sync twin, and report which passed.

``python -m examples.run_all`` (``make demo``). With ``OPENAI_API_KEY`` set and
``OPENAI_BASE_URL`` unset the examples call the real API; otherwise a loopback server
(``python -m openai.testing``) is started in a subprocess and the examples are pointed at it.
Each example runs in its own process with a timeout; the exit status is non-zero if any failed.
"""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import examples.async_
import examples.sync

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_TIMEOUT = 60.0
SERVER_START_TIMEOUT = 15.0
SERVER_STOP_TIMEOUT = 10.0
DUMMY_KEY = "sk-loopback-demo"

# The order the guide presents them in; examples not listed here run after these, by name.
GUIDE_ORDER = (
    "basic",
    "gather",
    "streaming",
    "context_manager",
    "fastapi_app",
    "sanic_app",
    "aiohttp_transport",
    "errors",
    "semaphore",
    "pagination",
    "taskgroup",
    "realtime",
)


def example_names() -> List[str]:
    """Every module of ``examples.async_``, in guide order (names starting with ``_`` are helpers)."""
    found = {info.name for info in pkgutil.iter_modules(examples.async_.__path__) if not info.name.startswith("_")}
    listed = [name for name in GUIDE_ORDER if name in found]
    return listed + sorted(found - set(listed))


def child_command(module: str) -> List[str]:
    """How an example runs: its own interpreter, with leaked resources turned into errors."""
    return [sys.executable, "-W", "error::ResourceWarning", "-m", module]


def start_loopback_server() -> subprocess.Popen[str]:
    """Start ``python -m openai.testing --port 0``; the caller stops it."""
    return subprocess.Popen(
        [sys.executable, "-m", "openai.testing", "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


def read_base_url(server: subprocess.Popen[str]) -> str:
    """The server's first stdout line, waited for at most :data:`SERVER_START_TIMEOUT` seconds."""
    assert server.stdout is not None
    stdout = server.stdout
    lines: List[str] = []
    # readline() has no timeout of its own; a reader thread bounds the wait.
    reader = threading.Thread(target=lambda: lines.append(stdout.readline()), daemon=True)
    reader.start()
    reader.join(SERVER_START_TIMEOUT)
    url = lines[0].strip() if lines else ""
    if not url.startswith("http"):
        raise RuntimeError(f"the loopback server did not print its URL (got {url!r}, exit code {server.poll()})")
    return url


def stop_server(server: subprocess.Popen[str]) -> None:
    """Terminate the server by its PID, wait, and kill it if it does not exit in time."""
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(SERVER_STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(SERVER_STOP_TIMEOUT)
    if server.stdout is not None:
        server.stdout.close()


def run_example(module: str, env: Dict[str, str]) -> bool:
    """Run one example, print its output under a header, and say whether it succeeded."""
    print(f"\n=== {module} ===", flush=True)
    started = time.perf_counter()
    try:
        result = subprocess.run(
            child_command(module),
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=EXAMPLE_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        print(f"FAILED: no exit after {EXAMPLE_TIMEOUT:.0f} s", flush=True)
        return False
    elapsed = time.perf_counter() - started
    print(result.stdout, end="" if result.stdout.endswith("\n") or not result.stdout else "\n", flush=True)
    if result.stderr:
        print(result.stderr, end="" if result.stderr.endswith("\n") else "\n", file=sys.stderr, flush=True)
    if result.returncode != 0:
        print(f"FAILED: exit code {result.returncode} ({elapsed:.2f} s)", flush=True)
        return False
    print(f"ok ({elapsed:.2f} s)", flush=True)
    return True


def modules() -> Iterator[str]:
    """Each example's async module, then its sync twin."""
    for name in example_names():
        yield f"examples.async_.{name}"
        yield f"examples.sync.{name}"


def main() -> int:
    """Run every example against the real API or a loopback server; 0 if all succeeded."""
    started = time.perf_counter()
    env = dict(os.environ)
    server: Optional[subprocess.Popen[str]] = None
    use_real_api = "OPENAI_BASE_URL" not in os.environ and bool(os.environ.get("OPENAI_API_KEY"))
    passed = failed = 0
    try:
        if use_real_api:
            env.pop("OPENAI_TWIN_LOOPBACK", None)
            print("Running the examples against the real API (OPENAI_API_KEY is set).")
        else:
            server = start_loopback_server()
            base_url = read_base_url(server)
            env.update(OPENAI_BASE_URL=base_url, OPENAI_API_KEY=DUMMY_KEY, OPENAI_TWIN_LOOPBACK="1")
            print(f"Running the examples against a loopback server at {base_url}")
            print("(set OPENAI_API_KEY and leave OPENAI_BASE_URL unset to use the real API)")
        for module in modules():
            if run_example(module, env):
                passed += 1
            else:
                failed += 1
    finally:
        if server is not None:
            stop_server(server)
    total = time.perf_counter() - started
    print(f"\n{passed + failed} examples: {passed} passed, {failed} failed in {total:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

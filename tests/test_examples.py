"""Every example of the async guide and its sync twin, run as users run them, against a loopback server.

Each example runs in its own interpreter (``python -W error::ResourceWarning -m examples...``)
with the environment ``examples/run_all.py`` gives it. The checks look at what it printed and
at what the server received, so an example that prints the right words without making the
calls still fails. Examples are discovered from the packages: a new one is run here without
edits, and must have a sync twin.
"""

from __future__ import annotations

import collections
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path
from typing import Callable, Counter, Dict, Iterator, List, Tuple

import pytest

from openai.testing import SCENARIO_HEADER, LoopbackServer

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES_DIR = ROOT / "examples"
CHILD_TIMEOUT = 60.0
CHAT = "POST /v1/chat/completions"
JOBS = "GET /v1/fine_tuning/jobs"
# A client built with a literal key or base URL (the closed-port client of `errors` uses an f-string).
HARD_CODED_SETTING = re.compile(r"OpenAI\((?:[^()]|\([^()]*\))*\b(?:base_url|api_key)\s*=\s*[\"']")


def _modules(package_dir: Path) -> List[str]:
    return sorted(info.name for info in pkgutil.iter_modules([str(package_dir)]) if not info.name.startswith("_"))


ASYNC_EXAMPLES = _modules(EXAMPLES_DIR / "async_")
SYNC_EXAMPLES = _modules(EXAMPLES_DIR / "sync")
VARIANTS = [(variant, name) for name in ASYNC_EXAMPLES for variant in ("async_", "sync")]


class Run:
    """What one example printed and what the server received while it ran."""

    def __init__(self, variant: str, stdout: str, requests: Counter[str], async_tags: List[str]) -> None:
        self.variant = variant
        self.stdout = stdout
        self.requests = requests
        self.async_tags = async_tags

    def number(self, pattern: str) -> int:
        """The integer the first group of ``pattern`` captures in the output; fails when absent."""
        match = re.search(pattern, self.stdout)
        assert match is not None, f"{pattern!r} not in output:\n{self.stdout}"
        return int(match.group(1))


def _lines(*expected: str) -> Callable[[Run], None]:
    def check(run: Run) -> None:
        for line in expected:
            assert line in run.stdout.splitlines(), f"{line!r} not a line of:\n{run.stdout}"

    return check


def _check_basic(run: Run) -> None:
    _lines("reply: Echo: Say hello in one short sentence.")(run)
    assert run.number(r"tokens: (\d+)") > 0
    assert run.requests == {CHAT: 1}


def _check_gather(run: Run) -> None:
    for noun in ("prime number", "colour", "planet", "river", "metal"):
        _lines(f"Name a {noun}. -> Echo: Name a {noun}.")(run)
    assert run.number(r"(\d+) replies concurrently") == 5
    assert run.requests == {CHAT: 5}


def _check_streaming(run: Run) -> None:
    _lines("Echo: Count from one to five in words.")(run)
    assert run.number(r"streamed (\d+) chunks") > 1
    assert run.requests == {CHAT: 1}


def _check_context_manager(run: Run) -> None:
    expected = ("reply: Echo: Reply with the word ready.", "closed inside the block: False")
    _lines(*expected, "closed after the block: True")(run)
    assert run.requests == {CHAT: 1}


def _check_web_app(framework: str) -> Callable[[Run], None]:
    def check(run: Run) -> None:
        _lines("POST /chat -> 200", f"reply: Echo: Hello from {framework}")(run)
        assert run.requests == {CHAT: 1}

    return check


def _check_transport(run: Run) -> None:
    transport = "aiohttp" if run.variant == "async_" else "httpx"
    _lines(f"reply: Echo: Hello over {transport}", f"streamed: Echo: Stream over {transport}")(run)
    assert run.requests == {CHAT: 2}


def _check_errors(run: Run) -> None:
    assert re.search(r"^APIConnectionError: Connection error", run.stdout, re.MULTILINE), run.stdout
    _lines("RateLimitError: status 429 after 2 retries", "NotFoundError (an APIStatusError): status 404")(run)
    # The first 429 and both retries reach the server; the connection error never does.
    assert run.requests == {CHAT: 3, "GET /v1/models/no-such-model": 1}


def _check_semaphore(run: Run) -> None:
    assert run.number(r"(\d+) calls done") == 10
    assert 1 <= run.number(r"max in flight: (\d+) \(limit 3\)") <= 3
    _lines("last reply: Echo: Request 10")(run)
    assert run.requests == {CHAT: 10}


def _check_pagination(run: Run) -> None:
    _lines("jobs: 45", "pages: 3 (20 + 20 + 5 jobs)")(run)
    # Three pages walked item by item, then the same three page by page.
    assert run.requests == {JOBS: 6}


def _check_taskgroup(run: Run) -> None:
    if run.variant == "async_" and sys.version_info < (3, 11):
        assert "asyncio.TaskGroup needs Python 3.11+" in run.stdout
        assert not run.requests
        return
    _lines("tea: Echo: One line about tea.", "rain: Echo: One line about rain.", "3 tasks finished")(run)
    assert run.requests == {CHAT: 3}


def _check_realtime(run: Run) -> None:
    # Its own websocket server echoes the message word by word; the HTTP loopback server sees nothing.
    _lines("Say hello to the realtime API")(run)
    assert run.number(r"realtime session: (\d+) events, response done") == 12
    assert not run.requests


CHECKS: Dict[str, Callable[[Run], None]] = {
    "basic": _check_basic,
    "gather": _check_gather,
    "streaming": _check_streaming,
    "context_manager": _check_context_manager,
    "fastapi_app": _check_web_app("FastAPI"),
    "sanic_app": _check_web_app("Sanic"),
    "aiohttp_transport": _check_transport,
    "errors": _check_errors,
    "semaphore": _check_semaphore,
    "pagination": _check_pagination,
    "taskgroup": _check_taskgroup,
    "realtime": _check_realtime,
}


@pytest.fixture(scope="module")
def loopback() -> Iterator[LoopbackServer]:
    """One server for the module; each test clears its request log first."""
    with LoopbackServer() as server:
        yield server


def child_env(base_url: str) -> Dict[str, str]:
    """The environment run_all gives an example on the loopback server, free of the caller's OpenAI settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("OPENAI_")}
    env.update(OPENAI_BASE_URL=base_url, OPENAI_API_KEY="sk-loopback-test", OPENAI_TWIN_LOOPBACK="1")
    return env


def run_module(module: str, env: Dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-W", "error::ResourceWarning", "-m", module],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
    )


def assert_clean_stderr(stderr: str) -> None:
    for marker in ("ResourceWarning", "Unclosed", "Traceback"):
        assert marker not in stderr, stderr


def test_every_async_example_has_a_sync_twin() -> None:
    assert ASYNC_EXAMPLES, "no examples found"
    assert ASYNC_EXAMPLES == SYNC_EXAMPLES


@pytest.mark.parametrize(("variant", "name"), VARIANTS, ids=[f"{v.rstrip('_')}-{n}" for v, n in VARIANTS])
def test_example(loopback: LoopbackServer, variant: str, name: str) -> None:
    loopback.clear()
    result = run_module(f"examples.{variant}.{name}", child_env(loopback.base_url))

    assert result.returncode == 0, f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert_clean_stderr(result.stderr)
    received = loopback.requests
    requests: Counter[str] = collections.Counter(f"{request.method} {request.path}" for request in received)
    async_tags = sorted({request.headers.get("x-stainless-async", "") for request in received})
    run = Run(variant, result.stdout, requests, async_tags)

    check = CHECKS.get(name)
    if check is None:
        # A new example without its own check must at least talk to the server and say something.
        assert result.stdout.strip() and requests, result.stdout
    else:
        check(run)
    if requests:
        # The async example must use AsyncOpenAI and its twin OpenAI, in every request they send.
        assert run.async_tags == (["async:asyncio"] if variant == "async_" else ["false"])
    if name == "errors":
        assert all(SCENARIO_HEADER in r.headers for r in received if r.path == "/v1/chat/completions")


def test_every_example_module_documents_itself() -> None:
    for variant, name in VARIANTS:
        text = (EXAMPLES_DIR / variant / f"{name}.py").read_text(encoding="utf-8")
        assert text.startswith('"""'), f"{variant}/{name}.py has no module docstring"
        assert 'if __name__ == "__main__":' in text, f"{variant}/{name}.py cannot run as a script"
        assert '"gpt-4o-mini"' in text or "chat.completions" not in text, f"{variant}/{name}.py: use gpt-4o-mini"
        # Configuration comes from the environment, as in users' code.
        assert not HARD_CODED_SETTING.search(text), f"{variant}/{name}.py hard-codes a client setting"


def test_run_all_runs_every_example_against_its_own_server() -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("OPENAI_")}
    result = subprocess.run(
        [sys.executable, "-m", "examples.run_all"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT * 2,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    total = 2 * len(ASYNC_EXAMPLES)
    assert re.search(rf"^{total} examples: {total} passed, 0 failed in [\d.]+ s$", result.stdout, re.MULTILINE)
    headers = re.findall(r"^=== (examples\.\S+) ===$", result.stdout, re.MULTILINE)
    # Guide order, each async example directly followed by its sync twin.
    assert headers[0::2] == [f"examples.async_.{name}" for name in _guide_order()]
    assert headers[1::2] == [f"examples.sync.{name}" for name in _guide_order()]
    assert "loopback server at http://127.0.0.1:" in result.stdout
    assert_clean_stderr(result.stderr)


def test_run_all_reports_a_failing_example(capsys: pytest.CaptureFixture[str]) -> None:
    from examples import run_all

    env = child_env("http://127.0.0.1:9/v1")
    assert run_all.run_example("examples.no_such_example", env) is False
    output = capsys.readouterr()
    assert "FAILED: exit code 1" in output.out
    assert "No module named examples.no_such_example" in output.err


def _guide_order() -> Tuple[str, ...]:
    from examples import run_all

    names = run_all.example_names()
    assert sorted(names) == ASYNC_EXAMPLES
    return tuple(names)

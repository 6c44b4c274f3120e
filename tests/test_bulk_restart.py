"""kill -9 in the middle of a bulk run, then a restart: every request finished once, none sent twice."""

from __future__ import annotations

import collections
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, Callable, Dict, List

from openai.bulk import scan_output
from openai.testing import LoopbackServer, RateLimits
from openai.testing._http import ReceivedRequest
from openai.testing._reply import Reply

TOTAL = 300
KILL_AFTER = 80


class NotifyingLimits(RateLimits):
    """Rate limits that wake waiters each time the server judges a request."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.judged = threading.Condition()

    def apply(self, request: ReceivedRequest, answer: Callable[[], Reply]) -> Reply:
        reply = super().apply(request, answer)
        with self.judged:
            self.judged.notify_all()
        return reply


def complete_lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def cli(input_path: Path, output: Path, env: Dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "openai.bulk",
            "run",
            str(input_path),
            "--output",
            str(output),
            "--max-concurrency",
            "8",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_kill_9_and_restart(tmp_path: Path) -> None:
    ids = [f"job-{i:04d}" for i in range(TOTAL)]
    input_path = tmp_path / "in.jsonl"
    with input_path.open("w") as f:
        for custom_id in ids:
            body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": custom_id}], "max_tokens": 5}
            f.write(
                json.dumps({"custom_id": custom_id, "method": "POST", "url": "/v1/chat/completions", "body": body})
                + "\n"
            )
    output = tmp_path / "out.jsonl"
    # 100 requests a second keeps the run going for seconds, so the kill lands mid-run.
    limits = NotifyingLimits(requests_per_minute=100, minute=1.0, record_events=False)
    with LoopbackServer(record_limit=None, rate_limits=limits) as server:
        env = {**os.environ, "OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": server.base_url}
        first = cli(input_path, output, env)
        try:
            # Each request the server judges is a moment the output may have grown.
            with limits.judged:
                reached = limits.judged.wait_for(
                    lambda: complete_lines(output) >= KILL_AFTER or first.poll() is not None, timeout=120
                )
            assert reached and first.poll() is None, "the first run ended or stalled before the kill"
            first.send_signal(signal.SIGKILL)
            assert first.wait(timeout=30) == -signal.SIGKILL
        finally:
            if first.poll() is None:
                first.kill()
                first.wait(timeout=30)
            if first.stderr:
                first.stderr.close()
        finished_before = scan_output(output).finished
        assert KILL_AFTER <= len(finished_before) < TOTAL

        second = cli(input_path, output, env)
        _, err = second.communicate(timeout=120)
        assert second.returncode == 0, err.decode()
        assert f"{len(finished_before)} already done" in err.decode()

        sent: List[str] = [
            json.loads(r.body)["messages"][0]["content"] for r in server.requests if r.path == "/v1/chat/completions"
        ]

    written = [json.loads(line)["custom_id"] for line in output.read_text().splitlines()]
    assert sorted(written) == ids  # every custom_id exactly once
    counts = collections.Counter(sent)
    assert set(counts) == set(ids)
    assert {custom_id: counts[custom_id] for custom_id in finished_before if counts[custom_id] != 1} == {}
    # Only what was in flight at the kill can have been sent twice.
    assert sum(counts.values()) - TOTAL <= 8

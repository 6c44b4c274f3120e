"""The direct bulk runner and its CLI against the loopback server."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

import pytest

from openai import AsyncOpenAI
from openai.bulk import (
    BulkInputError,
    BulkRequest,
    BulkResult,
    BulkSummary,
    RateLimiter,
    parse_input,
    run,
    run_requests,
    scan_output,
)
from openai.bulk.__main__ import main
from openai.testing import LoopbackServer, RateLimits


def request_line(custom_id: str, *, url: str = "/v1/chat/completions", **body: Any) -> str:
    payload = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": custom_id}], **body}
    return json.dumps({"custom_id": custom_id, "method": "POST", "url": url, "body": payload})


def write_input(path: Path, ids: Sequence[str]) -> Path:
    path.write_text("".join(request_line(i) + "\n" for i in ids))
    return path


def output_lines(path: Path) -> List[Dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def sent_ids(server: LoopbackServer) -> List[str]:
    return [json.loads(r.body)["messages"][0]["content"] for r in server.requests if r.path == "/v1/chat/completions"]


class Recorder:
    def __init__(self) -> None:
        self.started: Optional[tuple[int, int]] = None
        self.updates: List[BulkResult] = []
        self.closed = 0

    def start(self, total: int, done: int) -> None:
        self.started = (total, done)

    def update(self, result: BulkResult) -> None:
        self.updates.append(result)

    def close(self) -> None:
        self.closed += 1


async def test_runs_every_request_once(server: LoopbackServer, tmp_path: Path) -> None:
    ids = [f"task-{i}" for i in range(50)]
    out = tmp_path / "out.jsonl"
    recorder = Recorder()
    async with AsyncOpenAI(base_url=server.base_url, api_key="sk-test") as client:
        summary = await run(client, write_input(tmp_path / "in.jsonl", ids), out, max_concurrency=8, progress=recorder)
    lines = output_lines(out)
    assert sorted(line["custom_id"] for line in lines) == sorted(ids)
    for line in lines:
        assert line["error"] is None
        assert line["response"]["status_code"] == 200
        assert line["response"]["request_id"].startswith("req_")
        assert line["response"]["body"]["choices"][0]["message"]["content"] == "Echo: " + line["custom_id"]
    assert sorted(sent_ids(server)) == sorted(ids)
    assert (summary.total, summary.succeeded, summary.failed, summary.skipped, summary.remaining) == (50, 50, 0, 0, 0)
    assert recorder.started == (50, 0) and len(recorder.updates) == 50 and recorder.closed == 1


async def test_failures_are_recorded_not_raised(server: LoopbackServer, tmp_path: Path) -> None:
    lines = [
        request_line("good"),
        request_line("unknown-route", url="/v1/no/such/route"),
        request_line("missing-model").replace('"model": "gpt-4o-mini", ', ""),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"
    async with AsyncOpenAI(base_url=server.base_url, api_key="sk-test", max_retries=0) as client:
        summary = await run(client, path, out, progress=False)
    by_id = {line["custom_id"]: line for line in output_lines(out)}
    assert by_id["good"]["error"] is None
    assert by_id["unknown-route"]["response"]["status_code"] == 404
    assert by_id["unknown-route"]["error"]["code"] == "unknown_url"
    assert by_id["missing-model"]["response"]["status_code"] == 400
    assert by_id["missing-model"]["error"]["message"]
    assert (summary.succeeded, summary.failed) == (1, 2)
    assert summary.errors == {"unknown_url": 1, "missing_required_parameter": 1}
    assert "2 failed" in str(summary)


async def test_a_connection_failure_is_recorded(tmp_path: Path) -> None:
    from openai.testing import refusing_base_url

    out = tmp_path / "out.jsonl"
    async with AsyncOpenAI(base_url=refusing_base_url(), api_key="sk-test", max_retries=0) as client:
        summary = await run(client, write_input(tmp_path / "in.jsonl", ["a"]), out, progress=False)
    [line] = output_lines(out)
    assert line["response"] is None
    assert line["error"]["code"] == "connection_error"
    assert summary.failed == 1


async def test_restart_skips_what_is_finished(server: LoopbackServer, tmp_path: Path) -> None:
    ids = [f"t{i}" for i in range(30)]
    path = write_input(tmp_path / "in.jsonl", ids)
    out = tmp_path / "out.jsonl"
    async with AsyncOpenAI(base_url=server.base_url, api_key="sk-test") as client:
        await run(client, parse_input(path.read_text().splitlines()[:12]), out, progress=False)
        # A crash tore the line being written.
        with out.open("a") as f:
            f.write('{"id":"bulkreq_x","custom_id":"t12","resp')
        server.clear()
        recorder = Recorder()
        summary = await run(client, path, out, max_concurrency=4, progress=recorder)
    assert sorted(sent_ids(server)) == sorted(ids[12:])
    assert sorted(line["custom_id"] for line in output_lines(out)) == sorted(ids)
    assert (summary.skipped, summary.succeeded) == (12, 18)
    assert recorder.started == (30, 12)


async def test_bad_input_sends_nothing(server: LoopbackServer, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(request_line("a") + "\n" + request_line("b") + "\n" + request_line("a") + "\n{oops\n")
    async with AsyncOpenAI(base_url=server.base_url, api_key="sk-test") as client:
        with pytest.raises(BulkInputError) as caught:
            await run(client, path, tmp_path / "out.jsonl", progress=False)
        with pytest.raises(BulkInputError, match="duplicate custom_id 'x'"):
            twice = BulkRequest("x", "POST", "/v1/chat/completions", {"model": "m"})
            await run_requests(client, [twice, twice], tmp_path / "out.jsonl")
        with pytest.raises(ValueError, match="max_concurrency"):
            await run_requests(client, [], tmp_path / "out.jsonl", max_concurrency=0)
    assert [p.line for p in caught.value.problems] == [3, 4]
    assert server.requests == []
    assert not (tmp_path / "out.jsonl").exists()


async def test_runner_stays_under_the_servers_limits(tmp_path: Path) -> None:
    # 40 requests per half second (a burst of 40), run by 16 workers: far more than the budget at once.
    limits = RateLimits(requests_per_minute=40, tokens_per_minute=40 * 40, minute=0.5)
    ids = [f"r{i}" for i in range(160)]
    out = tmp_path / "out.jsonl"
    limiter = RateLimiter()
    with LoopbackServer(rate_limits=limits) as server:
        async with AsyncOpenAI(base_url=server.base_url, api_key="sk-test", max_retries=0) as client:
            summary = await run(
                client,
                write_input(tmp_path / "in.jsonl", ids),
                out,
                max_concurrency=16,
                progress=False,
                rate_limiter=limiter,
            )
    assert summary.succeeded == 160
    assert limits.refused == summary.rate_limited == 0
    assert len(output_lines(out)) == 160


def test_cli_runs_and_resumes(
    server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    path = write_input(tmp_path / "in.jsonl", [f"c{i}" for i in range(10)])
    out = tmp_path / "out.jsonl"
    assert main(["run", str(path), "--output", str(out), "--max-concurrency", "3", "--no-progress"]) == 0
    assert "10 succeeded" in capsys.readouterr().err
    assert main(["run", str(path), "--output", str(out)]) == 0
    err = capsys.readouterr().err
    assert "10 already done" in err
    assert len(sent_ids(server)) == 10
    assert len(output_lines(out)) == 10


def test_cli_reports_bad_input_and_usage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{}\n")
    assert main(["run", str(bad), "-o", str(tmp_path / "o.jsonl")]) == 2
    assert "line 1: missing key(s) body, custom_id, method, url" in capsys.readouterr().err
    assert main(["run", str(tmp_path / "absent.jsonl"), "-o", str(tmp_path / "o.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["run", str(bad), "-o", str(tmp_path / "o.jsonl"), "--max-concurrency", "0"]) == 2
    with pytest.raises(SystemExit):
        main(["run", str(bad)])


def test_cli_hands_batch_mode_to_the_batch_module(
    server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: List[Dict[str, Any]] = []

    async def run_via_batch(
        client: AsyncOpenAI, requests: Sequence[BulkRequest], output: Path, *, state_dir: Path, progress: Any
    ) -> BulkSummary:
        calls.append(
            {"client": client, "ids": [r.custom_id for r in requests], "output": output, "state_dir": state_dir}
        )
        return BulkSummary(total=len(requests), succeeded=len(requests))

    fake = types.ModuleType("openai.bulk._batch")
    fake.run_via_batch = run_via_batch  # type: ignore[attr-defined]
    fake.BatchStateError = type("BatchStateError", (RuntimeError,), {})  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "openai.bulk._batch", fake)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    path = write_input(tmp_path / "in.jsonl", ["a", "b"])
    out = tmp_path / "out.jsonl"
    assert main(["run", str(path), "-o", str(out), "--via", "batch", "--no-progress"]) == 0
    [call] = calls
    assert call["ids"] == ["a", "b"]
    assert call["output"] == out
    assert call["state_dir"] == tmp_path / "out.jsonl.batches"
    assert server.requests == []
    assert scan_output(out).results == 0


def test_plain_progress_line_and_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from openai.bulk import PlainProgress, make_progress, response_result

    monkeypatch.setitem(sys.modules, "tqdm", None)  # as if the extra were not installed
    assert isinstance(make_progress(True), PlainProgress)
    assert make_progress(False) is None
    out = io.StringIO()
    progress = PlainProgress(file=out, interval=3600)
    progress.start(10, 4)
    request = BulkRequest("a", "POST", "/v1/x", {})
    progress.update(response_result(request, status_code=200, request_id=None, body={}))
    progress.update(response_result(request, status_code=500, request_id=None, body={}))
    progress.close()
    lines = out.getvalue().splitlines()
    # One line at the start and one at the end; the updates in between fall inside the interval.
    assert len(lines) == 2
    assert lines[0].startswith("bulk: 4/10 done")
    assert lines[1].startswith("bulk: 6/10 done") and lines[1].endswith("1 error(s)")


def test_summary_text() -> None:
    summary = BulkSummary(total=5, skipped=1, succeeded=2, failed=1, elapsed=1.25, errors={"http_500": 1})
    assert summary.remaining == 1
    assert str(summary).splitlines() == [
        "5 request(s): 2 succeeded, 1 failed, 1 already done, 1 not run; 1.2s",
        "errors: http_500 x1",
    ]

"""The Batch API path of the bulk runner: splitting, the state beside the output, end to end on the loopback server."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest

from openai import AsyncOpenAI
from openai.bulk import BulkInputError, BulkRequest, scan_output
from openai.bulk._batch import STATE_FILE, BatchStateError, run_via_batch
from openai.bulk._batch_plan import BatchState, PartRecord, part_content, split_for_batches
from openai.testing import BatchSettings, LoopbackServer, ManualClock

CHAT = "/v1/chat/completions"


def chat(custom_id: str, model: str = "gpt-4o-mini", text: Optional[str] = None, line: int = 0) -> BulkRequest:
    body = {"model": model, "messages": [{"role": "user", "content": text or custom_id}]}
    return BulkRequest(custom_id=custom_id, method="POST", url=CHAT, body=body, line=line)


def lines_of(path: Path) -> List[Dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def sent(server: LoopbackServer, method: str, path: str) -> int:
    return sum(1 for request in server.requests if request.method == method and request.path == path)


@pytest.fixture
def started() -> Iterator[Any]:
    servers: List[LoopbackServer] = []

    def start(settings: BatchSettings) -> LoopbackServer:
        server = LoopbackServer(batches=settings).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def client_for(server: LoopbackServer) -> AsyncOpenAI:
    return AsyncOpenAI(base_url=server.base_url, api_key="sk-test", max_retries=0)


# Splitting


def test_split_keeps_order_and_cuts_at_the_request_limit() -> None:
    requests = [chat(f"r{i}") for i in range(7)]
    parts = split_for_batches(requests, max_requests=3)
    assert [[r.custom_id for r in part] for part in parts] == [["r0", "r1", "r2"], ["r3", "r4", "r5"], ["r6"]]


def test_split_cuts_at_the_byte_limit_counting_each_line_and_its_newline() -> None:
    requests = [chat(f"r{i}") for i in range(5)]
    size = len(part_content(requests[:1]))
    assert all(len(part_content([r])) == size for r in requests)
    parts = split_for_batches(requests, max_bytes=2 * size)
    assert [len(part) for part in parts] == [2, 2, 1]
    assert all(len(part_content(part)) <= 2 * size for part in parts)
    # One byte less and only one line fits in each file.
    assert [len(part) for part in split_for_batches(requests, max_bytes=2 * size - 1)] == [1] * 5


def test_split_gives_each_endpoint_and_model_its_own_batches() -> None:
    embedding = BulkRequest("e1", "POST", "/v1/embeddings", {"model": "text-embedding-3-small", "input": "x"})
    requests = [chat("a"), chat("b", model="gpt-4o"), embedding, chat("c"), chat("d", model="gpt-4o"), chat("e")]
    parts = split_for_batches(requests, max_requests=2)
    assert [[r.custom_id for r in part] for part in parts] == [["a", "c"], ["b", "d"], ["e1"], ["e"]]


def test_split_names_every_line_no_batch_can_take() -> None:
    odd = BulkRequest("x", "POST", "/v1/files", {"purpose": "batch"}, line=2)
    big = chat("big", text="y" * 500, line=3)
    with pytest.raises(BulkInputError) as raised:
        split_for_batches([chat("a", line=1), odd, big, chat("b", line=4)], max_bytes=400)
    problems = raised.value.problems
    assert [problem.line for problem in problems] == [2, 3]
    assert "not a Batch API endpoint" in problems[0].message
    assert "'big'" in problems[1].message and "at most 400" in problems[1].message
    with pytest.raises(ValueError, match="max_requests must be a positive int"):
        split_for_batches([], max_requests=0)
    assert split_for_batches([]) == []


def test_state_round_trips_and_refuses_a_damaged_record() -> None:
    state = BatchState([PartRecord("part-00001", CHAT, 3, "file-1", 17, True, "batch_1", "in_progress", False)])
    assert BatchState.from_json(json.loads(json.dumps(state.to_json()))) == state
    assert state.next_name() == "part-00002"
    good = state.to_json()["parts"][0]
    for damage, message in (
        ({"name": "../../etc/passwd"}, "unexpected form"),
        ({"endpoint": "/v1/files"}, "endpoint"),
        ({"requests": 0}, "positive request count"),
        ({"requests": True}, "must be int"),
        ({"batch_id": "b/../x"}, "unexpected form"),
        ({"collected": "yes"}, "must be bool"),
    ):
        with pytest.raises(ValueError, match=message):
            BatchState.from_json({"version": 1, "parts": [{**good, **damage}]})
    with pytest.raises(ValueError, match="twice"):
        BatchState.from_json({"version": 1, "parts": [good, good]})
    with pytest.raises(ValueError, match="version"):
        BatchState.from_json({"version": 2, "parts": []})


# End to end


async def test_batches_end_to_end_merge_into_the_runner_format(started: Any, tmp_path: Path) -> None:
    server = started(BatchSettings())
    requests = [chat(f"job-{i}") for i in range(7)]
    # No messages: the endpoint refuses it, so it lands in the batch's error file.
    requests.append(BulkRequest("bad", "POST", CHAT, {"model": "gpt-4o-mini"}))
    output, state_dir = tmp_path / "out.jsonl", tmp_path / "out.jsonl.batches"
    async with client_for(server) as client:
        summary = await run_via_batch(client, requests, output, state_dir=state_dir, max_requests=3, poll_interval=0)
    assert (summary.total, summary.succeeded, summary.failed, summary.skipped) == (8, 7, 1, 0)
    assert sent(server, "POST", "/v1/batches") == 3 and sent(server, "POST", "/v1/files") == 3
    results = lines_of(output)
    assert sorted(result["custom_id"] for result in results) == sorted(r.custom_id for r in requests)
    by_id = {result["custom_id"]: result for result in results}
    assert by_id["job-3"]["response"]["status_code"] == 200 and by_id["job-3"]["error"] is None
    assert by_id["job-3"]["response"]["body"]["choices"][0]["message"]["content"] == "Echo: job-3"
    assert by_id["job-3"]["id"].startswith("batch_req")
    assert by_id["bad"]["response"]["status_code"] == 400
    assert by_id["bad"]["error"]["code"] == "missing_required_parameter"
    state = json.loads((state_dir / STATE_FILE).read_text())
    assert [part["status"] for part in state["parts"]] == ["completed"] * 3
    assert all(part["collected"] and part["batch_id"] for part in state["parts"])
    assert (state_dir / "part-00001.jsonl").read_bytes() == part_content(requests[:3])

    # Everything is in the output now: a second run submits nothing.
    before = len(server.requests)
    async with client_for(server) as client:
        again = await run_via_batch(client, requests, output, state_dir=state_dir, max_requests=3, poll_interval=0)
    assert (again.skipped, again.succeeded, again.failed) == (8, 0, 0)
    assert len(server.requests) == before


CHILD = textwrap.dedent(
    """
    import asyncio, sys
    from pathlib import Path
    from openai import AsyncOpenAI
    from openai.bulk import read_input
    from openai.bulk._batch import run_via_batch

    async def main():
        base_url, input_path, output, state_dir = sys.argv[1:]
        async with AsyncOpenAI(base_url=base_url, api_key="sk-test", max_retries=0) as client:
            await run_via_batch(
                client, read_input(input_path), Path(output), state_dir=Path(state_dir),
                max_requests=4, poll_interval=0.01,
            )

    asyncio.run(main())
    """
)


def wait_for(condition: Any, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def test_a_run_killed_while_polling_resumes_without_submitting_again(started: Any, tmp_path: Path) -> None:
    clock = ManualClock()  # stands still until the test moves it: the batches wait in validating
    server = started(BatchSettings(validating=5, in_progress=5, finalizing=5, clock=clock))
    requests = [chat(f"job-{i:02d}") for i in range(10)]
    input_path, output, state_dir = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "state"
    input_path.write_bytes(part_content(requests))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, server.base_url, str(input_path), str(output), str(state_dir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:

        def polling_all() -> bool:
            if child.poll() is not None:
                raise AssertionError(f"the run ended early: {child.stderr.read().decode() if child.stderr else ''}")
            retrieved = {r.path for r in server.requests if r.method == "GET" and r.path.startswith("/v1/batches/")}
            return len(retrieved) == 3

        wait_for(polling_all, "the run to poll all three batches")
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
        if child.stderr is not None:
            child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    assert sent(server, "POST", "/v1/batches") == 3
    assert not output.exists() or scan_output(output).results == 0
    recorded = json.loads((state_dir / STATE_FILE).read_text())["parts"]
    assert [part["requests"] for part in recorded] == [4, 4, 2] and all(part["batch_id"] for part in recorded)

    clock.advance(15)
    server.clear()

    async def resume() -> Any:
        async with client_for(server) as client:
            # Batches submitted again would wait for a clock that no longer moves: bounded, that fails.
            run = run_via_batch(client, requests, output, state_dir=state_dir, max_requests=4, poll_interval=0.001)
            return await asyncio.wait_for(run, 30)

    summary = asyncio.run(resume())
    assert sent(server, "POST", "/v1/batches") == 0 and sent(server, "POST", "/v1/files") == 0
    assert summary.succeeded == 10 and summary.failed == 0
    ids = [result["custom_id"] for result in lines_of(output)]
    assert sorted(ids) == [r.custom_id for r in requests] and len(ids) == len(set(ids))


async def test_a_create_call_lost_in_a_crash_is_found_not_repeated(started: Any, tmp_path: Path) -> None:
    server = started(BatchSettings())
    requests = [chat(f"job-{i}") for i in range(4)]
    output, state_dir = tmp_path / "out.jsonl", tmp_path / "state"
    async with client_for(server) as client:
        await run_via_batch(client, requests, output, state_dir=state_dir, max_requests=2, poll_interval=0)
    # As if the run had died with the second create call out: sent, but its answer never recorded.
    state = json.loads((state_dir / STATE_FILE).read_text())
    lost = state["parts"][1]
    batch_id = lost["batch_id"]
    lost.update(batch_id=None, status=None, collected=False)
    (state_dir / STATE_FILE).write_text(json.dumps(state))
    kept = [line for line in output.read_text().splitlines() if json.loads(line)["custom_id"] in ("job-0", "job-1")]
    output.write_text("".join(line + "\n" for line in kept))
    server.clear()
    async with client_for(server) as client:
        summary = await run_via_batch(client, requests, output, state_dir=state_dir, max_requests=2, poll_interval=0)
    assert sent(server, "POST", "/v1/batches") == 0 and sent(server, "GET", "/v1/batches") == 1
    assert (summary.skipped, summary.succeeded) == (2, 2)
    assert json.loads((state_dir / STATE_FILE).read_text())["parts"][1]["batch_id"] == batch_id
    assert sorted(result["custom_id"] for result in lines_of(output)) == [r.custom_id for r in requests]


async def test_requests_a_failed_or_expired_batch_left_unanswered_are_recorded(started: Any, tmp_path: Path) -> None:
    # The server allows 2 requests a batch, the run sends 3: that batch fails validation.
    server = started(BatchSettings(max_requests=2))
    async with client_for(server) as client:
        output = tmp_path / "failed.jsonl"
        summary = await run_via_batch(
            client, [chat("a"), chat("b"), chat("c")], output, state_dir=tmp_path / "s1", poll_interval=0
        )
    assert summary.failed == 3 and summary.errors == {"batch_failed": 3}
    errors = [result["error"] for result in lines_of(output)]
    assert all("too_many_tasks" in error["message"] for error in errors)
    assert all(result["response"] is None for result in lines_of(output))

    # Four requests over 40 s of progress, a 25 s window: two answered, two expired.
    server = started(BatchSettings(validating=0, in_progress=40, completion_window=25, clock=ManualClock(tick=10)))
    async with client_for(server) as client:
        output = tmp_path / "expired.jsonl"
        summary = await run_via_batch(
            client, [chat(name) for name in "abcd"], output, state_dir=tmp_path / "s2", poll_interval=0
        )
    assert (summary.succeeded, summary.failed) == (2, 2) and summary.errors == {"batch_expired": 2}
    assert [result["custom_id"] for result in lines_of(output) if result["error"]] == ["c", "d"]


async def test_nothing_is_sent_for_bad_input_or_a_damaged_state(started: Any, tmp_path: Path) -> None:
    server = started(BatchSettings())
    odd = BulkRequest("x", "POST", "/v1/models", {"model": "m"}, line=2)
    state_dir = tmp_path / "state"
    async with client_for(server) as client:
        with pytest.raises(BulkInputError, match="line 2"):
            await run_via_batch(client, [chat("a"), odd], tmp_path / "o.jsonl", state_dir=state_dir)
        with pytest.raises(BulkInputError, match="duplicate custom_id 'a'"):
            await run_via_batch(client, [chat("a"), chat("a")], tmp_path / "o.jsonl", state_dir=state_dir)
        state_dir.mkdir()
        (state_dir / STATE_FILE).write_text('{"version": 1, "parts": [{"name": "part-00001"}]}')
        with pytest.raises(BatchStateError, match="remove it"):
            await run_via_batch(client, [chat("a")], tmp_path / "o.jsonl", state_dir=state_dir)
        with pytest.raises(ValueError, match="poll_interval"):
            await run_via_batch(client, [chat("a")], tmp_path / "o.jsonl", state_dir=state_dir, poll_interval=-1)
    assert server.requests == []


# The Ray path without Ray


def test_the_ray_path_names_the_extra_when_ray_is_missing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from openai.bulk import _ray

    # A None entry makes `import ray` fail as it does where Ray is not installed.
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(ImportError, match=r"pip install 'openai\[ray\]'"):
        _ray.run_on_ray([chat("a")], tmp_path / "out.jsonl", client_options={"api_key": "k"})
    with pytest.raises(ImportError, match=r"pip install 'openai\[ray\]'"):
        _ray.rate_budget()
    assert not (tmp_path / "out.jsonl").exists()


def test_the_cli_runs_a_file_via_batch(started: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openai.bulk.__main__ import main

    # Phases of no length: the first look at a batch finds it completed, so no poll waits.
    server = started(BatchSettings(validating=0, in_progress=0, finalizing=0))
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    input_path, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    input_path.write_bytes(part_content([chat("a"), chat("b")]))
    argv = ["run", str(input_path), "--output", str(output), "--via", "batch", "--no-progress"]
    assert main([*argv, "--base-url", server.base_url]) == 0
    assert sorted(result["custom_id"] for result in lines_of(output)) == ["a", "b"]
    state = json.loads((tmp_path / "out.jsonl.batches" / STATE_FILE).read_text())
    assert [part["status"] for part in state["parts"]] == ["completed"]
    assert sent(server, "POST", "/v1/batches") == 1


def test_the_cli_refuses_a_damaged_batch_record_without_a_traceback(
    started: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from openai.bulk.__main__ import main

    server = started(BatchSettings())
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    input_path, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    input_path.write_bytes(part_content([chat("a")]))
    state_dir = tmp_path / "out.jsonl.batches"
    state_dir.mkdir()
    (state_dir / STATE_FILE).write_text("{not json")
    argv = ["run", str(input_path), "--output", str(output), "--via", "batch", "--no-progress"]
    assert main([*argv, "--base-url", server.base_url]) == 2
    error = capsys.readouterr().err
    assert str(state_dir / STATE_FILE) in error and "Traceback" not in error
    assert server.requests == []


def test_the_batch_and_ray_paths_are_named_by_the_package_and_loaded_only_when_asked_for() -> None:
    code = (
        "import sys, openai.bulk as bulk\n"
        "assert 'openai.bulk._batch' not in sys.modules and 'openai.bulk._ray' not in sys.modules\n"
        "from openai.bulk import run_via_batch, BatchStateError\n"
        "from openai.bulk._batch import run_via_batch as direct\n"
        "assert run_via_batch is direct and issubclass(BatchStateError, RuntimeError)\n"
        "assert callable(bulk.run_on_ray) and 'ray' not in sys.modules\n"
        "try:\n"
        "    bulk.no_such_name\n"
        "except AttributeError as exc:\n"
        "    assert 'no_such_name' in str(exc)\n"
        "else:\n"
        "    raise SystemExit('no AttributeError')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr

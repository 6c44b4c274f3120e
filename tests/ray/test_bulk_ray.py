"""The Ray path of the bulk runner on a local two-CPU Ray instance, against the rate-limited loopback server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest
import ray

from openai.bulk import BulkInputError, BulkRequest
from openai.bulk._ray import requests_dataset, run_on_ray
from openai.testing import LoopbackServer, RateLimits

CHAT = "/v1/chat/completions"
# Ray Data reads its own deprecated settings when it builds a context; nothing here sets them.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.data.context")


def chat(custom_id: str) -> BulkRequest:
    body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": custom_id}], "max_tokens": 5}
    return BulkRequest(custom_id=custom_id, method="POST", url=CHAT, body=body)


def lines_of(path: Path) -> List[Dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.fixture(scope="module")
def cluster() -> Iterator[None]:
    # Local only: no dashboard, ports on 127.0.0.1, and the workers' logs kept out of the test output.
    ray.init(
        address="local",
        include_dashboard=False,
        num_cpus=2,
        log_to_driver=False,
        configure_logging=False,
        _node_ip_address="127.0.0.1",
    )
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    try:
        yield
    finally:
        ray.shutdown()


def test_a_dataset_runs_on_an_actor_pool_under_one_shared_budget(cluster: None, tmp_path: Path) -> None:
    # 120 requests a "minute" of one second, and 360 requests from 2 actors x 8 at a time: without
    # one budget for both actors they would send twice what the limit allows.
    limits = RateLimits(requests_per_minute=120, minute=1.0)
    requests = [chat(f"job-{i:03d}") for i in range(360)]
    output = tmp_path / "out.jsonl"
    with LoopbackServer(rate_limits=limits) as server:
        options = {"base_url": server.base_url, "api_key": "sk-test", "max_retries": 0}
        summary = run_on_ray(
            requests_dataset(requests, rows_per_block=20),
            output,
            client_options=options,
            concurrency=2,
            max_concurrency=8,
            batch_size=20,
            progress=False,
        )
        assert (summary.total, summary.succeeded, summary.failed) == (360, 360, 0)
        results = lines_of(output)
        assert sorted(result["custom_id"] for result in results) == [r.custom_id for r in requests]
        assert all(result["response"]["status_code"] == 200 for result in results)
        # The shared budget kept the whole pool within the limit: at most the first window's probes met a 429.
        assert limits.refused <= 3, limits
        assert summary.rate_limited == limits.refused
        seen = len(server.requests)

        # A second run on a longer input sends only what the output lacks.
        more = requests + [chat(f"job-{i:03d}") for i in range(360, 380)]
        again = run_on_ray(more, output, client_options=options, concurrency=2, progress=False)
        assert (again.total, again.skipped, again.succeeded) == (380, 360, 20)
        assert len(server.requests) - seen == 20 + again.rate_limited

        # Nothing left to do: no actor is started and nothing is sent.
        seen = len(server.requests)
        done = run_on_ray(more, output, client_options=options, progress=False)
        assert (done.total, done.skipped, done.succeeded) == (380, 380, 0)
        with pytest.raises(BulkInputError, match="duplicate custom_id 'new'"):
            run_on_ray([chat("new"), chat("new")], output, client_options=options, progress=False)
        assert len(server.requests) == seen
    ids = [result["custom_id"] for result in lines_of(output)]
    assert len(ids) == len(set(ids)) == 380


def test_rows_of_plain_columns_and_bad_rows(cluster: None, tmp_path: Path) -> None:
    rows = [
        {"custom_id": "a", "method": "POST", "url": CHAT, "body": json.dumps(chat("a").body)},
        {"custom_id": "b", "method": "GET", "url": CHAT, "body": "{}"},
        {"custom_id": "c", "method": "POST", "url": CHAT, "body": "not json"},
    ]
    output = tmp_path / "out.jsonl"
    with LoopbackServer() as server:
        options = {"base_url": server.base_url, "api_key": "sk-test"}
        summary = run_on_ray(ray.data.from_items(rows), output, client_options=options, concurrency=1, progress=False)
        assert sum(1 for request in server.requests if request.path == CHAT) == 1
    assert (summary.succeeded, summary.failed) == (1, 2) and summary.errors == {"invalid_input": 2}
    by_id = {result["custom_id"]: result for result in lines_of(output)}
    assert by_id["a"]["response"]["body"]["choices"][0]["message"]["content"] == "Echo: a"
    assert "method must be" in by_id["b"]["error"]["message"]
    assert "JSON" in by_id["c"]["error"]["message"] or "Expecting" in by_id["c"]["error"]["message"]

"""The bulk row of ``make bench``: 5,000 requests against a rate-limited loopback server, three ways.

- ``runner``: ``openai.bulk.run_requests`` (the rate limiter reads the server's headers).
- ``semaphore``: an ``asyncio.Semaphore`` of the same concurrency around our client's calls,
  the client's own retries (which honour ``retry-after``) being all it does about limits.
- ``cookbook``: the approach of the OpenAI cookbook's parallel request processor, written here
  from its description: counters of available requests and tokens that refill every loop turn
  from the configured limits, a request sent only when both counters cover it, a failed request
  queued again, and a pause of everything after a rate-limit error.

Each contender gets a fresh server process (``bench/bulk_server.py``) and so a fresh budget; the
server logs every request it admitted or refused, and the figures come from that log. The
limits are per "minute" of ``--minute`` seconds, so a one-second minute makes a 5,000-request run
take seconds while still filling and draining the budget many times.

    python bench/bulk.py --json out.json [--requests 5000 --rpm 300 --tpm 20000 --minute 1]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Deque, Dict, List, Optional

from openai import AsyncOpenAI
from openai.bulk import BulkRequest, RateLimiter, ResultWriter, estimate_tokens, run_requests, send_one

BENCH = Path(__file__).resolve().parent
API_KEY = "sk-bench-bulk"
CONTENDERS = ("runner", "semaphore", "cookbook")
BIN_SECONDS = 0.5
# The cookbook's pause after a rate-limit error is 15 s of a 60 s minute; scaled with the minute.
COOKBOOK_PAUSE_FRACTION = 15 / 60
COOKBOOK_ATTEMPTS = 5


def make_requests(count: int, seed: int = 7) -> List[BulkRequest]:
    """Chat requests of varied prompt and output size, the same for every contender."""
    rng = random.Random(seed)
    words = [
        "the",
        "quick",
        "brown",
        "fox",
        "jumps",
        "over",
        "a",
        "lazy",
        "dog",
        "while",
        "bulk",
        "requests",
        "queue",
        "politely",
    ]
    out = []
    for i in range(count):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(4, 40)))
        body = {
            "model": "gpt-4o-mini",
            "messages": [{"role": "user", "content": f"{i}: {text}"}],
            "max_tokens": rng.randint(10, 50),
        }
        out.append(BulkRequest(custom_id=f"req-{i}", method="POST", url="/v1/chat/completions", body=body, line=i + 1))
    return out


async def run_runner(url: str, requests: List[BulkRequest], output: Path, concurrency: int, **_: Any) -> Dict[str, Any]:
    async with AsyncOpenAI(base_url=url, api_key=API_KEY) as client:
        summary = await run_requests(client, requests, output, max_concurrency=concurrency, rate_limiter=RateLimiter())
    return {"succeeded": summary.succeeded, "failed": summary.failed}


async def run_semaphore(
    url: str, requests: List[BulkRequest], output: Path, concurrency: int, **_: Any
) -> Dict[str, Any]:
    semaphore = asyncio.Semaphore(concurrency)
    counts = collections.Counter()

    async with AsyncOpenAI(base_url=url, api_key=API_KEY) as client:
        with ResultWriter(output) as writer:

            async def one(request: BulkRequest) -> None:
                async with semaphore:
                    result = await send_one(client, request)
                writer.write(result)
                counts["succeeded" if result.ok else "failed"] += 1

            await asyncio.gather(*(one(r) for r in requests))
    return {"succeeded": counts["succeeded"], "failed": counts["failed"]}


async def run_cookbook(
    url: str, requests: List[BulkRequest], output: Path, concurrency: int, *, rpm: int, tpm: int, minute: float
) -> Dict[str, Any]:
    requests_per_second = rpm / minute
    tokens_per_second = tpm / minute
    available_requests = float(rpm)
    available_tokens = float(tpm)
    last_refill = time.monotonic()
    pause = COOKBOOK_PAUSE_FRACTION * minute
    last_rate_limit = -1e9
    waiting = iter(requests)
    retries: Deque[tuple[BulkRequest, int]] = collections.deque()
    tasks: set[asyncio.Task[None]] = set()
    counts = collections.Counter()

    async with AsyncOpenAI(base_url=url, api_key=API_KEY, max_retries=0) as client:
        with ResultWriter(output) as writer:

            async def call(request: BulkRequest, left: int) -> None:
                nonlocal last_rate_limit
                result = await send_one(client, request)
                if (
                    not result.ok
                    and left > 1
                    and (result.status_code == 429 or result.status_code is None or result.status_code >= 500)
                ):
                    if result.status_code == 429:
                        last_rate_limit = time.monotonic()
                    retries.append((request, left - 1))
                    return
                writer.write(result)
                counts["succeeded" if result.ok else "failed"] += 1

            current: Optional[tuple[BulkRequest, int]] = None
            exhausted = False
            while True:
                if current is None:
                    if retries:
                        current = retries.popleft()
                    elif not exhausted:
                        nxt = next(waiting, None)
                        if nxt is None:
                            exhausted = True
                        else:
                            current = (nxt, COOKBOOK_ATTEMPTS)
                if current is None and exhausted and not tasks and not retries:
                    break
                now = time.monotonic()
                available_requests = min(rpm, available_requests + requests_per_second * (now - last_refill))
                available_tokens = min(tpm, available_tokens + tokens_per_second * (now - last_refill))
                last_refill = now
                if current is not None:
                    request, left = current
                    cost = estimate_tokens(request.url, request.body, exact=True)
                    if available_requests >= 1 and available_tokens >= cost:
                        available_requests -= 1
                        available_tokens -= cost
                        task = asyncio.ensure_future(call(request, left))
                        tasks.add(task)
                        task.add_done_callback(tasks.discard)
                        current = None
                # The main loop's short sleep, as in the original design.
                await asyncio.sleep(0.001)
                since = time.monotonic() - last_rate_limit
                if since < pause:
                    await asyncio.sleep(pause - since)
    return {"succeeded": counts["succeeded"], "failed": counts["failed"]}


RUNNERS = {"runner": run_runner, "semaphore": run_semaphore, "cookbook": run_cookbook}


class BulkServer:
    def __init__(self, rpm: int, tpm: int, minute: float, events: Path) -> None:
        self.events = events
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(BENCH / "bulk_server.py"),
                "--rpm",
                str(rpm),
                "--tpm",
                str(tpm),
                "--minute",
                str(minute),
                "--events",
                str(events),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            self.process.wait(timeout=10)
            raise SystemExit(f"bulk server failed to start (exit code {self.process.returncode})")
        self.url = f"http://127.0.0.1:{json.loads(line)['port']}/v1"

    def stop(self) -> Dict[str, Any]:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        if self.process.stdin:
            self.process.stdin.close()
        if self.process.stdout:
            self.process.stdout.close()
        data: Dict[str, Any] = json.loads(self.events.read_text())
        return data


def analyse(log: Dict[str, Any], total: int) -> Dict[str, Any]:
    """Completion time, 429s (all, and after the first window), achieved fraction, timeline."""
    events = log["events"]
    minute, rpm, tpm = log["minute"], log["rpm"], log["tpm"]
    if not events:
        return {"ok": False, "error": "the server saw no request"}
    start = events[0][0]
    admitted = [e for e in events if e[1]]
    refused = [e for e in events if not e[1]]
    span = (admitted[-1][0] - start) if admitted else 0.0
    # What the budget allowed over the run: one full bucket, then the refill rate.
    allowed_requests = rpm + rpm / minute * span
    allowed_tokens = tpm + tpm / minute * span
    used_tokens = sum(e[2] for e in admitted)
    ok_bins = [0] * (int((events[-1][0] - start) // BIN_SECONDS) + 1)
    bad_bins = [0] * len(ok_bins)
    for at, ok, _ in events:
        (ok_bins if ok else bad_bins)[int((at - start) // BIN_SECONDS)] += 1
    return {
        "ok": len(admitted) >= total,
        "span_s": span,
        "admitted": len(admitted),
        "refused": len(refused),
        "refused_after_first_window": sum(1 for e in refused if e[0] - start > minute),
        "request_fraction": len(admitted) / allowed_requests,
        "token_fraction": used_tokens / allowed_tokens,
        "fraction": max(len(admitted) / allowed_requests, used_tokens / allowed_tokens),
        "timeline": {
            "bin_s": BIN_SECONDS,
            "admitted_per_s": [n / BIN_SECONDS for n in ok_bins],
            "refused_per_s": [n / BIN_SECONDS for n in bad_bins],
        },
    }


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="The bulk row: runner vs semaphore vs cookbook under rate limits.")
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--rpm", type=int, default=200, help="requests per minute (default 200)")
    parser.add_argument("--tpm", type=int, default=13000, help="tokens per minute (default 13,000)")
    parser.add_argument("--minute", type=float, default=1.0, help="seconds a minute lasts (default 1: compressed)")
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--only", default=",".join(CONTENDERS), help="comma-separated contenders")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args(argv)
    requests = make_requests(args.requests)
    results: Dict[str, Any] = {
        "config": {
            "requests": args.requests,
            "rpm": args.rpm,
            "tpm": args.tpm,
            "minute": args.minute,
            "concurrency": args.concurrency,
        },
        "contenders": {},
    }
    with tempfile.TemporaryDirectory(prefix="bulk-bench-") as tmp:
        for index, name in enumerate(args.only.split(",")):
            events = Path(tmp) / f"{index}-{name}-events.json"
            output = Path(tmp) / f"{index}-{name}-out.jsonl"
            server = BulkServer(args.rpm, args.tpm, args.minute, events)
            started = time.perf_counter()
            try:
                outcome = asyncio.run(
                    RUNNERS[name](
                        server.url, requests, output, args.concurrency, rpm=args.rpm, tpm=args.tpm, minute=args.minute
                    )
                )
                outcome["completion_s"] = time.perf_counter() - started
            except Exception as exc:  # a contender that crashes is a result, not the end of the bench
                outcome = {
                    "ok": False,
                    "error": f"{type(exc).__name__}: {exc}",
                    "completion_s": time.perf_counter() - started,
                }
            finally:
                log = server.stop()
            figures = analyse(log, args.requests)
            figures.update(outcome)
            figures["ok"] = figures.get("ok", True) and outcome.get("failed", 0) == 0 and "error" not in outcome
            results["contenders"][name] = figures
            print(
                f"{name:10} {figures['completion_s']:6.1f} s, 429s {figures.get('refused')}"
                f" ({figures.get('refused_after_first_window')} after the first window),"
                f" {100 * figures.get('fraction', 0):.1f}% of the limit, failed {outcome.get('failed')}",
                file=sys.stderr,
                flush=True,
            )
    text = json.dumps(results)
    if args.json:
        args.json.write_text(text)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    os.environ.pop("OPENAI_BASE_URL", None)
    sys.exit(main())

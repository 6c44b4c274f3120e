"""Soak run (``make soak``): many requests at high concurrency with injected faults.

Every request must end in a response or an expected exception; memory must stay flat after
warm-up; no connection or descriptor may leak. The server runs in its own process so that the
client's memory and descriptors are measured alone. Bounded in count and in time.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import openai  # noqa: E402
from tests._pool import busy_connections, open_descriptors  # noqa: E402
from tests._transports import make_async_client  # noqa: E402

MESSAGES = [{"role": "user", "content": "soak test message"}]
FAULTS = ["status=500", "status=503;retry-after-ms=5", "reset", "truncate", "status=429;code=insufficient_quota"]
EXPECTED_ERRORS = {"InternalServerError", "APIConnectionError", "APIError", "RateLimitError"}
MAX_RSS_GROWTH_MIB = 10.0


def rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def start_server() -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "openai.testing", "--port", "0"], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


def stop_server(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
    if process.stdout is not None:
        process.stdout.close()


async def soak(transport: str, base_url: str, total: int, concurrency: int, fault_rate: float, limit_s: float) -> bool:
    rng = random.Random(2026)
    descriptors_before = open_descriptors()
    client = make_async_client(transport, base_url, max_retries=1, timeout=10.0)
    outcomes: collections.Counter[str] = collections.Counter()
    faults = 0
    next_index = 0
    warm_rss = 0.0
    started = time.monotonic()

    async def worker() -> None:
        nonlocal next_index, faults, warm_rss
        while next_index < total and time.monotonic() - started < limit_s:
            index = next_index
            next_index += 1
            if index == total // 5:
                warm_rss = rss_mib()
            headers: dict[str, str] = {}
            if rng.random() < fault_rate:
                faults += 1
                headers["x-loopback-scenario"] = rng.choice(FAULTS)
            try:
                if index % 4 == 0:
                    stream: Any = await client.chat.completions.create(
                        model="m", messages=MESSAGES, stream=True, extra_headers=headers
                    )
                    async with stream:
                        async for _chunk in stream:
                            pass
                else:
                    await client.chat.completions.create(model="m", messages=MESSAGES, extra_headers=headers)
                outcomes["ok"] += 1
            except openai.APIError as exc:
                outcomes[type(exc).__name__] += 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.monotonic() - started
    end_rss = rss_mib()
    busy = busy_connections(client)
    await client.close()
    for _ in range(300):
        if open_descriptors() == descriptors_before:
            break
        await asyncio.sleep(0.01)
    leaked_descriptors = open_descriptors() - descriptors_before
    done = sum(outcomes.values())
    unexpected = {name: count for name, count in outcomes.items() if name != "ok" and name not in EXPECTED_ERRORS}
    growth = end_rss - warm_rss
    print(
        f"[{transport}] {done:,} requests in {elapsed:.1f} s ({done / elapsed:,.0f} req/s) at concurrency "
        f"{concurrency}; {faults} faults injected\n"
        f"[{transport}] outcomes: {dict(outcomes)}\n"
        f"[{transport}] RSS after warm-up {warm_rss:.1f} MiB, at end {end_rss:.1f} MiB (growth {growth:+.1f} MiB)\n"
        f"[{transport}] leaked connections: {busy}, leaked descriptors: {leaked_descriptors}"
    )
    ok = done == total and not unexpected and growth < MAX_RSS_GROWTH_MIB and busy == 0 and leaked_descriptors == 0
    print(f"[{transport}] {'PASS' if ok else 'FAIL'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=256)
    parser.add_argument("--fault-rate", type=float, default=0.01)
    parser.add_argument("--time-limit", type=float, default=600.0, help="seconds per transport")
    parser.add_argument(
        "--transport",
        action="append",
        choices=["default", "httpx", "aiohttp"],
        help="repeatable; default: the built-in transport and aiohttp (httpx's own pool is slow at this concurrency)",
    )
    args = parser.parse_args(argv)
    transports = args.transport or ["default", "aiohttp"]
    process, base_url = start_server()
    try:
        results = [
            asyncio.run(soak(name, base_url, args.requests, args.concurrency, args.fault_rate, args.time_limit))
            for name in transports
        ]
    finally:
        stop_server(process)
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""``make bench-realtime``: server events per second received through a Realtime ``connection``, async and sync.

One loopback websocket server (``openai.testing``, in a subprocess of its own so that it does not share this
interpreter's GIL) plays a Realtime session whose every response streams ``--events`` text deltas. Each client
reads the same session: asks for a response and reads events until ``response.done``. Next to this package's
``connection`` (parsing each event into its model) run the raw ``websockets`` clients on the same session,
once only receiving and once also decoding the JSON, which is the floor a client on top of them can reach.
The rows are interleaved and repeated; the report gives the median and the spread, on stdout and in
``docs/realtime-performance.md``.

    python bench/realtime.py                    # 5 repeats of 20,000 events
    python bench/realtime.py --repeats 3 --events 5000
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List, Tuple

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
REPORT = REPO / "docs" / "realtime-performance.md"
KEY = "sk-bench"
MODEL = "gpt-realtime"
REQUEST = json.dumps({"type": "response.create"})


def serve() -> None:
    """The server subprocess: print the base URL, serve until stdin closes."""
    from openai.testing import loopback_websocket_server

    # Uncompressed, so that the server's zlib does not set the pace for every client alike.
    with loopback_websocket_server(api_key=KEY, compression=None) as server:
        print(server.base_url, flush=True)
        sys.stdin.read()


def ws_url(base_url: str, events: int) -> str:
    return base_url.replace("http://", "ws://") + f"/realtime?model={MODEL}&loopback_deltas={events}"


def raw_async(base_url: str, events: int, decode: bool) -> float:
    from websockets.asyncio.client import connect

    async def run() -> float:
        async with connect(ws_url(base_url, events), additional_headers={"Authorization": f"Bearer {KEY}"}) as ws:
            await ws.recv()  # session.created
            start = time.perf_counter()
            await ws.send(REQUEST)
            count = 0
            while True:
                message = await ws.recv(decode=False)
                count += 1
                if decode:
                    if json.loads(message)["type"] == "response.done":
                        break
                elif b'"response.done"' in message[:40]:
                    break
            return count / (time.perf_counter() - start)

    return asyncio.run(run())


def raw_sync(base_url: str, events: int, decode: bool) -> float:
    from websockets.sync.client import connect

    with connect(ws_url(base_url, events), additional_headers={"Authorization": f"Bearer {KEY}"}) as ws:
        ws.recv()
        start = time.perf_counter()
        ws.send(REQUEST)
        count = 0
        while True:
            message = ws.recv(decode=False)
            count += 1
            if decode:
                if json.loads(message)["type"] == "response.done":
                    break
            elif b'"response.done"' in message[:40]:
                break
        return count / (time.perf_counter() - start)


def ours_async(base_url: str, events: int) -> float:
    from openai import AsyncOpenAI

    async def run() -> float:
        client = AsyncOpenAI(api_key=KEY, base_url=base_url)
        async with client, client.realtime.connect(model=MODEL, extra_query={"loopback_deltas": events}) as connection:
            await connection.recv()
            start = time.perf_counter()
            await connection.response.create()
            count = 0
            async for event in connection:
                count += 1
                if event.type == "response.done":
                    break
            return count / (time.perf_counter() - start)

    return asyncio.run(run())


def ours_sync(base_url: str, events: int) -> float:
    from openai import OpenAI

    client = OpenAI(api_key=KEY, base_url=base_url)
    with client, client.realtime.connect(model=MODEL, extra_query={"loopback_deltas": events}) as connection:
        connection.recv()
        start = time.perf_counter()
        connection.response.create()
        count = 0
        for event in connection:
            count += 1
            if event.type == "response.done":
                break
        return count / (time.perf_counter() - start)


# name -> (twin, run); each row is compared with the raw client of its twin that also decodes the JSON.
ROWS: Dict[str, Tuple[str, Callable[[str, int], float]]] = {
    "connection (AsyncOpenAI)": ("asyncio", ours_async),
    "raw websockets asyncio, recv + json.loads": ("asyncio", lambda url, n: raw_async(url, n, decode=True)),
    "raw websockets asyncio, recv only": ("asyncio", lambda url, n: raw_async(url, n, decode=False)),
    "connection (OpenAI)": ("sync", ours_sync),
    "raw websockets sync, recv + json.loads": ("sync", lambda url, n: raw_sync(url, n, decode=True)),
    "raw websockets sync, recv only": ("sync", lambda url, n: raw_sync(url, n, decode=False)),
}


def report(results: Dict[str, List[float]], args: argparse.Namespace) -> str:
    lines = [
        "# Realtime websocket throughput",
        "",
        "Written by `make bench-realtime` (`bench/realtime.py`); do not edit by hand.",
        "",
        f"Server events per second received through one Realtime session: each response streams {args.events:,} "
        "text deltas from the loopback websocket server of `openai.testing` (its own process), read until "
        "`response.done`, without permessage-deflate. `connection` parses every event into its model; the raw "
        f"`websockets` rows read the same session. Median of {args.repeats} interleaved runs, min-max in brackets.",
        "",
        "| client | events/s | spread | vs raw recv + json.loads |",
        "|---|---:|---:|---:|",
    ]
    medians = {name: statistics.median(values) for name, values in results.items()}
    for name, values in results.items():
        floor = medians[f"raw websockets {ROWS[name][0]}, recv + json.loads"]
        lines.append(
            f"| {name} | {medians[name]:,.0f} | {min(values):,.0f}-{max(values):,.0f} | {medians[name] / floor:.2f}x |"
        )
    lines += [
        "",
        "The raw `recv only` rows read as fast as the server sends, so they are the ceiling of every row: where they",
        "are close to the others, the loopback server (one Python thread writing each frame), not the client, sets",
        "the pace. Runs on a shared machine spread widely; compare rows of one run, not runs of different days.",
        "",
        f"Python {platform.python_version()} on {platform.machine()} ({platform.system()}), "
        f"{datetime.date.today().isoformat()}.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000, help="text deltas per response")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/ alone")
    args = parser.parse_args()
    if args.serve:
        serve()
        return 0
    server = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        base_url = server.stdout.readline().strip()
        if not base_url.startswith("http"):
            raise RuntimeError(f"the loopback websocket server did not start (exit code {server.poll()})")
        for _, run in ROWS.values():  # warm-up: imports, first connections
            run(base_url, min(args.events, 500))
        results: Dict[str, List[float]] = {name: [] for name in ROWS}
        for _ in range(args.repeats):
            for name, (_, run) in ROWS.items():
                results[name].append(run(base_url, args.events))
    finally:
        assert server.stdin is not None
        server.stdin.close()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)
        if server.stdout is not None:
            server.stdout.close()
    text = report(results, args)
    print(text)
    if not args.no_write:
        REPORT.write_text(text, encoding="utf-8")
        print(f"wrote {REPORT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

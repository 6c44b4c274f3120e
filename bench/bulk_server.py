"""The bulk row's server: the loopback API with rate limits, in a process of its own.

Prints one JSON line ``{"port": ...}`` once it listens; on SIGTERM (or when stdin closes) it
writes every request the rate limiter judged to ``--events`` as JSON and exits. A fresh process
per contender gives each one a fresh budget.

    python bench/bulk_server.py --rpm 300 --tpm 20000 --minute 1 --events events.json
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from types import FrameType
from typing import List, Optional

from openai.testing import LoopbackServer, RateLimits


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rpm", type=int, required=True)
    parser.add_argument("--tpm", type=int, required=True)
    parser.add_argument("--minute", type=float, default=60.0)
    parser.add_argument("--events", required=True)
    args = parser.parse_args(argv)
    limits = RateLimits(requests_per_minute=args.rpm, tokens_per_minute=args.tpm, minute=args.minute)
    stop = threading.Event()

    def request_stop(signum: int, frame: Optional[FrameType]) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    # The parent going away closes stdin: the server must not outlive it.
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    with LoopbackServer(record_limit=0, rate_limits=limits) as server:
        print(json.dumps({"port": server.port}), flush=True)
        while not stop.wait(0.5):
            pass
    events = [[round(e.at, 6), int(e.admitted), e.tokens] for e in limits.events]
    with open(args.events, "w") as f:
        json.dump({"rpm": args.rpm, "tpm": args.tpm, "minute": args.minute, "events": events}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())

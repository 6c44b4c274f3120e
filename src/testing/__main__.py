"""``python -m openai.testing``: run the loopback server in the foreground until SIGINT or SIGTERM."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType
from typing import List, Optional

from ._server import LoopbackServer


def main(argv: Optional[List[str]] = None) -> int:
    """Serve until a termination signal; the first stdout line is the base URL."""
    parser = argparse.ArgumentParser(
        prog="python -m openai.testing", description="Run the OpenAI loopback test server."
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port to bind (default: 0, any free port)")
    parser.add_argument("--api-key", default=None, help="accept only this bearer token (default: any)")
    parser.add_argument(
        "--rpm", type=int, default=None, help="requests per minute per key and model (default: unlimited)"
    )
    parser.add_argument(
        "--tpm", type=int, default=None, help="tokens per minute per key and model (default: unlimited)"
    )
    parser.add_argument(
        "--minute",
        type=float,
        default=60.0,
        help="seconds a rate-limit minute lasts (default: 60; less compresses time)",
    )
    args = parser.parse_args(argv)
    rate_limits = None
    if args.rpm is not None or args.tpm is not None:
        from ._rate_limits import RateLimits

        try:
            rate_limits = RateLimits(
                requests_per_minute=args.rpm, tokens_per_minute=args.tpm, minute=args.minute, record_events=False
            )
        except ValueError as exc:
            parser.error(str(exc))

    stop = threading.Event()

    def request_stop(signum: int, frame: Optional[FrameType]) -> None:
        stop.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    with LoopbackServer(args.host, args.port, api_key=args.api_key, rate_limits=rate_limits) as server:
        print(server.base_url, flush=True)
        # A timed wait lets the main thread run the Python-level signal handler promptly.
        while not stop.wait(0.5):
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())

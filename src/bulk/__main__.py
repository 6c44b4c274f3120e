"""``python -m openai.bulk run INPUT.jsonl --output OUTPUT.jsonl``: run a JSONL file of requests.

The client is configured from the environment as usual (``OPENAI_API_KEY``, ``OPENAI_BASE_URL``
...). Exit status: 0 when every request succeeded, 1 when some were recorded as failed or the
run was interrupted, 2 for bad input or usage.
"""

from __future__ import annotations

import argparse
import asyncio
import pathlib
import sys
from typing import List, Optional

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m openai.bulk", description="Run many API requests from a file.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser(
        "run",
        help="send every request of a Batch-API-format JSONL file, appending results to an output file",
        description=(
            "Send every request of INPUT (Batch API input format) and append one result line per request "
            "to OUTPUT (Batch API output format). Started again with the same OUTPUT, the run skips every "
            "request already there."
        ),
    )
    run.add_argument("input", type=pathlib.Path, metavar="INPUT.jsonl")
    run.add_argument("--output", "-o", type=pathlib.Path, required=True, metavar="OUTPUT.jsonl")
    run.add_argument(
        "--max-concurrency", type=int, default=None, metavar="N", help="requests in flight at once (default: 64)"
    )
    run.add_argument(
        "--via",
        choices=("direct", "batch"),
        default="direct",
        help="direct: send through the client under the rate limits (default); batch: submit Batch API jobs",
    )
    run.add_argument("--no-progress", action="store_true", help="print no progress, only the summary")
    run.add_argument("--base-url", default=None, help="API base URL (default: OPENAI_BASE_URL or the API)")
    run.add_argument("--max-retries", type=int, default=None, help="retries per request for errors other than 429")
    return parser


async def _run(args: argparse.Namespace) -> int:
    from .._async._client import AsyncOpenAI
    from ._jsonl import read_input
    from ._progress import make_progress
    from ._runner import DEFAULT_MAX_CONCURRENCY, run_requests

    requests = read_input(args.input)
    progress = make_progress(not args.no_progress)
    options = {} if args.max_retries is None else {"max_retries": args.max_retries}
    async with AsyncOpenAI(base_url=args.base_url, **options) as client:
        if args.via == "batch":
            try:
                from ._batch import run_via_batch  # type: ignore[import-not-found,unused-ignore]
            except ImportError:
                print("error: --via batch is not available in this build", file=sys.stderr)
                return 2
            state_dir = args.output.with_name(args.output.name + ".batches")
            summary = await run_via_batch(client, requests, args.output, state_dir=state_dir, progress=progress)
        else:
            summary = await run_requests(
                client,
                requests,
                args.output,
                max_concurrency=args.max_concurrency or DEFAULT_MAX_CONCURRENCY,
                progress=progress,
            )
    print(summary, file=sys.stderr)
    return 0 if summary.failed == 0 and summary.remaining == 0 else 1


def main(argv: Optional[List[str]] = None) -> int:
    """Parse ``argv`` and run the command; returns the exit status."""
    from .._errors import OpenAIError
    from ._batch import BatchStateError
    from ._jsonl import BulkInputError, BulkOutputError

    args = _parser().parse_args(argv)
    if args.max_concurrency is not None and args.max_concurrency < 1:
        print("error: --max-concurrency must be at least 1", file=sys.stderr)
        return 2
    try:
        return asyncio.run(_run(args))
    except (BulkInputError, BulkOutputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BatchStateError as exc:
        # A damaged record of submitted batches: resuming from it could submit work twice.
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"error: {exc.filename}: no such file", file=sys.stderr)
        return 2
    except OpenAIError as exc:
        # The client could not be built (no API key, bad base URL): nothing was sent.
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: finished results are in the output; run again to continue", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

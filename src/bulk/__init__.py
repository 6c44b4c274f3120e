"""Bulk work against the API: many requests from a JSONL file, under the account's rate limits.

The files use the Batch API's formats (see :mod:`openai.bulk._jsonl`), so one input file runs
either directly through a client or through the Batch API, and both write the same output.
"""

from __future__ import annotations

from .._rate_limit import (
    BudgetKey,
    RateLimiter,
    RateLimitHeaders,
    Reservation,
    budget_key,
    estimate_tokens,
    parse_duration,
    parse_rate_limit_headers,
    shared_rate_limiter,
)
from ._jsonl import (
    BulkInputError,
    BulkOutputError,
    BulkRequest,
    BulkResult,
    LineProblem,
    OutputState,
    ResultWriter,
    error_result,
    parse_input,
    parse_request_line,
    parse_result_line,
    pending_requests,
    prepare_output,
    read_input,
    response_result,
    scan_output,
)
from ._progress import BulkSummary, PlainProgress, Progress, TqdmProgress, make_progress
from ._runner import DEFAULT_MAX_CONCURRENCY, run, run_requests, send_one

__all__ = [
    "DEFAULT_MAX_CONCURRENCY",
    "BudgetKey",
    "BulkSummary",
    "PlainProgress",
    "Progress",
    "RateLimitHeaders",
    "RateLimiter",
    "Reservation",
    "TqdmProgress",
    "budget_key",
    "estimate_tokens",
    "make_progress",
    "parse_duration",
    "parse_rate_limit_headers",
    "run",
    "run_requests",
    "send_one",
    "shared_rate_limiter",
    "BulkInputError",
    "BulkOutputError",
    "BulkRequest",
    "BulkResult",
    "LineProblem",
    "OutputState",
    "ResultWriter",
    "error_result",
    "parse_input",
    "parse_request_line",
    "parse_result_line",
    "pending_requests",
    "prepare_output",
    "read_input",
    "response_result",
    "scan_output",
]

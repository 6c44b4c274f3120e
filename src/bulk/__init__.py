"""Bulk work against the API: many requests from a JSONL file, under the account's rate limits.

The files use the Batch API's formats (see :mod:`openai.bulk._jsonl`), so one input file runs
either directly through a client or through the Batch API, and both write the same output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from ._batch import BatchStateError, run_via_batch
    from ._ray import run_on_ray

__all__ = [
    "DEFAULT_MAX_CONCURRENCY",
    "BatchStateError",
    "run_on_ray",
    "run_via_batch",
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


# The Batch API and Ray paths load only when asked for: `import openai.bulk` stays light, and never imports Ray.
_LAZY = {"BatchStateError": "._batch", "run_via_batch": "._batch", "run_on_ray": "._ray"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module, __name__), name)

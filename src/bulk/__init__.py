"""Bulk work against the API: many requests from a JSONL file, under the account's rate limits.

The files use the Batch API's formats (see :mod:`openai.bulk._jsonl`), so one input file runs
either directly through a client or through the Batch API, and both write the same output.
"""

from __future__ import annotations

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

__all__ = [
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

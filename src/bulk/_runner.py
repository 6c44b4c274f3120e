"""The direct bulk runner: every input line sent through one async client, within the rate budget.

A fixed pool of workers takes requests in input order, so memory stays flat however long the
input is; each result is appended to the output and flushed as soon as it is known, and a
request that fails is recorded with its error rather than raised. A run started again on the
same output skips every custom_id already there, so finished work is never sent twice.
"""

from __future__ import annotations

import asyncio
import json
import os
import pathlib
import time
from typing import TYPE_CHECKING, Any, Iterable, Iterator, List, Optional, Sequence, Union

from .._errors import APIConnectionError, APIStatusError, APITimeoutError
from .._rate_limit import RateLimiter, shared_rate_limiter
from ._jsonl import (
    BulkInputError,
    BulkRequest,
    BulkResult,
    LineProblem,
    ResultWriter,
    error_result,
    pending_requests,
    prepare_output,
    read_input,
    response_result,
)
from ._progress import BulkSummary, Progress, make_progress

if TYPE_CHECKING:
    from .._async._client import AsyncOpenAI

__all__ = ["DEFAULT_MAX_CONCURRENCY", "run", "run_requests", "send_one"]

DEFAULT_MAX_CONCURRENCY = 64

_PathLike = Union[str, "os.PathLike[str]"]


def _api_path(client: AsyncOpenAI, url: str) -> str:
    # Input files name the API's paths ("/v1/chat/completions"); a client's base URL already ends
    # in the version, so the path is joined to it without it.
    base_path = client.base_url.path.rstrip("/")
    if base_path.endswith("/v1") and (url == "/v1" or url.startswith("/v1/")):
        return url[3:] or "/"
    return url


def _decode(content: bytes) -> Any:
    try:
        return json.loads(content)
    except ValueError:
        return content.decode("utf-8", errors="replace")


async def send_one(client: AsyncOpenAI, request: BulkRequest) -> BulkResult:
    """Send one request and describe how it ended; never raises for a failed request."""
    import httpx

    try:
        response = await client.post(_api_path(client, request.url), cast_to=httpx.Response, body=dict(request.body))
    except APIStatusError as exc:
        return response_result(
            request,
            status_code=exc.status_code,
            request_id=exc.request_id,
            body=_decode(exc.response.content),
        )
    except APITimeoutError as exc:
        return error_result(request, code="timeout", message=str(exc))
    except APIConnectionError as exc:
        cause = exc.__cause__
        detail = f"{exc} ({type(cause).__name__}: {cause})" if cause is not None else str(exc)
        return error_result(request, code="connection_error", message=detail)
    except Exception as exc:
        # Anything else (a body the encoder refuses, a server answer that cannot be decoded) is
        # this request's failure, not the run's.
        return error_result(request, code="client_error", message=f"{type(exc).__name__}: {exc}")
    return response_result(
        request,
        status_code=response.status_code,
        request_id=response.headers.get("x-request-id"),
        body=_decode(response.content),
    )


def _check_unique(requests: Iterable[BulkRequest]) -> List[BulkRequest]:
    out: List[BulkRequest] = []
    seen: dict[str, int] = {}
    problems: List[LineProblem] = []
    for index, request in enumerate(requests, start=1):
        if not isinstance(request, BulkRequest):
            raise TypeError(f"requests must be BulkRequest objects, got {type(request).__name__} at position {index}")
        line = request.line or index
        if request.custom_id in seen:
            problems.append(
                LineProblem(
                    line, f"duplicate custom_id {request.custom_id!r} (first on line {seen[request.custom_id]})"
                )
            )
            continue
        seen[request.custom_id] = line
        out.append(request)
    if problems:
        raise BulkInputError("<requests>", problems)
    return out


def _with_limiter(client: AsyncOpenAI, limiter: Optional[RateLimiter]) -> AsyncOpenAI:
    if limiter is not None:
        return client.with_options(rate_limiter=limiter)
    if client._rate_limiter is None:
        # Every run of the process draws on one budget, so two runs at once stay under the limits too.
        return client.with_options(rate_limiter=shared_rate_limiter())
    return client


async def run_requests(
    client: AsyncOpenAI,
    requests: Sequence[BulkRequest],
    output: _PathLike,
    *,
    max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
    progress: Optional[Progress] = None,
    rate_limiter: Optional[RateLimiter] = None,
) -> BulkSummary:
    """Run already validated ``requests``, appending each result to ``output``.

    Requests whose custom_id already has a line in ``output`` are skipped. The client's rate
    limiter is used, else ``rate_limiter``, else the process-wide one.
    """
    if isinstance(max_concurrency, bool) or not isinstance(max_concurrency, int) or max_concurrency < 1:
        raise ValueError(f"max_concurrency must be a positive int, got {max_concurrency!r}")
    requests = _check_unique(requests)
    path = pathlib.Path(output)
    state = prepare_output(path)
    todo = pending_requests(requests, state)
    summary = BulkSummary(total=len(requests), skipped=len(requests) - len(todo), output=path)
    limited = _with_limiter(client, rate_limiter)
    limiter = limited._rate_limiter
    seen_429 = limiter.rate_limited() if limiter is not None else 0
    started = time.monotonic()
    if progress is not None:
        progress.start(summary.total, summary.skipped)
    queue: Iterator[BulkRequest] = iter(todo)

    async def worker(writer: ResultWriter) -> None:
        # One shared iterator: each worker takes the next request when it is free.
        for request in queue:
            result = await send_one(limited, request)
            writer.write(result)
            summary.record(result)
            if progress is not None:
                progress.update(result)

    try:
        with ResultWriter(path) as writer:
            workers = [asyncio.ensure_future(worker(writer)) for _ in range(min(max_concurrency, len(todo)))]
            try:
                await asyncio.gather(*workers)
            finally:
                for task in workers:
                    task.cancel()
                await asyncio.gather(*workers, return_exceptions=True)
    finally:
        summary.elapsed = time.monotonic() - started
        if limiter is not None:
            summary.rate_limited = limiter.rate_limited() - seen_429
        if progress is not None:
            progress.close()
    return summary


async def run(
    client: AsyncOpenAI,
    input: Union[_PathLike, Iterable[BulkRequest]],
    output: _PathLike,
    *,
    max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
    progress: Union[Progress, bool, None] = True,
    rate_limiter: Optional[RateLimiter] = None,
) -> BulkSummary:
    """Run every request of ``input`` (a JSONL file or :class:`BulkRequest` objects) into ``output``.

    The whole input is validated first: a malformed or duplicate line raises
    :class:`BulkInputError` before anything is sent. ``progress=True`` shows a bar (``tqdm``
    when installed, else a periodic line on stderr); pass a :class:`Progress` to receive the
    updates yourself, or ``False`` for silence.
    """
    requests = read_input(input) if isinstance(input, (str, os.PathLike)) else list(input)
    reporter = make_progress(bool(progress)) if isinstance(progress, bool) or progress is None else progress
    return await run_requests(
        client,
        requests,
        output,
        max_concurrency=max_concurrency,
        progress=reporter,
        rate_limiter=rate_limiter,
    )

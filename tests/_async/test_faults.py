"""Each fault the loopback server can inject, and what the client must do about it, on every client/transport.

A test's docstring names its row in the fault matrix (``docs/reliability.md``); the ``fault_matrix``
fixture records the outcome before the assertions run, so a failing behaviour still shows in the table.
Retry waits are recorded by the ``sleeps`` fixture instead of slept, so only real timeouts cost time.
"""

from __future__ import annotations

import itertools
import time
from typing import Any, Callable, Dict, List, Optional

import pytest

import openai
from openai import AsyncOpenAI
from openai.testing import LoopbackServer, refusing_base_url
from tests._transports import make_async_client
from tests.fault_matrix import FaultRecorder

MESSAGES = [{"role": "user", "content": "one two three four"}]
REPLY = "Echo: one two three four"
# Small, so that timeouts cost little; the margin absorbs scheduling noise on a busy machine.
TIMEOUT = 0.3
MARGIN = 0.4
LARGE_BYTES = 20 * 1024 * 1024

_keys = itertools.count()


def scenario(spec: Optional[str]) -> Dict[str, str]:
    """Headers asking the loopback server for a fault; the key keeps ``times=`` counts per test."""
    if spec is None:
        return {}
    return {"x-loopback-scenario": spec, "x-loopback-scenario-key": f"fault{next(_keys)}"}


class Observed:
    """How one call ended: its result or the exception it raised, and how long it took."""

    def __init__(self, result: Any, error: Optional[BaseException], elapsed: float) -> None:
        self.result = result
        self.error = error
        self.elapsed = elapsed


async def observe(call: Callable[[], Any]) -> Observed:
    """Run ``call`` and capture its outcome instead of letting an exception end the test early."""
    started = time.monotonic()
    try:
        result = await call()
    except Exception as error:
        return Observed(None, error, time.monotonic() - started)
    return Observed(result, None, time.monotonic() - started)


async def chat(client: AsyncOpenAI, spec: Optional[str], **options: Any) -> Any:
    """One plain chat completion, with the fault ``spec`` and client options (timeout, max_retries)."""
    api = client.with_options(**options) if options else client
    return await api.chat.completions.create(model="m", messages=MESSAGES, extra_headers=scenario(spec))


async def chat_stream(client: AsyncOpenAI, spec: Optional[str], received: List[Any], **options: Any) -> List[Any]:
    """Stream a chat completion into ``received`` (so a test sees what arrived before a failure)."""
    api = client.with_options(**options) if options else client
    stream = await api.chat.completions.create(model="m", messages=MESSAGES, stream=True, extra_headers=scenario(spec))
    async with stream:
        async for chunk in stream:
            received.append(chunk)
    return received


def deltas(chunks: List[Any]) -> List[Any]:
    """What a stream said, without the per-request id and timestamp."""
    return [(chunk.choices[0].delta.content, chunk.choices[0].finish_reason) for chunk in chunks if chunk.choices]


def error_name(error: BaseException) -> str:
    module = type(error).__module__
    name = type(error).__name__
    # Anything not from this package escaped the error translation; say where it came from.
    return name if module.split(".")[0] == "openai" else f"{module}.{name} (escaped)"


def describe(seen: Observed, attempts: Optional[int], sleeps: List[float], detail: str = "") -> str:
    """The matrix cell: outcome, detail, attempts that reached the server, and the retry waits."""
    if seen.error is None:
        parts = ["ok"]
    else:
        status = getattr(seen.error, "status_code", None)
        parts = [error_name(seen.error) + (f" {status}" if status is not None else "")]
    if detail:
        parts.append(detail)
    if attempts is not None:
        parts.append(f"{attempts} attempt{'s' if attempts != 1 else ''}")
    parts.append("waits " + ", ".join(f"{wait:.2f}" for wait in sleeps) + " s" if sleeps else "no wait")
    return " · ".join(parts)


def expect_error(seen: Observed, error_class: type[BaseException], *, exact: bool = True) -> Any:
    """The raised exception, checked to be ``error_class`` (exactly, unless ``exact=False``)."""
    if seen.error is None:
        raise AssertionError(f"expected {error_class.__name__}, but the call returned {seen.result!r:.200}")
    matches = type(seen.error) is error_class if exact else isinstance(seen.error, error_class)
    if not matches:
        raise AssertionError(
            f"expected {error_class.__name__}, got {error_name(seen.error)}: {seen.error}"
        ) from seen.error
    return seen.error


def expect_ok(seen: Observed) -> Any:
    if seen.error is not None:
        raise AssertionError(f"expected success, got {error_name(seen.error)}: {seen.error}") from seen.error
    return seen.result


def assert_backoff(sleeps: List[float], count: int) -> None:
    """``count`` exponential waits: 0.5 s doubling, each less up to 25 % jitter."""
    assert len(sleeps) == count, sleeps
    for retry, wait in enumerate(sleeps):
        ceiling = min(0.5 * 2**retry, 8.0)
        assert 0.75 * ceiling <= wait <= ceiling, (retry, wait)


def assert_status_error(error: Any, status: int, server: LoopbackServer) -> None:
    """Status, the last response's request id, and a decoded error body."""
    assert error.status_code == status
    assert error.response.status_code == status
    # The server numbers its responses from 1 for each test, so the last one is req_<count>.
    assert error.request_id == f"req_{len(server.requests)}"
    assert error.message.startswith(f"Error code: {status}")


# Connections


async def test_connection_refused(transport: str, sleeps: List[float], fault_matrix: FaultRecorder) -> None:
    """Connection refused"""
    with refusing_base_url() as base_url:
        async with make_async_client(transport, base_url, max_retries=2) as api:
            seen = await observe(lambda: chat(api, None))
    fault_matrix.record(describe(seen, None, sleeps))
    error = expect_error(seen, openai.APIConnectionError)
    assert error.body is None and error.message == "Connection error."
    assert_backoff(sleeps, 2)


async def test_reset_before_headers(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """TCP reset before the response head"""
    seen = await observe(lambda: chat(client, "reset"))
    fault_matrix.record(describe(seen, len(server.requests), sleeps))
    error = expect_error(seen, openai.APIConnectionError)
    assert error.body is None
    assert len(server.requests) == 3
    assert_backoff(sleeps, 2)


async def test_reset_mid_body(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """TCP reset halfway through a JSON body"""
    seen = await observe(lambda: chat(client, "reset-mid"))
    fault_matrix.record(describe(seen, len(server.requests), sleeps))
    expect_error(seen, openai.APIConnectionError)
    # The body is read inside the retry loop, so a broken one is retried like a broken connection.
    assert len(server.requests) == 3
    assert_backoff(sleeps, 2)


async def test_truncated_body(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """Connection closed halfway through a JSON body (content-length not met)"""
    seen = await observe(lambda: chat(client, "truncate"))
    fault_matrix.record(describe(seen, len(server.requests), sleeps))
    expect_error(seen, openai.APIConnectionError)
    assert len(server.requests) == 3
    assert_backoff(sleeps, 2)


async def test_reset_mid_stream(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """TCP reset mid-stream, after 2 events"""
    received: List[Any] = []
    seen = await observe(lambda: chat_stream(client, "reset-mid;after=2", received))
    fault_matrix.record(describe(seen, len(server.requests), sleeps, f"{len(received)} chunks first"))
    expect_error(seen, openai.APIConnectionError)
    assert len(received) == 2
    # Half a stream has been handed to the caller already: it must not be replayed.
    assert len(server.requests) == 1 and sleeps == []


async def test_truncated_stream(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """Connection closed mid-stream, after 2 events (chunked body not ended)"""
    received: List[Any] = []
    seen = await observe(lambda: chat_stream(client, "truncate;after=2", received))
    fault_matrix.record(describe(seen, len(server.requests), sleeps, f"{len(received)} chunks first"))
    expect_error(seen, openai.APIConnectionError)
    assert len(received) == 2
    assert len(server.requests) == 1 and sleeps == []


async def test_stream_ends_without_done(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """SSE stream ends cleanly without [DONE]"""
    control = await chat_stream(client, None, [])
    server.clear()
    received: List[Any] = []
    seen = await observe(lambda: chat_stream(client, "no-done", received))
    fault_matrix.record(describe(seen, len(server.requests), sleeps, f"{len(received)} chunks first"))
    # Without [DONE] the caller cannot tell a finished answer from a cut one, so it must not end quietly.
    expect_error(seen, openai.APIError, exact=False)
    assert deltas(received) == deltas(control)
    assert len(server.requests) == 1


# Timeouts: max_retries=0, so the wall time is one attempt's.


async def test_stall_before_headers(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """Server stalls 5 s before the head; timeout 0.3 s, no retries"""
    seen = await observe(lambda: chat(client, "stall=5", timeout=TIMEOUT, max_retries=0))
    fault_matrix.record(describe(seen, len(server.requests), sleeps, f"after {seen.elapsed:.2f} s"))
    expect_error(seen, openai.APITimeoutError)
    assert seen.elapsed < TIMEOUT + MARGIN
    assert len(server.requests) == 1


async def test_stall_before_headers_retried(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """Server stalls 5 s before the head; timeout 0.3 s, 2 retries"""
    seen = await observe(lambda: chat(client, "stall=5", timeout=TIMEOUT))
    fault_matrix.record(describe(seen, len(server.requests), sleeps, f"after {seen.elapsed:.2f} s"))
    expect_error(seen, openai.APITimeoutError)
    assert len(server.requests) == 3
    assert_backoff(sleeps, 2)
    assert seen.elapsed < 3 * TIMEOUT + MARGIN


async def test_trickle_gaps_over_read_timeout(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """Body trickled with 2 s gaps (longer than the 0.3 s timeout), no retries"""
    seen = await observe(lambda: chat(client, "trickle=2;size=64", timeout=TIMEOUT, max_retries=0))
    fault_matrix.record(describe(seen, len(server.requests), sleeps, f"after {seen.elapsed:.2f} s"))
    expect_error(seen, openai.APITimeoutError)
    assert seen.elapsed < TIMEOUT + MARGIN


async def test_trickle_gaps_under_read_timeout(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """Body trickled with 0.1 s gaps for over 1 s in all; timeout 0.3 s, no retries"""
    seen = await observe(lambda: chat(client, "trickle=0.1;size=24", timeout=TIMEOUT, max_retries=0))
    fault_matrix.record(describe(seen, len(server.requests), sleeps, f"after {seen.elapsed:.2f} s"))
    # The user's timeout bounds the call, however politely the server keeps it busy.
    expect_error(seen, openai.APITimeoutError)
    assert seen.elapsed < TIMEOUT + MARGIN


async def test_stream_stalls_mid_stream(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """SSE stream stalls 2 s between events; timeout 0.3 s"""
    received: List[Any] = []
    seen = await observe(lambda: chat_stream(client, "drip=2", received, timeout=TIMEOUT, max_retries=0))
    detail = f"{len(received)} chunk{'s' if len(received) != 1 else ''} first, after {seen.elapsed:.2f} s"
    fault_matrix.record(describe(seen, len(server.requests), sleeps, detail))
    expect_error(seen, openai.APITimeoutError)
    assert len(received) == 1
    assert seen.elapsed < TIMEOUT + MARGIN


# Statuses and retry headers


async def test_500_then_ok(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """500 twice, then 200"""
    seen = await observe(lambda: chat(client, "status=500;times=2"))
    fault_matrix.record(describe(seen, len(server.requests), sleeps))
    assert expect_ok(seen).choices[0].message.content == REPLY
    assert [request.headers["x-stainless-retry-count"] for request in server.requests] == ["0", "1", "2"]
    assert_backoff(sleeps, 2)


async def test_429_retry_after_seconds(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """429 with retry-after: 1, then 200"""
    seen = await observe(lambda: chat(client, "status=429;retry-after=1;times=1"))
    fault_matrix.record(describe(seen, len(server.requests), sleeps))
    expect_ok(seen)
    assert sleeps == [1.0] and len(server.requests) == 2


async def test_429_retry_after_ms(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """429 with retry-after-ms: 250 (and retry-after: 9), then 200"""
    seen = await observe(lambda: chat(client, "status=429;retry-after-ms=250;retry-after=9;times=1"))
    fault_matrix.record(describe(seen, len(server.requests), sleeps))
    expect_ok(seen)
    assert sleeps == [0.25] and len(server.requests) == 2


async def test_503_retry_after_http_date(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """503 with retry-after as an HTTP date 3 s ahead, then 200"""
    seen = await observe(lambda: chat(client, "status=503;retry-after-date=3;times=1"))
    fault_matrix.record(describe(seen, len(server.requests), sleeps))
    expect_ok(seen)
    # An HTTP date has whole seconds: the wait lands within a second below what was asked.
    assert len(sleeps) == 1 and 1.5 <= sleeps[0] <= 3.0
    assert len(server.requests) == 2


async def test_503_retry_after_every_time(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """503 with retry-after: 1 on every attempt"""
    seen = await observe(lambda: chat(client, "status=503;retry-after=1"))
    fault_matrix.record(describe(seen, len(server.requests), sleeps))
    error = expect_error(seen, openai.InternalServerError)
    assert_status_error(error, 503, server)
    assert error.body["type"] == "server_error" and error.body["message"]
    assert sleeps == [1.0, 1.0] and len(server.requests) == 3


@pytest.mark.parametrize(
    ("spec", "fault"),
    [
        pytest.param("status=429;retry-after=300", "429 with retry-after: 300 (over 120 s)", id="seconds"),
        pytest.param("status=429;retry-after-ms=121000", "429 with retry-after-ms: 121000 (over 120 s)", id="ms"),
        pytest.param("status=429;retry-after-date=600", "429 with retry-after as an HTTP date 600 s ahead", id="date"),
    ],
)
async def test_retry_after_over_120_s(
    client: AsyncOpenAI,
    server: LoopbackServer,
    sleeps: List[float],
    fault_matrix: FaultRecorder,
    spec: str,
    fault: str,
) -> None:
    """429 asking for a wait over 120 s"""
    seen = await observe(lambda: chat(client, spec))
    fault_matrix.record(describe(seen, len(server.requests), sleeps), fault=fault)
    error = expect_error(seen, openai.RateLimitError)
    assert_status_error(error, 429, server)
    assert len(server.requests) == 1 and sleeps == []


async def test_insufficient_quota(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """429 with code insufficient_quota"""
    spec = "status=429;code=insufficient_quota;type=insufficient_quota;message=You exceeded your current quota."
    seen = await observe(lambda: chat(client, spec))
    fault_matrix.record(describe(seen, len(server.requests), sleeps))
    error = expect_error(seen, openai.RateLimitError)
    assert_status_error(error, 429, server)
    assert error.code == "insufficient_quota" and error.type == "insufficient_quota"
    assert error.body["message"] == "You exceeded your current quota."
    # Waiting does not refill a quota.
    assert len(server.requests) == 1 and sleeps == []


async def test_x_should_retry_false(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """500 with x-should-retry: false"""
    seen = await observe(lambda: chat(client, "status=500;should-retry=false"))
    fault_matrix.record(describe(seen, len(server.requests), sleeps))
    error = expect_error(seen, openai.InternalServerError)
    assert_status_error(error, 500, server)
    assert len(server.requests) == 1 and sleeps == []


async def test_x_should_retry_true(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """400 with x-should-retry: true, then 200"""
    seen = await observe(lambda: chat(client, "status=400;should-retry=true;times=1"))
    fault_matrix.record(describe(seen, len(server.requests), sleeps))
    expect_ok(seen)
    assert len(server.requests) == 2
    assert_backoff(sleeps, 1)


async def test_500_with_html_body(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """500 with an HTML body (a proxy's error page)"""
    seen = await observe(lambda: chat(client, "status=500;body=html"))
    fault_matrix.record(describe(seen, len(server.requests), sleeps))
    error = expect_error(seen, openai.InternalServerError)
    assert_status_error(error, 500, server)
    # The raw page is kept, so the user sees what the proxy said.
    assert isinstance(error.body, str) and error.body.startswith("<html>")
    assert "500 Internal Server Error" in error.message
    assert len(server.requests) == 3
    assert_backoff(sleeps, 2)


# Bodies


async def test_200_with_invalid_json(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """200 whose JSON body is cut in half"""
    seen = await observe(lambda: chat(client, "invalid-json"))
    fault_matrix.record(describe(seen, len(server.requests), sleeps))
    error = expect_error(seen, openai.APIResponseValidationError)
    assert error.status_code == 200
    assert error.response.headers["x-request-id"] == "req_1"
    assert isinstance(error.body, str) and error.body.startswith('{"id":"chatcmpl-')
    assert "JSON" in error.message
    # A complete response that cannot be read will not read better the second time.
    assert len(server.requests) == 1 and sleeps == []


async def test_200_with_error_object(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """200 with a JSON error object as the body"""
    seen = await observe(lambda: chat(client, "error-200;code=model_overloaded;message=The model is overloaded."))
    fault_matrix.record(describe(seen, len(server.requests), sleeps))
    error = expect_error(seen, openai.APIError, exact=False)
    assert error.body == {
        "message": "The model is overloaded.",
        "type": "server_error",
        "param": None,
        "code": "model_overloaded",
    }
    assert error.code == "model_overloaded"
    assert "The model is overloaded." in error.message
    assert len(server.requests) == 1 and sleeps == []


async def test_200_with_error_object_to_a_stream(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """200 with a JSON error object as the body, to a stream=True call"""
    received: List[Any] = []
    spec = "error-200;code=model_overloaded;message=The model is overloaded."
    seen = await observe(lambda: chat_stream(client, spec, received))
    fault_matrix.record(describe(seen, len(server.requests), sleeps, f"{len(received)} chunks first"))
    # An empty stream here would look like a model that said nothing.
    error = expect_error(seen, openai.APIError, exact=False)
    assert error.code == "model_overloaded"
    assert received == []


async def test_large_response(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """20 MiB JSON body"""
    seen = await observe(lambda: chat(client, f"large={LARGE_BYTES}"))
    fault_matrix.record(describe(seen, len(server.requests), sleeps, f"in {seen.elapsed:.2f} s"))
    completion = expect_ok(seen)
    assert completion.choices[0].message.content == REPLY
    padding = (completion.model_extra or {})["loopback_padding"]
    assert LARGE_BYTES - 1024 <= len(padding) <= LARGE_BYTES
    assert len(server.requests) == 1


async def test_json_labelled_text_plain(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """200 JSON body labelled content-type: text/plain"""
    seen = await observe(lambda: chat(client, "content-type=text/plain"))
    fault_matrix.record(describe(seen, len(server.requests), sleeps))
    assert expect_ok(seen).choices[0].message.content == REPLY


async def test_stream_labelled_json(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """SSE stream labelled content-type: application/json"""
    control = await chat_stream(client, None, [])
    received: List[Any] = []
    seen = await observe(lambda: chat_stream(client, "content-type=application/json", received))
    fault_matrix.record(describe(seen, len(server.requests) - 1, sleeps, f"{len(received)} chunks"))
    expect_ok(seen)
    assert deltas(received) == deltas(control)


# Streams


async def test_stream_error_event(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """SSE `event: error` after 2 events"""
    received: List[Any] = []
    seen = await observe(lambda: chat_stream(client, "stream-error;after=2;code=overloaded", received))
    fault_matrix.record(describe(seen, len(server.requests), sleeps, f"{len(received)} chunks first"))
    error = expect_error(seen, openai.APIError)
    assert error.code == "overloaded" and error.body["message"]
    assert error.body["message"] in error.message
    assert len(received) == 2
    assert len(server.requests) == 1 and sleeps == []


async def test_stream_error_data(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """SSE `data: {"error": ...}` after 2 events"""
    received: List[Any] = []
    seen = await observe(lambda: chat_stream(client, "stream-error;after=2;named=false;code=overloaded", received))
    fault_matrix.record(describe(seen, len(server.requests), sleeps, f"{len(received)} chunks first"))
    error = expect_error(seen, openai.APIError)
    assert error.code == "overloaded"
    assert len(received) == 2
    assert len(server.requests) == 1 and sleeps == []


async def test_stream_event_with_invalid_json(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder
) -> None:
    """SSE event whose data is cut JSON, after 1 event"""
    received: List[Any] = []
    seen = await observe(lambda: chat_stream(client, "invalid-json;after=1", received))
    fault_matrix.record(describe(seen, len(server.requests), sleeps, f"{len(received)} chunk first"))
    error = expect_error(seen, openai.APIError, exact=False)
    assert isinstance(error.body, str) and error.body.startswith('{"id":"chatcmpl-')
    assert len(received) == 1


@pytest.mark.parametrize("size", [1, 7])
async def test_stream_split_into_pieces(
    client: AsyncOpenAI, server: LoopbackServer, sleeps: List[float], fault_matrix: FaultRecorder, size: int
) -> None:
    """SSE stream written in small pieces"""
    control = await chat_stream(client, None, [])
    received: List[Any] = []
    seen = await observe(lambda: chat_stream(client, f"split={size}", received))
    fault = (
        "SSE stream split at every byte boundary (1-byte writes)" if size == 1 else f"SSE stream in {size}-byte writes"
    )
    fault_matrix.record(describe(seen, len(server.requests) - 1, sleeps, f"{len(received)} chunks"), fault=fault)
    expect_ok(seen)
    assert deltas(received) == deltas(control)
    assert "".join(content or "" for content, _ in deltas(received)) == REPLY

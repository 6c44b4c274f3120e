"""Faults a request asks for with the ``x-loopback-scenario`` header.

Grammar: one or more comma-separated scenarios, each ``name[=value]`` followed by
``;param=value`` pairs, e.g. ``status=429;retry-after=1;times=2`` or ``stall=0.5, status=503``.

``status=<400-599>``
    Answer with that status and an API error body instead of routing. Params: ``retry-after``,
    ``retry-after-ms``, ``retry-after-date=<seconds from now>`` (an HTTP date),
    ``should-retry=true|false`` (``x-should-retry``), ``message``, ``code``, ``type``.
``stall=<seconds>``
    Wait before writing anything (at most 30 s in total).
``reset``
    Drop the connection with a TCP reset instead of answering.
``stream-error``
    Streamed replies: send ``after=<n>`` events (default half), then ``event: error`` with an
    error body, then end the stream cleanly without ``[DONE]``. Params: ``message``, ``code``,
    ``named=false`` (send the error as a plain ``data:`` event).
``truncate``
    Streamed replies: send ``after=<n>`` events, then close the socket mid-body. Plain replies:
    send half the announced body, then close.
``no-done``
    Streamed replies: end cleanly but without ``[DONE]``.
``drip=<seconds>``
    Streamed replies: wait this long after each event (at most 5 s per event).

The stream scenarios leave plain (non-streamed) replies alone, except ``truncate``.

Every scenario accepts ``times=<n>``: only the first ``n`` requests carrying the same
scenario text and the same ``x-loopback-scenario-key`` header value get the fault; later
ones are answered normally. That is how a test makes "fail twice, then succeed".
Scenarios apply before authentication, so a fault shows even without a key.

A scenario is a small function that edits a :class:`Fault`; add one to :data:`SCENARIOS`
to add a fault. An unknown name, a bad value or an unknown parameter gets a 400, so a
typo never silently tests the happy path.
"""

from __future__ import annotations

import email.utils
import functools
import math
import threading
import time
from typing import Callable, Dict, List, Optional, Tuple

from ._reply import ApiError, Reply
from ._sse import DONE, data_frame, event_frame

__all__ = ["KEY_HEADER", "SCENARIOS", "SCENARIO_HEADER", "Fault", "ScenarioCounter", "plan"]

SCENARIO_HEADER = "x-loopback-scenario"
KEY_HEADER = "x-loopback-scenario-key"

MAX_STALL_SECONDS = 30.0
MAX_DRIP_SECONDS = 5.0

Frames = List[bytes]


class Fault:
    """What the connection does differently for one request.

    ``delay``: seconds to wait before anything is written. ``reset``: drop the connection
    with a TCP reset instead of answering. ``reply``: answer with this instead of routing.
    ``rewrite``: edit a streamed reply's frames. ``abort``: close the connection after the
    (rewritten) frames or half of a plain body, leaving the message incomplete.
    ``frame_delay``: seconds to wait after each streamed frame.
    """

    __slots__ = ("abort", "delay", "frame_delay", "reply", "reset", "rewrite")

    def __init__(self) -> None:
        self.delay = 0.0
        self.reset = False
        self.reply: Optional[Reply] = None
        self.rewrite: Optional[Callable[[Frames], Frames]] = None
        self.abort = False
        self.frame_delay = 0.0


Scenario = Callable[[str, Dict[str, str], Fault], None]


class ScenarioError(ValueError):
    """A scenario header that cannot be carried out as written."""


def _only(params: Dict[str, str], *allowed: str) -> None:
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        raise ScenarioError(f"unknown parameter(s) {', '.join(unknown)}")


def _seconds(value: str, what: str, ceiling: float) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise ScenarioError(f"{what} needs a number of seconds, got {value!r}") from None
    if not math.isfinite(seconds) or seconds < 0:
        raise ScenarioError(f"{what} needs a non-negative number of seconds")
    return min(seconds, ceiling)


def _count(params: Dict[str, str], name: str) -> Optional[int]:
    raw = params.get(name)
    if raw is None:
        return None
    if not raw.isdigit():
        raise ScenarioError(f"{name} needs a whole number, got {raw!r}")
    return int(raw)


def _no_value(value: str, name: str) -> None:
    if value:
        raise ScenarioError(f"{name} takes no value")


def _status(value: str, params: Dict[str, str], fault: Fault) -> None:
    _only(params, "retry-after", "retry-after-ms", "retry-after-date", "should-retry", "message", "code", "type")
    if not value.isdigit() or not 400 <= int(value) <= 599:
        raise ScenarioError(f"status needs an error status from 400 to 599, got {value!r}")
    status = int(value)
    headers: List[Tuple[str, str]] = []
    # Values pass through untouched so tests can also send malformed ones.
    if "retry-after" in params:
        headers.append(("retry-after", params["retry-after"]))
    if "retry-after-ms" in params:
        headers.append(("retry-after-ms", params["retry-after-ms"]))
    if "retry-after-date" in params:
        delay = _seconds(params["retry-after-date"], "retry-after-date", 86_400.0)
        headers.append(("retry-after", email.utils.formatdate(time.time() + delay, usegmt=True)))
    if "should-retry" in params:
        if params["should-retry"] not in ("true", "false"):
            raise ScenarioError("should-retry must be true or false")
        headers.append(("x-should-retry", params["should-retry"]))
    message = params.get("message") or f"The loopback scenario asked for status {status}."
    error = ApiError(status, message, type=params.get("type"), code=params.get("code"), headers=headers)
    fault.reply = error.reply()


def _stall(value: str, params: Dict[str, str], fault: Fault) -> None:
    _only(params)
    fault.delay = min(fault.delay + _seconds(value, "stall", MAX_STALL_SECONDS), MAX_STALL_SECONDS)


def _reset(value: str, params: Dict[str, str], fault: Fault) -> None:
    _only(params)
    _no_value(value, "reset")
    fault.reset = True


def _content_frames(frames: Frames, after: Optional[int]) -> Frames:
    """The first ``after`` frames that carry data (default: half of them, at least one)."""
    content = [frame for frame in frames if frame != DONE]
    keep = max(1, len(content) // 2) if after is None else after
    return content[:keep]


def _without_done(frames: Frames) -> Frames:
    return [frame for frame in frames if frame != DONE]


def _then_error(frames: Frames, after: Optional[int], error_frame: bytes) -> Frames:
    return [*_content_frames(frames, after), error_frame]


def _stream_error(value: str, params: Dict[str, str], fault: Fault) -> None:
    _only(params, "after", "message", "code", "named")
    _no_value(value, "stream-error")
    message = params.get("message") or "The loopback scenario failed this stream."
    payload = {"error": {"message": message, "type": "server_error", "param": None, "code": params.get("code")}}
    # named=false sends the error as a plain data event, the way some servers report errors.
    frame = data_frame(payload) if params.get("named") == "false" else event_frame("error", payload)
    fault.rewrite = functools.partial(_then_error, after=_count(params, "after"), error_frame=frame)


def _truncate(value: str, params: Dict[str, str], fault: Fault) -> None:
    _only(params, "after")
    _no_value(value, "truncate")
    fault.rewrite = functools.partial(_content_frames, after=_count(params, "after"))
    fault.abort = True


def _no_done(value: str, params: Dict[str, str], fault: Fault) -> None:
    _only(params)
    _no_value(value, "no-done")
    fault.rewrite = _without_done


def _drip(value: str, params: Dict[str, str], fault: Fault) -> None:
    _only(params)
    fault.frame_delay = _seconds(value, "drip", MAX_DRIP_SECONDS)


SCENARIOS: Dict[str, Scenario] = {
    "status": _status,
    "stall": _stall,
    "reset": _reset,
    "stream-error": _stream_error,
    "truncate": _truncate,
    "no-done": _no_done,
    "drip": _drip,
}


class ScenarioCounter:
    """How many requests each (key header, scenario text) pair has seen; shared with the test thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Dict[Tuple[str, str], int] = {}

    def hit(self, key: Tuple[str, str]) -> int:
        """Count one more request for ``key`` and return the new count."""
        with self._lock:
            count = self._counts.get(key, 0) + 1
            self._counts[key] = count
            return count

    def clear(self) -> None:
        """Forget every count."""
        with self._lock:
            self._counts.clear()


def _bad_header(reason: str) -> Reply:
    return ApiError(400, f"Bad {SCENARIO_HEADER} header: {reason}.", code="invalid_loopback_scenario").reply()


def plan(header: str, key: str, counter: ScenarioCounter) -> Fault:
    """The :class:`Fault` a scenario header asks for (its ``reply`` is a 400 when the header is wrong)."""
    fault = Fault()
    for segment in header.split(","):
        tokens = [token.strip() for token in segment.split(";") if token.strip()]
        if not tokens:
            continue
        name, _, value = tokens[0].partition("=")
        params: Dict[str, str] = {}
        for token in tokens[1:]:
            param, _, param_value = token.partition("=")
            params[param.strip().lower()] = param_value.strip()
        scenario = SCENARIOS.get(name.strip().lower())
        if scenario is None:
            fault.reply = _bad_header(f"unknown scenario {name.strip()!r} (known: {', '.join(sorted(SCENARIOS))})")
            return fault
        try:
            times = _count(params, "times")
            params.pop("times", None)
            if times is not None and counter.hit((key, ";".join(tokens))) > times:
                continue
            scenario(value.strip(), params, fault)
        except ScenarioError as error:
            fault.reply = _bad_header(f"{name.strip()}: {error}")
            return fault
    return fault

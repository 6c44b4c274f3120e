"""Faults a request asks for with the ``x-loopback-scenario`` header.

Grammar: one or more comma-separated scenarios, each ``name[=value]`` followed by
``;param=value`` pairs, e.g. ``status=429;retry-after=1;times=2`` or ``stall=0.5, status=503``.

``status=<400-599>``
    Answer with that status and an API error body instead of routing. Params: ``retry-after``,
    ``retry-after-ms``, ``retry-after-date=<seconds from now>`` (an HTTP date),
    ``should-retry=true|false`` (``x-should-retry``), ``message``, ``code``, ``type``,
    ``body=json|html|text|empty`` (``html``: the kind of page a proxy in front of the API sends).
``error-200``
    Answer 200 with an ``{"error": {...}}`` JSON body, as some OpenAI-compatible servers do, even
    when a stream was asked for. Params: ``message``, ``code``, ``type``.
``stall=<seconds>``
    Wait before writing anything (at most 30 s in total).
``reset``
    Drop the connection with a TCP reset instead of answering.
``reset-mid``
    Send the head and part of the body, then drop the connection with a TCP reset: half of a
    plain body, or ``after=<n>`` events of a stream (default half).
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
    Streamed replies: wait this long after each event (at most 5 s per event). Ignored when
    ``split`` or ``trickle`` cuts the body into pieces.
``trickle=<seconds>``
    Write the body (plain or streamed) ``size=<n>`` bytes at a time (default 1), waiting this
    long between writes (at most 5 s per wait, 30 s in all; the rest then goes at once).
``split=<n>``
    Write the body in ``n``-byte pieces, each its own write (and its own chunk when chunked),
    with a turn of the event loop in between: an SSE stream cut at every byte boundary.
``invalid-json``
    Plain replies: keep the status and content-type but cut the JSON body in half. Streamed
    replies: replace event ``after=<n>`` (default: the middle one) with one whose data is cut JSON.
``large=<bytes>``
    Plain JSON object replies: add a ``loopback_padding`` string so the body is at least that
    many bytes (at most 256 MiB).
``content-type=<type>``
    Answer with this content-type instead of the right one (no ``;`` parameters).

The stream scenarios leave plain (non-streamed) replies alone, except ``truncate`` and ``reset-mid``.

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
import http
import math
import re
import threading
import time
from typing import Callable, Dict, List, Optional, Tuple

from ._reply import ApiError, Reply, dumps, error_payload
from ._sse import DONE, data_frame, event_frame

__all__ = ["KEY_HEADER", "SCENARIOS", "SCENARIO_HEADER", "Fault", "ScenarioCounter", "plan"]

SCENARIO_HEADER = "x-loopback-scenario"
KEY_HEADER = "x-loopback-scenario-key"

MAX_STALL_SECONDS = 30.0
MAX_DRIP_SECONDS = 5.0
MAX_TRICKLE_GAP = 5.0
MAX_TRICKLE_SECONDS = 30.0
MAX_LARGE_BYTES = 256 * 1024 * 1024
PADDING_FIELD = "loopback_padding"

_KNOWN_STATUSES = frozenset(status.value for status in http.HTTPStatus)
_MEDIA_TYPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*")

Frames = List[bytes]
Edit = Callable[[Reply], Reply]

_HTML_PAGE = (
    "<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n"
    "<center><h1>{status} {reason}</h1></center>\r\n<hr><center>loopback-proxy</center>\r\n"
    "</body>\r\n</html>\r\n"
)


class Fault:
    """What the connection does differently for one request.

    ``delay``: seconds to wait before anything is written. ``reset``: drop the connection
    with a TCP reset instead of answering. ``reply``: answer with this instead of routing.
    ``edits``: changes to the reply (its body, content-type, frames), applied in order.
    ``rewrite``: edit a streamed reply's frames. ``abort``: close the connection after the
    (rewritten) frames or half of a plain body, leaving the message incomplete; with
    ``abort_reset`` that close is a TCP reset. ``frame_delay``: seconds to wait after each
    streamed frame. ``piece_size`` (0: whole writes) and ``piece_delay``: write the body in
    pieces of that many bytes, waiting that long between them.
    """

    __slots__ = (
        "abort",
        "abort_reset",
        "delay",
        "edits",
        "frame_delay",
        "piece_delay",
        "piece_size",
        "reply",
        "reset",
        "rewrite",
    )

    def __init__(self) -> None:
        self.delay = 0.0
        self.reset = False
        self.reply: Optional[Reply] = None
        self.edits: List[Edit] = []
        self.rewrite: Optional[Callable[[Frames], Frames]] = None
        self.abort = False
        self.abort_reset = False
        self.frame_delay = 0.0
        self.piece_size = 0
        self.piece_delay = 0.0

    def shape(self, reply: Reply) -> Reply:
        """``reply`` with every edit applied."""
        for edit in self.edits:
            reply = edit(reply)
        return reply


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
    _only(
        params, "retry-after", "retry-after-ms", "retry-after-date", "should-retry", "message", "code", "type", "body"
    )
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
    fault.reply = _error_body(error.reply(), params.get("body", "json"), message)


def _error_body(reply: Reply, kind: str, message: str) -> Reply:
    """The error reply with the body kind asked for: the API's JSON, or what a proxy or a bare server sends."""
    if kind == "json":
        return reply
    if kind == "html":
        reason = http.HTTPStatus(reply.status).phrase if reply.status in _KNOWN_STATUSES else "Error"
        page = _HTML_PAGE.format(status=reply.status, reason=reason).encode("ascii")
        return Reply(reply.status, page, content_type="text/html", headers=reply.headers)
    if kind == "text":
        return Reply(reply.status, message.encode("utf-8"), content_type="text/plain", headers=reply.headers)
    if kind == "empty":
        return Reply(reply.status, b"", headers=reply.headers)
    raise ScenarioError(f"body must be json, html, text or empty, got {kind!r}")


def _error_200(value: str, params: Dict[str, str], fault: Fault) -> None:
    _only(params, "message", "code", "type")
    _no_value(value, "error-200")
    message = params.get("message") or "The loopback scenario reported an error inside a 200 response."
    payload = error_payload(500, message, type=params.get("type"), code=params.get("code"))
    fault.reply = Reply(200, dumps(payload))


def _stall(value: str, params: Dict[str, str], fault: Fault) -> None:
    _only(params)
    fault.delay = min(fault.delay + _seconds(value, "stall", MAX_STALL_SECONDS), MAX_STALL_SECONDS)


def _reset(value: str, params: Dict[str, str], fault: Fault) -> None:
    _only(params)
    _no_value(value, "reset")
    fault.reset = True


def _reset_mid(value: str, params: Dict[str, str], fault: Fault) -> None:
    _only(params, "after")
    _no_value(value, "reset-mid")
    fault.rewrite = functools.partial(_content_frames, after=_count(params, "after"))
    fault.abort = True
    fault.abort_reset = True


def _content_frames(frames: Frames, after: Optional[int]) -> Frames:
    """The first ``after`` frames that carry data (default: half of them, at least one)."""
    content = _without_done(frames)
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
    payload = error_payload(500, message, code=params.get("code"))
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


def _positive(value: str, what: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise ScenarioError(f"{what} needs a whole number of bytes of at least 1, got {value!r}")
    return int(value)


def _trickle(value: str, params: Dict[str, str], fault: Fault) -> None:
    _only(params, "size")
    fault.piece_delay = _seconds(value, "trickle", MAX_TRICKLE_GAP)
    fault.piece_size = _positive(params.get("size", "1"), "size")


def _split(value: str, params: Dict[str, str], fault: Fault) -> None:
    _only(params)
    fault.piece_size = _positive(value, "split")


def _cut_json(body: bytes) -> bytes:
    # Half of a JSON document never parses: an object or array loses its closing bracket.
    return body[: max(1, len(body) // 2)]


def _invalid_json_frames(frames: Frames, after: Optional[int]) -> Frames:
    positions = [index for index, frame in enumerate(frames) if frame != DONE]
    edited = list(frames)
    if not positions:
        return [b'data: {"id": "cut\n\n', *edited]
    chosen = positions[len(positions) // 2 if after is None else min(after, len(positions) - 1)]
    frame = frames[chosen]
    # The data line follows any id/event lines; JSON data never holds a raw newline.
    start = 0 if frame.startswith(b"data: ") else frame.index(b"\ndata: ") + 1
    data_start = start + len(b"data: ")
    edited[chosen] = frame[:data_start] + _cut_json(frame[data_start:-2]) + b"\n\n"
    return edited


def _invalid_json_edit(reply: Reply, after: Optional[int]) -> Reply:
    if reply.frames is not None:
        frames = _invalid_json_frames(reply.frames, after)
        return Reply(reply.status, content_type=reply.content_type, headers=reply.headers, frames=frames)
    return Reply(reply.status, _cut_json(reply.body), content_type=reply.content_type, headers=reply.headers)


def _invalid_json(value: str, params: Dict[str, str], fault: Fault) -> None:
    _only(params, "after")
    _no_value(value, "invalid-json")
    fault.edits.append(functools.partial(_invalid_json_edit, after=_count(params, "after")))


def _pad_edit(reply: Reply, size: int) -> Reply:
    body = reply.body
    if reply.frames is not None or not (body.startswith(b"{") and body.endswith(b"}")):
        return reply
    opening = b'"' + PADDING_FIELD.encode("ascii") + b'":"'
    separator = b"," if len(body) > 2 else b""
    missing = max(0, size - len(body) - len(opening) - len(separator) - 1)
    padded = body[:-1] + separator + opening + b"x" * missing + b'"}'
    return Reply(reply.status, padded, content_type=reply.content_type, headers=reply.headers)


def _large(value: str, params: Dict[str, str], fault: Fault) -> None:
    _only(params)
    size = _positive(value, "large")
    if size > MAX_LARGE_BYTES:
        raise ScenarioError(f"large is at most {MAX_LARGE_BYTES} bytes")
    fault.edits.append(functools.partial(_pad_edit, size=size))


def _retype_edit(reply: Reply, content_type: str) -> Reply:
    return Reply(reply.status, reply.body, content_type=content_type, headers=reply.headers, frames=reply.frames)


def _content_type(value: str, params: Dict[str, str], fault: Fault) -> None:
    _only(params)
    if not _MEDIA_TYPE.fullmatch(value):
        raise ScenarioError(f"content-type needs a media type like text/plain, got {value!r}")
    fault.edits.append(functools.partial(_retype_edit, content_type=value))


SCENARIOS: Dict[str, Scenario] = {
    "status": _status,
    "error-200": _error_200,
    "stall": _stall,
    "reset": _reset,
    "reset-mid": _reset_mid,
    "stream-error": _stream_error,
    "truncate": _truncate,
    "no-done": _no_done,
    "drip": _drip,
    "trickle": _trickle,
    "split": _split,
    "invalid-json": _invalid_json,
    "large": _large,
    "content-type": _content_type,
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

"""The Batch API's JSONL file formats, read and written without I/O beyond the files themselves.

An input line asks for one request::

    {"custom_id": "task-1", "method": "POST", "url": "/v1/chat/completions", "body": {...}}

An output line records how it ended::

    {"id": "bulkreq_...", "custom_id": "task-1",
     "response": {"status_code": 200, "request_id": "req_...", "body": {...}}, "error": null}

The same files serve the direct runner and the Batch API, so a run can move between the two.
Input is validated as a whole before anything is sent: every malformed or duplicate line is
reported with its line number in one :class:`BulkInputError`. An output file left by a killed
run may end in a torn line; :func:`scan_output` finds where the last complete line ends so the
runner can cut the tear off before appending.
"""

from __future__ import annotations

import json
import os
import pathlib
import secrets
import threading
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

__all__ = [
    "ALLOWED_METHODS",
    "BulkInputError",
    "BulkOutputError",
    "BulkRequest",
    "BulkResult",
    "LineProblem",
    "OutputState",
    "ResultWriter",
    "error_result",
    "new_result_id",
    "parse_input",
    "parse_request_line",
    "parse_result_line",
    "pending_requests",
    "prepare_output",
    "read_input",
    "repair_output",
    "response_result",
    "scan_output",
]

# The Batch API accepts POST only; keeping the same rule means a file that runs directly also
# runs through the Batch API.
ALLOWED_METHODS = frozenset({"POST"})

_INPUT_KEYS = frozenset({"custom_id", "method", "url", "body"})
_MAX_CUSTOM_ID = 512
_MAX_URL = 2048
# A single line beyond this is not a request anyone meant to write; refusing it keeps a hostile
# file from being parsed into memory as one giant object.
MAX_LINE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class LineProblem:
    """One thing wrong with one line of a JSONL file (``line`` counts from 1)."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class BulkInputError(ValueError):
    """The input file has malformed or duplicate lines; nothing was sent.

    ``problems`` lists every one found, in line order.
    """

    def __init__(self, source: str, problems: Sequence[LineProblem]) -> None:
        self.source = source
        self.problems: Tuple[LineProblem, ...] = tuple(problems)
        shown = "\n".join(f"  {p}" for p in self.problems[:20])
        more = len(self.problems) - 20
        tail = f"\n  ... and {more} more" if more > 0 else ""
        super().__init__(f"{source}: {len(self.problems)} bad input line(s), nothing was sent:\n{shown}{tail}")


class BulkOutputError(ValueError):
    """An existing output file cannot be resumed: a line other than the last is not a result line."""

    def __init__(self, source: str, problem: LineProblem) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: not a bulk output file ({problem}); refusing to append to it")


@dataclass(frozen=True)
class BulkRequest:
    """One validated input line: what to send, and which line of the input asked for it."""

    custom_id: str
    method: str
    url: str
    body: Mapping[str, Any]
    line: int = 0

    @property
    def model(self) -> Optional[str]:
        """The body's ``model``, when it names one as a string (the rate budget is kept per model)."""
        model = self.body.get("model")
        return model if isinstance(model, str) else None

    def to_line(self) -> str:
        """The input line for this request, without a trailing newline."""
        return json.dumps(
            {"custom_id": self.custom_id, "method": self.method, "url": self.url, "body": self.body},
            ensure_ascii=False,
            separators=(",", ":"),
        )


@dataclass(frozen=True)
class BulkResult:
    """One output line: the response the server gave, or the error that stopped the request.

    ``status_code``/``request_id``/``body`` are ``None`` when no response arrived at all;
    ``error`` is ``None`` on success and ``{"code", "message"}`` otherwise.
    """

    id: str
    custom_id: str
    status_code: Optional[int] = None
    request_id: Optional[str] = None
    body: Any = None
    error: Optional[Dict[str, Any]] = None
    has_response: bool = field(default=True)

    @property
    def ok(self) -> bool:
        """True when a response arrived with a 2xx status and no error was recorded."""
        return self.error is None and self.status_code is not None and 200 <= self.status_code < 300

    def to_json(self) -> Dict[str, Any]:
        """The output line as a JSON object."""
        response: Optional[Dict[str, Any]] = None
        if self.has_response:
            response = {"status_code": self.status_code, "request_id": self.request_id, "body": self.body}
        return {"id": self.id, "custom_id": self.custom_id, "response": response, "error": self.error}

    def to_line(self) -> str:
        """The output line, ending in a newline, ready to append."""
        return json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n"


def new_result_id() -> str:
    """A fresh id for an output line (the Batch API's ``batch_req_...`` plays the same role)."""
    return "bulkreq_" + secrets.token_hex(12)


def response_result(
    request: BulkRequest,
    *,
    status_code: int,
    request_id: Optional[str],
    body: Any,
    result_id: Optional[str] = None,
) -> BulkResult:
    """The result of a request that got a response; a non-2xx status also records an ``error``."""
    error: Optional[Dict[str, Any]] = None
    if not 200 <= status_code < 300:
        code, message = f"http_{status_code}", f"the server answered {status_code}"
        inner = body.get("error") if isinstance(body, Mapping) else None
        if isinstance(inner, Mapping):
            if isinstance(inner.get("code"), str) and inner["code"]:
                code = inner["code"]
            elif isinstance(inner.get("type"), str) and inner["type"]:
                code = inner["type"]
            if isinstance(inner.get("message"), str) and inner["message"]:
                message = inner["message"]
        error = {"code": code, "message": message}
    return BulkResult(
        id=result_id or new_result_id(),
        custom_id=request.custom_id,
        status_code=status_code,
        request_id=request_id,
        body=body,
        error=error,
    )


def error_result(request: BulkRequest, *, code: str, message: str, result_id: Optional[str] = None) -> BulkResult:
    """The result of a request that got no response (connection failure, timeout, bad body...)."""
    return BulkResult(
        id=result_id or new_result_id(),
        custom_id=request.custom_id,
        status_code=None,
        request_id=None,
        body=None,
        error={"code": code, "message": message},
        has_response=False,
    )


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _loads(text: Union[str, bytes]) -> Any:
    # NaN/Infinity are Python extensions, not JSON: a file holding them would fail at the API.
    return json.loads(text, parse_constant=_reject_constant)


def _url_problem(url: str) -> Optional[str]:
    if not url.startswith("/"):
        return f"url must be a path starting with '/', got {url[:80]!r}"
    if len(url) > _MAX_URL:
        return f"url is longer than {_MAX_URL} characters"
    if url.startswith("//") or "://" in url:
        return f"url must be a path on the API, not another host: {url[:80]!r}"
    if any(ord(c) < 0x21 or ord(c) == 0x7F for c in url):
        return "url contains whitespace or control characters"
    if any(part in (".", "..") for part in url.split("?", 1)[0].split("/")):
        return f"url must not contain '.' or '..' segments: {url[:80]!r}"
    if "#" in url:
        return "url must not contain a fragment"
    return None


def parse_request_line(text: Union[str, bytes], line: int = 0) -> BulkRequest:
    """Parse and validate one input line; raises :class:`ValueError` saying what is wrong."""
    if len(text) > MAX_LINE_BYTES:
        raise ValueError(f"line is longer than {MAX_LINE_BYTES} bytes")
    try:
        data = _loads(text)
    except ValueError as exc:
        raise ValueError(f"not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object, got {type(data).__name__}")
    missing = sorted(_INPUT_KEYS - data.keys())
    if missing:
        raise ValueError(f"missing key(s) {', '.join(missing)}")
    extra = sorted(k for k in data if k not in _INPUT_KEYS)
    if extra:
        raise ValueError(f"unknown key(s) {', '.join(repr(k) for k in extra[:5])}")
    custom_id, method, url, body = data["custom_id"], data["method"], data["url"], data["body"]
    if not isinstance(custom_id, str) or not custom_id:
        raise ValueError("custom_id must be a non-empty string")
    if len(custom_id) > _MAX_CUSTOM_ID:
        raise ValueError(f"custom_id is longer than {_MAX_CUSTOM_ID} characters")
    if not isinstance(method, str) or method.upper() not in ALLOWED_METHODS:
        raise ValueError(f"method must be one of {', '.join(sorted(ALLOWED_METHODS))}, got {method!r}")
    if not isinstance(url, str):
        raise ValueError("url must be a string")
    problem = _url_problem(url)
    if problem:
        raise ValueError(problem)
    if not isinstance(body, dict):
        raise ValueError(f"body must be a JSON object, got {type(body).__name__}")
    if body.get("stream") is True:
        raise ValueError("body.stream must not be true: a bulk result is a whole response")
    return BulkRequest(custom_id=custom_id, method=method.upper(), url=url, body=body, line=line)


def parse_input(lines: Iterable[Union[str, bytes]], *, source: str = "<input>") -> List[BulkRequest]:
    """Validate every line; return the requests in file order or raise :class:`BulkInputError`.

    Blank lines are ignored. Duplicate custom_ids are reported at each repeat with the line of the
    first occurrence, so the whole file can be fixed in one pass.
    """
    problems: List[LineProblem] = []
    requests: List[BulkRequest] = []
    first_seen: Dict[str, int] = {}
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            request = parse_request_line(text, number)
        except ValueError as exc:
            problems.append(LineProblem(number, str(exc)))
            continue
        earlier = first_seen.get(request.custom_id)
        if earlier is not None:
            problems.append(LineProblem(number, f"duplicate custom_id {request.custom_id!r} (first on line {earlier})"))
            continue
        first_seen[request.custom_id] = number
        requests.append(request)
    if problems:
        raise BulkInputError(source, problems)
    return requests


def read_input(path: Union[str, os.PathLike[str]]) -> List[BulkRequest]:
    """Read and validate an input JSONL file (see :func:`parse_input`)."""
    p = pathlib.Path(path)
    with p.open("rb") as f:
        return parse_input(f, source=str(p))


def parse_result_line(text: Union[str, bytes]) -> BulkResult:
    """Parse one output line back into a :class:`BulkResult`; raises :class:`ValueError` if it is not one."""
    try:
        data = _loads(text)
    except ValueError as exc:
        raise ValueError(f"not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object")
    custom_id = data.get("custom_id")
    if not isinstance(custom_id, str) or not custom_id:
        raise ValueError("custom_id must be a non-empty string")
    result_id = data.get("id")
    if not isinstance(result_id, str):
        raise ValueError("id must be a string")
    error = data.get("error")
    if error is not None and not isinstance(error, dict):
        raise ValueError("error must be an object or null")
    response = data.get("response")
    if response is None:
        if error is None:
            raise ValueError("neither response nor error")
        return BulkResult(id=result_id, custom_id=custom_id, error=error, has_response=False)
    if not isinstance(response, dict):
        raise ValueError("response must be an object or null")
    status = response.get("status_code")
    if not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 599:
        raise ValueError("response.status_code must be an HTTP status")
    request_id = response.get("request_id")
    if request_id is not None and not isinstance(request_id, str):
        raise ValueError("response.request_id must be a string or null")
    return BulkResult(
        id=result_id,
        custom_id=custom_id,
        status_code=status,
        request_id=request_id,
        body=response.get("body"),
        error=error,
    )


@dataclass(frozen=True)
class OutputState:
    """What an existing output file already holds.

    ``finished`` are the custom_ids with a result line; ``valid_bytes`` is where the last complete
    line ends (appending must start there); ``torn`` says a partial last line follows it.
    """

    finished: frozenset[str]
    valid_bytes: int
    torn: bool
    results: int

    @classmethod
    def empty(cls) -> OutputState:
        """The state of a file that does not exist yet."""
        return cls(finished=frozenset(), valid_bytes=0, torn=False, results=0)


def scan_output(path: Union[str, os.PathLike[str]]) -> OutputState:
    """Read the custom_ids already finished in ``path`` (missing file: nothing finished).

    A last line without its newline, or one that does not parse, is taken as torn by a crash and
    left out. Any earlier bad line raises :class:`BulkOutputError`: that file is not ours to extend.
    """
    p = pathlib.Path(path)
    try:
        f = p.open("rb")
    except FileNotFoundError:
        return OutputState.empty()
    finished: set[str] = set()
    offset = 0
    count = 0
    with f:
        pending: Optional[Tuple[int, bytes]] = None
        for number, raw in enumerate(f, start=1):
            if pending is not None:
                # The bad line was not the last one.
                raise BulkOutputError(str(p), LineProblem(pending[0], pending[1].decode("utf-8", "replace")))
            if not raw.endswith(b"\n"):
                return OutputState(frozenset(finished), offset, torn=True, results=count)
            if raw.strip():
                try:
                    result = parse_result_line(raw)
                except ValueError as exc:
                    pending = (number, str(exc).encode())
                    continue
                finished.add(result.custom_id)
                count += 1
            offset += len(raw)
        if pending is not None:
            return OutputState(frozenset(finished), offset, torn=True, results=count)
    return OutputState(frozenset(finished), offset, torn=False, results=count)


def repair_output(path: Union[str, os.PathLike[str]], state: OutputState) -> None:
    """Cut a torn last line off ``path`` so appended lines start on a line of their own."""
    if not state.torn:
        return
    with open(path, "r+b") as f:
        f.truncate(state.valid_bytes)


def pending_requests(requests: Iterable[BulkRequest], state: OutputState) -> List[BulkRequest]:
    """The requests whose custom_id has no result line yet, in input order."""
    return [r for r in requests if r.custom_id not in state.finished]


def prepare_output(path: Union[str, os.PathLike[str]]) -> OutputState:
    """Scan an output file for a resumed run and cut off a torn last line (see :func:`scan_output`)."""
    state = scan_output(path)
    repair_output(path, state)
    return state


class ResultWriter:
    """Appends result lines to an output file, each flushed to the OS as soon as it is written.

    A crash then loses only the requests still in flight. Safe to share between threads; closing
    twice is harmless.
    """

    def __init__(self, path: Union[str, os.PathLike[str]], *, fsync: bool = False) -> None:
        self.path = pathlib.Path(path)
        self._fsync = fsync
        self._lock = threading.Lock()
        self._file: Optional[BinaryIO] = self.path.open("ab")

    def write(self, result: BulkResult) -> None:
        """Append one result line and flush it."""
        data = result.to_line().encode("utf-8")
        with self._lock:
            if self._file is None:
                raise ValueError(f"the result writer for {self.path} is closed")
            # One write call per line: a kill can tear only the line being written, never mix two.
            self._file.write(data)
            self._file.flush()
            if self._fsync:
                os.fsync(self._file.fileno())

    def close(self) -> None:
        """Flush and close the file."""
        with self._lock:
            f, self._file = self._file, None
        if f is not None:
            f.close()

    def __enter__(self) -> ResultWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

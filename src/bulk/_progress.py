"""Progress reporting and the end-of-run summary of a bulk run.

A run reports to a :class:`Progress`: ``start`` once, ``update`` per finished request, ``close``
at the end. :func:`make_progress` picks a ``tqdm`` bar when that package is installed (extra
``bulk``) and otherwise a plain line every few seconds, so a run never needs the extra.
"""

from __future__ import annotations

import pathlib
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Dict, Optional, Protocol, TextIO

from ._jsonl import BulkResult

__all__ = ["BulkSummary", "PlainProgress", "Progress", "TqdmProgress", "make_progress"]


class Progress(Protocol):
    """Where a run reports how far it got; implementations must accept calls from any thread."""

    def start(self, total: int, done: int) -> None:
        """The run has ``total`` requests of which ``done`` were finished by an earlier run."""

    def update(self, result: BulkResult) -> None:
        """One more request finished (successfully or not)."""

    def close(self) -> None:
        """The run ended; flush whatever is shown."""


def _format_duration(seconds: float) -> str:
    if seconds != seconds or seconds == float("inf"):
        return "?"
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class PlainProgress:
    """A line of text every ``interval`` seconds: done/total, rate, ETA, errors."""

    def __init__(self, *, file: Optional[TextIO] = None, interval: float = 5.0) -> None:
        self._file = file
        self._interval = interval
        self._lock = threading.Lock()
        self._total = 0
        self._done = 0
        self._resumed = 0
        self._errors = 0
        self._started = time.monotonic()
        self._last_shown = 0.0

    def start(self, total: int, done: int) -> None:
        with self._lock:
            self._total, self._done, self._resumed = total, done, done
            self._started = self._last_shown = time.monotonic()
        self._show(force=True)

    def update(self, result: BulkResult) -> None:
        with self._lock:
            self._done += 1
            if not result.ok:
                self._errors += 1
        self._show(force=False)

    def close(self) -> None:
        self._show(force=True)

    def line(self) -> str:
        """The current progress line."""
        with self._lock:
            elapsed = max(time.monotonic() - self._started, 1e-9)
            fresh = self._done - self._resumed
            rate = fresh / elapsed
            left = self._total - self._done
            eta = left / rate if rate > 0 else float("inf")
            return (
                f"bulk: {self._done}/{self._total} done, {rate:.1f} req/s, "
                f"ETA {_format_duration(eta) if left else '00:00'}, {self._errors} error(s)"
            )

    def _show(self, *, force: bool) -> None:
        now = time.monotonic()
        with self._lock:
            if not force and now - self._last_shown < self._interval:
                return
            self._last_shown = now
        out = self._file if self._file is not None else sys.stderr
        print(self.line(), file=out, flush=True)


class TqdmProgress:
    """A ``tqdm`` bar with the error count in its postfix."""

    def __init__(self, *, file: Optional[TextIO] = None) -> None:
        self._file = file
        self._bar: Any = None
        self._errors = 0
        self._lock = threading.Lock()

    def start(self, total: int, done: int) -> None:
        from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]

        with self._lock:
            self._bar = tqdm(total=total, initial=done, unit="req", file=self._file, dynamic_ncols=True)
            self._bar.set_postfix(errors=0, refresh=False)

    def update(self, result: BulkResult) -> None:
        with self._lock:
            if self._bar is None:
                return
            if not result.ok:
                self._errors += 1
                self._bar.set_postfix(errors=self._errors, refresh=False)
            self._bar.update(1)

    def close(self) -> None:
        with self._lock:
            bar, self._bar = self._bar, None
        if bar is not None:
            bar.close()


def make_progress(enabled: bool = True, *, file: Optional[TextIO] = None) -> Optional[Progress]:
    """A ``tqdm`` bar if installed, else :class:`PlainProgress`; ``None`` when not ``enabled``."""
    if not enabled:
        return None
    try:
        import tqdm  # type: ignore[import-untyped,unused-ignore]  # noqa: F401
    except ImportError:
        return PlainProgress(file=file)
    return TqdmProgress(file=file)


@dataclass
class BulkSummary:
    """How a run ended.

    ``total`` counts the input's requests; ``skipped`` those already finished by an earlier run;
    ``succeeded``/``failed`` those finished by this run; ``errors`` counts failures by error code;
    ``rate_limited`` counts 429 answers seen along the way (each retried or recorded).
    """

    total: int
    skipped: int = 0
    succeeded: int = 0
    failed: int = 0
    elapsed: float = 0.0
    output: Optional[pathlib.Path] = None
    errors: Dict[str, int] = field(default_factory=dict)
    rate_limited: int = 0

    @property
    def remaining(self) -> int:
        """Requests neither skipped nor finished by this run (non-zero after an interrupted run)."""
        return self.total - self.skipped - self.succeeded - self.failed

    def record(self, result: BulkResult) -> None:
        """Count one finished request."""
        if result.ok:
            self.succeeded += 1
        else:
            self.failed += 1
            code = str((result.error or {}).get("code") or f"http_{result.status_code}")
            self.errors[code] = self.errors.get(code, 0) + 1

    def __str__(self) -> str:
        parts = [
            f"{self.total} request(s): {self.succeeded} succeeded, {self.failed} failed, "
            f"{self.skipped} already done, {self.remaining} not run; {self.elapsed:.1f}s"
        ]
        if self.errors:
            common = Counter(self.errors).most_common(5)
            parts.append("errors: " + ", ".join(f"{code} x{n}" for code, n in common))
        if self.output is not None:
            parts.append(f"output: {self.output}")
        return "\n".join(parts)

"""What the conformance run did, per client: the summary line the issue asks for, and timings."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

__all__ = ["REPORT", "Outcome", "Report"]

PASSED = "passed"
FAILED = "failed"
MISSING = "missing"


@dataclass
class Outcome:
    """One variant of one call on one client; failed until the test says otherwise."""

    status: str = FAILED

    def passed(self) -> None:
        """Mark the variant as passed; call it after the last assertion."""
        self.status = PASSED

    def missing(self) -> None:
        """The call does not exist on this client (yet)."""
        self.status = MISSING


@dataclass
class Report:
    """Outcomes keyed by (client, call, variant), in the order the tests ran."""

    outcomes: Dict[Tuple[str, str, str], Outcome] = field(default_factory=dict)
    operations: Dict[str, str] = field(default_factory=dict)
    not_exercised: Dict[str, List[str]] = field(default_factory=dict)
    total_calls: int = 0
    total_operations: int = 0
    timings: Dict[str, float] = field(default_factory=dict)
    mock_log: Optional[Path] = None
    _first: Optional[float] = None
    _last: Optional[float] = None

    def start(self, client: str, call: str, variant: str, operation: str) -> Outcome:
        """A new outcome of ``call`` (which sends ``operation``), failed until marked otherwise."""
        self.operations[call] = operation
        now = time.monotonic()
        self._first = now if self._first is None else self._first
        self._last = now
        outcome = Outcome()
        self.outcomes[(client, call, variant)] = outcome
        return outcome

    def finish(self) -> None:
        """Note the time the last test ended, for the suite's timing."""
        self._last = time.monotonic()

    def summary_lines(self) -> List[str]:
        """One line per client: calls exercised and passed, variants run and passed."""
        if not self.outcomes:
            return []
        lines = ["", "conformance against the spec's mock server:"]
        clients = sorted({client for client, _, _ in self.outcomes})
        for client in clients:
            per_call: Dict[str, List[str]] = {}
            for (owner, call, _), outcome in self.outcomes.items():
                if owner == client:
                    per_call.setdefault(call, []).append(outcome.status)
            exercised = [call for call, statuses in per_call.items() if MISSING not in statuses]
            passed = [call for call in exercised if all(s == PASSED for s in per_call[call])]
            missing = len(per_call) - len(exercised)
            variants = [s for call in exercised for s in per_call[call]]
            # Two calls can send one operation (files.content, files.retrieve_content); an
            # operation passes when every call sending it passed.
            ops_exercised = {self.operations[call] for call in exercised}
            ops_failed = {self.operations[call] for call in exercised if call not in passed}
            lines.append(
                f"  {client}: {len(ops_exercised) - len(ops_failed)}/{len(ops_exercised)} operations passed"
                f" (of the spec's {self.total_operations}); {len(passed)}/{len(exercised)} calls passed"
                f" ({sum(s == PASSED for s in variants)}/{len(variants)} variants: minimal, all, stream);"
                f" {missing} of {self.total_calls} calls not on the client yet"
            )
        for call, reasons in sorted(self.not_exercised.items()):
            for reason in reasons:
                lines.append(f"  not exercised: {call} {reason}")
        if self._first is not None and self._last is not None:
            self.timings["suite"] = self._last - self._first
        if self.timings:
            lines.append("  timings: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.timings.items()))
        return lines


REPORT = Report()

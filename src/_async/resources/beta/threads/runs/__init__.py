"""``client.beta.threads.runs``: runs and their steps."""

from __future__ import annotations

from .runs import AsyncRuns
from .steps import AsyncSteps

__all__ = ["AsyncRuns", "AsyncSteps"]

"""``client.beta.threads``: threads, their messages and runs."""

from __future__ import annotations

from .messages import AsyncMessages
from .runs import AsyncRuns, AsyncSteps
from .threads import AsyncThreads

__all__ = ["AsyncMessages", "AsyncRuns", "AsyncSteps", "AsyncThreads"]

"""Shared fixtures: one loopback API server for the whole run."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator

import pytest

# The examples and the tests' pair module are imported by path from the repository root.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from openai.testing import LoopbackServer  # noqa: E402


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    """A fresh loopback API server per test, so stored objects and request logs never leak between tests."""
    with LoopbackServer() as started:
        yield started

"""Stand-in values for the required parameters a call table does not spell out."""

from __future__ import annotations

import inspect
from typing import Any, Dict, Iterable


def required_placeholders(method: Any, given: Iterable[str] = ()) -> Dict[str, Any]:
    """A value for each required keyword-only parameter of ``method`` not in ``given``: the check
    that required parameters are present runs before any request, so a table-driven call needs them."""
    skip = set(given)
    return {
        p.name: f"{p.name}-1"
        for p in inspect.signature(method).parameters.values()
        if p.kind is inspect.Parameter.KEYWORD_ONLY and p.default is inspect.Parameter.empty and p.name not in skip
    }

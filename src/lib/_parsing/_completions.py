"""``openai.lib._parsing._completions``: the chat parse helpers code written for the official SDK reaches for."""

from __future__ import annotations

import inspect
from typing import Any

import pydantic
from typing_extensions import TypeGuard

from ..._helpers.parsing import type_to_response_format
from ..._types import NotGiven, Omit

__all__ = ["is_basemodel_type", "type_to_response_format_param"]


def is_basemodel_type(typ: Any) -> TypeGuard[type[pydantic.BaseModel]]:
    """Whether ``typ`` is a pydantic model class (an instance of one is not)."""
    return inspect.isclass(typ) and issubclass(typ, pydantic.BaseModel)


def type_to_response_format_param(response_format: Any) -> Any:
    """The ``response_format`` to send for a type: its strict JSON schema; a dict or an omitted value as given."""
    if isinstance(response_format, (dict, NotGiven, Omit)):
        return response_format
    return type_to_response_format(response_format)

"""The properties and methods the official SDK's types define beyond their fields.

``spec/sdk-type-members.tsv`` lists them, recorded from the official SDK 3.3.1 by
``tools/official_type_members.py``; each must exist here on the class of the same module and name, with the
same kind (a property stays a property: code reads ``response.output_text`` without calling it).
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path
from typing import Any, List, Tuple

import pytest

from openai.types.responses import ParsedResponse, Response

FACTS = Path(__file__).resolve().parent.parent / "spec" / "sdk-type-members.tsv"


def official_rows() -> List[Tuple[str, str, str, str]]:
    rows = []
    with open(FACTS, encoding="utf-8") as tsv:
        for line in tsv:
            if line.startswith("#") or not line.strip():
                continue
            module, cls, member, kind = line.rstrip("\n").split("\t")
            rows.append((module, cls, member, kind))
    return rows


def kind_here(cls: type, member: str) -> str | None:
    try:
        value = inspect.getattr_static(cls, member)
    except AttributeError:
        return None
    if isinstance(value, property):
        return "property"
    if isinstance(value, classmethod):
        return "classmethod"
    if isinstance(value, staticmethod):
        return "staticmethod"
    if inspect.isfunction(value):
        return "method"
    return type(value).__name__


def test_the_fact_table_lists_the_known_members() -> None:
    rows = official_rows()
    assert ("openai.types.responses.response", "Response", "output_text", "property") in rows
    assert ("openai._models", "BaseModel", "to_dict", "method") in rows


def test_every_official_type_member_exists_with_its_kind() -> None:
    wrong = []
    for module, cls_name, member, kind in official_rows():
        cls: Any = getattr(importlib.import_module(module), cls_name, None)
        if cls is None:
            wrong.append(f"{module}.{cls_name}: no such class")
            continue
        found = kind_here(cls, member)
        if found != kind:
            wrong.append(f"{module}.{cls_name}.{member}: official {kind}, here {found or 'missing'}")
    assert wrong == []


def _response(output: List[Any]) -> dict[str, Any]:
    return {
        "id": "resp_1",
        "object": "response",
        "created_at": 1,
        "model": "gpt-4o",
        "status": "completed",
        "output": output,
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": [],
    }


def _message(*parts: dict[str, Any]) -> dict[str, Any]:
    return {"type": "message", "id": "msg_1", "role": "assistant", "status": "completed", "content": list(parts)}


def _text(text: str) -> dict[str, Any]:
    return {"type": "output_text", "text": text, "annotations": []}


@pytest.mark.parametrize("cls", [Response, ParsedResponse])
def test_output_text_joins_the_text_parts_of_every_output_message(cls: Any) -> None:
    payload = _response(
        [
            _message(_text("Hello, "), {"type": "refusal", "refusal": "no"}),
            {"type": "function_call", "id": "fc_1", "call_id": "c1", "name": "f", "arguments": "{}"},
            _message(_text("world"), _text("!")),
        ]
    )
    response = cls.model_validate(payload)
    assert response.output_text == "Hello, world!"


def test_output_text_is_empty_without_messages() -> None:
    response = Response.model_validate(
        _response([{"type": "function_call", "id": "fc_1", "call_id": "c1", "name": "f", "arguments": "{}"}])
    )
    assert response.output_text == ""

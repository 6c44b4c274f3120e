"""Every ``openai.types`` module and name of the official SDK (spec/sdk-modules.tsv) exists here.

The table lists, for each module of the official wheel, the names it offers. Code written for the official SDK
imports inner names (``chat_completion_content_part_image_param.ImageURL``), kept aliases
(``chat_completion_message_tool_call.ChatCompletionMessageToolCall``) and whole packages (``shared_params``)
from these modules; the generator writes them all. The other modules of the table are checked elsewhere.
"""

from __future__ import annotations

import importlib
import typing
from pathlib import Path

import pytest

TABLE = Path(__file__).resolve().parent.parent / "spec" / "sdk-modules.tsv"


def types_rows() -> dict[str, list[str]]:
    """Module -> names, for the ``openai.types`` rows of the table."""
    rows: dict[str, list[str]] = {}
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t")[:2] == ["module", "name"], "unexpected header in spec/sdk-modules.tsv"
    for line in lines[1:]:
        module, name = [*line.split("\t"), ""][:2]
        if module == "openai.types" or module.startswith("openai.types."):
            names = rows.setdefault(module, [])
            if name:
                names.append(name)
    return rows


def missing_surface(rows: dict[str, list[str]]) -> list[str]:
    """Every module that fails to import and every name a module lacks, in table order."""
    missing = []
    for module, names in rows.items():
        try:
            loaded = importlib.import_module(module)
        except Exception as exc:  # any failure to import is a missing module, whatever its cause
            missing.append(f"module {module} ({type(exc).__name__}: {exc})")
            continue
        for name in names:
            try:
                getattr(loaded, name)
            except Exception as exc:
                missing.append(f"name {module}.{name} ({type(exc).__name__})")
    return missing


def test_the_table_covers_the_types_packages() -> None:
    rows = types_rows()
    assert len(rows) > 1000
    assert "ChatCompletion" in rows["openai.types.chat"]
    assert "ImageURL" in rows["openai.types.chat.chat_completion_content_part_image_param"]


def test_every_official_types_module_and_name_exists() -> None:
    missing = missing_surface(types_rows())
    assert not missing, f"{len(missing)} openai.types modules or names missing:\n" + "\n".join(missing)


def test_missing_names_are_reported(tmp_path: Path) -> None:
    rows = {
        "openai.types.chat": ["ChatCompletion", "NoSuchType"],
        "openai.types.no_such_module": ["Anything"],
    }
    assert missing_surface(rows) == [
        "name openai.types.chat.NoSuchType (AttributeError)",
        "module openai.types.no_such_module (ModuleNotFoundError: No module named 'openai.types.no_such_module')",
    ]


def test_kept_aliases_and_shared_packages_are_the_same_objects() -> None:
    import openai.types as types
    from openai.types import shared, shared_params
    from openai.types.chat import ChatCompletionFunctionToolParam, ChatCompletionMessageFunctionToolCall
    from openai.types.chat.chat_completion_message_tool_call import ChatCompletionMessageToolCall
    from openai.types.chat.chat_completion_tool_param import ChatCompletionToolParam
    from openai.types.websocket_connection_options import WebSocketConnectionOptions, WebsocketConnectionOptions

    assert ChatCompletionMessageToolCall is ChatCompletionMessageFunctionToolCall
    assert ChatCompletionToolParam is ChatCompletionFunctionToolParam
    assert shared.ChatModel is types.ChatModel
    assert shared.FunctionDefinition is types.FunctionDefinition
    assert shared_params.FunctionDefinition is types.FunctionDefinitionParam
    assert WebsocketConnectionOptions is WebSocketConnectionOptions is types.WebSocketConnectionOptions
    assert shared.ComparisonFilter is types.ComparisonFilter
    assert shared.ResponseFormatJSONSchema is types.ResponseFormatJSONSchema
    from openai.types import conversations, responses
    from openai.types.chat import chat_completion_tool_param

    assert conversations.InputFileContentParam is responses.ResponseInputFileParam
    assert chat_completion_tool_param.FunctionDefinition is types.FunctionDefinitionParam


def test_inner_names_are_spelled_as_the_official_sdk_spells_them() -> None:
    from openai.types.chat.chat_completion_content_part_image_param import ChatCompletionContentPartImageParam, ImageURL
    from openai.types.responses.response_input_param import FunctionCallOutput

    hints = typing.get_type_hints(ChatCompletionContentPartImageParam)
    assert hints["image_url"] is ImageURL
    assert {"call_id", "output", "type"} <= set(typing.get_type_hints(FunctionCallOutput))


@pytest.mark.parametrize("code", [1001, 1006, 1011])
def test_reconnection_helpers(code: int) -> None:
    from openai.types.websocket_reconnection import ReconnectingEvent, is_recoverable_close

    assert is_recoverable_close(code)
    assert not is_recoverable_close(1000)
    event = ReconnectingEvent(attempt=1, max_attempts=3, delay=0.5, close_code=code, extra_query={}, extra_headers={})
    with pytest.raises(AttributeError):
        event.attempt = 2  # type: ignore[misc]

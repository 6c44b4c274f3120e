"""Private names and module attributes that libraries built on the official SDK reach for, each as that
library writes it (docs/compatibility.md lists the libraries and what they do with them)."""

from __future__ import annotations

import importlib
import subprocess
import sys

import httpx
import pydantic
import pytest


def test_a_type_package_has_its_modules_as_attributes() -> None:
    # pydantic-ai: `openai.types.responses.response_output_text.ResponseOutputText` right after importing the
    # package; in a fresh interpreter, so that no other import has loaded the submodule already.
    code = (
        "import openai.types.responses as r, openai.types as t\n"
        "assert r.response_output_text.ResponseOutputText is r.ResponseOutputText\n"
        "assert t.chat.chat_completion.ChatCompletion is t.chat.ChatCompletion\n"
        "try:\n    r.no_such_module\nexcept AttributeError as e:\n    print(e)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "module 'openai.types.responses' has no attribute 'no_such_module'"


def test_the_http_names_of_openai_types() -> None:
    # litellm: `from openai._types import Response as SDKResponse`, in the bound of a type variable.
    from openai._types import URL, AsyncTransport, Proxy, Response, Transport

    assert (Response, URL, Proxy) == (httpx.Response, httpx.URL, httpx.Proxy)
    assert (Transport, AsyncTransport) == (httpx.BaseTransport, httpx.AsyncBaseTransport)


@pytest.mark.parametrize(
    ("module", "name", "defined_in"),
    [
        ("openai.types.responses.response_create_params", "Reasoning", "openai.types.shared_params.reasoning"),
        (
            "openai.types.responses.response_input_param",
            "ResponseFunctionToolCallParam",
            "openai.types.responses.response_function_tool_call_param",
        ),
        (
            "openai.types.responses.response_input_param",
            "ResponseCustomToolCallParam",
            "openai.types.responses.response_custom_tool_call_param",
        ),
        (
            "openai.types.responses.response_input_param",
            "ResponseCustomToolCallOutputParam",
            "openai.types.responses.response_custom_tool_call_output_param",
        ),
        ("openai.types.responses.tool_param", "FunctionToolParam", "openai.types.responses.function_tool_param"),
    ],
)
def test_names_official_type_modules_import(module: str, name: str, defined_in: str) -> None:
    # litellm imports these from the module that imports them in the official SDK.
    assert getattr(importlib.import_module(module), name) is getattr(importlib.import_module(defined_in), name)


def test_the_private_parsing_package() -> None:
    # litellm: `from openai.lib import _parsing, _pydantic`, then `_parsing._completions.is_basemodel_type(...)`.
    from openai.lib import _parsing, _pydantic

    class City(pydantic.BaseModel):
        name: str

    assert _parsing._completions.is_basemodel_type(City)
    assert not _parsing._completions.is_basemodel_type(City(name="Paris"))
    assert not _parsing._completions.is_basemodel_type(dict)
    sent = _parsing.type_to_response_format_param(City)
    assert sent["type"] == "json_schema" and sent["json_schema"]["name"] == "City"
    assert sent["json_schema"]["schema"] == _pydantic.to_strict_json_schema(City)
    assert _parsing.type_to_response_format_param({"type": "json_object"}) == {"type": "json_object"}

"""Structured outputs without I/O: a Python type in, a strict JSON schema out, and the answer back as that type.

``chat.completions.parse``, ``responses.parse`` and their streaming twins send the schema this module
derives from a pydantic model (or any type pydantic can describe), then turn the model's JSON answer
and the arguments of strict function tools into instances. The I/O flows live in ``_async/_helpers``;
everything they share with the sync twin is here, written once.

OpenAI's strict mode accepts a subset of JSON schema: every object closes with
``"additionalProperties": false``, lists every property as required (optional fields are expressed
as ``anyOf`` with ``{"type": "null"}``, which pydantic already writes for ``Optional[...]``), and a
``$ref`` may not carry sibling keywords. :func:`to_strict_json_schema` rewrites pydantic's schema to fit.
"""

from __future__ import annotations

import functools
import json
import re
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, NamedTuple, Optional, Tuple, TypeVar, cast

import pydantic

from .._errors import OpenAIError
from .._models import construct_type, type_adapter
from .._public import publish

if TYPE_CHECKING:
    from ..types.chat.chat_completion import ChatCompletion
    from ..types.chat.chat_completion_function_tool_param import ChatCompletionFunctionToolParam
    from ..types.response_format_json_schema_param import ResponseFormatJSONSchemaParam
    from ..types.responses.response_format_text_json_schema_config_param import (
        ResponseFormatTextJSONSchemaConfigParam,
    )

__all__ = [
    "ContentFilterFinishReasonError",
    "LengthFinishReasonError",
    "PydanticFunctionTool",
    "ResponseFormatT",
    "ToolSpec",
    "chat_tool_specs",
    "parse_chat_completion_json",
    "parse_response_json",
    "parse_text_as",
    "parse_tool_arguments",
    "parametrize",
    "pydantic_function_tool",
    "response_tool_specs",
    "schema_name",
    "to_strict_json_schema",
    "type_to_response_format",
    "type_to_text_format",
]

ResponseFormatT = TypeVar("ResponseFormatT")

_NAME_UNSAFE = re.compile(r"[^a-zA-Z0-9_-]")


class LengthFinishReasonError(OpenAIError):
    """The answer hit the token limit before it ended, so it cannot be parsed into the requested type.

    ``completion`` is the chat completion as received; raise ``max_completion_tokens`` and try again.
    """

    completion: ChatCompletion

    def __init__(self, *, completion: ChatCompletion) -> None:
        usage = f" - {completion.usage}" if completion.usage is not None else ""
        super().__init__(f"Could not parse response content as the length limit was reached{usage}")
        self.completion = completion


class ContentFilterFinishReasonError(OpenAIError):
    """The content filter stopped the answer, so there is nothing to parse into the requested type."""

    def __init__(self) -> None:
        super().__init__("Could not parse response content as the request was rejected by the content filter")


# Schemas


def to_strict_json_schema(type_: Any) -> Dict[str, Any]:
    """The JSON schema of ``type_`` (a pydantic model, dataclass, TypedDict, ...) rewritten for strict mode."""
    try:
        # Each call gets its own copy, so a caller editing the schema cannot change the cached one.
        return cast("Dict[str, Any]", json.loads(_cached_strict_schema(type_)))
    except TypeError:  # an unhashable type cannot be a cache key
        return _build_strict_schema(type_)


@functools.lru_cache(maxsize=256)
def _cached_strict_schema(type_: Any) -> str:
    # Building a schema takes milliseconds; a helper sends the same type's schema with every call.
    return json.dumps(_build_strict_schema(type_))


def _build_strict_schema(type_: Any) -> Dict[str, Any]:
    if isinstance(type_, type) and issubclass(type_, pydantic.BaseModel):
        schema = type_.model_json_schema()
    else:
        schema = type_adapter(type_).json_schema()
    return _strict(schema, root=schema, path="#")


def _strict(node: Dict[str, Any], *, root: Dict[str, Any], path: str) -> Dict[str, Any]:
    if not isinstance(node, dict):
        raise TypeError(f"Expected a JSON schema object at {path}, got {type(node).__name__}")
    for defs_key in ("$defs", "definitions"):
        defs = node.get(defs_key)
        if isinstance(defs, dict):
            for name, definition in defs.items():
                _strict(definition, root=root, path=f"{path}/{defs_key}/{name}")

    if node.get("type") == "object" or "properties" in node:
        node.setdefault("additionalProperties", False)
        properties = node.get("properties")
        if isinstance(properties, dict):
            node["required"] = list(properties)
            for name, sub in properties.items():
                properties[name] = _strict(sub, root=root, path=f"{path}/properties/{name}")

    items = node.get("items")
    if isinstance(items, dict):
        node["items"] = _strict(items, root=root, path=f"{path}/items")

    # Strict mode has no oneOf. pydantic writes it for discriminated unions, whose members are
    # told apart by a constant tag, so no value matches two members and anyOf means the same.
    if "oneOf" in node:
        node["anyOf"] = [*node.get("anyOf", []), *node.pop("oneOf")]
        node.pop("discriminator", None)
    any_of = node.get("anyOf")
    if isinstance(any_of, list):
        node["anyOf"] = [_strict(sub, root=root, path=f"{path}/anyOf/{i}") for i, sub in enumerate(any_of)]

    all_of = node.get("allOf")
    if isinstance(all_of, list):
        if len(all_of) == 1:
            only = _strict(all_of[0], root=root, path=f"{path}/allOf/0")
            node.pop("allOf")
            node.update(only)
        else:
            node["allOf"] = [_strict(sub, root=root, path=f"{path}/allOf/{i}") for i, sub in enumerate(all_of)]

    if "default" in node and node["default"] is None:
        node.pop("default")

    ref = node.get("$ref")
    if isinstance(ref, str) and len(node) > 1:
        # A $ref with siblings (pydantic adds a field's description next to it) is not accepted:
        # inline the target, letting the siblings win, and make the result strict in turn.
        target = _resolve_ref(root, ref)
        siblings = {key: value for key, value in node.items() if key != "$ref"}
        node.clear()
        node.update(json.loads(json.dumps(target)))
        node.update(siblings)
        return _strict(node, root=root, path=path)
    return node


def _resolve_ref(root: Dict[str, Any], ref: str) -> Dict[str, Any]:
    if not ref.startswith("#/"):
        raise ValueError(f"Only local $ref values can be inlined, got {ref!r}")
    node: Any = root
    for part in ref[2:].split("/"):
        if not isinstance(node, dict) or part not in node:
            raise ValueError(f"The schema's $ref {ref!r} points at nothing")
        node = node[part]
    if not isinstance(node, dict):
        raise ValueError(f"The schema's $ref {ref!r} does not point at a schema")
    return node


def schema_name(type_: Any) -> str:
    """The name sent with a type's schema: its class name, reduced to the characters the API accepts."""
    name = getattr(type_, "__name__", None) or type(type_).__name__
    return _NAME_UNSAFE.sub("_", str(name))[:64]


def type_to_response_format(type_: Any) -> ResponseFormatJSONSchemaParam:
    """The chat ``response_format`` asking for JSON that fits ``type_``, in strict mode."""
    return {
        "type": "json_schema",
        "json_schema": {"name": schema_name(type_), "schema": to_strict_json_schema(type_), "strict": True},
    }


def type_to_text_format(type_: Any) -> ResponseFormatTextJSONSchemaConfigParam:
    """The Responses API ``text.format`` asking for JSON that fits ``type_``, in strict mode."""
    return {"type": "json_schema", "name": schema_name(type_), "schema": to_strict_json_schema(type_), "strict": True}


# Function tools


class PydanticFunctionTool(Dict[str, Any]):
    """A function definition (``name``, ``parameters``, ``strict``, ...) that remembers the model it came from.

    It is sent as the plain dict it is; the parse helpers read ``model`` back to build the call's arguments.
    """

    def __init__(self, definition: Mapping[str, Any], model: type[pydantic.BaseModel]) -> None:
        super().__init__(definition)
        self.model = model


def pydantic_function_tool(
    model: type[pydantic.BaseModel], *, name: Optional[str] = None, description: Optional[str] = None
) -> ChatCompletionFunctionToolParam:
    """A strict function tool whose parameters are ``model``'s fields.

    Pass it in ``tools=`` of ``chat.completions.parse`` / ``stream`` (or ``responses.parse``); the
    model's calls then come back with ``parsed_arguments`` as an instance of ``model``. The
    description defaults to the model's docstring.
    """
    definition: Dict[str, Any] = {
        "name": name or schema_name(model),
        "strict": True,
        "parameters": to_strict_json_schema(model),
    }
    if description is None:
        # The class's own docstring only: inspect.getdoc would fall back to pydantic's BaseModel text.
        description = model.__dict__.get("__doc__")
    if description is not None:
        definition["description"] = description
    return cast(
        "ChatCompletionFunctionToolParam", {"type": "function", "function": PydanticFunctionTool(definition, model)}
    )


class ToolSpec(NamedTuple):
    """How the arguments of one named function tool are parsed: into ``model``, as JSON when strict, or not."""

    name: str
    model: Optional[type[Any]]
    strict: bool


def chat_tool_specs(tools: Optional[Iterable[Mapping[str, Any]]]) -> Dict[str, ToolSpec]:
    """Check chat tools for parsing and index them by name: every function tool must be strict.

    A non-strict tool's arguments need not follow its schema, so they could not be parsed reliably.
    """
    specs: Dict[str, ToolSpec] = {}
    for tool in tools or ():
        if tool.get("type") != "function":
            continue  # custom tools take free text; nothing to parse
        function = tool.get("function")
        if not isinstance(function, Mapping):
            raise TypeError("A function tool needs a 'function' object with its name and parameters")
        name = str(function.get("name"))
        if function.get("strict") is not True:
            raise ValueError(
                f"`{name}` is not strict. Only strict function tools can be auto-parsed; "
                "build it with openai.pydantic_function_tool() or set 'strict': True"
            )
        model = function.model if isinstance(function, PydanticFunctionTool) else None
        specs[name] = ToolSpec(name, model, True)
    return specs


def response_tool_specs(
    tools: Optional[Iterable[Mapping[str, Any]]],
) -> Tuple[List[Dict[str, Any]], Dict[str, ToolSpec]]:
    """Responses API tools as sent, plus the function tools indexed by name.

    Chat-shaped function tools (``{"type": "function", "function": {...}}``, as
    :func:`pydantic_function_tool` makes them) are flattened into the Responses API's shape.
    """
    sent: List[Dict[str, Any]] = []
    specs: Dict[str, ToolSpec] = {}
    for tool in tools or ():
        if tool.get("type") != "function":
            sent.append(dict(tool))
            continue
        function = tool.get("function")
        if isinstance(function, Mapping):
            flat: Dict[str, Any] = {"type": "function", **function}
            flat.setdefault("strict", None)
            flat.setdefault("parameters", None)
            model = function.model if isinstance(function, PydanticFunctionTool) else None
        else:
            flat = dict(tool)
            model = None
        name = str(flat.get("name"))
        specs[name] = ToolSpec(name, model, flat.get("strict") is True)
        sent.append(flat)
    return sent, specs


# Parsing answers


def parametrize(generic: Any, type_: Any) -> Any:
    """``generic[type_]`` (``ParsedChatCompletion[MyModel]``), or ``generic`` itself when there is no type."""
    return generic if type_ is None else generic[type_]


def parse_text_as(type_: Any, text: str) -> Any:
    """Validate JSON text as ``type_``; a pydantic ``ValidationError`` says what did not fit."""
    if isinstance(type_, type) and issubclass(type_, pydantic.BaseModel):
        return type_.model_validate_json(text)
    return type_adapter(type_).validate_json(text)


def parse_tool_arguments(spec: Optional[ToolSpec], arguments: str) -> object:
    """A tool call's arguments: an instance of the tool's model, decoded JSON for other strict tools, else None."""
    if spec is None:
        return None
    if spec.model is not None:
        return parse_text_as(spec.model, arguments)
    if spec.strict:
        return json.loads(arguments)
    return None


def parse_chat_completion_json(data: Any, response_format: Any, tools: Mapping[str, ToolSpec]) -> Any:
    """Add ``parsed`` to each message and ``parsed_arguments`` to each function call of decoded chat JSON.

    ``response_format`` is the requested type, or None to leave content unparsed. When there is
    something to parse (a type or tools), raises :class:`LengthFinishReasonError` or
    :class:`ContentFilterFinishReasonError` for a choice that ended before its answer was complete.
    """
    if not isinstance(data, dict):
        return data
    parseable = response_format is not None or bool(tools)
    for choice in data.get("choices") or ():
        if not isinstance(choice, dict):
            continue
        reason = choice.get("finish_reason") if parseable else None
        if reason == "length":
            from ..types.chat.chat_completion import ChatCompletion

            raise LengthFinishReasonError(completion=construct_type(ChatCompletion, data))
        if reason == "content_filter":
            raise ContentFilterFinishReasonError()
        message = choice.get("message")
        if not isinstance(message, dict):
            continue
        content = message.get("content")
        # An empty content is what a tool-call-only answer carries; there is nothing to parse in it.
        if response_format is not None and isinstance(content, str) and content and not message.get("refusal"):
            message["parsed"] = parse_text_as(response_format, content)
        for call in message.get("tool_calls") or ():
            function = call.get("function") if isinstance(call, dict) and call.get("type") == "function" else None
            if isinstance(function, dict) and isinstance(function.get("arguments"), str):
                spec = tools.get(str(function.get("name")))
                function["parsed_arguments"] = parse_tool_arguments(spec, function["arguments"])
    return data


def parse_response_json(data: Any, text_format: Any, tools: Mapping[str, ToolSpec]) -> Any:
    """Add ``parsed`` to each output text and ``parsed_arguments`` to each function call of decoded Response JSON."""
    if not isinstance(data, dict):
        return data
    for item in data.get("output") or ():
        if not isinstance(item, dict):
            continue
        if item.get("type") == "message" and text_format is not None:
            for part in item.get("content") or ():
                if isinstance(part, dict) and part.get("type") == "output_text" and isinstance(part.get("text"), str):
                    part["parsed"] = parse_text_as(text_format, part["text"])
        elif item.get("type") == "function_call" and isinstance(item.get("arguments"), str):
            item["parsed_arguments"] = parse_tool_arguments(tools.get(str(item.get("name"))), item["arguments"])
    return data


# Tracebacks and reprs name these where users import them (see _public.py).
publish(globals(), __all__)

"""Structured outputs without I/O: strict schemas, function tools, parsing answers, partial JSON, accumulators."""

from __future__ import annotations

import enum
import json
from typing import Any, Dict, List, Optional, Union

import pydantic
import pytest
from typing_extensions import Literal, TypedDict

from openai._helpers.parse_params import ChatCompletionParseParams
from openai._helpers.parsing import (
    ContentFilterFinishReasonError,
    LengthFinishReasonError,
    PydanticFunctionTool,
    ToolSpec,
    chat_tool_specs,
    parametrize,
    parse_chat_completion_json,
    parse_response_json,
    pydantic_function_tool,
    response_tool_specs,
    to_strict_json_schema,
    type_to_response_format,
    type_to_text_format,
)
from openai._models import construct_type
from openai._streams.chat_accumulator import ChatCompletionAccumulator
from openai._streams.partial_json import parse_partial_json
from openai._streams.response_accumulator import ResponseAccumulator
from openai.types.chat import (
    ChatCompletionChunk,
    ParsedChatCompletion,
    ParsedChatCompletionMessage,
    ParsedFunctionToolCall,
)
from openai.types.chat.completion_create_params import CompletionCreateParamsBase
from openai.types.responses import (
    ParsedResponse,
    ParsedResponseFunctionToolCall,
    ParsedResponseOutputMessage,
    ParsedResponseOutputText,
)
from openai.types.responses.response_reasoning_item import ResponseReasoningItem


class Color(enum.Enum):
    RED = "red"
    BLUE = "blue"


class Address(pydantic.BaseModel):
    """Where someone lives."""

    street: str
    city: str


class Person(pydantic.BaseModel):
    """A person."""

    name: str
    age: int
    nickname: Optional[str] = None
    home: Address = pydantic.Field(description="The home address")
    work: Optional[Address] = None
    favourite: Color
    tags: List[str]


class Cat(pydantic.BaseModel):
    kind: Literal["cat"]
    lives: int


class Dog(pydantic.BaseModel):
    kind: Literal["dog"]
    good: bool


class Owner(pydantic.BaseModel):
    pet: Union[Cat, Dog] = pydantic.Field(discriminator="kind")


class GetWeather(pydantic.BaseModel):
    """Look up the weather."""

    city: str
    celsius: bool


def walk(schema: Any) -> List[Dict[str, Any]]:
    """Every schema object in ``schema``, nested ones included."""
    found: List[Dict[str, Any]] = []
    if isinstance(schema, dict):
        found.append(schema)
        for value in schema.values():
            found.extend(walk(value))
    elif isinstance(schema, list):
        for value in schema:
            found.extend(walk(value))
    return found


# Strict schemas


def test_every_object_is_closed_and_lists_all_its_properties_as_required() -> None:
    schema = to_strict_json_schema(Person)
    objects = [node for node in walk(schema) if node.get("type") == "object"]
    assert len(objects) >= 2  # Person and Address
    for node in objects:
        assert node["additionalProperties"] is False
        assert node["required"] == list(node["properties"])
    assert schema["required"] == ["name", "age", "nickname", "home", "work", "favourite", "tags"]


def test_optional_fields_are_nullable_and_lose_their_none_default() -> None:
    schema = to_strict_json_schema(Person)
    nickname = schema["properties"]["nickname"]
    assert {"type": "null"} in nickname["anyOf"]
    assert {"type": "string"} in nickname["anyOf"]
    assert "default" not in nickname
    assert all(node.get("default", "absent") is not None for node in walk(schema))


def test_a_ref_with_siblings_is_inlined_and_bare_refs_point_into_defs() -> None:
    schema = to_strict_json_schema(Person)
    home = schema["properties"]["home"]
    assert "$ref" not in home
    assert home["description"] == "The home address"
    assert home["properties"].keys() == {"street", "city"}
    assert home["additionalProperties"] is False
    work_ref = next(option["$ref"] for option in schema["properties"]["work"]["anyOf"] if "$ref" in option)
    name = work_ref.rsplit("/", 1)[-1]
    assert schema["$defs"][name]["additionalProperties"] is False
    assert schema["$defs"][name]["required"] == ["street", "city"]
    for node in walk(schema):
        if "$ref" in node:
            assert set(node) == {"$ref"}


def test_discriminated_unions_become_any_of() -> None:
    schema = to_strict_json_schema(Owner)
    assert all("oneOf" not in node and "discriminator" not in node for node in walk(schema))
    assert len(schema["properties"]["pet"]["anyOf"]) == 2


def test_types_other_than_models_are_described_too() -> None:
    class Point(TypedDict):
        x: int
        y: int

    schema = to_strict_json_schema(Point)
    assert schema["type"] == "object"
    assert schema["required"] == ["x", "y"]
    assert schema["additionalProperties"] is False


def test_each_call_gets_its_own_copy_of_a_schema() -> None:
    first = to_strict_json_schema(Person)
    first["properties"].clear()
    assert to_strict_json_schema(Person)["properties"]


def test_response_formats_for_chat_and_responses() -> None:
    chat = type_to_response_format(Person)
    assert chat["type"] == "json_schema"
    assert chat["json_schema"]["name"] == "Person"
    assert chat["json_schema"]["strict"] is True
    assert chat["json_schema"]["schema"] == to_strict_json_schema(Person)
    text = type_to_text_format(Person)
    assert text == {"type": "json_schema", "name": "Person", "schema": to_strict_json_schema(Person), "strict": True}


def test_a_generic_model_name_is_made_acceptable() -> None:
    from typing import Generic, TypeVar

    T = TypeVar("T")

    class Box(pydantic.BaseModel, Generic[T]):
        item: T

    assert type_to_response_format(Box[int])["json_schema"]["name"] == "Box_int_"


# Function tools


def test_pydantic_function_tool_is_a_strict_function_tool_remembering_its_model() -> None:
    tool = pydantic_function_tool(GetWeather)
    assert tool["type"] == "function"
    function = tool["function"]
    assert isinstance(function, PydanticFunctionTool) and function.model is GetWeather
    assert function["name"] == "GetWeather"
    assert function["strict"] is True
    assert function["description"] == "Look up the weather."
    assert function["parameters"] == to_strict_json_schema(GetWeather)
    # It travels as a plain JSON object.
    assert json.loads(json.dumps(tool))["function"]["name"] == "GetWeather"


def test_pydantic_function_tool_name_and_description_can_be_chosen() -> None:
    class NoDoc(pydantic.BaseModel):
        x: int

    assert "description" not in pydantic_function_tool(NoDoc)["function"]
    tool = pydantic_function_tool(GetWeather, name="weather", description="Today's weather")
    assert tool["function"]["name"] == "weather"
    assert tool["function"].get("description") == "Today's weather"


def test_chat_tools_must_be_strict_to_be_parsed() -> None:
    specs = chat_tool_specs(
        [pydantic_function_tool(GetWeather), {"type": "custom", "custom": {"name": "free"}}]  # type: ignore[list-item]
    )
    assert specs == {"GetWeather": ToolSpec("GetWeather", GetWeather, True)}
    with pytest.raises(ValueError, match="`loose` is not strict"):
        chat_tool_specs([{"type": "function", "function": {"name": "loose", "parameters": {}}}])


def test_responses_tools_are_flattened_and_indexed() -> None:
    sent, specs = response_tool_specs(
        [
            pydantic_function_tool(GetWeather),  # type: ignore[list-item]
            {"type": "function", "name": "lookup", "parameters": {}, "strict": False},
            {"type": "web_search"},
        ]
    )
    assert sent[0] == {
        "type": "function",
        "name": "GetWeather",
        "strict": True,
        "parameters": to_strict_json_schema(GetWeather),
        "description": "Look up the weather.",
    }
    assert sent[1:] == [
        {"type": "function", "name": "lookup", "parameters": {}, "strict": False},
        {"type": "web_search"},
    ]
    assert specs["GetWeather"].model is GetWeather
    assert specs["lookup"] == ToolSpec("lookup", None, False)


# Parsing whole answers


def chat_json(content: Optional[str], *, finish_reason: str = "stop", **message: Any) -> Dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1,
        "model": "m",
        "choices": [
            {
                "index": 0,
                "finish_reason": finish_reason,
                "message": {"role": "assistant", "content": content, **message},
            }
        ],
    }


def test_chat_content_and_tool_arguments_are_parsed_into_their_types() -> None:
    data = chat_json(
        '{"street": "Main", "city": "Oslo"}',
        tool_calls=[
            {
                "id": "c1",
                "type": "function",
                "function": {"name": "GetWeather", "arguments": '{"city": "Oslo", "celsius": true}'},
            },
            {"id": "c2", "type": "function", "function": {"name": "raw", "arguments": '{"a": 1}'}},
        ],
    )
    specs = {"GetWeather": ToolSpec("GetWeather", GetWeather, True), "raw": ToolSpec("raw", None, True)}
    completion = construct_type(
        parametrize(ParsedChatCompletion, Address), parse_chat_completion_json(data, Address, specs)
    )
    message = completion.choices[0].message
    assert isinstance(message, ParsedChatCompletionMessage)
    assert message.parsed == Address(street="Main", city="Oslo")
    first, second = message.tool_calls
    assert isinstance(first, ParsedFunctionToolCall)
    assert first.function.parsed_arguments == GetWeather(city="Oslo", celsius=True)
    assert second.function.parsed_arguments == {"a": 1}


def test_a_refusal_or_empty_content_is_not_parsed() -> None:
    refused = parse_chat_completion_json(chat_json(None, refusal="I can't"), Address, {})
    assert "parsed" not in refused["choices"][0]["message"]
    empty = parse_chat_completion_json(chat_json(""), Address, {})
    assert "parsed" not in empty["choices"][0]["message"]


def test_content_that_does_not_fit_the_type_raises_a_validation_error() -> None:
    with pytest.raises(pydantic.ValidationError):
        parse_chat_completion_json(chat_json('{"street": "Main"}'), Address, {})


def test_an_answer_cut_short_raises_when_there_is_something_to_parse() -> None:
    with pytest.raises(LengthFinishReasonError, match="length limit") as caught:
        parse_chat_completion_json(chat_json('{"street": "Ma', finish_reason="length"), Address, {})
    assert caught.value.completion.choices[0].finish_reason == "length"
    with pytest.raises(ContentFilterFinishReasonError):
        parse_chat_completion_json(chat_json(None, finish_reason="content_filter"), Address, {})
    # Without a type or tools nothing is parsed, so nothing fails.
    assert parse_chat_completion_json(chat_json("cut", finish_reason="length"), None, {})


def response_json(text: str, *items: Dict[str, Any]) -> Dict[str, Any]:
    message = {
        "type": "message",
        "id": "msg_1",
        "role": "assistant",
        "status": "completed",
        "content": [{"type": "output_text", "text": text, "annotations": []}],
    }
    return {
        "id": "resp_1",
        "object": "response",
        "created_at": 1,
        "model": "m",
        "tools": [],
        "tool_choice": "auto",
        "parallel_tool_calls": True,
        "output": [{"type": "reasoning", "id": "rs_1", "summary": []}, message, *items],
    }


def test_response_output_text_and_function_calls_are_parsed() -> None:
    data = response_json(
        '{"street": "Main", "city": "Oslo"}',
        {
            "type": "function_call",
            "call_id": "c1",
            "name": "GetWeather",
            "arguments": '{"city": "Oslo", "celsius": false}',
        },
        {"type": "function_call", "call_id": "c2", "name": "unknown", "arguments": "{}"},
    )
    specs = {"GetWeather": ToolSpec("GetWeather", GetWeather, True)}
    response = construct_type(parametrize(ParsedResponse, Address), parse_response_json(data, Address, specs))
    reasoning, message, weather, unknown = response.output
    assert isinstance(reasoning, ResponseReasoningItem)
    assert isinstance(message, ParsedResponseOutputMessage)
    assert isinstance(message.content[0], ParsedResponseOutputText)
    assert response.output_parsed == Address(street="Main", city="Oslo")
    assert response.output_text == '{"street": "Main", "city": "Oslo"}'
    assert isinstance(weather, ParsedResponseFunctionToolCall)
    assert weather.parsed_arguments == GetWeather(city="Oslo", celsius=False)
    assert isinstance(unknown, ParsedResponseFunctionToolCall) and unknown.parsed_arguments is None


def test_parse_params_are_the_create_params_less_response_format() -> None:
    def keys(typed_dict: Any) -> set[str]:
        return set(typed_dict.__required_keys__) | set(typed_dict.__optional_keys__)

    assert keys(ChatCompletionParseParams) == keys(CompletionCreateParamsBase) - {"response_format"}
    assert ChatCompletionParseParams.__required_keys__ == CompletionCreateParamsBase.__required_keys__


# Partial JSON


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("{", {}),
        ('{"na', {}),
        ('{"name"', {}),
        ('{"name": ', {}),
        ('{"name": "Ad', {"name": "Ad"}),
        ('{"name": "Ada", "age": 3', {"name": "Ada", "age": 3}),
        ('{"name": "Ada", "age": 3.', {"name": "Ada", "age": 3}),
        ('{"ok": tr', {}),
        ('{"ok": true, "tags": ["a", "b', {"ok": True, "tags": ["a", "b"]}),
        ('{"tags": ["a",', {"tags": ["a"]}),
        ('{"a": {"b": [1, {"c": null}', {"a": {"b": [1, {"c": None}]}}),
        ('{"s": "line\\n', {"s": "line\n"}),
        ('{"s": "cut\\', {"s": "cut"}),
        ('{"s": "\\u00e9\\u00', {"s": "é"}),
        ('{"a": 1} trailing', None),
        ('{"a" 1}', None),
        ("not json", None),
    ],
)
def test_partial_json(text: str, expected: Any) -> None:
    assert parse_partial_json(text) == expected


def test_partial_json_agrees_with_json_on_complete_documents() -> None:
    document = {"a": [1, 2.5, -3e2, True, False, None], "b": {"c": 'q"uo\\te\u2603\U0001f600'}, "d": ""}
    text = json.dumps(document)
    assert parse_partial_json(text) == document
    # Every prefix gives a value or None, never an exception.
    for end in range(len(text)):
        parse_partial_json(text[:end])


# Accumulators


def chunk(delta: Dict[str, Any], finish_reason: Optional[str] = None, logprobs: Any = None) -> ChatCompletionChunk:
    return ChatCompletionChunk.model_validate(
        {
            "id": "chatcmpl-1",
            "object": "chat.completion.chunk",
            "created": 1,
            "model": "m",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason, "logprobs": logprobs}],
        }
    )


def test_chat_accumulator_reports_deltas_and_builds_the_parsed_completion() -> None:
    accumulator: ChatCompletionAccumulator[Address] = ChatCompletionAccumulator(response_format=Address)
    pieces = ['{"street": "Ma', 'in", "ci', 'ty": "Oslo"}']
    events: List[Any] = []
    events += accumulator.feed(chunk({"role": "assistant", "content": ""}))
    for piece in pieces:
        events += accumulator.feed(chunk({"content": piece}))
    events += accumulator.feed(chunk({}, "stop"))
    kinds = [event.type for event in events]
    assert kinds == [
        "chunk",
        "chunk",
        "content.delta",
        "chunk",
        "content.delta",
        "chunk",
        "content.delta",
        "chunk",
        "content.done",
    ]
    deltas = [event for event in events if event.type == "content.delta"]
    assert [event.parsed for event in deltas] == [
        {"street": "Ma"},
        {"street": "Main"},
        {"street": "Main", "city": "Oslo"},
    ]
    assert deltas[-1].snapshot == "".join(pieces)
    assert events[-1].parsed == Address(street="Main", city="Oslo")
    final = accumulator.final()
    assert isinstance(final, ParsedChatCompletion)
    assert final.choices[0].finish_reason == "stop"
    assert final.choices[0].message.parsed == Address(street="Main", city="Oslo")
    assert final.choices[0].message.content == "".join(pieces)


def test_chat_accumulator_tool_calls_end_when_the_next_one_starts() -> None:
    accumulator: ChatCompletionAccumulator[None] = ChatCompletionAccumulator(
        tools={"GetWeather": ToolSpec("GetWeather", GetWeather, True)}
    )
    events: List[Any] = []
    opening = {"index": 0, "id": "call_1", "type": "function", "function": {"name": "GetWeather", "arguments": ""}}
    events += accumulator.feed(chunk({"role": "assistant", "tool_calls": [opening]}))
    events += accumulator.feed(chunk({"tool_calls": [{"index": 0, "function": {"arguments": '{"city": "Oslo", '}}]}))
    events += accumulator.feed(chunk({"tool_calls": [{"index": 0, "function": {"arguments": '"celsius": true}'}}]}))
    second = {"index": 1, "id": "call_2", "type": "function", "function": {"name": "GetWeather", "arguments": "{}"}}
    events += accumulator.feed(chunk({"tool_calls": [second]}))
    with pytest.raises(pydantic.ValidationError):
        # The second call's "{}" does not fit GetWeather: the done event parses it and says so.
        accumulator.feed(chunk({}, "tool_calls"))
    deltas = [event for event in events if event.type == "tool_calls.function.arguments.delta"]
    assert [event.parsed_arguments for event in deltas] == [{"city": "Oslo"}, {"city": "Oslo", "celsius": True}, {}]
    done = [event for event in events if event.type == "tool_calls.function.arguments.done"]
    assert len(done) == 1 and done[0].index == 0
    assert done[0].parsed_arguments == GetWeather(city="Oslo", celsius=True)


def test_chat_accumulator_refuses_a_cut_answer_only_when_parsing() -> None:
    parsing: ChatCompletionAccumulator[Address] = ChatCompletionAccumulator(response_format=Address)
    parsing.feed(chunk({"content": '{"street'}))
    with pytest.raises(LengthFinishReasonError):
        parsing.feed(chunk({}, "length"))
    plain: ChatCompletionAccumulator[None] = ChatCompletionAccumulator()
    plain.feed(chunk({"content": "cut"}))
    plain.feed(chunk({}, "length"))
    assert plain.final().choices[0].message.content == "cut"


def test_chat_accumulator_keeps_usage_logprobs_and_refusals() -> None:
    accumulator: ChatCompletionAccumulator[Address] = ChatCompletionAccumulator(response_format=Address)
    logprob = {"token": "no", "logprob": -0.1, "top_logprobs": []}
    events = accumulator.feed(chunk({"refusal": "no"}, logprobs={"refusal": [logprob]}))
    events += accumulator.feed(chunk({}, "stop"))
    events += accumulator.feed(
        ChatCompletionChunk.model_validate(
            {
                "id": "chatcmpl-1",
                "object": "chat.completion.chunk",
                "created": 1,
                "model": "m",
                "choices": [],
                "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3},
            }
        )
    )
    kinds = [event.type for event in events if event.type != "chunk"]
    assert kinds == ["refusal.delta", "logprobs.refusal.delta", "refusal.done", "logprobs.refusal.done"]
    final = accumulator.final()
    assert final.choices[0].message.refusal == "no"
    assert final.choices[0].message.parsed is None
    assert final.usage is not None and final.usage.total_tokens == 3


def response_event(kind: str, **fields: Any) -> Any:
    from openai.types.responses.response_stream_event import ResponseStreamEvent

    return construct_type(ResponseStreamEvent, {"type": kind, "sequence_number": 0, **fields})


def test_response_accumulator_extends_text_events_and_parses_at_the_end() -> None:
    base = response_json("")
    base["output"] = []
    accumulator: ResponseAccumulator[Address] = ResponseAccumulator(text_format=Address)
    message = {"type": "message", "id": "msg_1", "role": "assistant", "status": "in_progress", "content": []}
    part = {"type": "output_text", "text": "", "annotations": []}
    text = '{"street": "Main", "city": "Oslo"}'
    stream = [
        response_event("response.created", response=base),
        response_event("response.output_item.added", output_index=0, item=message),
        response_event("response.content_part.added", output_index=0, content_index=0, item_id="msg_1", part=part),
        response_event(
            "response.output_text.delta", output_index=0, content_index=0, item_id="msg_1", delta=text[:10], logprobs=[]
        ),
        response_event(
            "response.output_text.delta", output_index=0, content_index=0, item_id="msg_1", delta=text[10:], logprobs=[]
        ),
        response_event(
            "response.output_text.done", output_index=0, content_index=0, item_id="msg_1", text=text, logprobs=[]
        ),
    ]
    out = [extended for event in stream for extended in accumulator.feed(event)]
    assert [event.snapshot for event in out if event.type == "response.output_text.delta"] == [text[:10], text]
    assert out[-1].parsed == Address(street="Main", city="Oslo")
    snapshot = accumulator.snapshot
    assert snapshot is not None and snapshot.output[0].content[0].text == text  # type: ignore[union-attr]
    # The server's own copy of the created response is not touched by the accumulation.
    assert stream[0].response.output == []

    done = response_json(text)
    (completed,) = accumulator.feed(response_event("response.completed", response=done))
    assert completed.response.output_parsed == Address(street="Main", city="Oslo")
    assert accumulator.final() is completed.response


def test_response_accumulator_needs_a_final_event() -> None:
    accumulator: ResponseAccumulator[None] = ResponseAccumulator()
    with pytest.raises(Exception, match=r"ended without a response\.completed"):
        accumulator.final()
    incomplete = {**response_json("partial"), "status": "incomplete"}
    accumulator.feed(response_event("response.incomplete", response=incomplete))
    assert accumulator.final().output_text == "partial"

"""The conformance suite's own checks can fail: the mock rejects bad requests, bad JSON fails validation.

Without these, a mock server that accepted anything, or a checker that passed anything, would
turn the whole suite green without testing a thing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

import pytest

import openai
from openai import OpenAI
from openai.types import Model
from openai.types.chat import ChatCompletion, ChatCompletionChunk

from ._calls import ALL, MINIMAL, Call, TypeRef, load_calls
from ._checks import Checker, Wire, matches, validation_errors, wrapped
from ._values import FILE_BYTES, SchemaValues
from .test_operations import API_KEY, CALLS

if TYPE_CHECKING:
    from .conftest import MockServer

MESSAGES = [{"role": "user", "content": "hello"}]


@pytest.fixture
def wired(mock_server: MockServer) -> Iterator[tuple[OpenAI, Wire]]:
    """A client on the mock server whose exchanges are recorded."""
    wire = Wire()
    http_client = openai.DefaultHttpxClient(event_hooks={"response": [wire.sync_hook]})
    client = OpenAI(api_key=API_KEY, base_url=mock_server.base_url, max_retries=0, http_client=http_client)
    try:
        yield client, wire
    finally:
        client.close()
        http_client.close()


def test_mock_rejects_a_wrongly_typed_field(wired: tuple[OpenAI, Wire]) -> None:
    client, wire = wired
    with pytest.raises(openai.BadRequestError):
        client.chat.completions.create(model="m", messages=MESSAGES, extra_body={"temperature": "hot"})  # type: ignore[arg-type]
    (exchange,) = wire.exchanges
    assert exchange.status == 400
    assert any(d.startswith("E3008 at body.temperature") for d in exchange.diagnostics()), exchange.describe()


def test_mock_rejects_a_missing_required_field(wired: tuple[OpenAI, Wire]) -> None:
    client, wire = wired
    # The resource method refuses this before sending (TypeError); the low-level call sends it as is.
    with pytest.raises(openai.BadRequestError):
        client.post("/chat/completions", cast_to=ChatCompletion, body={"model": "m"})
    assert any("Missing required property: messages" in d for d in wire.exchanges[0].diagnostics())


def test_mock_names_the_operation_it_matched(wired: tuple[OpenAI, Wire], mock_server: MockServer) -> None:
    client, wire = wired
    client.models.retrieve("gpt-4o")
    assert wire.exchanges[0].headers.get("x-steady-matched-path") == "/models/{model}"
    elsewhere = client.with_options(base_url=mock_server.base_url + "/nowhere")
    with pytest.raises(openai.NotFoundError):
        elsewhere.models.list()
    assert wire.exchanges[1].status == 404
    assert any(d.startswith("E2001") for d in wire.exchanges[1].diagnostics()), wire.exchanges[1].describe()


def test_checker_fails_on_a_rejected_request(wired: tuple[OpenAI, Wire]) -> None:
    client, wire = wired
    call = next(c for c in CALLS if c.call == "client.chat.completions.create")
    check = Checker(call, MINIMAL, wire, is_async=False)
    with pytest.raises(openai.BadRequestError) as caught:
        client.chat.completions.create(model="m", messages=MESSAGES, extra_body={"n": "many"})  # type: ignore[arg-type]
    with pytest.raises(pytest.fail.Exception, match=r"(?s)answered 400.*E3008 at body\.n"):
        check.api_error(caught.value)
    with pytest.raises(pytest.fail.Exception, match="at odds with the spec"):
        check.request()


def test_checker_fails_when_the_mock_matched_another_operation(wired: tuple[OpenAI, Wire]) -> None:
    client, wire = wired
    client.models.list()
    call = next(c for c in CALLS if c.call == "client.models.retrieve")
    with pytest.raises(pytest.fail.Exception, match="matched '/models'"):
        Checker(call, MINIMAL, wire, is_async=False).request()


def test_validation_catches_json_the_declared_type_cannot_hold() -> None:
    good = {"id": "m", "created": 1, "object": "model", "owned_by": "me"}
    assert validation_errors(Model, good) is None
    problems = validation_errors(Model, {**good, "created": "yesterday"})
    assert problems is not None and "created" in problems
    assert validation_errors(Model, {"id": "m"}) is not None


def test_type_matching_follows_unions_and_rejects_other_types() -> None:
    model = Model.model_construct(id="m", created=1, object="model", owned_by="me")
    assert matches(model, Model)
    assert not matches(model, ChatCompletionChunk)
    assert matches(model, Any)
    assert matches(None, type(None))


def test_wrapped_stream_items_are_recognised() -> None:
    wrapper = ChatCompletionChunk.model_construct(event="message", data={"id": "c"})
    parsed = ChatCompletionChunk.model_construct(
        id="c", choices=[], created=1, model="m", object="chat.completion.chunk"
    )
    assert wrapped(wrapper)
    assert not wrapped(parsed)


def test_every_call_gets_its_required_arguments() -> None:
    """For each call: the params TypedDict's required keys are all generated, and nothing else is invented."""
    checked = 0
    for call in load_calls():
        params = _params_type(call)
        for variant in call.variants:
            args = call.arguments(variant)
            assert len(args.positional) == len(call.positional_path), call.call
            if params is None:
                continue
            keys = set(params.__required_keys__) | set(params.__optional_keys__)
            given = set(args.keywords) - set(call.keyword_path)
            assert set(params.__required_keys__) <= given, (call.call, variant.name)
            assert given <= keys, (call.call, variant.name, given - keys)
            if variant is ALL:
                # Everything but `stream`, which the stream variant sends.
                assert keys - {"stream"} <= given | {"stream"}, (call.call, keys - given)
            checked += 1
    assert checked > 100


def _params_type(call: Call) -> Any:
    import json

    from ._calls import TABLE_PATH

    if not TABLE_PATH.exists():
        return None
    for entry in json.loads(TABLE_PATH.read_text(encoding="utf-8"))["calls"]:
        if entry["call"] == call.call and entry.get("params"):
            return TypeRef(entry["params"]["module"], entry["params"]["name"]).load()
    return None


def test_values_follow_the_schema() -> None:
    values = SchemaValues({"components": {"schemas": {"Colour": {"type": "string", "enum": ["red", "blue"]}}}})
    assert values.value({"$ref": "#/components/schemas/Colour"}, full=False) == "red"
    assert values.value({"type": "integer", "minimum": 5, "maximum": 9}, full=False) == 5
    assert values.value({"type": "number", "maximum": 0.5}, full=False) == 0.5
    assert values.value({"type": "string", "minLength": 20}, full=False) == "conformance" + "x" * 9
    assert values.value({"type": "string", "format": "binary"}, full=False) == (
        "conformance.bin",
        FILE_BYTES,
        "application/octet-stream",
    )
    obj = {"type": "object", "properties": {"a": {"type": "boolean"}, "b": {"type": "string"}}, "required": ["a"]}
    assert values.value(obj, full=False) == {"a": True}
    assert values.value(obj, full=True) == {"a": True, "b": "conformance"}
    either = {"type": "object", "properties": obj["properties"], "anyOf": [{"required": ["b"]}, {"required": ["a"]}]}
    assert values.value(either, full=False) == {"b": "conformance"}
    assert values.value({"anyOf": [{"type": "null"}, {"type": "array", "items": {"type": "integer"}}]}, full=False) == [
        1
    ]

"""``/chat/completions``: create (plain and streamed), and the stored-completion endpoints.

The reply echoes the last user message ("Echo: <text>"); with function tools it calls the
chosen tool once, and with a JSON ``response_format`` it answers with JSON that fits the schema.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

from ._reply import ApiError, Reply, dumps, json_reply, missing_parameter
from ._routes import Call, Route, find
from ._schema_sample import sample
from ._sse import DONE, data_frame, stream_reply
from ._text import count_tokens, echo, last_user_text, pieces, prompt_tokens, text_of, truncate

__all__ = ["ROUTES"]

FINGERPRINT = "fp_loopback"

JSONObject = Dict[str, Any]


class _Answer:
    __slots__ = ("content", "finish_reason", "tokens", "tool_call")

    def __init__(self, content: Optional[str], tool_call: Optional[JSONObject], finish_reason: str) -> None:
        self.content = content
        self.tool_call = tool_call
        self.finish_reason = finish_reason
        arguments = tool_call["function"]["arguments"] if tool_call else ""
        self.tokens = count_tokens(content or "") + count_tokens(arguments)


def _chosen_tool(body: JSONObject) -> Optional[JSONObject]:
    """The function tool the request makes the model call, if any."""
    tools = body.get("tools")
    choice = body.get("tool_choice")
    if not isinstance(tools, list) or choice == "none":
        return None
    functions = [
        tool["function"]
        for tool in tools
        if isinstance(tool, dict) and tool.get("type") == "function" and isinstance(tool.get("function"), dict)
    ]
    if isinstance(choice, dict) and isinstance(choice.get("function"), dict):
        wanted = choice["function"].get("name")
        return next((function for function in functions if function.get("name") == wanted), None)
    return functions[0] if functions else None


def _answer(body: JSONObject, messages: List[Any], completion_id: str) -> _Answer:
    text = last_user_text(messages)
    last_role = messages[-1].get("role")
    tool = _chosen_tool(body)
    # After the tool's result comes back the model answers in words, which ends the tool loop.
    if tool is not None and last_role not in ("tool", "function"):
        call = {
            "id": "call_" + completion_id.rsplit("-", 1)[-1],
            "type": "function",
            "function": {
                "name": str(tool.get("name", "")),
                "arguments": json.dumps(sample(tool.get("parameters"), text)),
            },
        }
        return _Answer(None, call, "tool_calls")
    response_format = body.get("response_format")
    if isinstance(response_format, dict) and response_format.get("type") == "json_schema":
        spec = response_format.get("json_schema")
        schema = spec.get("schema") if isinstance(spec, dict) else None
        return _Answer(json.dumps(sample(schema, text)), None, "stop")
    if isinstance(response_format, dict) and response_format.get("type") == "json_object":
        return _Answer(json.dumps({"echo": text}), None, "stop")
    limit = body.get("max_completion_tokens") or body.get("max_tokens")
    content, cut = truncate(echo(text), limit if isinstance(limit, int) and limit > 0 else None)
    return _Answer(content, None, "length" if cut else "stop")


def _message(answer: _Answer) -> JSONObject:
    message: JSONObject = {"role": "assistant", "content": answer.content, "refusal": None, "annotations": []}
    if answer.tool_call is not None:
        message["tool_calls"] = [answer.tool_call]
    return message


def _usage(prompt: int, completion: int) -> JSONObject:
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def _validated_messages(call: Call) -> List[Any]:
    messages: List[Any] = call.require("messages", list)
    if not messages:
        raise ApiError(400, "'messages' must contain at least one message.", param="messages")
    for index, message in enumerate(messages):
        if not isinstance(message, dict) or not isinstance(message.get("role"), str):
            raise ApiError(400, f"Invalid message at messages[{index}]: a 'role' is required.", param="messages")
    return messages


def _create(call: Call) -> Reply:
    body = call.json()
    model = call.require("model")
    messages = _validated_messages(call)
    n = call.optional_int("n", 1, low=1, high=16)
    store = call.store
    completion_id = store.new_id("chatcmpl")
    answer = _answer(body, messages, completion_id)
    usage = _usage(prompt_tokens(messages), answer.tokens * n)
    completion: JSONObject = {
        "id": completion_id,
        "object": "chat.completion",
        "created": store.now(),
        "model": model,
        "choices": [
            {"index": index, "message": _message(answer), "logprobs": None, "finish_reason": answer.finish_reason}
            for index in range(n)
        ],
        "usage": usage,
        "service_tier": body.get("service_tier") or "default",
        "system_fingerprint": FINGERPRINT,
    }
    if body.get("store") is True:
        completion["metadata"] = body.get("metadata") or {}
        store.completions[completion_id] = completion
        store.completion_messages[completion_id] = [
            _stored_message(completion_id, i, m) for i, m in enumerate(messages)
        ]
    if body.get("stream") is True:
        options = body.get("stream_options")
        include_usage = isinstance(options, dict) and options.get("include_usage") is True
        return stream_reply(_chunks(completion, answer, n, usage if include_usage else None))
    return Reply(200, dumps(completion))


def _chunks(completion: JSONObject, answer: _Answer, n: int, usage: Optional[JSONObject]) -> List[bytes]:
    base: JSONObject = {
        "id": completion["id"],
        "object": "chat.completion.chunk",
        "created": completion["created"],
        "model": completion["model"],
        "service_tier": completion["service_tier"],
        "system_fingerprint": FINGERPRINT,
    }
    if usage is not None:
        # With include_usage every chunk carries the key; only the last one has a value.
        base["usage"] = None

    def frame(delta: JSONObject, finish_reason: Optional[str] = None) -> bytes:
        choices = [{"index": i, "delta": delta, "logprobs": None, "finish_reason": finish_reason} for i in range(n)]
        return data_frame({**base, "choices": choices})

    frames = [frame({"role": "assistant", "content": "" if answer.tool_call is None else None, "refusal": None})]
    if answer.tool_call is not None:
        tool_call = answer.tool_call
        arguments = tool_call["function"]["arguments"]
        opening = {"index": 0, "id": tool_call["id"], "type": "function"}
        opening["function"] = {"name": tool_call["function"]["name"], "arguments": ""}
        frames.append(frame({"tool_calls": [opening]}))
        middle = len(arguments) // 2
        for part in (arguments[:middle], arguments[middle:]):
            frames.append(frame({"tool_calls": [{"index": 0, "function": {"arguments": part}}]}))
    else:
        frames.extend(frame({"content": piece}) for piece in pieces(answer.content or ""))
    frames.append(frame({}, answer.finish_reason))
    if usage is not None:
        frames.append(data_frame({**base, "choices": [], "usage": usage}))
    frames.append(DONE)
    return frames


def _stored_message(completion_id: str, index: int, message: JSONObject) -> JSONObject:
    stored = dict(message)
    stored["id"] = f"{completion_id}-{index}"
    content = message.get("content")
    stored["content"] = text_of(content) if content is not None else None
    stored["content_parts"] = content if isinstance(content, list) else None
    return stored


def _list(call: Call) -> Reply:
    items = list(call.store.completions.values())
    model = call.query.get("model")
    if model:
        items = [item for item in items if item["model"] == model]
    for key, value in call.query.items():
        # Metadata filters arrive as metadata[key]=value.
        if key.startswith("metadata[") and key.endswith("]"):
            name = key[len("metadata[") : -1]
            items = [item for item in items if (item.get("metadata") or {}).get(name) == value]
    ordered = call.ordered(items, "asc")
    return json_reply(call.page(ordered, 20))


def _retrieve(call: Call) -> Reply:
    return json_reply(find(call.store.completions, call.params["completion_id"], "chat completion"))


def _update(call: Call) -> Reply:
    body = call.json()
    if "metadata" not in body:
        raise missing_parameter("metadata")
    metadata = body["metadata"]
    if metadata is not None and not isinstance(metadata, dict):
        raise ApiError(400, "Invalid type for 'metadata'.", param="metadata", code="invalid_type")
    completion = find(call.store.completions, call.params["completion_id"], "chat completion")
    completion["metadata"] = metadata or {}
    return json_reply(completion)


def _delete(call: Call) -> Reply:
    completion_id = call.params["completion_id"]
    find(call.store.completions, completion_id, "chat completion")
    del call.store.completions[completion_id]
    call.store.completion_messages.pop(completion_id, None)
    return json_reply({"object": "chat.completion.deleted", "id": completion_id, "deleted": True})


def _messages(call: Call) -> Reply:
    completion_id = call.params["completion_id"]
    find(call.store.completions, completion_id, "chat completion")
    items = call.ordered(call.store.completion_messages.get(completion_id, []), "asc")
    return json_reply(call.page(items, 20))


ROUTES: List[Route] = [
    ("POST", "/chat/completions", _create),
    ("GET", "/chat/completions", _list),
    ("GET", "/chat/completions/{completion_id}", _retrieve),
    ("POST", "/chat/completions/{completion_id}", _update),
    ("DELETE", "/chat/completions/{completion_id}", _delete),
    ("GET", "/chat/completions/{completion_id}/messages", _messages),
]

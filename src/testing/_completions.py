"""``/completions``: the legacy text-completion endpoint, plain and streamed."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from ._reply import ApiError, Reply, json_reply, missing_parameter
from ._routes import Call, Route
from ._sse import DONE, data_frame, stream_reply
from ._text import count_tokens, echo, pieces, truncate

__all__ = ["ROUTES"]

JSONObject = Dict[str, Any]


def _prompts(prompt: Any) -> List[str]:
    """Every prompt in the request as text: a string, strings, a token list or token lists."""
    if isinstance(prompt, str):
        return [prompt]
    if isinstance(prompt, list) and prompt:
        if all(isinstance(item, str) for item in prompt):
            return list(prompt)
        if all(isinstance(item, int) for item in prompt):
            return [" ".join(map(str, prompt))]
        if all(isinstance(item, list) and all(isinstance(t, int) for t in item) for item in prompt):
            return [" ".join(map(str, item)) for item in prompt]
    raise ApiError(400, "'prompt' must be a string, a list of strings or a list of token lists.", param="prompt")


def _create(call: Call) -> Reply:
    body = call.json()
    model = call.require("model")
    if body.get("prompt") is None:
        raise missing_parameter("prompt")
    prompts = _prompts(body["prompt"])
    n = call.optional_int("n", 1, low=1, high=16)
    limit = body.get("max_tokens")
    store = call.store
    completion_id = store.new_id("cmpl")
    created = store.now()
    choices: List[JSONObject] = []
    for prompt in prompts:
        text, cut = truncate(echo(prompt), limit if isinstance(limit, int) and limit > 0 else None)
        for _ in range(n):
            choices.append(
                {"text": text, "index": len(choices), "logprobs": None, "finish_reason": "length" if cut else "stop"}
            )
    prompt_count = sum(count_tokens(prompt) for prompt in prompts)
    completion_count = sum(count_tokens(choice["text"]) for choice in choices)
    usage = {
        "prompt_tokens": prompt_count,
        "completion_tokens": completion_count,
        "total_tokens": prompt_count + completion_count,
    }
    completion: JSONObject = {
        "id": completion_id,
        "object": "text_completion",
        "created": created,
        "model": model,
        "system_fingerprint": "fp_loopback",
        "choices": choices,
        "usage": usage,
    }
    if body.get("stream") is True:
        options = body.get("stream_options")
        include_usage = isinstance(options, dict) and options.get("include_usage") is True
        return stream_reply(_chunks(completion, usage if include_usage else None))
    return json_reply(completion)


def _chunks(completion: JSONObject, usage: Optional[JSONObject]) -> List[bytes]:
    base = {key: completion[key] for key in ("id", "object", "created", "model", "system_fingerprint")}
    frames: List[bytes] = []
    for choice in completion["choices"]:
        for piece in pieces(choice["text"]):
            delta = {"text": piece, "index": choice["index"], "logprobs": None, "finish_reason": None}
            frames.append(data_frame({**base, "choices": [delta]}))
        end = {"text": "", "index": choice["index"], "logprobs": None, "finish_reason": choice["finish_reason"]}
        frames.append(data_frame({**base, "choices": [end]}))
    if usage is not None:
        frames.append(data_frame({**base, "choices": [], "usage": usage}))
    frames.append(DONE)
    return frames


ROUTES: List[Route] = [("POST", "/completions", _create)]

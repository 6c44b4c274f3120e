"""``chat.completions.parse`` and ``chat.completions.stream``: structured outputs from a chat completion.

Wired onto the chat completions resource as ``parse = parse_chat_completion`` and
``stream = stream_chat_completion``; ``resource`` is then the resource itself.
"""

from __future__ import annotations

import functools
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

from typing_extensions import Unpack

from ..._helpers.parse_params import ChatCompletionParseParams
from ..._helpers.parsing import (
    ResponseFormatT,
    ToolSpec,
    chat_tool_specs,
    parametrize,
    parse_chat_completion_json,
    type_to_response_format,
)
from ..._parsed_chat_types import ParsedChatCompletion
from ..._request import helper_headers
from ..._signatures import given_arguments
from ..._streams.chat_accumulator import ChatCompletionAccumulator
from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ...types.chat.chat_completion_chunk import ChatCompletionChunk
from ...types.response_format_json_object_param import ResponseFormatJSONObjectParam
from ...types.response_format_json_schema_param import ResponseFormatJSONSchemaParam
from ...types.response_format_text_param import ResponseFormatTextParam
from .._streaming import AsyncStream
from ..resources._base import AsyncAPIResource
from .streams import AsyncChatCompletionStreamManager

__all__ = ["parse_chat_completion", "stream_chat_completion"]

_PATH = "/chat/completions"

# A response_format given as the API's own dict rather than as a type.
ResponseFormatParam = Union[ResponseFormatTextParam, ResponseFormatJSONSchemaParam, ResponseFormatJSONObjectParam]


def _response_format(response_format: Any) -> Tuple[Optional[Mapping[str, Any]], Any]:
    """What to send as ``response_format``, and the type to parse the content into (None: do not parse)."""
    if isinstance(response_format, NotGiven):
        return None, None
    if isinstance(response_format, Mapping):
        return response_format, None
    return type_to_response_format(response_format), response_format


def _prepare(
    params: Mapping[str, Any], response_format: Any, helper: str
) -> Tuple[Dict[str, object], Any, Dict[str, ToolSpec]]:
    """The request body, the type to parse content into, and the tools whose arguments are parsed."""
    # Libraries pass every option they know, the ones they leave out as NOT_GIVEN or omit: those are absent.
    params = given_arguments(**params)
    if "stream" in params:
        raise TypeError(f"{helper}() chooses whether to stream; leave out the `stream` argument")
    body: Dict[str, object] = dict(params)
    tools: List[Any] = []
    if "tools" in params:
        # Read once: the tools may come as a one-pass iterable, and they are both checked and sent.
        tools = list(params["tools"])
        body["tools"] = tools
    specs = chat_tool_specs(tools)
    sent_format, parse_as = _response_format(response_format)
    if sent_format is not None:
        body["response_format"] = sent_format
    return body, parse_as, specs


async def parse_chat_completion(
    resource: AsyncAPIResource,
    *,
    response_format: Union[type[ResponseFormatT], NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    **params: Unpack[ChatCompletionParseParams],
) -> ParsedChatCompletion[ResponseFormatT]:
    """Create a chat completion whose answer is JSON fitting ``response_format``, and parse it.

    ``response_format`` is a pydantic model (or another type pydantic can describe); it is sent as a
    strict JSON schema and each message's ``parsed`` is an instance of it. Function tools must be
    strict (see :func:`openai.pydantic_function_tool`); their calls get ``parsed_arguments``.
    Raises ``LengthFinishReasonError`` / ``ContentFilterFinishReasonError`` when an answer was cut short.
    """
    body, parse_as, specs = _prepare(params, response_format, "parse")
    result: ParsedChatCompletion[ResponseFormatT] = await resource._call(
        "post",
        _PATH,
        body=body,
        cast_to=parametrize(ParsedChatCompletion, parse_as),
        json_hook=functools.partial(parse_chat_completion_json, response_format=parse_as, tools=specs),
        extra_headers=helper_headers("chat.completions.parse", extra_headers),
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )
    return result


def stream_chat_completion(
    resource: AsyncAPIResource,
    *,
    response_format: Union[type[ResponseFormatT], ResponseFormatParam, NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    **params: Unpack[ChatCompletionParseParams],
) -> AsyncChatCompletionStreamManager[ResponseFormatT]:
    """Stream a chat completion as events; entering the result (a context manager) makes the call.

    ``response_format`` may be a type (the content is parsed as it streams and at the end) or a
    plain ``response_format`` dict. The stream's ``get_final_completion()`` returns the whole
    :class:`ParsedChatCompletion`.
    """
    body, parse_as, specs = _prepare(params, response_format, "stream")
    body["stream"] = True

    async def make_call() -> AsyncStream[ChatCompletionChunk]:
        return await resource._call(
            "post",
            _PATH,
            body=body,
            cast_to=AsyncStream[ChatCompletionChunk],
            stream_item=ChatCompletionChunk,
            extra_headers=helper_headers("chat.completions.stream", extra_headers),
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    accumulator: ChatCompletionAccumulator[ResponseFormatT] = ChatCompletionAccumulator(
        response_format=parse_as, tools=specs
    )
    return AsyncChatCompletionStreamManager(make_call, accumulator=accumulator)

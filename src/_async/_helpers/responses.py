"""``responses.parse`` and ``responses.stream``: structured outputs from the Responses API.

Wired onto the responses resource as ``parse = parse_response`` and ``stream = stream_response``.
"""

from __future__ import annotations

import functools
from typing import Any, Dict, Mapping, Optional, Tuple, Union

from typing_extensions import Literal, Unpack

from ..._helpers.parsing import (
    ResponseFormatT,
    ToolSpec,
    parametrize,
    parse_response_json,
    response_tool_specs,
    type_to_text_format,
)
from ..._parsed_response_types import ParsedResponse
from ..._request import helper_headers, require_path_param
from ..._signatures import given_arguments
from ..._streams.response_accumulator import ResponseAccumulator
from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Omit, Query, Timeout, omit
from ...types.responses.response_create_params import ResponseCreateParamsBase
from ...types.responses.response_stream_event import ResponseStreamEvent
from .._streaming import AsyncStream
from ..resources._base import AsyncAPIResource
from .streams import AsyncResponseStreamManager

__all__ = ["parse_response", "stream_response"]


def _body(params: Mapping[str, Any], text_format: Any) -> Tuple[Dict[str, object], Dict[str, ToolSpec]]:
    """The request body (tools in the Responses shape, the text format of ``text_format``) and the tools by name."""
    # Libraries pass every option they know, the ones they leave out as NOT_GIVEN or omit: those are absent.
    params = given_arguments(**params)
    if "stream" in params:
        raise TypeError("responses.parse()/stream() choose whether to stream; leave out the `stream` argument")
    body: Dict[str, object] = dict(params)
    sent_tools, specs = response_tool_specs(params.get("tools"))
    if "tools" in params:
        body["tools"] = sent_tools
    if text_format is not None:
        text = dict(params.get("text") or {})
        if "format" in text:
            raise TypeError("Pass the output type as text_format or the format as text={'format': ...}, not both")
        text["format"] = type_to_text_format(text_format)
        body["text"] = text
    return body, specs


def _given(value: Any) -> Any:
    return None if isinstance(value, NotGiven) else value


async def parse_response(
    resource: AsyncAPIResource,
    *,
    text_format: Union[type[ResponseFormatT], NotGiven] = NOT_GIVEN,
    stream: Union[Optional[bool], Omit] = omit,
    verbosity: Union[Optional[Literal["low", "medium", "high"]], Omit] = omit,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    **params: Unpack[ResponseCreateParamsBase],
) -> ParsedResponse[ResponseFormatT]:
    """Create a response whose output text is JSON fitting ``text_format``, and parse it.

    ``text_format`` is a pydantic model (or another type pydantic can describe), sent as a strict
    JSON schema; ``output_parsed`` is the answer as an instance of it. Function tools made with
    :func:`openai.pydantic_function_tool` are accepted too; their calls get ``parsed_arguments``.
    """
    parse_as = _given(text_format)
    body, specs = _body(params, parse_as)
    # Sent as given, as the official SDK sends them; a streamed answer is read with `stream()`.
    body = {**body, **given_arguments(stream=stream, verbosity=verbosity)}
    result: ParsedResponse[ResponseFormatT] = await resource._call(
        "post",
        "/responses",
        body=body,
        cast_to=parametrize(ParsedResponse, parse_as),
        json_hook=functools.partial(parse_response_json, text_format=parse_as, tools=specs),
        extra_headers=helper_headers("responses.parse", extra_headers),
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )
    return result


def stream_response(
    resource: AsyncAPIResource,
    *,
    response_id: Union[str, NotGiven] = NOT_GIVEN,
    starting_after: Union[int, NotGiven] = NOT_GIVEN,
    text_format: Union[type[ResponseFormatT], NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    **params: Unpack[ResponseCreateParamsBase],
) -> AsyncResponseStreamManager[ResponseFormatT]:
    """Stream a response as events; entering the result (a context manager) makes the call.

    Either create a response from ``params``, or pass ``response_id`` (and ``starting_after``, a
    sequence number) to resume the events of a stored background response. ``text_format`` and
    ``tools`` say how output texts and function calls are parsed; ``get_final_response()`` on the
    stream returns the whole :class:`ParsedResponse`.
    """
    parse_as = _given(text_format)
    headers = helper_headers("responses.stream", extra_headers)
    resume_id = _given(response_id)
    if resume_id is None and not isinstance(starting_after, NotGiven):
        raise TypeError("starting_after resumes a stored response; pass response_id with it")
    if resume_id is not None and set(params) - {"tools"}:
        raise TypeError("Resuming with response_id streams a stored response; creation parameters do not apply")
    # Built now, so a bad argument fails at the call rather than when the stream is entered.
    create_body, specs = _body(params, parse_as)
    create_body["stream"] = True

    if resume_id is not None:  # replay a stored response's events instead of creating one
        method, path = "get", f"/responses/{require_path_param('response_id', resume_id)}"
        query: Optional[Dict[str, object]] = {"stream": True, "starting_after": starting_after}
        body: Optional[Dict[str, object]] = None
    else:
        method, path, query, body = "post", "/responses", None, create_body

    async def make_call() -> AsyncStream[Any]:
        return await resource._call(
            method,
            path,
            query=query,
            body=body,
            cast_to=AsyncStream[Any],
            stream_item=ResponseStreamEvent,
            stream_ends_with_done=False,
            extra_headers=headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    accumulator: ResponseAccumulator[ResponseFormatT] = ResponseAccumulator(text_format=parse_as, tools=specs)
    return AsyncResponseStreamManager(make_call, accumulator=accumulator)

"""The events of ``responses.stream``, under the official SDK's names.

A Responses API stream yields the server's own events; text and function-argument deltas gain
``snapshot`` (everything so far), ``response.output_text.done`` gains ``parsed``, and
``response.completed`` carries a :class:`ParsedResponse`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, Optional, TypeVar, Union

from typing_extensions import TypeAlias

from .._parsed_response_types import ParsedResponse
from ..types.responses.response_completed_event import ResponseCompletedEvent as _RawCompletedEvent
from ..types.responses.response_function_call_arguments_delta_event import (
    ResponseFunctionCallArgumentsDeltaEvent as _RawArgumentsDeltaEvent,
)
from ..types.responses.response_stream_event import ResponseStreamEvent as _RawResponseStreamEvent
from ..types.responses.response_text_delta_event import ResponseTextDeltaEvent as _RawTextDeltaEvent
from ..types.responses.response_text_done_event import ResponseTextDoneEvent as _RawTextDoneEvent

__all__ = [
    "ResponseCompletedEvent",
    "ResponseFunctionCallArgumentsDeltaEvent",
    "ResponseStreamEvent",
    "ResponseTextDeltaEvent",
    "ResponseTextDoneEvent",
]

_T = TypeVar("_T")


class ResponseTextDeltaEvent(_RawTextDeltaEvent):
    """``response.output_text.delta`` with ``snapshot``: the part's text so far."""

    snapshot: str


class ResponseTextDoneEvent(_RawTextDoneEvent, Generic[_T]):
    """``response.output_text.done`` with ``parsed``: the text as the requested type (None without one)."""

    parsed: Optional[_T] = None


class ResponseFunctionCallArgumentsDeltaEvent(_RawArgumentsDeltaEvent):
    """``response.function_call_arguments.delta`` with ``snapshot``: the arguments so far."""

    snapshot: str


class ResponseCompletedEvent(_RawCompletedEvent, Generic[_T]):
    """``response.completed`` whose ``response`` carries the parsed output."""

    if TYPE_CHECKING:
        response: ParsedResponse[_T]
    else:
        # Bare at runtime: a parametrised generic model is built at import time, defer_build or not.
        response: ParsedResponse


ResponseStreamEvent: TypeAlias = Union[
    ResponseTextDeltaEvent,
    ResponseTextDoneEvent[_T],
    ResponseFunctionCallArgumentsDeltaEvent,
    ResponseCompletedEvent[_T],
    _RawResponseStreamEvent,
]

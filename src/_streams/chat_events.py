"""The events of ``chat.completions.stream``, under the official SDK's names.

A chat completion stream yields a ``chunk`` event per chunk, then events that say what the chunk
changed: ``content.delta`` (with the text so far and, for structured outputs, the JSON parsed so far),
``refusal.delta``, ``tool_calls.function.arguments.delta``, ``logprobs.*.delta``, and the matching
``*.done`` events when a choice finishes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, List, Optional, TypeVar, Union

from typing_extensions import Literal, TypeAlias

from .._models import BaseModel
from .._parsed_chat_types import ParsedChatCompletion
from ..types.chat.chat_completion_chunk import ChatCompletionChunk
from ..types.chat.chat_completion_token_logprob import ChatCompletionTokenLogprob

__all__ = [
    "ChatCompletionStreamEvent",
    "ChunkEvent",
    "ContentDeltaEvent",
    "ContentDoneEvent",
    "FunctionToolCallArgumentsDeltaEvent",
    "FunctionToolCallArgumentsDoneEvent",
    "LogprobsContentDeltaEvent",
    "LogprobsContentDoneEvent",
    "LogprobsRefusalDeltaEvent",
    "LogprobsRefusalDoneEvent",
    "RefusalDeltaEvent",
    "RefusalDoneEvent",
]

_T = TypeVar("_T")


class ChunkEvent(BaseModel):
    """A chunk as received, with the completion accumulated so far (``snapshot``, updated in place)."""

    type: Literal["chunk"]
    chunk: ChatCompletionChunk
    if TYPE_CHECKING:
        snapshot: ParsedChatCompletion[object]
    else:
        # Bare at runtime: a parametrised generic model is built at import time, defer_build or not.
        snapshot: ParsedChatCompletion


class ContentDeltaEvent(BaseModel):
    """New message text: ``delta``, the text so far, and for structured outputs the JSON parsed so far."""

    type: Literal["content.delta"]
    delta: str
    snapshot: str
    parsed: Optional[object] = None


class ContentDoneEvent(BaseModel, Generic[_T]):
    """A choice's message text is complete; ``parsed`` is it as the requested type."""

    type: Literal["content.done"]
    content: str
    parsed: Optional[_T] = None


class RefusalDeltaEvent(BaseModel):
    """New refusal text, and the refusal so far."""

    type: Literal["refusal.delta"]
    delta: str
    snapshot: str


class RefusalDoneEvent(BaseModel):
    """A choice's refusal is complete."""

    type: Literal["refusal.done"]
    refusal: str


class FunctionToolCallArgumentsDeltaEvent(BaseModel):
    """New argument text of tool call ``index``; ``parsed_arguments`` is the JSON so far for strict tools."""

    type: Literal["tool_calls.function.arguments.delta"]
    name: str
    index: int
    arguments: str
    parsed_arguments: object = None
    arguments_delta: str


class FunctionToolCallArgumentsDoneEvent(BaseModel):
    """Tool call ``index`` is complete; ``parsed_arguments`` is the tool's model instance (or JSON) when strict."""

    type: Literal["tool_calls.function.arguments.done"]
    name: str
    index: int
    arguments: str
    parsed_arguments: object = None


class LogprobsContentDeltaEvent(BaseModel):
    """Log probabilities of new content tokens, and all of them so far."""

    type: Literal["logprobs.content.delta"]
    content: List[ChatCompletionTokenLogprob]
    snapshot: List[ChatCompletionTokenLogprob]


class LogprobsContentDoneEvent(BaseModel):
    """Log probabilities of every content token of a finished choice."""

    type: Literal["logprobs.content.done"]
    content: List[ChatCompletionTokenLogprob]


class LogprobsRefusalDeltaEvent(BaseModel):
    """Log probabilities of new refusal tokens, and all of them so far."""

    type: Literal["logprobs.refusal.delta"]
    refusal: List[ChatCompletionTokenLogprob]
    snapshot: List[ChatCompletionTokenLogprob]


class LogprobsRefusalDoneEvent(BaseModel):
    """Log probabilities of every refusal token of a finished choice."""

    type: Literal["logprobs.refusal.done"]
    refusal: List[ChatCompletionTokenLogprob]


ChatCompletionStreamEvent: TypeAlias = Union[
    ChunkEvent,
    ContentDeltaEvent,
    ContentDoneEvent[_T],
    RefusalDeltaEvent,
    RefusalDoneEvent,
    FunctionToolCallArgumentsDeltaEvent,
    FunctionToolCallArgumentsDoneEvent,
    LogprobsContentDeltaEvent,
    LogprobsContentDoneEvent,
    LogprobsRefusalDeltaEvent,
    LogprobsRefusalDoneEvent,
]

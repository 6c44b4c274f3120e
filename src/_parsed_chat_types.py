"""The result of ``chat.completions.parse``: a chat completion that carries the requested type.

``ParsedChatCompletion[T]`` is a :class:`ChatCompletion` whose messages have ``parsed: Optional[T]``
and whose function calls have ``function.parsed_arguments``. Hand-written (``src/types`` is
generated); exported under the official SDK's names from ``openai.types.chat``.
"""

from __future__ import annotations

from typing import Generic, List, Optional, TypeVar, Union

import pydantic
from typing_extensions import Annotated

from .types.chat.chat_completion import ChatCompletion, Choice
from .types.chat.chat_completion_message import ChatCompletionMessage
from .types.chat.chat_completion_message_custom_tool_call import ChatCompletionMessageCustomToolCall
from .types.chat.chat_completion_message_function_tool_call import ChatCompletionMessageFunctionToolCall, Function

__all__ = [
    "ContentType",
    "ParsedChatCompletion",
    "ParsedChatCompletionMessage",
    "ParsedChoice",
    "ParsedFunction",
    "ParsedFunctionToolCall",
]

ContentType = TypeVar("ContentType")


class ParsedFunction(Function):
    """A called function's name and JSON arguments, plus the arguments parsed (model instance or dict)."""

    parsed_arguments: Optional[object] = None


class ParsedFunctionToolCall(ChatCompletionMessageFunctionToolCall):
    """A function tool call whose ``function.parsed_arguments`` is filled in."""

    function: ParsedFunction


class ParsedChatCompletionMessage(ChatCompletionMessage, Generic[ContentType]):
    """An assistant message whose JSON content is also available as ``parsed``.

    ``parsed`` is None when the model refused (see ``refusal``) or answered with tool calls only.
    """

    parsed: Optional[ContentType] = None
    tool_calls: Optional[
        List[
            Annotated[
                Union[ParsedFunctionToolCall, ChatCompletionMessageCustomToolCall],
                pydantic.Field(discriminator="type"),
            ]
        ]
    ] = None  # type: ignore[assignment]


class ParsedChoice(Choice, Generic[ContentType]):
    """One choice of a parsed chat completion."""

    message: ParsedChatCompletionMessage[ContentType]


class ParsedChatCompletion(ChatCompletion, Generic[ContentType]):
    """A chat completion whose choices' messages carry ``parsed`` content."""

    choices: List[ParsedChoice[ContentType]]  # type: ignore[assignment]

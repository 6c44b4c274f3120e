"""The result of ``responses.parse``: a response that carries the requested type.

``ParsedResponse[T]`` is a :class:`Response` whose output texts have ``parsed: Optional[T]`` and whose
function calls have ``parsed_arguments``. Hand-written (``src/types`` is generated); exported under
the official SDK's names from ``openai.types.responses``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, List, Optional, TypeVar, Union, get_args

import pydantic
from typing_extensions import Annotated, TypeAlias

from .types.responses.response import Response
from .types.responses.response_function_tool_call import ResponseFunctionToolCall
from .types.responses.response_output_item import ResponseOutputItem
from .types.responses.response_output_message import ResponseOutputMessage
from .types.responses.response_output_refusal import ResponseOutputRefusal
from .types.responses.response_output_text import ResponseOutputText

__all__ = [
    "ContentType",
    "ParsedContent",
    "ParsedResponse",
    "ParsedResponseFunctionToolCall",
    "ParsedResponseOutputItem",
    "ParsedResponseOutputMessage",
    "ParsedResponseOutputText",
]

ContentType = TypeVar("ContentType")


class ParsedResponseOutputText(ResponseOutputText, Generic[ContentType]):
    """An output text whose JSON is also available as ``parsed``."""

    parsed: Optional[ContentType] = None


ParsedContent: TypeAlias = Annotated[
    Union[ParsedResponseOutputText[ContentType], ResponseOutputRefusal], pydantic.Field(discriminator="type")
]


class ParsedResponseOutputMessage(ResponseOutputMessage, Generic[ContentType]):
    """An output message whose texts carry ``parsed``."""

    # Spelled out rather than ParsedContent[ContentType]: at runtime pydantic gives back the bare
    # class for `Model[ContentType]`, which leaves the alias nothing to subscript.
    content: List[  # type: ignore[assignment]
        Annotated[
            Union[ParsedResponseOutputText[ContentType], ResponseOutputRefusal], pydantic.Field(discriminator="type")
        ]
    ]


class ParsedResponseFunctionToolCall(ResponseFunctionToolCall):
    """A function call whose arguments are also available as ``parsed_arguments``."""

    parsed_arguments: object = None


def _output_item_union() -> Any:
    """Every output item type of the API, with messages and function calls swapped for their parsed forms.

    Derived from the generated union, so an item type added to the spec is picked up here too.
    """
    union = get_args(ResponseOutputItem)[0]
    others = tuple(
        member for member in get_args(union) if member not in (ResponseOutputMessage, ResponseFunctionToolCall)
    )
    # The bare generic class: pydantic substitutes ContentType when ParsedResponse is parametrised.
    members = (ParsedResponseOutputMessage, ParsedResponseFunctionToolCall, *others)
    return Annotated[Union[members], pydantic.Field(discriminator="type")]


if TYPE_CHECKING:
    ParsedResponseOutputItem: TypeAlias = Union[
        ParsedResponseOutputMessage[ContentType], ParsedResponseFunctionToolCall, ResponseOutputItem
    ]
else:
    ParsedResponseOutputItem = _output_item_union()


class ParsedResponse(Response, Generic[ContentType]):
    """A response whose output texts carry ``parsed``; ``output_parsed`` is the first of them."""

    if TYPE_CHECKING:
        output: List[ParsedResponseOutputItem[ContentType]]
    else:
        output: List[ParsedResponseOutputItem]

    @property
    def output_parsed(self) -> Optional[ContentType]:
        """The parsed content of the first output text that has one, or None."""
        for item in self.output:
            if isinstance(item, ParsedResponseOutputMessage):
                for part in item.content:
                    if isinstance(part, ParsedResponseOutputText) and part.parsed is not None:
                        return part.parsed
        return None

    @property
    def output_text(self) -> str:
        """The text of every output text of every output message, joined."""
        return "".join(
            part.text
            for item in self.output
            if isinstance(item, ResponseOutputMessage)
            for part in item.content
            if isinstance(part, ResponseOutputText)
        )

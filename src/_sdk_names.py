"""Names of the official SDK's module surface that this package had no object for under any name.

Each is small: an alias, a protocol, an error class, or a thin adapter giving one of this package's
own implementations the interface the official SDK gives it. They are reached through the
generated re-export modules (``openai.pagination``, ``openai.lib.azure``, ``openai.lib.streaming``,
``openai._base_client``, ...) and a few top-level names; nothing here is imported by ``import openai``.
"""

from __future__ import annotations

import abc
import inspect
import os
from pathlib import Path
from typing import (
    TYPE_CHECKING,
    Any,
    Awaitable,
    Callable,
    Dict,
    Generic,
    Iterable,
    List,
    Mapping,
    Optional,
    Protocol,
    Tuple,
    Type,
    TypeVar,
    Union,
    runtime_checkable,
)

import httpx
from typing_extensions import TypeAlias

from ._errors import OpenAIError
from ._helpers.parsing import ResponseFormatT
from ._types import NOT_GIVEN, Body, Headers, NotGiven, Query, RequestOptions, Timeout

if TYPE_CHECKING:
    from ._async._helpers.assistant_stream import AsyncAssistantEventHandler
    from ._parsed_chat_types import ParsedChatCompletion, ParsedChatCompletionMessage, ParsedChoice
    from ._parsed_response_types import ParsedResponse
    from ._streams.chat_events import ChatCompletionStreamEvent
    from ._streams.response_events import ResponseStreamEvent
    from ._sync._helpers.assistant_stream import AssistantEventHandler
    from .types.chat.chat_completion_chunk import ChatCompletionChunk
    from .types.responses.response import Response

__all__ = [
    "AssistantEventHandlerT",
    "AsyncAssistantEventHandlerT",
    "AsyncAzureADTokenProvider",
    "BaseAzureClient",
    "ChatCompletionStreamState",
    "CursorPageItem",
    "MutuallyExclusiveAuthError",
    "NoneType",
    "ParsedChatCompletionMessageSnapshot",
    "ParsedChatCompletionSnapshot",
    "ParsedChoiceSnapshot",
    "ProxiesTypes",
    "ResponseStreamState",
    "Transport",
    "file_from_path",
    "make_request_options",
    "validate_response_format",
]

#: ``cast_to=NoneType`` for a low-level call whose response has no body.
NoneType: Type[None] = type(None)

#: What ``proxy=`` of an httpx client takes: a URL, an ``httpx.Proxy``, or a mapping of them by URL pattern.
ProxiesTypes: TypeAlias = Union[str, httpx.Proxy, Dict[Union[str, httpx.URL], Union[str, httpx.URL, httpx.Proxy, None]]]

#: The httpx transport interface that ``http_client=httpx.Client(transport=...)`` accepts.
Transport = httpx.BaseTransport

#: An Azure AD token provider of a blocking client: called for a fresh token before each request.
AzureADTokenProvider: TypeAlias = Callable[[], str]
#: An Azure AD token provider of an event-loop client; it may be a coroutine function.
AsyncAzureADTokenProvider: TypeAlias = Callable[[], Union[str, Awaitable[str]]]

AssistantEventHandlerT = TypeVar("AssistantEventHandlerT", bound="AssistantEventHandler")
AsyncAssistantEventHandlerT = TypeVar("AsyncAssistantEventHandlerT", bound="AsyncAssistantEventHandler")


@runtime_checkable
class CursorPageItem(Protocol):
    """An item of a cursor page: its ``id`` is the cursor of the page after it."""

    id: Optional[str]


class MutuallyExclusiveAuthError(OpenAIError):
    """More than one of ``api_key``, ``azure_ad_token`` and ``azure_ad_token_provider`` was given."""

    def __init__(self) -> None:
        super().__init__(
            "Pass only one of `api_key`, `azure_ad_token` and `azure_ad_token_provider`: they are mutually exclusive"
        )


class BaseAzureClient(abc.ABC):  # noqa: B024 - abstract only so that its subclass hook applies
    """What ``AzureOpenAI`` and ``AsyncAzureOpenAI`` have in common, for ``isinstance`` checks.

    The two Azure clients subclass ``OpenAI`` and ``AsyncOpenAI``; this class recognises them (and
    their subclasses) without being their base, so neither client's own hierarchy changes.
    """

    @classmethod
    def __subclasshook__(cls, subclass: type) -> Any:
        if cls is not BaseAzureClient:
            return NotImplemented
        from ._async._azure import AsyncAzureOpenAI
        from ._sync._azure import AzureOpenAI

        return True if issubclass(subclass, (AzureOpenAI, AsyncAzureOpenAI)) else NotImplemented


def validate_response_format(response_format: object) -> None:
    """Refuse a pydantic model class as ``response_format`` of ``chat.completions.create()``."""
    import pydantic

    if inspect.isclass(response_format) and issubclass(response_format, pydantic.BaseModel):
        raise TypeError(
            f"response_format={response_format.__name__} is a pydantic model class, which "
            "chat.completions.create() cannot send; call chat.completions.parse() to get the content as that model"
        )


def file_from_path(path: str) -> Tuple[str, bytes]:
    """A file to upload, read from ``path``: its name and its bytes."""
    return os.path.basename(path), Path(path).read_bytes()


def make_request_options(
    *,
    query: Optional[Query] = None,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    idempotency_key: Optional[str] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    post_parser: Any = NOT_GIVEN,
) -> RequestOptions:
    """The ``options=`` of a low-level call (``client.post(path, cast_to=..., options=...)``), holding
    only what was given: ``query`` and ``extra_query`` merge into ``params``, ``extra_body`` is ``extra_json``.

    ``post_parser`` exists for the official signature's sake and must be left out: this client
    parses responses by ``cast_to`` alone.
    """
    if not isinstance(post_parser, NotGiven):
        raise TypeError("make_request_options(post_parser=...) is not supported: parse the result of the call instead")
    options: RequestOptions = {}
    if extra_headers is not None:
        options["headers"] = extra_headers
    if extra_body is not None:
        options["extra_json"] = extra_body
    if query is not None or extra_query is not None:
        options["params"] = {**(query or {}), **(extra_query or {})}
    if not isinstance(timeout, NotGiven):
        options["timeout"] = timeout
    if idempotency_key is not None:
        options["idempotency_key"] = idempotency_key
    return options


if TYPE_CHECKING:
    ParsedChatCompletionSnapshot: TypeAlias = ParsedChatCompletion[object]
    ParsedChoiceSnapshot: TypeAlias = ParsedChoice[object]
    ParsedChatCompletionMessageSnapshot: TypeAlias = ParsedChatCompletionMessage[object]
else:

    def __getattr__(name: str) -> Any:
        # The snapshot aliases need the parsed chat models, which are too heavy to build for
        # `openai.pagination`'s sake; they are made on first use and kept.
        if name in _SNAPSHOTS:
            from . import _parsed_chat_types

            value = getattr(_parsed_chat_types, _SNAPSHOTS[name])[object]
            globals()[name] = value
            return value
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_SNAPSHOTS = {
    "ParsedChatCompletionSnapshot": "ParsedChatCompletion",
    "ParsedChoiceSnapshot": "ParsedChoice",
    "ParsedChatCompletionMessageSnapshot": "ParsedChatCompletionMessage",
}


def _given(value: object) -> Any:
    return None if isinstance(value, NotGiven) else value


class ChatCompletionStreamState(Generic[ResponseFormatT]):
    """Builds a chat completion from chunks received by any means, with the events
    ``chat.completions.stream()`` gives; the same accumulator serves both.

    ``response_format`` is a model type to parse the content into (a ``response_format`` mapping
    leaves it as text); ``input_tools`` are the tools the request was sent with.
    """

    def __init__(
        self,
        *,
        input_tools: Union[Iterable[Mapping[str, Any]], NotGiven] = NOT_GIVEN,
        response_format: Union[Type[ResponseFormatT], Mapping[str, Any], NotGiven] = NOT_GIVEN,
    ) -> None:
        from ._helpers.parsing import chat_tool_specs
        from ._streams.chat_accumulator import ChatCompletionAccumulator

        parse_as = None if isinstance(response_format, (Mapping, NotGiven)) else response_format
        self._accumulator: ChatCompletionAccumulator[ResponseFormatT] = ChatCompletionAccumulator(
            response_format=parse_as, tools=chat_tool_specs(_given(input_tools))
        )

    def handle_chunk(self, chunk: ChatCompletionChunk) -> List[ChatCompletionStreamEvent[ResponseFormatT]]:
        """Fold one chunk in; returns the events it causes, starting with its ``chunk`` event."""
        return self._accumulator.feed(chunk)

    @property
    def current_completion_snapshot(self) -> ParsedChatCompletion[object]:
        """The completion so far."""
        return self._accumulator.snapshot

    def get_final_completion(self) -> ParsedChatCompletion[ResponseFormatT]:
        """The whole completion, parsed as ``chat.completions.parse()`` would give it."""
        return self._accumulator.final()


class ResponseStreamState(Generic[ResponseFormatT]):
    """Builds a response from stream events received by any means, with the events
    ``responses.stream()`` gives; the same accumulator serves both.

    ``text_format`` is a model type to parse output texts into; ``input_tools`` are the tools the
    request was sent with.
    """

    def __init__(
        self,
        *,
        input_tools: Union[Iterable[Mapping[str, Any]], NotGiven] = NOT_GIVEN,
        text_format: Union[Type[ResponseFormatT], NotGiven] = NOT_GIVEN,
    ) -> None:
        from ._helpers.parsing import response_tool_specs
        from ._streams.response_accumulator import ResponseAccumulator

        _, specs = response_tool_specs(_given(input_tools))
        self._accumulator: ResponseAccumulator[ResponseFormatT] = ResponseAccumulator(
            text_format=_given(text_format), tools=specs
        )

    def handle_event(self, event: Any) -> List[ResponseStreamEvent[ResponseFormatT]]:
        """Fold one server event in; returns it, extended where it carries text or arguments."""
        return self._accumulator.feed(event)

    @property
    def current_snapshot(self) -> Optional[Response]:
        """The response so far (None before ``response.created``)."""
        return self._accumulator.snapshot

    def get_final_response(self) -> ParsedResponse[ResponseFormatT]:
        """The response the stream ended with, parsed as ``responses.parse()`` would give it."""
        return self._accumulator.final()

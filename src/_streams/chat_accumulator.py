"""A chat completion stream folded into the final completion, without I/O.

``chat.completions.stream`` feeds each chunk to a :class:`ChatCompletionAccumulator` and yields the
events it returns; at the end the accumulator gives the whole completion, parsed as ``parse`` would
parse it. Written once here, the two client twins differ only in how they wait for the next chunk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Generic, List, Mapping, Optional, Set

from .._errors import OpenAIError
from .._helpers.parsing import (
    ContentFilterFinishReasonError,
    LengthFinishReasonError,
    ResponseFormatT,
    ToolSpec,
    parametrize,
    parse_chat_completion_json,
    parse_text_as,
    parse_tool_arguments,
)
from .._models import construct_type
from .._parsed_chat_types import (
    ParsedChatCompletion,
    ParsedChatCompletionMessage,
    ParsedChoice,
    ParsedFunction,
    ParsedFunctionToolCall,
)
from ..types.chat.chat_completion import ChoiceLogprobs
from ..types.chat.chat_completion_chunk import ChatCompletionChunk, ChoiceDeltaToolCall
from ..types.chat.chat_completion_chunk import Choice as ChunkChoice
from ..types.chat.chat_completion_message import FunctionCall
from .chat_events import (
    ChatCompletionStreamEvent,
    ChunkEvent,
    ContentDeltaEvent,
    ContentDoneEvent,
    FunctionToolCallArgumentsDeltaEvent,
    FunctionToolCallArgumentsDoneEvent,
    LogprobsContentDeltaEvent,
    LogprobsContentDoneEvent,
    LogprobsRefusalDeltaEvent,
    LogprobsRefusalDoneEvent,
    RefusalDeltaEvent,
    RefusalDoneEvent,
)
from .partial_json import parse_partial_json

__all__ = ["ChatCompletionAccumulator"]


@dataclass
class _ChoiceState:
    choice: ParsedChoice[object]
    tool_positions: Dict[int, int] = field(default_factory=dict)
    current_tool: Optional[int] = None
    finished_tools: Set[int] = field(default_factory=set)


class ChatCompletionAccumulator(Generic[ResponseFormatT]):
    """Builds a chat completion from its chunks and says, per chunk, what changed.

    ``response_format`` is the type the content should parse into (None: leave it as text);
    ``tools`` are the strict function tools by name, whose arguments are parsed likewise.
    """

    def __init__(self, *, response_format: Any = None, tools: Optional[Mapping[str, ToolSpec]] = None) -> None:
        self._response_format = response_format
        self._tools: Dict[str, ToolSpec] = dict(tools or {})
        self._snapshot: Optional[ParsedChatCompletion[object]] = None
        self._choices: Dict[int, _ChoiceState] = {}

    @property
    def snapshot(self) -> ParsedChatCompletion[object]:
        """The completion so far; content and arguments grow as chunks arrive (``finish_reason`` is None until the end)."""
        if self._snapshot is None:
            raise OpenAIError("No chunk has arrived yet, so there is no completion to show")
        return self._snapshot

    def _parseable(self) -> bool:
        return self._response_format is not None or bool(self._tools)

    def feed(self, chunk: ChatCompletionChunk) -> List[ChatCompletionStreamEvent[ResponseFormatT]]:
        """Fold one chunk in; returns the ``chunk`` event followed by the events the chunk caused."""
        snapshot = self._merge_header(chunk)
        events: List[ChatCompletionStreamEvent[ResponseFormatT]] = [
            ChunkEvent.model_construct(type="chunk", chunk=chunk, snapshot=snapshot)
        ]
        for choice in chunk.choices:
            events.extend(self._feed_choice(snapshot, choice))
        return events

    def final(self) -> ParsedChatCompletion[ResponseFormatT]:
        """The whole completion, with ``parsed`` content and ``parsed_arguments`` as ``parse`` gives them."""
        data = self.snapshot.model_dump(by_alias=True, warnings=False)
        for choice in data.get("choices") or ():
            message = choice.get("message") or {}
            message.pop("parsed", None)
            for call in message.get("tool_calls") or ():
                (call.get("function") or {}).pop("parsed_arguments", None)
        parse_chat_completion_json(data, self._response_format, self._tools)
        result: ParsedChatCompletion[ResponseFormatT] = construct_type(
            parametrize(ParsedChatCompletion, self._response_format), data
        )
        return result

    def _merge_header(self, chunk: ChatCompletionChunk) -> ParsedChatCompletion[object]:
        snapshot = self._snapshot
        if snapshot is None:
            snapshot = ParsedChatCompletion.model_construct(
                id=chunk.id,
                object="chat.completion",
                created=chunk.created,
                model=chunk.model,
                choices=[],
                service_tier=chunk.service_tier,
                system_fingerprint=chunk.system_fingerprint,
                usage=chunk.usage,
            )
            self._snapshot = snapshot
            return snapshot
        if chunk.usage is not None:
            snapshot.usage = chunk.usage
        if chunk.system_fingerprint is not None:
            snapshot.system_fingerprint = chunk.system_fingerprint
        if chunk.service_tier is not None:
            snapshot.service_tier = chunk.service_tier
        return snapshot

    def _state(self, snapshot: ParsedChatCompletion[object], index: int) -> _ChoiceState:
        state = self._choices.get(index)
        if state is None:
            message: ParsedChatCompletionMessage[object] = ParsedChatCompletionMessage.model_construct(
                role="assistant", content=None, refusal=None, tool_calls=None, parsed=None
            )
            choice: ParsedChoice[object] = ParsedChoice.model_construct(
                index=index, finish_reason=None, logprobs=None, message=message
            )
            snapshot.choices.append(choice)
            snapshot.choices.sort(key=lambda c: c.index)
            state = self._choices[index] = _ChoiceState(choice)
        return state

    def _feed_choice(
        self, snapshot: ParsedChatCompletion[object], delta_choice: ChunkChoice
    ) -> List[ChatCompletionStreamEvent[ResponseFormatT]]:
        state = self._state(snapshot, delta_choice.index)
        choice = state.choice
        message = choice.message
        delta = delta_choice.delta
        events: List[ChatCompletionStreamEvent[ResponseFormatT]] = []

        if delta.content:
            message.content = (message.content or "") + delta.content
            if self._response_format is not None:
                message.parsed = parse_partial_json(message.content)
            events.append(
                ContentDeltaEvent.model_construct(
                    type="content.delta", delta=delta.content, snapshot=message.content, parsed=message.parsed
                )
            )
        elif delta.content is not None and message.content is None:
            message.content = ""
        if delta.refusal:
            message.refusal = (message.refusal or "") + delta.refusal
            events.append(
                RefusalDeltaEvent.model_construct(type="refusal.delta", delta=delta.refusal, snapshot=message.refusal)
            )
        if delta.function_call is not None:
            # The deprecated single-function form: accumulate it so the final message has it.
            previous = message.function_call
            message.function_call = FunctionCall.model_construct(
                name=(previous.name if previous else "") or (delta.function_call.name or ""),
                arguments=(previous.arguments if previous else "") + (delta.function_call.arguments or ""),
            )
        for tool_delta in delta.tool_calls or ():
            events.extend(self._feed_tool_call(state, tool_delta))
        events.extend(self._feed_logprobs(choice, delta_choice))

        if delta_choice.finish_reason is not None:
            choice.finish_reason = delta_choice.finish_reason
            if self._parseable() and delta_choice.finish_reason == "length":
                raise LengthFinishReasonError(completion=snapshot)
            if self._parseable() and delta_choice.finish_reason == "content_filter":
                raise ContentFilterFinishReasonError()
            events.extend(self._done_events(state))
        return events

    def _feed_tool_call(
        self, state: _ChoiceState, tool_delta: ChoiceDeltaToolCall
    ) -> List[ChatCompletionStreamEvent[ResponseFormatT]]:
        events: List[ChatCompletionStreamEvent[ResponseFormatT]] = []
        # Calls stream one after another: a new index means the previous call is complete.
        if state.current_tool is not None and tool_delta.index != state.current_tool:
            events.extend(self._tool_done(state, state.current_tool))
        state.current_tool = tool_delta.index
        message = state.choice.message
        calls: List[Any] = message.tool_calls if message.tool_calls is not None else []
        message.tool_calls = calls
        position = state.tool_positions.get(tool_delta.index)
        if position is None:
            call = ParsedFunctionToolCall.model_construct(
                id=tool_delta.id or "",
                type="function",
                function=ParsedFunction.model_construct(name="", arguments="", parsed_arguments=None),
            )
            calls.append(call)
            position = state.tool_positions[tool_delta.index] = len(calls) - 1
        call = calls[position]
        if tool_delta.id and not call.id:
            call.id = tool_delta.id
        function = tool_delta.function
        if function is None:
            return events
        if function.name and not call.function.name:
            # Some compatible servers repeat the name in every delta; it is not text to concatenate.
            call.function.name = function.name
        if function.arguments:
            call.function.arguments += function.arguments
            spec = self._tools.get(call.function.name)
            call.function.parsed_arguments = (
                parse_partial_json(call.function.arguments) if spec is not None and spec.strict else None
            )
            events.append(
                FunctionToolCallArgumentsDeltaEvent.model_construct(
                    type="tool_calls.function.arguments.delta",
                    name=call.function.name,
                    index=tool_delta.index,
                    arguments=call.function.arguments,
                    parsed_arguments=call.function.parsed_arguments,
                    arguments_delta=function.arguments,
                )
            )
        return events

    def _tool_done(self, state: _ChoiceState, index: int) -> List[ChatCompletionStreamEvent[ResponseFormatT]]:
        if index in state.finished_tools or state.choice.message.tool_calls is None:
            return []
        state.finished_tools.add(index)
        call = state.choice.message.tool_calls[state.tool_positions[index]]
        if not isinstance(call, ParsedFunctionToolCall):
            return []
        function = call.function
        function.parsed_arguments = parse_tool_arguments(self._tools.get(function.name), function.arguments)
        return [
            FunctionToolCallArgumentsDoneEvent.model_construct(
                type="tool_calls.function.arguments.done",
                name=function.name,
                index=index,
                arguments=function.arguments,
                parsed_arguments=function.parsed_arguments,
            )
        ]

    def _feed_logprobs(
        self, choice: ParsedChoice[object], delta_choice: ChunkChoice
    ) -> List[ChatCompletionStreamEvent[ResponseFormatT]]:
        logprobs = delta_choice.logprobs
        if logprobs is None:
            return []
        if choice.logprobs is None:
            choice.logprobs = ChoiceLogprobs.model_construct(content=None, refusal=None)
        events: List[ChatCompletionStreamEvent[ResponseFormatT]] = []
        if logprobs.content:
            choice.logprobs.content = [*(choice.logprobs.content or []), *logprobs.content]
            events.append(
                LogprobsContentDeltaEvent.model_construct(
                    type="logprobs.content.delta", content=logprobs.content, snapshot=choice.logprobs.content
                )
            )
        if logprobs.refusal:
            choice.logprobs.refusal = [*(choice.logprobs.refusal or []), *logprobs.refusal]
            events.append(
                LogprobsRefusalDeltaEvent.model_construct(
                    type="logprobs.refusal.delta", refusal=logprobs.refusal, snapshot=choice.logprobs.refusal
                )
            )
        return events

    def _done_events(self, state: _ChoiceState) -> List[ChatCompletionStreamEvent[ResponseFormatT]]:
        choice = state.choice
        message = choice.message
        events: List[ChatCompletionStreamEvent[ResponseFormatT]] = []
        if message.content:
            parsed = None
            if self._response_format is not None and not message.refusal:
                parsed = message.parsed = parse_text_as(self._response_format, message.content)
            events.append(ContentDoneEvent.model_construct(type="content.done", content=message.content, parsed=parsed))
        if message.refusal is not None:
            events.append(RefusalDoneEvent.model_construct(type="refusal.done", refusal=message.refusal))
        if state.current_tool is not None:
            events.extend(self._tool_done(state, state.current_tool))
        if choice.logprobs is not None and choice.logprobs.content is not None:
            events.append(
                LogprobsContentDoneEvent.model_construct(type="logprobs.content.done", content=choice.logprobs.content)
            )
        if choice.logprobs is not None and choice.logprobs.refusal is not None:
            events.append(
                LogprobsRefusalDoneEvent.model_construct(type="logprobs.refusal.done", refusal=choice.logprobs.refusal)
            )
        return events

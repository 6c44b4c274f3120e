"""The keyword parameters of ``chat.completions.parse`` and ``chat.completions.stream``.

They are ``chat.completions.create``'s, less ``stream`` (the helper decides) and ``response_format``,
which the helpers take as a separate argument because it may be a Python type. A test keeps the key
set equal to the generated ``CompletionCreateParamsBase`` minus ``response_format``, so a parameter
added to the spec cannot be missed here.
"""

# No `from __future__ import annotations` here: TypedDict reads Required[...] from evaluated annotations.
from typing import Dict, Iterable, Optional, Sequence, Union

from typing_extensions import Literal, Required, TypedDict

from ..types.chat.chat_completion_audio_param import ChatCompletionAudioParam
from ..types.chat.chat_completion_function_call_option_param import ChatCompletionFunctionCallOptionParam
from ..types.chat.chat_completion_message_param import ChatCompletionMessageParam
from ..types.chat.chat_completion_modality import ChatCompletionModality
from ..types.chat.chat_completion_prediction_content_param import ChatCompletionPredictionContentParam
from ..types.chat.chat_completion_stream_options_param import ChatCompletionStreamOptionsParam
from ..types.chat.chat_completion_tool_choice_option_param import ChatCompletionToolChoiceOptionParam
from ..types.chat.chat_completion_tool_union_param import ChatCompletionToolUnionParam
from ..types.chat.completion_create_params import Function, Moderation, PromptCacheOptions, WebSearchOptions
from ..types.chat_model import ChatModel
from ..types.metadata import Metadata
from ..types.reasoning_effort import ReasoningEffort

__all__ = ["ChatCompletionParseParams"]


class ChatCompletionParseParams(TypedDict, total=False):
    """What ``chat.completions.parse`` / ``stream`` accept besides ``response_format``."""

    messages: Required[Iterable[ChatCompletionMessageParam]]
    model: Required[Union[str, ChatModel]]
    tools: Iterable[ChatCompletionToolUnionParam]
    tool_choice: ChatCompletionToolChoiceOptionParam
    parallel_tool_calls: bool
    max_completion_tokens: Optional[int]
    max_tokens: Optional[int]
    temperature: Optional[float]
    top_p: Optional[float]
    n: Optional[int]
    stop: Optional[Union[str, Sequence[str]]]
    seed: Optional[int]
    frequency_penalty: Optional[float]
    presence_penalty: Optional[float]
    logit_bias: Optional[Dict[str, int]]
    logprobs: Optional[bool]
    top_logprobs: Optional[int]
    reasoning_effort: Optional[ReasoningEffort]
    verbosity: Optional[Literal["low", "medium", "high"]]
    modalities: Optional[Sequence[ChatCompletionModality]]
    audio: Optional[ChatCompletionAudioParam]
    prediction: Optional[ChatCompletionPredictionContentParam]
    stream_options: Optional[ChatCompletionStreamOptionsParam]
    web_search_options: WebSearchOptions
    metadata: Optional[Metadata]
    store: Optional[bool]
    service_tier: Optional[Literal["auto", "default", "flex", "scale", "priority", "fast"]]
    user: str
    safety_identifier: Optional[str]
    prompt_cache_key: Optional[str]
    prompt_cache_retention: Optional[Literal["in_memory", "24h"]]
    prompt_cache_options: PromptCacheOptions
    moderation: Optional[Moderation]
    function_call: Union[Literal["none", "auto"], ChatCompletionFunctionCallOptionParam]
    functions: Iterable[Function]

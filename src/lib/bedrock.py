"""Amazon Bedrock clients: ``BedrockOpenAI`` and ``AsyncBedrockOpenAI`` (SigV4 signing needs the ``bedrock`` extra)."""

from __future__ import annotations

from typing import Awaitable, Callable, Union

from .._async._bedrock import AsyncBedrockOpenAI
from .._bedrock import AwsCredentialsProvider
from .._sync._bedrock import BedrockOpenAI

__all__ = [
    "AsyncBedrockOpenAI",
    "AsyncBedrockTokenProvider",
    "AwsCredentialsProvider",
    "BedrockOpenAI",
    "BedrockTokenProvider",
]

#: ``BedrockOpenAI(bedrock_token_provider=...)``: returns a Bedrock API key, called before every request.
BedrockTokenProvider = Callable[[], str]
#: ``AsyncBedrockOpenAI(bedrock_token_provider=...)``: the same, and a coroutine function is awaited.
AsyncBedrockTokenProvider = Callable[[], Union[str, Awaitable[str]]]

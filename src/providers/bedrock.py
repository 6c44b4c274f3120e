"""``bedrock(...)``: Amazon Bedrock as the provider of a standard ``OpenAI`` / ``AsyncOpenAI`` client.

``OpenAI(provider=bedrock(region="us-east-1"))`` sends every request to Bedrock's OpenAI-compatible
endpoint, authenticated with a Bedrock API key or signed with AWS credentials (SigV4, through
botocore: ``pip install 'openai[bedrock]'``).
"""

from __future__ import annotations

from typing import Optional, Union

import httpx

from .._bedrock import (
    AwsCredentialsProvider,
    BedrockEndpoint,
    BedrockProvider,
    BedrockTokenProvider,
    resolve_bedrock,
)
from .._types import NOT_GIVEN, NotGiven

__all__ = ["AwsCredentialsProvider", "BedrockEndpoint", "BedrockProvider", "BedrockTokenProvider", "bedrock"]


def bedrock(
    *,
    endpoint: Optional[BedrockEndpoint] = None,
    region: Optional[str] = None,
    base_url: Union[str, httpx.URL, NotGiven, None] = NOT_GIVEN,
    api_key: Union[str, NotGiven, None] = NOT_GIVEN,
    token_provider: Optional[BedrockTokenProvider] = None,
    access_key_id: Optional[str] = None,
    secret_access_key: Optional[str] = None,
    session_token: Optional[str] = None,
    profile: Optional[str] = None,
    credential_provider: Optional[AwsCredentialsProvider] = None,
) -> BedrockProvider:
    """Route a client to Amazon Bedrock: the ``mantle`` endpoint (default) or ``runtime``.

    The region is ``region``, else ``AWS_REGION`` / ``AWS_DEFAULT_REGION``, else the AWS profile's.
    ``base_url`` left out is read from ``AWS_BEDROCK_BASE_URL``, then derived from the region
    (``None``: derived, the variable ignored). Authentication is exactly one of: a bearer
    ``api_key`` (left out: ``AWS_BEARER_TOKEN_BEDROCK``; ``None``: that variable ignored), a
    ``token_provider`` called before every request, static AWS keys, a ``profile``, a
    ``credential_provider``, or, with none of them, botocore's default credential chain.
    """
    settings = resolve_bedrock(
        api_key=None if isinstance(api_key, NotGiven) else api_key,
        token_provider=token_provider,
        aws_region=region,
        aws_profile=profile,
        aws_access_key_id=access_key_id,
        aws_secret_access_key=secret_access_key,
        aws_session_token=session_token,
        aws_credentials_provider=credential_provider,
        base_url=None if isinstance(base_url, NotGiven) else base_url,
        endpoint=endpoint,
        read_environment_token=isinstance(api_key, NotGiven),
        read_environment_url=isinstance(base_url, NotGiven),
    )
    return BedrockProvider(settings)

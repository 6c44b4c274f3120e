"""Providers: other hosts of the OpenAI API, configured for a standard client with ``OpenAI(provider=...)``."""

from .bedrock import bedrock

__all__ = ["bedrock"]

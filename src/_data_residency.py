"""Data residency: a named OpenAI regional endpoint in place of a base URL.

``OpenAI(data_residency="eu")`` sends every request to ``https://eu.api.openai.com/v1``, where data is
stored and processed in that region. It names the endpoint, so it cannot be combined with an explicit
``base_url``, ``websocket_base_url`` or ``provider``; it wins over ``OPENAI_BASE_URL``.
"""

from __future__ import annotations

from typing import Mapping, Optional, Union

import httpx
from typing_extensions import Literal

from ._errors import OpenAIError

__all__ = ["DATA_RESIDENCY_BASE_URLS", "DataResidency", "resolve_data_residency"]

DataResidency = Literal["global", "us", "eu", "ae"]

DATA_RESIDENCY_BASE_URLS: Mapping[str, str] = {
    "global": "https://api.openai.com/v1",
    "us": "https://us.api.openai.com/v1",
    "eu": "https://eu.api.openai.com/v1",
    "ae": "https://ae.api.openai.com/v1",
}


def resolve_data_residency(
    data_residency: Optional[DataResidency],
    base_url: Union[str, httpx.URL, None],
    *,
    provider: object = None,
    websocket_base_url: Union[str, httpx.URL, None] = None,
) -> Union[str, httpx.URL, None]:
    """The base URL a client is built with: ``base_url`` itself, or the one ``data_residency`` names."""
    if data_residency is None:
        return base_url
    if base_url is not None:
        raise ValueError("The `data_residency` and `base_url` arguments are mutually exclusive")
    if websocket_base_url is not None:
        raise ValueError("The `data_residency` and `websocket_base_url` arguments are mutually exclusive")
    if provider is not None:
        raise OpenAIError("The `data_residency` and `provider` arguments are mutually exclusive")
    url = DATA_RESIDENCY_BASE_URLS.get(data_residency) if isinstance(data_residency, str) else None
    if url is None:
        raise ValueError(f"Invalid `data_residency` {data_residency!r}; expected one of 'global', 'us', 'eu', or 'ae'")
    return url

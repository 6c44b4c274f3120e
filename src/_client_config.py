"""Client construction, without I/O: arguments and environment variables into settings.

Both twins call :func:`resolve_settings`, so ``OpenAI()`` and ``AsyncOpenAI()`` read the same
environment variables, apply the same defaults and refuse the same bad input.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable, Dict, Mapping, Optional, Union

import httpx

from ._constants import DEFAULT_BASE_URL, DEFAULT_TIMEOUT
from ._errors import OpenAIError
from ._platform import platform_headers
from ._request import ClientSettings
from ._types import NotGiven, Timeout
from ._version import __version__

__all__ = ["ResolvedClient", "merged_defaults", "resolve_settings"]

ApiKey = Union[str, Callable[[], Any]]


@dataclass
class ResolvedClient:
    """What a client holds after construction."""

    api_key: ApiKey
    organization: Optional[str]
    project: Optional[str]
    webhook_secret: Optional[str]
    settings: ClientSettings


def resolve_settings(
    *,
    api_key: Optional[ApiKey],
    organization: Optional[str],
    project: Optional[str],
    webhook_secret: Optional[str],
    base_url: Union[str, httpx.URL, None],
    timeout: Union[Timeout, NotGiven],
    max_retries: int,
    default_headers: Optional[Mapping[str, str]],
    default_query: Optional[Mapping[str, object]],
    concurrency_tag: str,
) -> ResolvedClient:
    """Validate the arguments, fill the gaps from the environment, and fix the per-client headers."""
    if api_key is None:
        api_key = os.environ.get("OPENAI_API_KEY")
    if api_key is None or api_key == "":
        raise OpenAIError(
            "The api_key client option must be set either by passing api_key to the client "
            "or by setting the OPENAI_API_KEY environment variable"
        )
    if not isinstance(api_key, str) and not callable(api_key):
        raise TypeError(f"api_key must be a str or a function returning one, not {type(api_key).__name__}")
    if organization is None:
        organization = os.environ.get("OPENAI_ORG_ID") or None
    if project is None:
        project = os.environ.get("OPENAI_PROJECT_ID") or None
    if webhook_secret is None:
        webhook_secret = os.environ.get("OPENAI_WEBHOOK_SECRET") or None
    if base_url is None:
        base_url = os.environ.get("OPENAI_BASE_URL") or DEFAULT_BASE_URL

    headers: Dict[str, str] = {
        "Accept": "application/json",
        "User-Agent": f"OpenAI/Python {__version__}",
        **platform_headers(concurrency_tag=concurrency_tag),
    }
    if organization is not None:
        headers["OpenAI-Organization"] = organization
    if project is not None:
        headers["OpenAI-Project"] = project
    if default_headers:
        headers.update(default_headers)

    settings = ClientSettings(
        base_url=_normalise_base_url(base_url),
        default_headers=headers,
        default_query=dict(default_query or {}),
        timeout=_checked_timeout(timeout),
        max_retries=_checked_max_retries(max_retries),
    )
    return ResolvedClient(api_key, organization, project, webhook_secret, settings)


def merged_defaults(
    what: str,
    current: Mapping[str, Any],
    added: Optional[Mapping[str, Any]],
    replacement: Optional[Mapping[str, Any]],
) -> Dict[str, Any]:
    """The default headers or query of a client's copy: ``added`` on top of the current ones, or
    ``replacement`` instead of them (``default_headers=`` vs ``set_default_headers=``)."""
    if added is not None and replacement is not None:
        raise ValueError(f"Pass default_{what} or set_default_{what}, not both")
    merged = dict(replacement if replacement is not None else current)
    merged.update(added or {})
    return merged


def _normalise_base_url(base_url: Union[str, httpx.URL]) -> str:
    try:
        url = httpx.URL(str(base_url))
    except (httpx.InvalidURL, TypeError) as exc:
        raise ValueError(f"base_url {str(base_url)!r} is not a valid URL: {exc}") from None
    # A base URL that is not absolute is accepted here, as the official SDK accepts it; the
    # first request made with it fails with an error saying so (see `_request.py`).
    text = str(url)
    # Paths are joined by concatenation, so the base must end in exactly one slash.
    return text if text.endswith("/") else text + "/"


def _checked_timeout(timeout: Union[Timeout, NotGiven]) -> Timeout:
    if isinstance(timeout, NotGiven):
        return DEFAULT_TIMEOUT
    if isinstance(timeout, bool) or not (timeout is None or isinstance(timeout, (int, float, httpx.Timeout))):
        raise TypeError(f"timeout must be a number of seconds, an httpx.Timeout or None, not {type(timeout).__name__}")
    if isinstance(timeout, (int, float)) and timeout < 0:
        raise ValueError(f"timeout must not be negative, got {timeout}")
    return timeout


def _checked_max_retries(max_retries: int) -> int:
    if isinstance(max_retries, bool) or not isinstance(max_retries, int):
        raise TypeError(f"max_retries must be an int, not {type(max_retries).__name__}")
    if max_retries < 0:
        raise ValueError(f"max_retries must not be negative, got {max_retries}")
    return max_retries

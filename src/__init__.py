"""openai-twin: a drop-in client for the OpenAI API and every OpenAI-compatible server.

``OpenAI`` serves blocking code and ``AsyncOpenAI`` serves event loops; both have the same
resources, arguments, errors, streaming and pagination, because the sync client is generated
from the async one. Names are imported on first use, so ``import openai`` stays cheap.

A module-level client is available too, configured by assigning module attributes::

    import openai
    openai.api_key = "sk-..."
    openai.chat.completions.create(model="gpt-4o-mini", messages=[...])
"""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Any, Callable, Dict, Mapping, Optional, Union

from ._version import __version__

if TYPE_CHECKING:
    import httpx
    from httpx import Timeout as Timeout

    from . import types as types
    from ._async._azure import AsyncAzureOpenAI as AsyncAzureOpenAI
    from ._async._bedrock import AsyncBedrockOpenAI as AsyncBedrockOpenAI
    from ._async._client import AsyncOpenAI as AsyncOpenAI
    from ._async._helpers.assistant_stream import (
        AsyncAssistantEventHandler as AsyncAssistantEventHandler,
    )
    from ._async._pagination import AsyncConversationCursorPage as AsyncConversationCursorPage
    from ._async._pagination import AsyncCursorPage as AsyncCursorPage
    from ._async._pagination import AsyncNextCursorPage as AsyncNextCursorPage
    from ._async._pagination import AsyncPage as AsyncPage
    from ._async._response import AsyncAPIResponse as AsyncAPIResponse
    from ._async._streaming import AsyncStream as AsyncStream
    from ._concurrency import AsyncPaginator as AsyncPaginator
    from ._constants import DEFAULT_CONNECTION_LIMITS as DEFAULT_CONNECTION_LIMITS
    from ._constants import DEFAULT_MAX_RETRIES as DEFAULT_MAX_RETRIES
    from ._constants import DEFAULT_TIMEOUT as DEFAULT_TIMEOUT
    from ._data_residency import DataResidency as DataResidency
    from ._errors import APIConnectionError as APIConnectionError
    from ._errors import APIError as APIError
    from ._errors import APIResponseValidationError as APIResponseValidationError
    from ._errors import APIStatusError as APIStatusError
    from ._errors import APITimeoutError as APITimeoutError
    from ._errors import AuthenticationError as AuthenticationError
    from ._errors import BadRequestError as BadRequestError
    from ._errors import ConflictError as ConflictError
    from ._errors import InternalServerError as InternalServerError
    from ._errors import NotFoundError as NotFoundError
    from ._errors import OAuthError as OAuthError
    from ._errors import OpenAIError as OpenAIError
    from ._errors import PermissionDeniedError as PermissionDeniedError
    from ._errors import RateLimitError as RateLimitError
    from ._errors import UnprocessableEntityError as UnprocessableEntityError
    from ._errors import WebSocketConnectionClosedError as WebSocketConnectionClosedError
    from ._errors import WebSocketQueueFullError as WebSocketQueueFullError
    from ._helpers.parsing import ContentFilterFinishReasonError as ContentFilterFinishReasonError
    from ._helpers.parsing import LengthFinishReasonError as LengthFinishReasonError
    from ._helpers.parsing import pydantic_function_tool as pydantic_function_tool
    from ._helpers.webhooks import InvalidWebhookSignatureError as InvalidWebhookSignatureError
    from ._http.aiohttp_client import DefaultAioHttpClient as DefaultAioHttpClient
    from ._http.clients import DefaultAsyncHttpx2Client as DefaultAsyncHttpx2Client
    from ._http.clients import DefaultAsyncHttpxClient as DefaultAsyncHttpxClient
    from ._http.clients import DefaultHttpx2Client as DefaultHttpx2Client
    from ._http.clients import DefaultHttpxClient as DefaultHttpxClient
    from ._models import BaseModel as BaseModel
    from ._response import HttpxBinaryResponseContent as HttpxBinaryResponseContent
    from ._response import LegacyAPIResponse as LegacyAPIResponse
    from ._sdk_names import NoneType as NoneType
    from ._sdk_names import ProxiesTypes as ProxiesTypes
    from ._sdk_names import Transport as Transport
    from ._sdk_names import file_from_path as file_from_path
    from ._sync._azure import AzureOpenAI as AzureOpenAI
    from ._sync._bedrock import BedrockOpenAI as BedrockOpenAI
    from ._sync._client import OpenAI as OpenAI
    from ._sync._helpers.assistant_stream import AssistantEventHandler as AssistantEventHandler
    from ._sync._pagination import SyncConversationCursorPage as SyncConversationCursorPage
    from ._sync._pagination import SyncCursorPage as SyncCursorPage
    from ._sync._pagination import SyncNextCursorPage as SyncNextCursorPage
    from ._sync._pagination import SyncPage as SyncPage
    from ._sync._response import APIResponse as APIResponse
    from ._sync._streaming import Stream as Stream
    from ._sync.resources.admin import Admin
    from ._sync.resources.audio import Audio
    from ._sync.resources.batches import Batches
    from ._sync.resources.beta import Beta
    from ._sync.resources.chat import Chat
    from ._sync.resources.completions import Completions
    from ._sync.resources.containers import Containers
    from ._sync.resources.content_provenance_checks import ContentProvenanceChecks
    from ._sync.resources.conversations import Conversations
    from ._sync.resources.embeddings import Embeddings
    from ._sync.resources.evals import Evals
    from ._sync.resources.files import Files
    from ._sync.resources.fine_tuning import FineTuning
    from ._sync.resources.images import Images
    from ._sync.resources.models import Models
    from ._sync.resources.moderations import Moderations
    from ._sync.resources.realtime import Realtime
    from ._sync.resources.responses import Responses
    from ._sync.resources.skills import Skills
    from ._sync.resources.uploads import Uploads
    from ._sync.resources.vector_stores import VectorStores
    from ._sync.resources.videos import Videos
    from ._sync.resources.webhooks import Webhooks
    from ._types import NOT_GIVEN as NOT_GIVEN
    from ._types import NotGiven as NotGiven
    from ._types import Omit as Omit
    from ._types import RequestOptions as RequestOptions
    from ._types import not_given as not_given
    from ._types import omit as omit
    from .types.websocket_reconnection import ReconnectingEvent as ReconnectingEvent
    from .types.websocket_reconnection import ReconnectingOverrides as ReconnectingOverrides

    Client = OpenAI
    AsyncClient = AsyncOpenAI
    VERSION: str

    chat: Chat
    completions: Completions
    embeddings: Embeddings
    models: Models
    files: Files
    fine_tuning: FineTuning
    moderations: Moderations
    batches: Batches
    admin: Admin
    audio: Audio
    images: Images
    videos: Videos
    content_provenance_checks: ContentProvenanceChecks
    vector_stores: VectorStores
    evals: Evals
    skills: Skills
    containers: Containers
    uploads: Uploads
    beta: Beta
    responses: Responses
    conversations: Conversations
    realtime: Realtime
    webhooks: Webhooks

_ERRORS = (
    "APIConnectionError APIError APIResponseValidationError APIStatusError APITimeoutError AuthenticationError "
    "BadRequestError ConflictError InternalServerError NotFoundError OpenAIError PermissionDeniedError "
    "OAuthError RateLimitError UnprocessableEntityError"
)
_PAGES = "SyncPage SyncCursorPage SyncConversationCursorPage SyncNextCursorPage"

# Public name -> the module that defines it (``module:attribute`` where the name differs); imported on first access.
_LAZY: Dict[str, str] = {
    "OpenAI": "._sync._client",
    "AsyncOpenAI": "._async._client",
    "Client": "._sync._client:OpenAI",
    "AsyncClient": "._async._client:AsyncOpenAI",
    "VERSION": "._version:__version__",
    "Timeout": "httpx",
    "RequestOptions": "._types",
    "not_given": "._types",
    "NoneType": "._sdk_names",
    "ProxiesTypes": "._sdk_names",
    "Transport": "._sdk_names",
    "file_from_path": "._sdk_names",
    "WebSocketConnectionClosedError": "._errors",
    "WebSocketQueueFullError": "._errors",
    "Stream": "._sync._streaming",
    "AsyncStream": "._async._streaming",
    "AssistantEventHandler": "._sync._helpers.assistant_stream",
    "AsyncAssistantEventHandler": "._async._helpers.assistant_stream",
    "APIResponse": "._sync._response",
    "AsyncAPIResponse": "._async._response",
    "AsyncPaginator": "._concurrency",
    "HttpxBinaryResponseContent": "._response",
    "LegacyAPIResponse": "._response",
    "BaseModel": "._models",
    "NOT_GIVEN": "._types",
    "NotGiven": "._types",
    "Omit": "._types",
    "omit": "._types",
    "DEFAULT_TIMEOUT": "._constants",
    "DEFAULT_MAX_RETRIES": "._constants",
    "DEFAULT_CONNECTION_LIMITS": "._constants",
    "DefaultHttpxClient": "._http.clients",
    "DefaultAsyncHttpxClient": "._http.clients",
    "DefaultHttpx2Client": "._http.clients",
    "DefaultAsyncHttpx2Client": "._http.clients",
    "ReconnectingEvent": ".types.websocket_reconnection",
    "ReconnectingOverrides": ".types.websocket_reconnection",
    "DefaultAioHttpClient": "._http.aiohttp_client",
    "AzureOpenAI": "._sync._azure",
    "AsyncAzureOpenAI": "._async._azure",
    "BedrockOpenAI": "._sync._bedrock",
    "AsyncBedrockOpenAI": "._async._bedrock",
    "DataResidency": "._data_residency",
    "pydantic_function_tool": "._helpers.parsing",
    "LengthFinishReasonError": "._helpers.parsing",
    "ContentFilterFinishReasonError": "._helpers.parsing",
    "InvalidWebhookSignatureError": "._helpers.webhooks",
    **{name: "._errors" for name in _ERRORS.split()},
    **{name: "._sync._pagination" for name in _PAGES.split()},
    **{"Async" + name[4:]: "._async._pagination" for name in _PAGES.split()},
}
_MODULE_CLIENT_RESOURCES = frozenset(
    {
        "chat",
        "completions",
        "embeddings",
        "models",
        "files",
        "fine_tuning",
        "moderations",
        "batches",
        "admin",
        "audio",
        "images",
        "videos",
        "content_provenance_checks",
        "vector_stores",
        "evals",
        "skills",
        "containers",
        "uploads",
        "beta",
        "responses",
        "conversations",
        "realtime",
        "webhooks",
    }
)

# Spelled out, not computed from _LAZY, because type checkers read only a literal list (a test keeps
# the two in step); a name missing here would be hidden from them.
__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AssistantEventHandler",
    "AsyncAPIResponse",
    "AsyncAssistantEventHandler",
    "AsyncAzureOpenAI",
    "AsyncBedrockOpenAI",
    "AsyncClient",
    "AsyncConversationCursorPage",
    "AsyncCursorPage",
    "AsyncNextCursorPage",
    "AsyncOpenAI",
    "AsyncPage",
    "AsyncPaginator",
    "AsyncStream",
    "AuthenticationError",
    "AzureOpenAI",
    "BadRequestError",
    "BaseModel",
    "BedrockOpenAI",
    "Client",
    "ConflictError",
    "ContentFilterFinishReasonError",
    "DEFAULT_CONNECTION_LIMITS",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "DataResidency",
    "DefaultAioHttpClient",
    "DefaultAsyncHttpx2Client",
    "DefaultAsyncHttpxClient",
    "DefaultHttpx2Client",
    "DefaultHttpxClient",
    "HttpxBinaryResponseContent",
    "InternalServerError",
    "InvalidWebhookSignatureError",
    "LegacyAPIResponse",
    "LengthFinishReasonError",
    "NOT_GIVEN",
    "NoneType",
    "NotFoundError",
    "NotGiven",
    "OAuthError",
    "Omit",
    "OpenAI",
    "OpenAIError",
    "PermissionDeniedError",
    "ProxiesTypes",
    "RateLimitError",
    "ReconnectingEvent",
    "ReconnectingOverrides",
    "RequestOptions",
    "Stream",
    "SyncConversationCursorPage",
    "SyncCursorPage",
    "SyncNextCursorPage",
    "SyncPage",
    "Timeout",
    "Transport",
    "UnprocessableEntityError",
    "VERSION",
    "WebSocketConnectionClosedError",
    "WebSocketQueueFullError",
    "__version__",
    "file_from_path",
    "not_given",
    "omit",
    "pydantic_function_tool",
    "types",
]

# Settings of the module-level client; assign them before the first call.
api_key: Optional[str] = None
organization: Optional[str] = None
project: Optional[str] = None
webhook_secret: Optional[str] = None
base_url: Union[str, httpx.URL, None] = None
max_retries: Optional[int] = None
default_headers: Optional[Mapping[str, str]] = None
default_query: Optional[Mapping[str, object]] = None
http_client: Optional[httpx.Client] = None
timeout: Union[float, httpx.Timeout, None] = None
admin_api_key: Optional[str] = None
bedrock_token_provider: Optional[Callable[[], str]] = None
# Azure settings of the module-level client, read from the environment as the official SDK reads them.
api_type: Optional[str] = os.environ.get("OPENAI_API_TYPE")
api_version: Optional[str] = os.environ.get("OPENAI_API_VERSION")
azure_endpoint: Optional[str] = os.environ.get("AZURE_OPENAI_ENDPOINT")
azure_ad_token: Optional[str] = os.environ.get("AZURE_OPENAI_AD_TOKEN")
azure_ad_token_provider: Optional[Callable[[], str]] = None


def __getattr__(name: str) -> Any:
    source = _LAZY.get(name)
    if source is not None:
        module, _, attribute = source.partition(":")
        value = getattr(importlib.import_module(module, __name__), attribute or name)
        from ._public import publish_one

        publish_one(name, value)
        globals()[name] = value
        return value
    if name in _MODULE_CLIENT_RESOURCES:
        from ._module_client import resource_proxy

        return resource_proxy(name)
    if name == "types":
        return importlib.import_module(".types", __name__)
    if name[:1].isupper():  # the removed pre-1.0 names; other probes need not load that module
        from ._old_api import REMOVED_NAMES, removed_name

        if name in REMOVED_NAMES:
            return removed_name(name)
    raise AttributeError(f"module 'openai' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, *_MODULE_CLIENT_RESOURCES})

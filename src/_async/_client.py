"""``AsyncOpenAI``: the client, its options and its resources."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Awaitable, Callable, Dict, Mapping, Optional, Union, cast

import httpx

from .._client_config import merged_defaults, resolve_settings
from .._concurrency import async_platform_tag
from .._constants import DEFAULT_MAX_RETRIES
from .._errors import OpenAIError
from .._logs import setup_logging
from .._types import NOT_GIVEN, NotGiven, Timeout
from ._base_client import AsyncAPIClient

if TYPE_CHECKING:
    import httpx2

    from .._bedrock import BedrockProvider
    from .._data_residency import DataResidency
    from .._rate_limit import RateLimiter
    from ..auth import WorkloadIdentity, X509WorkloadIdentity
    from .resources._client_views import AsyncOpenAIWithRawResponse, AsyncOpenAIWithStreamedResponse
    from .resources.admin import AsyncAdmin
    from .resources.audio import AsyncAudio
    from .resources.batches import AsyncBatches
    from .resources.beta import AsyncBeta
    from .resources.chat import AsyncChat
    from .resources.completions import AsyncCompletions
    from .resources.containers import AsyncContainers
    from .resources.content_provenance_checks import AsyncContentProvenanceChecks
    from .resources.conversations import AsyncConversations
    from .resources.embeddings import AsyncEmbeddings
    from .resources.evals import AsyncEvals
    from .resources.files import AsyncFiles
    from .resources.fine_tuning import AsyncFineTuning
    from .resources.images import AsyncImages
    from .resources.models import AsyncModels
    from .resources.moderations import AsyncModerations
    from .resources.realtime import AsyncRealtime
    from .resources.responses import AsyncResponses
    from .resources.skills import AsyncSkills
    from .resources.uploads import AsyncUploads
    from .resources.vector_stores import AsyncVectorStores
    from .resources.videos import AsyncVideos
    from .resources.webhooks import AsyncWebhooks

__all__ = ["AsyncOpenAI"]


class AsyncOpenAI(AsyncAPIClient):
    """A client for the OpenAI API and every OpenAI-compatible server.

    Arguments left out are read from the environment: ``OPENAI_API_KEY``, ``OPENAI_BASE_URL``,
    ``OPENAI_ORG_ID``, ``OPENAI_PROJECT_ID`` and ``OPENAI_WEBHOOK_SECRET``. ``api_key`` may also be
    a function returning the key, called before every request (for the async client, an ``async def``
    function works too).

    ``data_residency`` (``"us"``, ``"eu"``, ...) names a regional OpenAI endpoint instead of a ``base_url``.
    ``provider`` (e.g. ``openai.providers.bedrock(...)``) sets the endpoint and the authentication for
    another host of the API, in place of ``api_key`` and ``base_url``. ``workload_identity``
    (see :mod:`openai.auth`) authenticates as a workload instead of with a key.
    ``rate_limiter`` (an :class:`openai.bulk.RateLimiter`) paces requests within the budgets the
    API's rate-limit headers describe, shared by every client given the same limiter.
    """

    api_key: Union[str, Callable[[], Awaitable[str]]]
    organization: Optional[str]
    project: Optional[str]
    webhook_secret: Optional[str]
    websocket_base_url: Union[str, httpx.URL, None]

    def __init__(
        self,
        *,
        api_key: Union[str, Callable[[], Awaitable[str]], None] = None,
        workload_identity: Union[WorkloadIdentity, X509WorkloadIdentity, None] = None,
        organization: Optional[str] = None,
        project: Optional[str] = None,
        webhook_secret: Optional[str] = None,
        provider: Optional[BedrockProvider] = None,
        base_url: Union[str, httpx.URL, None] = None,
        data_residency: Optional[DataResidency] = None,
        websocket_base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        http_client: Union[httpx.AsyncClient, httpx2.AsyncClient, None] = None,
        rate_limiter: Optional[RateLimiter] = None,
    ) -> None:
        setup_logging()
        if data_residency is not None:
            from .._data_residency import resolve_data_residency

            base_url = resolve_data_residency(
                data_residency, base_url, provider=provider, websocket_base_url=websocket_base_url
            )
        if provider is not None:
            given = (("api_key", api_key), ("workload_identity", workload_identity), ("base_url", base_url))
            conflicts = [name for name, value in given if value is not None]
            if conflicts:
                raise OpenAIError(
                    f"`provider` cannot be combined with top-level {', '.join(f'`{name}`' for name in conflicts)}. "
                    f"Move provider authentication and routing options into `{provider.name}(...)`."
                )
            base_url = provider.settings.base_url
            # A signing provider has no key; the placeholder satisfies the check and is never sent.
            api_key = provider.api_key or "<signed request>"  # type: ignore[assignment]
        if workload_identity is not None:
            from .._workload_client import workload_identity_key

            workload_auth = workload_identity_key(workload_identity, api_key)
            api_key = cast(Any, workload_auth.get_token_async)
        resolved = resolve_settings(
            api_key=api_key,
            organization=organization,
            project=project,
            webhook_secret=webhook_secret,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            concurrency_tag=async_platform_tag,
        )
        self.api_key = resolved.api_key
        self.organization = resolved.organization
        self.project = resolved.project
        self.webhook_secret = resolved.webhook_secret
        self.websocket_base_url = websocket_base_url
        self._custom_headers = dict(default_headers or {})
        self._custom_query = dict(default_query or {})
        super().__init__(settings=resolved.settings, api_key=resolved.api_key, http_client=http_client)
        self._provider = provider
        if rate_limiter is not None:
            from .._rate_limit import RateLimiter

            if not isinstance(rate_limiter, RateLimiter):
                raise TypeError(f"rate_limiter must be an openai.bulk.RateLimiter, not {type(rate_limiter).__name__}")
            self._rate_limiter = rate_limiter
        self.workload_identity = workload_identity
        if workload_identity is not None:
            self.api_key = "workload-identity-auth"  # what the official SDK shows; never sent
            self._workload_auth = workload_auth
        if provider is not None:
            self.api_key = provider.settings.api_key or ""
            self._request_signer = provider.new_signer()
            if self._request_signer is not None:
                self._static_auth = {}

    @functools.cached_property
    def chat(self) -> AsyncChat:
        """Chat completions."""
        from .resources.chat import AsyncChat

        return AsyncChat(self)

    @functools.cached_property
    def completions(self) -> AsyncCompletions:
        """Legacy text completions."""
        from .resources.completions import AsyncCompletions

        return AsyncCompletions(self)

    @functools.cached_property
    def embeddings(self) -> AsyncEmbeddings:
        """Embedding vectors."""
        from .resources.embeddings import AsyncEmbeddings

        return AsyncEmbeddings(self)

    @functools.cached_property
    def models(self) -> AsyncModels:
        """The models the key can use."""
        from .resources.models import AsyncModels

        return AsyncModels(self)

    @functools.cached_property
    def files(self) -> AsyncFiles:
        """Uploaded files."""
        from .resources.files import AsyncFiles

        return AsyncFiles(self)

    @functools.cached_property
    def fine_tuning(self) -> AsyncFineTuning:
        """Fine-tuning jobs and their checkpoints."""
        from .resources.fine_tuning import AsyncFineTuning

        return AsyncFineTuning(self)

    @functools.cached_property
    def moderations(self) -> AsyncModerations:
        """Content moderation."""
        from .resources.moderations import AsyncModerations

        return AsyncModerations(self)

    @functools.cached_property
    def batches(self) -> AsyncBatches:
        """Batch jobs."""
        from .resources.batches import AsyncBatches

        return AsyncBatches(self)

    @functools.cached_property
    def admin(self) -> AsyncAdmin:
        """Organization administration (needs an admin API key)."""
        from .resources.admin import AsyncAdmin

        return AsyncAdmin(self)

    @functools.cached_property
    def audio(self) -> AsyncAudio:
        """Speech, transcriptions, translations and voices."""
        from .resources.audio import AsyncAudio

        return AsyncAudio(self)

    @functools.cached_property
    def images(self) -> AsyncImages:
        """Image generation and editing."""
        from .resources.images import AsyncImages

        return AsyncImages(self)

    @functools.cached_property
    def videos(self) -> AsyncVideos:
        """Video generation."""
        from .resources.videos import AsyncVideos

        return AsyncVideos(self)

    @functools.cached_property
    def content_provenance_checks(self) -> AsyncContentProvenanceChecks:
        """Content provenance checks."""
        from .resources.content_provenance_checks import AsyncContentProvenanceChecks

        return AsyncContentProvenanceChecks(self)

    @functools.cached_property
    def vector_stores(self) -> AsyncVectorStores:
        """Vector stores for file search."""
        from .resources.vector_stores import AsyncVectorStores

        return AsyncVectorStores(self)

    @functools.cached_property
    def evals(self) -> AsyncEvals:
        """Evaluations and their runs."""
        from .resources.evals import AsyncEvals

        return AsyncEvals(self)

    @functools.cached_property
    def skills(self) -> AsyncSkills:
        """Skills and their versions."""
        from .resources.skills import AsyncSkills

        return AsyncSkills(self)

    @functools.cached_property
    def containers(self) -> AsyncContainers:
        """Code interpreter containers and their files."""
        from .resources.containers import AsyncContainers

        return AsyncContainers(self)

    @functools.cached_property
    def uploads(self) -> AsyncUploads:
        """Large files uploaded in parts."""
        from .resources.uploads import AsyncUploads

        return AsyncUploads(self)

    @functools.cached_property
    def beta(self) -> AsyncBeta:
        """Beta APIs: assistants, threads, ChatKit, beta realtime and responses."""
        from .resources.beta import AsyncBeta

        return AsyncBeta(self)

    @functools.cached_property
    def responses(self) -> AsyncResponses:
        """The Responses API."""
        from .resources.responses import AsyncResponses

        return AsyncResponses(self)

    @functools.cached_property
    def conversations(self) -> AsyncConversations:
        """Conversations and their items."""
        from .resources.conversations import AsyncConversations

        return AsyncConversations(self)

    @functools.cached_property
    def realtime(self) -> AsyncRealtime:
        """Realtime calls and client secrets."""
        from .resources.realtime import AsyncRealtime

        return AsyncRealtime(self)

    @functools.cached_property
    def webhooks(self) -> AsyncWebhooks:
        """Verify and decode the webhooks the API sends (uses ``webhook_secret``)."""
        from .resources.webhooks import AsyncWebhooks

        return AsyncWebhooks(self)

    @functools.cached_property
    def with_raw_response(self) -> AsyncOpenAIWithRawResponse:
        """Every resource of this client, its calls returning the raw HTTP response."""
        from .resources._client_views import AsyncOpenAIWithRawResponse

        return AsyncOpenAIWithRawResponse(self)

    @functools.cached_property
    def with_streaming_response(self) -> AsyncOpenAIWithStreamedResponse:
        """Every resource of this client, its calls as context managers over unread responses."""
        from .resources._client_views import AsyncOpenAIWithStreamedResponse

        return AsyncOpenAIWithStreamedResponse(self)

    def copy(
        self,
        *,
        api_key: Union[str, Callable[[], Awaitable[str]], None] = None,
        organization: Optional[str] = None,
        project: Optional[str] = None,
        webhook_secret: Optional[str] = None,
        provider: Union[BedrockProvider, NotGiven, None] = NOT_GIVEN,
        base_url: Union[str, httpx.URL, None] = None,
        data_residency: Optional[DataResidency] = None,
        websocket_base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
        http_client: Optional[httpx.AsyncClient] = None,
        default_headers: Optional[Mapping[str, str]] = None,
        set_default_headers: Optional[Mapping[str, str]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        set_default_query: Optional[Mapping[str, object]] = None,
        rate_limiter: Union[RateLimiter, NotGiven, None] = NOT_GIVEN,
    ) -> AsyncOpenAI:
        """A new client with some settings changed, sharing this one's connection pool.

        ``default_headers`` / ``default_query`` are added to this client's; the ``set_`` forms replace them.
        ``data_residency`` replaces the inherited endpoint; ``provider=None`` drops this client's provider.
        """
        shared = self._copy_settings(
            organization=organization,
            project=project,
            webhook_secret=webhook_secret,
            websocket_base_url=websocket_base_url,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            default_headers=default_headers,
            set_default_headers=set_default_headers,
            default_query=default_query,
            set_default_query=set_default_query,
            rate_limiter=rate_limiter,
        )
        next_provider = self._provider if isinstance(provider, NotGiven) else provider
        if data_residency is not None:
            from .._data_residency import resolve_data_residency

            base_url = resolve_data_residency(
                data_residency, base_url, provider=next_provider, websocket_base_url=websocket_base_url
            )
        workload_identity = self.workload_identity if api_key is None and next_provider is None else None
        if next_provider is None:
            if workload_identity is None and self._provider is None:
                api_key = api_key or self.api_key
            if self._provider is None and data_residency is None:
                base_url = base_url or self._settings.base_url
        if data_residency is not None:
            shared["websocket_base_url"] = None  # the residency's endpoint is not this client's
        copied = type(self)(
            api_key=api_key, workload_identity=workload_identity, provider=next_provider, base_url=base_url, **shared
        )
        if workload_identity is not None:
            # The same identity, the same token: copies share one cache instead of exchanging again.
            copied._api_key = self._api_key
            copied._workload_auth = self._workload_auth
        return copied

    with_options = copy

    def _copy_settings(
        self,
        *,
        organization: Optional[str],
        project: Optional[str],
        webhook_secret: Optional[str],
        websocket_base_url: Union[str, httpx.URL, None],
        timeout: Union[Timeout, NotGiven],
        max_retries: Union[int, NotGiven],
        http_client: Optional[httpx.AsyncClient],
        default_headers: Optional[Mapping[str, str]],
        set_default_headers: Optional[Mapping[str, str]],
        default_query: Optional[Mapping[str, object]],
        set_default_query: Optional[Mapping[str, object]],
        rate_limiter: Union[RateLimiter, NotGiven, None],
    ) -> Dict[str, Any]:
        """The constructor arguments every kind of client's ``copy()`` fills alike: each one given,
        else this client's own; the pool is shared unless another ``http_client`` is given."""
        return {
            "organization": organization or self.organization,
            "project": project or self.project,
            "webhook_secret": webhook_secret or self.webhook_secret,
            "websocket_base_url": websocket_base_url or self.websocket_base_url,
            "timeout": self._settings.timeout if isinstance(timeout, NotGiven) else timeout,
            "max_retries": self._settings.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            "default_headers": merged_defaults("headers", self._custom_headers, default_headers, set_default_headers),
            "default_query": merged_defaults("query", self._custom_query, default_query, set_default_query),
            "http_client": http_client or self._http_client,
            "rate_limiter": self._rate_limiter if isinstance(rate_limiter, NotGiven) else rate_limiter,
        }

    def __repr__(self) -> str:
        return f"<{type(self).__name__} base_url={self._settings.base_url!r}>"

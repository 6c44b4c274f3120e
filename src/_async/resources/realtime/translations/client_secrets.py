"""``client.realtime.translations.client_secrets``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .....types.realtime import RealtimeTranslationClientSecretCreateResponse
from .....types.realtime.translations import ClientSecretCreateParams
from ..._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._client_secrets_views import AsyncClientSecretsWithRawResponse, AsyncClientSecretsWithStreamingResponse
else:
    from ._client_secrets_views import AsyncClientSecretsWithRawResponse, AsyncClientSecretsWithStreamingResponse

__all__ = ["AsyncClientSecrets", "AsyncClientSecretsWithRawResponse", "AsyncClientSecretsWithStreamingResponse"]


class AsyncClientSecrets(AsyncAPIResource):
    """Client secrets for Realtime translation sessions."""

    with_raw_response: AsyncClientSecretsWithRawResponse
    with_streaming_response: AsyncClientSecretsWithStreamingResponse

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[ClientSecretCreateParams],
    ) -> RealtimeTranslationClientSecretCreateResponse:
        """Create a short-lived client secret for a translation session configured up front."""
        return await self._call(
            "post",
            "/realtime/translations/client_secrets",
            body=params,
            cast_to=RealtimeTranslationClientSecretCreateResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

"""``client.audio.translations``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union, overload

from typing_extensions import Unpack

from ...._helpers.audio_formats import audio_result_type
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.audio import Translation, TranslationCreateParams, TranslationCreateResponse, TranslationVerbose
from ....types.audio.translation_create_params import (
    _TranslationCreateParamsJson,
    _TranslationCreateParamsText,
    _TranslationCreateParamsVerboseJson,
)
from .._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._translations_views import AsyncTranslationsWithRawResponse, AsyncTranslationsWithStreamingResponse
else:
    from ._translations_views import AsyncTranslationsWithRawResponse, AsyncTranslationsWithStreamingResponse

__all__ = ["AsyncTranslations", "AsyncTranslationsWithRawResponse", "AsyncTranslationsWithStreamingResponse"]


class AsyncTranslations(AsyncAPIResource):
    """Audio to English text."""

    with_raw_response: AsyncTranslationsWithRawResponse
    with_streaming_response: AsyncTranslationsWithStreamingResponse

    # The result follows `response_format`, as with the official SDK's overloads.
    @overload
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[_TranslationCreateParamsJson],
    ) -> Translation: ...

    @overload
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[_TranslationCreateParamsVerboseJson],
    ) -> TranslationVerbose: ...

    @overload
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[_TranslationCreateParamsText],
    ) -> str: ...

    @overload
    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[TranslationCreateParams],
    ) -> Union[TranslationCreateResponse, str]: ...

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[TranslationCreateParams],
    ) -> Union[TranslationCreateResponse, str]:
        """Translate an audio file into English text; ``text``, ``srt`` and ``vtt`` return a ``str``."""
        result: Union[TranslationCreateResponse, str] = await self._call(
            "post",
            "/audio/translations",
            body=params,
            multipart=True,
            cast_to=audio_result_type(params.get("response_format"), {"verbose_json": TranslationVerbose}, Translation),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return result

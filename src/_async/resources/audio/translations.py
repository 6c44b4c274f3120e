"""``client.audio.translations``."""

from __future__ import annotations

from typing import Any, Optional, Union

from typing_extensions import Unpack

from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.audio import Translation, TranslationCreateParams, TranslationCreateResponse, TranslationVerbose
from .._base import AsyncAPIResource

__all__ = ["AsyncTranslations"]

# These formats come back as plain text, not JSON, so there is no model to build.
_PLAIN_TEXT_FORMATS = frozenset({"text", "srt", "vtt"})


def _result_type(response_format: object) -> Any:
    """What a translation in ``response_format`` parses into (the two JSON shapes share ``text``)."""
    if response_format in _PLAIN_TEXT_FORMATS:
        return str
    if response_format == "verbose_json":
        return TranslationVerbose
    return Translation


class AsyncTranslations(AsyncAPIResource):
    """Audio to English text."""

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[TranslationCreateParams],
    ) -> TranslationCreateResponse:
        """Translate an audio file into English text; ``text``, ``srt`` and ``vtt`` return a ``str``."""
        result: TranslationCreateResponse = await self._call(
            "post",
            "/audio/translations",
            body=params,
            multipart=True,
            cast_to=_result_type(params.get("response_format")),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return result

"""What a transcription or translation parses into, by the ``response_format`` it asked for."""

from __future__ import annotations

from typing import Any, Mapping

__all__ = ["audio_result_type"]

# These formats come back as plain text, not JSON, so there is no model to build.
_PLAIN_TEXT_FORMATS = frozenset({"text", "srt", "vtt"})


def audio_result_type(response_format: object, json_types: Mapping[str, Any], default: Any) -> Any:
    """``str`` for the text formats, else the model named for the format, else ``default``.

    Naming the model per format, rather than letting a union guess, keeps a verbose answer from
    being read as the plain one (all of them share ``text``).
    """
    if response_format in _PLAIN_TEXT_FORMATS:
        return str
    if isinstance(response_format, str) and response_format in json_types:
        return json_types[response_format]
    return default

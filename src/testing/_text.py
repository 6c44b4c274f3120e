"""The deterministic "model": how a reply is derived from the prompt, and how words are counted as tokens."""

from __future__ import annotations

from typing import Any, Iterable, List, Optional, Tuple

__all__ = ["count_tokens", "echo", "last_user_text", "pieces", "prompt_tokens", "text_of", "truncate"]


def text_of(content: Any) -> str:
    """The text of a message's ``content``: a string, or the ``text`` of each part of a list, space-joined."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        texts = [part["text"] for part in content if isinstance(part, dict) and isinstance(part.get("text"), str)]
        return " ".join(texts)
    return ""


def count_tokens(text: str) -> int:
    """Tokens, as this server counts them: whitespace-separated words."""
    return len(text.split())


def prompt_tokens(messages: Iterable[Any]) -> int:
    """Tokens over every message's content."""
    return sum(count_tokens(text_of(message.get("content"))) for message in messages if isinstance(message, dict))


def last_user_text(messages: Iterable[Any]) -> str:
    """The text of the last ``user`` message ("" when there is none)."""
    text = ""
    for message in messages:
        if isinstance(message, dict) and message.get("role") == "user":
            text = text_of(message.get("content"))
    return text


def echo(text: str) -> str:
    """The assistant's answer to ``text``; whitespace is normalised so streamed pieces rejoin to it exactly."""
    return " ".join(["Echo:", *text.split()])


def truncate(reply: str, max_tokens: Optional[int]) -> Tuple[str, bool]:
    """``reply`` cut to ``max_tokens`` words, and whether it was cut."""
    words = reply.split(" ")
    if max_tokens is None or len(words) <= max_tokens:
        return reply, False
    return " ".join(words[:max_tokens]), True


def pieces(reply: str) -> List[str]:
    """``reply`` split into one streamed delta per word; ``"".join(pieces(r)) == r``."""
    words = reply.split(" ")
    return [words[0]] + [" " + word for word in words[1:]] if reply else []

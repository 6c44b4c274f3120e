"""Reading a JSON document that is still arriving: the value its prefix stands for so far.

A streamed structured answer is valid JSON only at its end. Until then, ``parse_partial_json``
closes what is open: an unfinished string keeps the characters received, an unfinished object
or array keeps its complete members, and a member whose value has not started yet is left out.
A literal or number cut mid-way is left out too (``tru`` is not yet ``true``; ``12`` may become
``125``, but it is a number now, so it is kept). Text that can never become JSON gives ``None``.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Tuple

__all__ = ["parse_partial_json"]

_MISSING: Any = object()
_MAX_DEPTH = 512
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_PLAIN_CHARS = re.compile(r'[^"\\]*')
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
_NUMBER_CHARS = re.compile(r"[-+0-9.eE]*")
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_LITERALS = (("true", True), ("false", False), ("null", None))


class _NotJSON(Exception):
    pass


def parse_partial_json(text: str) -> Any:
    """The value a (possibly unfinished) JSON document holds so far; ``None`` when there is none."""
    parser = _Parser(text)
    try:
        value = parser.value(0)
        parser.skip_whitespace()
    except (_NotJSON, RecursionError):
        return None
    if value is _MISSING or parser.pos < len(text):
        return None
    return value


class _Parser:
    __slots__ = ("pos", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def skip_whitespace(self) -> None:
        match = _WHITESPACE.match(self.text, self.pos)
        if match is not None:
            self.pos = match.end()

    def value(self, depth: int) -> Any:
        if depth > _MAX_DEPTH:
            raise _NotJSON
        self.skip_whitespace()
        if self.at_end():
            return _MISSING
        char = self.text[self.pos]
        if char == "{":
            return self.object(depth)
        if char == "[":
            return self.array(depth)
        if char == '"':
            return self.string()[0]
        if char == "-" or char.isdigit():
            return self.number()
        return self.literal()

    def object(self, depth: int) -> Dict[str, Any]:
        self.pos += 1
        result: Dict[str, Any] = {}
        while True:
            self.skip_whitespace()
            if self.at_end():
                return result
            char = self.text[self.pos]
            if char == "}":
                self.pos += 1
                return result
            if result:
                if char != ",":
                    raise _NotJSON
                self.pos += 1
                self.skip_whitespace()
                if self.at_end():
                    return result
                char = self.text[self.pos]
            if char != '"':
                raise _NotJSON
            key, complete = self.string()
            self.skip_whitespace()
            if not complete or self.at_end():
                return result
            if self.text[self.pos] != ":":
                raise _NotJSON
            self.pos += 1
            value = self.value(depth + 1)
            if value is _MISSING:
                return result
            result[key] = value

    def array(self, depth: int) -> List[Any]:
        self.pos += 1
        result: List[Any] = []
        while True:
            self.skip_whitespace()
            if self.at_end():
                return result
            char = self.text[self.pos]
            if char == "]":
                self.pos += 1
                return result
            if char == "," and result:
                self.pos += 1
            elif result:
                raise _NotJSON
            value = self.value(depth + 1)
            if value is _MISSING:
                return result
            result.append(value)

    def string(self) -> Tuple[str, bool]:
        """The string at the cursor and whether its closing quote arrived."""
        self.pos += 1
        parts: List[str] = []
        text = self.text
        while True:
            match = _PLAIN_CHARS.match(text, self.pos)
            assert match is not None  # the pattern matches the empty string
            parts.append(match.group())
            self.pos = match.end()
            if self.at_end():
                return "".join(parts), False
            if text[self.pos] == '"':
                self.pos += 1
                return "".join(parts), True
            # A backslash: an escape, which may itself be cut off.
            escape = text[self.pos + 1 : self.pos + 2]
            if not escape:
                self.pos = len(text)
                return "".join(parts), False
            if escape == "u":
                digits = text[self.pos + 2 : self.pos + 6]
                if len(digits) < 4:
                    if all(c in "0123456789abcdefABCDEF" for c in digits):
                        self.pos = len(text)
                        return "".join(parts), False
                    raise _NotJSON
                try:
                    code = int(digits, 16)
                except ValueError:
                    raise _NotJSON from None
                self.pos += 6
                low = text[self.pos + 2 : self.pos + 6] if text.startswith("\\u", self.pos) else ""
                if 0xD800 <= code < 0xDC00 and len(low) == 4 and low[0] in "dD" and low[1] in "cdefCDEF":
                    # A UTF-16 surrogate pair is one character, as json.loads reads it.
                    code = 0x10000 + ((code - 0xD800) << 10) + (int(low, 16) - 0xDC00)
                    self.pos += 6
                parts.append(chr(code))
            elif escape in _ESCAPES:
                parts.append(_ESCAPES[escape])
                self.pos += 2
            else:
                raise _NotJSON

    def number(self) -> Any:
        span = _NUMBER_CHARS.match(self.text, self.pos)
        assert span is not None
        end = span.end()
        candidate = self.text[self.pos : end]
        whole = _NUMBER.fullmatch(candidate)
        if whole is None:
            if end < len(self.text):
                raise _NotJSON
            # Cut mid-number ("1.", "-", "2e"): keep the longest prefix that is a number already.
            prefix = _NUMBER.match(candidate)
            self.pos = end
            if prefix is None or not prefix.group():
                return _MISSING
            candidate = prefix.group()
        self.pos = end
        if any(c in candidate for c in ".eE"):
            return float(candidate)
        return int(candidate)

    def literal(self) -> Any:
        rest = self.text[self.pos : self.pos + 5]
        for word, value in _LITERALS:
            if rest.startswith(word):
                self.pos += len(word)
                return value
            if word.startswith(rest) and self.pos + len(rest) >= len(self.text):
                self.pos = len(self.text)
                return _MISSING
        raise _NotJSON

"""A ``multipart/form-data`` body parser (RFC 7578), enough for file uploads."""

from __future__ import annotations

import re
from typing import Dict, Optional

__all__ = ["FormPart", "boundary_of", "parse_form"]

_PARAM = re.compile(r';\s*([A-Za-z0-9_.*-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]*)')


class FormPart:
    """One field of a form: its name, its file name and type when it is a file, and its bytes."""

    __slots__ = ("content_type", "data", "filename", "name")

    def __init__(self, name: str, filename: Optional[str], content_type: Optional[str], data: bytes) -> None:
        self.name = name
        self.filename = filename
        self.content_type = content_type
        self.data = data

    def text(self) -> str:
        """The field's value as text."""
        return self.data.decode("utf-8", "replace")


def _params(header_value: str) -> Dict[str, str]:
    params: Dict[str, str] = {}
    for key, raw in _PARAM.findall(header_value):
        if raw.startswith('"'):
            raw = re.sub(r"\\(.)", r"\1", raw[1:-1])
        params[key.lower()] = raw
    return params


def boundary_of(content_type: str) -> Optional[str]:
    """The boundary of a ``multipart/form-data`` content type, or None for any other type."""
    if content_type.split(";", 1)[0].strip().lower() != "multipart/form-data":
        return None
    return _params(content_type).get("boundary") or None


def parse_form(boundary: str, body: bytes) -> Dict[str, FormPart]:
    """The fields of ``body``, by name (a repeated name keeps the last one); ``ValueError`` if malformed."""
    delimiter = b"\r\n--" + boundary.encode("latin-1")
    # The first delimiter may open the body with no CRLF before it.
    sections = (b"\r\n" + body).split(delimiter)
    if len(sections) < 2 or not sections[-1].startswith(b"--"):
        raise ValueError("multipart body has no closing boundary")
    fields: Dict[str, FormPart] = {}
    for section in sections[1:-1]:
        line_end = section.find(b"\r\n")
        head_end = section.find(b"\r\n\r\n", line_end)
        if line_end < 0 or head_end < 0 or section[:line_end].strip(b" \t"):
            raise ValueError("malformed multipart section")
        headers: Dict[str, str] = {}
        for line in section[line_end + 2 : head_end].split(b"\r\n"):
            name, _, value = line.decode("utf-8", "replace").partition(":")
            headers[name.strip().lower()] = value.strip()
        disposition = headers.get("content-disposition", "")
        if not disposition.lower().startswith("form-data"):
            raise ValueError("multipart section is not form-data")
        params = _params(disposition)
        if "name" not in params:
            raise ValueError("multipart section has no name")
        fields[params["name"]] = FormPart(
            params["name"], params.get("filename"), headers.get("content-type"), section[head_end + 4 :]
        )
    return fields

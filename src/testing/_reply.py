"""What a route handler hands back: a :class:`Reply`, or an :class:`ApiError` raised with the API's error body."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Sequence, Tuple

__all__ = ["ApiError", "Reply", "dumps", "error_payload", "json_reply"]

JSON_TYPE = "application/json"

# Compact separators keep bodies small; ensure_ascii=False keeps non-ASCII echoes readable on the wire.
_encode = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode

# The error `type` strings the API uses for each status family.
_ERROR_TYPES = {
    401: "invalid_request_error",
    403: "permission_error",
    404: "invalid_request_error",
    409: "conflict_error",
    429: "requests",
}
_ERROR_CODES = {401: "invalid_api_key", 429: "rate_limit_exceeded"}


def dumps(payload: Any) -> bytes:
    """JSON as UTF-8 bytes, compact."""
    return _encode(payload).encode("utf-8")


class Reply:
    """A response before it meets the wire.

    ``frames`` set means a streamed (SSE) body: each item is one already-framed event,
    sent as its own chunk; ``body`` is then ignored.
    """

    __slots__ = ("body", "content_type", "frames", "headers", "status")

    def __init__(
        self,
        status: int = 200,
        body: bytes = b"",
        *,
        content_type: str = JSON_TYPE,
        headers: Sequence[Tuple[str, str]] = (),
        frames: Optional[List[bytes]] = None,
    ) -> None:
        self.status = status
        self.body = body
        self.content_type = content_type
        self.headers = headers
        self.frames = frames

    def __repr__(self) -> str:
        kind = f"{len(self.frames)} frames" if self.frames is not None else f"{len(self.body)}B"
        return f"<Reply {self.status} {self.content_type} {kind}>"


def json_reply(payload: Any, status: int = 200) -> Reply:
    """A JSON response."""
    return Reply(status, dumps(payload))


def error_payload(
    status: int,
    message: str,
    *,
    type: Optional[str] = None,
    param: Optional[str] = None,
    code: Optional[str] = None,
) -> Dict[str, Any]:
    """The ``{"error": {...}}`` body the API sends with every non-2xx status."""
    if type is None:
        type = _ERROR_TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error")
    if code is None:
        code = _ERROR_CODES.get(status)
    return {"error": {"message": message, "type": type, "param": param, "code": code}}


class ApiError(Exception):
    """Raised by handlers to answer with an API error; the router turns it into a :class:`Reply`."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: Optional[str] = None,
        param: Optional[str] = None,
        code: Optional[str] = None,
        headers: Sequence[Tuple[str, str]] = (),
    ) -> None:
        super().__init__(message)
        self.status = status
        self.payload = error_payload(status, message, type=type, param=param, code=code)
        self.headers = headers

    def reply(self) -> Reply:
        """This error as a response."""
        return Reply(self.status, dumps(self.payload), headers=self.headers)


def missing_parameter(name: str) -> ApiError:
    """The 400 the API answers when a required parameter is absent."""
    return ApiError(400, f"Missing required parameter: '{name}'.", param=name, code="missing_required_parameter")

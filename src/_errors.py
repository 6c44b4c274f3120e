"""The one exception hierarchy of the client.

    OpenAIError
     ├── APIError                         message, request, body, code, param, type
     │    ├── APIStatusError              + response, status_code, request_id
     │    │    ├── BadRequestError             400
     │    │    ├── AuthenticationError         401
     │    │    │    └── OAuthError             a token endpoint refused a workload-identity exchange
     │    │    ├── PermissionDeniedError       403
     │    │    ├── NotFoundError               404
     │    │    ├── ConflictError               409
     │    │    ├── UnprocessableEntityError    422
     │    │    ├── RateLimitError              429
     │    │    └── InternalServerError         >= 500
     │    ├── APIConnectionError          the request never got a response
     │    │    └── APITimeoutError
     │    └── APIResponseValidationError  a response that does not have the shape it must have
     ├── SubjectTokenProviderError        a workload identity's subject token could not be read
     ├── WebSocketConnectionClosedError   a WebSocket closed with messages still unsent
     └── WebSocketQueueFullError          the outgoing WebSocket queue is over its size limit

Errors from httpx and pydantic are translated into this tree at one boundary, the client's
request loop, so callers only ever catch these classes.
"""

from __future__ import annotations

from typing import Any, Optional

import httpx
from typing_extensions import Literal

from ._public import publish

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "OAuthError",
    "OpenAIError",
    "PermissionDeniedError",
    "RateLimitError",
    "SubjectTokenProviderError",
    "UnprocessableEntityError",
    "WebSocketConnectionClosedError",
    "WebSocketQueueFullError",
    "embedded_error",
    "error_from_object",
    "is_timeout",
    "make_status_error",
]


class OpenAIError(Exception):
    """The base of every error this package raises."""


class SubjectTokenProviderError(OpenAIError):
    """A workload identity's subject token could not be obtained; ``response`` is the metadata answer, if any."""

    response: Optional[httpx.Response]

    def __init__(self, message: str, *, response: Optional[httpx.Response] = None) -> None:
        super().__init__(message)
        self.response = response


class APIError(OpenAIError):
    """A request to the API failed; ``body`` holds the decoded error payload when there is one."""

    message: str
    request: httpx.Request
    body: object | None
    code: Optional[str]
    param: Optional[str]
    type: Optional[str]

    def __init__(self, message: str, request: httpx.Request, *, body: object | None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body
        details = body if isinstance(body, dict) else {}
        self.code = _text_or_none(details.get("code"))
        self.param = _text_or_none(details.get("param"))
        self.type = _text_or_none(details.get("type"))


class APIResponseValidationError(APIError):
    """The server answered, but not with what the call must return."""

    response: httpx.Response
    status_code: int

    def __init__(self, response: httpx.Response, body: object | None, *, message: str | None = None) -> None:
        super().__init__(message or "Data returned by API invalid for expected schema.", response.request, body=body)
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status."""

    response: httpx.Response
    status_code: int
    request_id: Optional[str]

    def __init__(self, message: str, *, response: httpx.Response, body: object | None) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.request_id = response.headers.get("x-request-id")


class APIConnectionError(APIError):
    """No response was received: the connection failed, was refused, or broke."""

    def __init__(self, *, message: str = "Connection error.", request: httpx.Request) -> None:
        super().__init__(message, request, body=None)


class APITimeoutError(APIConnectionError):
    """The request took longer than its timeout."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__(message="Request timed out.", request=request)


class BadRequestError(APIStatusError):
    """HTTP 400."""

    status_code: Literal[400] = 400


class AuthenticationError(APIStatusError):
    """HTTP 401: the API key is missing, wrong or revoked."""

    status_code: Literal[401] = 401


class OAuthError(AuthenticationError):
    """A token endpoint refused an exchange (400, 401 or 403); ``error`` is its OAuth error code.

    The message is the endpoint's ``error_description`` when it sent one.
    """

    error: Optional[str]

    def __init__(self, *, response: httpx.Response, body: object | None) -> None:
        code = body.get("error") if isinstance(body, dict) else None
        description = body.get("error_description") if isinstance(body, dict) else None
        message = description if isinstance(description, str) and description else "OAuth authentication error."
        super().__init__(message, response=response, body=body)
        self.error = code if isinstance(code, str) else None


class PermissionDeniedError(APIStatusError):
    """HTTP 403."""

    status_code: Literal[403] = 403


class NotFoundError(APIStatusError):
    """HTTP 404."""

    status_code: Literal[404] = 404


class ConflictError(APIStatusError):
    """HTTP 409."""

    status_code: Literal[409] = 409


class UnprocessableEntityError(APIStatusError):
    """HTTP 422."""

    status_code: Literal[422] = 422


class RateLimitError(APIStatusError):
    """HTTP 429: too many requests, or the quota is used up (``code == "insufficient_quota"``)."""

    status_code: Literal[429] = 429


class InternalServerError(APIStatusError):
    """HTTP 500 or above."""


class WebSocketConnectionClosedError(OpenAIError):
    """A WebSocket connection closed before every queued message was sent; ``unsent_messages`` holds them."""

    unsent_messages: list[str]

    def __init__(self, message: str, *, unsent_messages: list[str]) -> None:
        super().__init__(message)
        self.unsent_messages = unsent_messages


class WebSocketQueueFullError(OpenAIError):
    """A message did not fit: the outgoing WebSocket queue is over its byte-size limit."""


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def make_status_error(response: httpx.Response, body: object | None) -> APIStatusError:
    """Pick the error class for a 4xx/5xx response and word its message from the body.

    ``body`` is the decoded JSON (the inner ``error`` object when the server wraps it) or the raw text.
    """
    status = response.status_code
    error_class = _STATUS_ERRORS.get(status)
    if error_class is None:
        error_class = InternalServerError if status >= 500 else APIStatusError
    return error_class(_status_message(status, body), response=response, body=body)


def _status_message(status: int, body: object | None) -> str:
    detail: Any = body
    if isinstance(body, dict) and isinstance(body.get("message"), str):
        detail = body["message"]
    if detail is None or detail == "":
        return f"Error code: {status}"
    return f"Error code: {status} - {detail}"


def embedded_error(data: object, request: httpx.Request, prefix: str = "") -> Optional[APIError]:
    """The error some OpenAI-compatible servers report inside a successful body, as ``{"error": {...}}``.

    None when there is none; an ``"error": null`` field is no error.
    """
    error = data.get("error") if isinstance(data, dict) else None
    return error_from_object(error, request, prefix) if error else None


def error_from_object(error: object, request: httpx.Request, prefix: str = "") -> APIError:
    """An :class:`APIError` worded from an error object (its ``message`` when it has one), kept as ``body``."""
    message = error.get("message") if isinstance(error, dict) else None
    return APIError(f"{prefix}{message or error}", request, body=error)


def is_timeout(exc: BaseException) -> bool:
    """Whether a transport exception means the request ran out of time.

    The aiohttp transport reports a refused connection as ``httpx.ConnectTimeout``; its cause
    tells the truth, so a timeout whose cause is some other connection failure is not a timeout.
    """
    if not isinstance(exc, httpx.TimeoutException):
        return False
    cause = exc.__cause__
    return cause is None or isinstance(cause, TimeoutError) or "Timeout" in type(cause).__name__


def _text_or_none(value: object) -> Optional[str]:
    return value if isinstance(value, str) else None


# Tracebacks and reprs name these where users import them (see _public.py).
publish(globals(), __all__)

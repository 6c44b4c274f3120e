"""The server's request logic, independent of sockets: record, plan faults, authenticate, route."""

from __future__ import annotations

import collections
import itertools
import logging
import threading
from typing import TYPE_CHECKING, Deque, List, Optional

from . import _batches, _chat, _completions, _embeddings, _files, _fine_tuning, _model_catalog, _moderations
from ._http import ReceivedRequest
from ._oauth import TOKEN_PATH, token_exchange
from ._reply import ApiError, Reply
from ._routes import Router
from ._scenarios import KEY_HEADER, SCENARIO_HEADER, Fault, ScenarioCounter, plan
from ._store import Store

if TYPE_CHECKING:
    from ._rate_limits import RateLimits

__all__ = ["App", "RequestLog"]

_logger = logging.getLogger("openai.testing")

_ROUTES = [
    *_chat.ROUTES,
    *_completions.ROUTES,
    *_embeddings.ROUTES,
    *_moderations.ROUTES,
    *_model_catalog.ROUTES,
    *_files.ROUTES,
    *_fine_tuning.ROUTES,
    *_batches.ROUTES,
]


class RequestLog:
    """Received requests, oldest first, readable from any thread; keeps at most ``limit`` (None: all)."""

    def __init__(self, limit: Optional[int]) -> None:
        self._lock = threading.Lock()
        self._items: Deque[ReceivedRequest] = collections.deque(maxlen=limit)

    def append(self, request: ReceivedRequest) -> None:
        """Record one request."""
        with self._lock:
            self._items.append(request)

    def snapshot(self) -> List[ReceivedRequest]:
        """A copy of what has been recorded so far."""
        with self._lock:
            return list(self._items)

    def clear(self) -> None:
        """Forget every recorded request."""
        with self._lock:
            self._items.clear()


class App:
    """Answers requests from one :class:`Store`; runs on the server's event-loop thread."""

    def __init__(
        self, *, api_key: Optional[str], record_limit: Optional[int], rate_limits: Optional[RateLimits] = None
    ) -> None:
        self.store = Store()
        _model_catalog.seed(self.store)
        _fine_tuning.seed(self.store)
        self.router = Router(_ROUTES)
        self.log = RequestLog(record_limit)
        self.counter = ScenarioCounter()
        self._api_key = api_key
        self.rate_limits = rate_limits
        self._request_ids = itertools.count(1)

    def next_request_id(self) -> str:
        """The ``x-request-id`` for the next response."""
        return f"req_{next(self._request_ids)}"

    def fault_for(self, request: ReceivedRequest) -> Optional[Fault]:
        """The fault the request's scenario header asks for, or None for a normal answer."""
        header = request.headers.get(SCENARIO_HEADER)
        if not header:
            return None
        return plan(header, request.headers.get(KEY_HEADER, ""), self.counter)

    def respond(self, request: ReceivedRequest) -> Reply:
        """The normal answer to ``request``; never raises."""
        path = request.path
        if path == TOKEN_PATH:
            return token_exchange(request)
        if not path.startswith("/v1/"):
            return ApiError(404, f"Unknown request URL: {request.method} {path}.", code="unknown_url").reply()
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "aws4-hmac-sha256" and token.strip():
            # A SigV4-signed request (Bedrock clients): the tests check the signature, the server routes it.
            return self._route(request, path)
        if scheme.lower() != "bearer" or not token.strip():
            message = "No API key provided: send it as 'Authorization: Bearer <key>'."
            return ApiError(401, message).reply()
        if self._api_key is not None and token.strip() != self._api_key:
            return ApiError(401, "Incorrect API key provided.", code="invalid_api_key").reply()
        if self.rate_limits is not None:
            return self.rate_limits.apply(request, lambda: self._route(request, path))
        return self._route(request, path)

    def _route(self, request: ReceivedRequest, path: str) -> Reply:
        try:
            return self.router.handle(request, path[3:], self.store)
        except Exception as error:
            # A bug in a handler must not take the server down with it; the 500 names the cause.
            _logger.exception("loopback handler failed for %s %s", request.method, request.target)
            return ApiError(500, f"Loopback server error: {type(error).__name__}: {error}").reply()

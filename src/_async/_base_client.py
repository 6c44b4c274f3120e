"""The request loop: send, retry, translate errors, and build what the call returns.

This is the one boundary where httpx exceptions become :mod:`openai` exceptions. Cancellation
passes straight through it: a cancelled call is never retried and never turned into another error.
"""

from __future__ import annotations

import dataclasses
import functools
import time
from types import TracebackType
from typing import TYPE_CHECKING, Any, Callable, Dict, Literal, Mapping, Optional, Tuple, TypeVar, Union, cast, overload

import httpx

from .._client_config import ApiKey
from .._concurrency import (
    AsyncCall,
    AsyncLoopGuard,
    AsyncPaginator,
    async_close_shielded,
    async_resolve_key,
    async_sleep,
)
from .._errors import APIConnectionError, APITimeoutError, is_timeout, make_status_error
from .._http.clients import DefaultAsyncHttpxClient
from .._http.httpx2_bridge import is_httpx2_client, wrap_httpx2_client
from .._http.pool_repair import take_orphaned_connections
from .._logs import log_request, logger
from .._low_level import RequestOptions, low_level_options, stream_item_type
from .._request import CallOptions, ClientSettings, build_request, total_seconds
from .._response import LegacyAPIResponse, decode_json_body, parse_content
from .._retry import retry_delay, should_retry_status
from .._types import Body, NotGiven, Timeout
from ._response import AsyncAPIResponse

if TYPE_CHECKING:
    from .._bedrock import AwsSigner
    from .._rate_limit import RateLimiter, Reservation
    from ..auth import WorkloadIdentityAuth
    from ._streaming import AsyncStream

__all__ = ["AsyncAPIClient"]

_PageT = TypeVar("_PageT")
_ResultT = TypeVar("_ResultT")
# A stream class of a low-level call (`stream_cls=AsyncStream[Event]`), given back as the call's result.
_StreamT = TypeVar("_StreamT", bound="AsyncStream[Any]")
_ClientT = TypeVar("_ClientT", bound="AsyncAPIClient")


class AsyncAPIClient:
    """Holds the connection pool and the per-client settings, and runs every request."""

    _http_client: httpx.AsyncClient
    _settings: ClientSettings
    #: Signs each attempt once it is built, for clients whose credentials are a signature (Bedrock SigV4).
    _request_signer: Optional[AwsSigner] = None
    #: The token cache of a workload identity client: a token the API refuses is dropped and renewed once.
    _workload_auth: Optional[WorkloadIdentityAuth] = None
    #: Admits each attempt within the budgets the API's rate-limit headers describe; None costs nothing.
    _rate_limiter: Optional[RateLimiter] = None

    def __init__(self, *, settings: ClientSettings, api_key: ApiKey, http_client: Optional[Any]) -> None:
        if http_client is not None and is_httpx2_client(http_client):
            http_client = wrap_httpx2_client(http_client, outer=httpx.AsyncClient)
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise TypeError(
                f"http_client must be an httpx.AsyncClient or an httpx2.AsyncClient, not {type(http_client).__name__}"
            )
        self._settings = settings
        self._api_key = api_key
        self._static_auth = {"Authorization": f"Bearer {api_key}"} if isinstance(api_key, str) else None
        self._http_client = http_client if http_client is not None else DefaultAsyncHttpxClient()
        self._loop_guard = AsyncLoopGuard(type(self).__name__, self._http_client)

    @property
    def base_url(self) -> httpx.URL:
        """The URL every request path is joined to."""
        return httpx.URL(self._settings.base_url)

    @property
    def _base_url(self) -> httpx.URL:
        # The official SDK's attribute of this name; litellm reads it (`client._base_url._uri_reference`).
        return self.base_url

    @property
    def max_retries(self) -> int:
        """How many times a failed request is retried."""
        return self._settings.max_retries

    @property
    def timeout(self) -> Timeout:
        """The default timeout of every request."""
        return self._settings.timeout

    async def auth_headers(self) -> Mapping[str, str]:
        """The credential headers of one attempt; a key function is called every time."""
        if self._static_auth is not None:
            return self._static_auth
        key = await async_resolve_key(cast(Callable[[], Any], self._api_key))
        return {"Authorization": f"Bearer {key}"}

    async def request(self, options: CallOptions, *, cast_to: Any) -> Any:
        """Send a call, retrying as the retry policy says, and return what its options ask for:
        the body built as ``cast_to``, its event stream, or a response wrapper (``options.mode``)."""
        self._loop_guard.check()
        reads_body = options.reads_body
        time_allowed = total_seconds(
            self._settings.timeout if isinstance(options.timeout, NotGiven) else options.timeout
        )
        retries_taken = 0
        # Sendings again after a 429 the rate limiter waited out: retries to the server (the
        # retry-count header counts them), but weighed against the limiter's max_429_retries,
        # not against max_retries.
        resends = 0
        token_renewed = False
        while True:
            sent_before = retries_taken + resends
            request = build_request(
                self._settings, options, auth_headers=await self.auth_headers(), retries_taken=sent_before
            )
            if self._request_signer is not None:
                from .._bedrock import async_sign_request  # only signing clients pay for this import

                await async_sign_request(self._request_signer, request)
            log_request(request, sent_before)
            deadline = None if time_allowed is None else time.monotonic() + time_allowed
            resend = False
            try:
                if self._rate_limiter is None:
                    response = await self._http_client.send(request, stream=True)
                else:
                    response, resend = await self._send_rate_limited(self._rate_limiter, request, options, resends)
                if response.status_code < 400 and reads_body:
                    await self._read_body(response, deadline)
            except httpx.TransportError as exc:
                # Only a failure of the connection or the exchange is a connection error worth
                # retrying; anything else (a file the caller passed failing mid-upload, a bug)
                # surfaces as itself, once, below.
                await self._reclaim_pool_slots()
                if retries_taken < self._settings.max_retries:
                    await self._wait_before_retry(request, retry_delay(retries_taken) or 0.0)
                    retries_taken += 1
                    continue
                if is_timeout(exc):
                    raise APITimeoutError(request) from exc
                raise APIConnectionError(request=request) from exc
            except BaseException:
                # Cancelled mid-send, or an error that is no network fault: the pool may have
                # been left holding a slot for this request.
                await self._reclaim_pool_slots()
                raise

            if response.status_code >= 400:
                body = await self._read_error_body(response)
                error_code = body.get("code") if isinstance(body, dict) else None
                code = error_code if isinstance(error_code, str) else None
                if resend and should_retry_status(response.status_code, response.headers, code):
                    logger.info(
                        "Rate limited: %s %s waits for its budget and is sent again", request.method, request.url
                    )
                    resends += 1
                    continue
                # A 429 the limiter answered for is the limiter's to retry: once it gives up, so does the call.
                limiter_owns = self._rate_limiter is not None and response.status_code == 429 and not options.multipart
                if (
                    not limiter_owns
                    and retries_taken < self._settings.max_retries
                    and should_retry_status(response.status_code, response.headers, code)
                ):
                    delay = retry_delay(retries_taken, response.headers)
                    if delay is not None:
                        await self._wait_before_retry(request, delay)
                        retries_taken += 1
                        continue
                if response.status_code == 401 and self._workload_auth is not None and not token_renewed:
                    # Revoked before its expiry: exchange again once, not on every retry.
                    self._workload_auth.invalidate_token(request.headers.get("Authorization", "")[len("Bearer ") :])
                    token_renewed = True
                    continue
                raise make_status_error(response, body)
            return self._build_result(response, options, cast_to, sent_before)

    async def fetch_page(self, page_cls: type[_PageT], options: CallOptions, query: Dict[str, Any]) -> _PageT:
        """Fetch one page of a list call, with ``query`` added to the call's own query."""
        # Everything the first page was fetched with (body, extra body, hooks), but never as a raw
        # response: a page reached through `with_raw_response(...).parse()` pages on normally.
        next_options = dataclasses.replace(options, query={**(options.query or {}), **query}, mode="parsed")
        page: _PageT = await self.request(next_options, cast_to=page_cls)
        return page

    # The official SDK's low-level calls: a path under base_url, and the type to build the answer as.

    @overload
    async def get(
        self,
        path: str,
        *,
        cast_to: type[_ResultT],
        options: Optional[RequestOptions] = None,
        stream: Literal[False] = False,
    ) -> _ResultT: ...
    @overload
    async def get(
        self,
        path: str,
        *,
        cast_to: type[object],
        options: Optional[RequestOptions] = None,
        stream: Literal[True],
        stream_cls: type[_StreamT],
    ) -> _StreamT: ...
    @overload
    async def get(
        self,
        path: str,
        *,
        cast_to: type[_ResultT],
        options: Optional[RequestOptions] = None,
        stream: bool,
        stream_cls: Optional[type[_StreamT]] = None,
    ) -> Union[_ResultT, _StreamT]: ...
    async def get(
        self,
        path: str,
        *,
        cast_to: type[_ResultT],
        options: Optional[RequestOptions] = None,
        stream: bool = False,
        stream_cls: Optional[type[_StreamT]] = None,
    ) -> Union[_ResultT, _StreamT]:
        """Send ``GET path`` and build the answer as ``cast_to`` (or a stream, with ``stream=True``)."""
        call = low_level_options("get", path, options=options, stream_item=stream_item_type(stream, stream_cls))
        result: Union[_ResultT, _StreamT] = await self.request(call, cast_to=cast_to)
        return result

    @overload
    async def post(
        self,
        path: str,
        *,
        cast_to: type[_ResultT],
        body: Optional[Body] = None,
        content: Optional[object] = None,
        options: Optional[RequestOptions] = None,
        files: Optional[Any] = None,
        stream: Literal[False] = False,
    ) -> _ResultT: ...
    @overload
    async def post(
        self,
        path: str,
        *,
        cast_to: type[object],
        body: Optional[Body] = None,
        content: Optional[object] = None,
        options: Optional[RequestOptions] = None,
        files: Optional[Any] = None,
        stream: Literal[True],
        stream_cls: type[_StreamT],
    ) -> _StreamT: ...
    @overload
    async def post(
        self,
        path: str,
        *,
        cast_to: type[_ResultT],
        body: Optional[Body] = None,
        content: Optional[object] = None,
        options: Optional[RequestOptions] = None,
        files: Optional[Any] = None,
        stream: bool,
        stream_cls: Optional[type[_StreamT]] = None,
    ) -> Union[_ResultT, _StreamT]: ...
    async def post(
        self,
        path: str,
        *,
        cast_to: type[_ResultT],
        body: Optional[Body] = None,
        content: Optional[object] = None,
        options: Optional[RequestOptions] = None,
        files: Optional[Any] = None,
        stream: bool = False,
        stream_cls: Optional[type[_StreamT]] = None,
    ) -> Union[_ResultT, _StreamT]:
        """Send ``POST path`` with ``body`` as JSON (or ``files`` as multipart) and build the answer."""
        call = low_level_options(
            "post",
            path,
            body=body,
            content=content,
            files=files,
            options=options,
            stream_item=stream_item_type(stream, stream_cls),
        )
        result: Union[_ResultT, _StreamT] = await self.request(call, cast_to=cast_to)
        return result

    async def put(
        self,
        path: str,
        *,
        cast_to: type[_ResultT],
        body: Optional[Body] = None,
        content: Optional[object] = None,
        files: Optional[Any] = None,
        options: Optional[RequestOptions] = None,
    ) -> _ResultT:
        """Send ``PUT path`` with ``body`` as JSON (or ``files`` as multipart) and build the answer."""
        call = low_level_options("put", path, body=body, content=content, files=files, options=options)
        result: _ResultT = await self.request(call, cast_to=cast_to)
        return result

    async def patch(
        self,
        path: str,
        *,
        cast_to: type[_ResultT],
        body: Optional[Body] = None,
        content: Optional[object] = None,
        files: Optional[Any] = None,
        options: Optional[RequestOptions] = None,
    ) -> _ResultT:
        """Send ``PATCH path`` with ``body`` as JSON (or ``files`` as multipart) and build the answer."""
        call = low_level_options("patch", path, body=body, content=content, files=files, options=options)
        result: _ResultT = await self.request(call, cast_to=cast_to)
        return result

    async def delete(
        self,
        path: str,
        *,
        cast_to: type[_ResultT],
        body: Optional[Body] = None,
        content: Optional[object] = None,
        options: Optional[RequestOptions] = None,
    ) -> _ResultT:
        """Send ``DELETE path`` (with ``body`` as JSON, if given) and build the answer."""
        call = low_level_options("delete", path, body=body, content=content, options=options)
        result: _ResultT = await self.request(call, cast_to=cast_to)
        return result

    def get_api_list(self, options: CallOptions, *, page: type[_PageT]) -> AsyncPaginator[Any, _PageT]:
        """The value of a ``list()`` call: its first page, and through it every item."""
        fetch_first: AsyncCall[_PageT] = functools.partial(self.request, options, cast_to=page)
        return AsyncPaginator(fetch_first)

    async def _send_rate_limited(
        self, limiter: RateLimiter, request: httpx.Request, options: CallOptions, resends: int
    ) -> Tuple[httpx.Response, bool]:
        """Send once the budget allows; True with a 429 the limiter will wait out before a resend.

        ``resends`` is how many times this call was already sent again after a 429. The resend
        itself is built afresh by the caller, so its credentials, signature and retry count are
        those of the moment it goes out.
        """
        from .._rate_limit import budget_key

        body = options.body if isinstance(options.body, Mapping) else None
        model = body.get("model") if body is not None else None
        credential = request.headers.get("Authorization") or request.headers.get("api-key") or ""
        key = budget_key(self._settings.base_url, credential, model if isinstance(model, str) else None)
        tokens = limiter.tokens_for(options.path, body)
        reservation = await self._reserve(limiter, key, tokens, resends)
        try:
            response = await self._http_client.send(request, stream=True)
        except BaseException:
            limiter.settle(reservation, None, {})
            raise
        resend = limiter.settle(reservation, response.status_code, response.headers)
        # An upload's body may be a stream read once: its 429s are left to the call's own retry policy.
        return response, resend and not options.multipart

    async def _reserve(self, limiter: RateLimiter, key: Any, tokens: int, resends: int) -> Reservation:
        while True:
            reservation = limiter.reserve(key, tokens, attempt=resends)
            try:
                delay = reservation.delay
                while delay > 0:
                    await async_sleep(delay)
                    delay = limiter.hold(reservation)
            except BaseException:
                limiter.release(reservation)
                raise
            if reservation.claimed:
                return reservation

    async def _reclaim_pool_slots(self) -> None:
        for connection in take_orphaned_connections(self._http_client):
            await async_close_shielded(connection)

    async def _wait_before_retry(self, request: httpx.Request, delay: float) -> None:
        logger.info("Retrying %s %s in %.2fs", request.method, request.url, delay)
        await async_sleep(delay)

    async def _read_body(self, response: httpx.Response, deadline: Optional[float]) -> None:
        """Read the whole body, giving up once the call's time is over.

        httpx bounds each read, not their sum, so a server trickling bytes just inside the read
        timeout could otherwise hold a call forever. The connection is released in every case.
        """
        try:
            chunks = []
            async for chunk in response.aiter_bytes():
                chunks.append(chunk)
                if deadline is not None and time.monotonic() > deadline:
                    raise httpx.ReadTimeout("The response body took longer than the timeout", request=response.request)
            # What `read()` would store; reading chunk by chunk is what lets the deadline be checked.
            response._content = b"".join(chunks)
        finally:
            # Reading to the end already closed it; the shielded close is only for the other cases.
            if not response.is_closed:
                await async_close_shielded(response)

    async def _read_error_body(self, response: httpx.Response) -> object:
        try:
            content = await response.aread()
        except httpx.HTTPError:
            content = b""
        finally:
            await async_close_shielded(response)
        try:
            body = decode_json_body(response, content)
        except Exception:
            return content.decode("utf-8", errors="replace") or None
        if isinstance(body, dict) and "error" in body:
            return body["error"]
        return body

    def _build_result(self, response: httpx.Response, options: CallOptions, cast_to: Any, retries_taken: int) -> Any:
        # Deferred so that constructing a client does not load pydantic and the models.
        from .._pages import PageShape
        from ._streaming import AsyncStream

        def parse_result(content: bytes) -> Any:
            """What the call returns: its event stream, or the body built as its return type."""
            if options.stream_item is not None:
                return AsyncStream(
                    item_type=options.stream_item, response=response, requires_done=options.stream_ends_with_done
                )
            return attached(parse_content(cast_to, response, content, options.json_hook))

        def parse_as(to: Any, content: bytes) -> Any:
            """The body built as the type a caller named (``parse(to=...)``), as the server sent it."""
            return attached(parse_content(to, response, content))

        def attached(result: Any) -> Any:
            if isinstance(result, PageShape):
                result.attach(self, options)  # type: ignore[attr-defined]
            return result

        is_stream = options.stream_item is not None
        if options.mode == "streamed":
            return AsyncAPIResponse(
                response, parse_result=parse_result, parse_as=parse_as, is_stream=is_stream, retries_taken=retries_taken
            )
        if options.mode == "raw":
            return LegacyAPIResponse(
                response,
                parse_result=parse_result,
                parse_as=parse_as,
                cast_to=cast_to,
                is_stream=is_stream,
                retries_taken=retries_taken,
            )
        return parse_result(b"" if is_stream else response.content)

    def is_closed(self) -> bool:
        """Whether the connection pool has been closed."""
        return self._http_client.is_closed

    async def close(self) -> None:
        """Close the connection pool. Closing twice is harmless."""
        self._loop_guard.before_close()
        await self._http_client.aclose()

    async def __aenter__(self: _ClientT) -> _ClientT:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        exc_tb: Optional[TracebackType],
    ) -> None:
        await self.close()

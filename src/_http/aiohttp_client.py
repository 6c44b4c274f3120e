"""``DefaultAioHttpClient``: the async client over aiohttp, which holds its throughput better
than httpx's own pool under high concurrency. It needs the ``aiohttp`` extra; without it,
constructing one raises an error that names the extra to install.
"""

from __future__ import annotations

import asyncio
import functools
import sys
import traceback
from typing import Any, AsyncIterator

import httpx

from .clients import CredentialsStayWithTheirOrigin, skip_cookie_work_without_cookies, with_own_transport

__all__ = ["DefaultAioHttpClient"]

try:
    import aiohttp
    import yarl
    from httpx_aiohttp import HttpxAiohttpClient as _AiohttpBase
    from httpx_aiohttp.transport import AiohttpResponseStream, AiohttpTransport, map_aiohttp_exceptions

    from .shared import bounded_decoding, decodes_bounded
except ImportError:  # the `aiohttp` extra is not installed

    class DefaultAioHttpClient(httpx.AsyncClient):
        """Needs the ``aiohttp`` extra's packages: ``pip install aiohttp httpx-aiohttp``."""

        def __init__(self, **kwargs: Any) -> None:
            raise RuntimeError(
                # Not `pip install 'openai[aiohttp]'`: by that name pip would fetch the official SDK over this one.
                "DefaultAioHttpClient needs the aiohttp extra's packages; install them with: "
                "pip install aiohttp httpx-aiohttp"
            )

else:

    class _DirectAiohttpTransport(AiohttpTransport):
        """The httpx-aiohttp transport with a shorter path for the common request.

        A request with its body in memory and no proxy goes to aiohttp with its headers as plain
        pairs: handing aiohttp httpx's ``Headers`` object makes it re-decode every header on each
        access, a visible share of a request's cost. Anything else takes the general path.
        """

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            try:
                response = await self._send(request)
            except aiohttp.ClientResponseError as exc:  # aiohttp's parser refused the response
                traceback.clear_frames(exc.__traceback__)
                raise httpx.RemoteProtocolError(str(exc), request=request) from exc
            except httpx.TransportError as exc:
                # aiohttp's frames hold the request's headers, credentials included, as variables;
                # a traceback rendered with them (capture_locals, rich, Sentry) must not show a key.
                if exc.__cause__ is not None:
                    traceback.clear_frames(exc.__cause__.__traceback__)
                raise
            return response

        async def _general(self, request: httpx.Request) -> httpx.Response:
            body = request.stream = _WatchedBody(request.stream)
            try:
                response = await super().handle_async_request(request)
            except Exception:
                if body.error is not None:
                    # The caller's file failed mid-upload: aiohttp reports that as a connection
                    # error, but it is the caller's own error to see, and not worth a retry.
                    raise body.error from None
                raise
            return _decoded(response, response.headers.get("content-encoding"))

        async def _send(self, request: httpx.Request) -> httpx.Response:
            if self.proxy is not None or "sni_hostname" in request.extensions:
                return await self._general(request)
            try:
                content = request.content
            except httpx.RequestNotRead:  # a streamed body
                return await self._general(request)
            if not isinstance(self.client, aiohttp.ClientSession):
                self.client = self.get_client()
            timeout = request.extensions.get("timeout", {})
            url = _parsed_url(str(request.url))
            read_timeout = timeout.get("read")
            sending = self.client.request(
                request.method,
                url,
                headers=[(name.decode("latin-1"), value.decode("latin-1")) for name, value in request.headers.raw],
                data=content or None,
                allow_redirects=False,
                auto_decompress=False,
                compress=False,
                timeout=_client_timeout(timeout.get("connect"), read_timeout, timeout.get("pool")),
            )
            with map_aiohttp_exceptions():
                if read_timeout is None:
                    response = await sending
                else:
                    # aiohttp's read timeout is per read: a head trickled a byte at a time, or
                    # endless 100 Continue, would never end. The head as a whole gets the read
                    # timeout (making a new connection included: aiohttp gives no moment between).
                    try:
                        response = await _within(sending, read_timeout)
                    except TimeoutError as exc:
                        raise httpx.ReadTimeout("Timed out waiting for the response head", request=request) from exc
            raw_headers = response.raw_headers
            if any(name[-1:] in (b" ", b"\t") for name, _ in raw_headers):
                # aiohttp's parser keeps "Content-Length : 2" as a header named "Content-Length "
                # (and frames the body by it); a space before the colon is a malformed head.
                response.close()
                raise httpx.RemoteProtocolError("a response header has whitespace before its colon", request=request)
            return _decoded(
                httpx.Response(
                    status_code=response.status,
                    headers=raw_headers,
                    stream=_AiohttpBody(response),
                    request=request,
                    extensions={"http_version": b"HTTP/1.1", "reason_phrase": (response.reason or "").encode()},
                ),
                response.headers.get("Content-Encoding"),  # aiohttp's own lookup, cheaper than httpx's
            )

    def _decoded(response: httpx.Response, coding: str | None) -> httpx.Response:
        """The response with a gzip or deflate body decoded in bounded pieces (see DecodedBody)."""
        if coding is None:
            return response
        raw_coding = coding.lower().encode("latin-1")
        return bounded_decoding(response, raw_coding) if decodes_bounded(raw_coding) else response

    class _WatchedBody(httpx.AsyncByteStream):
        """A request body that remembers why reading it failed, if it did."""

        def __init__(self, stream: Any) -> None:
            self._stream = stream
            self.error: Exception | None = None

        async def __aiter__(self) -> AsyncIterator[bytes]:
            try:
                async for part in self._stream:
                    yield part
            except Exception as exc:
                self.error = exc
                raise

    class _AiohttpBody(AiohttpResponseStream):
        """A response body read in whatever pieces have arrived, not re-cut into fixed-size chunks.

        An API response usually arrives whole; taking it in one piece saves a round of buffer
        slicing and a generator step per chunk.
        """

        async def __aiter__(self) -> AsyncIterator[bytes]:
            content = self._aiohttp_response.content
            try:
                with map_aiohttp_exceptions():
                    while chunk := await content.readany():
                        yield chunk
            except aiohttp.ClientResponseError as exc:  # aiohttp's parser refused the body's framing
                raise httpx.RemoteProtocolError(str(exc)) from exc

    if sys.version_info >= (3, 11):

        async def _within(awaitable: Any, seconds: float) -> Any:
            async with asyncio.timeout(seconds):
                return await awaitable

    else:  # pragma: no cover - Python 3.9 and 3.10

        async def _within(awaitable: Any, seconds: float) -> Any:
            return await asyncio.wait_for(awaitable, seconds)

    @functools.lru_cache(maxsize=64)
    def _client_timeout(connect: float | None, read: float | None, pool: float | None) -> aiohttp.ClientTimeout:
        # A client has one or two timeouts, used for every request; aiohttp's timeout object is immutable.
        return aiohttp.ClientTimeout(sock_connect=connect, sock_read=read, connect=pool)

    _URLS: dict[str, yarl.URL] = {}

    def _parsed_url(text: str) -> yarl.URL:
        """aiohttp parses every URL string again (host, port, IP checks); an API client calls a
        handful of URLs over and over, so parsed ones are kept (a bounded number)."""
        url = _URLS.get(text)
        if url is None:
            if len(_URLS) >= 2048:
                _URLS.clear()
            url = _URLS[text] = yarl.URL(text, encoded=True)
        return url

    class DefaultAioHttpClient(CredentialsStayWithTheirOrigin, _AiohttpBase):  # type: ignore[no-redef]
        """An ``httpx.AsyncClient`` that sends requests over aiohttp, with this package's defaults."""

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**with_own_transport(kwargs, _DirectAiohttpTransport))
            skip_cookie_work_without_cookies(self)

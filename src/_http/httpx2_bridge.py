"""``http_client=`` given an ``httpx2`` client, and the ``DefaultHttpx2Client`` pair.

httpx2 mirrors httpx's API but is a package of its own, with its own request, response and
exception classes, so the request loop (built on httpx's) cannot use such a client directly.
Instead the httpx2 client becomes the transport of an httpx client: each request is handed to it
as an httpx2 request, its answer comes back as an httpx response whose body streams from the
httpx2 one, and its exceptions come back as the httpx exceptions of the same name, so retries,
timeouts and error mapping behave exactly as with an httpx client. The user's client keeps its
own proxies, TLS settings, redirects and limits; closing the API client closes it, as it closes a
user's httpx client.

httpx2 is optional (``pip install 'openai[httpx2]'``); nothing here imports it until it is used.
"""

from __future__ import annotations

import importlib
from typing import Any, AsyncIterator, Iterator, Optional, Tuple

import httpx

from .._constants import DEFAULT_CONNECTION_LIMITS, DEFAULT_TIMEOUT

__all__ = [
    "AsyncHttpx2Transport",
    "adopt_httpx2_options",
    "DefaultAsyncHttpx2Client",
    "DefaultHttpx2Client",
    "Httpx2Transport",
    "is_httpx2_client",
    "wrap_httpx2_client",
]

_INSTALL_HINT = "install it with `pip install httpx2` (or `pip install 'openai[httpx2]'`)"


def _httpx2() -> Any:
    try:
        return importlib.import_module("httpx2")
    except ImportError:
        raise ImportError(f"This needs the httpx2 package, which is not installed: {_INSTALL_HINT}") from None


def is_httpx2_client(client: object) -> bool:
    """Whether ``client`` is an ``httpx2.Client`` or ``httpx2.AsyncClient`` (httpx2 is not imported to tell)."""
    return _is_httpx2(client)


def wrap_httpx2_client(client: Any, *, outer: type[Any]) -> Any:
    """An httpx client of class ``outer`` (``httpx.Client`` or ``httpx.AsyncClient``) that sends
    everything through the httpx2 ``client``."""
    asynchronous = issubclass(outer, httpx.AsyncClient)
    httpx2 = _httpx2()
    wanted = httpx2.AsyncClient if asynchronous else httpx2.Client
    if not isinstance(client, wanted):
        flavour = "httpx2.AsyncClient" if asynchronous else "httpx2.Client"
        raise TypeError(f"http_client must be an {flavour} here, not {type(client).__name__}")
    # Redirects and timeouts: the httpx2 client follows its own redirect setting, and each request
    # carries its own timeout, so the outer client neither redirects nor times anything itself.
    if asynchronous:
        return httpx.AsyncClient(transport=AsyncHttpx2Transport(client), follow_redirects=False, timeout=None)
    return httpx.Client(transport=Httpx2Transport(client), follow_redirects=False, timeout=None)


def _is_httpx2(value: object) -> bool:
    return any(klass.__module__.split(".")[0] == "httpx2" for klass in type(value).__mro__)


def adopt_httpx2_options(kwargs: dict[str, Any], *, asynchronous: bool) -> dict[str, Any]:
    """``httpx.Client`` options where httpx2 objects stand in for the caller's httpx2 ones.

    Code written for the official SDK, whose default clients are httpx2 clients, hands
    ``DefaultHttpxClient`` httpx2 transports, mounts, timeouts and limits (langchain-openai does, to set
    socket options). A transport keeps doing the sending, through an httpx2 client around it; a timeout
    or limits object becomes httpx's own with the same values. Anything else is left as given.
    """
    if not any(_is_httpx2(value) for value in (*kwargs.values(), *(kwargs.get("mounts") or {}).values())):
        return kwargs
    adopted = dict(kwargs)
    if _is_httpx2(adopted.get("transport")):
        adopted["transport"] = _transport_from(adopted["transport"], asynchronous)
    if adopted.get("mounts"):
        adopted["mounts"] = {
            pattern: _transport_from(mounted, asynchronous) if _is_httpx2(mounted) else mounted
            for pattern, mounted in adopted["mounts"].items()
        }
    timeout: Any = adopted.get("timeout")
    if _is_httpx2(timeout):
        adopted["timeout"] = httpx.Timeout(None, **timeout.as_dict())
    limits: Any = adopted.get("limits")
    if _is_httpx2(limits):
        adopted["limits"] = httpx.Limits(
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
        )
    return adopted


def _transport_from(transport: Any, asynchronous: bool) -> Any:
    httpx2 = _httpx2()
    # The outer httpx client redirects and times each request; the inner one only sends.
    if asynchronous:
        if not isinstance(transport, httpx2.AsyncBaseTransport):
            raise TypeError(f"An async client needs an async httpx2 transport, not {type(transport).__name__}")
        return AsyncHttpx2Transport(
            httpx2.AsyncClient(transport=transport, follow_redirects=False, timeout=None, trust_env=False)
        )
    if not isinstance(transport, httpx2.BaseTransport):
        raise TypeError(f"A sync client needs a sync httpx2 transport, not {type(transport).__name__}")
    return Httpx2Transport(httpx2.Client(transport=transport, follow_redirects=False, timeout=None, trust_env=False))


def _outgoing(httpx2: Any, request: httpx.Request, content: bytes) -> Any:
    return httpx2.Request(
        request.method,
        str(request.url),
        headers=list(request.headers.raw),
        content=content,
        extensions={"timeout": request.extensions.get("timeout")} if "timeout" in request.extensions else None,
    )


def _incoming(answer: Any, request: httpx.Request, stream: Any) -> httpx.Response:
    headers: list[Tuple[bytes, bytes]] = list(answer.headers.raw)
    return httpx.Response(
        answer.status_code,
        headers=headers,
        stream=stream,
        request=request,
        extensions={"http_version": answer.http_version.encode("ascii")},
    )


def _translated(exc: BaseException, request: httpx.Request) -> Optional[httpx.HTTPError]:
    """The httpx exception matching an httpx2 one (same name), or None for any other exception."""
    if type(exc).__module__.split(".")[0] != "httpx2":
        return None
    for klass in type(exc).__mro__:
        mapped = getattr(httpx, klass.__name__, None)
        if isinstance(mapped, type) and issubclass(mapped, httpx.TransportError):
            return mapped(str(exc), request=request)
    return httpx.TransportError(str(exc), request=request)


class _SyncBody(httpx.SyncByteStream):
    def __init__(self, answer: Any, request: httpx.Request) -> None:
        self._answer = answer
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._answer.iter_raw()
        except Exception as exc:
            mapped = _translated(exc, self._request)
            if mapped is None:
                raise
            raise mapped from exc

    def close(self) -> None:
        self._answer.close()


class _AsyncBody(httpx.AsyncByteStream):
    def __init__(self, answer: Any, request: httpx.Request) -> None:
        self._answer = answer
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._answer.aiter_raw():
                yield chunk
        except Exception as exc:
            mapped = _translated(exc, self._request)
            if mapped is None:
                raise
            raise mapped from exc

    async def aclose(self) -> None:
        await self._answer.aclose()


class Httpx2Transport(httpx.BaseTransport):
    """An httpx transport that sends each request with an ``httpx2.Client``."""

    def __init__(self, client: Any) -> None:
        self._httpx2 = _httpx2()
        self.client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        try:
            answer = self.client.send(_outgoing(self._httpx2, request, request.read()), stream=True)
        except Exception as exc:
            mapped = _translated(exc, request)
            if mapped is None:
                raise
            raise mapped from exc
        return _incoming(answer, request, _SyncBody(answer, request))

    def close(self) -> None:
        self.client.close()


class AsyncHttpx2Transport(httpx.AsyncBaseTransport):
    """An httpx transport that sends each request with an ``httpx2.AsyncClient``."""

    def __init__(self, client: Any) -> None:
        self._httpx2 = _httpx2()
        self.client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            outgoing = _outgoing(self._httpx2, request, await request.aread())
            answer = await self.client.send(outgoing, stream=True)
        except Exception as exc:
            mapped = _translated(exc, request)
            if mapped is None:
                raise
            raise mapped from exc
        return _incoming(answer, request, _AsyncBody(answer, request))

    async def aclose(self) -> None:
        await self.client.aclose()


def _defaults(kwargs: dict[str, Any]) -> dict[str, Any]:
    httpx2 = _httpx2()
    timeout = DEFAULT_TIMEOUT
    limits = DEFAULT_CONNECTION_LIMITS
    kwargs.setdefault("timeout", httpx2.Timeout(timeout.read, connect=timeout.connect))
    kwargs.setdefault(
        "limits",
        httpx2.Limits(
            max_connections=limits.max_connections, max_keepalive_connections=limits.max_keepalive_connections
        ),
    )
    kwargs.setdefault("follow_redirects", True)
    return kwargs


def _client_class(asynchronous: bool) -> type:
    """The ``httpx2`` client class with this package's defaults, made once httpx2 is first wanted."""
    name = "DefaultAsyncHttpx2Client" if asynchronous else "DefaultHttpx2Client"
    made = _MADE.get(name)
    if made is None:
        httpx2 = _httpx2()
        base = httpx2.AsyncClient if asynchronous else httpx2.Client

        def __init__(self: Any, **kwargs: Any) -> None:
            base.__init__(self, **_defaults(kwargs))

        made = type(name, (base,), {"__init__": __init__, "__module__": __name__, "__doc__": _DOCS[asynchronous]})
        _MADE[name] = made
    return made


_MADE: dict[str, type] = {}
_DOCS = {
    False: "An ``httpx2.Client`` with this package's default timeout, limits and redirect handling.",
    True: "An ``httpx2.AsyncClient`` with this package's default timeout, limits and redirect handling.",
}


class _LazyHttpx2Class(type):
    # `DefaultHttpx2Client(...)` and `isinstance(x, DefaultHttpx2Client)` work as with the real
    # class, which is only made (and httpx2 only imported) when one of them is first used.
    _asynchronous: bool

    def __call__(cls, **kwargs: Any) -> Any:
        return _client_class(cls._asynchronous)(**kwargs)

    def __instancecheck__(cls, instance: object) -> bool:
        return isinstance(instance, _client_class(cls._asynchronous))


class DefaultHttpx2Client(metaclass=_LazyHttpx2Class):
    """An ``httpx2.Client`` with this package's default timeout, limits and redirect handling
    (needs the httpx2 package; a clear ImportError says so when it is missing)."""

    _asynchronous = False


class DefaultAsyncHttpx2Client(metaclass=_LazyHttpx2Class):
    """An ``httpx2.AsyncClient`` with this package's default timeout, limits and redirect handling
    (needs the httpx2 package; a clear ImportError says so when it is missing)."""

    _asynchronous = True

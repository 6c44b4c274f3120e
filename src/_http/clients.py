"""The httpx clients the API client uses by default, with its timeout and connection limits.

Pass one as ``http_client=`` to change proxies, transports or limits while keeping the defaults
you do not change. ``DefaultAioHttpClient`` lives in ``aiohttp_client.py`` so that importing
this module never loads aiohttp.

Unless told otherwise, both clients send through this package's own HTTP/1.1 transports
(``asyncio_transport.py``, ``socket_transport.py``), which stay fast where httpx's pool slows
down. Whenever httpx's own transport is needed instead (a proxy, HTTP/2, a transport or mounts of
the caller's), :func:`fast_transport_allowed` says so and httpx is left to choose, as it would.
``http_transport="httpx"`` (or ``OPENAI_TWIN_HTTP_TRANSPORT=httpx`` in the environment) asks for
httpx's own transport outright.
"""

from __future__ import annotations

import os
import urllib.request
from typing import Any, Callable, Literal, Mapping, Optional

import httpx

from .._constants import DEFAULT_CONNECTION_LIMITS, DEFAULT_TIMEOUT

# The httpx2 pair lives with its bridge; it is named here beside the httpx pair (httpx2 itself
# is only imported when one is made).
from .httpx2_bridge import DefaultAsyncHttpx2Client, DefaultHttpx2Client, adopt_httpx2_options

__all__ = [
    "DefaultAsyncHttpx2Client",
    "CredentialsStayWithTheirOrigin",
    "DefaultAsyncHttpxClient",
    "DefaultHttpx2Client",
    "DefaultHttpxClient",
    "HTTP_TRANSPORT_ENV",
    "HttpTransportChoice",
    "chosen_http_transport",
    "fast_transport_allowed",
    "skip_cookie_work_without_cookies",
    "with_defaults",
    "with_own_transport",
]


class _ResponseCookies(httpx.Cookies):
    """A cookie jar that only does its (costly) parsing when a response actually sets a cookie.

    httpx runs every response through the standard library's cookie machinery, which rebuilds
    the request's headers as a dict on each call; with the dozen headers an API call carries,
    that was a large share of the client's per-request cost. Responses without ``Set-Cookie``
    have nothing to extract, so they skip it; the jar's contents are the same either way.
    """

    def extract_cookies(self, response: httpx.Response) -> None:
        if any(name.lower() == b"set-cookie" for name, _ in response.headers.raw):
            super().extract_cookies(response)


# Credential headers httpx does not know about; it drops only Authorization on a redirect.
_CREDENTIAL_HEADERS = ("api-key",)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin(url: httpx.URL) -> tuple[str, str, Any]:
    return (url.scheme, url.host, url.port or _DEFAULT_PORTS.get(url.scheme))


class CredentialsStayWithTheirOrigin:
    """Mixed into an httpx client: a redirect to another origin drops Azure's ``api-key`` as httpx
    drops ``Authorization`` (kept, as that is, only for a plain upgrade from http to https)."""

    def _redirect_headers(self, request: httpx.Request, url: httpx.URL, method: str) -> httpx.Headers:
        headers: httpx.Headers = super()._redirect_headers(request, url, method)  # type: ignore[misc]
        source, target = _origin(request.url), _origin(url)
        upgrade = source == ("http", target[1], 80) and target[0] == "https" and target[2] == 443
        if source != target and not upgrade:
            for name in _CREDENTIAL_HEADERS:
                headers.pop(name, None)
        return headers


def skip_cookie_work_without_cookies(client: httpx.Client | httpx.AsyncClient) -> None:
    """Give ``client`` a jar that skips cookie parsing for responses that set none."""
    client._cookies = _ResponseCookies(client._cookies)


def with_defaults(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Fill in the default timeout, connection limits and redirect handling where not given."""
    kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
    kwargs.setdefault("limits", DEFAULT_CONNECTION_LIMITS)
    kwargs.setdefault("follow_redirects", True)
    return kwargs


HttpTransportChoice = Literal["builtin", "httpx"]
"""Which transport a default httpx client sends through: this package's own, or httpx's."""

# Named for this project so that it can never mean something to the official SDK, whose variables
# all start with OPENAI_ and are read by the same programs.
HTTP_TRANSPORT_ENV = "OPENAI_TWIN_HTTP_TRANSPORT"
_TRANSPORT_CHOICES = ("builtin", "httpx")


def chosen_http_transport(explicit: Optional[str]) -> HttpTransportChoice:
    """The transport asked for: ``explicit`` when given, else ``$OPENAI_TWIN_HTTP_TRANSPORT``, else builtin.

    An unknown value, from either, is an error naming where it came from and what is accepted.
    """
    if explicit is not None:
        value, source = explicit, "http_transport"
    else:
        raw = os.environ.get(HTTP_TRANSPORT_ENV, "")
        if not raw.strip():
            return "builtin"
        value, source = raw.strip().lower(), f"the environment variable {HTTP_TRANSPORT_ENV}"
    if value == "builtin":
        return "builtin"
    if value == "httpx":
        return "httpx"
    accepted = " or ".join(repr(choice) for choice in _TRANSPORT_CHOICES)
    raise ValueError(f"{source} must be {accepted}, not {value!r}")


def with_own_transport(
    kwargs: dict[str, Any], transport_class: Callable[..., Any], *, use_own: bool = True
) -> dict[str, Any]:
    """The options of a default client: the defaults filled in, and an instance of ``transport_class``
    (this package's, or aiohttp's) as its transport unless httpx's own is needed or ``use_own`` is False."""
    kwargs = with_defaults(kwargs)
    if use_own and fast_transport_allowed(kwargs):
        kwargs["transport"] = transport_class(
            verify=kwargs.get("verify", True),
            cert=kwargs.get("cert"),
            trust_env=kwargs.get("trust_env", True),
            limits=kwargs["limits"],
        )
    return kwargs


def fast_transport_allowed(options: Mapping[str, Any]) -> bool:
    """Whether a default client made with these ``httpx.Client`` options may use this package's transport.

    Not when the caller passed a transport, a proxy, mounts or an ``app`` (httpx < 0.28), asked
    for HTTP/2 or turned HTTP/1.1 off, or when httpx would route through a proxy named in the
    environment (``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``, read unless ``trust_env=False``).
    Giving httpx a transport would silently switch its environment proxies off, so those cases
    keep httpx's own.
    """
    if any(options.get(name) is not None for name in ("transport", "proxy", "app")) or options.get("mounts"):
        return False
    if options.get("http2") or options.get("http1") is False:
        return False
    return not (options.get("trust_env", True) and _environment_has_proxy())


def _environment_has_proxy() -> bool:
    # The same source httpx reads its environment proxies from, with its rule that NO_PROXY=*
    # turns every proxy off.
    proxies = urllib.request.getproxies()
    if any(host.strip() == "*" for host in proxies.get("no", "").split(",")):
        return False
    return any(proxies.get(scheme) for scheme in ("http", "https", "all"))


class DefaultHttpxClient(CredentialsStayWithTheirOrigin, httpx.Client):
    """An ``httpx.Client`` with this package's default timeout, limits and redirect handling.

    It sends through this package's own HTTP/1.1 transport where httpx would use its default one.
    ``http_transport="httpx"`` keeps httpx's own transport instead; left out, the environment
    variable ``OPENAI_TWIN_HTTP_TRANSPORT`` (``builtin`` or ``httpx``) decides. Every other keyword
    is ``httpx.Client``'s. As with the official SDK's (an httpx2 client), an httpx2 ``transport``,
    ``mounts``, ``timeout`` or ``limits`` may be given; they are used through httpx.
    """

    def __init__(self, *, http_transport: Optional[HttpTransportChoice] = None, **kwargs: Any) -> None:
        from .socket_transport import SocketTransport

        use_own = chosen_http_transport(http_transport) == "builtin"
        super().__init__(
            **with_own_transport(adopt_httpx2_options(kwargs, asynchronous=False), SocketTransport, use_own=use_own)
        )
        skip_cookie_work_without_cookies(self)


class DefaultAsyncHttpxClient(CredentialsStayWithTheirOrigin, httpx.AsyncClient):
    """An ``httpx.AsyncClient`` with this package's default timeout, limits and redirect handling.

    It sends through this package's own asyncio HTTP/1.1 transport where httpx would use its
    default one. ``http_transport="httpx"`` keeps httpx's own transport instead; left out, the
    environment variable ``OPENAI_TWIN_HTTP_TRANSPORT`` (``builtin`` or ``httpx``) decides. Every
    other keyword is ``httpx.AsyncClient``'s. As with the official SDK's (an httpx2 client), an
    httpx2 ``transport``, ``mounts``, ``timeout`` or ``limits`` may be given; they are used through httpx.
    """

    def __init__(self, *, http_transport: Optional[HttpTransportChoice] = None, **kwargs: Any) -> None:
        from .asyncio_transport import AsyncioTransport

        use_own = chosen_http_transport(http_transport) == "builtin"
        super().__init__(
            **with_own_transport(adopt_httpx2_options(kwargs, asynchronous=True), AsyncioTransport, use_own=use_own)
        )
        skip_cookie_work_without_cookies(self)

"""The pair module: the few primitives where the async client and its sync twin truly differ.

Code in ``_async/`` uses the ``async_*`` / ``Async*`` names below; the unasync step renames them
to their ``sync_*`` / ``Sync*`` twins here. Nothing else in ``_async/`` may touch anyio or
asyncio, so every sync/async difference is visible in this one file.
"""

from __future__ import annotations

import inspect
import io
import sys
import time
import weakref
from typing import (
    TYPE_CHECKING,
    Any,
    AsyncIterator,
    Awaitable,
    BinaryIO,
    Callable,
    Generator,
    Generic,
    Mapping,
    Optional,
    Protocol,
    TypeVar,
    Union,
    cast,
)

from typing_extensions import TypeAlias

if TYPE_CHECKING:
    import asyncio

# anyio and asyncio are imported where first needed, so the blocking client never loads them.

_T = TypeVar("_T")
_ItemT = TypeVar("_ItemT")
_PageT = TypeVar("_PageT")

__all__ = [
    "AsyncCall",
    "AsyncLoopGuard",
    "AsyncWebSocket",
    "AsyncWebSocketOpener",
    "SyncWebSocket",
    "SyncWebSocketOpener",
    "SyncLoopGuard",
    "SyncCall",
    "AsyncPaginator",
    "SyncPaginator",
    "async_call_handler",
    "async_close_shielded",
    "async_resolve_key",
    "async_platform_tag",
    "async_read_part",
    "async_sleep",
    "async_ws_close",
    "async_ws_connect",
    "sync_call_handler",
    "sync_close_shielded",
    "sync_platform_tag",
    "sync_read_part",
    "sync_resolve_key",
    "sync_sleep",
    "sync_ws_close",
    "sync_ws_connect",
]

# A call not yet made: awaited by the async twin, called by the sync one.
AsyncCall: TypeAlias = Callable[[], Awaitable[_T]]
SyncCall: TypeAlias = Callable[[], _T]

# What the X-Stainless-Async header says about each twin.
async_platform_tag = "async:asyncio"
sync_platform_tag = "false"


async def async_sleep(seconds: float) -> None:
    """Wait without blocking the event loop (asyncio or trio)."""
    import anyio

    await anyio.sleep(seconds)


def sync_sleep(seconds: float) -> None:
    """Block the calling thread."""
    time.sleep(seconds)


async def async_read_part(reader: BinaryIO, size: int) -> bytes:
    """Read up to ``size`` bytes of a file in a worker thread, so a disk read does not stall the loop."""
    if isinstance(reader, io.BytesIO):  # already in memory: nothing to wait for
        return reader.read(size)
    import anyio.to_thread

    return await anyio.to_thread.run_sync(reader.read, size)


def sync_read_part(reader: BinaryIO, size: int) -> bytes:
    """Read up to ``size`` bytes of a file."""
    return reader.read(size)


class _AsyncClosable(Protocol):
    async def aclose(self) -> None: ...


class _SyncClosable(Protocol):
    def close(self) -> None: ...


async def async_close_shielded(resource: _AsyncClosable) -> None:
    """Close ``resource`` even while the surrounding task is being cancelled.

    Without the shield a cancelled task would skip the close and leak the pooled connection.
    """
    import anyio

    with anyio.CancelScope(shield=True):
        await resource.aclose()


def sync_close_shielded(resource: _SyncClosable) -> None:
    """Close ``resource``; a blocking call has nothing to shield it from."""
    resource.close()


async def async_resolve_key(provider: Callable[[], Union[str, Awaitable[str]]]) -> str:
    """Call an ``api_key`` provider, awaiting it when it is a coroutine function."""
    key = provider()
    if inspect.isawaitable(key):
        key = await key
    return _checked_key(key)


def sync_resolve_key(provider: Callable[[], Union[str, Awaitable[str]]]) -> str:
    """Call an ``api_key`` provider."""
    key = provider()
    if inspect.isawaitable(key):
        raise TypeError("OpenAI() needs an api_key function that returns a str; use AsyncOpenAI for a coroutine")
    return _checked_key(key)


def _checked_key(key: object) -> str:
    if not isinstance(key, str) or not key:
        raise TypeError(f"The api_key function must return a non-empty str, not {type(key).__name__}")
    return key


class AsyncLoopGuard:
    """Lets an async client follow the program from one event loop to the next, one at a time.

    Connections belong to the loop that opened them. When the client's last loop has finished
    (closed, collected, or no longer running, as after ``asyncio.run`` or a library's
    ``run_sync``), its connections are closed where they lie and the call goes on from the new
    loop on fresh ones. While that last loop is still running (another thread's), the client
    cannot be shared with it, and the call is refused with an error that says so.
    """

    def __init__(self, client_name: str, http_client: Any = None) -> None:
        self._client_name = client_name
        self._http_client = http_client
        self._loop: Optional[weakref.ReferenceType[asyncio.AbstractEventLoop]] = None

    def check(self) -> None:
        """Move to the running asyncio loop if the last one finished; raise RuntimeError if it still runs."""
        asyncio = sys.modules.get("asyncio")
        try:
            loop = asyncio.get_running_loop() if asyncio is not None else None
        except RuntimeError:
            loop = None
        if loop is None:  # not asyncio (trio): connections are bound differently there
            return
        last_ref = self._loop
        if last_ref is not None:
            last = last_ref()
            if last is loop:
                return
            self._move(last)
        self._loop = weakref.ref(loop)

    def before_close(self) -> None:
        """Close what a finished loop still holds, so closing from a later loop awaits nothing of it."""
        last_ref = self._loop
        last = last_ref() if last_ref is not None else None
        if last_ref is None or last is self._running_loop():
            return
        from ._http.loop_handoff import LoopBoundError, leave_loop, loop_is_finished

        if loop_is_finished(last) and self._http_client is not None:
            try:
                leave_loop(self._http_client, last)
            except LoopBoundError:  # aiohttp's session: its own close deals with it as before
                pass

    @staticmethod
    def _running_loop() -> Optional[asyncio.AbstractEventLoop]:
        asyncio = sys.modules.get("asyncio")
        try:
            return asyncio.get_running_loop() if asyncio is not None else None
        except RuntimeError:
            return None

    def _move(self, last: Optional[asyncio.AbstractEventLoop]) -> None:
        from ._http.loop_handoff import leave_loop, loop_is_finished

        if not loop_is_finished(last):
            raise RuntimeError(
                f"This {self._client_name} is in use by another event loop that is still running (in another "
                f"thread), which owns its connections. Give each running loop its own {self._client_name}."
            )
        if self._http_client is not None:
            leave_loop(self._http_client, last)


class SyncLoopGuard:
    """The sync twin of :class:`AsyncLoopGuard`: a blocking client works from any thread."""

    def __init__(self, client_name: str, http_client: Any = None) -> None:
        self._client_name = client_name

    def check(self) -> None:
        """Nothing to check."""

    def before_close(self) -> None:
        """Nothing to close ahead."""


class AsyncPaginator(Generic[_ItemT, _PageT]):
    """What an async ``list()`` returns: await it for the first page, or ``async for`` over every item.

    ``async for job in client.fine_tuning.jobs.list(limit=20)`` walks all pages, fetching each as
    the previous one runs out.
    """

    def __init__(self, fetch_first_page: Callable[[], Awaitable[_PageT]]) -> None:
        self._fetch_first_page = fetch_first_page

    def __await__(self) -> Generator[Any, None, _PageT]:
        return self._fetch_first_page().__await__()

    async def __aiter__(self) -> AsyncIterator[_ItemT]:
        page: Any = await self._fetch_first_page()
        async for item in page:
            yield item


# The sync `list()` returns the first page itself. The generator turns the async return type
# `AsyncPaginator[Item, Page]` into plain `Page`, so only this constructor call needs a sync twin.
def SyncPaginator(fetch_first_page: Callable[[], _PageT]) -> _PageT:
    """Fetch and return the first page; iterating it walks every page."""
    return fetch_first_page()


# The websocket pair: the `websockets` package's asyncio client and its blocking client, imported
# on the first connect() so that `import openai` loads neither.


class AsyncWebSocket(Protocol):
    """What a websocket session needs of an open asyncio connection."""

    async def send(self, message: str) -> None: ...

    async def recv(self, decode: Optional[bool] = None) -> Union[str, bytes]: ...

    async def close(self, code: int = 1000, reason: str = "") -> None: ...


class SyncWebSocket(Protocol):
    """What a websocket session needs of an open blocking connection."""

    def send(self, message: str) -> None: ...

    def recv(self, timeout: Optional[float] = None, decode: Optional[bool] = None) -> Union[str, bytes]: ...

    def close(self, code: int = 1000, reason: str = "") -> None: ...


# What reopens a session's websocket, given the query and headers of the next attempt.
AsyncWebSocketOpener: TypeAlias = Callable[[Any, Any], Awaitable[AsyncWebSocket]]
SyncWebSocketOpener: TypeAlias = Callable[[Any, Any], SyncWebSocket]


async def async_ws_connect(url: str, *, headers: Mapping[str, str], options: Mapping[str, Any]) -> AsyncWebSocket:
    """Open a websocket with the ``websockets`` asyncio client; the handshake carries ``headers``."""
    import asyncio

    from ._websocket import handshake_logger, missing_websockets_error

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        raise RuntimeError(
            "AsyncOpenAI's websocket sessions run on asyncio (websockets has no trio client); "
            "use OpenAI's connect() in a worker thread there"
        ) from None
    try:
        from websockets.asyncio.client import connect
    except ImportError as exc:
        raise missing_websockets_error() from exc
    extra = {name: value for name, value in headers.items() if name.lower() != "user-agent"}
    user_agent = next((value for name, value in headers.items() if name.lower() == "user-agent"), None)
    options = {"logger": handshake_logger(), **options}
    socket = await connect(url, additional_headers=extra, user_agent_header=user_agent, **options)
    return cast(AsyncWebSocket, socket)


def sync_ws_connect(url: str, *, headers: Mapping[str, str], options: Mapping[str, Any]) -> SyncWebSocket:
    """Open a websocket with the ``websockets`` blocking client; the handshake carries ``headers``."""
    from ._websocket import handshake_logger, missing_websockets_error

    try:
        from websockets.sync.client import connect
    except ImportError as exc:
        raise missing_websockets_error() from exc
    extra = {name: value for name, value in headers.items() if name.lower() != "user-agent"}
    user_agent = next((value for name, value in headers.items() if name.lower() == "user-agent"), None)
    options = {"logger": handshake_logger(), **options}
    socket = connect(url, additional_headers=extra, user_agent_header=user_agent, **options)
    # Entering it is how websockets >= 17.1 is told the caller owns the connection (no deprecation
    # warning), and it returns the connection itself on every supported release; the session closes it.
    return cast(SyncWebSocket, socket.__enter__())


async def async_ws_close(socket: AsyncWebSocket, code: int = 1000, reason: str = "") -> None:
    """Close a websocket even while the surrounding task is being cancelled, so no socket is left open."""
    import anyio

    with anyio.CancelScope(shield=True):
        await socket.close(code, reason)


def sync_ws_close(socket: SyncWebSocket, code: int = 1000, reason: str = "") -> None:
    """Close a websocket."""
    socket.close(code, reason)


async def async_call_handler(handler: Callable[..., Any], event: object) -> None:
    """Call an event handler, awaiting it when it is a coroutine function."""
    result = handler(event)
    if inspect.isawaitable(result):
        await result


def sync_call_handler(handler: Callable[..., Any], event: object) -> None:
    """Call an event handler."""
    result = handler(event)
    if inspect.isawaitable(result):
        close = getattr(result, "close", None)
        if close is not None:
            close()  # never awaited: closing it spares a "never awaited" warning
        raise TypeError("OpenAI connections call plain functions; use AsyncOpenAI for a coroutine handler")

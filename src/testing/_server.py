"""The server's lifecycle: an asyncio loop in a background thread, started and stopped from any thread."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from types import TracebackType
from typing import TYPE_CHECKING, Iterator, List, Optional, Type

from ._app import App
from ._batches import BatchSettings
from ._connection import Connection, ConnectionSet
from ._http import ReceivedRequest

if TYPE_CHECKING:
    from ._rate_limits import RateLimits

__all__ = ["LoopbackServer", "loopback_server"]

_START_TIMEOUT = 10.0
_STOP_TIMEOUT = 10.0
_SETTLE_TURNS = 1000


class LoopbackServer:
    """An OpenAI-compatible HTTP/1.1 server on a loopback port, for tests, demos and benchmarks.

    Answers are deterministic (chat replies echo the last user message, embeddings are
    derived from the input), streams are real server-sent events over chunked HTTP, and
    the ``x-loopback-scenario`` request header provokes faults: error statuses with
    retry headers, stalls, resets, broken streams.

    ``port=0`` picks a free port. ``api_key``, when set, is the only key accepted;
    otherwise any ``Authorization: Bearer`` token is. ``record_limit`` bounds how many
    requests :attr:`requests` keeps (``None``: all of them). ``rate_limits`` (a
    :class:`openai.testing.RateLimits`) sends the API's rate-limit headers and 429s. ``batches`` sets
    how ``/v1/batches`` behave: phase durations, the clock they follow, the per-batch limits (see
    :class:`openai.testing.BatchSettings`).

    Use it as a context manager, or call :meth:`start` and :meth:`stop`.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        api_key: Optional[str] = None,
        record_limit: Optional[int] = 10_000,
        rate_limits: Optional[RateLimits] = None,
        batches: Optional[BatchSettings] = None,
    ) -> None:
        self._host = host
        self._requested_port = port
        self._app = App(api_key=api_key, record_limit=record_limit, rate_limits=rate_limits)
        self._app.store.batch_settings = batches
        self._lock = threading.Lock()
        self._thread: Optional[threading.Thread] = None
        self._ready = threading.Event()
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._stop_requested: Optional[asyncio.Event] = None
        self._startup_error: Optional[BaseException] = None
        self._port: Optional[int] = None
        self._stopped = False

    def __repr__(self) -> str:
        where = f"http://{self._netloc()}" if self._port is not None else "not started"
        return f"<LoopbackServer {where}{' stopped' if self._stopped else ''}>"

    # Lifecycle

    def start(self) -> LoopbackServer:
        """Bind and start serving; returns once the port accepts connections. A second call does nothing."""
        with self._lock:
            if self._stopped:
                raise RuntimeError("a stopped LoopbackServer cannot be started again; create a new one")
            if self._thread is not None:
                return self
            thread = threading.Thread(target=self._run, name="openai-loopback-server", daemon=True)
            self._thread = thread
            thread.start()
            if not self._ready.wait(_START_TIMEOUT):
                raise RuntimeError("the loopback server did not start in time")
            if self._startup_error is not None:
                thread.join(_STOP_TIMEOUT)
                self._stopped = True
                raise self._startup_error
            return self

    def stop(self) -> None:
        """Close the listening socket and every connection, then join the thread. Safe to call twice."""
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
            thread, loop, stop_requested = self._thread, self._loop, self._stop_requested
            if thread is None:
                return
            if loop is not None and stop_requested is not None and not loop.is_closed():
                with contextlib.suppress(RuntimeError):  # the loop may have closed in between
                    loop.call_soon_threadsafe(stop_requested.set)
            thread.join(_STOP_TIMEOUT)
            if thread.is_alive():
                raise RuntimeError("the loopback server thread did not stop in time")

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        self.stop()

    # What tests look at

    @property
    def host(self) -> str:
        """The address the server listens on."""
        return self._host

    @property
    def port(self) -> int:
        """The bound port (known once started)."""
        if self._port is None:
            raise RuntimeError("the loopback server has not been started")
        return self._port

    @property
    def base_url(self) -> str:
        """The API root to give a client, e.g. ``http://127.0.0.1:8123/v1``."""
        return f"http://{self._netloc()}/v1"

    @property
    def rate_limits(self) -> Optional[RateLimits]:
        """The rate limits the server enforces, if any (their ``events`` say what was admitted)."""
        return self._app.rate_limits

    @property
    def requests(self) -> List[ReceivedRequest]:
        """A snapshot of the requests received so far, oldest first (from any thread)."""
        return self._app.log.snapshot()

    def wait_for_requests(self, count: int = 1, timeout: Optional[float] = 5.0) -> bool:
        """Block until ``count`` requests have arrived (since the start or the last :meth:`clear`);
        False if ``timeout`` seconds passed first. A request counts once its head and body are in,
        before any fault or stall of its scenario, so a test can act on a request the server holds.

        It blocks its thread: from async code, ``await asyncio.to_thread(server.wait_for_requests)``.
        """
        return self._app.log.wait_for(count, timeout)

    def clear(self) -> None:
        """Forget the recorded requests and the ``times=`` scenario counts; stored objects stay."""
        self._app.log.clear()
        self._app.counter.clear()

    def _netloc(self) -> str:
        host = f"[{self._host}]" if ":" in self._host else self._host
        return f"{host}:{self.port}"

    # The server thread

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(self._serve(loop))
        except BaseException as error:
            self._startup_error = error
        finally:
            try:
                loop.run_until_complete(loop.shutdown_asyncgens())
            finally:
                loop.close()
                self._ready.set()

    async def _serve(self, loop: asyncio.AbstractEventLoop) -> None:
        live = ConnectionSet()
        stop_requested = asyncio.Event()
        server = await loop.create_server(lambda: Connection(self._app, live), self._host, self._requested_port)
        try:
            self._port = server.sockets[0].getsockname()[1]
            self._loop = loop
            self._stop_requested = stop_requested
            self._ready.set()
            await stop_requested.wait()
        finally:
            live.close_all()
            await _settle(live)
            # No await between settling and closing, so no accept can start in between: an accept
            # still being set up when the listener closes would leak its socket (CPython asserts
            # in Server._attach and drops the half-made transport).
            server.close()
            await server.wait_closed()


async def _settle(live: ConnectionSet) -> None:
    """Run the loop until every connection has closed its socket and no other task is left.

    Aborting only schedules ``connection_lost`` (which closes the socket), and a connection
    accepted a moment ago is still being set up by a task; both need a few more turns of the
    loop. Stragglers are cancelled halfway so the wait stays bounded.
    """
    current = asyncio.current_task()
    for turn in range(_SETTLE_TURNS):
        live.close_all()
        pending = [task for task in asyncio.all_tasks() if task is not current]
        if not live and not pending:
            return
        if turn == _SETTLE_TURNS // 2:
            for task in pending:
                task.cancel()
        await asyncio.sleep(0)


@contextlib.contextmanager
def loopback_server(
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    api_key: Optional[str] = None,
    record_limit: Optional[int] = 10_000,
    rate_limits: Optional[RateLimits] = None,
    batches: Optional[BatchSettings] = None,
) -> Iterator[LoopbackServer]:
    """A started :class:`LoopbackServer` for the ``with`` block (e.g. inside a pytest fixture)."""
    server = LoopbackServer(
        host, port, api_key=api_key, record_limit=record_limit, rate_limits=rate_limits, batches=batches
    )
    with server:
        yield server

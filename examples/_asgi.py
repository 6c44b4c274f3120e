"""Run an ASGI app's lifespan in-process, as a server would, for the web-framework examples.

``httpx.ASGITransport`` sends requests only, never the lifespan events that make an app open
and close what it shares (here: the OpenAI client), so the examples drive those themselves.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any, AsyncIterator, Awaitable, Callable, Dict

Message = Dict[str, Any]
ASGIApp = Callable[[Dict[str, Any], Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Any]

_STEP_TIMEOUT = 30.0


@contextlib.asynccontextmanager
async def lifespan(app: ASGIApp) -> AsyncIterator[None]:
    """Send ``lifespan.startup`` on entry and ``lifespan.shutdown`` on exit; raise if either fails."""
    to_app: asyncio.Queue[Message] = asyncio.Queue()
    from_app: asyncio.Queue[Message] = asyncio.Queue()
    scope = {"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}
    task = asyncio.ensure_future(app(scope, to_app.get, from_app.put))
    try:
        await _step(to_app, from_app, "startup")
        yield
        await _step(to_app, from_app, "shutdown")
        await asyncio.wait_for(task, _STEP_TIMEOUT)
    finally:
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def _step(to_app: asyncio.Queue[Message], from_app: asyncio.Queue[Message], phase: str) -> None:
    await to_app.put({"type": f"lifespan.{phase}"})
    reply = await asyncio.wait_for(from_app.get(), _STEP_TIMEOUT)
    if reply["type"] != f"lifespan.{phase}.complete":
        raise RuntimeError(f"the app's lifespan {phase} failed: {reply.get('message', reply['type'])}")

"""Error handling: ``APIConnectionError``, ``RateLimitError`` and ``APIStatusError``.

- No server listening: ``APIConnectionError`` (``max_retries=0`` so it fails at once).
- A 429: ``RateLimitError``, raised once the client's retries are used up.
- Any other error status: an ``APIStatusError`` subclass, here ``NotFoundError`` for a 404.

The 429 is provoked only against the loopback test server (``OPENAI_TWIN_LOOPBACK=1``), which
fails a request on demand when it carries the ``x-loopback-scenario`` header.
"""

import asyncio
import os
import socket

from openai import APIConnectionError, APIStatusError, AsyncOpenAI, RateLimitError

MODEL = "gpt-4o-mini"
ON_LOOPBACK = os.environ.get("OPENAI_TWIN_LOOPBACK") == "1"


def closed_port() -> int:
    """A local port nothing listens on: bind one, then let it go."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def connection_error() -> None:
    """Point a client at a closed port."""
    async with AsyncOpenAI(base_url=f"http://127.0.0.1:{closed_port()}/v1", max_retries=0) as client:
        try:
            await client.models.list()
        except APIConnectionError as error:
            print(f"{type(error).__name__}: {error.message} ({error.__cause__!r})")


async def rate_limit(client: AsyncOpenAI) -> None:
    """Ask the loopback server for a 429 with a short retry-after, so the retries are quick."""
    if not ON_LOOPBACK:
        print("RateLimitError: not provoked (needs the loopback server)")
        return
    try:
        await client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": "hi"}],
            extra_headers={"x-loopback-scenario": "status=429;retry-after-ms=10"},
        )
    except RateLimitError as error:
        print(f"{type(error).__name__}: status {error.status_code} after {client.max_retries} retries")


async def status_error(client: AsyncOpenAI) -> None:
    """Retrieve a model that does not exist; catch the base class of every error status."""
    try:
        await client.models.retrieve("no-such-model")
    except APIStatusError as error:
        print(f"{type(error).__name__} (an APIStatusError): status {error.status_code}")


async def main() -> None:
    """Provoke each error in turn and print what was caught."""
    await connection_error()
    async with AsyncOpenAI() as client:
        await rate_limit(client)
        await status_error(client)


if __name__ == "__main__":
    asyncio.run(main())

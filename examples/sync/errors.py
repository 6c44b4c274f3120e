"""Error handling: ``APIConnectionError``, ``RateLimitError`` and ``APIStatusError``.

The sync twin of ``examples/async_/errors.py``; the same exceptions, raised by ``OpenAI``.
The 429 is provoked only against the loopback test server (``OPENAI_TWIN_LOOPBACK=1``), which
fails a request on demand when it carries the ``x-loopback-scenario`` header.
"""

import os
import socket

from openai import APIConnectionError, APIStatusError, OpenAI, RateLimitError

MODEL = "gpt-4o-mini"
ON_LOOPBACK = os.environ.get("OPENAI_TWIN_LOOPBACK") == "1"


def closed_port() -> int:
    """A local port nothing listens on: bind one, then let it go."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def connection_error() -> None:
    """Point a client at a closed port."""
    with OpenAI(base_url=f"http://127.0.0.1:{closed_port()}/v1", max_retries=0) as client:
        try:
            client.models.list()
        except APIConnectionError as error:
            print(f"{type(error).__name__}: {error.message} ({error.__cause__!r})")


def rate_limit(client: OpenAI) -> None:
    """Ask the loopback server for a 429 with a short retry-after, so the retries are quick."""
    if not ON_LOOPBACK:
        print("RateLimitError: not provoked (needs the loopback server)")
        return
    try:
        client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": "hi"}],
            extra_headers={"x-loopback-scenario": "status=429;retry-after-ms=10"},
        )
    except RateLimitError as error:
        print(f"{type(error).__name__}: status {error.status_code} after {client.max_retries} retries")


def status_error(client: OpenAI) -> None:
    """Retrieve a model that does not exist; catch the base class of every error status."""
    try:
        client.models.retrieve("no-such-model")
    except APIStatusError as error:
        print(f"{type(error).__name__} (an APIStatusError): status {error.status_code}")


def main() -> None:
    """Provoke each error in turn and print what was caught."""
    connection_error()
    with OpenAI() as client:
        rate_limit(client)
        status_error(client)


if __name__ == "__main__":
    main()

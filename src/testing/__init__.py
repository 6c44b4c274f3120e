"""A loopback OpenAI-compatible server for tests, examples and benchmarks.

    from openai.testing import loopback_server

    with loopback_server() as server:
        client = OpenAI(base_url=server.base_url, api_key="test")
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
        assert server.requests[-1].path == "/v1/chat/completions"

Or from a shell: ``python -m openai.testing --port 8123`` prints the base URL and serves until
interrupted. Faults are chosen per request with the ``x-loopback-scenario`` header; see
``openai.testing._scenarios`` for the grammar. A refused connection needs no server:
``refusing_base_url()`` gives an API root whose port refuses every connection.
``LoopbackServer(rate_limits=RateLimits(requests_per_minute=..., tokens_per_minute=...))`` adds the
API's rate-limit headers and 429s. Batches follow the clock, phase durations and per-batch limits of
``LoopbackServer(batches=BatchSettings(...))``; a :class:`ManualClock` lets a test move time on without
sleeping. Standard library only, except ``loopback_websocket_server()`` (scripted Realtime and
Responses websocket sessions, see ``openai.testing._websocket``), which needs the ``realtime`` extra
when started.
"""

from ._batches import BatchSettings, ManualClock
from ._http import ReceivedRequest
from ._rate_limits import RateLimits
from ._refuse import refusing_base_url
from ._scenarios import KEY_HEADER, SCENARIO_HEADER
from ._server import LoopbackServer, loopback_server
from ._websocket import LoopbackWebSocketServer, ReceivedHandshake, loopback_websocket_server

__all__ = [
    "KEY_HEADER",
    "SCENARIO_HEADER",
    "BatchSettings",
    "LoopbackServer",
    "LoopbackWebSocketServer",
    "ReceivedHandshake",
    "ManualClock",
    "RateLimits",
    "ReceivedRequest",
    "loopback_server",
    "loopback_websocket_server",
    "refusing_base_url",
]

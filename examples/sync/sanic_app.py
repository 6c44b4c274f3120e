"""A Sanic app whose ``POST /chat`` handler calls one shared ``OpenAI`` via ``asyncio.to_thread``.

The sync twin of ``examples/async_/sanic_app.py``. Sanic handlers are coroutines, so the
blocking client runs in a worker thread and the event loop keeps serving other requests.
The script drives the app in-process with ``httpx.ASGITransport``.
"""

import asyncio

import httpx
from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, json

from examples._asgi import lifespan
from openai import OpenAI

MODEL = "gpt-4o-mini"

# Sanic keeps a registry of apps by name, so each app needs its own.
app = Sanic("openai_sync_example", configure_logging=False)
app.config.MOTD = False


@app.before_server_start
async def open_client(app: Sanic) -> None:
    """Create the one client every request shares."""
    app.ctx.openai = OpenAI()


@app.after_server_stop
async def close_client(app: Sanic) -> None:
    """Close the shared client's connection pool."""
    app.ctx.openai.close()


@app.post("/chat")
async def chat(request: Request) -> HTTPResponse:
    """Forward the posted message to the model, from a worker thread, and return its answer."""
    client: OpenAI = request.app.ctx.openai
    completion = await asyncio.to_thread(
        client.chat.completions.create,
        model=MODEL,
        messages=[{"role": "user", "content": request.json["message"]}],
    )
    return json({"reply": completion.choices[0].message.content or ""})


async def post_one(message: str) -> httpx.Response:
    """Start the app, post ``message`` to ``/chat``, stop the app."""
    async with lifespan(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://app.local") as http:
            return await http.post("/chat", json={"message": message})


def main() -> None:
    """Run one request through the app and print the answer."""
    # Sanic itself needs an event loop; only the OpenAI calls are blocking here.
    response = asyncio.run(post_one("Hello from Sanic"))
    response.raise_for_status()
    print("POST /chat ->", response.status_code)
    print("reply:", response.json()["reply"])


if __name__ == "__main__":
    main()

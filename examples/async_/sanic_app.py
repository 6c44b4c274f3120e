"""A Sanic app whose ``POST /chat`` handler awaits one shared ``AsyncOpenAI``.

Listeners open the client before the server starts and close it after it stops. Sanic apps
are ASGI apps, so the script runs a request through it in-process with
``httpx.ASGITransport``; serve it for real with ``sanic examples.async_.sanic_app:app``.
"""

import asyncio

import httpx
from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, json

from examples._asgi import lifespan
from openai import AsyncOpenAI

MODEL = "gpt-4o-mini"

# Sanic keeps a registry of apps by name, so each app needs its own.
app = Sanic("openai_async_example", configure_logging=False)
app.config.MOTD = False


@app.before_server_start
async def open_client(app: Sanic) -> None:
    """Create the one client every request shares."""
    app.ctx.openai = AsyncOpenAI()


@app.after_server_stop
async def close_client(app: Sanic) -> None:
    """Close the shared client's connection pool."""
    await app.ctx.openai.close()


@app.post("/chat")
async def chat(request: Request) -> HTTPResponse:
    """Forward the posted message to the model and return its answer."""
    client: AsyncOpenAI = request.app.ctx.openai
    completion = await client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": request.json["message"]}],
    )
    return json({"reply": completion.choices[0].message.content or ""})


async def main() -> None:
    """Start the app in-process, post one message to ``/chat`` and print the answer."""
    async with lifespan(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://app.local") as http:
            response = await http.post("/chat", json={"message": "Hello from Sanic"})
    response.raise_for_status()
    print("POST /chat ->", response.status_code)
    print("reply:", response.json()["reply"])


if __name__ == "__main__":
    asyncio.run(main())

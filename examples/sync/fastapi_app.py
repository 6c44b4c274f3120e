"""A FastAPI app whose ``POST /chat`` handler is a plain ``def`` calling one shared ``OpenAI``.

The sync twin of ``examples/async_/fastapi_app.py``. FastAPI runs ``def`` endpoints in a
thread pool, so the blocking call does not stall the event loop. The script runs a request
through the app in-process with ``httpx.ASGITransport``; serve it for real with
``uvicorn examples.sync.fastapi_app:app``.
"""

import asyncio
from contextlib import asynccontextmanager
from typing import AsyncIterator

import httpx
from fastapi import FastAPI, Request
from pydantic import BaseModel

from openai import OpenAI

MODEL = "gpt-4o-mini"


class ChatRequest(BaseModel):
    """What a caller posts to ``/chat``."""

    message: str


class ChatReply(BaseModel):
    """What ``/chat`` answers."""

    reply: str


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Open the shared client when the app starts and close it when the app stops."""
    with OpenAI() as client:
        app.state.openai = client
        yield


app = FastAPI(lifespan=lifespan)


@app.post("/chat")
def chat(body: ChatRequest, request: Request) -> ChatReply:
    """Forward the message to the model and return its answer."""
    client: OpenAI = request.app.state.openai
    completion = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": body.message}],
    )
    return ChatReply(reply=completion.choices[0].message.content or "")


async def post_one(message: str) -> httpx.Response:
    """Start the app, post ``message`` to ``/chat``, stop the app."""
    # ASGITransport sends no lifespan events, so run the lifespan here as a server would.
    async with lifespan(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://app.local") as http:
            return await http.post("/chat", json={"message": message})


def main() -> None:
    """Run one request through the app and print the answer."""
    # The ASGI app needs an event loop; only the OpenAI call in the endpoint is blocking.
    response = asyncio.run(post_one("Hello from FastAPI"))
    response.raise_for_status()
    print("POST /chat ->", response.status_code)
    print("reply:", response.json()["reply"])


if __name__ == "__main__":
    main()

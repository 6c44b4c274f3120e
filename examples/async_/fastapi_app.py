"""A FastAPI app whose ``POST /chat`` handler awaits one shared ``AsyncOpenAI``.

The client is opened and closed by the app's lifespan, so every request reuses one connection
pool. The script runs a request through the app in-process with ``httpx.ASGITransport``;
serve it for real with ``uvicorn examples.async_.fastapi_app:app``.
"""

import asyncio
from contextlib import asynccontextmanager
from typing import AsyncIterator

import httpx
from fastapi import FastAPI, Request
from pydantic import BaseModel

from openai import AsyncOpenAI

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
    async with AsyncOpenAI() as client:
        app.state.openai = client
        yield


app = FastAPI(lifespan=lifespan)


@app.post("/chat")
async def chat(body: ChatRequest, request: Request) -> ChatReply:
    """Forward the message to the model and return its answer."""
    client: AsyncOpenAI = request.app.state.openai
    completion = await client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": body.message}],
    )
    return ChatReply(reply=completion.choices[0].message.content or "")


async def main() -> None:
    """Start the app in-process, post one message to ``/chat`` and print the answer."""
    # ASGITransport sends no lifespan events, so run the lifespan here as a server would.
    async with lifespan(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://app.local") as http:
            response = await http.post("/chat", json={"message": "Hello from FastAPI"})
    response.raise_for_status()
    print("POST /chat ->", response.status_code)
    print("reply:", response.json()["reply"])


if __name__ == "__main__":
    asyncio.run(main())

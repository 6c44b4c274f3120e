"""Concurrent requests with ``asyncio.gather``: five prompts in flight at once on one client.

One ``AsyncOpenAI`` shares its connection pool between all of them; results come back in
the order the prompts were given, whatever order the answers arrive in.
"""

import asyncio
import time

from openai import AsyncOpenAI

MODEL = "gpt-4o-mini"
PROMPTS = [
    "Name a prime number.",
    "Name a colour.",
    "Name a planet.",
    "Name a river.",
    "Name a metal.",
]


async def ask(client: AsyncOpenAI, prompt: str) -> str:
    """One short completion."""
    completion = await client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": prompt}],
        max_completion_tokens=20,
    )
    return completion.choices[0].message.content or ""


async def main() -> None:
    """Send every prompt at once and print the answers in prompt order."""
    async with AsyncOpenAI() as client:
        started = time.perf_counter()
        replies = await asyncio.gather(*(ask(client, prompt) for prompt in PROMPTS))
        elapsed = time.perf_counter() - started
    for prompt, reply in zip(PROMPTS, replies):
        print(f"{prompt} -> {reply}")
    print(f"{len(replies)} replies concurrently in {elapsed:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())

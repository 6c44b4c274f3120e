"""Concurrent requests from threads: five prompts in flight at once on one ``OpenAI`` client.

The sync twin of ``examples/async_/gather.py``: ``ThreadPoolExecutor.map`` plays the part of
``asyncio.gather``. The client is safe to share between threads, and ``map`` returns the
results in prompt order.
"""

import time
from concurrent.futures import ThreadPoolExecutor

from openai import OpenAI

MODEL = "gpt-4o-mini"
PROMPTS = [
    "Name a prime number.",
    "Name a colour.",
    "Name a planet.",
    "Name a river.",
    "Name a metal.",
]


def ask(client: OpenAI, prompt: str) -> str:
    """One short completion."""
    completion = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": prompt}],
        max_completion_tokens=20,
    )
    return completion.choices[0].message.content or ""


def main() -> None:
    """Send every prompt at once and print the answers in prompt order."""
    with OpenAI() as client, ThreadPoolExecutor(max_workers=len(PROMPTS)) as pool:
        started = time.perf_counter()
        replies = list(pool.map(lambda prompt: ask(client, prompt), PROMPTS))
        elapsed = time.perf_counter() - started
    for prompt, reply in zip(PROMPTS, replies):
        print(f"{prompt} -> {reply}")
    print(f"{len(replies)} replies concurrently in {elapsed:.2f} s")


if __name__ == "__main__":
    main()

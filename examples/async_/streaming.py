"""Streaming with ``stream=True``: print each delta as it arrives, with ``async for``.

The stream is also an async context manager: leaving the ``async with`` block releases the
connection even when the loop stops early.
"""

import asyncio

from openai import AsyncOpenAI

MODEL = "gpt-4o-mini"


async def main() -> None:
    """Stream one answer to stdout, then report how many chunks carried text."""
    async with AsyncOpenAI() as client:
        stream = await client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": "Count from one to five in words."}],
            stream=True,
        )
        chunks = 0
        async with stream:
            async for chunk in stream:
                delta = chunk.choices[0].delta.content if chunk.choices else None
                if delta:
                    chunks += 1
                    print(delta, end="", flush=True)
    print()
    print(f"streamed {chunks} chunks")


if __name__ == "__main__":
    asyncio.run(main())

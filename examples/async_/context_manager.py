"""``async with AsyncOpenAI() as client``: the connection pool is closed when the block ends.

Prefer this (or an explicit ``await client.close()``) in scripts and tests, so no connection
outlives the event loop that opened it.
"""

import asyncio

from openai import AsyncOpenAI

MODEL = "gpt-4o-mini"


async def main() -> None:
    """Make a call inside the block and show the client's state on both sides of it."""
    async with AsyncOpenAI() as client:
        completion = await client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": "Reply with the word ready."}],
        )
        print("reply:", completion.choices[0].message.content)
        print("closed inside the block:", client.is_closed())
    print("closed after the block:", client.is_closed())


if __name__ == "__main__":
    asyncio.run(main())

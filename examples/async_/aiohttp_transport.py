"""The aiohttp transport: ``AsyncOpenAI(http_client=DefaultAioHttpClient())``.

Every call and stream goes over aiohttp instead of httpx's own pool, which holds up better
under high concurrency. It needs the extra's packages: ``pip install aiohttp httpx-aiohttp``.
"""

import asyncio

from openai import AsyncOpenAI, DefaultAioHttpClient

MODEL = "gpt-4o-mini"


async def main() -> None:
    """One plain call and one stream over aiohttp."""
    async with AsyncOpenAI(http_client=DefaultAioHttpClient()) as client:
        completion = await client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": "Hello over aiohttp"}],
        )
        print("reply:", completion.choices[0].message.content)

        stream = await client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": "Stream over aiohttp"}],
            stream=True,
        )
        pieces = []
        async with stream:
            async for chunk in stream:
                if chunk.choices and chunk.choices[0].delta.content:
                    pieces.append(chunk.choices[0].delta.content)
        print("streamed:", "".join(pieces))


if __name__ == "__main__":
    asyncio.run(main())

"""One chat completion with ``AsyncOpenAI``: create the client, await the call, read the reply.

The client reads ``OPENAI_API_KEY`` and ``OPENAI_BASE_URL`` from the environment.
"""

import asyncio

from openai import AsyncOpenAI

MODEL = "gpt-4o-mini"


async def main() -> None:
    """Ask one question and print the answer and the token usage."""
    client = AsyncOpenAI()
    try:
        completion = await client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": "Say hello in one short sentence."}],
        )
    finally:
        await client.close()
    print("reply:", completion.choices[0].message.content)
    if completion.usage is not None:
        print("tokens:", completion.usage.total_tokens)


if __name__ == "__main__":
    asyncio.run(main())

"""A client-side rate limiter: ``asyncio.Semaphore(3)`` lets at most three of ten calls run at once.

Every task starts at once and the semaphore queues them; counting the calls in flight shows
the limit holds.
"""

import asyncio

from openai import AsyncOpenAI

MODEL = "gpt-4o-mini"
LIMIT = 3
CALLS = 10


class Limiter:
    """A semaphore that also records the most holders it has had at one time."""

    def __init__(self, limit: int) -> None:
        self._semaphore = asyncio.Semaphore(limit)
        self.in_flight = 0
        self.max_in_flight = 0

    async def __aenter__(self) -> None:
        await self._semaphore.acquire()
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)

    async def __aexit__(self, *exc_info: object) -> None:
        self.in_flight -= 1
        self._semaphore.release()


async def ask(client: AsyncOpenAI, limiter: Limiter, number: int) -> str:
    """One short completion, sent only while holding the limiter."""
    async with limiter:
        completion = await client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": f"Request {number}"}],
            max_completion_tokens=10,
        )
    return completion.choices[0].message.content or ""


async def main() -> None:
    """Run ten calls through the limiter and print the most that were in flight together."""
    limiter = Limiter(LIMIT)
    async with AsyncOpenAI() as client:
        replies = await asyncio.gather(*(ask(client, limiter, number) for number in range(1, CALLS + 1)))
    print(f"{len(replies)} calls done, max in flight: {limiter.max_in_flight} (limit {LIMIT})")
    print("last reply:", replies[-1])


if __name__ == "__main__":
    asyncio.run(main())

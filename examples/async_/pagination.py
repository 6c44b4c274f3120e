"""Auto-pagination: ``async for job in client.fine_tuning.jobs.list(limit=20)`` walks every page.

The async ``list()`` is both awaitable (the first page) and async-iterable (every item, fetching
the next page as needed). ``iter_pages()`` walks page by page instead.
"""

import asyncio

from openai import AsyncOpenAI

PAGE_SIZE = 20
# An account can have many jobs; stop somewhere so the example stays short.
MAX_JOBS = 200


async def main() -> None:
    """Count the jobs item by item, then page by page."""
    async with AsyncOpenAI() as client:
        jobs = 0
        async for _job in client.fine_tuning.jobs.list(limit=PAGE_SIZE):
            jobs += 1
            if jobs >= MAX_JOBS:
                break
        print(f"jobs: {jobs}")

        first_page = await client.fine_tuning.jobs.list(limit=PAGE_SIZE)
        sizes = []
        async for page in first_page.iter_pages():
            sizes.append(len(page.data))
            if sum(sizes) >= MAX_JOBS:
                break
        print(f"pages: {len(sizes)} ({' + '.join(map(str, sizes))} jobs)")


if __name__ == "__main__":
    asyncio.run(main())

"""Structured concurrency with ``asyncio.TaskGroup`` (Python 3.11+).

Unlike ``gather``, a failure in one task cancels the others, and the block does not exit
until every task has finished.
"""

import asyncio
import sys

from openai import AsyncOpenAI

MODEL = "gpt-4o-mini"
TOPICS = ["tea", "rain", "maps"]


async def haiku(client: AsyncOpenAI, topic: str) -> str:
    """One short completion about ``topic``."""
    completion = await client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": f"One line about {topic}."}],
        max_completion_tokens=30,
    )
    return completion.choices[0].message.content or ""


async def main() -> None:
    """Run one task per topic in a task group and print the results in topic order."""
    async with AsyncOpenAI() as client, asyncio.TaskGroup() as group:
        tasks = [group.create_task(haiku(client, topic)) for topic in TOPICS]
    for topic, task in zip(TOPICS, tasks):
        print(f"{topic}: {task.result()}")
    print(f"{len(tasks)} tasks finished")


if __name__ == "__main__":
    if sys.version_info < (3, 11):
        print(f"asyncio.TaskGroup needs Python 3.11+; this is {sys.version.split()[0]}. Skipped.")
    else:
        asyncio.run(main())

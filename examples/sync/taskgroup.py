"""Structured concurrency with threads: a ``ThreadPoolExecutor`` block as the task group.

The sync twin of ``examples/async_/taskgroup.py``. The ``with`` block does not exit until
every submitted call has finished; ``result()`` re-raises a call's exception. Unlike
``asyncio.TaskGroup``, a failure does not stop calls already running.
"""

from concurrent.futures import ThreadPoolExecutor

from openai import OpenAI

MODEL = "gpt-4o-mini"
TOPICS = ["tea", "rain", "maps"]


def haiku(client: OpenAI, topic: str) -> str:
    """One short completion about ``topic``."""
    completion = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": f"One line about {topic}."}],
        max_completion_tokens=30,
    )
    return completion.choices[0].message.content or ""


def main() -> None:
    """Run one call per topic in a pool and print the results in topic order."""
    with OpenAI() as client, ThreadPoolExecutor(max_workers=len(TOPICS)) as group:
        futures = [group.submit(haiku, client, topic) for topic in TOPICS]
    for topic, future in zip(TOPICS, futures):
        print(f"{topic}: {future.result()}")
    print(f"{len(futures)} tasks finished")


if __name__ == "__main__":
    main()

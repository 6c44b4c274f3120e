"""A client-side rate limiter: ``threading.Semaphore(3)`` lets at most three of ten calls run at once.

The sync twin of ``examples/async_/semaphore.py``: ten threads start together and the
semaphore queues them; counting the calls in flight shows the limit holds.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

from openai import OpenAI

MODEL = "gpt-4o-mini"
LIMIT = 3
CALLS = 10


class Limiter:
    """A semaphore that also records the most holders it has had at one time."""

    def __init__(self, limit: int) -> None:
        self._semaphore = threading.Semaphore(limit)
        self._lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0

    def __enter__(self) -> None:
        self._semaphore.acquire()
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def __exit__(self, *exc_info: object) -> None:
        with self._lock:
            self.in_flight -= 1
        self._semaphore.release()


def ask(client: OpenAI, limiter: Limiter, number: int) -> str:
    """One short completion, sent only while holding the limiter."""
    with limiter:
        completion = client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": f"Request {number}"}],
            max_completion_tokens=10,
        )
    return completion.choices[0].message.content or ""


def main() -> None:
    """Run ten calls through the limiter and print the most that were in flight together."""
    limiter = Limiter(LIMIT)
    with OpenAI() as client, ThreadPoolExecutor(max_workers=CALLS) as pool:
        replies = list(pool.map(lambda number: ask(client, limiter, number), range(1, CALLS + 1)))
    print(f"{len(replies)} calls done, max in flight: {limiter.max_in_flight} (limit {LIMIT})")
    print("last reply:", replies[-1])


if __name__ == "__main__":
    main()

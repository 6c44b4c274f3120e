"""Auto-pagination: ``for job in client.fine_tuning.jobs.list(limit=20)`` walks every page.

The sync twin of ``examples/async_/pagination.py``. Here ``list()`` returns the first page;
iterating it yields every item, fetching the next page as needed, and ``iter_pages()``
walks page by page instead.
"""

from openai import OpenAI

PAGE_SIZE = 20
# An account can have many jobs; stop somewhere so the example stays short.
MAX_JOBS = 200


def main() -> None:
    """Count the jobs item by item, then page by page."""
    with OpenAI() as client:
        jobs = 0
        for _job in client.fine_tuning.jobs.list(limit=PAGE_SIZE):
            jobs += 1
            if jobs >= MAX_JOBS:
                break
        print(f"jobs: {jobs}")

        first_page = client.fine_tuning.jobs.list(limit=PAGE_SIZE)
        sizes = []
        for page in first_page.iter_pages():
            sizes.append(len(page.data))
            if sum(sizes) >= MAX_JOBS:
                break
        print(f"pages: {len(sizes)} ({' + '.join(map(str, sizes))} jobs)")


if __name__ == "__main__":
    main()

"""``with OpenAI() as client``: the connection pool is closed when the block ends.

The sync twin of ``examples/async_/context_manager.py``.
"""

from openai import OpenAI

MODEL = "gpt-4o-mini"


def main() -> None:
    """Make a call inside the block and show the client's state on both sides of it."""
    with OpenAI() as client:
        completion = client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": "Reply with the word ready."}],
        )
        print("reply:", completion.choices[0].message.content)
        print("closed inside the block:", client.is_closed())
    print("closed after the block:", client.is_closed())


if __name__ == "__main__":
    main()

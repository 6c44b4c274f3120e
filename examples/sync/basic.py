"""One chat completion with ``OpenAI``: create the client, make the call, read the reply.

The sync twin of ``examples/async_/basic.py``. The client reads ``OPENAI_API_KEY`` and
``OPENAI_BASE_URL`` from the environment.
"""

from openai import OpenAI

MODEL = "gpt-4o-mini"


def main() -> None:
    """Ask one question and print the answer and the token usage."""
    client = OpenAI()
    try:
        completion = client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": "Say hello in one short sentence."}],
        )
    finally:
        client.close()
    print("reply:", completion.choices[0].message.content)
    if completion.usage is not None:
        print("tokens:", completion.usage.total_tokens)


if __name__ == "__main__":
    main()

"""Streaming with ``stream=True``: print each delta as it arrives, with a plain ``for``.

The sync twin of ``examples/async_/streaming.py``. The stream is also a context manager:
leaving the ``with`` block releases the connection even when the loop stops early.
"""

from openai import OpenAI

MODEL = "gpt-4o-mini"


def main() -> None:
    """Stream one answer to stdout, then report how many chunks carried text."""
    with OpenAI() as client:
        stream = client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": "Count from one to five in words."}],
            stream=True,
        )
        chunks = 0
        with stream:
            for chunk in stream:
                delta = chunk.choices[0].delta.content if chunk.choices else None
                if delta:
                    chunks += 1
                    print(delta, end="", flush=True)
    print()
    print(f"streamed {chunks} chunks")


if __name__ == "__main__":
    main()

"""A custom transport for the sync client: ``OpenAI(http_client=DefaultHttpxClient(...))``.

The sync twin of ``examples/async_/aiohttp_transport.py``. aiohttp is async-only, so the sync
client takes an ``httpx.Client``; ``DefaultHttpxClient`` keeps the package's defaults for
whatever you do not set (here only the connection limits change).
"""

import httpx

from openai import DefaultHttpxClient, OpenAI

MODEL = "gpt-4o-mini"


def main() -> None:
    """One plain call and one stream over a caller-supplied httpx client."""
    http_client = DefaultHttpxClient(limits=httpx.Limits(max_connections=10, max_keepalive_connections=5))
    with OpenAI(http_client=http_client) as client:
        completion = client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": "Hello over httpx"}],
        )
        print("reply:", completion.choices[0].message.content)

        stream = client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": "Stream over httpx"}],
            stream=True,
        )
        pieces = []
        with stream:
            for chunk in stream:
                if chunk.choices and chunk.choices[0].delta.content:
                    pieces.append(chunk.choices[0].delta.content)
        print("streamed:", "".join(pieces))


if __name__ == "__main__":
    main()

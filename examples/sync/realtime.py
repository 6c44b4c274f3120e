"""A Realtime session over a websocket: configure it, add a user message, stream the reply's text deltas.

The sync twin of ``examples/async_/realtime.py``: ``client.realtime.connect()`` is a context manager
over a live connection, and a plain ``for`` yields the server's events as models. The example runs
against the loopback websocket server of ``openai.testing``, which echoes the message back word by word;
it needs the ``realtime`` extra (``pip install 'openai[realtime]'``).
"""

from openai import OpenAI
from openai.testing import loopback_websocket_server

MODEL = "gpt-realtime"
KEY = "sk-loopback-demo"


def main() -> None:
    """Run one exchange and print the reply as it streams, then the event count."""
    with loopback_websocket_server(api_key=KEY) as server:
        client = OpenAI(api_key=KEY, base_url=server.base_url)
        with client, client.realtime.connect(model=MODEL) as connection:
            connection.session.update(session={"type": "realtime", "output_modalities": ["text"]})
            connection.conversation.item.create(
                item={
                    "type": "message",
                    "role": "user",
                    "content": [{"type": "input_text", "text": "Say hello to the realtime API"}],
                }
            )
            connection.response.create()
            events = 0
            for event in connection:
                events += 1
                if event.type == "response.output_text.delta":
                    print(event.delta, end="", flush=True)
                elif event.type == "error":
                    print(f"error: {event.error.message}")
                    break
                elif event.type == "response.done":
                    break
    print()
    print(f"realtime session: {events} events, response done")


if __name__ == "__main__":
    main()

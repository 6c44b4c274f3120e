"""Runnable examples of the async guide, each with a sync twin of the same name.

``examples/async_/<name>.py`` uses ``AsyncOpenAI``; ``examples/sync/<name>.py`` does the same
with ``OpenAI``. Run one with ``python -m examples.async_.basic``, or all of them against a
loopback server with ``python -m examples.run_all`` (``make demo``).
"""

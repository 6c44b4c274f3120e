"""Sync twins of the async guide: the same examples with ``OpenAI``; ``python -m examples.sync.<name>``."""

"""The async guide: every example uses ``AsyncOpenAI``; run one with ``python -m examples.async_.<name>``."""

"""Streaming, without I/O: server-sent events decoded from bytes (``sse``), the typed events the
stream helpers emit (``events``, ``chat_events``, ``response_events``), and the accumulators that
build a chat completion, a response or an assistant run from its deltas (``*_accumulator``,
``partial_json`` for tool arguments still arriving). Both twins' streams use these modules."""

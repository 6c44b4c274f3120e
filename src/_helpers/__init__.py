"""The hand-written composite helpers, without I/O: structured outputs (``parsing``,
``parse_params``), polling, uploads in parts, Azure, webhooks, and the decoding of a few calls'
answers (``audio_formats``, ``embeddings``). Their async and sync halves are in
``_async/_helpers`` and ``_sync/_helpers``; the public ``openai.lib`` modules re-export from here."""

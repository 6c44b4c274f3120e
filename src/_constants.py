"""Defaults that users of the official SDK already rely on."""

from __future__ import annotations

import httpx

DEFAULT_BASE_URL = "https://api.openai.com/v1"
DEFAULT_TIMEOUT = httpx.Timeout(timeout=600.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
DEFAULT_CONNECTION_LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=100)

# A per-call marker that `with_raw_response` / `with_streaming_response` put into the call's
# extra headers; the client strips it before sending and returns a response wrapper instead of
# the parsed model. It lets one generic wrapper serve every resource method.
RAW_RESPONSE_HEADER = "X-Twin-Raw-Response"

# Tells the API which helper (`chat.completions.parse`, `runs.stream`, ...) made a call, as the official SDK does.
HELPER_HEADER = "X-Stainless-Helper-Method"

"""Defaults that users of the official SDK already rely on."""

from __future__ import annotations

import httpx

DEFAULT_BASE_URL = "https://api.openai.com/v1"
DEFAULT_TIMEOUT = httpx.Timeout(timeout=600.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
DEFAULT_CONNECTION_LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=100)

# The official SDK's name for the header its raw-response wrappers were once chosen by, kept for code
# that imports it. Nothing here reads it: a call's mode is a field of its options (`_request.py`).
RAW_RESPONSE_HEADER = "X-Stainless-Raw-Response"

# Tells the API which helper (`chat.completions.parse`, `runs.stream`, ...) made a call, as the official SDK does.
HELPER_HEADER = "X-Stainless-Helper-Method"

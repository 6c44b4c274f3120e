"""Embedding vectors travel as base64 by default: a quarter of the bytes of a JSON float list,
and decoded here without numpy, so callers still get ``list[float]``.
"""

from __future__ import annotations

import array
import base64
import sys
from typing import Any

__all__ = ["decode_base64_embeddings"]


def decode_base64_embeddings(data: Any) -> Any:
    """Replace each base64 ``embedding`` (little-endian float32) in a response with a list of floats."""
    if not isinstance(data, dict):
        return data
    for item in data.get("data") or ():
        if isinstance(item, dict) and isinstance(item.get("embedding"), str):
            vector = array.array("f")
            vector.frombytes(base64.b64decode(item["embedding"]))
            if sys.byteorder == "big":
                vector.byteswap()
            item["embedding"] = vector.tolist()
    return data

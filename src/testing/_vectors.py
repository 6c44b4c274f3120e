"""Deterministic embedding vectors: a hash of the input text stretched to unit-length float32 values."""

from __future__ import annotations

import base64
import functools
import hashlib
import math
import struct
from typing import Tuple

__all__ = ["embedding", "to_base64", "vector_json"]


@functools.lru_cache(maxsize=4096)
def embedding(text: str, dimensions: int) -> Tuple[float, ...]:
    """A unit vector for ``text``.

    SHAKE-256 output for a longer length starts with the output for a shorter one, so a
    smaller ``dimensions`` gives the renormalised prefix of a larger one, as shortened
    embeddings from the real API do. Values are rounded to float32, so the ``float`` and
    ``base64`` encodings of a vector decode to the same numbers.
    """
    raw = hashlib.shake_256(text.encode("utf-8")).digest(2 * dimensions)
    values = [(unit - 32767.5) / 32767.5 for unit in struct.unpack(f"<{dimensions}H", raw)]
    norm = math.sqrt(math.fsum(value * value for value in values)) or 1.0
    packed = struct.pack(f"<{dimensions}f", *(value / norm for value in values))
    return struct.unpack(f"<{dimensions}f", packed)


def to_base64(vector: Tuple[float, ...]) -> str:
    """``vector`` as base64 of little-endian float32, the API's ``encoding_format="base64"``."""
    return base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode("ascii")


@functools.lru_cache(maxsize=4096)
def vector_json(text: str, dimensions: int, encoding: str) -> str:
    """The JSON text of ``text``'s vector in ``encoding`` ("float" or "base64").

    Cached as text because writing 1,536 floats as JSON costs far more than the rest of a
    request; a benchmark that repeats its input should measure the client, not this.
    """
    vector = embedding(text, dimensions)
    if encoding == "base64":
        return f'"{to_base64(vector)}"'
    # repr() is exactly how the json module writes a finite float.
    return "[" + ",".join(map(repr, vector)) + "]"

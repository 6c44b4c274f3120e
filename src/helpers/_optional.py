"""The optional packages the audio helpers need, imported when a helper is used, not when it is imported."""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["numpy", "sounddevice"]

_INSTALL_HINT = "the audio helpers of openai.helpers need the {name} package; install it with `pip install {name}`"


def _require(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError as error:
        raise ImportError(_INSTALL_HINT.format(name=name), name=name) from error


def numpy() -> Any:
    """The numpy module, or an ImportError naming the package to install."""
    return _require("numpy")


def sounddevice() -> Any:
    """The sounddevice module, or an ImportError naming the package to install."""
    return _require("sounddevice")

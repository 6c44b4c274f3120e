"""Audio helpers: play a speech response through the speakers, record the microphone for a transcription.

They need the optional ``numpy`` and ``sounddevice`` packages; importing works without them, and
using a helper without them raises an ImportError naming the package to install.
"""

from __future__ import annotations

from .local_audio_player import LocalAudioPlayer
from .microphone import Microphone

__all__ = ["LocalAudioPlayer", "Microphone"]

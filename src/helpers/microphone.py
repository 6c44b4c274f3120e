"""``Microphone``: records the default input device, as a WAV file to upload or as numpy samples."""

from __future__ import annotations

import asyncio
import io
import time
import wave
from typing import Any, Callable, Generic, List, Optional, TypeVar, Union, overload

from typing_extensions import Literal

from .._types import FileTypes
from ._optional import numpy, sounddevice

__all__ = ["SAMPLE_RATE", "DType", "Microphone"]

#: The sample rate recordings are made at, in Hz (the rate the API's audio models work at).
SAMPLE_RATE = 24000

#: The numpy sample type of a recording (``numpy.int16`` unless told otherwise).
DType = TypeVar("DType")


class Microphone(Generic[DType]):
    """Records until ``should_record()`` returns False, or ``timeout`` seconds have passed, whichever
    comes first (with neither, until the task is cancelled)."""

    def __init__(
        self,
        channels: int = 1,
        dtype: Optional[Any] = None,
        should_record: Optional[Callable[[], bool]] = None,
        timeout: Optional[float] = None,
    ) -> None:
        self.channels = channels
        self.dtype = dtype
        self.should_record = should_record
        self.timeout = timeout
        self.buffer_chunks: List[Any] = []

    def _sample_type(self) -> Any:
        return numpy().int16 if self.dtype is None else self.dtype

    def _to_wav(self, samples: Any) -> FileTypes:
        np = numpy()
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as wav:
            wav.setnchannels(self.channels)
            wav.setsampwidth(np.dtype(self._sample_type()).itemsize)
            wav.setframerate(SAMPLE_RATE)
            wav.writeframes(samples.tobytes())
        buffer.seek(0)
        return ("audio.wav", buffer, "audio/wav")

    @overload
    async def record(self, return_ndarray: Literal[True]) -> Any: ...

    @overload
    async def record(self, return_ndarray: Literal[False]) -> FileTypes: ...

    @overload
    async def record(self, return_ndarray: None = ...) -> FileTypes: ...

    async def record(self, return_ndarray: Optional[bool] = False) -> Union[Any, FileTypes]:
        """The recording: a ``("audio.wav", file, "audio/wav")`` upload, or the samples with ``return_ndarray=True``."""
        np = numpy()
        sd = sounddevice()
        loop = asyncio.get_running_loop()
        finished = asyncio.Event()
        started = time.monotonic()
        self.buffer_chunks = []

        def take(indata: Any, _frames: int, _time: Any, _status: Any) -> None:
            # Runs on sounddevice's audio thread.
            timed_out = self.timeout is not None and time.monotonic() - started > self.timeout
            if timed_out or (self.should_record is not None and not self.should_record()):
                loop.call_soon_threadsafe(finished.set)
                raise sd.CallbackStop
            self.buffer_chunks.append(indata.copy())

        with sd.InputStream(callback=take, dtype=self._sample_type(), samplerate=SAMPLE_RATE, channels=self.channels):
            await finished.wait()
        samples = (
            np.concatenate(self.buffer_chunks, axis=0)
            if self.buffer_chunks
            else np.array([], dtype=self._sample_type())
        )
        return samples if return_ndarray else self._to_wav(samples)

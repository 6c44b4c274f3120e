"""``LocalAudioPlayer``: plays 24 kHz mono PCM audio (a ``pcm`` speech response, or numpy samples)."""

from __future__ import annotations

import asyncio
import inspect
import queue
from typing import Any, AsyncIterator, Callable, Optional, Union

from .._response import HttpxBinaryResponseContent
from ._optional import numpy, sounddevice

__all__ = ["SAMPLE_RATE", "LocalAudioPlayer"]

#: The sample rate of the API's ``pcm`` speech output, in Hz.
SAMPLE_RATE = 24000

# int16 samples scale into [-1, 1] floats by this.
_INT16_SCALE = 32767.0


class LocalAudioPlayer:
    """Plays audio on the default output device.

    ``should_stop``, when given, is asked while playing; returning True stops playback early.
    """

    def __init__(self, should_stop: Optional[Callable[[], bool]] = None) -> None:
        self.channels = 1
        self.should_stop = should_stop

    def _as_float_frames(self, samples: Any) -> Any:
        np = numpy()
        if samples.dtype == np.int16:
            return (samples.astype(np.float32) / _INT16_SCALE).reshape(-1, self.channels)
        if samples.dtype == np.float32:
            return samples.reshape(-1, self.channels)
        raise ValueError(f"Only int16 and float32 samples can be played, not {samples.dtype}")

    async def _response_frames(self, response: Any) -> Any:
        # A speech response read whole: HttpxBinaryResponseContent and streamed responses of either
        # client have read(); the event-loop client's is a coroutine.
        data = response.read()
        if inspect.isawaitable(data):
            data = await data
        np = numpy()
        return self._as_float_frames(np.frombuffer(data, dtype=np.int16))

    async def play(self, input: Union[Any, HttpxBinaryResponseContent]) -> None:
        """Play numpy samples (int16 or float32) or a ``pcm`` speech response, returning when it has played."""
        np = numpy()
        sd = sounddevice()
        frames = self._as_float_frames(input) if isinstance(input, np.ndarray) else await self._response_frames(input)
        loop = asyncio.get_running_loop()
        finished = asyncio.Event()
        position = 0

        def fill(outdata: Any, frame_count: int, _time: Any, _status: Any) -> None:
            # Runs on sounddevice's audio thread: copy the next frames, or stop when there are none.
            nonlocal position
            left = len(frames) - position
            if left <= 0 or (self.should_stop is not None and self.should_stop()):
                loop.call_soon_threadsafe(finished.set)
                raise sd.CallbackStop
            count = min(frame_count, left)
            outdata[:count] = frames[position : position + count]
            outdata[count:] = 0
            position += count

        with sd.OutputStream(samplerate=SAMPLE_RATE, channels=frames.shape[1], dtype=frames.dtype, callback=fill):
            await finished.wait()

    async def play_stream(self, buffer_stream: AsyncIterator[Optional[Any]]) -> None:
        """Play numpy sample buffers as they arrive; the stream ending (or yielding None) ends playback."""
        np = numpy()
        sd = sounddevice()
        loop = asyncio.get_running_loop()
        finished = asyncio.Event()
        buffers: queue.Queue[Optional[Any]] = queue.Queue(maxsize=50)
        current: Optional[Any] = None
        position = 0

        async def produce() -> None:
            async for buffer in buffer_stream:
                if buffer is None:
                    break
                await loop.run_in_executor(None, buffers.put, self._as_float_frames(buffer))
            await loop.run_in_executor(None, buffers.put, None)

        def fill(outdata: Any, frame_count: int, _time: Any, _status: Any) -> None:
            nonlocal current, position
            written = 0
            while written < frame_count:
                if current is None or position >= len(current):
                    try:
                        current = buffers.get_nowait()
                    except queue.Empty:
                        # Nothing arrived in time: play silence rather than block the audio thread.
                        outdata[written:] = 0
                        return
                    if current is None:
                        outdata[written:] = 0
                        loop.call_soon_threadsafe(finished.set)
                        raise sd.CallbackStop
                    position = 0
                count = min(frame_count - written, len(current) - position)
                outdata[written : written + count] = current[position : position + count]
                position += count
                written += count

        producer = asyncio.ensure_future(produce())
        try:
            with sd.OutputStream(samplerate=SAMPLE_RATE, channels=self.channels, dtype=np.float32, callback=fill):
                await finished.wait()
        finally:
            await producer

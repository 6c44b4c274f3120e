"""AsyncAPIResponse: what ``with_streaming_response`` yields, with the body still unread."""

from __future__ import annotations

import os
from types import TracebackType
from typing import Any, AsyncIterator, Generic, Optional, TypeVar, Union, cast, overload

from .._concurrency import AsyncCall, async_close_shielded
from .._public import publish
from .._response import ResponseView, decode_json_body

__all__ = ["AsyncAPIResponse", "AsyncResponseContextManager"]

_T = TypeVar("_T")
_ToT = TypeVar("_ToT")


class AsyncAPIResponse(ResponseView, Generic[_T]):
    """An HTTP response whose body is read on demand: parse it, or iterate its bytes, text or lines."""

    async def read(self) -> bytes:
        """Read and return the whole body."""
        return await self.http_response.aread()

    async def text(self) -> str:
        """Read the body and decode it as text."""
        await self.http_response.aread()
        return self.http_response.text

    async def json(self) -> Any:
        """Read the body and decode it as JSON."""
        return decode_json_body(self.http_response, await self.http_response.aread())

    @overload
    async def parse(self, *, to: type[_ToT]) -> _ToT: ...
    @overload
    async def parse(self, *, to: None = None) -> _T: ...
    async def parse(self, *, to: Optional[type[_ToT]] = None) -> Union[_T, _ToT]:
        """Read the body and build what the call returns without ``with_streaming_response`` (or the body as ``to``).

        For a streaming call this gives the stream itself, which reads the body as it is iterated.
        """
        if to is not None:
            return cast(_ToT, self._parse_as(to, await self.http_response.aread()))
        content = b"" if self._is_stream else await self.http_response.aread()
        return cast(_T, self._parse_result(content))

    def iter_bytes(self, chunk_size: Optional[int] = None) -> AsyncIterator[bytes]:
        """Iterate the body as it arrives."""
        return self.http_response.aiter_bytes(chunk_size)

    def iter_text(self, chunk_size: Optional[int] = None) -> AsyncIterator[str]:
        """Iterate the body decoded as text."""
        return self.http_response.aiter_text(chunk_size)

    def iter_lines(self) -> AsyncIterator[str]:
        """Iterate the body line by line."""
        return self.http_response.aiter_lines()

    async def stream_to_file(self, file: Union[str, os.PathLike[str]], *, chunk_size: Optional[int] = None) -> None:
        """Write the body to ``file`` chunk by chunk, never holding all of it in memory."""
        with open(file, mode="wb") as handle:
            async for chunk in self.http_response.aiter_bytes(chunk_size):
                handle.write(chunk)

    async def close(self) -> None:
        """Release the connection. Closing twice is harmless."""
        await async_close_shielded(self.http_response)


class AsyncResponseContextManager(Generic[_T]):
    """Makes the call on entry and closes the response on exit: ``async with ... as response``."""

    def __init__(self, make_call: AsyncCall[_T]) -> None:
        self._make_call = make_call
        self._response: Optional[_T] = None

    async def __aenter__(self) -> _T:
        self._response = await self._make_call()
        return self._response

    async def __aexit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        exc_tb: Optional[TracebackType],
    ) -> None:
        closer = getattr(self._response, "close", None)
        if closer is not None:
            await closer()


# Tracebacks and reprs name these where users import them (see _public.py).
publish(globals(), __all__)

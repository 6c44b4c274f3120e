"""Planning a chunked upload: the file's name and size, the part size, and where its bytes come from.

``uploads.upload_file_chunked`` sends a file that is too large for one request as an Upload made of
parts. Everything here is decided before any request, so a wrong argument fails before an upload
is opened on the server.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Optional, Union

__all__ = ["DEFAULT_PART_SIZE", "UploadPlan", "plan_upload"]

# The largest part the Uploads API accepts.
DEFAULT_PART_SIZE = 64 * 1024 * 1024


@dataclass(frozen=True)
class UploadPlan:
    """What an upload declares up front, and how its bytes are cut into parts."""

    filename: str
    size: int
    part_size: int
    source: Union[Path, bytes]

    def open(self) -> BinaryIO:
        """A reader over the file's bytes, read one part at a time; the caller closes it."""
        if isinstance(self.source, Path):
            return self.source.open("rb")
        return io.BytesIO(self.source)


def plan_upload(
    file: Union[os.PathLike[str], bytes],
    *,
    filename: Optional[str],
    size: Optional[int],
    part_size: Optional[int],
) -> UploadPlan:
    """Check the arguments of a chunked upload and fill in what the file itself tells."""
    chosen_part_size = DEFAULT_PART_SIZE if part_size is None else part_size
    if isinstance(chosen_part_size, bool) or not isinstance(chosen_part_size, int) or chosen_part_size <= 0:
        raise ValueError(f"part_size must be a positive number of bytes, not {part_size!r}")
    if isinstance(file, os.PathLike):
        path = Path(file)
        if not path.is_file():
            raise FileNotFoundError(f"upload_file_chunked(): no file at {str(path)!r}")
        return UploadPlan(
            filename=filename or path.name,
            size=path.stat().st_size if size is None else size,
            part_size=chosen_part_size,
            source=path,
        )
    if isinstance(file, (bytes, bytearray)):
        if not filename:
            raise TypeError("upload_file_chunked() needs filename= when the file is given as bytes")
        return UploadPlan(
            filename=filename,
            size=len(file) if size is None else size,
            part_size=chosen_part_size,
            source=bytes(file),
        )
    raise TypeError(f"upload_file_chunked() takes a path or bytes as file, not {type(file).__name__}")

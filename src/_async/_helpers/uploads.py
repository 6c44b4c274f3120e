"""``uploads.upload_file_chunked``: a large file sent as an Upload of parts, then completed."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, List, Optional, Union

from typing_extensions import Literal

from ..._concurrency import async_read_part
from ..._helpers.uploads import plan_upload
from ..._types import NOT_GIVEN, NotGiven
from ...types.upload import Upload

if TYPE_CHECKING:
    from ..resources.uploads import AsyncUploads

__all__ = ["upload_file_chunked"]


async def upload_file_chunked(
    self: AsyncUploads,
    *,
    file: Union[os.PathLike[str], bytes],
    mime_type: str,
    purpose: Literal["assistants", "batch", "fine-tune", "vision"],
    filename: Optional[str] = None,
    bytes: Optional[int] = None,
    part_size: Optional[int] = None,
    md5: Union[str, NotGiven] = NOT_GIVEN,
) -> Upload:
    """Upload a file of any size: open an Upload, send the file in parts, and complete it.

    ``file`` is a path (its name and size are read from it) or bytes (then ``filename`` is
    required). ``bytes`` overrides the declared size; ``part_size`` (64 MiB by default, the most
    the API accepts) sets how the file is cut; ``md5`` is checked by the server on completion.
    Returns the completed Upload, whose ``file`` is the assembled file.
    """
    plan = plan_upload(file, filename=filename, size=bytes, part_size=part_size)
    upload = await self.create(bytes=plan.size, filename=plan.filename, mime_type=mime_type, purpose=purpose)
    part_ids: List[str] = []
    with plan.open() as reader:
        while chunk := await async_read_part(reader, plan.part_size):
            part = await self.parts.create(upload.id, data=chunk)
            part_ids.append(part.id)
    if isinstance(md5, NotGiven):
        return await self.complete(upload.id, part_ids=part_ids)
    return await self.complete(upload.id, part_ids=part_ids, md5=md5)

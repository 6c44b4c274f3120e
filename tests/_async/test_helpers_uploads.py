"""``uploads.upload_file_chunked`` against respx: the upload it opens, the parts it sends, the completion."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, AsyncIterator, Dict, List

import httpx
import pytest
import respx

from openai import AsyncOpenAI
from tests._transports import make_async_client

BASE_URL = "http://127.0.0.1:1/v1"


@pytest.fixture
async def client() -> AsyncIterator[AsyncOpenAI]:
    async with make_async_client("httpx", BASE_URL, max_retries=0) as api:
        yield api


def upload(status: str, declared: Dict[str, Any]) -> Dict[str, Any]:
    return {
        "id": "upload_1",
        "object": "upload",
        "created_at": 1,
        "expires_at": 2,
        "filename": declared["filename"],
        "bytes": declared["bytes"],
        "purpose": declared["purpose"],
        "status": status,
    }


class UploadServer:
    """Records what the helper sends and answers like the Uploads API."""

    def __init__(self, router: respx.MockRouter) -> None:
        self.created: Dict[str, Any] = {}
        self.parts: List[bytes] = []
        self.completed: Dict[str, Any] = {}
        router.post(f"{BASE_URL}/uploads").mock(side_effect=self.create)
        router.post(f"{BASE_URL}/uploads/upload_1/parts").mock(side_effect=self.add_part)
        router.post(f"{BASE_URL}/uploads/upload_1/complete").mock(side_effect=self.complete)

    def create(self, request: httpx.Request) -> httpx.Response:
        self.created = json.loads(request.content)
        return httpx.Response(200, json=upload("pending", self.created))

    def add_part(self, request: httpx.Request) -> httpx.Response:
        assert request.headers["content-type"].startswith("multipart/form-data")
        body = request.content
        # The part's bytes sit between the form field's headers and the closing boundary.
        head, _, rest = body.partition(b"\r\n\r\n")
        assert b'name="data"' in head
        self.parts.append(rest[: rest.rindex(b"\r\n--")])
        part_id = f"part_{len(self.parts)}"
        return httpx.Response(
            200, json={"id": part_id, "object": "upload.part", "created_at": 1, "upload_id": "upload_1"}
        )

    def complete(self, request: httpx.Request) -> httpx.Response:
        self.completed = json.loads(request.content)
        return httpx.Response(200, json=upload("completed", self.created))


async def test_a_path_is_sent_in_parts_of_the_given_size_and_completed_in_order(
    client: AsyncOpenAI, tmp_path: Path
) -> None:
    path = tmp_path / "train.jsonl"
    content = b"0123456789" * 3 + b"xyz"
    path.write_bytes(content)
    with respx.mock(assert_all_called=True) as router:
        server = UploadServer(router)
        result = await client.uploads.upload_file_chunked(
            file=path, mime_type="application/jsonl", purpose="fine-tune", part_size=10
        )
    assert server.created == {
        "bytes": 33,
        "filename": "train.jsonl",
        "mime_type": "application/jsonl",
        "purpose": "fine-tune",
    }
    assert server.parts == [b"0123456789", b"0123456789", b"0123456789", b"xyz"]
    assert server.completed == {"part_ids": ["part_1", "part_2", "part_3", "part_4"]}
    assert result.status == "completed" and result.filename == "train.jsonl"


async def test_bytes_need_a_filename_and_md5_is_passed_on(client: AsyncOpenAI) -> None:
    with pytest.raises(TypeError, match="filename="):
        await client.uploads.upload_file_chunked(file=b"abc", mime_type="text/plain", purpose="batch")
    with respx.mock(assert_all_called=True) as router:
        server = UploadServer(router)
        await client.uploads.upload_file_chunked(
            file=b"abcdef", filename="a.txt", mime_type="text/plain", purpose="batch", md5="d41d8", bytes=6
        )
    assert server.created["bytes"] == 6 and server.created["filename"] == "a.txt"
    assert server.parts == [b"abcdef"]  # smaller than the default part size: one part
    assert server.completed == {"part_ids": ["part_1"], "md5": "d41d8"}


async def test_bad_arguments_fail_before_any_request(client: AsyncOpenAI, tmp_path: Path) -> None:
    with respx.mock(assert_all_called=False) as router:
        route = router.route()
        with pytest.raises(FileNotFoundError, match="no file at"):
            await client.uploads.upload_file_chunked(
                file=tmp_path / "missing.jsonl", mime_type="text/plain", purpose="batch"
            )
        with pytest.raises(ValueError, match="part_size"):
            await client.uploads.upload_file_chunked(
                file=b"abc", filename="a", mime_type="text/plain", purpose="batch", part_size=0
            )
        with pytest.raises(TypeError, match="path or bytes"):
            await client.uploads.upload_file_chunked(file="a.txt", mime_type="text/plain", purpose="batch")  # type: ignore[arg-type]
        assert not route.called

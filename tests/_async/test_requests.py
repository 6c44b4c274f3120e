"""What the client sends: headers, bodies, queries, uploads, and per-call options."""

from __future__ import annotations

import io
import json
import platform
from pathlib import Path

import pytest

import openai
from openai import NOT_GIVEN, AsyncOpenAI
from openai.testing import LoopbackServer
from tests._transports import make_async_client

MESSAGES = [{"role": "user", "content": "hello there"}]


async def test_default_headers(client: AsyncOpenAI, server: LoopbackServer) -> None:
    await client.models.list()
    headers = server.requests[-1].headers
    assert headers["authorization"] == "Bearer sk-test-key"
    assert headers["user-agent"] == f"OpenAI/Python {openai.__version__}"
    assert headers["x-stainless-lang"] == "python"
    assert headers["x-stainless-package-version"] == openai.__version__
    assert headers["x-stainless-runtime"] == platform.python_implementation()
    assert headers["x-stainless-runtime-version"] == platform.python_version()
    assert headers["x-stainless-os"] and headers["x-stainless-arch"]
    assert headers["x-stainless-retry-count"] == "0"
    assert "openai-organization" not in headers


async def test_organization_project_and_default_headers(server: LoopbackServer, transport: str) -> None:
    async with make_async_client(
        transport, server.base_url, organization="org-9", project="proj-3", default_headers={"X-Team": "blue"}
    ) as api:
        await api.models.list()
    headers = server.requests[-1].headers
    assert headers["openai-organization"] == "org-9"
    assert headers["openai-project"] == "proj-3"
    assert headers["x-team"] == "blue"


async def test_environment_variables(server: LoopbackServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-env")
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("OPENAI_ORG_ID", "org-env")
    monkeypatch.setenv("OPENAI_PROJECT_ID", "proj-env")
    monkeypatch.setenv("OPENAI_WEBHOOK_SECRET", "whsec_env")
    async with AsyncOpenAI() as api:
        assert api.webhook_secret == "whsec_env"
        await api.models.list()
    headers = server.requests[-1].headers
    assert headers["authorization"] == "Bearer sk-from-env"
    assert headers["openai-organization"] == "org-env"
    assert headers["openai-project"] == "proj-env"


def test_missing_api_key_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(openai.OpenAIError, match="OPENAI_API_KEY"):
        AsyncOpenAI()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_retries": -1}, "max_retries must not be negative"),
        ({"timeout": -5}, "timeout must not be negative"),
        ({"http_client": object()}, "http_client must be an httpx"),
    ],
)
def test_bad_configuration_is_refused_at_construction(kwargs: dict[str, object], message: str) -> None:
    # A base_url that is not absolute is accepted, as by the official SDK: see test_low_level_calls.py.
    with pytest.raises((ValueError, TypeError), match=message):
        AsyncOpenAI(api_key="sk-x", **kwargs)  # type: ignore[arg-type]


async def test_api_key_function_is_called_for_every_attempt(server: LoopbackServer, transport: str) -> None:
    calls: list[int] = []

    async def key() -> str:
        calls.append(1)
        return f"sk-rotating-{len(calls)}"

    async with make_async_client(transport, server.base_url, api_key=key) as api:
        await api.models.list()
        await api.models.list()
    assert [request.headers["authorization"] for request in server.requests] == [
        "Bearer sk-rotating-1",
        "Bearer sk-rotating-2",
    ]


async def test_omitted_arguments_are_not_sent_and_none_is_null(client: AsyncOpenAI, server: LoopbackServer) -> None:
    await client.chat.completions.create(model="m", messages=MESSAGES, temperature=NOT_GIVEN, user=None)  # type: ignore[arg-type]
    body = json.loads(server.requests[-1].body)
    assert body == {"model": "m", "messages": MESSAGES, "user": None}


async def test_extra_headers_query_body(client: AsyncOpenAI, server: LoopbackServer) -> None:
    await client.chat.completions.create(
        model="m",
        messages=MESSAGES,
        extra_headers={"X-Trace": "t1"},
        extra_query={"debug": "1"},
        extra_body={"vendor_option": {"top_k": 5}},
    )
    request = server.requests[-1]
    assert request.headers["x-trace"] == "t1"
    assert "debug=1" in request.query_string
    assert json.loads(request.body)["vendor_option"] == {"top_k": 5}


async def test_list_query_parameters(client: AsyncOpenAI, server: LoopbackServer) -> None:
    page = await client.fine_tuning.jobs.list(limit=5)
    assert len(page.data) == 5
    await client.fine_tuning.jobs.list(limit=5, metadata={"team": "a"})
    query = server.requests[-1].query_string
    assert "limit=5" in query and "metadata%5Bteam%5D=a" in query


async def test_empty_path_parameter_raises_before_any_request(client: AsyncOpenAI, server: LoopbackServer) -> None:
    with pytest.raises(ValueError, match="Expected a non-empty value for `file_id` but received ''"):
        await client.files.retrieve("")
    assert server.requests == []


@pytest.mark.parametrize("form", ["bytes", "file", "path", "tuple"])
async def test_file_upload_forms(client: AsyncOpenAI, server: LoopbackServer, tmp_path: Path, form: str) -> None:
    content = b'{"prompt": "a", "completion": "b"}\n'
    path = tmp_path / "train.jsonl"
    path.write_bytes(content)
    upload: object = {
        "bytes": content,
        "file": io.BytesIO(content),
        "path": path,
        "tuple": ("train.jsonl", content, "application/jsonl"),
    }[form]
    created = await client.files.create(file=upload, purpose="fine-tune")  # type: ignore[arg-type]
    assert created.bytes == len(content)
    assert created.purpose == "fine-tune"
    downloaded = await client.files.content(created.id)
    assert downloaded.content == content
    assert server.requests[0].headers["content-type"].startswith("multipart/form-data")


async def test_model_helpers_and_request_id(client: AsyncOpenAI) -> None:
    completion = await client.chat.completions.create(model="m", messages=MESSAGES)
    assert completion._request_id and completion._request_id.startswith("req_")
    as_dict = completion.to_dict()
    assert as_dict["object"] == "chat.completion"
    assert json.loads(completion.to_json()) == as_dict


async def test_raw_response(client: AsyncOpenAI) -> None:
    raw = await client.chat.completions.with_raw_response.create(model="m", messages=MESSAGES)
    assert raw.status_code == 200
    assert raw.headers["x-request-id"].startswith("req_")
    completion = raw.parse()
    assert completion.object == "chat.completion"
    via_client = await client.with_raw_response.models.list()
    assert [model.id for model in via_client.parse().data]


async def test_streaming_response(client: AsyncOpenAI) -> None:
    async with client.chat.completions.with_streaming_response.create(model="m", messages=MESSAGES) as response:
        assert response.status_code == 200
        completion = await response.parse()
    assert completion.choices[0].message.content


async def test_binary_content_write_and_stream_to_file(client: AsyncOpenAI, tmp_path: Path) -> None:
    content = bytes(range(256)) * 64
    created = await client.files.create(file=("blob.bin", content), purpose="batch")
    downloaded = await client.files.content(created.id)
    downloaded.write_to_file(tmp_path / "whole.bin")
    assert (tmp_path / "whole.bin").read_bytes() == content
    async with client.files.with_streaming_response.content(created.id) as response:
        await response.stream_to_file(tmp_path / "streamed.bin")
    assert (tmp_path / "streamed.bin").read_bytes() == content


async def test_copy_and_close_twice(client: AsyncOpenAI, server: LoopbackServer) -> None:
    copy = client.copy(default_headers={"X-Copy": "yes"}, timeout=12.0)
    assert copy.timeout == 12.0
    await copy.models.list()
    assert server.requests[-1].headers["x-copy"] == "yes"
    await client.models.list()
    assert "x-copy" not in server.requests[-1].headers
    await client.close()
    await client.close()
    assert client.is_closed()


def test_repr_hides_the_key() -> None:
    api = AsyncOpenAI(api_key="sk-secret-value", base_url="http://127.0.0.1:1/v1")
    assert "sk-secret-value" not in repr(api)


async def test_embeddings_travel_as_base64_by_default(client: AsyncOpenAI, server: LoopbackServer) -> None:
    default = await client.embeddings.create(model="e", input="hello world")
    assert json.loads(server.requests[-1].body)["encoding_format"] == "base64"
    floats = await client.embeddings.create(model="e", input="hello world", encoding_format="float")
    assert json.loads(server.requests[-1].body)["encoding_format"] == "float"
    assert isinstance(default.data[0].embedding[0], float)
    assert default.data[0].embedding == pytest.approx(floats.data[0].embedding, rel=1e-6)
    raw = await client.embeddings.with_raw_response.create(model="e", input="hello world")
    assert raw.parse().data[0].embedding == default.data[0].embedding

"""Server-sent event streams and auto-pagination, over real HTTP."""

from __future__ import annotations

import json

import pytest

import openai
from openai import AsyncOpenAI
from openai.testing import LoopbackServer

MESSAGES = [{"role": "user", "content": "one two three four"}]


async def test_stream_yields_chunks_until_done(client: AsyncOpenAI) -> None:
    stream = await client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
    pieces = []
    async for chunk in stream:
        assert chunk.object == "chat.completion.chunk"
        if chunk.choices and chunk.choices[0].delta.content:
            pieces.append(chunk.choices[0].delta.content)
    assert "".join(pieces).split() == ["Echo:", "one", "two", "three", "four"]


async def test_stream_context_manager_and_early_exit_release_the_connection(client: AsyncOpenAI) -> None:
    async with await client.chat.completions.create(model="m", messages=MESSAGES, stream=True) as stream:
        async for _chunk in stream:
            break
    assert stream.response.is_closed
    # The pool still works after a stream was abandoned.
    assert (await client.models.list()).data


async def test_stream_include_usage(client: AsyncOpenAI) -> None:
    stream = await client.chat.completions.create(
        model="m", messages=MESSAGES, stream=True, stream_options={"include_usage": True}
    )
    chunks = [chunk async for chunk in stream]
    assert chunks[-1].usage is not None and chunks[-1].usage.total_tokens > 0


async def test_stream_error_event_raises(client: AsyncOpenAI) -> None:
    stream = await client.chat.completions.create(
        model="m", messages=MESSAGES, stream=True, extra_headers={"x-loopback-scenario": "stream-error"}
    )
    with pytest.raises(openai.APIError, match="error"):
        async for _chunk in stream:
            pass
    assert stream.response.is_closed


async def test_legacy_completions_stream(client: AsyncOpenAI) -> None:
    stream = await client.completions.create(model="m", prompt="say it", stream=True)
    texts = [choice.text async for chunk in stream for choice in chunk.choices]
    assert "".join(texts).strip()


async def test_iterating_a_list_walks_every_page(client: AsyncOpenAI, server: LoopbackServer) -> None:
    ids = [job.id async for job in client.fine_tuning.jobs.list(limit=20)]
    assert len(ids) == 45
    assert len(set(ids)) == 45
    assert len(server.requests) == 3
    assert "after=" in server.requests[1].query_string


async def test_later_pages_keep_the_calls_extra_options(client: AsyncOpenAI, server: LoopbackServer) -> None:
    pages = client.fine_tuning.jobs.list(
        limit=20, extra_headers={"X-Trace": "t1"}, extra_query={"q": "1"}, extra_body={"k": 1}
    )
    assert len([job async for job in pages]) == 45
    later = server.requests[1:]
    assert len(later) == 2
    for request in later:
        assert request.headers["x-trace"] == "t1"
        assert "q=1" in request.query_string and "after=" in request.query_string
        assert json.loads(request.body) == {"k": 1}


async def test_first_page_and_page_methods(client: AsyncOpenAI) -> None:
    page = await client.fine_tuning.jobs.list(limit=20)
    assert len(page.data) == 20
    assert page.has_next_page()
    second = await page.get_next_page()
    assert second.data[0].id != page.data[0].id
    pages = [p async for p in page.iter_pages()]
    assert [len(p.data) for p in pages] == [20, 20, 5]
    assert not pages[-1].has_next_page()


async def test_single_page_list(client: AsyncOpenAI) -> None:
    models = [model async for model in client.models.list()]
    assert models and all(model.object == "model" for model in models)


async def test_chat_completion_store_list_retrieve_update_delete(client: AsyncOpenAI) -> None:
    created = await client.chat.completions.create(model="m", messages=MESSAGES, store=True, metadata={"k": "v"})
    fetched = await client.chat.completions.retrieve(created.id)
    assert fetched.id == created.id
    updated = await client.chat.completions.update(created.id, metadata={"k": "w"})
    assert updated.id == created.id
    listed = [completion.id async for completion in client.chat.completions.list()]
    assert created.id in listed
    messages = [message async for message in client.chat.completions.messages.list(created.id)]
    assert messages and messages[0].content == "one two three four"
    deleted = await client.chat.completions.delete(created.id)
    assert deleted.deleted is True


async def test_other_resources(client: AsyncOpenAI) -> None:
    embedding = await client.embeddings.create(model="e", input="hello", encoding_format="float")
    assert len(embedding.data[0].embedding) > 0
    moderation = await client.moderations.create(input="hello")
    assert moderation.results
    model = await client.models.retrieve((await client.models.list()).data[0].id)
    assert model.object == "model"
    line = b'{"custom_id": "a", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "m"}}\n'
    upload = await client.files.create(file=("batch.jsonl", line), purpose="batch")
    batch = await client.batches.create(
        input_file_id=upload.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    assert (await client.batches.retrieve(batch.id)).id == batch.id
    assert (await client.batches.cancel(batch.id)).id == batch.id
    assert [b.id async for b in client.batches.list()]
    job = await client.fine_tuning.jobs.create(model="gpt-4o-mini", training_file=upload.id)
    assert (await client.fine_tuning.jobs.retrieve(job.id)).id == job.id
    assert (await client.fine_tuning.jobs.pause(job.id)).id == job.id
    assert (await client.fine_tuning.jobs.resume(job.id)).id == job.id
    assert (await client.fine_tuning.jobs.cancel(job.id)).id == job.id
    assert [event.id async for event in client.fine_tuning.jobs.list_events(job.id)]
    checkpoints = await client.fine_tuning.jobs.checkpoints.list(job.id)
    assert isinstance(checkpoints.data, list)
    deleted = await client.files.delete(upload.id)
    assert deleted.deleted is True

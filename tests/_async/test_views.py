"""The raw and streaming views: each resource's own named view, reached from a parent view too."""

from __future__ import annotations

from openai import AsyncOpenAI
from openai.testing import LoopbackServer

MESSAGES = [{"role": "user", "content": "hello there"}]


async def test_a_sub_resource_of_a_raw_view_returns_raw_responses(client: AsyncOpenAI) -> None:
    view = client.chat.with_raw_response.completions
    assert type(view) is type(client.chat.completions.with_raw_response)
    assert type(view).__name__ == type(client.chat.completions).__name__ + "WithRawResponse"
    raw = await view.create(model="m", messages=MESSAGES)
    assert raw.status_code == 200
    assert raw.parse().object == "chat.completion"


async def test_a_sub_resource_of_a_streaming_view_yields_unread_responses(client: AsyncOpenAI) -> None:
    view = client.with_streaming_response.chat.completions
    assert type(view) is type(client.chat.completions.with_streaming_response)
    async with view.create(model="m", messages=MESSAGES) as response:
        assert response.status_code == 200
        completion = await response.parse()
    assert completion.choices[0].message.content


async def test_a_nested_view_marks_the_call_of_the_deepest_resource(
    client: AsyncOpenAI, server: LoopbackServer
) -> None:
    job = await client.fine_tuning.jobs.create(model="m", training_file="file-1")
    raw = await client.with_raw_response.fine_tuning.jobs.checkpoints.list(job.id)
    assert raw.status_code == 200
    assert server.requests[-1].path.startswith(f"/v1/fine_tuning/jobs/{job.id}/checkpoints")
    assert isinstance(raw.parse().data, list)


async def test_the_clients_views_have_the_official_names(client: AsyncOpenAI) -> None:
    assert type(client.with_raw_response).__name__ == "AsyncOpenAIWithRawResponse"
    assert type(client.with_streaming_response).__name__ == "AsyncOpenAIWithStreamedResponse"
    assert type(client.with_raw_response.files) is type(client.files.with_raw_response)
    raw = await client.with_raw_response.files.list()
    assert raw.status_code == 200

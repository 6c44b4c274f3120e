"""The loopback server's Batch API: states on a clock, validation, limits, expiry, cancellation, result files."""

from __future__ import annotations

import contextlib
import json
import time
from typing import Any, Dict, Iterator, List, Tuple

import pytest

from openai import BadRequestError, OpenAI
from openai.testing import BatchSettings, LoopbackServer, ManualClock, loopback_server

ENDPOINT = "/v1/chat/completions"


def chat_line(custom_id: str, text: str = "hi", **body: Any) -> Dict[str, Any]:
    payload = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": text}], **body}
    return {"custom_id": custom_id, "method": "POST", "url": ENDPOINT, "body": payload}


def jsonl(lines: List[Any]) -> bytes:
    return "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines).encode()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@contextlib.contextmanager
def serve(settings: BatchSettings) -> Iterator[Tuple[LoopbackServer, OpenAI]]:
    with loopback_server(batches=settings) as server:
        with OpenAI(base_url=server.base_url, api_key="sk-test", max_retries=0) as client:
            yield server, client


def submit(client: OpenAI, content: bytes) -> Any:
    upload = client.files.create(file=("input.jsonl", content), purpose="batch")
    return client.batches.create(input_file_id=upload.id, endpoint=ENDPOINT, completion_window="24h")


def records(client: OpenAI, file_id: Any) -> List[Dict[str, Any]]:
    assert file_id is not None
    return [json.loads(line) for line in client.files.content(file_id).text.splitlines()]


def test_a_batch_moves_through_its_phases_as_the_clock_passes_them(clock: ManualClock) -> None:
    settings = BatchSettings(validating=10, in_progress=30, finalizing=5, clock=clock)
    with serve(settings) as (_, client):
        lines = [chat_line("a", "one"), chat_line("b", "two"), {**chat_line("c"), "body": {"model": "gpt-4o-mini"}}]
        batch = submit(client, jsonl(lines))
        created = batch.created_at
        seen = []
        for step in (0, 10, 10, 10, 10, 5):
            clock.advance(step)
            current = client.batches.retrieve(batch.id)
            counts = current.request_counts
            seen.append((current.status, counts.total, counts.completed, counts.failed) if counts else current.status)
        assert seen == [
            ("validating", 0, 0, 0),
            ("in_progress", 3, 0, 0),
            ("in_progress", 3, 1, 0),
            ("in_progress", 3, 2, 0),
            ("finalizing", 3, 2, 1),
            ("completed", 3, 2, 1),
        ]
        assert (current.in_progress_at, current.finalizing_at, current.completed_at) == (
            created + 10,
            created + 40,
            created + 45,
        )
        assert current.expires_at == created + 86_400 and current.model == "gpt-4o-mini"
        output = records(client, current.output_file_id)
        assert [record["custom_id"] for record in output] == ["a", "b"]
        assert output[1]["response"]["status_code"] == 200 and output[1]["error"] is None
        assert output[1]["response"]["body"]["choices"][0]["message"]["content"] == "Echo: two"
        errors = records(client, current.error_file_id)
        assert [record["custom_id"] for record in errors] == ["c"]
        assert errors[0]["response"]["status_code"] == 400
        assert errors[0]["response"]["body"]["error"]["type"] == "invalid_request_error"
        assert len({record["id"] for record in output + errors}) == 3


def test_one_late_look_covers_every_phase_with_their_own_timestamps(clock: ManualClock) -> None:
    settings = BatchSettings(validating=2, in_progress=3, finalizing=4, clock=clock)
    with serve(settings) as (_, client):
        batch = submit(client, jsonl([chat_line("a"), chat_line("b")]))
        clock.advance(1_000)
        listed = [item for item in client.batches.list() if item.id == batch.id]
        assert listed and listed[0].status == "completed"
        done = client.batches.retrieve(batch.id)
        assert (done.in_progress_at, done.finalizing_at, done.completed_at) == tuple(
            batch.created_at + offset for offset in (2, 5, 9)
        )
        assert done.error_file_id is None
        assert [record["custom_id"] for record in records(client, done.output_file_id)] == ["a", "b"]


def test_the_default_clock_shows_the_next_state_at_each_retrieve() -> None:
    with serve(BatchSettings()) as (_, client):
        batch = submit(client, jsonl([chat_line("a")]))
        statuses = [client.batches.retrieve(batch.id).status for _ in range(4)]
        assert statuses == ["in_progress", "finalizing", "completed", "completed"]


def test_validation_reports_each_bad_line_with_the_api_codes(clock: ManualClock) -> None:
    settings = BatchSettings(validating=1, clock=clock)
    with serve(settings) as (_, client):
        lines = [
            chat_line("a"),
            "{not json",
            chat_line("a"),
            {**chat_line("b"), "url": "/v1/embeddings"},
            {**chat_line("c"), "body": {"model": "gpt-4o", "messages": []}},
            {"custom_id": "d", "method": "POST", "url": ENDPOINT},
            "[1, 2]",
            {**chat_line("e"), "method": "GET"},
        ]
        batch = submit(client, jsonl(lines))
        assert client.batches.retrieve(batch.id).status == "validating"
        clock.advance(1)
        failed = client.batches.retrieve(batch.id)
        assert failed.status == "failed" and failed.failed_at == batch.created_at + 1
        assert failed.errors is not None and failed.errors.object == "list"
        found = [(error.code, error.line, error.param) for error in failed.errors.data or []]
        assert found == [
            ("invalid_json_line", 2, None),
            ("duplicate_custom_id", 3, "custom_id"),
            ("url_mismatch", 4, "url"),
            ("model_mismatch", 5, "body.model"),
            ("missing_required_parameter", 6, "body"),
            ("invalid_json_line", 7, None),
            ("invalid_method", 8, "method"),
        ]
        assert failed.output_file_id is None and failed.error_file_id is None
        assert failed.request_counts is not None and failed.request_counts.total == 0
        with pytest.raises(BadRequestError, match="cannot be cancelled while failed"):
            client.batches.cancel(batch.id)

        empty = submit(client, b"\n\n")
        clock.advance(1)
        errors = client.batches.retrieve(empty.id).errors
        assert errors is not None and [error.code for error in errors.data or []] == ["empty_file"]


def test_the_per_batch_limits_of_requests_and_bytes(clock: ManualClock) -> None:
    settings = BatchSettings(validating=0, max_requests=2, max_bytes=600, clock=clock)
    with serve(settings) as (server, client):
        too_many = submit(client, jsonl([chat_line("a"), chat_line("b"), chat_line("c")]))
        failed = client.batches.retrieve(too_many.id)
        assert failed.status == "failed"
        assert failed.errors is not None
        assert [(error.code, error.line) for error in failed.errors.data or []] == [("too_many_tasks", None)]
        assert "at most 2" in (failed.errors.data or [])[0].message

        fits = submit(client, jsonl([chat_line("a"), chat_line("b")]))
        assert client.batches.retrieve(fits.id).status == "in_progress"

        at_limit = b"x" * 600
        assert client.files.create(file=("a.jsonl", at_limit), purpose="batch").bytes == 600
        uploads_before = len(client.files.list().data)
        with pytest.raises(BadRequestError) as raised:
            client.files.create(file=("b.jsonl", at_limit + b"x"), purpose="batch")
        assert raised.value.status_code == 400
        assert raised.value.body == {
            "message": "The batch input file is 601 bytes; a batch input file can be at most 600 bytes.",
            "type": "invalid_request_error",
            "param": "file",
            "code": "file_too_large",
        }
        assert len(client.files.list().data) == uploads_before
        # The limit is the Batch API's; other purposes keep the Files API's own.
        assert client.files.create(file=("c.jsonl", at_limit * 2), purpose="user_data").bytes == 1200
        assert server.requests[-1].path == "/v1/files"


def test_an_input_file_of_another_purpose_is_refused(clock: ManualClock) -> None:
    with serve(BatchSettings(clock=clock)) as (_, client):
        upload = client.files.create(file=("input.jsonl", jsonl([chat_line("a")])), purpose="user_data")
        with pytest.raises(BadRequestError, match="purpose 'batch'"):
            client.batches.create(input_file_id=upload.id, endpoint=ENDPOINT, completion_window="24h")


def test_a_batch_that_outlives_its_window_expires_with_partial_results(clock: ManualClock) -> None:
    settings = BatchSettings(validating=0, in_progress=200, completion_window=100, clock=clock)
    with serve(settings) as (_, client):
        batch = submit(client, jsonl([chat_line(name) for name in "abcd"]))
        clock.advance(99)
        running = client.batches.retrieve(batch.id)
        assert running.status == "in_progress"
        assert running.request_counts is not None and running.request_counts.completed == 1
        clock.advance(500)
        expired = client.batches.retrieve(batch.id)
        assert expired.status == "expired" and expired.expired_at == batch.created_at + 100
        assert expired.completed_at is None and expired.finalizing_at is None
        assert expired.request_counts is not None
        assert (expired.request_counts.completed, expired.request_counts.failed) == (2, 2)
        assert [record["custom_id"] for record in records(client, expired.output_file_id)] == ["a", "b"]
        late = records(client, expired.error_file_id)
        assert [record["custom_id"] for record in late] == ["c", "d"]
        assert all(record["response"] is None for record in late)
        assert {record["error"]["code"] for record in late} == {"batch_expired"}


def test_cancelling_keeps_what_finished_before_the_cancel(clock: ManualClock) -> None:
    settings = BatchSettings(validating=0, in_progress=30, cancelling=7, clock=clock)
    with serve(settings) as (_, client):
        batch = submit(client, jsonl([chat_line("a"), chat_line("b"), chat_line("c")]))
        clock.advance(15)
        cancelling = client.batches.cancel(batch.id)
        assert cancelling.status == "cancelling" and cancelling.cancelling_at == batch.created_at + 15
        assert client.batches.cancel(batch.id).status == "cancelling"
        clock.advance(6)
        assert client.batches.retrieve(batch.id).status == "cancelling"
        clock.advance(1)
        cancelled = client.batches.retrieve(batch.id)
        assert cancelled.status == "cancelled" and cancelled.cancelled_at == batch.created_at + 22
        assert cancelled.request_counts is not None and cancelled.request_counts.completed == 1
        assert [record["custom_id"] for record in records(client, cancelled.output_file_id)] == ["a"]
        with pytest.raises(BadRequestError, match="cannot be cancelled while cancelled"):
            client.batches.cancel(batch.id)

        early = submit(client, jsonl([chat_line("x")]))
        assert client.batches.cancel(early.id).status == "cancelling"
        clock.advance(7)
        gone = client.batches.retrieve(early.id)
        assert gone.status == "cancelled" and gone.output_file_id is None and gone.error_file_id is None
        assert gone.request_counts is not None and gone.request_counts.completed == 0


def test_settings_and_clock_refuse_nonsense() -> None:
    with pytest.raises(ValueError, match="validating must be a duration"):
        BatchSettings(validating=-1)
    with pytest.raises(ValueError, match="in_progress must be a duration"):
        BatchSettings(in_progress=float("nan"))
    with pytest.raises(ValueError, match="completion_window"):
        BatchSettings(completion_window=0)
    with pytest.raises(ValueError, match="max_requests must be a positive integer"):
        BatchSettings(max_requests=0)
    with pytest.raises(ValueError, match="max_bytes must be a positive integer"):
        BatchSettings(max_bytes=True)
    with pytest.raises(ValueError, match="cannot go back"):
        ManualClock().advance(-1)
    with pytest.raises(ValueError, match="tick"):
        ManualClock(tick=-1)
    ticking = ManualClock(100, tick=2)
    assert [ticking(), ticking(), ticking()] == [100, 102, 104]
    assert BatchSettings.real_time(in_progress=5).clock is time.time

"""The Batch API file formats of openai.bulk: validating input, writing and resuming output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict

import pytest

from openai.bulk import (
    BulkInputError,
    BulkOutputError,
    BulkRequest,
    ResultWriter,
    error_result,
    parse_input,
    parse_result_line,
    pending_requests,
    prepare_output,
    read_input,
    response_result,
    scan_output,
)


def line(custom_id: str = "a", **overrides: Any) -> str:
    data: Dict[str, Any] = {
        "custom_id": custom_id,
        "method": "POST",
        "url": "/v1/chat/completions",
        "body": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]},
    }
    data.update(overrides)
    return json.dumps(data)


def test_valid_input_in_file_order(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(line("b") + "\n\n" + line("a") + "\n")
    requests = read_input(path)
    assert [(r.custom_id, r.line, r.model) for r in requests] == [("b", 1, "gpt-4o-mini"), ("a", 3, "gpt-4o-mini")]
    assert json.loads(requests[0].to_line()) == json.loads(line("b"))


def test_every_bad_line_is_reported_with_its_number() -> None:
    lines = [
        line("a"),
        "{not json",
        line("a"),
        "[1, 2]",
        line("b", method="GET"),
        line("c", url="https://evil.example/v1/chat/completions"),
        line("d", url="/v1/../admin"),
        line("e", body=[1]),
        line(""),
        json.dumps({"custom_id": "f", "method": "POST", "url": "/v1/x"}),
        line("g", extra=1),
        line("h", body={"model": "m", "stream": True}),
        '{"custom_id": "i", "method": "POST", "url": "/v1/x", "body": {"t": NaN}}',
        line("j", url="/v1/chat completions"),
        line("k", url="//evil.example/v1"),
        line(7),  # type: ignore[arg-type]
        line("ok"),
    ]
    with pytest.raises(BulkInputError) as caught:
        parse_input(lines, source="in.jsonl")
    problems = {p.line: p.message for p in caught.value.problems}
    assert sorted(problems) == list(range(2, 17))
    assert "not valid JSON" in problems[2]
    assert problems[3] == "duplicate custom_id 'a' (first on line 1)"
    assert "JSON object" in problems[4]
    assert "method" in problems[5]
    assert "must be a path" in problems[6]
    assert "'..'" in problems[7]
    assert "body must be a JSON object" in problems[8]
    assert "custom_id" in problems[9]
    assert "missing key(s) body" in problems[10]
    assert "unknown key(s) 'extra'" in problems[11]
    assert "stream" in problems[12]
    assert "not valid JSON" in problems[13]
    assert "whitespace" in problems[14]
    assert "another host" in problems[15]
    assert "custom_id" in problems[16]
    message = str(caught.value)
    assert message.startswith("in.jsonl: 15 bad input line(s), nothing was sent")
    assert "line 3: duplicate custom_id 'a'" in message


def test_results_have_the_batch_output_shape() -> None:
    request = parse_input([line("a")])[0]
    ok = response_result(request, status_code=200, request_id="req_1", body={"id": "x"})
    assert ok.ok
    data = json.loads(ok.to_line())
    assert data["id"].startswith("bulkreq_")
    assert data == {
        "id": data["id"],
        "custom_id": "a",
        "response": {"status_code": 200, "request_id": "req_1", "body": {"id": "x"}},
        "error": None,
    }
    failed = response_result(
        request, status_code=400, request_id="req_2", body={"error": {"message": "bad", "code": "invalid_value"}}
    )
    assert not failed.ok
    assert failed.error == {"code": "invalid_value", "message": "bad"}
    odd = response_result(request, status_code=503, request_id=None, body="<html>")
    assert odd.error == {"code": "http_503", "message": "the server answered 503"}
    lost = error_result(request, code="connection_error", message="refused")
    assert json.loads(lost.to_line())["response"] is None
    for result in (ok, failed, odd, lost):
        assert parse_result_line(result.to_line()) == result


def test_scan_tolerates_a_torn_last_line(tmp_path: Path) -> None:
    requests = parse_input([line("a"), line("b"), line("c")])
    out = tmp_path / "out.jsonl"
    whole = [response_result(r, status_code=200, request_id=None, body={}) for r in requests]
    out.write_text(whole[0].to_line() + whole[1].to_line() + whole[2].to_line()[:25])
    state = scan_output(out)
    assert state.finished == {"a", "b"}
    assert state.torn and state.results == 2
    assert [r.custom_id for r in pending_requests(requests, state)] == ["c"]
    prepare_output(out)
    assert out.read_text() == whole[0].to_line() + whole[1].to_line()
    with ResultWriter(out) as writer:
        writer.write(whole[2])
    assert scan_output(out).finished == {"a", "b", "c"}
    assert not scan_output(out).torn


def test_a_last_line_with_newline_but_cut_json_is_torn_too(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    request = parse_input([line("a")])[0]
    out.write_text(response_result(request, status_code=200, request_id=None, body={}).to_line() + '{"id": \n')
    state = scan_output(out)
    assert state.torn and state.finished == {"a"}


def test_a_bad_line_before_the_end_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    request = parse_input([line("a")])[0]
    good = response_result(request, status_code=200, request_id=None, body={}).to_line()
    out.write_text(good + "this is not a result\n" + good)
    with pytest.raises(BulkOutputError, match="line 2"):
        scan_output(out)


def test_missing_output_is_empty(tmp_path: Path) -> None:
    state = scan_output(tmp_path / "nothing.jsonl")
    assert state.finished == frozenset() and not state.torn


def test_writer_refuses_writes_after_close(tmp_path: Path) -> None:
    writer = ResultWriter(tmp_path / "o.jsonl")
    writer.close()
    writer.close()
    request = BulkRequest("a", "POST", "/v1/x", {})
    with pytest.raises(ValueError, match="closed"):
        writer.write(error_result(request, code="x", message="y"))

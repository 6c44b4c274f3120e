"""Every resource method has the official SDK's parameters, and unknown or missing keywords fail.

``spec/sdk-signatures.tsv`` is the official SDK 3.3.1's parameter list of each call, recorded by
``tools/official_signatures.py``; the official SDK itself is not needed here.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

from openai import APIConnectionError, AsyncOpenAI, OpenAI
from openai._signatures import install_call_signatures
from tests.test_parity import collect

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "spec" / "sdk-signatures.tsv"

# Calls of the official SDK that this client does not offer, and why.
NOT_OFFERED: set[str] = set()

# Parameters this client takes beyond the official ones: each is a field the API documents for
# that call and the official helper leaves out.
_REQUEST_OPTIONS = {"extra_headers", "extra_query", "extra_body", "timeout"}
EXTRA_PARAMETERS = {
    "client.beta.threads.runs.create_and_stream": {"include"},
    "client.vector_stores.files.upload": {"attributes"},
    # Per-request options on every `*_and_poll` helper, the upload helpers too.
    "client.vector_stores.files.upload_and_poll": _REQUEST_OPTIONS,
    "client.vector_stores.file_batches.upload_and_poll": _REQUEST_OPTIONS,
    # Fields of the API's current session schema, which the official helper predates.
    "client.beta.realtime.sessions.create": {"prompt", "truncation"},
}

# Where this client's parameter is stricter than the official one because the request schema it
# is generated from says so: the official SDK lets `client_secret` be left out.
STRICTER = {"client.beta.realtime.sessions.create": {"client_secret"}}


def official_rows() -> Dict[str, Tuple[List[str], str]]:
    rows: Dict[str, Tuple[List[str], str]] = {}
    for line in FACTS.read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        path, params, deprecated = line.split("\t")
        rows[path] = (params.split(), deprecated)
    return rows


def shape(method: Any) -> List[str]:
    return [
        f"{p.name}:{p.kind.name}{'' if p.default is inspect.Parameter.empty else '='}"
        for p in inspect.signature(method).parameters.values()
    ]


def split(params: List[str]) -> Tuple[List[str], Dict[str, str]]:
    """Positional parameters in order; keyword-only ones by name (their order means nothing to a call)."""
    positional = [p for p in params if ":KEYWORD_ONLY" not in p]
    keyword = {p.split(":")[0]: p for p in params if ":KEYWORD_ONLY" in p}
    return positional, keyword


@pytest.fixture(scope="module")
def clients() -> Any:
    sync_client = OpenAI(api_key="sk-x", base_url="http://127.0.0.1:1/v1")
    yield {
        "AsyncOpenAI": collect(AsyncOpenAI(api_key="sk-x", base_url="http://127.0.0.1:1/v1")),
        "OpenAI": collect(sync_client),
    }
    sync_client.close()


def test_the_fact_table_is_complete() -> None:
    rows = official_rows()
    assert len(rows) >= 300
    assert sum(bool(deprecated) for _, deprecated in rows.values()) >= 40


@pytest.mark.parametrize("flavour", ["AsyncOpenAI", "OpenAI"])
def test_every_method_has_the_official_parameters(clients: Any, flavour: str) -> None:
    methods = clients[flavour]
    problems = []
    for path, (params, _) in sorted(official_rows().items()):
        if path in NOT_OFFERED:
            assert path not in methods, f"{path} is offered now: take it off NOT_OFFERED"
            continue
        if path not in methods:
            problems.append(f"{path}: missing")
            continue
        official_positional, official_keyword = split(params)
        positional, keyword = split(shape(methods[path]))
        if positional != official_positional:
            problems.append(f"{path}: positional {positional} != official {official_positional}")
        for name in sorted(official_keyword.keys() - keyword.keys()):
            problems.append(f"{path}: lacks {official_keyword[name]}")
        for name in sorted(keyword.keys() - official_keyword.keys() - EXTRA_PARAMETERS.get(path, set())):
            problems.append(f"{path}: has {keyword[name]}, which the official SDK does not")
        for name in sorted(official_keyword.keys() & keyword.keys() - STRICTER.get(path, set())):
            if keyword[name] != official_keyword[name]:
                problems.append(f"{path}: {keyword[name]} != official {official_keyword[name]}")
    assert not problems, "\n".join(problems)


def test_an_unknown_keyword_is_a_type_error_naming_it() -> None:
    client = OpenAI(api_key="sk-x", base_url="http://127.0.0.1:1/v1")
    with pytest.raises(TypeError, match=r"Completions\.create\(\) got unexpected keyword argument 'max_token'"):
        client.chat.completions.create(model="m", messages=[], max_token=5)  # type: ignore[call-overload]
    with pytest.raises(TypeError, match=r"'bogus', 'typo'"):
        client.files.list(typo=1, bogus=2)  # type: ignore[call-arg]
    client.close()


def test_a_missing_required_keyword_is_a_type_error_naming_it() -> None:
    client = OpenAI(api_key="sk-x", base_url="http://127.0.0.1:1/v1")
    with pytest.raises(TypeError, match=r"missing 1 required keyword-only argument: 'messages'"):
        client.chat.completions.create(model="m")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match=r"missing 2 required keyword-only arguments: 'file', 'purpose'"):
        client.files.create()  # type: ignore[call-arg]
    client.close()


def test_the_signature_shows_required_and_omitted_defaults() -> None:
    from openai import omit

    client = OpenAI(api_key="sk-x", base_url="http://127.0.0.1:1/v1")
    parameters = inspect.signature(client.files.create).parameters
    client.close()
    assert parameters["file"].default is inspect.Parameter.empty
    assert parameters["purpose"].kind is inspect.Parameter.KEYWORD_ONLY
    assert parameters["expires_after"].default is omit
    assert list(parameters)[-4:] == ["extra_headers", "extra_query", "extra_body", "timeout"]
    assert inspect.iscoroutinefunction(AsyncOpenAI(api_key="k", base_url="http://127.0.0.1:1").files.create)


def test_a_plain_method_is_left_as_written() -> None:
    class Plain:
        def call(self, a: int, *, b: int = 0) -> int:
            return a + b

    original = Plain.call
    install_call_signatures(Plain)
    assert Plain.call is original


@pytest.mark.parametrize("flavour", ["AsyncOpenAI", "OpenAI"])
def test_the_official_deprecations_are_marked(clients: Any, flavour: str) -> None:
    methods = clients[flavour]
    problems = []
    for path, (_, message) in sorted(official_rows().items()):
        if path in NOT_OFFERED:
            continue
        ours = getattr(methods[path], "__deprecated__", None)
        if ours != (message or None):
            problems.append(f"{path}: deprecated {ours!r}, official {message!r}")
    assert not problems, "\n".join(problems)


def test_a_deprecated_call_warns_from_the_callers_line_and_checks_keywords() -> None:
    client = OpenAI(api_key="sk-x", base_url="http://127.0.0.1:1/v1")
    with pytest.warns(DeprecationWarning, match="Assistants API is deprecated") as caught:
        with pytest.raises(TypeError, match="unexpected keyword argument 'nmae'"):
            client.beta.threads.messages.create("thread_1", role="user", content="hi", nmae="x")  # type: ignore[call-arg]
    assert caught[0].filename == __file__
    client.close()


def test_a_deprecated_call_through_a_view_warns_from_the_callers_line() -> None:
    client = OpenAI(api_key="sk-x", base_url="http://127.0.0.1:1/v1", max_retries=0)
    with pytest.warns(DeprecationWarning, match="Sora API") as caught:
        with pytest.raises(APIConnectionError):
            client.videos.with_raw_response.retrieve("video_1")
    assert [w.filename for w in caught] == [__file__]
    client.close()

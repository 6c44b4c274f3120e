"""Every call of the surface, through OpenAI and AsyncOpenAI, against the spec's mock server.

Each call runs with its required arguments only (``minimal``), with every argument (``all``) and,
where the operation can stream, with ``stream=True`` (``stream``). A call passes when

- the mock server matched the request to the call's own operation (method and path),
- it found nothing wrong with the request: no 400 with diagnostics, and no diagnostic headers
  on the answer it gave anyway,
- the result is what the call declares: the model (and the JSON validates against the declared
  type, not just constructs), the page class with items of the item type, a stream of event
  models, bytes, text or None.

A call missing from a client fails. The summary at the end of the run gives the operations
exercised and passed per client. ``MOCK_LIMITATIONS`` names the cases where the mock server,
not the client, is wrong; they are expected to fail, and a strict mark makes them fail the run
the day the mock starts accepting them.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, Callable, Dict, List

import pytest

import openai
from openai import AsyncOpenAI, OpenAI

from ._calls import Arguments, Call, Variant, load_calls, load_spec
from ._checks import Checker, Wire, resolve_method
from ._report import REPORT, Outcome

if TYPE_CHECKING:
    from .conftest import MockServer

CALLS = load_calls()
REPORT.total_calls = len(CALLS)
REPORT.total_operations = sum(
    method in ("get", "post", "put", "patch", "delete") for item in load_spec()["paths"].values() for method in item
)
REPORT.not_exercised.update({c.call: list(c.not_exercised) for c in CALLS if c.not_exercised})

MOCK_LIMITATIONS = {
    # The spec gives this multipart body an `encoding`: `session` is one application/json part
    # (as the API's own curl example sends it). The mock ignores part encodings and validates the
    # part as a plain string, then rejects it as "not an object"; the client follows the spec.
    ("client.realtime.calls.create", "all"): "the mock ignores multipart part encodings (session as JSON part)",
}

CASES = [
    pytest.param(
        call,
        variant,
        id=f"{call.call.removeprefix('client.')}-{variant.name}",
        marks=[pytest.mark.xfail(strict=True, reason=MOCK_LIMITATIONS[(call.call, variant.name)])]
        if (call.call, variant.name) in MOCK_LIMITATIONS
        else [],
    )
    for call in CALLS
    for variant in call.variants
]

API_KEY = "sk-conformance"
TIMEOUT = 30.0
STREAM_ITEMS = 2
# Steady answers a streaming request with an event stream only when asked for one.
STREAM_HEADERS = {"Accept": "text/event-stream"}


def _options(variant: Variant) -> Dict[str, Any]:
    return {"extra_headers": STREAM_HEADERS} if variant.stream else {}


def _start(client_name: str, call: Call, variant: Variant, client: Any) -> tuple[Outcome, Callable[..., Any]]:
    outcome = REPORT.start(client_name, call.call, variant.name, f"{call.http_method.upper()} {call.path}")
    method = resolve_method(client, call)
    if method is None:
        outcome.missing()
        pytest.fail(f"{call.call} is missing on {client_name}", pytrace=False)
    return outcome, method


@pytest.mark.parametrize(("call", "variant"), CASES)
def test_openai(call: Call, variant: Variant, mock_server: MockServer) -> None:
    """The call through OpenAI on DefaultHttpxClient, the HTTP stack users get by default."""
    wire = Wire()
    http_client = openai.DefaultHttpxClient(event_hooks={"response": [wire.sync_hook]})
    client = OpenAI(
        api_key=API_KEY, base_url=mock_server.base_url, max_retries=0, timeout=TIMEOUT, http_client=http_client
    )
    try:
        outcome, method = _start("OpenAI", call, variant, client)
        check = Checker(call, variant, wire, is_async=False)
        args: Arguments = call.arguments(variant)
        try:
            result = method(*args.positional, **args.keywords, **_options(variant))
            if variant.stream:
                try:
                    items = list(itertools.islice(result, STREAM_ITEMS))
                finally:
                    result.close()
        except openai.APIError as exc:
            check.api_error(exc)
        check.request()
        if variant.stream:
            check.stream(result, items)
        else:
            check.result(result)
        outcome.passed()
    finally:
        client.close()
        http_client.close()
        REPORT.finish()


@pytest.mark.parametrize(("call", "variant"), CASES)
async def test_async_openai(call: Call, variant: Variant, mock_server: MockServer) -> None:
    """The call through AsyncOpenAI on DefaultAsyncHttpxClient; list calls are awaited for their first page."""
    wire = Wire()
    http_client = openai.DefaultAsyncHttpxClient(event_hooks={"response": [wire.async_hook]})
    client = AsyncOpenAI(
        api_key=API_KEY, base_url=mock_server.base_url, max_retries=0, timeout=TIMEOUT, http_client=http_client
    )
    try:
        outcome, method = _start("AsyncOpenAI", call, variant, client)
        check = Checker(call, variant, wire, is_async=True)
        args: Arguments = call.arguments(variant)
        try:
            result = await method(*args.positional, **args.keywords, **_options(variant))
            if variant.stream:
                items: List[Any] = []
                try:
                    async for item in result:
                        items.append(item)
                        if len(items) >= STREAM_ITEMS:
                            break
                finally:
                    await result.close()
        except openai.APIError as exc:
            check.api_error(exc)
        check.request()
        if variant.stream:
            check.stream(result, items)
        else:
            check.result(result)
        outcome.passed()
    finally:
        await client.close()
        await http_client.aclose()
        REPORT.finish()

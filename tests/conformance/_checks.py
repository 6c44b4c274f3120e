"""The suite's instruments: what the client sent and the mock made of it, and the result checks.

``Wire`` records each exchange through httpx response hooks (so the client under test runs its
own default transport, untouched); ``Checker`` holds the assertions the sync and the async test
share, each failing with the exchange and the mock server's own diagnostics in the message.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Union, get_args, get_origin

import httpx
import pydantic
import pytest
from typing_extensions import Annotated, Literal

import openai

from ._calls import Call, Variant

__all__ = ["Checker", "Exchange", "Wire", "matches", "resolve_method", "validation_errors", "wrapped"]

try:  # Python >= 3.10 writes unions as `X | Y` too.
    from types import UnionType

    _UNION_ORIGINS: tuple[Any, ...] = (Union, UnionType)
except ImportError:  # pragma: no cover - Python 3.9
    _UNION_ORIGINS = (Union,)


@dataclass
class Exchange:
    """One request the client sent and what the mock server made of it."""

    method: str
    url: str
    status: int
    headers: httpx.Headers
    request_body: str
    body: Any = None

    def diagnostics(self) -> List[str]:
        """The mock server's findings about the request, from its headers and its error body."""
        found: List[str] = []
        count = int(self.headers.get("x-steady-error-count", "0") or 0)
        for n in range(1, count + 1):
            code = self.headers.get(f"x-steady-error-{n}-code", "?")
            path = self.headers.get(f"x-steady-error-{n}-path", "?")
            message = self.headers.get(f"x-steady-error-{n}-message", "?")
            found.append(f"{code} at {path}: {message}")
        if isinstance(self.body, dict):
            for error in (self.body.get("steady") or {}).get("errors", []):
                line = f"{error.get('code')} at {error.get('path')}: {error.get('message')}"
                detail = ""
                if "expected" in error or "actual" in error:
                    detail = f" (expected {error.get('expected')!r}, got {error.get('actual')!r})"
                if line in found:
                    found[found.index(line)] = line + detail
                else:
                    found.append(line + detail)
        return found

    def describe(self) -> str:
        """The exchange, for a failure message."""
        lines = [f"{self.method} {self.url} -> {self.status}"]
        matched = self.headers.get("x-steady-matched-path")
        if matched:
            lines.append(f"  mock matched: {matched}")
        lines.extend(f"  mock: {d}" for d in self.diagnostics())
        if self.request_body:
            lines.append(f"  request body: {self.request_body}")
        if self.status >= 400 and self.body is not None:
            lines.append(f"  response body: {json.dumps(self.body)[:2000]}")
        return "\n".join(lines)


@dataclass
class Wire:
    """Records every exchange through httpx response hooks, reading JSON bodies as they arrive."""

    exchanges: List[Exchange] = field(default_factory=list)

    def _record(self, response: httpx.Response) -> Exchange:
        request = response.request
        try:
            sent = request.content
            request_body = sent[:1500].decode("utf-8", "replace") + ("..." if len(sent) > 1500 else "")
        except httpx.RequestNotRead:
            request_body = "(streamed request body)"
        exchange = Exchange(
            method=request.method,
            url=str(request.url),
            status=response.status_code,
            headers=response.headers,
            request_body=request_body,
        )
        self.exchanges.append(exchange)
        return exchange

    @staticmethod
    def _is_json(response: httpx.Response) -> bool:
        return "json" in response.headers.get("content-type", "")

    def sync_hook(self, response: httpx.Response) -> None:
        """The hook for httpx.Client."""
        exchange = self._record(response)
        if self._is_json(response):
            response.read()
            exchange.body = _json_or_text(response.content)

    async def async_hook(self, response: httpx.Response) -> None:
        """The hook for httpx.AsyncClient."""
        exchange = self._record(response)
        if self._is_json(response):
            await response.aread()
            exchange.body = _json_or_text(response.content)


def _json_or_text(content: bytes) -> Any:
    try:
        return json.loads(content)
    except ValueError:
        return content[:2000].decode("utf-8", "replace")


def resolve_method(client: Any, call: Call) -> Optional[Callable[..., Any]]:
    """The bound method the call names, or None when the client does not have it (yet)."""
    target = client
    for name in call.attribute_path:
        target = getattr(target, name, None)
        if target is None:
            return None
    return target if callable(target) else None


def matches(value: Any, declared: Any) -> bool:
    """Whether ``value`` is an instance of the declared type, unions and aliases included."""
    origin = get_origin(declared)
    if origin is Annotated:
        return matches(value, get_args(declared)[0])
    if origin in _UNION_ORIGINS:
        return any(matches(value, member) for member in get_args(declared))
    if origin is Literal:
        return value in get_args(declared)
    if origin is not None:
        return isinstance(value, origin)
    if declared is None or declared is type(None):
        return value is None
    if declared is Any:
        return True
    return isinstance(value, declared)


_adapters: Dict[int, pydantic.TypeAdapter[Any]] = {}


def validation_errors(declared: Any, raw: Any) -> Optional[str]:
    """Validate the raw JSON against the declared type: construction alone proves nothing."""
    adapter = _adapters.get(id(declared))
    if adapter is None:
        adapter = _adapters[id(declared)] = pydantic.TypeAdapter(declared)
    try:
        adapter.validate_python(raw)
    except pydantic.ValidationError as exc:
        shown = [
            f"  {'.'.join(map(str, e['loc']))}: {e['msg']} (got {e.get('input')!r:.120})" for e in exc.errors()[:12]
        ]
        return f"{exc.error_count()} validation error(s):\n" + "\n".join(shown)
    return None


def wrapped(item: Any) -> bool:
    """An item built from ``{"event": ..., "data": ...}`` instead of the event's own fields."""
    extra = getattr(item, "model_extra", None) or {}
    declared = getattr(type(item), "model_fields", {})
    return "event" in extra and "data" in extra and "data" not in declared


def _page_class(kind: str, is_async: bool) -> Any:
    name = ("Async" + kind.removeprefix("Sync")) if is_async else kind
    return getattr(openai, name)


class Checker:
    """The assertions shared by the sync and the async test."""

    def __init__(self, call: Call, variant: Variant, wire: Wire, *, is_async: bool) -> None:
        self.call = call
        self.variant = variant
        self.wire = wire
        self.is_async = is_async

    def label(self) -> str:
        """The call, variant and client, as failure messages name them."""
        return f"{self.call.call} [{self.variant.name}, {'AsyncOpenAI' if self.is_async else 'OpenAI'}]"

    def exchanges(self) -> str:
        """Every recorded exchange, described."""
        return "\n".join(e.describe() for e in self.wire.exchanges) or "(no request reached the mock server)"

    def fail(self, what: str) -> None:
        """Fail the test, showing the exchanges."""
        pytest.fail(f"{self.label()}: {what}\n{self.exchanges()}", pytrace=False)

    def api_error(self, exc: openai.APIError) -> None:
        """Fail for an error the client raised: a rejected request, or a response it could not use."""
        if isinstance(exc, openai.APIStatusError):
            self.fail(f"the mock server answered {exc.status_code}: {exc.message}")
        self.fail(f"the client raised {type(exc).__name__}: {exc}")

    def request(self) -> None:
        """One request, to this call's operation, with nothing for the mock server to object to."""
        if len(self.wire.exchanges) != 1:
            self.fail(f"expected exactly one request, saw {len(self.wire.exchanges)}")
        exchange = self.wire.exchanges[0]
        if exchange.method != self.call.http_method.upper():
            self.fail(f"sent {exchange.method}, the operation is {self.call.http_method.upper()} {self.call.path}")
        if exchange.diagnostics():
            self.fail("the mock server found the request at odds with the spec")
        matched = exchange.headers.get("x-steady-matched-path")
        if matched != self.call.path:
            self.fail(f"the mock server matched {matched!r}, the operation is {self.call.path!r}")

    def result(self, result: Any) -> None:
        """The result has the declared type, and the JSON the mock sent validates against it."""
        raw = self.wire.exchanges[0].body if self.wire.exchanges else None
        kind = self.call.result
        if kind == "none":
            if result is not None:
                self.fail(f"declared to return None, returned {type(result).__name__}")
        elif kind == "text":
            if not isinstance(result, str):
                self.fail(f"declared to return str, returned {type(result).__name__}")
        elif kind == "binary":
            content = getattr(result, "content", None)
            if not isinstance(content, bytes):
                self.fail(f"declared to return binary content, returned {type(result).__name__}")
        elif kind == "page":
            self._page(result, raw)
        else:
            self._model(result, raw)

    def _model(self, result: Any, raw: Any) -> None:
        if self.call.returns is None:
            self.fail("the call table names no return type")
            return
        declared = self.call.returns.load()
        if not matches(result, declared):
            self.fail(f"returned {type(result).__name__}, declared {self.call.returns.name}")
        problems = validation_errors(declared, raw)
        if problems:
            self.fail(f"the response does not validate as {self.call.returns.name}: {problems}")

    def _page(self, page: Any, raw: Any) -> None:
        assert self.call.page_kind is not None
        page_class = _page_class(self.call.page_kind, self.is_async)
        if not isinstance(page, page_class):
            self.fail(f"returned {type(page).__name__}, declared {page_class.__name__}")
        items = list(getattr(page, "data", None) or [])
        raw_items = raw.get("data", []) if isinstance(raw, dict) else []
        if len(items) != len(raw_items):
            self.fail(f"the page holds {len(items)} items, the response {len(raw_items)}")
        if self.call.page_item is None:
            return
        item_type = self.call.page_item.load()
        for n, (item, raw_item) in enumerate(zip(items, raw_items)):
            if not matches(item, item_type):
                self.fail(f"item {n} is {type(item).__name__}, declared {self.call.page_item.name}")
            problems = validation_errors(item_type, raw_item)
            if problems:
                self.fail(f"item {n} does not validate as {self.call.page_item.name}: {problems}")

    def stream(self, stream: Any, items: List[Any]) -> None:
        """A stream object of the right twin, whose first events parse into the event type."""
        expected = openai.AsyncStream if self.is_async else openai.Stream
        if not isinstance(stream, expected):
            self.fail(f"stream=True returned {type(stream).__name__}, not {expected.__name__}")
        if not items:
            self.fail("the stream produced no items")
        event_type = self.call.stream_event.load() if self.call.stream_event else pydantic.BaseModel
        for n, item in enumerate(items):
            if not matches(item, event_type):
                self.fail(f"stream item {n} is {type(item).__name__}, declared {event_type!r}")
            if wrapped(item):
                self.fail(
                    f"stream item {n} is a {type(item).__name__} holding only {{'event', 'data'}}: the event's "
                    f"fields were not parsed (event name {item.model_extra.get('event')!r})"
                )

"""Routing: path templates to handlers, and the :class:`Call` each handler receives.

Handlers are plain functions ``(Call) -> Reply`` that may raise :class:`ApiError`;
each resource module lists its own as ``ROUTES``.
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable, Dict, Iterable, List, Optional, Pattern, Tuple, Type, Union
from urllib.parse import unquote

from ._http import ReceivedRequest
from ._reply import ApiError, Reply, missing_parameter
from ._store import Store, cursor_page

__all__ = ["Call", "Handler", "Route", "Router", "find"]

Handler = Callable[["Call"], Reply]
Route = Tuple[str, str, Handler]

_PARAM = re.compile(r"\{(\w+)\}")
_MISSING = object()


class Call:
    """One request on its way through a handler: the request, its path parameters and the store."""

    __slots__ = ("_json", "params", "request", "router", "store")

    def __init__(self, request: ReceivedRequest, params: Dict[str, str], store: Store, router: Router) -> None:
        self.request = request
        self.params = params
        self.store = store
        self.router = router
        self._json: Any = _MISSING

    @property
    def query(self) -> Dict[str, str]:
        """The query string's parameters."""
        return self.request.query

    def json(self) -> Dict[str, Any]:
        """The body as a JSON object; a 400 error when it is absent, malformed or not an object."""
        if self._json is _MISSING:
            try:
                value = json.loads(self.request.body)
            except ValueError:
                raise ApiError(400, "The request body is not valid JSON.") from None
            if not isinstance(value, dict):
                raise ApiError(400, "The request body must be a JSON object.")
            self._json = value
        result: Dict[str, Any] = self._json
        return result

    def require(self, name: str, kind: Union[Type[Any], Tuple[Type[Any], ...]] = str) -> Any:
        """A required body field of type ``kind``; a 400 error naming it when missing or mistyped."""
        value = self.json().get(name)
        if value is None:
            raise missing_parameter(name)
        # bool is an int subclass, but the API never accepts true where it wants a number.
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise ApiError(400, f"Invalid type for '{name}'.", param=name, code="invalid_type")
        return value

    def optional_int(self, name: str, default: int, *, low: int, high: int) -> int:
        """An optional integer body field within ``[low, high]``."""
        value = self.json().get(name)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ApiError(400, f"'{name}' must be an integer from {low} to {high}.", param=name)
        return value

    def limit(self, default: int, maximum: int) -> int:
        """The ``limit`` query parameter, checked against ``[1, maximum]``."""
        raw = self.query.get("limit")
        if raw is None:
            return default
        if not raw.isdigit() or not 1 <= int(raw) <= maximum:
            raise ApiError(400, f"'limit' must be an integer from 1 to {maximum}.", param="limit")
        return int(raw)

    def ordered(self, items: List[Dict[str, Any]], default: str) -> List[Dict[str, Any]]:
        """``items`` (oldest first) in the order the ``order`` query parameter asks for."""
        order = self.query.get("order", default)
        if order not in ("asc", "desc"):
            raise ApiError(400, "'order' must be 'asc' or 'desc'.", param="order")
        return items if order == "asc" else items[::-1]

    def page(self, items: List[Dict[str, Any]], default_limit: int, maximum: int = 100) -> Dict[str, Any]:
        """The page of ``items`` the ``after`` and ``limit`` query parameters select."""
        return cursor_page(items, after=self.query.get("after"), limit=self.limit(default_limit, maximum))

    def dispatch(self, method: str, path: str, body: bytes) -> Reply:
        """Run another endpoint in-process (the batch runner uses this); ``path`` is below ``/v1``."""
        inner = ReceivedRequest(method, "/v1" + path, "HTTP/1.1", {"content-type": "application/json"}, body)
        return self.router.handle(inner, path, self.store)


class _Template:
    __slots__ = ("handlers", "names", "pattern")

    def __init__(self, pattern: Pattern[str], names: List[str]) -> None:
        self.pattern = pattern
        self.names = names
        self.handlers: Dict[str, Handler] = {}


class Router:
    """Finds the handler for a method and a path below ``/v1``; fixed paths first, then templates."""

    def __init__(self, routes: Iterable[Route]) -> None:
        self._fixed: Dict[str, Dict[str, Handler]] = {}
        self._templates: Dict[str, _Template] = {}
        for method, template, handler in routes:
            names = _PARAM.findall(template)
            if not names:
                self._fixed.setdefault(template, {})[method] = handler
                continue
            entry = self._templates.get(template)
            if entry is None:
                # Templates hold only letters, '_' and '/', so nothing in them needs escaping.
                regex = _PARAM.sub(r"([^/]+)", template)
                entry = self._templates[template] = _Template(re.compile(regex), names)
            entry.handlers[method] = handler

    def resolve(self, method: str, path: str) -> Tuple[Handler, Dict[str, str]]:
        """The handler and decoded path parameters; a 404 or 405 :class:`ApiError` when there is none."""
        handlers = self._fixed.get(path)
        params: Dict[str, str] = {}
        if handlers is None:
            for entry in self._templates.values():
                match = entry.pattern.fullmatch(path)
                if match is not None:
                    handlers = entry.handlers
                    params = {name: unquote(value) for name, value in zip(entry.names, match.groups())}
                    break
        if handlers is None:
            raise ApiError(404, f"Unknown request URL: {method} /v1{path}.", code="unknown_url")
        handler = handlers.get(method)
        if handler is None:
            raise ApiError(405, f"Method {method} is not allowed on /v1{path}.", code="method_not_allowed")
        return handler, params

    def handle(self, request: ReceivedRequest, path: str, store: Store) -> Reply:
        """Route ``request`` (whose path below ``/v1`` is ``path``) and run its handler."""
        try:
            handler, params = self.resolve(request.method, path)
            return handler(Call(request, params, store, self))
        except ApiError as error:
            return error.reply()


def find(items: Dict[str, Dict[str, Any]], item_id: str, noun: str, param: Optional[str] = None) -> Dict[str, Any]:
    """``items[item_id]``, or the API's 404 for a missing ``noun``."""
    item = items.get(item_id)
    if item is None:
        raise ApiError(404, f"No {noun} found with id '{item_id}'.", param=param)
    return item

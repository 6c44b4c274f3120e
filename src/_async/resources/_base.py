"""The base of every resource, and the two views that change what a call returns.

``resource.with_raw_response.method(...)`` returns the HTTP response with a ``parse()`` method;
``resource.with_streaming_response.method(...)`` is a context manager yielding the response
before its body is read. Both views give every method of a resource generically, bound to a copy
of the resource whose ``_mode`` (the ``mode`` of each call's :class:`CallOptions`) is the view's; each resource
package has generated named view classes (``AsyncCompletionsWithRawResponse``, ... in its ``_views.py``,
written by ``codegen/views.py``) so that the objects users get have the names the official SDK gives
them. A resource uses the views named after it in its own module (its module imports them), else
the generic ones. A generated view declares its resource's API calls for type checkers
(``retrieve = raw_call(AsyncFiles.retrieve)``), each with the resource method's parameters (every
overload of it) and a typed response.
"""

from __future__ import annotations

import copy
import functools
import sys
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Mapping, Optional, TypeVar, Union

from typing_extensions import Concatenate, ParamSpec, TypedDict

from ..._concurrency import AsyncPaginator
from ..._request import CallOptions, ResponseMode
from ..._response import HttpxBinaryResponseContent
from ..._signatures import install_call_signatures
from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .._response import AsyncResponseContextManager

if TYPE_CHECKING:
    from ..._view_types import AsyncMethod, AsyncRawCallable, AsyncStreamedCallable
    from .._base_client import AsyncAPIClient

__all__ = [
    "AsyncAPIResource",
    "AsyncRawResponseView",
    "AsyncStreamingResponseView",
    "RequestExtras",
    "request_extras",
]

_T = TypeVar("_T")
_PageT = TypeVar("_PageT")
_ResourceT = TypeVar("_ResourceT", bound="AsyncAPIResource")
_P = ParamSpec("_P")


class RequestExtras(TypedDict):
    """The per-call options every resource method takes, passed on together to :meth:`AsyncAPIResource._call`."""

    extra_headers: Optional[Headers]
    extra_query: Optional[Query]
    extra_body: Optional[Body]
    timeout: Union[Timeout, NotGiven]


def request_extras(
    extra_headers: Optional[Headers],
    extra_query: Optional[Query],
    extra_body: Optional[Body],
    timeout: Union[Timeout, NotGiven],
) -> RequestExtras:
    """A method's per-call options, as one value for a call made on its behalf."""
    return {"extra_headers": extra_headers, "extra_query": extra_query, "extra_body": extra_body, "timeout": timeout}


class AsyncAPIResource:
    """A group of API calls (``client.files``, ``client.chat.completions``, ...)."""

    # What every call of this resource sends beneath the caller's own headers and query: the beta
    # APIs opt in this way (an `OpenAI-Beta` header, a `beta=true` flag). Empty for most resources.
    _opt_in_headers: ClassVar[Mapping[str, str]] = {}
    _opt_in_query: ClassVar[Mapping[str, object]] = {}

    # The resource's own view classes: those named after it in its module, else the generic ones.
    _raw_response_view: ClassVar[type[AsyncRawResponseView]]
    _streaming_response_view: ClassVar[type[AsyncStreamingResponseView]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Calls taking `**params` get their real signature and a check of the keywords given.
        install_call_signatures(cls)
        # The module imported its generated views before defining the class, so they are found here.
        # They are at home in the resource's module, which exports them (their own module is the
        # generated detail, and imports the resource's module, so it must not be imported first).
        namespace = vars(sys.modules[cls.__module__])
        raw = namespace.get(cls.__name__ + "WithRawResponse")
        if isinstance(raw, type) and issubclass(raw, AsyncRawResponseView):
            cls._raw_response_view = raw
            raw.__module__ = cls.__module__
        streaming = namespace.get(cls.__name__ + "WithStreamingResponse")
        if isinstance(streaming, type) and issubclass(streaming, AsyncStreamingResponseView):
            cls._streaming_response_view = streaming
            streaming.__module__ = cls.__module__

    #: What this resource's calls return; the views' copies of a resource say "raw" or "streamed".
    _mode: ResponseMode = "parsed"

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    def _in_mode(self: _ResourceT, mode: ResponseMode) -> _ResourceT:
        """A copy of this resource whose calls return ``mode`` (the resource itself is left as it is)."""
        moded = copy.copy(self)
        moded._mode = mode
        return moded

    @functools.cached_property
    def with_raw_response(self) -> AsyncRawResponseView:
        """The same calls, returning the raw HTTP response; ``.parse()`` gives the usual result."""
        return self._raw_response_view(self)

    @functools.cached_property
    def with_streaming_response(self) -> AsyncStreamingResponseView:
        """The same calls as context managers yielding the response before its body is read."""
        return self._streaming_response_view(self)

    async def _call(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[_T],
        body: Optional[Mapping[str, object]] = None,
        query: Optional[Mapping[str, object]] = None,
        multipart: bool = False,
        stream_item: Any = None,
        stream_ends_with_done: bool = True,
        query_keys: tuple[str, ...] = (),
        json_hook: Optional[Callable[[Any], Any]] = None,
        accept: Optional[str] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Mapping[str, object]] = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> _T:
        """Make one API call. ``stream_item`` is the type of a call's events when it streams, which
        it does when its params say ``stream: true``; ``stream_ends_with_done=False`` is for event
        streams that end with a final event instead of ``[DONE]``. ``query_keys`` names params that
        travel in the query string of a call whose other params form the body. ``accept`` is the
        ``Accept`` header where the result type alone does not say it (see :func:`_default_accept`)."""
        if query_keys and body:
            body = dict(body)
            query = {**(query or {}), **{key: body.pop(key) for key in query_keys if key in body}}
        # Whether the body is an event stream is decided here, once, from the call's own params.
        if stream_item is not None and not ((body and body.get("stream")) or (query and query.get("stream"))):
            stream_item = None
        options = CallOptions(
            method=method,
            path=path,
            query=self._call_query(query),
            body=body,
            multipart=multipart,
            extra_headers=self._call_headers(extra_headers, accept or _default_accept(cast_to)),
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            json_hook=json_hook,
            stream_item=stream_item,
            stream_ends_with_done=stream_ends_with_done,
            mode=self._mode,
        )
        result: _T = await self._client.request(options, cast_to=cast_to)
        return result

    def _list(
        self,
        path: str,
        *,
        page: type[_PageT],
        query: Optional[Mapping[str, object]] = None,
        method: str = "get",
        body: Optional[Mapping[str, object]] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Mapping[str, object]] = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[Any, _PageT]:
        """A paginated call: its first page, and through it every item. A few list
        calls are POSTs with a body (a search, a batch activation); ``method`` and ``body`` say so."""
        options = CallOptions(
            method=method,
            path=path,
            query=self._call_query(query),
            body=body,
            extra_headers=self._call_headers(extra_headers),
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            mode=self._mode,
        )
        return self._client.get_api_list(options, page=page)

    def _call_query(self, query: Optional[Mapping[str, object]]) -> Optional[Mapping[str, object]]:
        """The resource's opt-in query flags beneath the call's own query."""
        return {**self._opt_in_query, **(query or {})} if self._opt_in_query else query

    def _call_headers(self, extra_headers: Optional[Headers], accept: Optional[str] = None) -> Optional[Headers]:
        """The resource's opt-in and the call's ``Accept``, beneath the caller's own headers (which win)."""
        if not self._opt_in_headers and accept is None:
            return extra_headers
        defaults: dict[str, str] = {**self._opt_in_headers}
        if accept is not None:
            defaults["Accept"] = accept
        return {**defaults, **(extra_headers or {})}


def _default_accept(cast_to: object) -> Optional[str]:
    # The client asks for JSON by default; a call answered with no body accepts anything, and a
    # file's content is asked for as binary.
    if cast_to is type(None):
        return "*/*"
    if cast_to is HttpxBinaryResponseContent:
        return "application/binary"
    return None


class _ResponseView:
    """Gives every method of a resource bound to a copy of it whose calls return the view's mode;
    a sub-resource gives its own view."""

    _mode: ResponseMode = "parsed"
    # The resource property returning this kind of view, which a sub-resource's attribute returns.
    _property = ""

    def __init__(self, target: object) -> None:
        self._target = target
        # A client's view (`client.with_raw_response.chat...`) only leads to its resources' views.
        self._moded = target._in_mode(self._mode) if isinstance(target, AsyncAPIResource) else target

    if not TYPE_CHECKING:
        # Hidden from type checkers, which see only what a generated view declares.
        def __getattr__(self, name: str) -> Any:
            attr = getattr(self._target, name)
            if isinstance(attr, AsyncAPIResource):
                return getattr(attr, self._property)
            if not callable(attr) or name.startswith("_"):
                return attr
            return self._wrap(name)

    def _wrap(self, name: str) -> Callable[..., Any]:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._target!r}>"


class AsyncRawResponseView(_ResponseView):
    """``with_raw_response``: each call returns a :class:`LegacyAPIResponse`.

    A resource's named view subclasses it.
    """

    _mode: ResponseMode = "raw"
    _property = "with_raw_response"

    def _wrap(self, name: str) -> Callable[..., Any]:
        method = getattr(self._moded, name)

        # Wrapping the resource's own method, not the copy's: `__wrapped__` and the signature
        # inspect reads (through it; not the function's `__signature__`, which has `self`) are the
        # resource's, as the official SDK's views give them.
        @functools.wraps(getattr(self._target, name), updated=())
        def call(*args: Any, **kwargs: Any) -> Any:
            return method(*args, **kwargs)

        return call


class AsyncStreamingResponseView(_ResponseView):
    """``with_streaming_response``: each call is a context manager yielding an unread response.

    A resource's named view subclasses it.
    """

    _mode: ResponseMode = "streamed"
    _property = "with_streaming_response"

    def _wrap(self, name: str) -> Callable[..., Any]:
        method = getattr(self._moded, name)

        # The resource's own method is the one wrapped, as in AsyncRawResponseView._wrap.
        @functools.wraps(getattr(self._target, name), updated=())
        def call(*args: Any, **kwargs: Any) -> Any:
            return AsyncResponseContextManager(lambda: method(*args, **kwargs))

        return call


if TYPE_CHECKING:
    # What the generated views declare their calls with (`create = raw_call(AsyncCompletions.create)`):
    # each keeps the resource method's parameters, overloads included, and types the view's response.
    # Type checkers only: at run time a view wraps whatever method is asked for (see _ResponseView).

    def raw_call(method: AsyncMethod[_P, _T]) -> AsyncRawCallable[_P, _T]:
        """A ``with_raw_response`` call: the raw response, whose ``parse()`` gives ``_T``."""
        ...

    def raw_list_call(
        method: Callable[Concatenate[Any, _P], AsyncPaginator[Any, _PageT]],
    ) -> AsyncRawCallable[_P, _PageT]:
        """A ``with_raw_response`` list call: the first page's raw response, whose ``parse()`` gives the page."""
        ...

    def streamed_call(method: AsyncMethod[_P, _T]) -> AsyncStreamedCallable[_P, _T]:
        """A ``with_streaming_response`` call: a context manager over the unread response."""
        ...

    def streamed_list_call(
        method: Callable[Concatenate[Any, _P], AsyncPaginator[Any, _PageT]],
    ) -> AsyncStreamedCallable[_P, _PageT]:
        """A ``with_streaming_response`` list call: a context manager over the first page's unread response."""
        ...


AsyncAPIResource._raw_response_view = AsyncRawResponseView
AsyncAPIResource._streaming_response_view = AsyncStreamingResponseView

"""The call types of the raw and streaming views, for type checkers: an async and a sync spelling of each.

A view's method takes the parameters of the resource method it wraps; what it gives back depends on
the view and on the client, so each alias comes in a pair that the unasync step swaps
(``AsyncMethod`` -> ``SyncMethod``, ...), the way ``src/_concurrency.py`` pairs its helpers.
Nothing here exists at run time: the views' methods are checked statically and wrapped dynamically.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, Awaitable, Callable, Coroutine, TypeVar

    from typing_extensions import Concatenate, ParamSpec, TypeAlias

    from ._async._response import AsyncAPIResponse, AsyncResponseContextManager
    from ._response import LegacyAPIResponse
    from ._sync._response import APIResponse, ResponseContextManager

    _P = ParamSpec("_P")
    _T = TypeVar("_T")

    #: A resource method, as found on its class (``self`` first).
    AsyncMethod: TypeAlias = Callable[Concatenate[Any, _P], Coroutine[Any, Any, _T]]
    SyncMethod: TypeAlias = Callable[Concatenate[Any, _P], _T]
    # The same call through a view, as found on the view's class: the leading parameter is the view,
    # which binding removes, so users see exactly the resource method's parameters.
    #: Through ``with_raw_response``.
    AsyncRawCallable: TypeAlias = Callable[Concatenate[Any, _P], Awaitable[LegacyAPIResponse[_T]]]
    SyncRawCallable: TypeAlias = Callable[Concatenate[Any, _P], LegacyAPIResponse[_T]]
    #: Through ``with_streaming_response``.
    AsyncStreamedCallable: TypeAlias = Callable[Concatenate[Any, _P], AsyncResponseContextManager[AsyncAPIResponse[_T]]]
    SyncStreamedCallable: TypeAlias = Callable[Concatenate[Any, _P], ResponseContextManager[APIResponse[_T]]]

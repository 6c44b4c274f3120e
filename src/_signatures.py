"""Real call signatures for resource methods that take their API parameters as ``**params``.

Resource methods are written ``def create(self, *, extra_headers=..., **params: Unpack[XParams])``:
one TypedDict per call keeps type checkers exact without spelling out dozens of arguments in
both twins. At run time, though, ``**params`` would accept any keyword (a typo such as
``max_token=`` would be sent to the server) and ``inspect.signature`` would show nothing useful
to the decorators, wrappers and IDE plugins that read it.

:func:`install_call_signatures` fixes both once, when a resource class is defined: each such
method gets a ``__signature__`` listing the TypedDict's keys as keyword-only parameters (required
keys without a default, optional ones defaulting to ``omit``), and is wrapped in a check that the
keywords of a call are known and the required ones present, raising ``TypeError`` as Python
itself would. The check is two subset tests against frozensets built here, nothing per call
that reflection would cost.
"""

from __future__ import annotations

import functools
import inspect
import sys
import typing
import warnings
from typing import Any, Callable, Dict, FrozenSet, Optional, Tuple

from typing_extensions import NotRequired, Required

from ._types import NOT_GIVEN, omit

__all__ = ["given_arguments", "install_call_signatures", "params_typeddict", "takes_params"]

_KEYWORD_ONLY = inspect.Parameter.KEYWORD_ONLY
_PACKAGE = __name__.rpartition(".")[0] + "."
_HELPERS = (f"{_PACKAGE}_async._helpers", f"{_PACKAGE}_sync._helpers")
_REQUEST_OPTIONS = frozenset({"extra_headers", "extra_query", "extra_body", "timeout"})
_QUALIFIERS = (Required, NotRequired, typing.Required, typing.NotRequired)  # type: ignore[attr-defined]


def install_call_signatures(cls: type) -> None:
    """Give every public ``**params`` method defined on ``cls`` its real signature and keyword check.

    A method marked with ``typing_extensions.deprecated`` keeps warning, from the caller's line,
    and still shows (and checks) the parameters of the function it wraps.
    """
    for name, attr in list(vars(cls).items()):
        if name.startswith("_") or not inspect.isfunction(attr) or hasattr(attr, "__checked_keywords__"):
            continue
        message = getattr(attr, "__deprecated__", None)
        original = inspect.unwrap(attr) if message is not None else attr
        params_type = params_typeddict(original)
        if params_type is not None or message is not None:
            setattr(cls, name, _checked(original, params_type, message))


def takes_params(method: Callable[..., Any]) -> bool:
    """Whether ``method`` takes its API parameters from a params TypedDict (``**params`` as written)."""
    return params_typeddict(inspect.unwrap(method)) is not None


def params_typeddict(function: Callable[..., Any]) -> Optional[type]:
    """The TypedDict named by ``**params: Unpack[X]`` in ``function``'s signature, if it has one."""
    code = function.__code__
    if not code.co_flags & inspect.CO_VARKEYWORDS:
        return None
    var_keyword = code.co_varnames[code.co_argcount + code.co_kwonlyargcount + bool(code.co_flags & inspect.CO_VARARGS)]
    annotation = function.__annotations__.get(var_keyword)
    if isinstance(annotation, str):
        # Under `from __future__ import annotations` it is the text `Unpack[Name]`; the name is
        # looked up where the method was written, which has imported it to annotate with it.
        inner = annotation.strip()
        if not (inner.startswith("Unpack[") and inner.endswith("]")):
            return None
        found = function.__globals__.get(inner[len("Unpack[") : -1].strip())
    else:
        args = typing.get_args(annotation)
        found = args[0] if args else None
    return found if isinstance(found, type) and hasattr(found, "__required_keys__") else None


def _unqualified(annotation: Any) -> Any:
    while typing.get_origin(annotation) in _QUALIFIERS:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _signature_and_keywords(
    function: Callable[..., Any], params_type: type
) -> Tuple[inspect.Signature, FrozenSet[str], FrozenSet[str]]:
    own = inspect.signature(function)
    hints: Dict[str, Any] = dict(getattr(params_type, "__annotations__", {}))
    for base in reversed(params_type.__mro__):
        hints = {**getattr(base, "__annotations__", {}), **hints}
    required: FrozenSet[str] = frozenset(getattr(params_type, "__required_keys__", ()))
    explicit = [p for p in own.parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD]
    taken = {p.name for p in explicit}
    from_params = [
        inspect.Parameter(
            key,
            _KEYWORD_ONLY,
            default=inspect.Parameter.empty if key in required else omit,
            annotation=_unqualified(hint),
        )
        for key, hint in sorted(hints.items(), key=lambda item: item[0] not in required)
        if key not in taken
    ]
    # The method's own keyword-only parameters (a path parameter, a helper's option), then the
    # params' required keys and their optional ones, then the request options: the order the
    # official SDK lists them in.
    positional = [p for p in explicit if p.kind is not _KEYWORD_ONLY]
    own_keyword = [p for p in explicit if p.kind is _KEYWORD_ONLY and p.name not in _REQUEST_OPTIONS]
    options = [p for p in explicit if p.kind is _KEYWORD_ONLY and p.name in _REQUEST_OPTIONS]
    parameters = positional + own_keyword + from_params + options
    allowed = frozenset(p.name for p in parameters if p.kind is not inspect.Parameter.POSITIONAL_ONLY)
    return own.replace(parameters=parameters), allowed, required - taken


def _checked(function: Callable[..., Any], params_type: Optional[type], message: Optional[str]) -> Callable[..., Any]:
    if params_type is None:
        signature = inspect.signature(function)
        # Python binds the arguments itself; nothing to check here.
        allowed: FrozenSet[str] = frozenset()
        required: FrozenSet[str] = frozenset()
        checks = False
    else:
        signature, allowed, required = _signature_and_keywords(function, params_type)
        checks = True
    label = function.__qualname__

    if message is not None:
        # Warned when called, as `typing_extensions.deprecated` does, so the warning names the
        # caller's line; for a coroutine function the call returns the coroutine unawaited.
        @functools.wraps(function)
        def deprecated_call(*args: Any, **kwargs: Any) -> Any:
            stacklevel = _callers_level()
            if stacklevel:
                warnings.warn(message, DeprecationWarning, stacklevel=stacklevel)
            if checks and not required <= kwargs.keys() <= allowed:
                _reject(label, kwargs, allowed, required)
            return function(*args, **kwargs)

        wrapper: Callable[..., Any] = deprecated_call
        wrapper.__deprecated__ = message  # type: ignore[attr-defined]
        if inspect.iscoroutinefunction(function) and hasattr(inspect, "markcoroutinefunction"):
            inspect.markcoroutinefunction(wrapper)
    elif inspect.iscoroutinefunction(function):

        @functools.wraps(function)
        async def checked_coroutine(*args: Any, **kwargs: Any) -> Any:
            if not required <= kwargs.keys() <= allowed:
                _reject(label, kwargs, allowed, required)
            return await function(*args, **kwargs)

        wrapper = checked_coroutine
    else:

        @functools.wraps(function)
        def checked(*args: Any, **kwargs: Any) -> Any:
            if not required <= kwargs.keys() <= allowed:
                _reject(label, kwargs, allowed, required)
            return function(*args, **kwargs)

        wrapper = checked
    wrapper.__signature__ = signature  # type: ignore[attr-defined]
    wrapper.__checked_keywords__ = allowed  # type: ignore[attr-defined]
    return wrapper


def _callers_level() -> int:
    """The ``stacklevel`` that names the first caller outside this package, or 0 for no warning.

    Called through ``with_raw_response`` the warning still names the user's line; called by one
    of this package's helpers (which warned for itself when it was called) there is none.
    """
    frame = sys._getframe(2)
    level = 2
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if not module.startswith(_PACKAGE):
            return level
        if module.startswith(_HELPERS):
            return 0
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return 2


def _reject(label: str, kwargs: Dict[str, Any], allowed: FrozenSet[str], required: FrozenSet[str]) -> None:
    unknown = sorted(set(kwargs) - allowed)
    if unknown:
        names = ", ".join(repr(name) for name in unknown)
        plural = "s" if len(unknown) > 1 else ""
        raise TypeError(f"{label}() got unexpected keyword argument{plural} {names}")
    missing = sorted(required - kwargs.keys())
    names = ", ".join(repr(name) for name in missing)
    plural = "s" if len(missing) > 1 else ""
    raise TypeError(f"{label}() missing {len(missing)} required keyword-only argument{plural}: {names}")


def given_arguments(**arguments: Any) -> Dict[str, Any]:
    """The arguments the caller gave: those still at ``omit`` (or ``NOT_GIVEN``) are left out.

    For the few calls that take a parameter of the official SDK beside their ``**params``.
    """
    return {name: value for name, value in arguments.items() if value is not omit and value is not NOT_GIVEN}

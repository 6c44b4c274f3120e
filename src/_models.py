"""The base class of every response model, and how server JSON becomes a model.

Models keep every field the server sent, known or not, so a newer server never loses data in
an older client. Building a model first asks pydantic-core to validate (fast, compiled); when
the payload does not match the declared types (an enum value this client does not know, a field
an OpenAI-compatible server leaves out) it falls back to a lenient build that follows the type
hints without rejecting anything, because refusing a 200 response the caller paid for helps nobody.
"""

from __future__ import annotations

import functools
from typing import Any, Dict, List, Optional, TypeVar, Union, get_args, get_origin

import pydantic
from pydantic import ConfigDict
from typing_extensions import Annotated, Literal

from ._public import publish

__all__ = ["BaseModel", "construct_type", "type_adapter", "validate_json"]

_ModelT = TypeVar("_ModelT", bound="BaseModel")


class BaseModel(pydantic.BaseModel):
    """A response object: attribute access to its fields, plus ``to_dict()`` and ``to_json()``.

    Fields the server sends that this version does not declare are kept and readable as attributes.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        protected_namespaces=(),
        arbitrary_types_allowed=True,
        defer_build=True,
    )

    @property
    def _request_id(self) -> Optional[str]:
        """The server's ``x-request-id`` for the response this object came from (top-level objects only)."""
        private = self.__pydantic_private__
        return private.get("_request_id") if private else None

    @_request_id.setter
    def _request_id(self, value: Optional[str]) -> None:
        # Kept in pydantic's private slot, not as a declared private attribute: a declared one
        # would cost an initialisation on every nested object of every response and stream chunk.
        object.__setattr__(self, "__pydantic_private__", {**(self.__pydantic_private__ or {}), "_request_id": value})

    def to_dict(
        self,
        *,
        mode: Literal["json", "python"] = "python",
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
    ) -> Dict[str, Any]:
        """Return the model as a dictionary of its fields, as the server named them.

        ``mode="json"`` gives only JSON-compatible values; ``exclude_unset`` leaves out fields
        the server did not send.
        """
        return self.model_dump(
            mode=mode,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=False,
        )

    def to_json(
        self,
        *,
        indent: Optional[int] = 2,
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
    ) -> str:
        """Return the model as a JSON string (indented by 2 unless ``indent`` says otherwise)."""
        return self.model_dump_json(
            indent=indent,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=False,
        )


def validate_json(type_: Any, raw: Union[str, bytes]) -> Any:
    """Build a model straight from JSON text in one compiled pass, or return None when that fails.

    The caller then takes the slower path (decode, check for an error object, lenient build),
    which also produces the helpful errors; the fast path is only ever an optimisation.
    """
    if isinstance(type_, type) and issubclass(type_, BaseModel):
        try:
            return type_.model_validate_json(raw)
        except pydantic.ValidationError:
            return None
    if get_origin(type_) in (Union, Annotated):  # a union of models, e.g. the events of a stream
        try:
            result = _adapter(type_).validate_json(raw)
        except pydantic.ValidationError:
            return None
        return result if isinstance(result, BaseModel) else None
    return None


def construct_type(type_: Any, value: object) -> Any:
    """Turn decoded JSON into ``type_`` without ever rejecting what the server sent."""
    if isinstance(type_, type) and issubclass(type_, BaseModel):
        if isinstance(value, dict):
            try:
                return type_.model_validate(value)
            except pydantic.ValidationError:
                return _construct_model(type_, value)
        return value
    if get_origin(type_) in (Union, Annotated, list, List, dict, Dict):
        try:
            return _adapter(type_).validate_python(value)
        except pydantic.ValidationError:
            pass
    return _construct_lenient(type_, value)


def type_adapter(type_: Any) -> pydantic.TypeAdapter[Any]:
    """A pydantic adapter for any type, built once per type (types that cannot be hashed each time)."""
    try:
        return _adapter(type_)
    except TypeError:  # unhashable, e.g. a type with a dict in its metadata
        return pydantic.TypeAdapter(type_)


@functools.lru_cache(maxsize=512)
def _adapter(type_: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(type_)


def _construct_model(model: type[_ModelT], data: Dict[str, Any]) -> _ModelT:
    values: Dict[str, Any] = {}
    known: set[str] = set()
    for name, field in model.model_fields.items():
        key = field.alias or name
        known.add(key)
        if key in data:
            values[name] = _construct_lenient(field.annotation, data[key])
        elif name in data:
            values[name] = _construct_lenient(field.annotation, data[name])
    for key, raw in data.items():
        if key not in known and key not in values:
            values[key] = raw
    return model.model_construct(**values)


def _construct_lenient(type_: Any, value: object) -> Any:
    if value is None:
        return None
    origin = get_origin(type_)
    if origin is Annotated:
        return _construct_lenient(get_args(type_)[0], value)
    if isinstance(type_, type) and issubclass(type_, BaseModel):
        return _construct_model(type_, value) if isinstance(value, dict) else value
    if origin is Union:
        return _construct_union(get_args(type_), value)
    if origin in (list, List) and isinstance(value, list):
        (item_type,) = get_args(type_) or (Any,)
        return [_construct_lenient(item_type, item) for item in value]
    if origin in (dict, Dict) and isinstance(value, dict):
        args = get_args(type_)
        item_type = args[1] if len(args) == 2 else Any
        return {key: _construct_lenient(item_type, item) for key, item in value.items()}
    return value


_TAG_FIELDS = ("type", "event", "object", "role")


def _construct_union(members: tuple[Any, ...], value: object) -> Any:
    """Pick the union member ``value`` belongs to, by its tag first, then by its other literals."""
    options = [_unwrap(member) for member in members if member is not type(None)]
    if not isinstance(value, dict):
        # A list or scalar: follow the one member of that shape (Optional[List[X]] and the like).
        shaped = [m for m in options if get_origin(m) in (list, List)] if isinstance(value, list) else []
        return _construct_lenient(shaped[0], value) if shaped else value
    candidates = [m for m in _flatten_union(options) if isinstance(m, type) and issubclass(m, BaseModel)]
    for tag in _TAG_FIELDS:
        if tag in value:
            tagged = [m for m in candidates if _literal_holds(m, tag, value[tag])]
            if tagged:
                candidates = tagged
                break
    for model in candidates:
        if _literals_match(model, value):
            return _construct_model(model, value)
    if candidates:
        return _construct_model(candidates[0], value)
    dicts = [m for m in options if get_origin(m) in (dict, Dict)]
    return _construct_lenient(dicts[0], value) if dicts else value


def _flatten_union(options: list[Any]) -> list[Any]:
    flat: list[Any] = []
    for option in options:
        if get_origin(option) is Union:
            flat.extend(_flatten_union([_unwrap(member) for member in get_args(option)]))
        else:
            flat.append(option)
    return flat


def _unwrap(type_: Any) -> Any:
    return get_args(type_)[0] if get_origin(type_) is Annotated else type_


def _literal_holds(model: type[BaseModel], key: str, value: object) -> bool:
    """Whether ``model`` declares ``key`` as a Literal that allows ``value`` (its tag)."""
    for name, field in model.model_fields.items():
        if (field.alias or name) == key:
            annotation = _unwrap(field.annotation)
            return get_origin(annotation) is Literal and value in get_args(annotation)
    return False


def _literals_match(model: type[BaseModel], data: Dict[str, Any]) -> bool:
    """True when every Literal-typed field present in ``data`` holds one of its allowed values."""
    for name, field in model.model_fields.items():
        annotation = _unwrap(field.annotation)
        if get_origin(annotation) is not Literal:
            continue
        key = field.alias or name
        if key in data and data[key] not in get_args(annotation):
            return False
    return True


# Tracebacks and reprs name these where users import them (see _public.py).
publish(globals(), __all__)

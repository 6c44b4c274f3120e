"""How names are spelled: schema names, property paths and wire names turned into Python names."""

from __future__ import annotations

import keyword
import re
from collections.abc import Mapping, Sequence

__all__ = [
    "RESERVED_MODEL_ATTRS",
    "SYNTHETIC_PREFIX",
    "common_words",
    "escape",
    "is_param_name",
    "loose",
    "page_item",
    "pascal",
    "pointer_doc",
    "safe_attr",
    "singular",
    "snake",
    "unescape",
]

# Attributes every response model already has (pydantic's, plus to_dict/to_json from src/_models.py); a field
# spelled like one of them gets a trailing underscore and keeps its wire name as alias. A test keeps this in
# step with pydantic.
# fmt: off
RESERVED_MODEL_ATTRS = frozenset({
    "construct", "copy", "dict", "from_orm", "json", "model_computed_fields", "model_config", "model_construct",
    "model_copy", "model_dump", "model_dump_json", "model_extra", "model_fields", "model_fields_set",
    "model_json_schema", "model_parametrized_name", "model_post_init", "model_rebuild", "model_validate",
    "model_validate_json", "model_validate_strings", "parse_file", "parse_obj", "parse_raw", "schema", "schema_json",
    "to_dict", "to_json", "update_forward_refs", "validate",
})
# fmt: on

# Pointer prefix of the schemas made up for configured unions (they have no schema in the spec).
SYNTHETIC_PREFIX = "x-union:"


def snake(name: str) -> str:
    """``ChatCompletionMessage`` -> ``chat_completion_message``."""
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s)
    return s.lower()


def pascal(text: str) -> str:
    """``image_url`` -> ``ImageUrl``; a name starting with a digit gets a ``V`` before it."""
    words = [w for w in re.split(r"[^A-Za-z0-9]+", str(text)) if w]
    out = "".join(w[:1].upper() + w[1:] for w in words)
    if not out or out[0].isdigit():
        out = "V" + out
    return out


def loose(name: str) -> str:
    """A name up to case and punctuation, to match spellings (``AdminAPIKey``, ``AdminApiKey``)."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def singular(word: str, overrides: Mapping[str, str]) -> str:
    """The singular of a resource or property name; ``overrides`` holds the irregular ones."""
    if word in overrides:
        return overrides[word]
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + ("Y" if word[-3].isupper() else "y")
    if re.search(r"(ch|sh|x|ss|us)es$", lower):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def is_param_name(name: str) -> bool:
    """A public name ending in ``Param`` is request-side (a TypedDict)."""
    return name.endswith("Param")


def common_words(names: Sequence[str]) -> str:
    """The CamelCase words every name begins with (``WebSearchAction`` of ``WebSearchActionFind``, ...)."""
    split = [re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+", name) for name in names]
    common: list[str] = []
    for words in zip(*split):
        if len(set(words)) != 1:
            break
        common.append(words[0])
    return "".join(common)


def safe_attr(wire: str, kind: str) -> str:
    """The attribute a wire name becomes: an identifier, not a keyword, and for a model not a model method."""
    attr = re.sub(r"\W", "_", wire)
    if not attr or attr[0].isdigit():
        attr = "n_" + attr
    if attr.startswith("_"):
        attr = "field" + attr
    if keyword.iskeyword(attr) or (kind == "model" and attr in RESERVED_MODEL_ATTRS):
        attr += "_"
    return attr


def pointer_doc(pointer: str) -> str:
    """The docstring of a type: where in the spec it comes from."""
    if pointer.startswith(SYNTHETIC_PREFIX):
        return "One of the schemas listed for it in codegen/type_names.json (the spec has no union of them)."
    return f"`{pointer}` in the OpenAPI spec."


def escape(segment: str) -> str:
    """One JSON-pointer segment (RFC 6901): ``/`` in a path becomes ``~1``."""
    return segment.replace("~", "~0").replace("/", "~1")


def unescape(segment: str) -> str:
    return segment.replace("~1", "/").replace("~0", "~")


def page_item(returns: str) -> str | None:
    """``SyncCursorPage[FileObject]`` -> ``FileObject``; None when the return type is not a page."""
    match = re.fullmatch(r"Sync\w*Page\[(\w+)\]", returns)
    return match.group(1) if match else None

"""Record the properties and methods the official SDK's types define beyond their fields, as a fact table.

Run once with the official SDK's interpreter (it is not a dependency of this project):

    /path/to/official/bin/python tools/official_type_members.py > spec/sdk-type-members.tsv

Every class of every ``openai.types`` module is walked, plus the SDK's own model base class (every type
inherits what it adds to pydantic's). A row is ``module, class, member, kind`` for each public member the
class defines itself: a property, method, classmethod or staticmethod. Fields and what pydantic's own
``BaseModel`` defines are left out; only names and kinds are kept, not the official code.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from typing import Iterator

SKIPPED = {"model_config", "model_fields", "model_computed_fields"}


def kind_of(value: object) -> str | None:
    if isinstance(value, property):
        return "property"
    if isinstance(value, classmethod):
        return "classmethod"
    if isinstance(value, staticmethod):
        return "staticmethod"
    if inspect.isfunction(value):
        return "method"
    if type(value).__name__ == "cached_property":
        return "property"
    return None


def members(module: str, cls: type) -> Iterator[tuple[str, str, str, str]]:
    for name, value in vars(cls).items():
        if name.startswith("_") or name in SKIPPED:
            continue
        kind = kind_of(value)
        if kind is not None:
            yield module, cls.__qualname__, name, kind


def main() -> None:
    import openai
    import openai.types
    from openai._models import BaseModel

    rows = set(members("openai._models", BaseModel))
    for info in pkgutil.walk_packages(openai.types.__path__, "openai.types."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if inspect.isclass(value) and value.__module__ == module.__name__:
                rows.update(members(module.__name__, value))
    out = sys.stdout
    out.write(f"# official SDK {openai.__version__}: module\tclass\tmember\tkind\n")
    for row in sorted(rows):
        out.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()

"""Record the parameter lists of every resource method of the official SDK, as a fact table.

Run once with the official SDK's interpreter (it is not a dependency of this project):

    /path/to/official/bin/python tools/official_signatures.py > spec/sdk-signatures.tsv

Each row is ``client path, method, parameters`` where parameters are ``name:KIND`` (``=`` after
the kind when the parameter has a default), in the order the official signature lists them, and
the warning's message when calling the method warns. Rows are
the sync client's: where the official async twin differs, the script says so on stderr. Only the shape is kept: the annotations are the
official SDK's own wording and are not needed to check that calls line up.
"""

from __future__ import annotations

import inspect
import sys
from typing import Any, Iterator

SKIPPED = {"with_raw_response", "with_streaming_response", "with_options", "copy"}


def walk(obj: object, resource_type: type, path: str) -> Iterator[tuple[str, Any]]:
    for name in sorted(dir(type(obj))):
        if name.startswith("_") or name in SKIPPED:
            continue
        attr = getattr(obj, name)
        if isinstance(attr, resource_type):
            yield from walk(attr, resource_type, f"{path}.{name}")
        elif isinstance(obj, resource_type) and inspect.ismethod(attr):
            yield f"{path}.{name}", attr


def shape(method: Any) -> str:
    parts = []
    for parameter in inspect.signature(method).parameters.values():
        default = "" if parameter.default is inspect.Parameter.empty else "="
        parts.append(f"{parameter.name}:{parameter.kind.name}{default}")
    return " ".join(parts)


def main() -> None:
    import openai
    from openai._resource import AsyncAPIResource, SyncAPIResource

    clients = (
        ("sync", openai.OpenAI(api_key="sk-x"), SyncAPIResource),
        ("async", openai.AsyncOpenAI(api_key="sk-x"), AsyncAPIResource),
    )
    out = sys.stdout
    out.write(f"# official SDK {openai.__version__}: path\tparameters\tdeprecated\n")
    rows: dict[str, tuple[str, str]] = {}
    for flavour, client, resource_type in clients:
        for path, method in walk(client, resource_type, "client"):
            deprecated = getattr(method, "__deprecated__", None) or ""
            row = (shape(method), deprecated)
            # The sync client's shape is the one recorded; where the official async twin differs
            # (it has a few such slips), say so rather than pick silently.
            if path in rows and rows[path] != row:
                sys.stderr.write(f"{path}: the {flavour} client's signature differs; the sync one is kept\n")
                continue
            rows[path] = row
    for path in sorted(rows):
        params, deprecated = rows[path]
        out.write(f"{path}\t{params}\t{deprecated}\n")


if __name__ == "__main__":
    main()

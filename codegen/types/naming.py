"""Naming: which public name stands for which schema, and which calls there are.

How a public name finds its schema, strongest first: ``names`` of ``codegen/type_names.json``; the schema a
call returns, for the return type the surface table names (a page's item for list calls; looked up in the
call's resource package and its parents, created in the package of the resource's parent when no package
lists it); a schema spelled the same; a schema spelled the same up to case and punctuation (``AdminAPIKey``,
``AdminApiKey``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from codegen.types.load import Inputs
from codegen.types.model import GenError
from codegen.types.normalise import SchemaReader
from codegen.types.spelling import SYNTHETIC_PREFIX, loose, page_item, snake

__all__ = ["NOT_MODELS", "SHARED_PACKAGES", "NameIndex", "synthetic_unions"]

# Official packages that re-export public names of openai.types (response and request side).
SHARED_PACKAGES = ("shared", "shared_params")
# Return types of calls whose response is not a model (raw bytes, text, nothing).
NOT_MODELS = frozenset({"None", "str", "HttpxBinaryResponseContent"})


def synthetic_unions(
    config: Mapping[str, Any], schemas: Mapping[str, Any]
) -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
    """Public unions the spec has no schema for (every webhook payload, every beta realtime event): for each
    ``"module:Name"`` the pointer of its made-up schema, and those schemas by pointer."""
    synthetic: dict[str, str] = {}
    made_up: dict[str, dict[str, Any]] = {}
    for key, union in sorted(config.get("unions", {}).items()):
        missing = [m for m in union["members"] if m not in schemas and m not in made_up]
        if missing or not union["members"]:
            raise GenError([f"codegen/type_names.json: union {key} lists unknown schemas {missing}"])
        pointer = SYNTHETIC_PREFIX + key.split(":")[1]
        schema: dict[str, Any] = {"anyOf": [{"$ref": f"#/components/schemas/{m}"} for m in union["members"]]}
        if union.get("discriminator"):
            schema["discriminator"] = {"propertyName": union["discriminator"]}
        made_up[pointer] = schema
        synthetic[key] = pointer
    return synthetic, made_up


class NameIndex:
    """The public names of ``openai.types`` by schema pointer, and every call with the schema it returns.

    The build stage adds to ``canonical`` and ``name_source`` the names it makes up for schemas nothing else
    names (``openai.types._spec``).
    """

    def __init__(self, reader: SchemaReader, inputs: Inputs, synthetic: Mapping[str, str]) -> None:
        self.reader = reader
        self.config = inputs.config
        self.surface = inputs.surface
        # The official SDK's modules under openai.types and the names each has (sdk-modules.tsv), by module
        # parts under src/types: what the generated tree must offer besides the public names of the type list.
        self.module_surface: dict[tuple[str, ...], tuple[str, ...]] = {
            parts: tuple(names) for parts, names in inputs.module_surface.items()
        }
        self.synthetic: dict[str, str] = dict(synthetic)  # "module:Name" -> the pointer of its made-up schema
        self.unlisted_returns: set[str] = set()  # "module:Name" of return types sdk-type-names.tsv lacks
        self.calls = self._calls()
        self._index_names(inputs.type_names)
        self._index_returns()

    def _calls(self) -> list[dict[str, str]]:
        """The surface table's calls, plus the configured calls for spec operations the table lacks."""
        calls = [dict(c, official="yes") for c in self.surface]
        taken = {c["call"] for c in calls}
        for extra in self.config.get("extra_calls", []):
            if extra["call"] in taken:
                raise GenError([f"codegen/type_names.json: extra call {extra['call']} is already in the surface table"])
            calls.append(dict(extra, official="no"))
        for call in calls:
            if call["http_method"].lower() not in self.reader.spec["paths"].get(call["path"], {}):
                raise GenError([f"{call['call']}: no operation {call['http_method']} {call['path']} in the spec"])
        return sorted(calls, key=lambda c: c["call"])

    def _surface_type_names(self, type_names: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """The type list plus the official modules' own names it lacks (``beta.chatkit``'s
        ``ChatSessionHistory`` in ``chat_session_history``), for those a schema is spelled like."""
        known = set(type_names)
        kept = set(self.config.get("kept_aliases", {}))
        by_loose: dict[str, list[str]] = {}
        for schema_name in self.reader.schemas:
            by_loose.setdefault(loose(schema_name), []).append(schema_name)
        extra = []
        for parts, names in sorted(self.module_surface.items()):
            if not parts or parts[0] in SHARED_PACKAGES:
                continue  # the shared packages offer the public names of openai.types, the same objects
            module = ".".join(("openai", "types", *parts[:-1]))
            for name in names:
                configured = f"{module}:{name}" in self.config.get("names", {})
                if (
                    (module, name) in known
                    or f"{'.'.join(('openai', 'types', *parts))}:{name}" in kept
                    or loose(snake(name)) != loose(parts[-1])
                    or (len(by_loose.get(loose(name), [])) != 1 and not configured)
                ):
                    continue
                extra.append((module, name))
                known.add((module, name))
        return [*type_names, *extra]

    def _index_names(self, type_names: list[tuple[str, str]]) -> None:
        type_names = self._surface_type_names(type_names)
        explicit: dict[str, str] = self.config.get("names", {})
        aliases: dict[str, str] = self.config.get("aliases", {})
        # Public names the spec has no schema for, each an alias of a builtin type (FileContent is `str`).
        self.builtin_aliases: dict[str, str] = self.config.get("not_in_spec", {})
        skipped = set(self.builtin_aliases)
        known = {f"{m}:{n}" for m, n in type_names}
        for key in [*explicit, *aliases, *skipped, *self.synthetic]:
            if key not in known:
                raise GenError([f"codegen/type_names.json: {key} is not in sdk-type-names.tsv"])
        # A public name spelled like a schema up to case and punctuation (AdminAPIKey, AdminApiKey) maps to it when
        # exactly one schema is spelled that way.
        by_loose: dict[str, list[str]] = {}
        for schema_name in self.reader.schemas:
            by_loose.setdefault(loose(schema_name), []).append(schema_name)
        self.type_names = list(type_names)
        self.canonical: dict[str, list[tuple[str, str]]] = {}  # pointer -> [(module, name)]
        self.unmapped: list[str] = []
        self.aliases: list[tuple[str, str, str, str]] = []
        self.name_source: dict[tuple[str, str], str] = {}  # (module, name) -> how its schema was found
        for module, name in type_names:
            key = f"{module}:{name}"
            if key in skipped:
                continue
            if key in aliases:
                target_module, target_name = aliases[key].split(":")
                self.aliases.append((module, name, target_module, target_name))
                continue
            if key in explicit or key in self.synthetic:
                pointer, source = explicit.get(key) or self.synthetic[key], "configured"
            elif name in self.reader.schemas and not name.startswith(SYNTHETIC_PREFIX):
                pointer, source = name, "same name"
            elif len(by_loose.get(loose(name), [])) == 1:
                pointer, source = by_loose[loose(name)][0], "same name up to case"
            else:
                self.unmapped.append(key)
                continue
            self.reader.schema_at(pointer)  # fails loudly on a mistyped pointer
            self.canonical.setdefault(pointer, []).append((module, name))
            self.name_source[(module, name)] = source
        self._index_request_twins(known)
        # Names the official SDK does not have, for schemas users still meet (the speech event stream).
        for key, pointer in self.config.get("extra_names", {}).items():
            if key in known:
                raise GenError([f"codegen/type_names.json: extra name {key} is in sdk-type-names.tsv; map it in names"])
            module, name = key.split(":")
            self.reader.schema_at(pointer)
            self.canonical.setdefault(pointer, []).append((module, name))
            self.name_source[(module, name)] = "configured (not in sdk-type-names.tsv)"

    def _index_request_twins(self, known: set[str]) -> None:
        """The official modules ``<name>_param`` of response types the type list names (``realtime``'s
        ``ConversationItemParam`` beside ``ConversationItem``): the request side of the same schema."""
        pointers = {entry: pointer for pointer, entries in self.canonical.items() for entry in entries}
        for module, name, target_module, target_name in self.aliases:
            if (target_module, target_name) in pointers:
                pointers[(module, name)] = pointers[(target_module, target_name)]
        kept = set(self.config.get("kept_aliases", {}))
        for parts, names in sorted(self.module_surface.items()):
            module = ".".join(("openai", "types", *parts[:-1]))
            for name in names:
                base = name[: -len("Param")]
                if (
                    not parts
                    or f"{'.'.join(('openai', 'types', *parts))}:{name}" in kept
                    or not name.endswith("Param")
                    or f"{module}:{name}" in known
                    or loose(snake(name)) != loose(parts[-1])
                    or (module, base) not in pointers
                ):
                    continue
                self.canonical[pointers[(module, base)]].append((module, name))
                self.name_source[(module, name)] = "request side of an official response type (sdk-modules.tsv)"

    def _index_returns(self) -> None:
        """Give every return type of a call its schema, adding the names the type list lacks.

        A call ``client.a.b.c.method`` returning ``Name`` finds ``Name`` in ``openai.types.a.b.c``, else in the
        closest enclosing package that lists it; a name no package lists is created in ``openai.types.a.b``, where
        that resource's params live. Its schema is what the operation returns (a page's item for list calls).
        """
        listed: dict[str, list[str]] = {}
        for module, name in self.type_names:
            listed.setdefault(name, []).append(module)
        self.returns: dict[str, tuple[str, str] | None] = {}  # call -> (module, name) of its return type
        self.call_pointers: dict[str, str] = {}
        problems = []
        for call in self.calls:
            name = page_item(call["returns"]) or call["returns"]
            if name in NOT_MODELS:
                self.returns[call["call"]] = None
                continue
            resource = call["call"].split(".")[1:-1]
            packages = [".".join(("openai", "types", *resource[:depth])) for depth in range(len(resource), -1, -1)]
            found = [p for p in packages if p in listed.get(name, [])]
            module = found[0] if found else packages[min(1, len(packages) - 1)]
            if not found:
                self.name_source[(module, name)] = f"return type of {call['call']} (not in sdk-type-names.tsv)"
                self.unlisted_returns.add(f"{module}:{name}")
            pointer = self.reader.response_pointer(call)
            self.returns[call["call"]] = (module, name)
            self.call_pointers[call["call"]] = pointer
            mapped = [p for p, entries in self.canonical.items() if (module, name) in entries]
            if mapped and mapped != [pointer] and self.name_source.get((module, name)) != "configured":
                # What a call returns beats a schema that merely shares the name (`Group` vs `GroupResponse`).
                self.canonical[mapped[0]].remove((module, name))
                if not self.canonical[mapped[0]]:
                    del self.canonical[mapped[0]]
                mapped = []
            if not mapped:
                self.canonical.setdefault(pointer, []).append((module, name))
                if self.name_source.get((module, name), "same name").startswith("same name"):
                    self.name_source[(module, name)] = f"return type of {call['call']}"
                if f"{module}:{name}" in self.unmapped:
                    self.unmapped.remove(f"{module}:{name}")
            elif mapped != [pointer]:
                problems.append(
                    f"{call['call']} returns {module}:{name}, mapped to {mapped[0]!r}, but its operation returns "
                    f"{pointer!r}"
                )
        if problems:
            raise GenError(problems)

    def all_names(self) -> Iterator[tuple[str, str]]:
        """Every public (module, name) the index knows: those with a schema, then the configured aliases."""
        for entries in self.canonical.values():
            yield from entries
        for module, name, _, _ in self.aliases:
            yield module, name

"""The intermediate type model: what every stage of the generator hands to the next.

A schema of the spec, once normalised, is built into :class:`Decl` objects (a model, a TypedDict or a type
alias) inside :class:`ModuleBuilder` objects (one per generated module), their fields typed with the small
algebra :data:`Ty`. Rendering reads nothing else: how a type is spelled in Python is decided there alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Union

from codegen.types.spelling import loose

__all__ = [
    "IMPORTED_NAMES",
    "Arr",
    "Decl",
    "FieldSpec",
    "GenError",
    "Lit",
    "Map",
    "ModuleBuilder",
    "Opt",
    "Prim",
    "Ref",
    "Ty",
    "Uni",
    "contains_class",
    "decl_kind",
    "leaves",
    "optional",
    "reachable",
    "same",
    "union",
]


class GenError(Exception):
    """The spec, the name lists or the mapping cannot be turned into code as they stand."""


# Names generated code imports; a nested class must not take one of them (a property called `union`, say).
# fmt: off
IMPORTED_NAMES = frozenset({
    "Annotated", "BaseModel", "Dict", "FileTypes", "Iterable", "List", "Literal", "Optional", "Required", "Sequence",
    "TypeAlias", "TypedDict", "Union", "builtins", "pydantic",
})
# fmt: on


# --------------------------------------------------------------------------------------------------------------
# What a field or alias is, independent of how it is spelled in Python.


@dataclass(frozen=True)
class Prim:
    """A builtin: str | int | float | bool | object | None, or FileTypes (an upload)."""

    name: str


@dataclass(frozen=True)
class Lit:
    """A ``Literal`` of these values."""

    values: tuple[Union[str, int, bool], ...]


@dataclass(frozen=True)
class Arr:
    """A list of ``item``; ``side`` (model or param) decides the container it is spelled with."""

    item: Ty
    side: str


@dataclass(frozen=True)
class Map:
    """A mapping of strings to ``value``."""

    value: Ty


@dataclass(frozen=True)
class Uni:
    """A union, tagged by ``discriminator`` when pydantic can pick the member by it."""

    members: tuple[Ty, ...]
    discriminator: str | None = None


@dataclass(frozen=True)
class Opt:
    """``inner`` or None."""

    inner: Ty


@dataclass(frozen=True, eq=False)
class Ref:
    """A declaration, by identity: two declarations with the same fields are still two types."""

    decl: Decl


Ty = Union[Prim, Lit, Arr, Map, Uni, Opt, Ref]


@dataclass(eq=False)
class FieldSpec:
    """One field of a model or key of a TypedDict, under its wire name."""

    wire: str
    ty: Ty
    required: bool


@dataclass(eq=False)
class Decl:
    """One top-level name in a generated module: a model, a TypedDict or a type alias."""

    name: str
    module: ModuleBuilder
    kind: str  # model | typeddict | alias
    doc: str
    pointer: str = ""
    fields: list[FieldSpec] = field(default_factory=list)
    target: Ty | None = None
    base: Decl | None = None


@dataclass(eq=False)
class ModuleBuilder:
    """A generated module while it is being filled: its declarations in definition order."""

    parts: tuple[str, ...]  # ("chat", "chat_completion") for src/types/chat/chat_completion.py
    decls: list[Decl] = field(default_factory=list)
    names: set[str] = field(default_factory=lambda: set(IMPORTED_NAMES))
    memo: dict[tuple[str, str], Decl] = field(default_factory=dict)
    # The official SDK's names in this module (sdk-modules.tsv), by loose spelling: a name made up from a
    # property path takes the official spelling (`ImageUrl` -> `ImageURL`) and an inline union gets a name
    # only when the official module has one for it.
    official: dict[str, str] = field(default_factory=dict)

    @property
    def package(self) -> tuple[str, ...]:
        return self.parts[:-1]

    def claim(self, wanted: str) -> str:
        """A name for a new declaration: the official spelling of ``wanted`` if free, else numbered."""
        spelled = self.official.get(loose(wanted))
        if spelled is not None and spelled not in self.names:
            wanted = spelled
        name, n = wanted, 1
        while name in self.names:
            n += 1
            name = f"{wanted}{n}"
        self.names.add(name)
        return name


# --------------------------------------------------------------------------------------------------------------
# The algebra of types.


def decl_kind(decl: Decl) -> str:
    """``model`` for a pydantic class, ``alias`` for a union or other type alias."""
    return "model" if decl.kind == "model" else "alias"


def optional(ty: Ty) -> Ty:
    return ty if isinstance(ty, Opt) or ty == Prim("None") else Opt(ty)


def union(members: Sequence[Ty], discriminator: str | None = None) -> Ty:
    """The union of ``members``: nested untagged unions flattened, None pulled out as Optional, duplicates and
    several literals merged."""
    flat: list[Ty] = []
    nullable = False
    for member in members:
        if isinstance(member, Opt):
            nullable, member = True, member.inner
        if member == Prim("None"):
            nullable = True
        elif isinstance(member, Uni) and member.discriminator is None:
            flat.extend(member.members)
        else:
            flat.append(member)
    unique: list[Ty] = []
    for member in flat:
        if not any(same(member, seen) for seen in unique):
            unique.append(member)
    if discriminator is None:
        literals = [v for m in unique if isinstance(m, Lit) for v in m.values]
        if len(literals) > 1 or sum(isinstance(m, Lit) for m in unique) > 1:
            first = next(i for i, m in enumerate(unique) if isinstance(m, Lit))
            rest = [m for m in unique if not isinstance(m, Lit)]
            unique = [*rest[:first], Lit(tuple(dict.fromkeys(literals))), *rest[first:]]
    ty: Ty = unique[0] if len(unique) == 1 else Uni(tuple(unique), discriminator)
    return Opt(ty) if nullable else ty


def leaves(members: Sequence[Ty]) -> list[Ty]:
    """A tagged union's members with every nested union alias spelled out: pydantic tags either form the same way,
    but the lenient builder of src/_models.py only recognises classes listed in the union itself."""
    out: list[Ty] = []
    for member in members:
        target = member.decl.target if isinstance(member, Ref) and member.decl.kind == "alias" else None
        if isinstance(target, Uni):
            out.extend(m for m in leaves(target.members) if not any(same(m, seen) for seen in out))
        elif not any(same(member, seen) for seen in out):
            out.append(member)
    return out


def same(a: Ty, b: Ty) -> bool:
    if isinstance(a, Ref) and isinstance(b, Ref):
        return a.decl is b.decl
    return a == b


def contains_class(ty: Ty) -> bool:
    """Whether a model or TypedDict is anywhere inside ``ty``."""
    if isinstance(ty, Ref):
        return ty.decl.kind != "alias" or (ty.decl.target is not None and contains_class(ty.decl.target))
    if isinstance(ty, (Arr, Opt)):
        return contains_class(ty.item if isinstance(ty, Arr) else ty.inner)
    if isinstance(ty, Map):
        return contains_class(ty.value)
    if isinstance(ty, Uni):
        return any(contains_class(m) for m in ty.members)
    return False


def reachable(decls: Sequence[Decl]) -> list[Decl]:
    """Every declaration the given ones use, directly or through others, in a stable order."""
    seen: dict[int, Decl] = {}
    stack: list[Decl] = list(reversed(decls))
    order: list[Decl] = []
    while stack:
        decl = stack.pop()
        if id(decl) in seen:
            continue
        seen[id(decl)] = decl
        order.append(decl)
        tys: list[Ty] = [f.ty for f in decl.fields]
        if decl.target is not None:
            tys.append(decl.target)
        if decl.base is not None:
            tys.append(Ref(decl.base))
        while tys:
            ty = tys.pop()
            if isinstance(ty, Ref):
                stack.append(ty.decl)
            elif isinstance(ty, Arr):
                tys.append(ty.item)
            elif isinstance(ty, Opt):
                tys.append(ty.inner)
            elif isinstance(ty, Map):
                tys.append(ty.value)
            elif isinstance(ty, Uni):
                tys.extend(reversed(ty.members))
    return order

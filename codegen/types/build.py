"""Building: normalised schemas turned into the declarations of the type model, module by module.

- Each public name gets its own module, ``src/types/<module path>/<snake_case name>.py``. A name ending in
  ``Param`` is request-side (a ``TypedDict``); any other is response-side (a pydantic model). When a schema with
  only a response-side name is used in a request, its request twin is ``<Name>Param`` in ``<name>_param.py``
  beside it, and the other way round. A schema with no object inside (an enum, a map, a string union) is one
  type alias used by both sides. Several names for one schema: other schemas refer to the one spelled like the
  schema (else the one in the shallowest package); the others are classes of their own with the same fields.
- A schema without a public name is generated inside the module that uses it, named after the property path
  that reaches it (``ChatCompletion.choices[].logprobs`` -> ``ChoiceLogprobs``); a module defines it once.
- A union of models is tagged (``Annotated[Union[...], pydantic.Field(discriminator=...)]``) by the spec's
  discriminator, or else by ``type``/``event``/``object`` when every member has its own value of it; nested
  unions are spelled out. Enums are ``Literal``; a value a newer server sends fails validation, and the model
  builder of ``src/_models.py`` then builds the model leniently, keeping the value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from codegen.types.model import (
    Arr,
    Decl,
    FieldSpec,
    GenError,
    Lit,
    Map,
    ModuleBuilder,
    Opt,
    Prim,
    Ref,
    Ty,
    optional,
    union,
)
from codegen.types.naming import NameIndex
from codegen.types.normalise import SchemaReader, Shape
from codegen.types.spelling import common_words, is_param_name, loose, pascal, pointer_doc, singular, snake

__all__ = ["INFERRED_TAGS", "Builder"]

# Tags a union of models is discriminated by when the spec names none (checked: every member has one value).
INFERRED_TAGS = ("type", "event", "object")


class Builder:
    """The generated modules while they are being filled, and the public declarations by schema and by name."""

    def __init__(self, reader: SchemaReader, index: NameIndex) -> None:
        self.reader = reader
        self.index = index
        self.config = index.config
        self.module_surface = index.module_surface
        self.singular_overrides: dict[str, str] = self.config.get("singular", {})
        self.modules: dict[tuple[str, ...], ModuleBuilder] = {}
        self.public: dict[tuple[str, str], Decl] = {}  # (pointer, side) -> decl; side "neutral" for aliases
        self.by_name: dict[tuple[str, str], Decl] = {}  # (module, name) -> decl
        self.queue: list[Decl] = []
        self.visited: set[str] = set()
        self._building: set[tuple[int, str, str]] = set()
        self.untagged: list[str] = []  # unions the spec tags that cannot be tagged in pydantic, for --report
        self.inline_twins: set[str] = set()  # one side of a public schema generated inline, for --report
        self.exports: dict[tuple[str, ...], dict[str, tuple[str, ...]]] = {}
        self.late_aliases: list[tuple[ModuleBuilder, str, Decl]] = []  # see _name_again
        self.call_info: dict[str, dict[str, Any]] = {}  # call -> its entry of resource_types.json
        self.surface_missing: list[str] = []  # official names nothing generated stands for (surface.py)
        self.variants_made: set[str] = set()  # calls of LITERAL_VARIANTS whose variant params were written (params.py)

    def singular(self, word: str) -> str:
        return singular(word, self.singular_overrides)

    # -- modules -------------------------------------------------------------------------------------------------

    def module_for(self, module: str, name: str) -> ModuleBuilder:
        """The module a public name is defined in, created on first use."""
        if module != "openai.types" and not module.startswith("openai.types."):
            raise GenError([f"{module}:{name}: public modules must live under openai.types"])
        package = tuple(p for p in module.split(".")[2:])
        parts = (*package, self.module_name(package, name))
        if (
            parts in self.modules
            and name in self.module_surface.get(parts, ())
            and name not in self.modules[parts].names
        ):
            self.modules[parts].names.add(name)
            return self.modules[parts]
        if parts in self.modules:
            raise GenError([f"{module}:{name}: module {'/'.join(parts)}.py is already generated for another name"])
        builder = self.new_module(parts)
        builder.names.add(name)
        self.modules[parts] = builder
        return builder

    def module_name(self, package: tuple[str, ...], name: str) -> str:
        """The module a public name lives in: the official one listing it (``chatkit_thread`` for
        ``ChatKitThread``), else its snake_case spelling."""
        wanted = loose(snake(name))
        listing = []
        for parts, names in self.module_surface.items():
            if parts[:-1] == package and parts and name in names:
                if loose(parts[-1]) == wanted:
                    return parts[-1]
                if not parts[-1].endswith(("_param", "_params")):  # a response type, never in a request module
                    listing.append(parts[-1])
        if ".".join(("openai", "types", *package)) + ":" + name in self.index.unlisted_returns and len(listing) == 1:
            # A return type the type list lacks that the official SDK defines inside one module of the package
            # (`Data` of `chatkit_thread_item_list`) lives there, beside that module's own type.
            return listing[0]
        return snake(name)

    def new_module(self, parts: tuple[str, ...]) -> ModuleBuilder:
        official = self.module_surface.get(parts, ())
        if not official and len(parts) == 1:
            # A top-level type the official SDK defines in a shared package: its names are spelled there.
            official = self.module_surface.get(("shared", parts[0]), ()) or self.module_surface.get(
                ("shared_params", parts[0].removesuffix("_param")), ()
            )
        return ModuleBuilder(parts, official={loose(n): n for n in official})

    def official_spelling(self, parts: tuple[str, ...], name: str) -> str:
        """``name`` as the official module ``parts`` spells it (``AdminApiKeyCreateParams`` -> ``AdminAPIKey...``)."""
        wanted = loose(name)
        return next((n for n in self.module_surface.get(parts, ()) if loose(n) == wanted), name)

    def has_model(self, parts: tuple[str, ...], name: str) -> bool:
        """Whether the module ``parts`` defines a model class ``name``."""
        mod = self.modules.get(parts)
        return mod is not None and any(d.name == name and d.kind == "model" for d in mod.decls)

    def export(self, builder: ModuleBuilder, name: str) -> None:
        """Export ``name`` from the package of the module defining it."""
        exported = self.exports.setdefault(builder.package, {})
        if exported.get(name, builder.parts) != builder.parts:
            where = ".".join(("openai", "types", *builder.package))
            raise GenError([f"{where}.{name} is exported by both {exported[name][-1]}.py and {builder.parts[-1]}.py"])
        exported[name] = builder.parts

    # -- public declarations -------------------------------------------------------------------------------------

    def public_decl(self, pointer: str, side: str) -> Decl | None:
        """The public declaration that stands for ``pointer`` wherever another schema uses it, if it has one."""
        entries = self.index.canonical.get(pointer)
        if not entries:
            return None
        neutral = not self.reader.has_class(self.reader.schema_at(pointer))
        key = (pointer, "neutral" if neutral else side)
        if key in self.public:
            return self.public[key]
        if neutral:
            module, name = self._primary(pointer, entries, prefer_param=False)
        else:
            picked = self._pick_sided(pointer, entries, side)
            if picked is None:
                return None
            module, name = picked
        return self.declare_public(module, name, pointer, key[1])

    def _primary(self, pointer: str, entries: list[tuple[str, str]], prefer_param: bool) -> tuple[str, str]:
        """Of several public names for one schema, the one other types refer to; the rest are copies of it.

        The name spelled like the schema wins, then the one in the shallowest package.
        """
        schema_name = pointer.split("/")[0]
        return min(
            entries,
            key=lambda e: (
                is_param_name(e[1]) != prefer_param,
                loose(e[1]) != loose(schema_name),
                e[0].count("."),
                e,
            ),
        )

    def _pick_sided(self, pointer: str, entries: list[tuple[str, str]], side: str) -> tuple[str, str] | None:
        want_param = side == "param"
        same_side = [e for e in entries if is_param_name(e[1]) == want_param]
        if same_side:
            return self._primary(pointer, same_side, want_param)
        module, name = self._primary(pointer, entries, not want_param)
        twin = name + "Param" if want_param else name[: -len("Param")]
        if (module, twin) in self.by_name or any(twin == n and module == m for m, n in self.index.all_names()):
            # The other side keeps its own name for something else: generate this side inline where it is used.
            self.inline_twins.add(f"{pointer} ({side} side; {module}:{twin} names another schema)")
            return None
        return module, twin

    def declare_public(self, module: str, name: str, pointer: str, side: str, primary: bool = True) -> Decl:
        """Declare a public name for ``pointer``; it is built when the queue is drained."""
        builder = self.module_for(module, name)
        kind = "alias" if side == "neutral" else ("typeddict" if side == "param" else "model")
        decl = Decl(name, builder, kind, pointer_doc(pointer), pointer)
        if primary:
            self.public[(pointer, side)] = decl
        self.by_name[(module, name)] = decl
        self.queue.append(decl)
        self.export(builder, name)
        return decl

    def alias(self, module: str, name: str, target: Decl) -> None:
        """A second public name for ``target``."""
        builder = self.module_for(module, name)
        alias = Decl(name, builder, "alias", f"Another name for `{target.name}`.", target=Ref(target))
        builder.decls.append(alias)
        self.by_name[(module, name)] = alias
        self.export(builder, name)

    def in_scope_pointer(self, pointer: str) -> bool:
        """Outside the whole-spec scope (a narrowed ``--scope`` run) only what the calls reached is generated."""
        return "*" in self.config.get("scope", []) or pointer in self.visited

    def declare_all(self) -> None:
        """Declare every public name not declared yet, then build them all: every public name is importable,
        whether or not a call reaches it (stream events, webhooks, realtime events)."""
        for _ in range(64):
            before = len(self.by_name)
            pending = []
            for pointer in sorted(self.index.canonical, key=str):
                if not self.in_scope_pointer(pointer):
                    continue
                for module, name in self.index.canonical[pointer]:
                    if (module, name) not in self.by_name:
                        side = "param" if is_param_name(name) else "model"
                        self.public_decl(pointer, side)
                        if (module, name) not in self.by_name:
                            pending.append((module, name, pointer, side))
            self.drain()
            for module, name, pointer, side in pending:
                if (module, name) in self.by_name:
                    continue
                primary = self.public_decl(pointer, side)
                if primary is not None and primary.kind == "alias":
                    self.alias(module, name, primary)  # a second name for a union or alias
                else:
                    # Another call's or package's name for the same schema: its own class, as users expect
                    # (`RoleDeleteResponse` of each roles resource), not a second name for the first one.
                    self.declare_public(module, name, pointer, side, primary=False)
            self.drain()
            if len(self.by_name) == before:
                break

    def drain(self) -> None:
        """Build every declared public name not built yet."""
        while self.queue:
            self.build_public(self.queue.pop(0))

    def build_public(self, decl: Decl) -> None:
        side = {"model": "model", "typeddict": "param", "alias": "model"}[decl.kind]
        schema = self.reader.schema_at(decl.pointer)
        ty = self.build(schema, decl.pointer, side, decl.module, (), root=decl)
        if isinstance(ty, Opt):
            ty = ty.inner
        if isinstance(ty, Ref) and ty.decl is decl:
            return
        # Not an object: the public name is an alias for whatever the schema is.
        decl.kind = "alias"
        decl.target = ty
        decl.module.decls.append(decl)

    # -- types ---------------------------------------------------------------------------------------------------

    def build(
        self,
        schema: Mapping[str, Any],
        pointer: str,
        side: str,
        mod: ModuleBuilder,
        path: tuple[str, ...],
        root: Decl | None = None,
    ) -> Ty:
        """The type of ``schema`` used in ``mod`` at property ``path``; ``root`` is the public declaration being
        built when ``schema`` is its own."""
        nullable = False
        while True:
            self.visited.add(pointer)
            if root is None or pointer != root.pointer:
                public = self.public_decl(pointer, side)
                if public is not None:
                    if public.module is not mod:
                        # The official module may copy the type under its property's name (`Output`).
                        self._name_again(mod, path, public)
                    ref: Ty = Ref(public)
                    return Opt(ref) if nullable or self.reader.nullable(schema, pointer) else ref
            # A wrapper with one member (anyOf [X, null], allOf [X]) may hide a pointer that has a public name.
            inner = self.reader.single(schema, pointer)
            if inner is None:
                break
            schema, pointer, wrapped_nullable = inner
            nullable = nullable or wrapped_nullable
        shape = self.reader.normalize(schema, pointer)
        ty = self._build_shape(shape, pointer, side, mod, path, root)
        # A public type is never nullable itself; the fields that use it say Optional.
        return optional(ty) if (nullable or shape.nullable) and root is None else ty

    def _build_shape(
        self, shape: Shape, pointer: str, side: str, mod: ModuleBuilder, path: tuple[str, ...], root: Decl | None
    ) -> Ty:
        if shape.kind == "ref":
            guard = (id(mod), shape.ref, side)
            if guard in self._building and (shape.ref, side) not in mod.memo:
                raise GenError([f"{pointer}: recursive schema {shape.ref} without an object to name it"])
            self._building.add(guard)
            try:
                return self.build(self.reader.schemas[shape.ref], shape.ref, side, mod, path, root)
            finally:
                self._building.discard(guard)
        if shape.kind == "object":
            return Ref(self._class(shape, pointer, side, mod, path, root))
        if shape.kind == "union":
            ty = self._union(shape, side, mod, path, root.name if root is not None and not path else "")
            self._name_inline(ty, pointer, side, mod, path)
            return ty
        if shape.kind == "array":
            assert shape.item is not None
            item_path = (*path[:-1], self.singular(path[-1])) if path else ()
            if not path and root is not None:
                # A public array's items, as the official module names them (`GraderInputItem`).
                for stem in (self.singular(root.name) + "Item", root.name + "Item"):
                    if any(o.startswith(loose(stem)) for o in mod.official):
                        item_path = (stem,)
                        break
            return Arr(self.build(shape.item[0], shape.item[1], side, mod, item_path), side)
        if shape.kind == "map":
            if shape.item is None:
                return Map(Prim("object"))
            return Map(self.build(shape.item[0], shape.item[1], side, mod, (*path, "Value")))
        if shape.kind == "enum":
            if shape.values and all(isinstance(v, (str, int, bool)) for v in shape.values):
                return Lit(tuple(shape.values))
            return Prim("object")
        if shape.prim == "file":
            return Prim("FileTypes" if side == "param" else "str")
        return Prim(shape.prim)

    def _class(
        self, shape: Shape, pointer: str, side: str, mod: ModuleBuilder, path: tuple[str, ...], root: Decl | None
    ) -> Decl:
        key = (pointer, side)
        if key in mod.memo:
            self._name_again(mod, path, mod.memo[key])
            return mod.memo[key]
        if root is not None:
            decl = root
        else:
            kind = "typeddict" if side == "param" else "model"
            name = mod.claim("".join(path) or "Item")
            decl = Decl(name, mod, kind, pointer_doc(pointer), pointer)
        mod.memo[key] = decl
        base = self.public_decl(shape.base, side) if shape.base else None
        if base is not None and base.kind != "alias" and base is not decl:
            # allOf [Base, {more}] with a public Base: extend it, as long as no property is redefined (a
            # TypedDict may not redefine a key, and a model field would have to stay compatible).
            base_shape = self.reader.object_shape(self.reader.schemas[shape.base], shape.base)
            base_props = {name for name, _, _ in base_shape.props}
            own = [p for p in shape.props if not p[2].startswith(shape.base + "/")]
            newly_required = (shape.required & base_props) - base_shape.required
            if not base_props & {name for name, _, _ in own} and not newly_required:
                decl.base = base
                self.visited.add(shape.base)
                shape = Shape("object", props=own, required=shape.required)
        decl.fields = self.fields(shape, side, mod, path)
        mod.decls.append(decl)  # after its fields: helpers a class uses are defined above it
        return decl

    def fields(self, shape: Shape, side: str, mod: ModuleBuilder, path: tuple[str, ...]) -> list[FieldSpec]:
        """The fields of an object shape, each typed in ``mod`` under its property's path."""
        fields = []
        for name, prop, prop_pointer in shape.props:
            ty = self.build(prop, prop_pointer, side, mod, (*path, pascal(name)))
            fields.append(FieldSpec(name, ty, name in shape.required))
        return fields

    def _name_inline(self, ty: Ty, pointer: str, side: str, mod: ModuleBuilder, path: tuple[str, ...]) -> None:
        """Give an inline union the name the official module has for it (``ShellCallCaller``), as an alias.

        The field keeps the union spelled out (a tagged union must stay visible to pydantic and to the lenient
        builder); the alias is the same type under the name users import.
        """
        # A map's values are named after the map (`Variables`, not `VariablesValue`).
        wanted = "".join(path[:-1] if path[-1:] == ("Value",) else path)
        spelled = mod.official.get(loose(wanted)) if wanted else None
        if spelled is None and wanted:
            # Or after the module's own name (`ChatCompletionStoreMessageContentPart`).
            main = next((n for n in mod.official.values() if loose(snake(n)) == loose(mod.parts[-1])), "")
            spelled = mod.official.get(loose(main + wanted)) if main else None
        if spelled is None or spelled in mod.names:
            return
        if (pointer, f"{side}:alias") in mod.memo:
            self._name_again(mod, path, mod.memo[(pointer, f"{side}:alias")])
            return
        mod.names.add(spelled)
        decl = Decl(spelled, mod, "alias", pointer_doc(pointer), pointer, target=ty)
        mod.memo[(pointer, f"{side}:alias")] = decl
        mod.decls.append(decl)

    def _name_again(self, mod: ModuleBuilder, path: tuple[str, ...], decl: Decl) -> None:
        """A type a module defines once, reached again by another property path the official module names (the
        same `agent` object under every item): that name too, as an alias added once the module is built."""
        wanted = "".join(path[:-1] if path[-1:] == ("Value",) else path)
        spelled = mod.official.get(loose(wanted)) if wanted else None
        if spelled is not None and spelled not in mod.names:
            mod.names.add(spelled)
            self.late_aliases.append((mod, spelled, decl))

    def _union(self, shape: Shape, side: str, mod: ModuleBuilder, path: tuple[str, ...], owner: str = "") -> Ty:
        members: list[Ty] = []
        targets = [m["$ref"].rsplit("/", 1)[1] for m, _ in shape.members if "$ref" in m]
        strip = common_words(targets) if len(targets) == len(shape.members) > 1 else ""
        for index, (member, member_pointer) in enumerate(shape.members):
            pieces = self._variant_pieces(member, member_pointer, index, shape.discriminator, strip)
            # The official module's spelling picks among the ways to name a variant (its tag, its schema, its
            # title): `DataSourceCreateEvalResponsesRunDataSource`, not `DataSourceResponses`.
            piece = self._official_piece(mod, loose("".join(path)), pieces)
            member_path = (*path, piece) if piece else path
            # A public union's members may be named after it (`DataChatKitTask` of `Data`).
            owned = [p for p in pieces if p and loose(owner + p) in mod.official] if owner else []
            if owned and not any(loose(p) in mod.official for p in pieces if p):
                member_path = (owner, owned[0])
            members.append(self.build(member, member_pointer, side, mod, member_path))
        discriminator = None
        if side == "model":
            # The spec's discriminator, or else the tag every member carries (`type`, `event`): pydantic then picks
            # the member by its tag instead of trying each in turn.
            candidates = [shape.discriminator] if shape.discriminator else list(INFERRED_TAGS)
            discriminator = next((c for c in candidates if self.reader.tags_discriminate(shape.members, c)), None)
            if discriminator is None and shape.discriminator:
                self.untagged.append(f"{shape.members[0][1].rsplit('/', 2)[0]} ({shape.discriminator})")
        return union(members, discriminator)

    def _official_piece(self, mod: ModuleBuilder, stem: str, pieces: Sequence[str]) -> str:
        """The piece the official module names the variant by: one naming it outright, else the default when
        names begin with it, else one that begins names (of the variant's own properties)."""
        for piece in pieces:
            if stem + loose(piece) in mod.official or (piece and stem + loose(self.singular(piece)) in mod.official):
                return piece
        for piece in pieces:
            # An array variant names its items in the singular (`ContentArrayOfContentPart`).
            starts = {stem + loose(piece), stem + loose(self.singular(piece))}
            if any(o.startswith(start) for o in mod.official for start in starts):
                return piece
        return pieces[0]

    def _variant_pieces(
        self, member: Mapping[str, Any], pointer: str, index: int, discriminator: str | None, strip: str = ""
    ) -> list[str]:
        """The ways to name a union member inside its union's name, the default first (``""``: the member takes
        the union's name, as an array of items does)."""
        schemas = self.reader.schemas
        shape = self.reader.normalize(member, pointer)
        target = shape.ref if shape.kind == "ref" else None
        if target is not None:
            shape = self.reader.normalize(schemas[target], target)
            if shape.kind == "ref":
                return [pascal(target)]
        if shape.kind != "object":
            title = member.get("title") or (schemas[target].get("title") if target else None)
            return ["", pascal(title)] if title else [""]
        schema = schemas[target] if target else member
        pieces = []
        for prop in (discriminator, "type"):
            if prop:
                values = self.reader.tag_values(schema, target or pointer, prop)
                if values and len(values) == 1:
                    pieces.append(pascal(values[0]))
        if target:
            pieces.append(pascal(target))
        title = schema.get("title") or member.get("title")
        if title:
            pieces.append(pascal(title))
        if len(shape.props) == 1:
            pieces.append(pascal(shape.props[0][0]))
        pieces.append(f"Variant{index}")
        # Spellings only the official names pick: an optional `type` tag (`AudioPCM`), the schema name without
        # what every member's schema name begins with (`ActionFind` of `WebSearchActionFind`).
        for name, prop_schema, prop_pointer in shape.props:
            tag = self.reader.normalize(prop_schema, prop_pointer) if name in (discriminator, "type") else None
            if tag is not None and tag.kind == "enum" and len(tag.values) == 1 and isinstance(tag.values[0], str):
                pieces.append(pascal(tag.values[0]))
        if target and strip and target.startswith(strip) and target != strip:
            pieces.append(target[len(strip) :])
        return list(dict.fromkeys(pieces))

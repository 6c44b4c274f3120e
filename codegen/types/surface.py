"""The official module surface: every ``openai.types`` module and name of ``sdk-modules.tsv`` made to exist.

A name made up from a property path takes the official spelling (``ImageURL``), an inline union the official
module names gets that name, the module's own names it lacks are found by name (a twin ``...Param``, a type
another module defines, a public name of the closest package) and aliased, and official packages with nothing
of theirs are written empty.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from codegen.types.build import Builder
from codegen.types.model import Arr, Decl, GenError, ModuleBuilder, Opt, Ref, Ty, Uni, reachable
from codegen.types.naming import SHARED_PACKAGES
from codegen.types.spelling import pascal
from codegen.types_templates import TEMPLATE_MODULES

__all__ = ["complete_surface", "empty_packages"]


def empty_packages(module_surface: Mapping[tuple[str, ...], Sequence[str]]) -> list[tuple[str, ...]]:
    """Official packages with nothing in them yet (``beta.chat``): modules of the table with no names."""
    return sorted(parts for parts, names in module_surface.items() if parts and not names)


def complete_surface(builder: Builder) -> None:
    """Make every module and name of the official ``openai.types`` surface exist (sdk-modules.tsv).

    A name the generated module lacks is another name for a type generated elsewhere: one the module's own
    types use (``response_input_param.FunctionCallOutput``, defined with the item union), else the public
    name spelled the same in the closest package (``shared.ChatModel``), request side in ``shared_params``.
    A package name is exported from the official submodule that lists it. What is still missing ends up in
    ``builder.surface_missing``.
    """
    _Completion(builder).run()


class _Completion:
    def __init__(self, builder: Builder) -> None:
        self.builder = builder
        self.by_name = builder.by_name
        self.config = builder.config
        # The modules each module imports, computed once per module (see _reachable_modules).
        self._module_reach: dict[int, list[ModuleBuilder]] = {}

    def run(self) -> None:
        builder = self.builder
        module_surface = builder.module_surface
        missing = builder.surface_missing
        for parts, (exported_names, _) in sorted(TEMPLATE_MODULES.items()):
            for name in exported_names:
                self._export_from(parts, name)
        for mod, name, aliased in builder.late_aliases:
            mod.decls.append(Decl(name, mod, "alias", f"Another name for `{aliased.name}`.", target=Ref(aliased)))
        packages = {parts[:depth] for parts in module_surface for depth in range(len(parts))}
        for parts, names in sorted(module_surface.items()):
            if parts in packages or parts in TEMPLATE_MODULES or not names:
                continue  # a package, a module written out in codegen/types_templates.py, an empty package
            module = builder.modules.get(parts)
            fresh = module is None
            if module is None:
                module = builder.new_module(parts)
            defined = {d.name for d in module.decls}
            pending = [name for name in names if name not in defined]
            while pending:
                # An alias may bring in what the next names are found through (`Function` of a kept alias).
                left: list[str] = []
                for name in pending:
                    target = self._surface_target(module, name)
                    if target is None:
                        left.append(name)
                        continue
                    if fresh:
                        builder.modules[parts] = module
                        fresh = False
                    module.names.add(name)
                    if target.module is module and target.name == name:
                        module.decls.append(target)  # made up here (a listed union)
                        continue
                    doc = f"Another name for `{target.name}`."
                    module.decls.append(Decl(name, module, "alias", doc, target=Ref(target)))
                if len(left) == len(pending):
                    break
                pending = left
            missing.extend(".".join(("openai", "types", *parts, name)) for name in pending)
        for parts in sorted(packages):
            exported = builder.exports.setdefault(parts, {})
            for name in module_surface.get(parts, ()):
                if name in exported:
                    continue
                where = [
                    sub
                    for sub, names in sorted(module_surface.items())
                    if sub[:-1] == parts
                    and name in names
                    and sub in builder.modules
                    and any(d.name == name for d in builder.modules[sub].decls)
                ]
                if where:
                    exported[name] = where[0]
                else:
                    missing.append(".".join(("openai", "types", *parts, name)))

    def _export_from(self, parts: tuple[str, ...], name: str) -> None:
        exported = self.builder.exports.setdefault(parts[:-1], {})
        if exported.get(name, parts) != parts:
            raise GenError([f"{'.'.join(('openai', 'types', *parts))}.{name} is exported by another module too"])
        exported[name] = parts

    def _surface_target(self, module: ModuleBuilder, name: str) -> Decl | None:
        where = ".".join(("openai", "types", *module.parts)) + ":" + name
        members = self.config.get("surface_unions", {}).get(where)
        if members is not None:
            refs: list[Ty] = []
            for member in members:
                member_module, member_name = member.split(":")
                if (member_module, member_name) not in self.by_name:
                    raise GenError([f"codegen/type_names.json: union {where} lists {member}, which is not generated"])
                refs.append(Ref(self.by_name[(member_module, member_name)]))
            union = Decl(name, module, "alias", "One of the types listed for it in codegen/type_names.json.")
            union.target = Uni(tuple(refs))
            return union
        kept = self.config.get("kept_aliases", {}).get(".".join(("openai", "types", *module.parts)) + ":" + name)
        if kept is not None:
            kept_module, target_name = kept.split(":")
            if (kept_module, target_name) not in self.by_name:
                raise GenError([f"codegen/type_names.json: kept alias {name} names {kept}, which is not generated"])
            return self.by_name[(kept_module, target_name)]
        reached = reachable(module.decls)
        local = [d for d in reached if d.name == name and d.module is not module]
        if local:
            return local[0]
        # A name that continues the name of a type from elsewhere with one of that type's own inner names
        # (`WebSearchToolFilters`: `Filters` of `WebSearchTool`; `OutputOutcome` after `Output = ...`).
        for decl in [*module.decls, *reached]:
            other = decl.target.decl if decl.kind == "alias" and isinstance(decl.target, Ref) else decl
            if (other is decl and other.module is module) or not name.startswith(decl.name) or name == decl.name:
                continue
            rest = name[len(decl.name) :]
            inner = [d for d in other.module.decls if d.name in (rest, other.name + rest)]
            if inner and (inner[0].module is module or module not in self._reachable_modules(inner[0])):
                return inner[0]
        # The type of a property of what the module aliases, named after the property (`Content`).
        for decl in module.decls:
            if decl.kind != "alias" or not isinstance(decl.target, Ref):
                continue
            for spec in decl.target.decl.fields:
                ty = spec.ty
                while isinstance(ty, (Opt, Arr)):
                    ty = ty.inner if isinstance(ty, Opt) else ty.item
                if name not in (pascal(spec.wire), self.builder.singular(pascal(spec.wire))):
                    continue
                if isinstance(ty, Ref):
                    return ty.decl
                if isinstance(ty, Uni):  # an inline union: the same union, named here
                    return Decl(name, module, "alias", f"The type of `{decl.target.decl.name}.{spec.wire}`.", target=ty)
        # Names the modules it uses define beside what it uses (the item union's `ShellCallCaller`).
        seen: list[ModuleBuilder] = []
        for decl in reached:
            if decl.module is not module and decl.module not in seen:
                seen.append(decl.module)
                beside = [d for d in decl.module.decls if d.name == name]
                if beside and module not in self._reachable_modules(beside[0]):
                    return beside[0]
        package = module.package
        # A request module means the request side (`chat_completion_tool_param.FunctionDefinition`).
        request = (package and package[-1] == "shared_params") or module.parts[-1].endswith(("_param", "_params"))
        wanted = [name + "Param", name] if request else [name]
        if package and package[-1] in SHARED_PACKAGES:
            package = package[:-1]
        for spelled in wanted:
            found = sorted(((m, n) for m, n in self.by_name if n == spelled), key=lambda e: (e[0].count("."), e))
            ancestors = [".".join(("openai", "types", *package[:depth])) for depth in range(len(package), -1, -1)]
            for ancestor in ancestors:
                for m, n in found:
                    if m == ancestor and module not in self._reachable_modules(self.by_name[(m, n)]):
                        return self.by_name[(m, n)]
            if len(found) == 1 and module not in self._reachable_modules(self.by_name[found[0]]):
                return self.by_name[found[0]]
        return None

    def _reachable_modules(self, decl: Decl) -> list[ModuleBuilder]:
        """The modules a declaration's module imports, directly or not (an alias to one of them would be a
        cycle); computed once per module, as the render step checks for cycles anyway."""
        if id(decl.module) not in self._module_reach:
            modules: list[ModuleBuilder] = []
            for found in reachable(decl.module.decls):
                if found.module not in modules:
                    modules.append(found.module)
            self._module_reach[id(decl.module)] = modules
        return self._module_reach[id(decl.module)]

"""The generator of ``src/types/``: pydantic response models and request ``TypedDict`` params from the spec.

Run it as ``python -m codegen.types_gen`` (``--check`` compares instead of writing; ``--report`` prints what the
spec and the name lists leave over). The stages, each a module, hand the type model of :mod:`.model` on:

- :mod:`.load`: the inputs, read and parsed (:class:`~.load.Inputs`).
- :mod:`.normalise`: the spec read through pointers, each schema reduced to a :class:`~.normalise.Shape`.
- :mod:`.naming`: which public name stands for which schema, and the calls with what they return.
- :mod:`.build`, :mod:`.params`: shapes built into :class:`~.model.Decl` objects in
  :class:`~.model.ModuleBuilder` objects; :mod:`.surface` adds the official module surface.
- :mod:`.describe`: ``codegen/resource_types.json``, what each call takes and returns.
- :mod:`.render`: the type model as Python text; :mod:`.pipeline` formats it through ``codegen/_ruff.py``.
- :mod:`.files`: the output written, or compared with the tree on disk.

Inputs (read-only):

- ``openapi.json``: the schemas. Everything the generated code says about a type comes from here.
- ``sdk-type-names.tsv``: the public names users import, by module (``openai.types.chat`` -> ``ChatCompletion``).
- ``sdk-surface.tsv``: the resource calls, their arguments and return types.
- ``sdk-modules.tsv``: the official SDK's modules and the names each offers. Every ``openai.types`` row is
  generated (see :mod:`.surface`).
- ``codegen/spec_additions.json``: properties the official types have and the spec lacks, added before generating.
- ``codegen/types_templates.py``: the few modules no schema describes (websocket options), written as they are.
- ``codegen/type_names.json``:

  - ``scope``: call prefixes (``"fine_tuning.jobs"``) whose schemas are generated; ``"*"``: the whole spec.
  - ``params_in_resource_package``: resources whose own methods keep their params inside the resource's package
    (``responses``: ``openai.types.responses.ResponseCreateParams``).
  - ``singular``: irregular plurals for resource and property names (``{"statuses": "status"}``).
  - ``names``: ``"module:Name"`` -> schema pointer, for public names that are not spelled like their spec
    schema. A pointer is a schema name, optionally followed by a path inside it
    (``"CreateCompletionResponse/properties/choices/items"``), or a JSON pointer into the spec
    (``"#/paths/~1threads/post/..."``).
  - ``aliases``: ``"module:Name"`` -> ``"module:Name"``: a second public name for the same type.
  - ``not_in_spec``: public names with no schema, each an alias of a builtin type (``FileContent`` is ``str``).
  - ``unions``: public unions the spec has no schema for, as a list of member schemas and their tag.
  - ``extra_names``: public names beyond sdk-type-names.tsv, for schemas users meet (the speech event stream).
  - ``extra_calls``: calls for the spec operations sdk-surface.tsv lacks, written like its rows.
  - ``stream_events``: what a streaming call sends where the spec does not say (the Assistants runs).
  - ``kept_aliases``: ``"module:Name"`` -> ``"module:Name"``: official module names kept for another type
    (``chat_completion_message_tool_call.ChatCompletionMessageToolCall`` is the function tool call).
  - ``surface_unions``: ``"module:Name"`` -> public names: official unions of public types with no schema.

A component schema that nothing reaches gets a name in ``openai.types._spec``, so every schema has a type.
Output is formatted by the pinned ruff with the settings of ``codegen/_ruff.py`` and is deterministic.
"""

from __future__ import annotations

from codegen.types.describe import PAGE_CURSORS, RESOURCE_TYPES
from codegen.types.files import Generated, check, write
from codegen.types.load import ADDITIONS_FILE, DEFAULT_SPEC_DIR, NAMES_FILE, ROOT, add_to_spec, read_module_surface
from codegen.types.model import GenError
from codegen.types.pipeline import build_types, generate
from codegen.types.render import HEADER, OUTPUT, render_files
from codegen.types.spelling import RESERVED_MODEL_ATTRS, pascal, safe_attr, snake

__all__ = [
    "ADDITIONS_FILE",
    "DEFAULT_SPEC_DIR",
    "HEADER",
    "NAMES_FILE",
    "OUTPUT",
    "PAGE_CURSORS",
    "RESERVED_MODEL_ATTRS",
    "RESOURCE_TYPES",
    "ROOT",
    "GenError",
    "Generated",
    "add_to_spec",
    "build_types",
    "check",
    "generate",
    "pascal",
    "read_module_surface",
    "render_files",
    "safe_attr",
    "snake",
    "write",
]

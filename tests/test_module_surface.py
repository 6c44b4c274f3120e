"""The official SDK's module surface: every module and name of ``spec/sdk-modules.tsv`` imports, and
the re-exported objects are the very objects the clients use."""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any, Dict, List, Tuple

import pytest

import openai
import openai.pagination
from openai import AsyncOpenAI, OpenAI

ROOT = Path(__file__).resolve().parent.parent
FACTS = json.loads((ROOT / "codegen" / "reexport_facts.json").read_text(encoding="utf-8"))


def _area(module: str) -> str:
    # One test per top-level area; the private modules libraries import form one area together.
    parts = module.split(".")
    if len(parts) == 1:
        return module
    return "openai._private" if parts[1].startswith("_") else ".".join(parts[:2])


@functools.cache
def _surface() -> Dict[str, Dict[str, List[str]]]:
    """Area -> module -> names, as sdk-modules.tsv lists them."""
    areas: Dict[str, Dict[str, List[str]]] = defaultdict(dict)
    with open(ROOT / "spec" / "sdk-modules.tsv", encoding="utf-8") as tsv:
        next(tsv)
        for line in tsv:
            module, name = line.rstrip("\n").split("\t")[:2]
            names = areas[_area(module)].setdefault(module, [])
            if name:
                names.append(name)
    return dict(areas)


AREAS = sorted(_surface())


def _missing(modules: Dict[str, List[str]]) -> Tuple[List[str], int, int]:
    """Every missing module or name (with why, where an import failed), and how many of each were asked for."""
    missing: List[str] = []
    for module_name, names in modules.items():
        try:
            module: ModuleType = importlib.import_module(module_name)
        except Exception as error:
            missing.append(f"module {module_name} ({type(error).__name__}: {error})")
            continue
        for name in names:
            try:
                getattr(module, name)
            except Exception as error:
                detail = "" if isinstance(error, AttributeError) else f" ({type(error).__name__}: {error})"
                missing.append(f"{module_name}.{name}{detail}")
    return missing, len(modules), sum(len(names) for names in modules.values())


def test_the_surface_is_the_official_one() -> None:
    surface = _surface()
    assert sum(len(modules) for modules in surface.values()) == 1468
    assert sum(len(names) for modules in surface.values() for names in modules.values()) == 6500
    assert {"openai", "openai.resources", "openai.lib", "openai.types", "openai._private"} <= set(AREAS)


@pytest.mark.parametrize("area", AREAS)
def test_every_module_and_name_exists(area: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The module-level resources must exist before any API key is set.
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.setattr(openai, "api_key", None)
    try:
        missing, modules, names = _missing(_surface()[area])
    finally:
        closer = getattr(importlib.import_module("openai._module_client"), "close_module_client", None)
        if closer is not None:
            closer()
    assert not missing, f"{area}: {len(missing)} missing, of {modules} modules and {names} names listed:\n" + "\n".join(
        missing
    )


def test_pagination_is_the_package_pagination() -> None:
    for name in ("SyncPage", "SyncCursorPage", "SyncConversationCursorPage", "SyncNextCursorPage"):
        for page in (name, "Async" + name[4:]):
            assert getattr(openai.pagination, page) is getattr(openai, page)


def _walk(client: Any, path: str) -> Any:
    target = client
    for attribute in path.split("."):
        target = getattr(target, attribute)
    return target


RESOURCES = sorted(FACTS["resources"].items())


@pytest.mark.parametrize(("module_name", "path"), RESOURCES, ids=[module for module, _ in RESOURCES])
def test_resource_classes_are_the_clients_classes(module_name: str, path: str) -> None:
    module = importlib.import_module(module_name)
    listed = set(_surface()["openai.resources"][module_name])
    async_client = AsyncOpenAI(api_key="sk-test")
    with OpenAI(api_key="sk-test") as client:
        for prefix, resource in (("", _walk(client, path)), ("Async", _walk(async_client, path))):
            stem = prefix + type(resource).__name__.removeprefix(prefix)
            assert getattr(module, stem) is type(resource)
            # The official SDK gives every resource but webhooks its two views.
            if stem + "WithRawResponse" in listed:
                assert getattr(module, stem + "WithRawResponse") is type(resource.with_raw_response)
                assert getattr(module, stem + "WithStreamingResponse") is type(resource.with_streaming_response)
            else:
                assert path == "webhooks"


def test_the_documented_identities() -> None:
    import openai.resources.chat.completions

    with OpenAI(api_key="sk-test") as client:
        assert openai.resources.chat.completions.Completions is type(client.chat.completions)
        assert type(client.chat.completions.with_raw_response) is openai.resources.chat.CompletionsWithRawResponse
        assert openai.resources.Chat is type(client.chat) is type(client.beta.chat)


@pytest.mark.parametrize("client_class", [OpenAI, AsyncOpenAI])
@pytest.mark.parametrize("view", ["with_raw_response", "with_streaming_response"])
def test_a_views_sub_resource_is_the_sub_resources_own_view(client_class: Any, view: str) -> None:
    client = client_class(api_key="sk-test")
    for path in sorted({path for _, path in RESOURCES if "." in path}):
        parent_path, _, leaf = path.rpartition(".")
        via_parent = getattr(getattr(_walk(client, parent_path), view), leaf)
        own = getattr(_walk(client, path), view)
        assert type(via_parent) is type(own), path
        suffix = "WithRawResponse" if view == "with_raw_response" else "WithStreamingResponse"
        assert type(own).__name__ == type(_walk(client, path)).__name__ + suffix, path
    assert type(getattr(client, view).chat) is type(getattr(client.chat, view))


def _modules_after(code: str) -> List[str]:
    done = subprocess.run(
        [sys.executable, "-c", f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return done.stdout.split()


def test_importing_openai_loads_no_re_export_module() -> None:
    loaded = _modules_after("import openai")
    assert [name for name in loaded if name.startswith("openai")] == ["openai", "openai._version"]


def test_importing_the_resources_package_loads_no_resource() -> None:
    loaded = _modules_after("import openai.resources, openai.resources.chat, openai.lib.streaming")
    assert not [name for name in loaded if name.startswith(("openai._sync", "openai._async", "openai.types"))]
    loaded = _modules_after("from openai.resources.chat import Completions")
    assert "openai._sync.resources.chat.completions" in loaded
    assert "openai._sync.resources.files" not in loaded


def test_module_client_settings_exist_with_their_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("timeout", "admin_api_key", "azure_ad_token_provider", "bedrock_token_provider"):
        assert getattr(openai, name) is None, name
    for name in ("api_type", "api_version", "azure_endpoint", "azure_ad_token"):
        assert hasattr(openai, name), name


def test_top_level_aliases() -> None:
    import httpx

    import openai.version
    from openai._version import __version__

    assert openai.Client is OpenAI
    assert openai.AsyncClient is AsyncOpenAI
    assert __version__ == openai.VERSION
    assert __version__ == openai.version.VERSION
    assert openai.Timeout is httpx.Timeout
    assert openai.Transport is httpx.BaseTransport
    assert openai.NoneType is type(None)
    assert openai.not_given is openai.NOT_GIVEN


def _view_calls() -> Dict[str, List[str]]:
    """Client path -> the API calls resource_types.json gives it, as method names."""
    calls = json.loads((ROOT / "codegen" / "resource_types.json").read_text(encoding="utf-8"))["calls"]
    paths: Dict[str, List[str]] = defaultdict(list)
    for call in calls:
        path, _, method = call["call"].removeprefix("client.").rpartition(".")
        paths[path].append(method)
    return dict(paths)


def _declared_view_calls(view: type) -> Dict[str, str]:
    """Method -> the typing helper a generated view class declares it with (type checkers read these)."""
    # The class is defined in the generated module beside the resource module it reports as its own.
    from codegen.views import views_module

    resource_module = Path(inspect.getfile(sys.modules[view.__module__]))
    views_path = resource_module.parent / (views_module(resource_module.stem) + ".py")
    tree = ast.parse(views_path.read_text(encoding="utf-8"))
    classes = [node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == view.__name__]
    assert len(classes) == 1, f"{view.__name__} is not in {views_path}"
    declared = {}
    for node in ast.walk(classes[0]):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name):
            target = node.targets[0]
            if isinstance(target, ast.Name):
                declared[target.id] = node.value.func.id
    return declared


@pytest.mark.parametrize("client_class", [OpenAI, AsyncOpenAI])
def test_each_view_declares_the_calls_of_its_resource(client_class: Any) -> None:
    # A declared view method is what type checkers see: the resource method's parameters (each
    # overload) and a typed response; a list call's response is its first page.
    calls = json.loads((ROOT / "codegen" / "resource_types.json").read_text(encoding="utf-8"))["calls"]
    pages = {tuple(call["call"].removeprefix("client.").rsplit(".", 1)) for call in calls if call["result"] == "page"}
    client = client_class(api_key="sk-test")
    wrong = []
    for path, methods in sorted(_view_calls().items()):
        resource = _walk(client, path)
        for view, prefix in (
            (type(resource.with_raw_response), "raw"),
            (type(resource.with_streaming_response), "streamed"),
        ):
            declared = _declared_view_calls(view)
            for method in methods:
                is_list = (path, method) in pages
                expected = f"{prefix}_list_call" if is_list else f"{prefix}_call"
                if declared.get(method) != expected:
                    wrong.append(f"{view.__name__}.{method} is declared as {declared.get(method)}, not {expected}")
    assert not wrong, "\n".join(wrong)


def test_a_view_method_wraps_the_resource_method() -> None:
    with OpenAI(api_key="sk-test") as client:
        bound = client.files.with_raw_response.retrieve
        assert bound.__name__ == "retrieve"
        assert bound.__wrapped__ == client.files.retrieve


@pytest.mark.parametrize("client_class", [OpenAI, AsyncOpenAI])
def test_a_views_sub_resources_are_annotated_with_their_views(client_class: Any) -> None:
    # What type checkers see for `client.chat.with_raw_response.completions` must be what it is.
    client = client_class(api_key="sk-test")
    wrong = []
    for path in sorted({path for _, path in RESOURCES if "." in path}):
        parent_path, _, leaf = path.rpartition(".")
        parent, child = _walk(client, parent_path), _walk(client, path)
        for view in ("with_raw_response", "with_streaming_response"):
            annotation = type(getattr(parent, view)).__annotations__.get(leaf)
            if annotation != type(getattr(child, view)).__name__:
                wrong.append(f"{type(getattr(parent, view)).__name__}.{leaf}: {annotation}")
    for path in sorted({path for _, path in RESOURCES}):
        resource = _walk(client, path)
        for view in ("with_raw_response", "with_streaming_response"):
            annotation = type(resource).__annotations__.get(view)
            if annotation != type(getattr(resource, view)).__name__:
                wrong.append(f"{type(resource).__name__}.{view}: {annotation}")
    assert not wrong, "\n".join(wrong)


def test_every_public_class_and_function_names_its_public_home() -> None:
    # Tracebacks, reprs and pickles name the module users import from, as the official SDK's do.
    from types import FunctionType

    from openai._public import home_of

    wrong = []
    for name in openai.__all__:
        value = getattr(openai, name)
        if not isinstance(value, (type, FunctionType)) or value.__name__ != name:
            continue
        if not value.__module__.startswith("openai"):
            continue  # another library's (openai.Timeout is httpx.Timeout)
        home = home_of(name)
        if value.__module__ != home or getattr(importlib.import_module(home), name, None) is not value:
            wrong.append(f"{name}: {value.__module__}, not {home}")
    assert not wrong, "\n".join(wrong)
    assert openai.RateLimitError.__module__ == "openai"
    assert openai.SyncCursorPage.__module__ == "openai.pagination"


def test_an_error_raised_before_its_name_is_touched_already_names_openai() -> None:
    # The errors reach users from deep inside a call, never through `openai.<name>` first.
    code = (
        "import traceback\n"
        "from openai._errors import RateLimitError\n"
        "from openai._sync._streaming import Stream\n"
        "from openai._sync._pagination import SyncPage\n"
        "error = RateLimitError.__new__(RateLimitError)\n"
        "print(traceback.format_exception_only(type(error), error)[0].split(':')[0].strip())\n"
        "print(Stream.__module__, SyncPage.__module__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.split("\n")[:2] == ["openai.RateLimitError", "openai openai.pagination"]

"""codegen/reexports.py: what it writes, what --check catches, and the errors it gives on bad facts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from codegen import reexports

ROOT = Path(__file__).resolve().parent.parent
TSV_HEADER = "module\tname\twhy\n"


def _root(tmp_path: Path, rows: list[tuple[str, str]], modules: dict[str, object], resources: dict[str, str]) -> Path:
    (tmp_path / "spec").mkdir(parents=True)
    (tmp_path / "codegen").mkdir()
    (tmp_path / "src").mkdir()
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    lines = "".join(f"{module}\t{name}\tpublic\n" for module, name in rows)
    (tmp_path / "spec" / "sdk-modules.tsv").write_text(TSV_HEADER + lines, encoding="utf-8")
    facts = {"not_generated": {"openai": "hand-written"}, "resources": resources, "modules": modules}
    (tmp_path / "codegen" / "reexport_facts.json").write_text(json.dumps(facts), encoding="utf-8")
    return tmp_path


ROWS = [
    ("openai", ""),
    ("openai.version", ""),
    ("openai.version", "VERSION"),
    ("openai.resources", ""),
    ("openai.resources", "Models"),
    ("openai.resources", "AsyncModelsWithRawResponse"),
    ("openai.resources.models", ""),
    ("openai.resources.models", "Models"),
    ("openai.resources.models", "AsyncModelsWithRawResponse"),
    ("openai.resources.models", "Gone"),
]
MODULES = {
    "openai.version": {"names": {"VERSION": "openai._version:__version__"}},
    "openai.resources.models": {"left_out": "it is not needed here"},
}


def test_generates_leaf_and_lazy_package_modules(tmp_path: Path) -> None:
    root = _root(tmp_path, ROWS, MODULES, {"openai.resources.models": "models"})
    written = reexports.generate(root)
    assert sorted(map(str, written)) == ["src/resources/__init__.py", "src/resources/models.py", "src/version.py"]
    version = (root / "src" / "version.py").read_text(encoding="utf-8")
    assert version.startswith(reexports.HEADER + "\n")
    assert "from ._version import __version__ as VERSION" in version
    leaf = (root / "src" / "resources" / "models.py").read_text(encoding="utf-8")
    assert "from .._sync.resources.models import Models as Models" in leaf
    assert "from .._async.resources.models import AsyncModelsWithRawResponse as AsyncModelsWithRawResponse" in leaf
    assert "Not here, because it is not needed here: Gone." in leaf
    package = (root / "src" / "resources" / "__init__.py").read_text(encoding="utf-8")
    assert '"Models": (".._sync.resources.models", "Models")' in package
    assert "def __getattr__(name: str) -> Any:" in package
    assert reexports.check(root) == []
    assert reexports.generate(root) == []


def test_check_names_stale_missing_and_stray_files(tmp_path: Path) -> None:
    root = _root(tmp_path, ROWS, MODULES, {"openai.resources.models": "models"})
    reexports.generate(root)
    (root / "src" / "version.py").write_text(reexports.HEADER + "\nVERSION = 'edited'\n", encoding="utf-8")
    (root / "src" / "resources" / "models.py").unlink()
    (root / "src" / "old.py").write_text(reexports.HEADER + "\n", encoding="utf-8")
    (root / "src" / "hand_written.py").write_text('"""Not generated."""\n', encoding="utf-8")
    assert reexports.check(root) == [
        "src/resources/models.py: missing; run `make codegen`",
        "src/version.py: out of date; run `make codegen`",
        "src/old.py: no longer generated; run `make codegen`",
    ]
    reexports.generate(root)
    assert reexports.check(root) == []
    assert not (root / "src" / "old.py").exists()
    assert (root / "src" / "hand_written.py").exists()


def test_a_name_without_a_source_is_an_error_naming_it(tmp_path: Path) -> None:
    rows = [("openai", ""), ("openai.pagination", ""), ("openai.pagination", "SyncPage"), ("openai.pagination", "Nope")]
    root = _root(tmp_path, rows, {"openai.pagination": {"from": ["openai._sync._pagination"]}}, {})
    with pytest.raises(reexports.ReexportError) as raised:
        reexports.render(root)
    assert raised.value.problems == [
        "openai.pagination.Nope: no source; say where it lives in codegen/reexport_facts.json"
    ]


def test_facts_naming_what_the_surface_lacks_are_errors(tmp_path: Path) -> None:
    rows = [("openai", ""), ("openai.version", ""), ("openai.version", "VERSION")]
    modules = {"openai.version": {"names": {"VERSION": "openai._version:nothing"}}, "openai.gone": {}}
    root = _root(tmp_path, rows, modules, {})
    with pytest.raises(reexports.ReexportError, match=r"openai\.gone is not a module sdk-modules\.tsv lists"):
        reexports.render(root)
    del modules["openai.gone"]
    root = _root(tmp_path / "again", rows, modules, {})
    with pytest.raises(reexports.ReexportError, match=r"openai\._version has no attribute nothing"):
        reexports.render(root)

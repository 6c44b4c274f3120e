"""codegen/views.py: which members become view calls, how sub-resources and the client are found, --check."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path
from typing import Dict

import pytest

from codegen import views

ROOT = Path(__file__).resolve().parent.parent

CLIENT = """
from __future__ import annotations
import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .resources.things import AsyncThings


class AsyncOpenAI:
    @functools.cached_property
    def things(self) -> AsyncThings:
        from .resources.things import AsyncThings

        return AsyncThings(self)

    @functools.cached_property
    def with_raw_response(self) -> AsyncOpenAIWithRawResponse:
        raise NotImplementedError
"""

THINGS = """
from __future__ import annotations
import functools
from typing import overload

from .._base import AsyncAPIResource
from .parts import AsyncParts


class AsyncThings(AsyncAPIResource):
    parse = parse_thing
    stream = stream_thing

    @functools.cached_property
    def parts(self) -> AsyncParts:
        return AsyncParts(self._client)

    @overload
    async def create(self, *, stream: bool) -> int: ...
    @overload
    async def create(self) -> str: ...
    async def create(self, *, stream: bool = False) -> object:
        return 1

    def list(self) -> AsyncPaginator[int, AsyncCursorPage[int]]:
        raise NotImplementedError

    def verify_signature(self, payload: bytes) -> None:
        pass

    async def _helper(self) -> None:
        pass
"""

PARTS = """
from __future__ import annotations
from ..._base import AsyncAPIResource


class AsyncParts(AsyncAPIResource):
    async def retrieve(self, part_id: str) -> int:
        return 1
"""


def _tree(tmp_path: Path, modules: Dict[str, str]) -> Path:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "src" / "_async" / "resources").mkdir(parents=True)
    (tmp_path / "src" / "_async" / "_client.py").write_text(CLIENT, encoding="utf-8")
    for name, text in modules.items():
        path = tmp_path / "src" / "_async" / "resources" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def _declared(text: str, class_name: str) -> Dict[str, str]:
    """Attribute -> what a generated view class declares for it (annotation or typing helper)."""
    for node in ast.parse(text).body:
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            found: Dict[str, str] = {}
            for statement in ast.walk(node):
                if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
                    found[statement.target.id] = ast.unparse(statement.annotation)
                elif isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call):
                    target = statement.targets[0]
                    assert isinstance(target, ast.Name)
                    found[target.id] = ast.unparse(statement.value)
            return found
    raise AssertionError(f"{class_name} not generated")


@pytest.fixture
def rendered(tmp_path: Path) -> Dict[str, str]:
    root = _tree(tmp_path, {"things.py": THINGS, "things_pkg/__init__.py": "", "parts.py": PARTS})
    return {str(path.relative_to(root / views.RESOURCES_DIR)): text for path, text in views.render(root).items()}


def test_api_calls_become_view_calls_and_helpers_do_not(rendered: Dict[str, str]) -> None:
    raw = _declared(rendered["_things_views.py"], "AsyncThingsWithRawResponse")
    assert raw == {
        "parts": "AsyncPartsWithRawResponse",
        "create": "raw_call(_resources.AsyncThings.create)",
        "list": "raw_list_call(_resources.AsyncThings.list)",
        "parse": "raw_call(_resources.AsyncThings.parse)",
    }
    streaming = _declared(rendered["_things_views.py"], "AsyncThingsWithStreamingResponse")
    assert streaming["list"] == "streamed_list_call(_resources.AsyncThings.list)"
    assert streaming["parts"] == "AsyncPartsWithStreamingResponse"
    assert "from . import things as _resources" in rendered["_things_views.py"]
    assert "from ._parts_views import AsyncPartsWithRawResponse" in rendered["_things_views.py"]


def test_the_client_gets_views_of_its_resources_with_the_official_names(rendered: Dict[str, str]) -> None:
    client = rendered["_client_views.py"]
    assert _declared(client, "AsyncOpenAIWithRawResponse") == {"things": "AsyncThingsWithRawResponse"}
    assert _declared(client, "AsyncOpenAIWithStreamedResponse") == {"things": "AsyncThingsWithStreamingResponse"}


def test_a_module_without_resources_gets_no_views(rendered: Dict[str, str]) -> None:
    assert sorted(rendered) == ["_client_views.py", "_parts_views.py", "_things_views.py"]


def test_check_reports_stale_and_edited_views(tmp_path: Path) -> None:
    root = _tree(tmp_path, {"things.py": THINGS, "parts.py": PARTS})
    views.generate(root)
    assert views.check(root) == []
    edited = root / views.RESOURCES_DIR / "_parts_views.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    stale = root / views.RESOURCES_DIR / "_gone_views.py"
    stale.write_text("", encoding="utf-8")
    problems = views.check(root)
    assert len(problems) == 2
    assert "_parts_views.py" in problems[0] and "# edited" in problems[0]
    assert problems[1].endswith("_gone_views.py: no resource module needs it any more")
    views.generate(root)
    assert views.check(root) == [] and not stale.exists()


def test_a_sub_resource_that_cannot_be_found_is_an_error(tmp_path: Path) -> None:
    twin = PARTS.replace("...", "..")
    root = _tree(
        tmp_path, {"things.py": THINGS.replace("from .parts import", "from .elsewhere import"), "parts.py": twin}
    )
    with pytest.raises(views.ViewsError, match=r"AsyncThings\.parts returns AsyncParts, found in 0 resource modules"):
        views.render(root)


SHARED = """
from __future__ import annotations
from typing import Generic, TypeVar

from .._base import AsyncAPIResource

_T = TypeVar("_T")


class _PartCalls(AsyncAPIResource, Generic[_T]):
    async def _retrieve(self, part_id: str) -> _T:
        raise NotImplementedError


class AsyncParts(_PartCalls[int]):
    async def retrieve(self, part_id: str) -> int:
        return await self._retrieve(part_id)
"""

BETA_PARTS = """
from __future__ import annotations
from ...parts import _PartCalls


class AsyncParts(_PartCalls[str]):
    async def retrieve(self, part_id: str) -> str:
        return await self._retrieve(part_id)
"""


def test_a_private_base_shared_by_resources_makes_them_resources_and_gets_no_views(tmp_path: Path) -> None:
    root = _tree(tmp_path, {"things.py": THINGS, "parts.py": SHARED, "beta/parts/parts.py": BETA_PARTS})
    rendered = {str(path.relative_to(root / views.RESOURCES_DIR)): text for path, text in views.render(root).items()}
    assert _declared(rendered["_parts_views.py"], "AsyncPartsWithRawResponse") == {
        "retrieve": "raw_call(_resources.AsyncParts.retrieve)"
    }
    assert _declared(rendered["beta/parts/_parts_views.py"], "AsyncPartsWithStreamingResponse") == {
        "retrieve": "streamed_call(_resources.AsyncParts.retrieve)"
    }
    assert not any("_PartCalls" in text for text in rendered.values())

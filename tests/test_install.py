"""What a user gets from the wheel: a complete, non-editable install under the distribution name ``openai``.

The wheel is built from a copy of the sources and installed into a fresh virtual environment. That venv
borrows its third-party dependencies (httpx, pydantic, ...) from the test's own environment through a ``.pth``
path, so no network is needed; the package under test itself comes from the wheel alone. Then a tiny package
that requires ``openai`` (as every library built on the official SDK does) is installed beside it, and must
leave this client in place instead of pulling the official SDK over it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from pathlib import Path

import pytest

import openai

ROOT = Path(__file__).resolve().parent.parent

# Runs inside the fresh venv: both clients against the loopback server, and the facts a dependent checks.
CLIENT_SCRIPT = textwrap.dedent(
    """
    import asyncio, importlib.metadata, json, sys
    import openai
    from openai import AsyncOpenAI, OpenAI
    from openai.testing import loopback_server

    messages = [{"role": "user", "content": "hi"}]
    with loopback_server() as server:
        with OpenAI(base_url=server.base_url, api_key="sk-test") as client:
            sync_reply = client.chat.completions.create(model="gpt-4o-mini", messages=messages)

        async def call():
            async with AsyncOpenAI(base_url=server.base_url, api_key="sk-test") as client:
                return await client.chat.completions.create(model="gpt-4o-mini", messages=messages)

        async_reply = asyncio.run(call())
        paths = [request.path for request in server.requests]
    print(json.dumps({
        "file": openai.__file__,
        "version": openai.__version__,
        "metadata_version": importlib.metadata.version("openai"),
        "sync": sync_reply.choices[0].message.content,
        "async": async_reply.choices[0].message.content,
        "paths": paths,
    }))
    """
)


def _run(*args: str | Path, cwd: Path | None = None) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _build_wheel(tmp: Path) -> Path:
    """Our wheel, built offline from a copy of what a clone holds (so the checkout gets no build/ folder)."""
    source = tmp / "source"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__"))
    wheels = tmp / "wheels"
    _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", wheels, source)
    built = sorted(wheels.glob("*.whl"))
    assert [wheel.name.split("-")[0] for wheel in built] == ["openai"], f"expected one openai wheel, got {built}"
    return built[0]


def _dependent_wheel(directory: Path) -> Path:
    """A wheel of a library that pins ``openai`` the way libraries built on the official SDK do."""
    name, version = "needs_openai", "1.0"
    dist_info = f"{name}-{version}.dist-info"
    wheel = directory / f"{name}-{version}-py3-none-any.whl"
    files = {
        f"{name}/__init__.py": "import openai\n",
        f"{dist_info}/METADATA": (
            "Metadata-Version: 2.1\n"
            f"Name: {name}\nVersion: {version}\n"
            "Requires-Dist: openai>=1\nRequires-Dist: openai==3.3.1\nRequires-Dist: openai<4,>=1.40\n"
        ),
        f"{dist_info}/WHEEL": "Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = "".join(f"{path},,\n" for path in files) + f"{dist_info}/RECORD,,\n"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, text in files.items():
            archive.writestr(path, text)
        archive.writestr(f"{dist_info}/RECORD", record)
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with our wheel installed (not editable); returns its python."""
    tmp = tmp_path_factory.mktemp("install")
    wheel = _build_wheel(tmp)
    venv = tmp / "venv"
    _run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    site_packages = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip())
    # Dependencies only: the editable install of this checkout in the test's environment is not on that path
    # (its finder is loaded by a .pth file, which a path listed in another .pth does not process).
    (site_packages / "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run(python, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps", wheel)
    return python


def test_the_wheel_holds_every_subpackage_of_the_source(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    missing = sorted(
        "openai/" + path.relative_to(ROOT / "src").as_posix()
        for path in (ROOT / "src").rglob("*")
        if path.suffix in {".py", ".pyi", ".typed"} and "__pycache__" not in path.parts
        if "openai/" + path.relative_to(ROOT / "src").as_posix() not in names
    )
    assert not missing, f"{len(missing)} source files are not in the wheel, e.g. {missing[:10]}"
    assert any(name.endswith(".dist-info/METADATA") for name in names)


def test_both_clients_work_from_the_installed_wheel(installed: Path) -> None:
    import json

    result = json.loads(_run(installed, "-c", CLIENT_SCRIPT, cwd=installed.parent))
    assert str(installed.parent.parent) in result["file"], "imported openai from somewhere other than the venv"
    assert result["version"] == result["metadata_version"] == openai.__version__
    assert result["sync"] and result["async"]
    assert result["paths"] == ["/v1/chat/completions", "/v1/chat/completions"]


def test_a_library_that_requires_openai_keeps_this_client(installed: Path, tmp_path: Path) -> None:
    dependent = _dependent_wheel(tmp_path)
    _run(installed, "-m", "pip", "install", "--quiet", "--no-index", "--find-links", tmp_path, "needs_openai")
    script = (
        "import importlib.metadata, openai, needs_openai; "
        "print(importlib.metadata.version('openai'), importlib.metadata.version('needs_openai'), openai.__file__)"
    )
    version, dependent_version, location = _run(installed, "-c", script, cwd=tmp_path).split()
    assert (version, dependent_version) == (openai.__version__, "1.0")
    assert location.startswith(str(installed.parent.parent)), location
    assert dependent.exists()

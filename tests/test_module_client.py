"""The module-level client: ``openai.api_key = ...; openai.chat.completions.create(...)``."""

from __future__ import annotations

import subprocess
import sys
from typing import Iterator

import pytest

import openai
from openai._module_client import close_module_client
from openai.testing import LoopbackServer


@pytest.fixture
def module_settings(server: LoopbackServer) -> Iterator[None]:
    saved = {name: openai.__dict__.get(name) for name in ("api_key", "base_url", "organization")}
    yield
    for name, value in saved.items():
        setattr(openai, name, value)
    close_module_client()


def test_module_level_calls_use_module_settings(server: LoopbackServer, module_settings: None) -> None:
    openai.api_key = "sk-module-one"
    openai.base_url = server.base_url
    completion = openai.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
    assert completion.choices[0].message.content
    assert server.requests[-1].headers["authorization"] == "Bearer sk-module-one"

    openai.api_key = "sk-module-two"
    openai.organization = "org-mod"
    openai.models.list()
    assert server.requests[-1].headers["authorization"] == "Bearer sk-module-two"
    assert server.requests[-1].headers["openai-organization"] == "org-mod"


def test_import_loads_no_resource_type_or_http_module() -> None:
    code = (
        "import sys, openai\n"
        "heavy = [m for m in sys.modules if m.startswith(('openai.types', 'openai._sync', 'openai._async', 'httpx', 'pydantic'))]\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_lazy_names_resolve() -> None:
    assert openai.OpenAI.__name__ == "OpenAI"
    assert issubclass(openai.RateLimitError, openai.APIStatusError)
    assert openai.AsyncCursorPage.__name__ == "AsyncCursorPage"
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        openai.Nope  # noqa: B018


def test_aiohttp_client_without_the_extra_names_it() -> None:
    code = (
        "import sys\n"
        "sys.modules['httpx_aiohttp'] = None\n"
        "import openai\n"
        "try:\n"
        "    openai.DefaultAioHttpClient()\n"
        "except RuntimeError as exc:\n"
        "    print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "pip install aiohttp httpx-aiohttp" in out

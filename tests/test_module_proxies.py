"""``openai.chat``, ``openai.beta``, ...: present before any API key is set, as with the official SDK."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Iterator

import pytest

import openai
from openai._module_client import RESOURCE_NAMES, ResourceProxy, close_module_client
from openai.testing import LoopbackServer

OFFICIAL_MODULE_RESOURCES = {
    "admin", "audio", "batches", "beta", "chat", "completions", "containers", "content_provenance_checks",
    "conversations", "embeddings", "evals", "files", "fine_tuning", "images", "models", "moderations",
    "realtime", "responses", "skills", "uploads", "vector_stores", "videos", "webhooks",
}  # fmt: skip


def test_every_official_module_resource_is_offered() -> None:
    assert set(RESOURCE_NAMES) == OFFICIAL_MODULE_RESOURCES


def test_the_names_exist_without_a_key_and_the_first_use_asks_for_one() -> None:
    names = sorted(OFFICIAL_MODULE_RESOURCES)
    code = (
        "import openai\n"
        f"proxies = [getattr(openai, name) for name in {names!r}]\n"
        "print(len(proxies), repr(openai.chat))\n"
        "try:\n"
        "    openai.chat.completions\n"
        "except openai.OpenAIError as exc:\n"
        "    print('error:', exc)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    lines = out.splitlines()
    assert lines[0] == f"{len(names)} <module-level openai.chat>"
    assert lines[1].startswith("error:") and "OPENAI_API_KEY" in lines[1]


@pytest.fixture
def module_settings() -> Iterator[None]:
    saved = {name: openai.__dict__.get(name) for name in ("api_key", "base_url")}
    yield
    for name, value in saved.items():
        setattr(openai, name, value)
    close_module_client()


def test_a_proxy_taken_early_uses_the_settings_made_later(server: LoopbackServer, module_settings: None) -> None:
    models = openai.models
    assert isinstance(models, ResourceProxy)
    openai.api_key = "sk-late"
    openai.base_url = server.base_url
    assert models.retrieve("gpt-4o").id == "gpt-4o"
    assert server.requests[-1].headers["authorization"] == "Bearer sk-late"
    assert "retrieve" in dir(models)

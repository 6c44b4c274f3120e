"""The API key never shows: not in debug logs, reprs, or error messages."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from openai.testing import LoopbackServer

SECRET = "sk-very-secret-0123456789abcdef"

SCRIPT = textwrap.dedent(
    """
    import asyncio, logging, sys
    import openai
    logging.basicConfig(level=logging.DEBUG, stream=sys.stdout)
    secret, base_url = sys.argv[1], sys.argv[2]
    messages = [{"role": "user", "content": "hi"}]

    def show(*things):
        for thing in things:
            print(repr(thing), str(thing))

    client = openai.OpenAI(api_key=secret, base_url=base_url, max_retries=1)
    show(client, client.chat, client.with_raw_response)
    completion = client.chat.completions.create(model="m", messages=messages)
    show(completion)
    raw = client.chat.completions.with_raw_response.create(model="m", messages=messages)
    show(raw, raw.http_request)
    for scenario in ["status=500", "status=401", "status=429;code=insufficient_quota", "reset", "stream-error"]:
        try:
            stream = client.chat.completions.create(
                model="m", messages=messages, stream="stream" in scenario, extra_headers={"x-loopback-scenario": scenario}
            )
            for _ in stream:
                pass
        except openai.APIError as exc:
            show(exc, exc.args, exc.body, exc.request)
    client.close()
    bad = openai.OpenAI(api_key=secret, base_url="http://127.0.0.1:9/v1", max_retries=0)
    try:
        bad.models.list()
    except openai.APIConnectionError as exc:
        show(exc, exc.__cause__)
    bad.close()

    async def run_async():
        async with openai.AsyncOpenAI(api_key=secret, base_url=base_url) as api:
            show(api, await api.models.list())
    asyncio.run(run_async())
    print("finished")
    """
)


def test_key_never_appears_in_logs_reprs_or_errors(server: LoopbackServer) -> None:
    env = {**os.environ, "OPENAI_LOG": "debug"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, SECRET, server.base_url], capture_output=True, text=True, env=env, timeout=60
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "finished" in result.stdout
    # The run did log requests and errors, so the check below means something.
    assert "Sending POST" in output and "AuthenticationError" in output and "APIConnectionError" in output
    assert SECRET not in output
    assert SECRET[:12] not in output

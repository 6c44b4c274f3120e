"""One benchmark workload per process; prints one JSON line with its results.

The same file runs under our venv and under the official SDK's venv: the code below only uses the
public interface both clients share, so whichever ``openai`` the interpreter imports is measured.
The ``raw-*`` workloads skip the SDK and show what httpx / aiohttp alone can do on this machine.

    python bench/workloads.py WORKLOAD --url http://127.0.0.1:PORT/v1 [--seconds S] [--max N] ...

Every workload is bounded twice: by ``--max`` operations and by ``--seconds`` of measuring. The
JSON line has ``workload``, ``ok``, the metrics, ``errors`` and, on failure, ``error``.
"""

from __future__ import annotations

import argparse
import array
import asyncio
import base64
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import traceback
from typing import Any, Callable, Dict, List, Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server import EMBEDDING_DIMENSIONS, embedding_values

API_KEY = "sk-bench"
MODEL = "gpt-4o-mini"
MESSAGES = [
    {"role": "system", "content": "You are a helpful assistant."},
    {"role": "user", "content": "Say hello to the benchmark."},
]
EMBED_INPUT = "The food was delicious and the waiter was very friendly."
CHAT_BODY = json.dumps({"model": MODEL, "messages": MESSAGES}).encode()
STREAM_BODY = json.dumps({"model": MODEL, "messages": MESSAGES, "stream": True}).encode()
RAW_HEADERS = {"Content-Type": "application/json", "Authorization": f"Bearer {API_KEY}"}
# The SDKs' default pool: 1000 connections, 100 kept alive. The raw floors get the same.
MAX_CONNECTIONS = 1000
MAX_KEEPALIVE = 100
# An async run stops early once this many calls have failed: the error is the result then.
MAX_ASYNC_ERRORS = 50


class Result:
    """Collects what a workload measured; ``emit`` prints it as the process's JSON line."""

    def __init__(self, workload: str) -> None:
        self.data: Dict[str, Any] = {"workload": workload, "ok": True, "errors": 0}

    def fail(self, exc: BaseException) -> None:
        self.data["ok"] = False
        self.data["error"] = _describe(exc)
        self.data["traceback"] = traceback.format_exception(type(exc), exc, exc.__traceback__)[-6:]

    def emit(self) -> None:
        self.data["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(self.data), flush=True)


def _describe(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}"
    return text if len(text) <= 300 else text[:297] + "..."


def _client_info() -> Dict[str, Any]:
    import openai

    return {"openai_version": openai.__version__, "openai_file": openai.__file__}


def _check_embedding(embedding: Any) -> None:
    """Fail the run when a client returns the wrong vector: a fast wrong answer is no result."""
    if not isinstance(embedding, list) or len(embedding) != EMBEDDING_DIMENSIONS:
        raise AssertionError(f"expected a list of {EMBEDDING_DIMENSIONS} floats, got {type(embedding).__name__}")
    expected = _EXPECTED_EMBEDDING
    for i in (0, 1, EMBEDDING_DIMENSIONS // 2, EMBEDDING_DIMENSIONS - 1):
        if not isinstance(embedding[i], float) or abs(embedding[i] - expected[i]) > 1e-7:
            raise AssertionError(f"embedding[{i}] is {embedding[i]!r}, expected {expected[i]!r}")


_EXPECTED_EMBEDDING = embedding_values()


# --- sequential loops -------------------------------------------------------------------------


def _sequential(result: Result, call: Callable[[], int], seconds: float, max_ops: int, warmup: int) -> None:
    """Time ``call`` in a loop; it returns how many items it consumed (1 per request, chunks per stream)."""
    for _ in range(warmup):
        call()
    ops = items = 0
    start = time.perf_counter()
    deadline = start + seconds
    while ops < max_ops and time.perf_counter() < deadline:
        items += call()
        ops += 1
    elapsed = time.perf_counter() - start
    result.data.update(ops=ops, items=items, elapsed_s=elapsed)
    result.data["per_s"] = items / elapsed
    result.data["us_per_item"] = elapsed / items * 1e6 if items else None
    result.data["ms_per_op"] = elapsed / ops * 1e3 if ops else None


def run_import(result: Result, args: argparse.Namespace) -> None:
    """Wall time of ``import openai`` + ``OpenAI()`` in a fresh interpreter, minus a bare interpreter."""
    code = f"import sys, openai\nopenai.OpenAI(api_key={API_KEY!r}, base_url={args.url!r})\nprint(len(sys.modules))\n"
    bare_code = "import sys\nprint(len(sys.modules))\n"

    def timed(source: str) -> tuple[float, int]:
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if out.returncode != 0:
            lines = out.stderr.strip().splitlines() or [f"exit code {out.returncode}"]
            raise RuntimeError(f"import failed: {lines[-1]}")
        return elapsed, int(out.stdout.strip().splitlines()[-1])

    timed(code)  # compiles .pyc files and warms the OS cache, as any second run would find them
    timed(bare_code)
    bare: List[float] = []
    full: List[float] = []
    modules = bare_modules = 0
    deadline = time.perf_counter() + args.seconds * 4
    # Alternate so that drift in machine load touches both series alike.
    for i in range(args.max):
        if i >= 2 and time.perf_counter() > deadline:
            break
        elapsed, bare_modules = timed(bare_code)
        bare.append(elapsed)
        elapsed, modules = timed(code)
        full.append(elapsed)
    result.data.update(
        ops=len(full),
        import_ms=(statistics.median(full) - statistics.median(bare)) * 1e3,
        bare_ms=statistics.median(bare) * 1e3,
        modules=modules,
        bare_modules=bare_modules,
    )


def run_chat_sync(result: Result, args: argparse.Namespace) -> None:
    import openai

    client = openai.OpenAI(api_key=API_KEY, base_url=args.url)

    def call() -> int:
        completion = client.chat.completions.create(model=MODEL, messages=MESSAGES)
        if not completion.choices[0].message.content:
            raise AssertionError("empty completion")
        return 1

    try:
        _sequential(result, call, args.seconds, args.max, warmup=50)
    finally:
        client.close()


def run_raw_httpx_sync(result: Result, args: argparse.Namespace) -> None:
    import httpx

    limits = httpx.Limits(max_connections=MAX_CONNECTIONS, max_keepalive_connections=MAX_KEEPALIVE)
    url = args.url + "/chat/completions"
    with httpx.Client(limits=limits) as client:

        def call() -> int:
            response = client.post(url, content=CHAT_BODY, headers=RAW_HEADERS)
            response.raise_for_status()
            if not json.loads(response.content)["choices"][0]["message"]["content"]:
                raise AssertionError("empty completion")
            return 1

        _sequential(result, call, args.seconds, args.max, warmup=50)


def run_stream_sync(result: Result, args: argparse.Namespace) -> None:
    import openai

    client = openai.OpenAI(api_key=API_KEY, base_url=args.url)

    def call() -> int:
        count = 0
        stream = client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True)
        for chunk in stream:
            if chunk.choices:
                chunk.choices[0].delta.content  # noqa: B018 - a consumer reads the text
            count += 1
        return count

    try:
        _sequential(result, call, args.seconds, args.max, warmup=1)
    finally:
        client.close()


def run_raw_stream_httpx(result: Result, args: argparse.Namespace) -> None:
    import httpx

    url = args.url + "/chat/completions"
    with httpx.Client() as client:

        def call() -> int:
            count = 0
            with client.stream("POST", url, content=STREAM_BODY, headers=RAW_HEADERS) as response:
                response.raise_for_status()
                for line in response.iter_lines():
                    if line.startswith("data: "):
                        data = line[6:]
                        if data == "[DONE]":
                            break
                        json.loads(data)["choices"][0]["delta"].get("content")
                        count += 1
            return count

        _sequential(result, call, args.seconds, args.max, warmup=1)


def run_embed(result: Result, args: argparse.Namespace) -> None:
    import openai

    client = openai.OpenAI(api_key=API_KEY, base_url=args.url)
    extra: Dict[str, Any] = {} if args.encoding == "default" else {"encoding_format": args.encoding}

    def call() -> int:
        response = client.embeddings.create(model="text-embedding-3-small", input=EMBED_INPUT, **extra)
        _check_embedding(response.data[0].embedding)
        return 1

    try:
        _sequential(result, call, args.seconds, args.max, warmup=20)
    finally:
        client.close()


def run_raw_embed_httpx(result: Result, args: argparse.Namespace) -> None:
    import httpx

    url = args.url + "/embeddings"
    encoding = "base64" if args.encoding == "base64" else "float"
    body = json.dumps({"model": "text-embedding-3-small", "input": EMBED_INPUT, "encoding_format": encoding}).encode()
    with httpx.Client() as client:

        def call() -> int:
            response = client.post(url, content=body, headers=RAW_HEADERS)
            response.raise_for_status()
            embedding = json.loads(response.content)["data"][0]["embedding"]
            if encoding == "base64":
                embedding = array.array("f", base64.b64decode(embedding)).tolist()
            _check_embedding(embedding)
            return 1

        _sequential(result, call, args.seconds, args.max, warmup=20)


# --- concurrent loops -------------------------------------------------------------------------


async def _concurrent(
    result: Result, call: Callable[[], Any], concurrency: int, seconds: float, max_ops: int, warmup: bool = True
) -> None:
    """Keep ``concurrency`` calls in flight until ``max_ops`` have started or ``seconds`` have passed."""
    errors: List[BaseException] = []
    state = {"left": 0, "done": 0, "items": 0}
    deadline = 0.0

    async def worker() -> None:
        while state["left"] > 0 and time.perf_counter() < deadline and len(errors) < MAX_ASYNC_ERRORS:
            state["left"] -= 1
            try:
                # Await first: `state["items"] += await call()` reads the counter before the await
                # and would drop the updates other workers make meanwhile.
                items = await call()
                state["items"] += items
                state["done"] += 1
            except Exception as exc:
                errors.append(exc)

    if warmup:
        # Open the pool's connections first; measuring starts with them warm.
        state["left"] = concurrency * 2
        deadline = time.perf_counter() + seconds
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        if errors:
            raise errors[0]
    state.update(left=max_ops, done=0, items=0)
    start = time.perf_counter()
    deadline = start + seconds
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - start
    result.data.update(ops=state["done"], items=state["items"], elapsed_s=elapsed, errors=len(errors))
    result.data["per_s"] = state["items"] / elapsed
    result.data["us_per_item"] = elapsed / state["items"] * 1e6 if state["items"] else None
    if errors:
        result.data["error"] = _describe(errors[0])
        # A run where calls fail is not a throughput figure, unless failures are rare.
        if state["done"] == 0 or len(errors) > 0.01 * (state["done"] + len(errors)):
            result.data["ok"] = False


def run_chat_async(result: Result, args: argparse.Namespace) -> None:
    import openai

    async def main() -> None:
        http_client = openai.DefaultAioHttpClient() if args.transport == "aiohttp" else None
        client = openai.AsyncOpenAI(api_key=API_KEY, base_url=args.url, http_client=http_client)

        async def call() -> int:
            completion = await client.chat.completions.create(model=MODEL, messages=MESSAGES)
            if not completion.choices[0].message.content:
                raise AssertionError("empty completion")
            return 1

        try:
            await _concurrent(result, call, args.concurrency, args.seconds, args.max)
        finally:
            await client.close()

    asyncio.run(main())


def run_stream_async(result: Result, args: argparse.Namespace) -> None:
    import openai

    async def main() -> None:
        client = openai.AsyncOpenAI(api_key=API_KEY, base_url=args.url)

        async def call() -> int:
            count = 0
            stream = await client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True)
            async for chunk in stream:
                if chunk.choices:
                    chunk.choices[0].delta.content  # noqa: B018 - a consumer reads the text
                count += 1
            return count

        try:
            await call()
            await _concurrent(result, call, 1, args.seconds, args.max, warmup=False)
        finally:
            await client.close()

    asyncio.run(main())


def run_raw_httpx_async(result: Result, args: argparse.Namespace) -> None:
    import httpx

    async def main() -> None:
        limits = httpx.Limits(max_connections=MAX_CONNECTIONS, max_keepalive_connections=MAX_KEEPALIVE)
        url = args.url + "/chat/completions"
        async with httpx.AsyncClient(limits=limits, timeout=600) as client:

            async def call() -> int:
                response = await client.post(url, content=CHAT_BODY, headers=RAW_HEADERS)
                response.raise_for_status()
                if not json.loads(response.content)["choices"][0]["message"]["content"]:
                    raise AssertionError("empty completion")
                return 1

            await _concurrent(result, call, args.concurrency, args.seconds, args.max)

    asyncio.run(main())


def run_raw_aiohttp(result: Result, args: argparse.Namespace) -> None:
    import aiohttp

    async def main() -> None:
        url = args.url + "/chat/completions"
        connector = aiohttp.TCPConnector(limit=MAX_CONNECTIONS)
        async with aiohttp.ClientSession(connector=connector) as session:

            async def call() -> int:
                async with session.post(url, data=CHAT_BODY, headers=RAW_HEADERS) as response:
                    response.raise_for_status()
                    body = await response.read()
                if not json.loads(body)["choices"][0]["message"]["content"]:
                    raise AssertionError("empty completion")
                return 1

            await _concurrent(result, call, args.concurrency, args.seconds, args.max)

    asyncio.run(main())


def run_raw_stream_aiohttp(result: Result, args: argparse.Namespace) -> None:
    import aiohttp

    async def main() -> None:
        url = args.url + "/chat/completions"
        async with aiohttp.ClientSession() as session:

            async def call() -> int:
                count = 0
                async with session.post(url, data=STREAM_BODY, headers=RAW_HEADERS) as response:
                    response.raise_for_status()
                    async for line in response.content:
                        if line.startswith(b"data: "):
                            data = line[6:].rstrip(b"\r\n")
                            if data == b"[DONE]":
                                break
                            json.loads(data)["choices"][0]["delta"].get("content")
                            count += 1
                return count

            await call()
            await _concurrent(result, call, 1, args.seconds, args.max, warmup=False)

    asyncio.run(main())


WORKLOADS: Dict[str, Callable[[Result, argparse.Namespace], None]] = {
    "import": run_import,
    "chat-sync": run_chat_sync,
    "chat-async": run_chat_async,
    "stream-sync": run_stream_sync,
    "stream-async": run_stream_async,
    "embed": run_embed,
    "raw-httpx-sync": run_raw_httpx_sync,
    "raw-httpx-async": run_raw_httpx_async,
    "raw-aiohttp": run_raw_aiohttp,
    "raw-stream-httpx": run_raw_stream_httpx,
    "raw-stream-aiohttp": run_raw_stream_aiohttp,
    "raw-embed-httpx": run_raw_embed_httpx,
}


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Run one benchmark workload and print one JSON line.")
    parser.add_argument("workload", choices=sorted(WORKLOADS))
    parser.add_argument("--url", required=True, help="base URL of the loopback server, ending in /v1")
    parser.add_argument("--seconds", type=float, default=2.0, help="time bound of the measured phase")
    parser.add_argument("--max", type=int, default=20000, help="bound on operations (requests, streams, imports)")
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--transport", choices=["default", "aiohttp"], default="default")
    parser.add_argument("--encoding", choices=["float", "base64", "default"], default="float")
    args = parser.parse_args(argv)

    result = Result(args.workload)
    result.data.update(concurrency=args.concurrency, transport=args.transport, encoding=args.encoding)
    try:
        if not args.workload.startswith("raw-"):
            result.data.update(_client_info())
        WORKLOADS[args.workload](result, args)
    except Exception as exc:
        result.fail(exc)
    result.emit()
    return 0


if __name__ == "__main__":
    sys.exit(main())

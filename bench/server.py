"""Loopback HTTP/1.1 server for the benchmark: keep-alive, canned responses, as little work as possible.

Every response is built once at start-up, so a request costs the server one header scan and one
``transport.write``. The server must stay cheap: it shares the machine with the client under test,
and any CPU it burns is CPU the client does not get.

Routes (POST, any prefix before them):
  /chat/completions   a chat completion, or an SSE stream of ``--sse-chunks`` chunks and ``[DONE]``
                      when the body asks for ``"stream": true``
  /embeddings         one 1536-float embedding, as a JSON float list, or as base64 of float32
                      little-endian when the body asks for ``"base64"``

Run: ``python bench/server.py [--sse-chunks N]``; it prints one JSON line ``{"port": ..., "pid": ...}``
once it listens on 127.0.0.1, and stops on SIGTERM/SIGINT, when its parent exits, or after
``--max-seconds``.
"""

from __future__ import annotations

import argparse
import array
import asyncio
import base64
import json
import os
import random
import re
import signal
import sys
from typing import List, Optional

EMBEDDING_DIMENSIONS = 1536
_STREAM_RE = re.compile(rb'"stream"\s*:\s*true')


def embedding_values() -> List[float]:
    """The embedding every request gets: float32-representable values, the same in every process.

    The workloads import this to check that a client decoded the vector it was sent.
    """
    rng = random.Random(1536)
    packed = array.array("f", (rng.uniform(-0.1, 0.1) for _ in range(EMBEDDING_DIMENSIONS)))
    return packed.tolist()


def _response(body: bytes, content_type: bytes = b"application/json") -> bytes:
    return (
        b"HTTP/1.1 200 OK\r\ncontent-type: "
        + content_type
        + b"\r\ncontent-length: "
        + str(len(body)).encode()
        + b"\r\nx-request-id: req_bench\r\nopenai-processing-ms: 1\r\n\r\n"
        + body
    )


def _json(obj: object) -> bytes:
    return json.dumps(obj, separators=(",", ":")).encode()


def chat_completion_body() -> bytes:
    """A typical non-streamed chat completion."""
    return _json(
        {
            "id": "chatcmpl-bench0000000000000000000000",
            "object": "chat.completion",
            "created": 1700000000,
            "model": "gpt-4o-mini-2024-07-18",
            "choices": [
                {
                    "index": 0,
                    "message": {
                        "role": "assistant",
                        "content": "Hello! How can I help you with your benchmark today?",
                        "refusal": None,
                        "annotations": [],
                    },
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ],
            "usage": {
                "prompt_tokens": 19,
                "completion_tokens": 12,
                "total_tokens": 31,
                "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                "completion_tokens_details": {
                    "reasoning_tokens": 0,
                    "audio_tokens": 0,
                    "accepted_prediction_tokens": 0,
                    "rejected_prediction_tokens": 0,
                },
            },
            "service_tier": "default",
            "system_fingerprint": "fp_bench",
        }
    )


def sse_stream(chunks: int) -> bytes:
    """A whole streamed response: chunked transfer encoding, one HTTP chunk per SSE event, as servers flush."""

    def chunk(delta: dict[str, object], finish: Optional[str]) -> bytes:
        event = {
            "id": "chatcmpl-bench0000000000000000000000",
            "object": "chat.completion.chunk",
            "created": 1700000000,
            "model": "gpt-4o-mini-2024-07-18",
            "service_tier": "default",
            "system_fingerprint": "fp_bench",
            "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
        }
        return b"data: " + _json(event) + b"\n\n"

    events = [chunk({"role": "assistant", "content": "", "refusal": None}, None)]
    events += [chunk({"content": f" tok{i}"}, None) for i in range(1, chunks - 1)]
    events.append(chunk({}, "stop"))
    events.append(b"data: [DONE]\n\n")
    framed = b"".join(b"%x\r\n%s\r\n" % (len(e), e) for e in events)
    head = (
        b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream; charset=utf-8\r\n"
        b"transfer-encoding: chunked\r\nx-request-id: req_bench\r\n\r\n"
    )
    return head + framed + b"0\r\n\r\n"


def embeddings_body(as_base64: bool) -> bytes:
    values = embedding_values()
    if as_base64:
        embedding = '"' + base64.b64encode(array.array("f", values).tobytes()).decode() + '"'
    else:
        # Nine significant digits round-trip a float32, as the real API's float lists do.
        embedding = "[" + ",".join(f"{v:.9g}" for v in values) + "]"
    return (
        '{"object":"list","data":[{"object":"embedding","index":0,"embedding":'
        + embedding
        + '}],"model":"text-embedding-3-small","usage":{"prompt_tokens":8,"total_tokens":8}}'
    ).encode()


class Canned:
    """The prebuilt response bytes, one attribute per route."""

    def __init__(self, sse_chunks: int) -> None:
        self.chat = _response(chat_completion_body())
        self.stream = sse_stream(sse_chunks)
        self.embed_float = _response(embeddings_body(False))
        self.embed_b64 = _response(embeddings_body(True))
        self.not_found = (
            b"HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: 58\r\n\r\n"
            b'{"error":{"message":"no such route","type":"bench_error"}}'
        )
        self.need_length = b"HTTP/1.1 411 Length Required\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"


class BenchProtocol(asyncio.Protocol):
    """One connection: parse request line and content-length, answer from the canned bytes."""

    __slots__ = ("buffer", "canned", "transport")

    def __init__(self, canned: Canned) -> None:
        self.canned = canned
        self.buffer = b""
        self.transport: Optional[asyncio.Transport] = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        buf = self.buffer + data if self.buffer else data
        transport = self.transport
        assert transport is not None
        # Bounded: each pass consumes one whole request or stops to wait for more bytes.
        while True:
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                break
            head = buf[:end].lower()
            at = head.find(b"\r\ncontent-length:")
            if at < 0:
                if b"\r\ntransfer-encoding:" in head:
                    # Chunked request bodies never come from the clients benchmarked here.
                    transport.write(self.canned.need_length)
                    transport.close()
                    self.buffer = b""
                    return
                length = 0
            else:
                stop = head.find(b"\r\n", at + 17)
                length = int(head[at + 17 : stop if stop >= 0 else end])
            total = end + 4 + length
            if len(buf) < total:
                break
            body = buf[end + 4 : total]
            path = head[head.find(b" ") + 1 : head.find(b" http/")]
            transport.write(self._route(path, body))
            buf = buf[total:]
            if b"\r\nconnection: close" in head:
                transport.close()
                buf = b""
                break
        self.buffer = buf

    def _route(self, path: bytes, body: bytes) -> bytes:
        canned = self.canned
        if path.endswith(b"/chat/completions"):
            return canned.stream if _STREAM_RE.search(body) else canned.chat
        if path.endswith(b"/embeddings"):
            return canned.embed_b64 if b'"base64"' in body else canned.embed_float
        return canned.not_found


async def serve(sse_chunks: int, max_seconds: float) -> None:
    loop = asyncio.get_running_loop()
    canned = Canned(sse_chunks)
    server = await loop.create_server(lambda: BenchProtocol(canned), "127.0.0.1", 0, backlog=2048)
    port = server.sockets[0].getsockname()[1]
    print(json.dumps({"port": port, "pid": os.getpid()}), flush=True)

    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    parent = os.getppid()
    deadline = loop.time() + max_seconds
    # Never outlive the driver: stop when it exits (we get re-parented) or the time bound passes.
    while not stop.is_set() and loop.time() < deadline and os.getppid() == parent:
        try:
            await asyncio.wait_for(stop.wait(), timeout=1.0)
        except asyncio.TimeoutError:
            pass
    # No wait_closed(): on newer Pythons it waits for idle keep-alive connections that may never close.
    server.close()


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sse-chunks", type=int, default=2000, help="chunk events per streamed response")
    parser.add_argument("--max-seconds", type=float, default=4 * 3600, help="stop by itself after this long")
    args = parser.parse_args(argv)
    if args.sse_chunks < 2:
        parser.error("--sse-chunks must be at least 2")
    asyncio.run(serve(args.sse_chunks, args.max_seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())

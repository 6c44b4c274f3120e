"""``make bench``: our client against the official ``openai`` SDK, side by side, on one loopback server.

Both clients are imported as ``openai``, so each lives in its own venv: ours in the project's
``.venv`` (editable install), the official one in ``bench/.venv-official``, which this driver creates
on first use. Every workload runs in a fresh subprocess (``bench/workloads.py``) of the right venv;
runs of the two clients are interleaved and repeated, and the report gives medians, min-max spread
and the ratio ours/official, next to the raw httpx / aiohttp floors. Results go to stdout and to
``docs/performance.md`` with a chart, ``docs/performance.png``.

    python bench/run.py                 # full run: 5 repeats, 2 s per measured phase
    python bench/run.py --quick         # smoke run: 1 repeat, short phases
    python bench/run.py --repeats 9 --seconds 3 --only 'chat-async'
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORKLOADS = BENCH / "workloads.py"
SERVER = BENCH / "server.py"
CHART = BENCH / "chart.py"
OFFICIAL_VENV = BENCH / ".venv-official"
# matplotlib gets a venv of its own: it brings numpy, and the official SDK decodes base64
# embeddings with numpy when it can import it, which would change what is measured.
CHART_VENV = BENCH / ".venv-chart"
DOC = REPO / "docs" / "performance.md"
PNG = REPO / "docs" / "performance.png"
# The bulk row: three ways of running many requests under rate limits, all on our client.
BULK = BENCH / "bulk.py"
BULK_CHART = BENCH / "bulk_chart.py"
BULK_DOC = REPO / "docs" / "bulk-benchmark.md"
BULK_PNG = REPO / "docs" / "bulk-throughput.png"
BULK_KEY = "bulk"
# The latest release pip could get when this benchmark was written; the figures use it too.
OFFICIAL_VERSION = "3.57.0"

SDK = ("ours", "official")
FLOOR = ("floor",)


@dataclass(frozen=True)
class Run:
    """One workload invocation; ``sides`` says which venvs run it (floors run in ours)."""

    key: str
    argv: Tuple[str, ...]
    sides: Tuple[str, ...]


@dataclass(frozen=True)
class Row:
    """One line of the report: a metric of an SDK run for both clients, and a floor beside it."""

    label: str
    unit: str
    metric: str
    better: str  # "higher" or "lower"
    run: Optional[str]
    floor: Optional[Tuple[str, str, str]] = None  # (side, run key, metric)
    floor_label: str = ""
    target: Optional[float] = None  # bound on ours/official: >= when higher is better, <= when lower
    chart: bool = True  # False for rows that only restate another row in other units


def plan(quick: bool) -> List[Run]:
    """The runs of one repeat, in the order they execute; related runs sit next to each other."""
    imports = "2" if quick else "5"
    runs = [
        Run("import", ("import", "--max", imports), SDK),
        Run("chat-sync", ("chat-sync",), SDK),
        Run("raw-httpx-sync", ("raw-httpx-sync",), FLOOR),
    ]
    for concurrency in ("1", "128", "512"):
        runs += [
            Run(f"chat-async-default-{concurrency}", ("chat-async", "--concurrency", concurrency), SDK),
            Run(
                f"chat-async-aiohttp-{concurrency}",
                ("chat-async", "--concurrency", concurrency, "--transport", "aiohttp"),
                SDK,
            ),
            Run(f"raw-aiohttp-{concurrency}", ("raw-aiohttp", "--concurrency", concurrency), FLOOR),
            Run(f"raw-httpx-async-{concurrency}", ("raw-httpx-async", "--concurrency", concurrency), FLOOR),
        ]
    runs += [
        Run("stream-sync", ("stream-sync", "--max", "200"), SDK),
        Run("raw-stream-httpx", ("raw-stream-httpx", "--max", "200"), FLOOR),
        Run("stream-async", ("stream-async", "--max", "200"), SDK),
        Run("raw-stream-aiohttp", ("raw-stream-aiohttp", "--max", "200"), FLOOR),
        Run("embed-float", ("embed", "--encoding", "float", "--max", "5000"), SDK),
        Run("raw-embed-float", ("raw-embed-httpx", "--encoding", "float", "--max", "5000"), FLOOR),
        Run("embed-default", ("embed", "--encoding", "default", "--max", "5000"), SDK),
        Run("raw-embed-base64", ("raw-embed-httpx", "--encoding", "base64", "--max", "5000"), FLOOR),
    ]
    return runs


def rows() -> List[Row]:
    """The report's rows, in the order of the issue's table; targets are the issue's."""
    out = [
        Row("import + OpenAI()", "ms", "import_ms", "lower", "import", ("ours", "import", "bare_ms"), "bare python", 0.25),
        Row("modules loaded by import + OpenAI()", "modules", "modules", "lower", "import",
            ("ours", "import", "bare_modules"), "bare python"),
        Row("sync chat, sequential", "req/s", "per_s", "higher", "chat-sync",
            ("floor", "raw-httpx-sync", "per_s"), "httpx.Client", 2.0),
        Row("sync chat, sequential", "us/call", "us_per_item", "lower", "chat-sync",
            ("floor", "raw-httpx-sync", "us_per_item"), "httpx.Client", chart=False),
    ]  # fmt: skip
    for transport in ("default", "aiohttp"):
        for concurrency in ("1", "128", "512"):
            out.append(
                Row(
                    f"async chat, {transport} transport, c={concurrency}",
                    "req/s",
                    "per_s",
                    "higher",
                    f"chat-async-{transport}-{concurrency}",
                    ("floor", f"raw-aiohttp-{concurrency}", "per_s"),
                    "aiohttp",
                    3.0 if concurrency != "1" else None,
                )
            )
    for concurrency in ("1", "128", "512"):
        out.append(
            Row(
                f"raw httpx.AsyncClient, c={concurrency}",
                "req/s",
                "per_s",
                "higher",
                None,
                ("floor", f"raw-httpx-async-{concurrency}", "per_s"),
                "httpx.AsyncClient",
            )
        )
    out += [
        Row("SSE stream, sync", "chunks/s", "per_s", "higher", "stream-sync",
            ("floor", "raw-stream-httpx", "per_s"), "httpx lines + json", 4.0),
        Row("SSE stream, async", "chunks/s", "per_s", "higher", "stream-async",
            ("floor", "raw-stream-aiohttp", "per_s"), "aiohttp lines + json", 4.0),
        Row("embeddings, encoding_format=float", "ms/call", "ms_per_op", "lower", "embed-float",
            ("floor", "raw-embed-float", "ms_per_op"), "httpx + json", 0.5),
        Row("embeddings, default encoding", "ms/call", "ms_per_op", "lower", "embed-default",
            ("floor", "raw-embed-base64", "ms_per_op"), "httpx + base64"),
        Row("peak RSS, async c=512, default transport", "MiB", "peak_rss_mib", "lower", "chat-async-default-512",
            ("floor", "raw-aiohttp-512", "peak_rss_mib"), "aiohttp", 1.0),
        Row("peak RSS, async c=512, aiohttp transport", "MiB", "peak_rss_mib", "lower", "chat-async-aiohttp-512",
            ("floor", "raw-aiohttp-512", "peak_rss_mib"), "aiohttp"),
    ]  # fmt: skip
    return out


# --- environment ------------------------------------------------------------------------------


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def child_env() -> Dict[str, str]:
    """The parent's environment without what would change a client's behaviour or import cost."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    for name in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE", "PYTHONWARNINGS", "PYTHONSTARTUP", "PYTHONPROFILEIMPORTTIME"):
        env.pop(name, None)
    return env


PROBE = """
import importlib.metadata as m, json, sys
out = {"python": sys.version.split()[0], "executable": sys.executable}
for name in ("openai", "httpx", "httpx2", "aiohttp", "httpx-aiohttp", "pydantic", "numpy", "matplotlib"):
    try:
        out[name] = m.version(name)
    except m.PackageNotFoundError:
        pass
try:
    import openai
    out["openai_file"] = openai.__file__
    out["openai_version"] = openai.__version__
except Exception as exc:
    out["import_error"] = repr(exc)
print(json.dumps(out))
"""


def probe(python: Path) -> Dict[str, Any]:
    out = subprocess.run([str(python), "-c", PROBE], capture_output=True, text=True, env=child_env(), timeout=120)
    if out.returncode != 0:
        return {"import_error": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "probe failed"}
    result: Dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def base_interpreter(python: Path) -> str:
    """The interpreter our venv was made from, so both venvs run the same Python."""
    out = subprocess.run(
        [str(python), "-c", "import sys; print(getattr(sys, '_base_executable', sys.executable))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def ensure_venv(path: Path, interpreter: str, requirements: List[str], ready: Callable[[Dict[str, Any]], bool]) -> None:
    python = path / "bin" / "python"
    if python.exists() and ready(probe(python)):
        return
    log(f"setting up {path.relative_to(REPO)}: pip install {' '.join(requirements)}")
    if path.exists():
        shutil.rmtree(path)
    subprocess.run([interpreter, "-m", "venv", str(path)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", *requirements], check=True)
    if not ready(probe(python)):
        raise SystemExit(f"{path} is still not usable after installing {requirements}")


def ensure_chart_venv(interpreter: str) -> Optional[Path]:
    """The chart's own venv with matplotlib, or None (and no chart) when it cannot be set up."""
    try:
        ensure_venv(CHART_VENV, interpreter, ["matplotlib"], lambda found: "matplotlib" in found)
    except (OSError, subprocess.CalledProcessError, SystemExit) as exc:
        log(f"no chart: could not install matplotlib ({exc})")
        return None
    return CHART_VENV / "bin" / "python"


def git_revision() -> str:
    try:
        sha = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no", "--", "src"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown revision"
    return f"{sha}{' with uncommitted changes in src/' if dirty else ''}"


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def src_fingerprint() -> str:
    """Names, sizes and mtimes of our sources: the editable install runs whatever src/ holds right now."""
    digest = hashlib.sha1()
    for path in sorted((REPO / "src").rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


# --- CPU placement ----------------------------------------------------------------------------


def cpu_sets(pin: bool) -> Tuple[Optional[set[int]], Optional[set[int]]]:
    """Server on the last CPU, clients on the rest, so the two do not preempt each other."""
    if not pin or not hasattr(os, "sched_getaffinity"):
        return None, None
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        return None, None
    return {cpus[-1]}, set(cpus[:-1])


def pinned(cpus: Optional[set[int]]) -> Optional[Callable[[], None]]:
    if cpus is None:
        return None
    return lambda: os.sched_setaffinity(0, cpus)


# --- server -----------------------------------------------------------------------------------


class Server:
    """The loopback server process, started and stopped by its PID."""

    def __init__(self, python: Path, sse_chunks: int, cpus: Optional[set[int]]) -> None:
        self.process = subprocess.Popen(
            [str(python), str(SERVER), "--sse-chunks", str(sse_chunks)],
            stdout=subprocess.PIPE,
            text=True,
            env=child_env(),
            preexec_fn=pinned(cpus),
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            self.process.wait(timeout=10)
            raise SystemExit(f"bench server failed to start (exit code {self.process.returncode})")
        self.port = int(json.loads(line)["port"])
        self.url = f"http://127.0.0.1:{self.port}/v1"

    def cpu_seconds(self) -> float:
        """User + system CPU the server has used so far, from /proc (0 where there is none)."""
        try:
            with open(f"/proc/{self.process.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            return 0.0

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


# --- running ----------------------------------------------------------------------------------


def run_job(python: Path, run: Run, server: Server, seconds: float, cpus: Optional[set[int]]) -> Dict[str, Any]:
    cmd = [str(python), str(WORKLOADS), *run.argv, "--url", server.url, "--seconds", str(seconds)]
    # Generous: slow clients at high concurrency drain a long tail after the time bound.
    timeout = 90 + seconds * 15
    cpu_before = server.cpu_seconds()
    # Other work on the machine skews every figure; the load average before each job tells the reader.
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            cmd, capture_output=True, text=True, timeout=timeout, env=child_env(), preexec_fn=pinned(cpus)
        )
    except subprocess.TimeoutExpired:
        return {"ok": False, "error": f"timed out after {timeout:.0f} s"}
    wall = time.perf_counter() - start
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    try:
        result: Dict[str, Any] = json.loads(lines[-1])
    except (IndexError, ValueError):
        tail = proc.stderr.strip().splitlines()[-1:] or ["no output"]
        return {"ok": False, "error": f"exit code {proc.returncode}: {tail[0][:300]}", "wall_s": wall}
    result["wall_s"] = wall
    result["load_before"] = load
    result["server_cpu_s"] = server.cpu_seconds() - cpu_before
    return result


def summary(result: Dict[str, Any]) -> str:
    if not result.get("ok"):
        return f"ERROR {result.get('error')}"
    if "import_ms" in result:
        return f"{result['import_ms']:.0f} ms, {result['modules']} modules"
    text = f"{result.get('per_s') or 0:,.0f}/s"
    if result.get("ms_per_op"):
        text += f", {result['ms_per_op']:.3f} ms/op"
    text += f", rss {result['peak_rss_mib']:.0f} MiB"
    return text + (f", {result['errors']} errors" if result.get("errors") else "")


def execute(
    runs: List[Run], repeats: int, seconds: float, pythons: Dict[str, Path], server: Server, cpus: Optional[set[int]]
) -> Dict[Tuple[str, str], List[Dict[str, Any]]]:
    results: Dict[Tuple[str, str], List[Dict[str, Any]]] = {}
    for repeat in range(repeats):
        for index, run in enumerate(runs):
            sides = list(run.sides)
            # Alternate which client goes first, so neither always runs on a machine the other warmed.
            if (repeat + index) % 2:
                sides.reverse()
            for side in sides:
                fingerprint = src_fingerprint() if side == "ours" else None
                result = run_job(pythons[side], run, server, seconds, cpus)
                if fingerprint:
                    result["src_fingerprint"] = fingerprint
                results.setdefault((side, run.key), []).append(result)
                log(f"[{repeat + 1}/{repeats}] {side:8} {run.key:24} {summary(result)}")
    return results


# --- report -----------------------------------------------------------------------------------


@dataclass
class Cell:
    by_repeat: List[Optional[float]]  # one entry per repeat, None where that run failed
    errors: List[str]

    @property
    def values(self) -> List[float]:
        return [v for v in self.by_repeat if v is not None]

    @property
    def median(self) -> Optional[float]:
        return statistics.median(self.values) if self.values else None


def cell(results: Dict[Tuple[str, str], List[Dict[str, Any]]], side: str, run: str, metric: str) -> Cell:
    values: List[Optional[float]] = []
    errors: List[str] = []
    for result in results.get((side, run), []):
        value = result.get(metric)
        if result.get("ok") and isinstance(value, (int, float)):
            values.append(value)
        else:
            values.append(None)
            errors.append(str(result.get("error") or f"no {metric}"))
    return Cell(values, errors)


def fmt(value: Optional[float]) -> str:
    if value is None:
        return "-"
    if isinstance(value, int):
        return f"{value:,}"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def fmt_cell(c: Optional[Cell]) -> str:
    if c is None:
        return ""
    if not c.values:
        return "error" if c.errors else "-"
    text = fmt(c.median)
    if len(c.values) > 1:
        text += f" ({fmt(min(c.values))}-{fmt(max(c.values))})"
    if c.errors:
        text += f" [{len(c.values)}/{len(c.values) + len(c.errors)} ok]"
    return text


def ratio_text(ratio: Optional[float], low: Optional[float], high: Optional[float], has_run: bool) -> str:
    if ratio is None:
        return "error" if has_run else ""
    if low is None or high is None or low == high:
        return f"{ratio:.2f}x"
    return f"{ratio:.2f}x ({low:.2f}-{high:.2f})"


def build_table(results: Dict[Tuple[str, str], List[Dict[str, Any]]]) -> List[Dict[str, Any]]:
    table = []
    for row in rows():
        ours = cell(results, "ours", row.run, row.metric) if row.run else None
        official = cell(results, "official", row.run, row.metric) if row.run else None
        floor = cell(results, row.floor[0], row.floor[1], row.floor[2]) if row.floor else None
        if ours is not None and not ours.values and not ours.errors:
            continue  # not run (--only)
        if row.run is None and floor is not None and not floor.values and not floor.errors:
            continue
        ratio = ratio_lo = ratio_hi = None
        if ours and official and ours.median and official.median:
            ratio = ours.median / official.median
            # Spread of the ratio within each repeat: the two runs of a pair sit next to each other in
            # time, so load that comes and goes touches both, and the pair's ratio stays meaningful.
            paired = [o / f for o, f in zip(ours.by_repeat, official.by_repeat) if o is not None and f]
            if paired:
                ratio_lo, ratio_hi = min(paired), max(paired)
        met: Optional[bool] = None
        if row.target is not None:
            # A missing ratio (our run failed) counts as a missed target.
            met = ratio is not None and (ratio >= row.target if row.better == "higher" else ratio <= row.target)
        target_text = ""
        if row.target is not None:
            target_text = f">= {row.target:g}x" if row.better == "higher" else f"<= {row.target:g}x"
        table.append(
            {
                "label": row.label,
                "unit": row.unit,
                "better": row.better,
                "has_both": row.run is not None and row.chart,
                "ours": fmt_cell(ours),
                "official": fmt_cell(official),
                "floor": (fmt_cell(floor) + f" {row.floor_label}").strip() if floor else "",
                "ratio": ratio,
                "ratio_lo": ratio_lo,
                "ratio_hi": ratio_hi,
                "ratio_text": ratio_text(ratio, ratio_lo, ratio_hi, row.run is not None),
                "target_value": row.target,
                "target": target_text,
                "met": met,
                "met_text": {True: "yes", False: "NO", None: ""}[met],
                "ours_errors": sorted(set(ours.errors)) if ours else [],
                "official_errors": sorted(set(official.errors)) if official else [],
                "floor_errors": sorted(set(floor.errors)) if floor else [],
            }
        )
    return table


COLUMNS = [
    ("workload", "label"),
    ("unit", "unit"),
    ("ours", "ours"),
    ("official", "official"),
    ("ours/official", "ratio_text"),
    ("target", "target"),
    ("met", "met_text"),
    ("raw floor", "floor"),
]


def _unit(row: Dict[str, Any]) -> str:
    return f"{row['unit']} {'↑' if row['better'] == 'higher' else '↓'}"


def text_table(table: List[Dict[str, Any]]) -> str:
    cells = [[name for name, _ in COLUMNS]]
    for row in table:
        cells.append([_unit(row) if key == "unit" else str(row[key]) for _, key in COLUMNS])
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    lines = ["  ".join(value.ljust(width) for value, width in zip(line, widths)).rstrip() for line in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(table: List[Dict[str, Any]]) -> str:
    lines = ["| " + " | ".join(name for name, _ in COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for row in table:
        values = [_unit(row) if key == "unit" else str(row[key]) for _, key in COLUMNS]
        if row["met"] is False:
            values[COLUMNS.index(("met", "met_text"))] = "**no**"
        lines.append("| " + " | ".join(v.replace("|", "\\|") for v in values) + " |")
    return "\n".join(lines)


def error_notes(table: List[Dict[str, Any]]) -> List[str]:
    notes = []
    for row in table:
        for side in ("ours", "official", "floor"):
            for error in row[f"{side}_errors"]:
                notes.append(f"- {row['label']} ({row['unit']}), {side}: `{error}`")
    return list(dict.fromkeys(notes))


DOC_INTRO = """\
# Performance: openai-twin against the official SDK

This page is written by `make bench` (`python bench/run.py`); rerun it to refresh the figures.
It compares this client with the official `openai` package on the workloads of issue #4, in one
run on one machine, next to what httpx or aiohttp alone manage on the same requests (the "raw floor":
no SDK at all, just post the body and `json.loads` the answer).

## How it is measured

- **Server.** One loopback HTTP/1.1 server (`bench/server.py`, plain asyncio, keep-alive) answers
  every request from bytes built at start-up: a chat completion, an SSE stream of {sse_chunks:,}
  `chat.completion.chunk` events and `[DONE]`, and a 1536-dimension embedding as a float list or as
  base64 of float32, whichever the request body asks for. It reads only the request line, the
  `content-length` header and, for streams and embeddings, a flag in the body.
- **Processes.** Each workload runs in a fresh process (`bench/workloads.py`) of the right venv:
  ours from the project's `.venv` (editable install), the official SDK from `bench/.venv-official`,
  which the driver creates with the same Python. The raw floors run in ours, without importing the SDK.
  {pinning}
- **Order and repeats.** A repeat runs every workload once per client, ours and official one after the
  other, and alternates which goes first; this run made {repeats}. Figures are the median over the
  repeats, with the min-max spread in brackets. The ratio is ours/official of the medians; its bracket
  is the min-max of the per-repeat ratios (ours over official of the same repeat, run back to back).
- **Bounds.** Each measured phase stops after {seconds:g} s or a request cap, whichever comes first,
  after a warm-up (50 calls sequentially; two rounds of requests at the workload's concurrency, which
  also opens the pool's connections). Async throughput counts every request completed, the tail after
  the time bound included, over the whole elapsed time.
- **Workloads.** Calls use `api_key="sk-bench"` and the server as `base_url`, with default client settings
  unless the row says otherwise; every call reads the result (the message text, each chunk's delta,
  the embedding, which is checked against the vector sent). "import + OpenAI()" is the wall time of
  `python -c "import openai; openai.OpenAI(...)"` minus that of a bare `python -c` (medians of several
  alternating launches after a warm one), and the module count is `len(sys.modules)` at its end. Peak
  RSS is `ru_maxrss` of the process that ran the concurrency-512 workload. The raw floors get the SDKs'
  pool limits (1,000 connections, 100 kept alive).

Run it with `make bench` (about 10 minutes on 2 cores), or `python bench/run.py --quick` for a one-minute
smoke run; `--repeats N`, `--seconds S` and `--only REGEX` (which leaves this page alone) change the
defaults, and `--json FILE` keeps every run's raw result.

↑ marks rows where higher is better, ↓ where lower is better: a ratio above 1 is good in ↑ rows and a
ratio below 1 in ↓ rows. "Target" is issue #4's bound on that ratio.
"""


SRC_CHANGED = (
    "src/ changed while the benchmark ran ({n} versions seen), so our figures mix versions of the client;"
    " rerun on a tree nobody is editing."
)


def write_doc(
    table: List[Dict[str, Any]],
    meta: Dict[str, Any],
    results: Dict[Tuple[str, str], List[Dict[str, Any]]],
    chart_ok: bool,
) -> None:
    pinning = (
        "The server is pinned to one CPU and the clients to the others, so they do not preempt each other."
        if meta["pinned"]
        else "Processes are not pinned to CPUs."
    )
    repeats = f"{meta['repeats']} repeat{'s' if meta['repeats'] != 1 else ''}"
    parts = [DOC_INTRO.format(sse_chunks=meta["sse_chunks"], repeats=repeats, seconds=meta["seconds"], pinning=pinning)]
    if meta["src_versions"] > 1:
        parts.append(f"> **Warning:** {SRC_CHANGED.format(n=meta['src_versions'])}\n")
    if meta["quick"]:
        parts.append(
            "> **This is a quick smoke run** (`--quick`: one repeat, short phases). Its figures are noisy;"
            " run `make bench` for the real comparison.\n"
        )
    parts.append("## Results\n")
    parts.append(
        f"- Date: {meta['date']}; wall time of the runs: {meta.get('wall_s', 0) / 60:.1f} min.\n"
        f"- Machine: {meta['nproc']} CPUs ({meta['cpu']}), {meta['platform']}, Python {meta['python']}.\n"
        f"- Ours: openai-twin {meta['versions']['ours']} ({meta['revision']}), httpx {meta['ours_probe'].get('httpx')}, "
        f"aiohttp {meta['ours_probe'].get('aiohttp')}, httpx-aiohttp {meta['ours_probe'].get('httpx-aiohttp')}, "
        f"pydantic {meta['ours_probe'].get('pydantic')}.\n"
        f"- Official: openai {meta['versions']['official']}, httpx2 {meta['official_probe'].get('httpx2')} "
        f"(its HTTP stack), aiohttp {meta['official_probe'].get('aiohttp')}, "
        f"pydantic {meta['official_probe'].get('pydantic')}.\n"
        f"- numpy: {numpy_note(meta['ours_probe'], meta['official_probe'])}\n"
        f"- Server: {meta['server_cpu_s']:.1f} s of CPU over the run; at most {meta['server_share_max']:.0%} "
        f"of one core averaged over any one workload process's lifetime.\n" + load_note(meta["load"], meta["nproc"])
    )
    if chart_ok:
        parts.append("![ours/official per workload, with the issue's targets](performance.png)\n")
    parts.append(markdown_table(table) + "\n")
    notes = error_notes(table)
    if notes:
        parts.append(
            "### Errors\n\nRuns that failed are left out of the medians; a row whose runs all failed says `error`.\n"
        )
        parts.append("\n".join(notes) + "\n")
    parts.append(
        "### Reading it\n\n"
        "- The official SDK's default async transport is httpx2's pool; its `DefaultAioHttpClient` sends over aiohttp.\n"
        "  The raw httpx.AsyncClient rows show why a default transport cannot simply sit on httpx's own pool:\n"
        "  its throughput falls as concurrency grows, while aiohttp's holds.\n"
        "- The floors are not targets: they show what is left for an SDK to lose on this machine. Nor are they\n"
        "  limits: they are the plain way to use each library, and a client that splits lines in bulk or parses\n"
        "  with a faster JSON decoder can beat them.\n"
        f"- Ours runs from an editable install, whose `.pth` start-up hook makes a bare `python` in our venv load\n"
        f"  {fmt(meta['bare']['ours_modules'])} modules in {fmt(meta['bare']['ours_ms'])} ms, against "
        f"{fmt(meta['bare']['official_modules'])} modules in {fmt(meta['bare']['official_ms'])} ms in the official venv.\n"
        "  The import row subtracts each venv's own bare launch, so neither client is charged for that; the\n"
        "  module counts are totals, as the issue's table gives them, and so include it.\n"
        "- Two cores are shared by the server and the client, so absolute figures move with the machine; the ratios\n"
        "  from one interleaved run are what the targets are about.\n"
    )
    raw_lines = ["<details><summary>Every run's figure</summary>\n", "| run | side | values |", "|---|---|---|"]
    for (side, key), runs in sorted(results.items(), key=lambda item: (item[0][1], item[0][0])):
        metric = "import_ms" if key == "import" else ("ms_per_op" if "embed" in key else "per_s")
        values = ", ".join(fmt(r.get(metric)) if r.get("ok") else "error" for r in runs)
        raw_lines.append(f"| {key} | {side} | {metric}: {values} |")
    raw_lines.append("\n</details>\n")
    parts.append("\n".join(raw_lines))
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text("\n".join(parts))


def numpy_note(ours: Dict[str, Any], official: Dict[str, Any]) -> str:
    # The official SDK decodes base64 embeddings with numpy when it can import it.
    present = [name for name, found in (("ours", ours), ("official", official)) if "numpy" in found]
    if not present:
        return "installed in neither venv, so the official SDK decodes base64 embeddings without it."
    return f"installed in the {' and '.join(present)} venv{'s' if len(present) > 1 else ''}."


def load_note(loads: List[float], nproc: Optional[int]) -> str:
    if not loads:
        return ""
    text = (
        f"- Load average (1 min) before each workload: median {statistics.median(loads):.1f}, "
        f"max {max(loads):.1f}, on {nproc} CPUs."
    )
    # The benchmark itself keeps about two processes busy (client and server); more means other work.
    if nproc and max(loads) > nproc + 0.5:
        text += " Other work shared the machine during the run, so absolute figures are low and noisy."
    return text + "\n"


def draw_chart(chart_python: Optional[Path], table: List[Dict[str, Any]], meta: Dict[str, Any]) -> bool:
    if chart_python is None:
        return False
    data = {"rows": table, "versions": meta["versions"], "repeats": meta["repeats"], "quick": meta["quick"]}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(data, f)
    try:
        out = subprocess.run([str(chart_python), str(CHART), f.name, str(PNG)], capture_output=True, text=True)
    finally:
        os.unlink(f.name)
    if out.returncode != 0:
        log(f"chart failed: {out.stderr.strip()[-2000:]}")
        return False
    return True


# --- main -------------------------------------------------------------------------------------


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark our client against the official openai SDK.")
    parser.add_argument("--repeats", type=int, default=None, help="runs of every workload per client (default 5)")
    parser.add_argument("--seconds", type=float, default=None, help="time bound per measured phase (default 2)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 1 repeat, 0.3 s phases")
    parser.add_argument("--sse-chunks", type=int, default=2000, help="chunks per streamed response")
    parser.add_argument("--only", help="regex: run only the workloads whose key matches (docs are not written)")
    parser.add_argument("--no-docs", action="store_true", help="print the table only; leave docs/ alone")
    parser.add_argument("--no-pin", action="store_true", help="do not pin the server and the clients to CPUs")
    parser.add_argument("--official-version", default=OFFICIAL_VERSION, help="official openai release to compare")
    parser.add_argument("--ours-python", type=Path, default=REPO / ".venv" / "bin" / "python")
    parser.add_argument("--json", type=Path, help="also write every run's raw result to this file")
    parser.add_argument("--render", type=Path, help="rewrite docs/ from a --json file instead of running")
    args = parser.parse_args(argv)
    if args.render:
        return render(args.render, args.ours_python)
    repeats = args.repeats if args.repeats is not None else (1 if args.quick else 5)
    seconds = args.seconds if args.seconds is not None else (0.3 if args.quick else 2.0)
    if repeats < 1 or seconds <= 0:
        parser.error("--repeats must be >= 1 and --seconds > 0")
    began = time.perf_counter()

    ours_python = args.ours_python
    if not ours_python.exists():
        raise SystemExit(f"{ours_python} not found: run `make install` first")
    ours_probe = probe(ours_python)
    if not str(ours_probe.get("openai_file", "")).startswith(str(REPO / "src")):
        raise SystemExit(f"{ours_python} does not import openai from {REPO / 'src'}: {ours_probe}")
    interpreter = base_interpreter(ours_python)
    runs = plan(args.quick)
    bulk = not args.only or re.search(args.only, BULK_KEY) is not None
    if args.only:
        runs = [run for run in runs if re.search(args.only, run.key)]
        if not runs and not bulk:
            parser.error(f"--only {args.only!r} matches no workload")
    if runs:
        run_sdk_rows(args, runs, repeats, seconds, ours_python, ours_probe, interpreter, began)
    if bulk:
        run_bulk_row(ours_python, interpreter, quick=args.quick, write_docs=not args.no_docs)
    print(f"total wall time: {time.perf_counter() - began:.0f} s")
    return 0


def run_sdk_rows(
    args: argparse.Namespace,
    runs: List[Run],
    repeats: int,
    seconds: float,
    ours_python: Path,
    ours_probe: Dict[str, Any],
    interpreter: str,
    began: float,
) -> None:
    """The rows comparing our client with the official SDK; writes docs/performance.md on a full run."""
    official_python = OFFICIAL_VENV / "bin" / "python"
    ensure_venv(
        OFFICIAL_VENV,
        interpreter,
        [f"openai[aiohttp]=={args.official_version}"],
        lambda p: p.get("openai_version") == args.official_version and "aiohttp" in p,
    )
    official_probe = probe(official_python)
    chart_python = None if args.no_docs or args.only else ensure_chart_venv(interpreter)
    server_cpus, client_cpus = cpu_sets(not args.no_pin)
    server = Server(ours_python, args.sse_chunks, server_cpus)
    log(f"server on {server.url} (pid {server.process.pid}); {repeats} repeats, {seconds:g} s phases")
    pythons = {"ours": ours_python, "official": official_python, "floor": ours_python}
    try:
        results = execute(runs, repeats, seconds, pythons, server, client_cpus)
    finally:
        server_cpu = server.cpu_seconds()
        server.stop()

    meta: Dict[str, Any] = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "cpu": cpu_model(),
        "platform": platform.platform(terse=True),
        "python": ours_probe.get("python"),
        "versions": {"ours": ours_probe.get("openai_version"), "official": official_probe.get("openai_version")},
        "revision": git_revision(),
        "ours_probe": ours_probe,
        "official_probe": official_probe,
        "repeats": repeats,
        "seconds": seconds,
        "quick": args.quick,
        "sse_chunks": args.sse_chunks,
        "pinned": server_cpus is not None,
        "server_cpu_s": server_cpu,
        "wall_s": time.perf_counter() - began,
    }
    report(results, meta, chart_python, write_docs=not (args.no_docs or args.only), json_path=args.json)


def run_bulk_row(ours_python: Path, interpreter: str, *, quick: bool, write_docs: bool) -> None:
    """The bulk row (bench/bulk.py): runner, semaphore and cookbook-style under one rate limit.

    It is a page of its own, docs/bulk-benchmark.md with docs/bulk-throughput.png, written
    whenever the row runs (``--only bulk`` included) unless ``--no-docs``.
    """
    argv = ["--requests", "1000"] if quick else []
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        path = Path(f.name)
    try:
        log("bulk row: " + " ".join(["bench/bulk.py", *argv]))
        subprocess.run(
            [str(ours_python), str(BULK), *argv, "--json", str(path)], check=True, env=child_env(), timeout=900
        )
        data = json.loads(path.read_text())
    finally:
        path.unlink(missing_ok=True)
    table = bulk_table(data)
    print(table)
    if not write_docs:
        return
    chart_python = ensure_chart_venv(interpreter)
    chart_ok = False
    if chart_python is not None:
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(data, f)
        try:
            out = subprocess.run(
                [str(chart_python), str(BULK_CHART), f.name, str(BULK_PNG)], capture_output=True, text=True
            )
        finally:
            os.unlink(f.name)
        chart_ok = out.returncode == 0
        if not chart_ok:
            log(f"bulk chart failed: {out.stderr.strip()[-2000:]}")
    BULK_DOC.write_text(bulk_doc(data, table, chart_ok, quick))
    log(f"wrote {BULK_DOC.relative_to(REPO)}" + (f" and {BULK_PNG.relative_to(REPO)}" if chart_ok else " (no chart)"))


BULK_LABELS = {
    "runner": "`openai.bulk` runner",
    "semaphore": "`asyncio.Semaphore` + our client",
    "cookbook": "cookbook-style processor",
}


def bulk_table(data: Dict[str, Any]) -> str:
    lines = [
        "| contender | completion time | 429s received | 429s after the first window | achieved fraction of the limit | failed requests |",
        "|---|---|---|---|---|---|",
    ]
    for name, c in data["contenders"].items():
        if "fraction" not in c:
            lines.append(f"| {BULK_LABELS.get(name, name)} | error: {c.get('error', 'no data')} | | | | |")
            continue
        lines.append(
            f"| {BULK_LABELS.get(name, name)} | {c['completion_s']:.1f} s | {c['refused']:,} | "
            f"{c['refused_after_first_window']:,} | {100 * c['fraction']:.1f}% "
            f"(requests {100 * c['request_fraction']:.1f}%, tokens {100 * c['token_fraction']:.1f}%) | "
            f"{c.get('failed', 0):,} |"
        )
    return "\n".join(lines)


def bulk_doc(data: Dict[str, Any], table: str, chart_ok: bool, quick: bool) -> str:
    config = data["config"]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    parts = [
        "# Bulk requests under rate limits\n",
        f"{config['requests']:,} chat requests against the loopback server (`openai.testing`) limited to "
        f"{config['rpm']:,} requests and {config['tpm']:,} tokens per minute, where a minute lasts "
        f"{config['minute']:g} s (a compressed clock, so the budget fills and drains many times in one run). "
        f"Every contender uses our `AsyncOpenAI` and at most {config['concurrency']} requests in flight; each gets a "
        "fresh server process and so a fresh budget. Figures come from the server's own log of what it admitted "
        "and refused.\n",
        "- **`openai.bulk` runner**: `run_requests(...)` with a `RateLimiter`, which paces requests by the "
        "`x-ratelimit-*` headers and waits out a 429's `retry-after` for the whole budget.",
        "- **`asyncio.Semaphore` + our client**: the usual answer; the client's retries (2, honouring "
        "`retry-after`) are all it does about limits.",
        "- **cookbook-style processor**: written from the description of the OpenAI cookbook's parallel "
        "processor: counters of available requests and tokens refilled each loop turn from the configured "
        "limits (given the server's true limits here), a request sent when both cover its estimate, failures "
        "queued again (5 attempts), and every dispatch paused for a quarter of a minute after a 429.\n",
        "*Achieved fraction of the limit*: what the server admitted over what the budget allowed from the first "
        "request to the last admitted one (one full bucket plus the refill over that time), for requests and for "
        "tokens; the larger is shown first. *The first window* is the first minute of the run.\n",
    ]
    if quick:
        parts.append("> **Quick run** (`--quick`: 1,000 requests); run `make bench` for the 5,000-request row.\n")
    if chart_ok:
        parts.append("![admitted requests/s and 429s/s against time, per contender](bulk-throughput.png)\n")
    parts.append(table + "\n")
    parts.append(
        f"Measured {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} on "
        f"{os.cpu_count()} CPUs" + (f", load average {load:.1f} at the end" if load is not None else "") + ". "
        "Client, server and anything else on the machine share those CPUs, so when the machine is busy a "
        "contender can fall short of the limit for lack of CPU, not of budget.\n"
        "\nRun only this row with `python bench/run.py --only bulk` (it writes this page unless `--no-docs`).\n"
    )
    return "\n".join(parts)


def derive(meta: Dict[str, Any], results: Dict[Tuple[str, str], List[Dict[str, Any]]]) -> None:
    """Fill in the summary figures that come from the runs themselves."""
    runs = [r for rs in results.values() for r in rs]
    meta["server_share_max"] = max(
        (r["server_cpu_s"] / r["wall_s"] for r in runs if r.get("wall_s") and "server_cpu_s" in r), default=0.0
    )
    meta["src_versions"] = len({r["src_fingerprint"] for r in runs if "src_fingerprint" in r})
    meta["load"] = [r["load_before"] for r in runs if r.get("load_before") is not None]
    meta["bare"] = {
        f"{side}_{name}": cell(results, side, "import", f"bare_{name}").median
        for side in SDK
        for name in ("ms", "modules")
    }


def report(
    results: Dict[Tuple[str, str], List[Dict[str, Any]]],
    meta: Dict[str, Any],
    chart_python: Optional[Path],
    write_docs: bool,
    json_path: Optional[Path],
) -> None:
    derive(meta, results)
    table = build_table(results)
    print(text_table(table))
    if meta["src_versions"] > 1:
        print("WARNING: " + SRC_CHANGED.format(n=meta["src_versions"]))
    for note in error_notes(table):
        print(note)
    if json_path:
        raw = {f"{side}:{key}": runs for (side, key), runs in results.items()}
        json_path.write_text(json.dumps({"meta": meta, "results": raw}, indent=1))
    if write_docs:
        chart_ok = draw_chart(chart_python, table, meta)
        write_doc(table, meta, results, chart_ok)
        log(f"wrote {DOC.relative_to(REPO)}" + (f" and {PNG.relative_to(REPO)}" if chart_ok else " (no chart)"))


def render(path: Path, ours_python: Path) -> int:
    """Rewrite the report from a ``--json`` file, without running anything."""
    data = json.loads(path.read_text())
    results = {tuple(key.split(":", 1)): runs for key, runs in data["results"].items()}
    meta = data["meta"]
    chart_python = ensure_chart_venv(base_interpreter(ours_python))
    report(results, meta, chart_python, write_docs=True, json_path=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())

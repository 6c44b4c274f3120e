"""Draws the bulk row's chart: admitted requests/s and 429s/s against time, one panel per contender.

Runs in the chart venv (``bench/.venv-chart``, which has matplotlib). Input: the JSON file
``bench/bulk.py`` writes; output: a PNG.

    python bench/bulk_chart.py bulk.json docs/bulk-throughput.png
"""

from __future__ import annotations

import json
import sys
from typing import Any, Dict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

ADMITTED = "#2e8b57"
REFUSED = "#d1495b"
LIMIT = "#1f3b73"
TITLES = {
    "runner": "openai.bulk runner",
    "semaphore": "asyncio.Semaphore + our client",
    "cookbook": "cookbook-style processor",
}


def main(source: str, target: str) -> int:
    with open(source) as f:
        data: Dict[str, Any] = json.load(f)
    config = data["config"]
    contenders = data["contenders"]
    limit_per_s = config["rpm"] / config["minute"]
    fig, axes = plt.subplots(len(contenders), 1, figsize=(9, 2.4 * len(contenders)), sharex=True, squeeze=False)
    top = max(
        [limit_per_s * 1.6]
        + [
            max(c["timeline"]["admitted_per_s"] + c["timeline"]["refused_per_s"] or [0])
            for c in contenders.values()
            if "timeline" in c
        ]
    )
    for ax, (name, figures) in zip(axes[:, 0], contenders.items()):
        timeline = figures.get("timeline")
        if not timeline:
            ax.text(0.5, 0.5, f"{name}: {figures.get('error', 'no data')}", ha="center", transform=ax.transAxes)
            continue
        step = timeline["bin_s"]
        xs = [i * step for i in range(len(timeline["admitted_per_s"]))]
        ax.step(xs, timeline["admitted_per_s"], where="post", color=ADMITTED, label="admitted req/s")
        ax.step(xs, timeline["refused_per_s"], where="post", color=REFUSED, label="429s/s")
        ax.axhline(limit_per_s, color=LIMIT, linestyle="--", linewidth=1, label="limit")
        ax.set_ylim(0, top * 1.05)
        ax.set_ylabel("per second")
        ax.set_title(
            f"{TITLES.get(name, name)}: {figures.get('completion_s', 0):.1f} s, {figures.get('refused', 0)} 429s, "
            f"{100 * figures.get('fraction', 0):.0f}% of the limit",
            fontsize=10,
            loc="left",
        )
        ax.grid(axis="y", alpha=0.3)
    axes[0, 0].legend(loc="upper right", fontsize=8)
    axes[-1, 0].set_xlabel("seconds since the first request")
    fig.suptitle(
        f"{config['requests']:,} requests, limit {config['rpm']:,} requests and {config['tpm']:,} tokens "
        f"per {config['minute']:g} s, concurrency {config['concurrency']}",
        fontsize=11,
    )
    fig.tight_layout()
    fig.savefig(target, dpi=110)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))

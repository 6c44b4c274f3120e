"""Draws the benchmark's ratio chart: ours/official per workload, a line at 1.0, the issue's targets marked.

Runs in the chart venv (``bench/.venv-chart``, which has matplotlib), so that neither measured venv
gets matplotlib's dependencies (numpy among them, which the official SDK would then use to decode
embeddings). Input: the JSON file ``bench/run.py`` writes; output: a PNG.

    python bench/chart.py results.json docs/performance.png
"""

from __future__ import annotations

import json
import sys
from typing import Any, Dict, List

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, NullLocator

GOOD = "#2e8b57"
BAD = "#d1495b"
NEUTRAL = "#8a9bb0"
TARGET = "#1f3b73"


def _colour(row: Dict[str, Any]) -> str:
    if row.get("met") is True:
        return GOOD
    if row.get("met") is False:
        return BAD
    return NEUTRAL


def _panel(ax: Any, rows: List[Dict[str, Any]], title: str, better: str) -> None:
    labels = [row["label"] for row in rows]
    ys = list(range(len(rows)))[::-1]
    ratios = [row.get("ratio") for row in rows]
    present = [r for r in ratios if r]
    targets = [row["target_value"] for row in rows if row.get("target_value")]
    spreads = [v for row in rows for v in (row.get("ratio_lo"), row.get("ratio_hi")) if v]
    low = min([*present, *targets, *spreads, 1.0]) / 1.8
    high = max([*present, *targets, *spreads, 1.0]) * 1.8
    for y, row, ratio in zip(ys, rows, ratios):
        if ratio:
            # Bars grow from 1.0 so their direction shows which client wins.
            ax.barh(y, ratio - 1.0, left=1.0, height=0.6, color=_colour(row))
            least, most = row.get("ratio_lo"), row.get("ratio_hi")
            if least and most and least != most:
                ax.errorbar(ratio, y, xerr=[[ratio - least], [most - ratio]], color="#333333", capsize=3, linewidth=1)
            # Write the figure past the bar, its error bar and its target mark, whichever reaches furthest.
            reach = [ratio, *(v for v in (least, most, row.get("target_value")) if v)]
            ax.text(
                max(reach) * 1.08 if ratio >= 1 else min(reach) / 1.08,
                y,
                f"{ratio:.2f}x",
                va="center",
                ha="left" if ratio >= 1 else "right",
                fontsize=8,
            )
        else:
            ax.text(1.0, y, "  no result (error)", va="center", ha="left", fontsize=8, color=BAD)
        if row.get("target_value"):
            ax.plot([row["target_value"]] * 2, [y - 0.4, y + 0.4], color=TARGET, linewidth=2.5)
    ax.axvline(1.0, color="black", linewidth=1)
    ax.set_xscale("log")
    ax.set_xlim(low, high)
    ticks = [t for t in (1 / 16, 1 / 8, 1 / 4, 1 / 2, 1, 2, 4, 8, 16, 32) if low <= t <= high]
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xticklabels([f"{t:g}" if t >= 1 else f"1/{round(1 / t)}" for t in ticks])
    ax.set_yticks(ys)
    ax.set_yticklabels(labels, fontsize=8.5)
    ax.set_title(title, fontsize=10)
    ax.set_xlabel(f"ours / official (log scale; {better} is better for us)", fontsize=8.5)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)


def draw(data: Dict[str, Any], png_path: str) -> None:
    rows = [row for row in data["rows"] if row.get("has_both")]
    faster = [row for row in rows if row["better"] == "higher"]
    smaller = [row for row in rows if row["better"] == "lower"]
    height = 1.2 + 0.42 * max(len(faster), len(smaller), 1)
    fig, axes = plt.subplots(1, 2, figsize=(13, height), constrained_layout=True)
    _panel(axes[0], faster, "Throughput (ratio > 1: ours is faster)", "right")
    _panel(axes[1], smaller, "Time, memory, modules (ratio < 1: ours is smaller)", "left")
    fig.suptitle(
        f"openai-twin {data['versions']['ours']} vs official openai {data['versions']['official']}: "
        f"ours/official, medians of {data['repeats']} interleaved run{'s' if data['repeats'] != 1 else ''}"
        f"{' (QUICK smoke run)' if data['quick'] else ''}; whiskers: min-max of per-repeat ratios",
        fontsize=11,
    )
    legend = [
        Patch(color=GOOD, label="target met"),
        Patch(color=BAD, label="target missed"),
        Patch(color=NEUTRAL, label="no target"),
        Line2D([], [], color=TARGET, linewidth=2.5, label="issue #4 target"),
    ]
    fig.legend(handles=legend, loc="lower center", ncol=4, fontsize=8.5, bbox_to_anchor=(0.5, -0.02 - 0.3 / height))
    fig.savefig(png_path, dpi=110, bbox_inches="tight")
    plt.close(fig)


def main(argv: List[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[0]) as f:
        data = json.load(f)
    draw(data, argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

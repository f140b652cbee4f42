"""The side-by-side tables of README.md and benchmarks/README.md, made from the measurements
`compare.py --json` wrote (benchmarks/results/compare.json): the figures in the docs are the
measured ones, from one run, with the command that made them.

    python benchmarks/readme_table.py            # rewrite both tables from the results
    python benchmarks/readme_table.py --check    # exit 1 if a table differs from the results

Each table sits between the comment lines `<!-- compare:NAME -->` and `<!-- compare:end -->`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "compare.json"
TOOLS = ("teamgraph", "igraph", "networkx")


def seconds(value: float) -> str:
    """Milliseconds under a second, then about three digits: 0.052, 0.404, 1.37, 20.7, 138."""
    decimals = 3 if value < 1 else 2 if value < 10 else 1 if value < 100 else 0
    return f"{value:.{decimals}f}"


def ratio(value: float) -> str:
    return f"{value:.0f}x" if value >= 10 else f"{value:.1f}x"


def _runs(results: dict) -> list[tuple[str, int, dict]]:
    """(shape, people, {tool: row}) in the order measured."""
    out: list[tuple[str, int, dict]] = []
    for row in results["rows"]:
        if not out or out[-1][:2] != (row["shape"], row["people"]):
            out.append((row["shape"], row["people"], {}))
        out[-1][2][row["tool"]] = row
    return out


def _source(results: dict) -> str:
    return (f"`{results['command']}` on {results['date']}, {results['cores']} cores, best of "
            f"{results['repeat']} runs, each in a fresh process")


def summary_table(results: dict) -> str:
    """README.md's: each tool's total time, and how many times teamgraph's."""
    lines = [f"Measured by {_source(results)}:", "",
             "| org | people | findings | teamgraph | igraph | networkx |", "|---|---:|---:|---:|---:|---:|"]
    for shape, people, tools in _runs(results):
        base = tools["teamgraph"]
        cells = [f"{seconds(base['seconds'])} s"]
        for tool in TOOLS[1:]:
            row = tools.get(tool)
            if row is None:
                cells.append("")
            elif "skipped" in row:
                cells.append("skipped (minutes)")
            else:
                mark = "" if row["agrees"] else ", DISAGREES"
                cells.append(f"{seconds(row['seconds'])} s ({ratio(row['seconds'] / base['seconds'])}{mark})")
        lines.append(f"| {shape} | {people:,} | {base['findings']:,} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def full_table(results: dict) -> str:
    """benchmarks/README.md's: build and analysis apart, peak memory, and whether the tools agree."""
    lines = [f"Measured by {_source(results)}:", "",
             "| org | people | tool | total s | build s | analysis s | peak MB | total x | analysis x | findings | agrees |",
             "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for shape, people, tools in _runs(results):
        base = tools["teamgraph"]
        base_analysis = base["seconds"] - base["build"]
        for tool in TOOLS:
            row = tools.get(tool)
            if row is None:
                continue
            if "skipped" in row:
                lines.append(f"| {shape} | {people:,} | {tool} | skipped ({row['skipped']}) | | | | | | | |")
                continue
            analysis = row["seconds"] - row["build"]
            findings = f"{row['findings']:,}" if row.get("findings") is not None else ""
            lines.append(f"| {shape} | {people:,} | {tool} | {row['seconds']:.3f} | {row['build']:.3f} | "
                         f"{analysis:.3f} | {row['peak_mb']:.0f} | {row['seconds'] / base['seconds']:.1f} | "
                         f"{analysis / base_analysis:.1f} | {findings} | {'yes' if row['agrees'] else 'NO'} |")
    return "\n".join(lines)


TABLES = {"README.md": ("summary", summary_table), "benchmarks/README.md": ("full", full_table)}


def replaced(text: str, name: str, table: str, path: str) -> str:
    pattern = re.compile(rf"(<!-- compare:{name} -->\n)(?:.*?\n)??(<!-- compare:end -->)", re.S)
    if len(pattern.findall(text)) != 1:
        raise SystemExit(f"{path}: no single block between <!-- compare:{name} --> and <!-- compare:end -->")
    return pattern.sub(lambda m: m.group(1) + table + "\n" + m.group(2), text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a table is not the results'")
    args = parser.parse_args()
    results = json.loads(args.results.read_text())
    stale = []
    for path, (name, make) in TABLES.items():
        file = ROOT / path
        text = file.read_text()
        new = replaced(text, name, make(results), path)
        if new != text:
            stale.append(path)
            if not args.check:
                file.write_text(new)
    if args.check and stale:
        print(f"not the tables of {args.results}: {', '.join(stale)} (python benchmarks/readme_table.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

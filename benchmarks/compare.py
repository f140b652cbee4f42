"""teamgraph side by side with networkx and python-igraph, in one run, on the same synthetic orgs.

The work every tool does (the pipeline an analyst would write): build the graphs from the people
and sharing tables; reports-to depth and subtree size of every person; articulation points of the
sharing network; for every person, how many people lose their only sharing path to the core layer
if they leave (a dominator tree from a virtual root joined to the core); then each of the 10
managers of the largest units removed in turn and the network's separate groups recounted.
teamgraph does it inside `Org.from_frames` + `assess()`, which computes every other score too
(the groups without each person come from the same depth-first pass), and the clock runs until
the per-person answers are in hand. The tools must agree; the
table gives seconds, peak memory of the process (each tool runs in a fresh one) and ratios.

    python benchmarks/compare.py                 # sizes 1e3 1e4 1e5 1e6, lean and rich orgs
    python benchmarks/compare.py --sizes 1000 100000 --repeat 3 --shapes rich
    python benchmarks/compare.py --sizes 10000 100000 1000000 --json benchmarks/results/compare.json

`--json` also writes the measurements, with the command and the machine's cores, to a file:
benchmarks/readme_table.py makes the tables of README.md and benchmarks/README.md from
benchmarks/results/compare.json.

Two shapes (benchmarks/synthetic_org.py): lean (people and sharing) and rich (every table,
competencies for every manager, successors, ~5 sharing links a person: a few hundred thousand
findings at 1M). On the rich org teamgraph's clock runs until its findings are in hand as a
DataFrame too (`report.findings_frame()`); the table gives their count.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import resource
import shlex
import sys
import time
from pathlib import Path

from fresh_process import best_of

HERE = Path(__file__).resolve().parent
NETWORKX_LIMIT = 100_000  # above this networkx takes minutes; the table says so


SHAPE = "lean"  # the worker's org shape (set from its arguments)


def frames(n: int):
    sys.path.insert(0, str(HERE))
    from synthetic_org import rich_frames, synthetic_frames

    return rich_frames(n) if SHAPE == "rich" else synthetic_frames(n)


def summary(depth, size, articulation, cut_off, groups_without_top) -> dict:
    return {"depth_sum": int(sum(depth)), "subtree_sum": int(sum(size)), "articulation_points": int(articulation),
            "cut_off_sum": int(sum(cut_off)), "cut_off_max": int(max(cut_off) if len(cut_off) else 0),
            "groups_without_top_managers": [int(g) for g in groups_without_top]}


TOP_MANAGERS = 10


def top_managers(size, id_of) -> list:
    """Positions of the managers of the largest units (ties by id), each tool from its own sizes;
    `id_of(i)` is the id at position i. Only the units at least as large as the tenth are sorted."""
    import numpy as np

    size = np.asarray(size)
    k = min(TOP_MANAGERS, len(size))
    if k == 0:
        return []
    # The tenth largest size, from a count of each size: unit sizes are small whole numbers, mostly
    # 1, and np.partition's selection takes 12 ms on so many ties at 100k people (a count, 1 ms).
    at_least = np.cumsum(np.bincount(size)[::-1])  # at_least[j]: units of size max - j or more
    tenth = len(at_least) - 1 - int(np.searchsorted(at_least, k))
    candidates = np.flatnonzero(size >= tenth).tolist()
    return sorted(candidates, key=lambda i: (-int(size[i]), id_of(i)))[:k]


def run_teamgraph(n: int) -> dict:
    import teamgraph

    f = frames(n)
    start = time.perf_counter()
    org = teamgraph.Org.from_frames(**f)
    built = time.perf_counter()
    report = teamgraph.assess(org)
    # The answers in the analyst's hands, as the other tools' pipelines leave them: per person.
    h = org.hierarchy
    size = h["subtree_end"] - __import__("numpy").arange(len(org))
    people = report.people  # one row a person, in the org's order
    top = top_managers(size, lambda i: people["id"].iloc[i])
    groups = people["sharing_health.groups_if_absent"].to_numpy()[top]
    findings = len(report.findings_frame())  # the findings in hand as a table
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "build": built - start, "findings": findings,
            **summary(h["depth"], size, report.figures["sharing_health"]["articulation_points"],
                      people["cut_off"].to_numpy(), groups)}


def _core_ids(people):
    return list(people.loc[people["tier"] == "core", "id"])


def run_networkx(n: int) -> dict:
    import networkx as nx

    f = frames(n)
    people, sharing = f["people"], f["sharing"]
    start = time.perf_counter()
    tree = nx.DiGraph()
    tree.add_nodes_from(people["id"])
    tree.add_edges_from((m, p) for p, m in zip(people["id"], people["manager_id"]) if m)
    g = nx.Graph()
    g.add_nodes_from(people["id"])
    g.add_edges_from(zip(sharing["person_a"], sharing["person_b"]))
    built = time.perf_counter()
    top = next(p for p, m in zip(people["id"], people["manager_id"]) if not m)
    depth = nx.single_source_shortest_path_length(tree, top)
    size = {p: 1 for p in tree}
    for p in reversed(list(nx.topological_sort(tree))):
        for c in tree.successors(p):
            size[p] += size[c]
    articulation = sum(1 for _ in nx.articulation_points(g))
    directed = g.to_directed()
    directed.add_edges_from(("__root__", c) for c in _core_ids(people))
    idom = nx.immediate_dominators(directed, "__root__")
    dom_tree = nx.DiGraph((d, v) for v, d in idom.items() if v != d)
    below = {v: 1 for v in set(idom) | set(dom_tree.nodes)}
    for v in reversed(list(nx.topological_sort(dom_tree))):
        for c in dom_tree.successors(v):
            below[v] += below[c]
    cut_off = [below.get(p, 1) - 1 for p in people["id"]]
    ids = list(people["id"])
    top = top_managers([size[p] for p in ids], lambda i: ids[i])
    groups = [nx.number_connected_components(nx.restricted_view(g, [ids[i]], [])) for i in top]
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "build": built - start,
            **summary(depth.values(), size.values(), articulation, cut_off, groups)}


def run_igraph(n: int) -> dict:
    import igraph as ig
    import numpy as np

    f = frames(n)
    people, sharing = f["people"], f["sharing"]
    start = time.perf_counter()
    index = {p: i for i, p in enumerate(people["id"])}
    managers = [(index[m], index[p]) for p, m in zip(people["id"], people["manager_id"]) if m]
    tree = ig.Graph(n=n, edges=managers, directed=True)
    pairs = [(index[a], index[b]) for a, b in zip(sharing["person_a"], sharing["person_b"])]
    g = ig.Graph(n=n, edges=pairs)
    built = time.perf_counter()
    top = next(i for i, m in enumerate(people["manager_id"]) if not m)
    depth = tree.distances(source=top, mode="out")[0]
    order = tree.topological_sorting()
    size = np.ones(n, dtype=np.int64)
    parents = np.full(n, -1)
    for m, p in managers:
        parents[p] = m
    for v in reversed(order):
        if parents[v] >= 0:
            size[parents[v]] += size[v]
    articulation = len(g.articulation_points())
    directed = ig.Graph(n=n + 1, edges=pairs + [(b, a) for a, b in pairs] + [(n, index[c]) for c in _core_ids(people)],
                        directed=True)
    dom = directed.dominator(n, mode="out")
    below = np.ones(n + 1, dtype=np.int64)
    dom_children = [[] for _ in range(n + 1)]
    for v, d in enumerate(dom):
        if d is not None and d >= 0 and v != n:
            dom_children[d].append(v)
    order = [n]
    for v in order:
        order.extend(dom_children[v])
    for v in reversed(order):
        for c in dom_children[v]:
            below[v] += below[c]
    reachable = set(order)
    cut_off = [int(below[v] - 1) if v in reachable else 0 for v in range(n)]
    groups = []
    for i in top_managers(size, lambda i: people["id"].iloc[i]):
        without = g.copy()
        without.delete_vertices(i)
        groups.append(len(without.connected_components()))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "build": built - start, **summary(depth, size, articulation, cut_off, groups)}


TOOLS = {"teamgraph": run_teamgraph, "networkx": run_networkx, "igraph": run_igraph}


def worker(tool: str, n: int, shape: str) -> None:
    global SHAPE
    SHAPE = shape
    result = TOOLS[tool](n)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(tool: str, n: int, repeat: int, shape: str) -> dict:
    return best_of(__file__, [tool, str(n), shape], repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per tool and size; the best is kept")
    parser.add_argument("--shapes", nargs="+", choices=["lean", "rich"], default=["lean", "rich"])
    parser.add_argument("--json", type=Path, help="also write the measurements to this file (readme_table.py reads it)")
    parser.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], int(args.worker[1]), args.worker[2])
        return
    rows: list[dict] = []
    print("| org | people | tool | total s | build s | analysis s | peak MB | total x | analysis x | findings | agrees |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for shape in args.shapes:
        for n in args.sizes:
            results = {"teamgraph": measure("teamgraph", n, args.repeat, shape)}
            for tool in ("igraph", "networkx"):
                if tool == "networkx" and n > NETWORKX_LIMIT:
                    print(f"| {shape} | {n:,} | networkx | skipped (minutes above {NETWORKX_LIMIT:,} people) | | | | | | | |")
                    rows.append({"shape": shape, "people": n, "tool": tool,
                                 "skipped": f"minutes above {NETWORKX_LIMIT:,} people"})
                    continue
                results[tool] = measure(tool, n, args.repeat, shape)
            reference = {k: v for k, v in results["teamgraph"].items()
                         if k not in ("seconds", "build", "peak_mb", "findings")}
            base = results["teamgraph"]
            for tool, r in results.items():
                agrees = all(r[k] == v for k, v in reference.items())
                analysis = r["seconds"] - r["build"]
                findings = f"{r['findings']:,}" if "findings" in r else ""
                print(f"| {shape} | {n:,} | {tool} | {r['seconds']:.3f} | {r['build']:.3f} | {analysis:.3f} | "
                      f"{r['peak_mb']:.0f} | {r['seconds'] / base['seconds']:.1f} | "
                      f"{analysis / (base['seconds'] - base['build']):.1f} | {findings} | "
                      f"{'yes' if agrees else 'NO: ' + json.dumps({k: r[k] for k in reference})} |")
                rows.append({"shape": shape, "people": n, "tool": tool, "seconds": r["seconds"], "build": r["build"],
                             "peak_mb": r["peak_mb"], "findings": r.get("findings"), "agrees": agrees})
            sys.stdout.flush()
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        command = "python benchmarks/compare.py " + shlex.join(sys.argv[1:])
        args.json.write_text(json.dumps({
            "command": command, "date": datetime.date.today().isoformat(), "cores": os.cpu_count(),
            "repeat": args.repeat, "rows": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()

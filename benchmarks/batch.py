"""Many small teams in one call: `teamgraph.assess_many` against the per-team loop an analyst
would write with networkx or python-igraph (the same structural work: depths, subtree sizes,
articulation points and cut-off counts of the sharing network), on the same synthetic teams.

    python benchmarks/batch.py --teams 1000000 --threads 1 2
    python benchmarks/batch.py --teams 100000 --tables people sharing competencies

Teams of 20 (spans of 3, three core members, one sharing link a person to an earlier colleague,
fixed seed). networkx and igraph run on a sample of teams (`--sample`) and are reported per team;
their total is that times the number of teams.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

SIZE = 20


def batch_frames(teams: int, seed: int = 7) -> dict[str, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    names = np.array([f"p{k}" for k in range(SIZE)], dtype=object)  # the same ids in every team
    i = np.tile(np.arange(SIZE), teams)
    team_ids = np.repeat(np.array([f"t{t}" for t in range(teams)], dtype=object), SIZE)
    person = names[i]
    manager = np.where(i > 0, names[np.maximum(i - 1, 0) // 3], "")
    people = pd.DataFrame({
        "team_id": team_ids, "id": person, "manager_id": manager,
        "tier": np.where(i < 3, "core", "execution"),
        "assessment": rng.integers(1, 6, size=len(i)) / 5.0,
        "flight_risk": np.round(rng.random(len(i)), 3),
    })
    later = i > 0
    other = (rng.random(len(i)) * np.maximum(i, 1)).astype(np.int64)  # an earlier colleague
    sharing = pd.DataFrame({
        "team_id": team_ids[later], "person_a": person[later], "person_b": names[other[later]], "channel": "online",
    })
    comp_i = np.repeat(np.arange(len(i)), 3)
    competencies = pd.DataFrame({
        "team_id": team_ids[comp_i], "person_id": person[comp_i],
        "competency": np.tile(np.array(["planning", "control", "expression"], dtype=object), len(i)),
        "score": np.round(rng.uniform(0.3, 1.0, size=len(comp_i)), 2),
    })
    return {"people": people, "sharing": sharing, "competencies": competencies}


def per_team_networkx(people: pd.DataFrame, sharing: pd.DataFrame) -> None:
    import networkx as nx

    for (_, p), (_, s) in zip(people.groupby("team_id", sort=True), sharing.groupby("team_id", sort=True)):
        tree = nx.DiGraph((m, c) for c, m in zip(p["id"], p["manager_id"]) if m)
        nx.single_source_shortest_path_length(tree, "p0")
        g = nx.Graph(zip(s["person_a"], s["person_b"]))
        list(nx.articulation_points(g))
        d = g.to_directed()
        d.add_edges_from(("root", c) for c in p.loc[p["tier"] == "core", "id"])
        nx.immediate_dominators(d, "root")


def per_team_igraph(people: pd.DataFrame, sharing: pd.DataFrame) -> None:
    import igraph as ig

    for (_, p), (_, s) in zip(people.groupby("team_id", sort=True), sharing.groupby("team_id", sort=True)):
        index = {v: k for k, v in enumerate(p["id"])}
        tree = ig.Graph(n=len(p), edges=[(index[m], index[c]) for c, m in zip(p["id"], p["manager_id"]) if m],
                        directed=True)
        tree.distances(source=0, mode="out")
        pairs = [(index[a], index[b]) for a, b in zip(s["person_a"], s["person_b"])]
        g = ig.Graph(n=len(p), edges=pairs)
        g.articulation_points()
        n = len(p)
        core = [index[c] for c in p.loc[p["tier"] == "core", "id"]]
        d = ig.Graph(n=n + 1, edges=pairs + [(b, a) for a, b in pairs] + [(n, c) for c in core], directed=True)
        d.dominator(n, mode="out")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--teams", type=int, default=1_000_000)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--tables", nargs="+", default=["people", "sharing"], choices=["people", "sharing", "competencies"])
    parser.add_argument("--sample", type=int, default=2000, help="teams timed for networkx and igraph")
    args = parser.parse_args()
    import teamgraph

    start = time.perf_counter()
    frames = batch_frames(args.teams)
    print(f"{args.teams:,} teams of {SIZE} ({', '.join(args.tables)}): data built in {time.perf_counter() - start:.1f} s")
    extra = {name: frames[name] for name in args.tables if name != "people"}
    print("| tool | threads | seconds | us a team | x teamgraph (first row) |")
    print("|---|---:|---:|---:|---:|")
    base = None
    for threads in args.threads:
        start = time.perf_counter()
        result = teamgraph.assess_many(frames["people"], threads=threads, **extra)
        seconds = time.perf_counter() - start
        assert len(result) == args.teams and result["problems"].sum() == 0
        base = base or seconds / args.teams
        print(f"| teamgraph | {threads} | {seconds:.2f} | {seconds / args.teams * 1e6:.1f} | "
              f"{seconds / args.teams / base:.2f} |", flush=True)
    sample = min(args.sample, args.teams)
    teams = [f"t{k}" for k in range(sample)]
    people = frames["people"][frames["people"]["team_id"].isin(teams)]
    sharing = frames["sharing"][frames["sharing"]["team_id"].isin(teams)]
    for name, run in (("igraph", per_team_igraph), ("networkx", per_team_networkx)):
        start = time.perf_counter()
        run(people, sharing)
        per_team = (time.perf_counter() - start) / sample
        print(f"| {name} (sample of {sample:,}) | 1 | {per_team * args.teams:.0f} (estimated) | {per_team * 1e6:.0f} | "
              f"{per_team / base:.0f} |", flush=True)


if __name__ == "__main__":
    main()

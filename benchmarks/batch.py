"""Many small teams in one call: `teamgraph.assess_many` on lean and rich teams, and against the
per-team loop an analyst would write with networkx or python-igraph (the same structural work:
depths, subtree sizes, articulation points and cut-off counts of the sharing network), on the
same synthetic lean teams.

    python benchmarks/batch.py --teams 1000000 --threads 1 2 --shapes lean
    python benchmarks/batch.py --teams 100000 --shapes lean rich --sample 0
    python benchmarks/batch.py --teams 100000 --shapes rich --dtype object
    python benchmarks/batch.py --teams 100000 --tables people sharing competencies

Teams of 20 (spans of 3, three core members, fixed seed). Lean teams: one sharing link a person
to an earlier colleague (and, with `--tables`, three competencies a person). Rich teams
(`rich_batch_frames`, shaped as synthetic_org.py's rich org): every table, about 380 rows a
team. Each row of the table is one assess_many call on every table of the shape, with the time
per team and per input row and the findings count; the last column compares the time a row with
the first shape's at the same threads. `--dtype` gives every text column pandas' default string
dtype (`str`), the Arrow-backed `string[pyarrow]`, or `object`. networkx and igraph run on a
sample of lean teams (`--sample`) and are reported per team; their total is that times the
number of teams.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd
from synthetic_org import COMPETENCIES, DIMENSIONS

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


RICH_TEAM = {"period": {"start": "2026-07-01", "end": "2026-09-30"}}  # every team's team.json

def _rows(team_ids: np.ndarray, local: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every team's copy of `local` (rows of one team): their team ids and team numbers."""
    teams = len(team_ids)
    t = np.repeat(np.arange(teams), len(local))
    return team_ids[t], t


def rich_batch_frames(teams: int, seed: int = 7) -> dict[str, pd.DataFrame]:
    """Teams of 20 with every table, shaped as synthetic_org.rich_frames: the lean teams' hierarchy
    (two departments under the top), the seven core competencies for every manager and the four
    learning dimensions for everyone, 70% of managers naming their first report as successor, 80
    sharing links (every person's manager and random colleagues), incentives, thirteen weekly
    meetings with attendance, goals, contributions and a quarter of weekly operations on two channels."""
    rng = np.random.default_rng(seed)
    frames = batch_frames(teams, seed)
    people = frames["people"]
    names = np.array([f"p{k}" for k in range(SIZE)], dtype=object)
    team_ids = np.array([f"t{t}" for t in range(teams)], dtype=object)
    local = np.arange(SIZE)
    boss = np.where(local > 0, (local - 1) // 3, -1)
    managers = np.unique(boss[boss >= 0])  # 0..6
    i = np.tile(local, teams)
    people["name"] = np.char.add("Person ", i.astype(str))
    branch = np.zeros(SIZE, dtype=np.int64)  # the top's report a person is under (the top: 1)
    for k in range(1, SIZE):
        branch[k] = k if boss[k] == 0 else branch[boss[k]]
    people["department"] = np.where(branch[i] == 2, "service", "sales")
    people["role"] = np.where(np.isin(i, managers), "manager", "specialist")
    people["potential"] = rng.integers(1, 6, size=len(i)) / 5.0
    people["has_career_plan"] = rng.random(len(i)) < 0.6
    people["has_quantified_kpi"] = rng.random(len(i)) < 0.8
    # Competencies: seven for every manager, four learning dimensions for everyone.
    lead_p, lead_c = np.repeat(managers, len(COMPETENCIES)), np.tile(COMPETENCIES, len(managers))
    learn_p, learn_c = np.repeat(local, len(DIMENSIONS)), np.tile(DIMENSIONS, SIZE)
    comp_p = np.concatenate([lead_p, learn_p])
    tid, _ = _rows(team_ids, comp_p)
    competencies = pd.DataFrame({
        "team_id": tid, "person_id": names[np.tile(comp_p, teams)],
        "competency": np.tile(np.concatenate([lead_c, learn_c]).astype(object), teams),
        "score": np.round(np.tile(np.concatenate([np.full(len(lead_p), 0.2), np.full(len(learn_p), 0.46)]), teams) +
                          rng.uniform(0, 1, size=len(tid)) * np.tile(np.concatenate([np.full(len(lead_p), 0.8),
                                                                                     np.full(len(learn_p), 0.54)]), teams), 2)})
    # Successors: 70% of managers name their first report.
    named = rng.random((teams, len(managers))) < 0.7
    t, m = np.nonzero(named)
    successors = pd.DataFrame({"team_id": team_ids[t], "incumbent_id": names[managers[m]],
                               "successor_id": names[3 * managers[m] + 1],
                               "readiness": rng.choice(np.array(["ready_now", "ready_1_2y", "ready_3y_plus"],
                                                                dtype=object), size=len(t))})
    # Sharing: 80 links a team, every person's link to their manager and 61 random other pairs.
    a, b = np.triu_indices(SIZE, 1)
    to_manager = boss[b] == a
    keys = rng.random((teams, len(a)))
    keys[:, to_manager] = -1.0  # always taken
    chosen = np.sort(np.argpartition(keys, 80, axis=1)[:, :80], axis=1)
    t = np.repeat(np.arange(teams), 80)
    pair = chosen.ravel()
    sharing = pd.DataFrame({"team_id": team_ids[t], "person_a": names[a[pair]], "person_b": names[b[pair]],
                            "channel": np.where(to_manager[pair], "offline", "online").astype(object),
                            "per_week": rng.integers(1, 6, size=len(t)).astype(float)})
    # Incentives: a bonus for everyone, recognition for every third person.
    spirit = local[local % 3 == 0]
    inc_p = np.concatenate([local, spirit])
    tid, _ = _rows(team_ids, inc_p)
    material = np.tile(np.arange(len(inc_p)) < SIZE, teams)
    incentives = pd.DataFrame({
        "team_id": tid, "person_id": names[np.tile(inc_p, teams)],
        "kind": np.where(material, "material", "spiritual").astype(object),
        "type": np.where(material, "bonus", "recognition").astype(object),
        "amount": np.where(material, np.round(rng.uniform(1000, 20000, size=len(tid))), np.nan)})
    # Thirteen weekly meetings presented by a manager; everyone attends three of them.
    weeks = pd.date_range("2026-07-06", periods=13, freq="7D").strftime("%Y-%m-%d").to_numpy(dtype=object)
    meeting_names = np.array([f"m{k}" for k in range(len(weeks))], dtype=object)
    tid, _ = _rows(team_ids, weeks)
    meetings = pd.DataFrame({"team_id": tid, "meeting_id": np.tile(meeting_names, teams),
                             "date": np.tile(weeks, teams), "channel": "offline",
                             "presenter_id": names[rng.choice(managers, size=len(tid))]})
    first = rng.integers(0, len(weeks), size=(teams, SIZE))  # and the fifth and ninth meeting after it
    attended = np.concatenate([first, (first + 4) % len(weeks), (first + 8) % len(weeks)], axis=1)
    tid, _ = _rows(team_ids, np.arange(3 * SIZE))
    attendance = pd.DataFrame({"team_id": tid, "meeting_id": meeting_names[attended.ravel()],
                               "person_id": np.tile(names[np.tile(local, 3)], teams)})
    # Goals: the team's, and one for every manager serving it, quantified four times in five.
    goal_owner = np.concatenate([[""], names[managers]]).astype(object)
    goal_names = np.concatenate([["g-team"], np.char.add("g", names[managers].astype(str))]).astype(object)
    tid, _ = _rows(team_ids, goal_owner)
    goals = pd.DataFrame({"team_id": tid, "goal_id": np.tile(goal_names, teams), "owner_id": np.tile(goal_owner, teams),
                          "parent_goal_id": np.tile(np.where(goal_owner == "", "", "g-team").astype(object), teams),
                          "quantified": np.tile(np.arange(len(goal_owner)) == 0, teams) |
                          (rng.random(len(tid)) < 0.8)})
    # Contributions: five listings a team, each created and modified twice by people at random.
    listing = np.repeat(np.arange(5), 3)
    action = np.tile(np.array(["create", "modify", "modify"], dtype=object), 5)
    days = pd.date_range("2026-07-01", periods=len(listing), freq="5D").strftime("%Y-%m-%d").to_numpy(dtype=object)
    tid, _ = _rows(team_ids, listing)
    contributions = pd.DataFrame({"team_id": tid, "person_id": names[rng.integers(0, SIZE, size=len(tid))],
                                  "artifact": np.tile(np.char.add("listing/", listing.astype(str)).astype(object), teams),
                                  "action": np.tile(action, teams), "date": np.tile(days, teams)})
    # Operations: a quarter of weekly figures of two channels, each answered by its service person.
    op_days = pd.date_range("2026-07-01", periods=13, freq="7D").strftime("%Y-%m-%d").to_numpy(dtype=object)
    op_day, op_channel = np.tile(op_days, 2), np.repeat(np.array(["Tmall", "JD"], dtype=object), len(op_days))
    tid, _ = _rows(team_ids, op_day)
    inquiries = rng.integers(50, 200, size=len(tid)).astype(float)
    operations = pd.DataFrame({"team_id": tid, "date": np.tile(op_day, teams), "channel": np.tile(op_channel, teams),
                               "person_id": np.tile(names[np.where(op_channel == "JD", 8, 11)], teams),
                               "inquiries": inquiries, "replied": np.floor(inquiries * rng.uniform(0.9, 1.0, len(tid))),
                               "first_reply_minutes": np.round(rng.uniform(2, 8, len(tid)), 1),
                               "orders": np.floor(inquiries * rng.uniform(0.1, 0.3, len(tid))),
                               "revenue": np.round(rng.uniform(1000, 9000, len(tid)))})
    return {"people": people, "sharing": sharing, "competencies": competencies, "successors": successors,
            "incentives": incentives, "meetings": meetings, "attendance": attendance, "goals": goals,
            "contributions": contributions, "operations": operations}


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


def as_dtype(frames: dict[str, pd.DataFrame], dtype: str) -> dict[str, pd.DataFrame]:
    """Every text column in one string dtype: "str" (pandas' default), "string[pyarrow]" or object."""
    def convert(frame: pd.DataFrame) -> pd.DataFrame:
        text = [c for c in frame.columns if pd.api.types.is_string_dtype(frame[c].dtype)]
        return frame.astype({c: dtype for c in text})
    return {name: convert(frame) for name, frame in frames.items()}


def time_shape(shape: str, frames: dict[str, pd.DataFrame], threads: int, teams: int) -> tuple[float, int, int]:
    """(seconds, input rows, findings) of one assess_many call on every table of `frames`."""
    import teamgraph

    extra = {name: frame for name, frame in frames.items() if name != "people"}
    team = RICH_TEAM if shape == "rich" else None
    start = time.perf_counter()
    result = teamgraph.assess_many(frames["people"], threads=threads, team=team, **extra)
    seconds = time.perf_counter() - start
    assert len(result) == teams and result["problems"].sum() == 0, result.attrs["problems"]
    findings = int(result.filter(like="findings_").to_numpy().sum())
    return seconds, sum(len(frame) for frame in frames.values()), findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--teams", type=int, default=1_000_000)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--shapes", nargs="+", default=["lean", "rich"], choices=["lean", "rich"])
    parser.add_argument("--tables", nargs="+", default=["people", "sharing"], choices=["people", "sharing", "competencies"],
                        help="the lean teams' tables (rich teams have every table)")
    parser.add_argument("--dtype", default="str", choices=["str", "string[pyarrow]", "object"],
                        help="the text columns' dtype: pandas' default, Arrow-backed StringDtype, or object")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each measurement; the best is reported")
    parser.add_argument("--sample", type=int, default=2000, help="lean teams timed for networkx and igraph (0: none)")
    args = parser.parse_args()

    data = {}
    for shape in args.shapes:
        start = time.perf_counter()
        frames = batch_frames(args.teams) if shape == "lean" else rich_batch_frames(args.teams)
        if shape == "lean":
            frames = {name: frames[name] for name in args.tables}
        data[shape] = as_dtype(frames, args.dtype)
        rows = {name: len(frame) for name, frame in data[shape].items()}
        print(f"{shape}: {args.teams:,} teams of {SIZE}, {sum(rows.values()):,} rows ({args.dtype} text; "
              f"{', '.join(f'{k} {v:,}' for k, v in rows.items())}): data built in {time.perf_counter() - start:.1f} s")
    print("| shape | threads | seconds | us a team | rows a team | us a row | findings | x first shape a row |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    base, lean_team = {}, None
    for threads in args.threads:
        for shape in args.shapes:
            seconds, rows, findings = min(time_shape(shape, data[shape], threads, args.teams) for _ in range(args.repeat))
            per_row = seconds / rows
            base.setdefault(threads, per_row)
            if shape == "lean" and lean_team is None:
                lean_team = seconds / args.teams
            print(f"| {shape} | {threads} | {seconds:.2f} | {seconds / args.teams * 1e6:.1f} | {rows / args.teams:.0f} | "
                  f"{per_row * 1e6:.3f} | {findings:,} | {per_row / base[threads]:.2f} |", flush=True)
    sample = min(args.sample, args.teams)
    if "lean" not in data or not sample:
        return
    teams = [f"t{k}" for k in range(sample)]
    people = data["lean"]["people"][data["lean"]["people"]["team_id"].isin(teams)]
    sharing = data["lean"]["sharing"][data["lean"]["sharing"]["team_id"].isin(teams)]
    print("| tool (lean teams) | threads | seconds | us a team | x teamgraph (first row) |")
    print("|---|---:|---:|---:|---:|")
    for name, run in (("igraph", per_team_igraph), ("networkx", per_team_networkx)):
        start = time.perf_counter()
        run(people, sharing)
        per_team = (time.perf_counter() - start) / sample
        print(f"| {name} (sample of {sample:,}) | 1 | {per_team * args.teams:.0f} (estimated) | {per_team * 1e6:.0f} | "
              f"{per_team / lean_team:.0f} |", flush=True)

if __name__ == "__main__":
    main()

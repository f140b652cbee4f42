"""Deterministic synthetic orgs for benchmarks: spans of 6-8, about 4 sharing links a person.

    python benchmarks/synthetic_org.py 1000000 /tmp/org-1m          # lean: people and sharing
    python benchmarks/synthetic_org.py 1000000 /tmp/rich-1m --rich  # every table, many findings

The rich org is shaped like a real one: every manager (and the core) has the seven core
competencies scored at random, 70% of managers name a successor, about five sharing links a
person, 50 departments, potential, career plans and KPIs, incentives, weekly meetings with
attendance, and goals. At 1M people it yields a few hundred thousand findings.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd


def synthetic_frames(n: int, seed: int = 42) -> dict[str, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    # Breadth-first tree: person i's manager is chosen so every manager gets 6-8 reports.
    spans = rng.integers(6, 9, size=n)
    manager = np.full(n, -1, dtype=np.int64)
    next_child = 1
    for m in range(n):
        if next_child >= n:
            break
        k = min(int(spans[m]), n - next_child)
        manager[next_child:next_child + k] = m
        next_child += k
    ids = np.char.add("p", np.arange(n).astype(str))
    tiers = np.where(np.arange(n) < min(n, 8), "core", "execution")
    people = pd.DataFrame({
        "id": ids,
        "name": np.char.add("Person ", np.arange(n).astype(str)),
        "department": np.char.add("d", (np.arange(n) % 50).astype(str)),
        "tier": tiers,
        "manager_id": np.where(manager >= 0, ids[np.maximum(manager, 0)], ""),
        "assessment": rng.integers(1, 6, size=n) / 5.0,
        "flight_risk": np.round(rng.random(n), 3),
    })
    # Sharing: each person links to their manager and to one random colleague (~4 links each on average
    # counting both ends), no self-links, no duplicate pairs.
    a = np.concatenate([np.arange(1, n), rng.integers(0, n, size=n)])
    b = np.concatenate([manager[1:], rng.integers(0, n, size=n)])
    keep = a != b
    lo, hi = np.minimum(a[keep], b[keep]), np.maximum(a[keep], b[keep])
    pairs = np.unique(np.stack([lo, hi], axis=1), axis=0)
    sharing = pd.DataFrame({"person_a": ids[pairs[:, 0]], "person_b": ids[pairs[:, 1]], "channel": "online",
                            "per_week": 1})
    return {"people": people, "sharing": sharing}


COMPETENCIES = ["planning", "analysis", "execution", "control", "command", "practice", "theory"]
DIMENSIONS = ["professional_knowledge", "product_knowledge", "expression", "conduct"]


def rich_frames(n: int, seed: int = 42) -> dict[str, pd.DataFrame]:
    """The lean org's people and hierarchy with every table filled (see the module's docstring)."""
    frames = synthetic_frames(n, seed)
    rng = np.random.default_rng(seed + 1)
    people, ids = frames["people"], frames["people"]["id"].to_numpy()
    manager_ids = people["manager_id"].to_numpy()
    index = np.arange(n)
    is_manager = np.zeros(n, dtype=bool)
    has_reports = pd.Index(ids).get_indexer(pd.unique(manager_ids[manager_ids != ""]))
    is_manager[has_reports] = True
    is_manager[: min(n, 8)] = True  # the core
    people["potential"] = rng.integers(1, 6, size=n) / 5.0
    people["has_career_plan"] = rng.random(n) < 0.6
    people["has_quantified_kpi"] = rng.random(n) < 0.8
    people["role"] = np.where(is_manager, "manager", "specialist")
    # Competencies: the seven core ones for every manager, the four learning dimensions for everyone.
    managers = index[is_manager]
    lead = pd.DataFrame({"person_id": np.repeat(ids[managers], len(COMPETENCIES)),
                         "competency": np.tile(COMPETENCIES, len(managers)),
                         "score": np.round(rng.uniform(0.2, 1.0, size=len(managers) * len(COMPETENCIES)), 2)})
    learn = pd.DataFrame({"person_id": np.repeat(ids, len(DIMENSIONS)), "competency": np.tile(DIMENSIONS, n),
                          "score": np.round(rng.uniform(0.46, 1.0, size=n * len(DIMENSIONS)), 2)})
    competencies = pd.concat([lead, learn], ignore_index=True)
    # Successors: 70% of managers name one of their own reports (the first), readiness at random.
    manager_of = pd.Series(index, index=ids)[manager_ids[1:]].to_numpy()  # manager index of 1..n-1
    first_report = np.full(n, -1)
    first_report[manager_of[::-1]] = np.arange(n - 1, 0, -1)  # the first report of each manager wins
    named = managers[(rng.random(len(managers)) < 0.7) & (first_report[managers] >= 0)]
    successors = pd.DataFrame({"incumbent_id": ids[named], "successor_id": ids[first_report[named]],
                               "readiness": rng.choice(["ready_now", "ready_1_2y", "ready_3y_plus"], size=len(named))})
    # Sharing: the lean links plus two more random colleagues a person (about five links each).
    a = rng.integers(0, n, size=2 * n)
    b = rng.integers(0, n, size=2 * n)
    keep = a != b
    lo, hi = np.minimum(a[keep], b[keep]), np.maximum(a[keep], b[keep])
    extra = pd.DataFrame({"person_a": ids[lo], "person_b": ids[hi], "channel": "offline", "per_week": 1})
    sharing = pd.concat([frames["sharing"], extra], ignore_index=True)
    sharing = sharing.drop_duplicates(["person_a", "person_b", "channel"], ignore_index=True)
    # Incentives: one material (bonus) a person, a spiritual one (recognition) for every third.
    spirit = index[index % 3 == 0]
    incentives = pd.DataFrame({
        "person_id": np.concatenate([ids, ids[spirit]]),
        "kind": np.concatenate([np.full(n, "material", dtype=object), np.full(len(spirit), "spiritual", dtype=object)]),
        "type": np.concatenate([np.full(n, "bonus", dtype=object), np.full(len(spirit), "recognition", dtype=object)]),
        "amount": np.concatenate([np.round(rng.uniform(1000, 20000, size=n)), np.full(len(spirit), np.nan)]),
    })
    # Weekly sharing meetings of each department for 13 weeks; a third of its people attend each.
    departments = people["department"].to_numpy()
    dept_names = np.unique(departments)
    weeks = pd.date_range("2026-07-06", periods=13, freq="7D").strftime("%Y-%m-%d").to_numpy()
    meeting_dept = np.repeat(dept_names, len(weeks))
    meeting_ids = np.char.add("m", np.arange(len(meeting_dept)).astype(str))
    first_of_dept = pd.Series(index).groupby(departments).first()
    meetings = pd.DataFrame({"meeting_id": meeting_ids, "date": np.tile(weeks, len(dept_names)), "channel": "offline",
                             "presenter_id": ids[first_of_dept[meeting_dept].to_numpy()]})
    week_of = rng.integers(0, len(weeks), size=n)
    dept_index = np.searchsorted(dept_names, departments)
    attendance = pd.DataFrame({"meeting_id": meeting_ids[dept_index * len(weeks) + week_of], "person_id": ids})
    # Goals: one team goal, a goal for every manager serving it, quantified four times in five.
    goals = pd.DataFrame({"goal_id": np.concatenate([["g-team"], np.char.add("g", ids[managers].astype(str))]),
                          "owner_id": np.concatenate([[""], ids[managers]]),
                          "parent_goal_id": np.concatenate([[""], np.full(len(managers), "g-team", dtype=object)]),
                          "quantified": np.concatenate([[True], rng.random(len(managers)) < 0.8])})
    return {"people": people, "sharing": sharing, "competencies": competencies, "successors": successors,
            "incentives": incentives, "meetings": meetings, "attendance": attendance, "goals": goals}


def write_folder(n: int, folder: Path, seed: int = 42, rich: bool = False) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in (rich_frames if rich else synthetic_frames)(n, seed).items():
        frame.to_csv(folder / f"{name}.csv", index=False)


if __name__ == "__main__":
    write_folder(int(sys.argv[1]), Path(sys.argv[2]), rich="--rich" in sys.argv[3:])

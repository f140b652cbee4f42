"""Three snapshots of the sample team, half a year apart, for the trend tests (test_trend.py).

Each period is 183 days and every dated row is shifted with it, so that an unchanged team scores
the same in each. On top of that, by hand:

- P1 (2025-03-31..2025-09-29): the sample team, 44 computers.
- P2 (2025-09-30..2026-03-31): Xu Cai (m46) has left; Feng Ping (m20) scores 1 of 5 on
  product_knowledge (a lagging finding appears); Zeng Gang (m43), Wu Fang's (e06) successor, moves
  from ready_3y_plus to ready_1_2y; 40 computers.
- P3 (2026-04-01..2026-09-30, the sample's own dates): Qin Yue (m47) has joined (a product planner
  under e05, with Xie Lu's (m40) competencies, incentives, meetings and sharing links); m20 is back at 3.5 (the lagging finding is resolved);
  Tian Na (m18) is ready now for Chen Yu (e03); Chen Yu (e03) is ready in 1-2 years for Lin Wei
  (e01); Yang Jia (m11) is ready now for Lin An (m10); 36 computers.

Zhao Min (e02) stays ready_1_2y for Lin Wei (e01) throughout: 366 days from P1's end to P3's.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Callable, Dict, List

import pandas as pd

import teamgraph

PERIOD_DAYS = 183
P3_START, P3_END = dt.date(2026, 4, 1), dt.date(2026, 9, 30)


def _person_columns() -> Dict[str, List[str]]:
    return {t["name"]: [c["name"] for c in t["columns"] if c["kind"] in ("id", "person")] for t in teamgraph.schema()}


def _date_columns() -> Dict[str, List[str]]:
    return {t["name"]: [c["name"] for c in t["columns"] if c["kind"] == "date"] for t in teamgraph.schema()}


def snapshot(folder: Path, back: int, change: Callable[[Dict[str, pd.DataFrame], dict], None]) -> Path:
    """The sample team `back` periods before P3, changed by `change(tables, team)`, in `folder`."""
    shutil.copytree(teamgraph.sample_team_path(), folder)
    days = back * PERIOD_DAYS
    tables = {p.stem: pd.read_csv(p, dtype=str, keep_default_na=False) for p in sorted(folder.glob("*.csv"))}
    for name, columns in _date_columns().items():
        for column in columns:
            if name in tables and column in tables[name]:
                tables[name][column] = [(dt.date.fromisoformat(v[:10]) - dt.timedelta(days=days)).isoformat() + v[10:]
                                        if v else v for v in tables[name][column]]
    team = json.loads((folder / "team.json").read_text(encoding="utf-8"))
    team["period"] = {"start": (P3_START - dt.timedelta(days=days)).isoformat(),
                      "end": (P3_END - dt.timedelta(days=days)).isoformat()}
    change(tables, team)
    for name, frame in tables.items():
        frame.to_csv(folder / f"{name}.csv", index=False)
    (folder / "team.json").write_text(json.dumps(team, ensure_ascii=False), encoding="utf-8")
    return folder


def leave(tables: Dict[str, pd.DataFrame], person: str) -> None:
    for name, columns in _person_columns().items():
        if name in tables:
            frame = tables[name]
            keep = ~frame[[c for c in columns if c in frame]].isin([person]).any(axis=1)
            tables[name] = frame[keep].reset_index(drop=True)


def set_readiness(tables: Dict[str, pd.DataFrame], incumbent: str, successor: str, readiness: str) -> None:
    s = tables["successors"]
    s.loc[(s["incumbent_id"] == incumbent) & (s["successor_id"] == successor), "readiness"] = readiness


def set_score(tables: Dict[str, pd.DataFrame], person: str, competency: str, score: str) -> None:
    c = tables["competencies"]
    c.loc[(c["person_id"] == person) & (c["competency"] == competency), "score"] = score


def p1(tables: Dict[str, pd.DataFrame], team: dict) -> None:
    team["configuration"]["equipment"]["computer"] = 44


def p2(tables: Dict[str, pd.DataFrame], team: dict) -> None:
    leave(tables, "m46")
    set_score(tables, "m20", "product_knowledge", "1")
    set_readiness(tables, "e06", "m43", "ready_1_2y")
    team["configuration"]["equipment"]["computer"] = 40


def join_as(tables: Dict[str, pd.DataFrame], person: str, name: str, like: str) -> None:
    """`person` joins with `like`'s row, competencies, incentives, meetings and sharing links."""
    for table, column in (("people", "id"), ("competencies", "person_id"), ("incentives", "person_id"),
                          ("attendance", "person_id"), ("sharing", "person_a"), ("sharing", "person_b")):
        frame = tables[table]
        rows = frame[frame[column] == like].copy()
        rows[column] = person
        if table == "people":
            rows["name"] = name
        tables[table] = pd.concat([frame, rows], ignore_index=True)


def p3(tables: Dict[str, pd.DataFrame], team: dict) -> None:
    leave(tables, "m46")
    join_as(tables, "m47", "Qin Yue", like="m40")
    set_readiness(tables, "e06", "m43", "ready_1_2y")
    set_readiness(tables, "e03", "m18", "ready_now")
    set_readiness(tables, "e01", "e03", "ready_1_2y")
    set_readiness(tables, "m10", "m11", "ready_now")
    team["configuration"]["equipment"]["computer"] = 36


def series(root: Path) -> List[Path]:
    """The three snapshots, P1, P2, P3, as team folders under `root`."""
    return [snapshot(root / "p1", 2, p1), snapshot(root / "p2", 1, p2), snapshot(root / "p3", 0, p3)]

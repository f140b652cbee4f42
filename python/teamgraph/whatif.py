"""What-if: the org after people leave, successors are promoted, people move or successors are named.

The original org is never touched: the changes are applied to its tables and a new, validated
org is built from them (so a what-if that would break the org, say a reporting cycle, raises
OrgDataError like any other input).
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import pandas as pd

from .org import Org

_READINESS_ORDER = {"ready_now": 0, "ready_1_2y": 1, "ready_3y_plus": 2}


def what_if(org: Org, leave: Iterable[str] = (), promote: Optional[Mapping[str, str]] = None,
            move: Optional[Mapping[str, str]] = None,
            add_successor: Sequence[Tuple[str, str, str]] = ()) -> Org:
    """The org after the changes; see Org.what_if."""
    leave = list(dict.fromkeys(leave))
    promote = dict(promote or {})
    move = dict(move or {})
    known = set(org.ids)
    unknown = [p for p in [*leave, *promote, *promote.values(), *move, *move.values(),
                           *(x for row in add_successor for x in row[:2])] if p not in known]
    if unknown:
        raise KeyError(f"no person with id {unknown[0]!r}" + (f" (and {len(unknown) - 1} more)" if len(unknown) > 1 else ""))
    gone = set(leave)
    # Seats to fill: a leaver's seat, or the seat vacated by someone promoted.
    vacated = set(gone)
    for seat, successor in promote.items():
        if successor in gone:
            raise ValueError(f"{successor!r} is leaving and cannot fill {seat!r}'s seat")
        vacated.add(successor)
    for seat in promote:
        if seat not in vacated:
            raise ValueError(f"{seat!r}'s seat is not vacant: promote fills the seats of people who leave "
                             f"or who are promoted themselves")
    if len(set(promote.values())) != len(promote):
        raise ValueError("one person cannot fill two seats")

    tables = {name: org.table(name) for name in org.tables}
    people = tables["people"].copy()
    manager: Dict[str, Optional[str]] = {p: (None if pd.isna(m) else m) for p, m in zip(people["id"], people["manager_id"])}
    tier: Dict[str, str] = dict(zip(people["id"], people["tier"].astype(str)))
    reports: Dict[str, List[str]] = {}
    for p, m in manager.items():
        if m is not None:
            reports.setdefault(m, []).append(p)

    # Who sits in each seat afterwards. A seat is named by its previous holder.
    holder = {seat: successor for seat, successor in promote.items()}
    new_manager = dict(manager)
    new_tier = dict(tier)

    def occupant(seat: Optional[str]) -> Optional[str]:
        """Who holds this seat after the changes (walking up past seats nobody fills)."""
        while seat is not None:
            if seat in holder:
                return holder[seat]
            if seat not in vacated:
                return seat
            seat = manager[seat]  # an unfilled seat: its people go to the manager above
        return None

    for seat, successor in promote.items():
        new_manager[successor] = occupant(manager[seat])
        if tier[seat] == "core":
            new_tier[successor] = "core"
    for person, m in manager.items():
        if person in gone or person in promote.values():
            continue
        new_manager[person] = occupant(m)
    for person, target in move.items():
        new_manager[person] = occupant(target)
    for person in gone:
        new_manager.pop(person)
        new_tier.pop(person)

    keep = ~people["id"].isin(gone)
    people = people[keep].copy()
    people["manager_id"] = [new_manager[p] for p in people["id"]]
    people["tier"] = [new_tier[p] for p in people["id"]]
    tables["people"] = people

    def without_gone(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
        mask = pd.Series(True, index=frame.index)
        for c in columns:
            mask &= ~frame[c].isin(gone)
        return frame[mask]

    if "successors" in tables or add_successor:
        s = tables.get("successors", pd.DataFrame(columns=["incumbent_id", "successor_id", "readiness"]))
        rows: Dict[Tuple[str, str], str] = {}
        refilled = set(promote)

        def bench_of(seat: str) -> List[Tuple[str, str]]:
            sub = s[s["incumbent_id"] == seat]
            return list(zip(sub["successor_id"], sub["readiness"].astype(str)))

        def put(incumbent: str, successor: str, readiness: str) -> None:
            if incumbent == successor or incumbent in gone or successor in gone:
                return
            key = (incumbent, successor)
            if key not in rows or _READINESS_ORDER[readiness] < _READINESS_ORDER[rows[key]]:
                rows[key] = readiness

        for incumbent, successor, readiness in zip(s["incumbent_id"], s["successor_id"], s["readiness"].astype(str)):
            if incumbent not in vacated or (incumbent in promote.values() and incumbent not in refilled):
                put(incumbent, successor, readiness)
        for seat, successor in promote.items():  # the seat's bench now backs its new holder
            for x, readiness in bench_of(seat):
                put(successor, x, readiness)
        for incumbent, successor, readiness in add_successor:
            if readiness not in _READINESS_ORDER:
                raise ValueError(f"readiness must be one of {', '.join(_READINESS_ORDER)}, not {readiness!r}")
            put(incumbent, successor, readiness)
        tables["successors"] = pd.DataFrame([(a, b, r) for (a, b), r in sorted(rows.items())],
                                            columns=["incumbent_id", "successor_id", "readiness"])
    if "sharing" in tables:
        tables["sharing"] = without_gone(tables["sharing"], "person_a", "person_b")
    if "meetings" in tables:
        m = tables["meetings"].copy()
        m["presenter_id"] = m["presenter_id"].where(~m["presenter_id"].isin(gone), None)
        tables["meetings"] = m
    if "attendance" in tables:
        tables["attendance"] = without_gone(tables["attendance"], "person_id")
    for name in ("competencies", "incentives", "contributions"):
        if name in tables:
            tables[name] = without_gone(tables[name], "person_id")
    if "goals" in tables:
        g = tables["goals"].copy()
        parent = dict(zip(g["goal_id"], g["parent_goal_id"]))
        dropped = set(g.loc[g["owner_id"].isin(gone), "goal_id"])

        def surviving_parent(goal: Optional[str]) -> Optional[str]:
            while goal is not None and not pd.isna(goal) and goal in dropped:
                goal = parent[goal]
            return None if goal is None or pd.isna(goal) else goal

        g = g[~g["goal_id"].isin(dropped)].copy()
        g["parent_goal_id"] = [surviving_parent(p) for p in g["parent_goal_id"]]
        tables["goals"] = g
    return Org.from_frames(**_as_input(tables, org), team=org.team or None)


def _as_input(tables: Dict[str, pd.DataFrame], org: Org) -> Dict[str, pd.DataFrame]:
    """The org's tables back in input form: values on their declared scales, dates as text."""
    scales = (org.team or {}).get("scales", {})
    out = {}
    for name, frame in tables.items():
        frame = frame.copy()
        for column in frame.columns:
            lo_hi = scales.get(f"{name}.{column}")
            if lo_hi:
                lo, hi = lo_hi
                frame[column] = (frame[column] * (hi - lo) + lo).clip(lo, hi)  # undo the normalization
            if pd.api.types.is_datetime64_any_dtype(frame[column]):
                frame[column] = frame[column].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
            elif isinstance(frame[column].dtype, pd.CategoricalDtype):
                frame[column] = frame[column].astype(object)
        out[name] = frame
    return out

"""Scoring many teams in one call: all teams' tables concatenated with a team column."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Mapping, Optional

import pandas as pd

from . import _core
from .errors import OrgDataError
from .org import _arrow_series, _frame_columns
from .report import PolicyLike, _policy_text


def assess_many(people: pd.DataFrame, *, team_id: str = "team_id", threads: Optional[int] = None,
                policy: PolicyLike = None, team: Optional[Mapping[str, Any]] = None,
                **tables: Optional[pd.DataFrame]) -> pd.DataFrame:
    """One row of scores per team, from all teams' tables concatenated.

    Every table (people, competencies, successors, sharing, meetings, attendance, incentives,
    goals, contributions, operations: the input format's columns) carries a `team_id` column naming each row's
    team. Teams are scored on `threads` threads (default: every core) with the GIL released. A team
    with bad data gets NaN scores and its problem count; ``result.attrs["problems"]`` maps each such
    team to its problems, and the other teams go on. ``team`` (team.json's content) applies to
    every team. Rows come in team-id order.
    """
    frames: Dict[str, pd.DataFrame] = {"people": people, **{k: v for k, v in tables.items() if v is not None}}
    problems: List[_core.Problem] = []
    columns = {}
    for name, frame in frames.items():
        if team_id not in frame.columns:
            raise ValueError(f"the {name} table needs a {team_id!r} column naming each row's team")
        if frame[team_id].isna().any():
            row = int(frame[team_id].isna().to_numpy().argmax()) + 1
            raise ValueError(f"the {name} table has rows without a team (first: row {row})")
        frame = frame.assign(**{team_id: frame[team_id].astype(str)})
        columns[name] = (len(frame), _frame_columns(name, frame, problems))
    if problems:
        raise OrgDataError(f"{len(problems)} problems in the batch data", problems)
    team_json = json.dumps(dict(team)) if team is not None else ""
    result, problems_by_team = _core.assess_many(columns, team_id, team_json, _policy_text(policy), threads or 0)
    for name in ("team", "weakest"):  # text columns come as Arrow buffers: no Python string per team
        result[name] = _arrow_series(result[name])
    frame = pd.DataFrame(result).rename(columns={"team": team_id})
    frame.attrs["problems"] = {k: list(v) for k, v in problems_by_team.items()}
    return frame

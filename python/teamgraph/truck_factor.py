"""The truck factor of a contributions table on its own (no org needed), and its result."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

import numpy as np
import pandas as pd

from . import _core
from .org import PolicyLike, _policy_text


@dataclass
class TruckFactor:
    """A truck factor: ``value``, the people removed in order with their authored counts
    (``authors``), and the coverage before each removal (``coverage``)."""

    value: int
    authors: pd.DataFrame
    coverage: List[float]
    artifacts: int
    authorship: Dict[str, List[str]] = field(repr=False)

    def __init__(self, raw: "_core.TruckFactorResult", people: Sequence[str]) -> None:
        self.value = int(raw.value)
        self.authors = pd.DataFrame({"person": [people[i] for i in raw.removed],
                                     "authored": [int(x) for x in raw.removed_authored]})
        self.coverage = [float(c) for c in raw.coverage]
        artifacts = raw.artifacts
        self.artifacts = len(artifacts)
        offsets, authors = raw.author_offsets, raw.authors
        self.authorship = {a: [people[i] for i in authors[offsets[k]:offsets[k + 1]]]
                           for k, a in enumerate(artifacts)}


_ACTIONS = {"create": 0, "modify": 1, "rename": 2, "delete": 3}


def truck_factor(contributions: pd.DataFrame, artifacts: Optional[Sequence[str]] = None, method: str = "default",
                 policy: PolicyLike = None) -> TruckFactor:
    """The truck factor of a contributions table on its own (no org needed).

    contributions: columns person_id, artifact, action (create/modify/rename/delete), date and
    previous_artifact (for renames); ``read_git_history`` and ``contributions_from_git``
    (teamgraph.git) make one from git. artifacts: the artifacts to count (default: all that appear). method: "default"
    (renames followed in time order) or "avelino2016" (the published tool, quirks included).
    Ties in the greedy removal go to the smaller person label.
    """
    missing = {"person_id", "artifact", "action"} - set(contributions.columns)
    if missing:
        raise ValueError(f"contributions needs the columns {sorted(missing)}")
    people_codes, people = pd.factorize(contributions["person_id"].astype(str), sort=True)
    names = pd.concat([contributions["artifact"].astype(str),
                       contributions.get("previous_artifact", pd.Series(dtype=str)).dropna().astype(str)])
    names = names[names != ""]
    artifact_labels = pd.Index(pd.unique(names)).sort_values()
    artifact_codes = artifact_labels.get_indexer(contributions["artifact"].astype(str))
    actions = contributions["action"].astype(str).str.lower().map(_ACTIONS)
    if actions.isna().any():
        bad = contributions["action"][actions.isna()].iloc[0]
        raise ValueError(f"action must be create, modify, rename or delete, found {bad!r}")
    if "previous_artifact" in contributions:
        prev = contributions["previous_artifact"].fillna("").astype(str)
        previous = np.where(prev == "", -1, artifact_labels.get_indexer(prev))
    else:
        previous = np.full(len(contributions), -1)
    if "date" in contributions:
        dates = contributions["date"]
        if not pd.api.types.is_integer_dtype(dates):
            dates = pd.to_datetime(dates, utc=True).astype("int64") // 10**9
        dates = np.asarray(dates, dtype=np.int64)
    else:
        dates = np.zeros(len(contributions), dtype=np.int64)
    raw = _core.truck_factor(list(people), list(artifact_labels), np.asarray(people_codes, dtype=np.int64),
                             np.asarray(artifact_codes, dtype=np.int64), actions.to_numpy(dtype=np.int64), dates,
                             np.asarray(previous, dtype=np.int64), None if artifacts is None else list(artifacts),
                             method, _policy_text(policy))
    return TruckFactor(raw, list(people))

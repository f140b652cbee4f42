"""Scale-out: score a Dask DataFrame of many teams, partition by partition, on a dask.distributed
cluster (``pip install teamgraph[dask]``).

Use it when a batch outgrows one machine: more teams than fit in its memory, or more than one
machine scores in the time you have. On one machine, ``teamgraph.assess_many`` with ``threads=``
is faster: it needs no shuffle and no serialization.

    from dask.distributed import Client
    import dask.dataframe as dd
    import teamgraph.dask

    client = Client("tcp://scheduler:8786")          # a real cluster; Client() starts a local one
    people = dd.read_parquet("s3://bucket/people/")   # every team's rows, with a team_id column
    scores = teamgraph.dask.assess_many(people, sharing=dd.read_parquet("s3://bucket/sharing/"))

The result equals ``teamgraph.assess_many`` on the same data (rows in team-id order).
"""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

import pandas as pd

from .batch import assess_many as _assess_many
from .report import PolicyLike, _policy_text


def _score(frames: Dict[str, pd.DataFrame], team_id: str, policy: str, team: Optional[Mapping[str, Any]],
           threads: int) -> pd.DataFrame:
    frames = {k: v for k, v in frames.items() if v is not None}
    people = frames.pop("people")
    result = _assess_many(people, team_id=team_id, threads=threads, policy=policy or None, team=team, **frames)
    result.attrs = {"problems": result.attrs.get("problems", {})}
    return result


def assess_many(people, *, team_id: str = "team_id", npartitions: Optional[int] = None, policy: PolicyLike = None,
                team: Optional[Mapping[str, Any]] = None, threads: int = 1, **tables) -> pd.DataFrame:
    """One row of scores per team, computed on the current Dask scheduler (a distributed Client
    when one is active). Each table is shuffled on `team_id` so that a team's rows of every table
    meet in one partition; each partition is scored with ``teamgraph.assess_many``."""
    import dask

    frames = {"people": people, **{k: v for k, v in tables.items() if v is not None}}
    n = npartitions or people.npartitions
    parts = {name: frame.shuffle(on=team_id, npartitions=n).to_delayed() for name, frame in frames.items()}
    text = _policy_text(policy)
    tasks = [dask.delayed(_score)({name: p[i] for name, p in parts.items()}, team_id, text,
                                  dict(team) if team else None, threads) for i in range(n)]
    results = [r for r in dask.compute(*tasks) if len(r)]
    if not results:
        return _score({"people": people.head(0)}, team_id, text, team, threads)
    problems: Dict[str, Any] = {}
    for r in results:
        problems.update(r.attrs.get("problems", {}))
    combined = pd.concat(results, ignore_index=True).sort_values(team_id, kind="stable").reset_index(drop=True)
    combined.attrs["problems"] = dict(sorted(problems.items()))
    return combined

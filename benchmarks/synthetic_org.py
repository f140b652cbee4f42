"""Deterministic synthetic orgs for benchmarks: spans of 6-8, about 4 sharing links a person.

    python benchmarks/synthetic_org.py 1000000 /tmp/org-1m
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


def write_folder(n: int, folder: Path, seed: int = 42) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in synthetic_frames(n, seed).items():
        frame.to_csv(folder / f"{name}.csv", index=False)


if __name__ == "__main__":
    write_folder(int(sys.argv[1]), Path(sys.argv[2]))

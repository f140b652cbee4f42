"""Converts Krackhardt's high-tech managers (tests/data/krackhardt-managers, copied unchanged
from the published data) into teamgraph's input format in tests/data/krackhardt-team.

- people.csv: the 21 managers; manager_id from reports_to.txt; department from DEPT
  (0 = the CEO's office); tier core for LEVEL 1-2, execution for LEVEL 3; age and tenure kept
  as extra columns.
- sharing.csv: each advice tie as an offline sharing link between the two managers (the 190
  directed arcs make 145 distinct pairs).

Run:  python tests/data/make_krackhardt_team.py
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE / "krackhardt-managers"


def ties(name: str) -> list[tuple[str, str]]:
    out = []
    for line in (RAW / name).read_text().splitlines():
        if line.strip():
            ego, alter, tie = line.split()
            if tie == "1":
                out.append((ego, alter))
    return out


def convert(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    manager = dict(ties("reports_to.txt"))
    with open(RAW / "attributes.csv", newline="") as f:
        attributes = list(csv.DictReader(f))
    with open(target / "people.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "department", "tier", "manager_id", "age", "tenure"])
        for a in attributes:
            tier = "core" if a["LEVEL"] in ("1", "2") else "execution"
            department = "ceo" if a["DEPT"] == "0" else "dept" + a["DEPT"]
            w.writerow([a["ID"], department, tier, manager.get(a["ID"], ""), a["AGE"], a["TENURE"]])
    pairs = sorted({tuple(sorted((a, b), key=int)) for a, b in ties("advice.txt")}, key=lambda p: (int(p[0]), int(p[1])))
    with open(target / "sharing.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["person_a", "person_b", "channel"])
        w.writerows((a, b, "offline") for a, b in pairs)


if __name__ == "__main__":
    convert(HERE / "krackhardt-team")

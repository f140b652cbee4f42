"""The truck factor against the published values (Avelino et al., ICPC 2016)."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import pandas as pd
import pytest

import teamgraph

DATA = Path(__file__).resolve().parents[1] / "data" / "truck-factor"


def _datasets():
    with open(DATA / "index.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    return [r for r in rows if r["expected_tf"] == r["computed_tf"]]  # the ones marked reproducible


EXPECTED = {e["folder"]: e for e in json.loads((DATA / "expected.json").read_text())["datasets"]}


@pytest.mark.parametrize("row", _datasets(), ids=lambda r: r["folder"])
def test_published_truck_factor(row) -> None:
    folder = DATA / row["folder"]
    history = teamgraph.read_git_history(folder / "history.csv.gz")
    files = (folder / "files.txt").read_text().splitlines()
    result = teamgraph.truck_factor(history, artifacts=files, method="avelino2016")
    expected = EXPECTED[row["folder"]]
    assert result.value == int(row["expected_tf"])
    assert result.artifacts == int(row["files_counted"])
    assert list(result.authors["authored"]) == [a["files"] for a in expected["tf_authors"]]
    assert list(result.authors["person"]) == [a["author"] for a in expected["tf_authors"]]
    assert [round(c, 6) for c in result.coverage] == pytest.approx(expected["coverage_before_each_removal"], abs=1e-6)


def test_default_method_on_a_small_table() -> None:
    contributions = pd.DataFrame(
        [("alice", "x", "create", "2026-01-01", None), ("alice", "y", "create", "2026-01-02", None),
         ("bob", "z", "create", "2026-01-03", None), ("alice", "z", "modify", "2026-01-04", None),
         ("carol", "y2", "rename", "2026-01-05", "y")],
        columns=["person_id", "artifact", "action", "date", "previous_artifact"])
    result = teamgraph.truck_factor(contributions)
    assert result.value == 2
    assert list(result.authors["person"]) == ["alice", "bob"]
    assert result.authorship == {"x": ["alice"], "y2": ["alice", "carol"], "z": ["alice", "bob"]}
    assert result.coverage == pytest.approx([1.0, 2 / 3, 1 / 3])
    with pytest.raises(ValueError, match="method must be"):
        teamgraph.truck_factor(contributions, method="fast")


def test_contributions_from_git(tmp_path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()

    def git(*args: str, author: str = "a@x") -> None:
        subprocess.run(["git", "-C", str(repo), "-c", f"user.email={author}", "-c", "user.name=n", *args], check=True,
                       capture_output=True)

    git("init", "-q")
    (repo / "one.txt").write_text("hello\n" * 20)
    git("add", ".")
    git("commit", "-qm", "one")
    (repo / "one.txt").write_text("hello\n" * 20 + "more\n")
    git("commit", "-qam", "two", author="b@x")
    git("mv", "one.txt", "two.txt")
    git("commit", "-qm", "rename", author="b@x")
    contributions = teamgraph.contributions_from_git(repo)
    assert list(contributions["action"]) == ["create", "modify", "rename"]
    assert contributions["previous_artifact"].iloc[2] == "one.txt"
    result = teamgraph.truck_factor(contributions)
    assert result.authorship == {"two.txt": ["a@x", "b@x"]}

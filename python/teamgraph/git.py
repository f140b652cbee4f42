"""Git ingestion: a contributions table (for the truck factor) from a git history CSV or from a
repository's ``git log``."""

from __future__ import annotations

import os
from typing import Union

import numpy as np
import pandas as pd

_GIT_ACTIONS = {"A": "create", "M": "modify", "R": "rename", "D": "delete"}


def read_git_history(path: Union[str, "os.PathLike[str]"]) -> pd.DataFrame:
    """Reads a git history CSV (plain or gzipped) with the columns commit, timestamp, author,
    change (A/M/R/D, R with a similarity suffix allowed), path, old_path, into a contributions table.

    Rows come oldest first (the reverse of git log order), so that changes made in the same
    second replay in the order they happened; ``date`` is the author time in Unix seconds.
    """
    history = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"timestamp", "author", "change", "path", "old_path"} - set(history.columns)
    if missing:
        raise ValueError(f"{os.fspath(path)}: missing columns {sorted(missing)}")
    change = history["change"].str[:1]
    unknown = ~change.isin(list(_GIT_ACTIONS))
    if unknown.any():
        row = int(np.flatnonzero(unknown)[0])
        raise ValueError(f"{os.fspath(path)}:{row + 2}: field 'change': expected A, M, R or D, "
                         f"found {history['change'].iloc[row]!r}")
    history = history.iloc[::-1].reset_index(drop=True)
    change = change.iloc[::-1].reset_index(drop=True)
    return pd.DataFrame({
        "person_id": history["author"],
        "artifact": history["path"],
        "action": change.map(_GIT_ACTIONS),
        "date": pd.to_numeric(history["timestamp"]).astype("int64"),
        "previous_artifact": history["old_path"].where(change == "R", ""),
    })


def contributions_from_git(repo_path: Union[str, "os.PathLike[str]"], rev: str = "HEAD") -> pd.DataFrame:
    """Runs ``git log`` on a repository and returns its contributions table, oldest first
    (author e-mail as person_id; renames found with git's default similarity; merge commits give
    no rows; copies and type changes are not authorship events and give no rows either)."""
    import subprocess

    out = subprocess.run(
        ["git", "-C", os.fspath(repo_path), "-c", "diff.renameLimit=999999", "log", rev, "--name-status",
         "--find-renames", "--no-color", "--format=%x00%H%x09%at%x09%ae"],
        check=True, capture_output=True, text=True, encoding="utf-8", errors="replace").stdout
    rows = []
    author, timestamp = "", 0
    for line in out.splitlines():
        if line.startswith("\x00"):
            _, timestamp_text, author = line[1:].split("\t", 2)
            timestamp = int(timestamp_text)
            continue
        if not line.strip():
            continue
        parts = line.split("\t")
        code = parts[0][:1]
        if code not in _GIT_ACTIONS:
            continue  # C (copy), T (type change), U: not authorship events
        if code == "R":
            rows.append((author, parts[2], "rename", timestamp, parts[1]))
        else:
            rows.append((author, parts[1], _GIT_ACTIONS[code], timestamp, ""))
    rows.reverse()  # oldest first
    return pd.DataFrame(rows, columns=["person_id", "artifact", "action", "date", "previous_artifact"])

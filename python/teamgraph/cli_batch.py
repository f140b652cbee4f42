"""`teamgraph batch INPUT... --out FILE`: one row of scores per team folder (or team JSON file),
the teams that cannot be read listed beside it. cli.py hands it the parsed arguments."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Sequence

from .errors import OrgDataError
from .export import csv_safe


def _is_team(folder: Path) -> bool:
    """A folder with a people table (people.csv, people.xlsx or people.parquet)."""
    return any((folder / f"people{suffix}").exists() for suffix in (".csv", ".xlsx", ".parquet"))


def _teams(inputs: Sequence[str]) -> List[Path]:
    teams: List[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir() and not _is_team(path):
            teams.extend(sorted(p for p in path.iterdir() if (p.is_dir() and _is_team(p)) or p.suffix == ".json"))
        else:
            teams.append(path)
    return teams


def cmd_batch(args: argparse.Namespace) -> int:
    import pandas as pd

    from .cli import EXIT_BAD_INPUT, EXIT_OK, _assess, _BadInput, _catalog, _load

    out = Path(args.out)
    if out.suffix not in (".csv", ".parquet", ".jsonl"):
        raise _BadInput("cli.error.batch_out_suffix", name=repr(out.name))
    c = _catalog(args)
    teams = _teams(args.inputs)
    errors_path = out.with_name(out.stem + ".errors.jsonl")
    warnings_path = out.with_name(out.stem + ".warnings.jsonl")
    rows, errors, warned = [], [], []
    progress = sys.stderr.isatty()
    for k, team in enumerate(teams, start=1):
        try:
            org = _load(str(team), args)
            report = _assess(org, args)
        except OrgDataError as err:
            errors.append({"team": str(team), "problems": [p.to_dict() for p in err.problems]})
        else:
            row: Dict[str, Any] = {"team": str(team), "name": org.name, "people": org.headcount}
            if args.lenient:  # what was left out is counted here and listed in the warnings file
                row["warnings"] = len(org.warnings)
                if org.warnings:
                    warned.append({"team": str(team), "warnings": [p.to_dict() for p in org.warnings]})
            row.update({name: value for name, value in report.scores.items()})
            row["weakest"] = report.weakest
            for severity, count in report.findings.severity_counts().items():
                row[f"findings_{severity}"] = count
            rows.append(row)
        if progress:
            done = int(30 * k / max(1, len(teams)))
            sys.stderr.write(f"\r[{'#' * done}{' ' * (30 - done)}] " + c.text("batch.progress", done=k, count=len(teams)))
            sys.stderr.flush()
    if progress:
        sys.stderr.write("\n")
    frame = pd.DataFrame(rows)
    if out.suffix == ".csv":
        csv_safe(frame).to_csv(out, index=False)
    elif out.suffix == ".parquet":
        frame.to_parquet(out, index=False)
    else:
        frame.to_json(out, orient="records", lines=True, force_ascii=False)
    if errors:
        with open(errors_path, "w", encoding="utf-8") as f:
            for e in errors:
                f.write(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n")
    elif errors_path.exists():
        errors_path.unlink()
    if warned:
        with open(warnings_path, "w", encoding="utf-8") as f:
            for w in warned:
                f.write(json.dumps(w, ensure_ascii=False, sort_keys=True) + "\n")
        print(c.text("batch.warnings", count=len(warned), path=warnings_path))
    elif warnings_path.exists():
        warnings_path.unlink()
    if errors:
        print(c.text("batch.scored_with_errors", count=len(rows), out=out, errors=len(errors), errors_path=errors_path))
    else:
        print(c.text("batch.scored", count=len(rows), out=out))
    return EXIT_BAD_INPUT if errors else EXIT_OK

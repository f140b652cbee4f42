"""The teamgraph command line.

    teamgraph report [PATH] [--format text|json] [--out FILE]
    teamgraph validate PATH

Exit codes: 0 ok, 2 bad input (the problems are printed).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Dict, List, Optional, Sequence

import numpy as np

from . import __version__
from .errors import OrgDataError
from .org import TABLES, Org, read_org, sample_team_path
from .report import SEVERITIES, Report, assess

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def summary(org: Org) -> Dict[str, Any]:
    """The validated org at a glance: people, tiers, units, layers, spans, tables, warnings."""
    h = org.hierarchy
    people = org.people
    manager = np.asarray(h["manager"])
    reports = np.bincount(manager[manager >= 0], minlength=len(org)) if len(org) else np.zeros(0, dtype=np.int64)
    spans = reports[reports > 0]
    tiers = people["tier"].value_counts().reindex(["core", "execution", "support"], fill_value=0)
    return {
        "team": org.name,
        "people": len(org),
        "tiers": {str(k): int(v) for k, v in tiers.items()},
        "departments": int(people["department"].nunique()),
        "units": int(len(spans)),
        "layers": int(h["layers"]),
        "tops": [org.ids[int(t)] for t in h["tops"]],
        "span_of_control": None if not len(spans) else {
            "min": int(spans.min()), "median": float(np.median(spans)), "max": int(spans.max())},
        "tables": {name: int(len(org.table(name))) for name in TABLES if name in org.tables},
        "warnings": [p.to_dict() for p in org.warnings],
    }


def _format_text(s: Dict[str, Any], report: Report, top: int) -> str:
    lines = [f"teamgraph {__version__} report: {s['team'] or '(unnamed team)'}", ""]
    tiers = ", ".join(f"{v} {k}" for k, v in s["tiers"].items())
    lines.append(f"  people       {s['people']} ({tiers})")
    lines.append(f"  departments  {s['departments']}")
    lines.append(f"  units        {s['units']} managers with direct reports")
    lines.append(f"  layers       {s['layers']}")
    lines.append(f"  top          {', '.join(s['tops']) or '-'}")
    if s["span_of_control"]:
        span = s["span_of_control"]
        lines.append(f"  span         {span['min']} to {span['max']} direct reports (median {span['median']:g})")
    lines.append("")
    lines.append("  tables       " + ", ".join(f"{k} ({v} rows)" for k, v in s["tables"].items()))
    lines.append("")
    if s["warnings"]:
        lines.append(f"  {len(s['warnings'])} warning(s):")
        lines.extend(f"    {w['file']}: {w['code']}: {w['message']}" for w in s["warnings"])
    else:
        lines.append("  problems     none found")
    lines.append("")
    lines.append("Scores (weakest first)")
    assessed = sorted(((v, k) for k, v in report.scores.items() if v is not None))
    for value, name in assessed:
        lines.append(f"  {name:<24} {value:5.1f}")
    for name, reason in sorted(report.absent_reasons.items()):
        lines.append(f"  {name:<24}   n/a  ({reason})")
    tf = report.truck_factor
    if tf is not None:
        lines.append(f"  {'truck_factor':<24} {tf.value:5d}  (people whose departure leaves most of "
                     f"{tf.artifacts} artifacts with no one who knows them)")
    lines.append("")
    shown = report.findings[:top] if top > 0 else report.findings
    lines.append(f"Findings ({len(report.findings)}; {len(shown)} shown, most severe first)")
    for severity in SEVERITIES:
        group = [f for f in shown if f.severity == severity]
        if not group:
            continue
        lines.append(f"  {severity.upper()}")
        for f in group:
            lines.append(f"    - {f.message}")
            evidence = ", ".join(f"{k} {v:.3g}" for k, v in f.evidence.items())
            lines.append(f"      who: {', '.join(f.people) or '-'}; evidence: {evidence}")
            lines.append(f"      do: {f.recommendation}")
    return "\n".join(lines) + "\n"


def _print_problems(err: OrgDataError, out) -> None:
    print(f"{len(err.problems)} problem(s) in the org data:", file=out)
    for p in err.problems:
        print(f"  {p}", file=out)


def _load(path: Optional[str]) -> Org:
    return read_org(path if path else sample_team_path())


def cmd_report(args: argparse.Namespace) -> int:
    try:
        org = _load(args.path)
    except OrgDataError as err:
        _print_problems(err, sys.stderr)
        return EXIT_BAD_INPUT
    s = summary(org)
    try:
        report = assess(org, policy=args.policy)
    except (ValueError, OSError) as err:  # a bad policy file
        print(f"teamgraph: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.format == "json":
        text = json.dumps({"summary": s, **report.to_dict()}, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    else:
        text = _format_text(s, report, args.top)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    try:
        org = read_org(args.path)
    except OrgDataError as err:
        _print_problems(err, sys.stdout)
        return EXIT_BAD_INPUT
    s = summary(org)
    print(f"ok: {s['people']} people, {s['units']} units, {s['layers']} layers, tables: {', '.join(s['tables'])}")
    for w in s["warnings"]:
        print(f"  warning {w['file']}: {w['code']}: {w['message']}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="teamgraph", description="Org-health analytics on an org graph.")
    parser.add_argument("--version", action="version", version=f"teamgraph {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    report = sub.add_parser("report", help="report on a team (default: the bundled sample team)",
                            description="Loads and validates a team and prints its report.")
    report.add_argument("path", nargs="?", help="team folder or JSON file (default: the sample team)")
    report.add_argument("--format", choices=["text", "json"], default="text")
    report.add_argument("--out", help="write the report to this file instead of standard output")
    report.add_argument("--policy", help="JSON file of policy overrides (see teamgraph.default_policy())")
    report.add_argument("--top", type=int, default=10, help="findings to show in text (0: all; default 10)")
    report.set_defaults(func=cmd_report)

    validate = sub.add_parser("validate", help="list every data problem of a team, or say ok",
                              description="Checks a team folder or JSON file and lists every problem.")
    validate.add_argument("path", help="team folder or JSON file")
    validate.set_defaults(func=cmd_validate)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())

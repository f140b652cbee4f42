"""The teamgraph command line.

    teamgraph report [PATH] [--format text|markdown|json|html] [--aggregate-only] [--out FILE] [--policy FILE]
                     [--min-group-size N] [--fail-on SEVERITY] [--pseudonymize KEY_FILE] [--top N]
                     [--lang en|zh-CN] [--lenient]
    teamgraph what-if PATH --leave ID [--leave ID ...] [--promote SEAT=SUCCESSOR] [--move PERSON=MANAGER]
    teamgraph validate PATH
    teamgraph batch DIR_OR_FILES... --out results.(csv|parquet|jsonl)
    teamgraph policy --dump

The words follow --lang, else the locale (LC_ALL, LC_MESSAGES, LANG: zh_CN.UTF-8 gives Chinese),
else English. Exit codes: 0 ok; 1 a finding at or above --fail-on; 2 bad input or usage (the problems are
printed); 3 an internal error (a bug: no traceback unless TEAMGRAPH_DEBUG=1); 130 interrupted (Ctrl-C).
Nothing personal is logged: problems and reports go only where the command writes them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from . import __version__
from .errors import OrgDataError
from .catalog import LANGUAGES, Catalog, language_from_environment
from . import _core
from .export import csv_safe, read_key, scrub, summary, to_text
from .org import Org, read_org, sample_team_path
from .report import SEVERITIES, Report, assess, default_policy

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130  # as a shell reports Ctrl-C
MIN_GROUP_SIZE_FLOOR = _core.min_group_size_floor


class _BadInput(Exception):
    """A problem with the command's input: printed, exit code 2."""


def _print_problems(err: OrgDataError, out, catalog: Catalog) -> None:
    print(catalog.text("problems.heading", count=len(err.problems)), file=out)
    for p in err.problems:
        print(catalog.text("problems.item", problem=p), file=out)


_warned_languages: set = set()


def _catalog(args: argparse.Namespace) -> Catalog:
    """The words of the language asked for: --lang, else the locale variables (LC_ALL,
    LC_MESSAGES, LANG), else English. A language with no catalog gives English and a warning on
    standard error (once a language)."""
    lang = getattr(args, "lang", None)
    if lang is None:
        return Catalog.get(language_from_environment(os.environ))
    try:
        return Catalog.get(lang)
    except ValueError as err:
        if lang not in _warned_languages:
            _warned_languages.add(lang)
            print(f"teamgraph: warning: {err}; the report is in English", file=sys.stderr)
        return Catalog.get()


def _load(path: Optional[str], args: Optional[argparse.Namespace] = None) -> Org:
    return read_org(path if path else sample_team_path(), lenient=bool(getattr(args, "lenient", False)),
                    follow_symlinks=bool(getattr(args, "follow_symlinks", False)))


def _policy(args: argparse.Namespace) -> Optional[Dict[str, Any]]:
    """The caller's policy overrides: the --policy file, then --min-group-size. A policy file may
    not lower min_group_size under the floor: that takes the explicit flag."""
    overrides: Dict[str, Any] = {}
    path = getattr(args, "policy", None)
    if path:
        try:
            overrides = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as err:
            raise _BadInput(f"{path}: not a JSON policy file ({err})") from err
        if not isinstance(overrides, dict):
            raise _BadInput(f"{path}: expected a JSON object of policy overrides")
        size = overrides.get("min_group_size")
        if isinstance(size, int) and not isinstance(size, bool) and size < MIN_GROUP_SIZE_FLOOR:
            raise _BadInput(f"{path}: min_group_size: expected at least {MIN_GROUP_SIZE_FLOOR}, found {size}; "
                            "lower it with --min-group-size if you mean to")
    size = getattr(args, "min_group_size", None)
    if size is not None:
        overrides["min_group_size"] = size
    return overrides or None


def _assess(org: Org, args: argparse.Namespace) -> Report:
    try:
        report = assess(org, policy=_policy(args), lang=_catalog(args).language)
    except (ValueError, OSError) as err:  # a bad policy file
        raise _BadInput(str(err)) from err
    key_file = getattr(args, "pseudonymize", None)
    if key_file:
        try:
            report = report.pseudonymize(read_key(key_file))
        except (ValueError, OSError) as err:
            raise _BadInput(str(err)) from err
    return report


def _check_out(out: Optional[str]) -> None:
    """--out must name a file in a folder that exists: checked before any work is done."""
    if not out:
        return
    path = Path(out)
    if path.is_dir():
        raise _BadInput(f"--out {out}: is a folder; give a file name")
    if not path.parent.is_dir():
        raise _BadInput(f"--out {out}: the folder {str(path.parent)!r} does not exist")


def _write(text: str, out: Optional[str]) -> None:
    if not out:
        sys.stdout.write(text)
        return
    try:
        Path(out).write_text(text, encoding="utf-8")
    except OSError as err:
        raise _BadInput(f"--out {out}: cannot write ({err.strerror})") from err


def _fails(report: Report, fail_on: Optional[str]) -> bool:
    if not fail_on:
        return False
    limit = SEVERITIES.index(fail_on)
    return any(SEVERITIES.index(f.severity) <= limit for f in report.findings)


def cmd_report(args: argparse.Namespace) -> int:
    org = _load(args.path, args)
    report = _assess(org, args)
    if args.aggregate_only and args.format != "json":
        raise _BadInput("--aggregate-only is a form of the JSON report: use it with --format json")
    if args.format == "json":
        text = report.to_json(aggregate_only=args.aggregate_only)
    elif args.format == "markdown":
        text = report.to_markdown(top=args.top)
    elif args.format == "html":
        text = report.to_html()
    else:
        text = to_text(report, args.top, color=sys.stdout.isatty() and os.environ.get("NO_COLOR") is None)
    _write(text, args.out)
    return EXIT_FINDINGS if _fails(report, args.fail_on) else EXIT_OK


def _pairs(values: Optional[List[str]], flag: str) -> Dict[str, str]:
    out = {}
    for value in values or []:
        left, sep, right = value.partition("=")
        if not sep or not left or not right:
            raise _BadInput(f"{flag} expects A=B, got {value!r}")
        out[left] = right
    return out


def cmd_what_if(args: argparse.Namespace) -> int:
    org = _load(args.path, args)
    before = _assess(org, args)
    try:
        changed = org.what_if(leave=args.leave or [], promote=_pairs(args.promote, "--promote"),
                              move=_pairs(args.move, "--move"), fill=not args.no_fill, policy=_policy(args))
    except ValueError as err:
        if isinstance(err, OrgDataError):
            if not before.pseudonymized:
                raise
            # The changed org's problems (a reporting cycle) name people: by pseudonym here.
            raise _BadInput("\n".join(scrub([str(p) for p in err.problems], org, before._ids))) from err
        message = str(err)
        if before.pseudonymized:  # the message names people by id: by pseudonym here
            message = scrub([message], org, before._ids)[0]
        raise _BadInput(message) from err
    after = _assess(changed, args)
    diff = before.diff(after)
    if args.format == "json":
        text = json.dumps(diff.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    else:
        text = diff.to_text() + "\n"
    _write(text, args.out)
    return EXIT_FINDINGS if _fails(after, args.fail_on) else EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    try:
        org = _load(args.path, args)
    except OrgDataError as err:
        _print_problems(err, sys.stdout, _catalog(args))
        return EXIT_BAD_INPUT
    c = _catalog(args)
    s = summary(org)
    print(c.text("validate.ok", people=c.text("count.people", count=s["people"]),
                 units=c.text("validate.units", count=s["units"]), layers=c.text("validate.layers", count=s["layers"]),
                 tables=c.text("list.separator").join(s["tables"])))
    for w in s["warnings"]:
        print(c.text("validate.warning", **w))
    return EXIT_OK


def _teams(inputs: Sequence[str]) -> List[Path]:
    teams: List[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir() and not (path / "people.csv").exists():
            teams.extend(sorted(p for p in path.iterdir() if (p.is_dir() and (p / "people.csv").exists())
                                or p.suffix == ".json"))
        else:
            teams.append(path)
    return teams


def cmd_batch(args: argparse.Namespace) -> int:
    import pandas as pd

    out = Path(args.out)
    if out.suffix not in (".csv", ".parquet", ".jsonl"):
        raise _BadInput(f"--out must end in .csv, .parquet or .jsonl, not {out.name!r}")
    c = _catalog(args)
    teams = _teams(args.inputs)
    errors_path = out.with_name(out.stem + ".errors.jsonl")
    rows, errors = [], []
    progress = sys.stderr.isatty()
    for k, team in enumerate(teams, start=1):
        try:
            org = read_org(team)
            report = _assess(org, args)
        except OrgDataError as err:
            errors.append({"team": str(team), "problems": [p.to_dict() for p in err.problems]})
        else:
            row: Dict[str, Any] = {"team": str(team), "name": org.name, "people": len(org)}
            row.update({name: value for name, value in report.scores.items()})
            row["weakest"] = report.weakest
            for severity in SEVERITIES:
                row[f"findings_{severity}"] = sum(f.severity == severity for f in report.findings)
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
    if errors:
        print(c.text("batch.scored_with_errors", count=len(rows), out=out, errors=len(errors), errors_path=errors_path))
    else:
        print(c.text("batch.scored", count=len(rows), out=out))
    return EXIT_BAD_INPUT if errors else EXIT_OK


def cmd_policy(args: argparse.Namespace) -> int:
    print(json.dumps(default_policy(), indent=2, sort_keys=True))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="teamgraph", description="Org-health analytics on an org graph.")
    parser.add_argument("--version", action="version", version=f"teamgraph {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def scoring_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--policy", help="JSON file of policy overrides (teamgraph policy --dump shows them all)")
        p.add_argument("--pseudonymize", metavar="KEY_FILE",
                       help="replace every person id and name by a keyed hash (HMAC-SHA-256) of the id")
        p.add_argument("--fail-on", choices=SEVERITIES, help="exit 1 when a finding is at least this severe")
        p.add_argument("--out", help="write to this file instead of standard output")
        p.add_argument("--min-group-size", type=int, metavar="N",
                       help=f"withhold group figures over fewer than N people (default and floor for policy files: "
                            f"{MIN_GROUP_SIZE_FLOOR}; below it only with this flag)")
        lenient_option(p)
        language_option(p)

    def lenient_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lenient", action="store_true",
                       help="leave out records with problems (and those that refer to them) and report them as "
                            "warnings, instead of refusing the team")
        p.add_argument("--follow-symlinks", action="store_true",
                       help="read tables that are symbolic links to files outside the team folder (refused by default)")

    def language_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lang", help=f"language of the report's words: {', '.join(LANGUAGES)} (default: from "
                                      "LC_ALL, LC_MESSAGES or LANG, else en)")

    report = sub.add_parser("report", help="the full report on a team (default: the bundled sample team)",
                            description="Loads and validates a team, scores it and prints the report.")
    report.add_argument("path", nargs="?", help="team folder or JSON file (default: the sample team)")
    report.add_argument("--format", choices=["text", "markdown", "json", "html"], default="text")
    report.add_argument("--aggregate-only", action="store_true",
                        help="JSON for readers who should not see individuals: no per-person rows, ids or names; "
                             "every group figure over at least the minimum group size (docs/scores.md, Privacy)")
    report.add_argument("--top", type=int, default=10, help="findings to show in text and markdown (0: all)")
    scoring_options(report)
    report.set_defaults(func=cmd_report)

    what_if = sub.add_parser("what-if", help="how the report changes if people leave, are promoted or move",
                             description="Scores the team before and after the changes and prints the difference.")
    what_if.add_argument("path", help="team folder or JSON file")
    what_if.add_argument("--leave", action="append", metavar="ID", help="a person who leaves (repeatable)")
    what_if.add_argument("--promote", action="append", metavar="SEAT=SUCCESSOR",
                         help="the successor takes the seat of SEAT, who leaves or is promoted (repeatable)")
    what_if.add_argument("--move", action="append", metavar="PERSON=MANAGER", help="a new manager (repeatable)")
    what_if.add_argument("--no-fill", action="store_true",
                         help="leave vacated seats empty unless --promote fills them (default: the best ready-now "
                              "successor steps up, down the vacancy cascade)")
    what_if.add_argument("--format", choices=["text", "json"], default="text")
    scoring_options(what_if)
    what_if.set_defaults(func=cmd_what_if)

    validate = sub.add_parser("validate", help="list every data problem of a team, or say ok",
                              description="Checks a team folder or JSON file and lists every problem.")
    validate.add_argument("path", help="team folder or JSON file")
    lenient_option(validate)
    language_option(validate)
    validate.set_defaults(func=cmd_validate)

    batch = sub.add_parser("batch", help="score many teams into one table",
                           description="Scores every team (a team folder, a JSON file, or a folder of them) into one "
                                       "row each; teams with bad data go to OUT.errors.jsonl and the rest go on.")
    batch.add_argument("inputs", nargs="+", metavar="DIR_OR_FILE")
    batch.add_argument("--out", required=True, help="results.csv, results.parquet or results.jsonl")
    batch.add_argument("--policy", help="JSON file of policy overrides")
    language_option(batch)
    batch.set_defaults(func=cmd_batch)

    policy = sub.add_parser("policy", help="the scoring policy", description="Prints the default policy as JSON.")
    policy.add_argument("--dump", action="store_true", required=True, help="print the default policy")
    policy.set_defaults(func=cmd_policy)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        _check_out(getattr(args, "out", None))
        return int(args.func(args))
    except OrgDataError as err:
        _print_problems(err, sys.stderr, _catalog(args))
        return EXIT_BAD_INPUT
    except _BadInput as err:
        print(f"teamgraph: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("teamgraph: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as err:  # a bug, not the user's doing: no traceback unless asked for
        if os.environ.get("TEAMGRAPH_DEBUG"):
            raise
        # The type only: an exception's text may quote the team's data.
        print(f"teamgraph: internal error ({type(err).__name__}); please report it. TEAMGRAPH_DEBUG=1 shows the "
              "traceback", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())

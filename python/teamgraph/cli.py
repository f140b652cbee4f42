"""The teamgraph command line.

    teamgraph report [PATH] [--format text|markdown|json|html] [--aggregate-only] [--out FILE] [--policy FILE]
                     [--min-group-size N] [--fail-on SEVERITY] [--pseudonymize KEY_FILE] [--top N]
                     [--score NAME ...] [--code CODE ...] [--lang en|zh-CN] [--lenient]
    teamgraph what-if PATH --leave ID [--leave ID ...] [--promote SEAT=SUCCESSOR] [--move PERSON=MANAGER]
                      [--add-successor SEAT=PERSON[:READINESS]] [--suggest]
    teamgraph validate PATH
    teamgraph batch DIR_OR_FILES... --out results.(csv|parquet|jsonl)
    teamgraph policy --dump
    teamgraph trend SNAPSHOT... [--format text|json|html] [--out FILE] [--policy FILE] [--pseudonymize KEY_FILE]
    teamgraph import EXPORT --map MAPPING.toml --out TEAM_DIR
    teamgraph import --suggest EXPORT
    teamgraph import-calendar FILE.ics --people TEAM_DIR [--out DIR] [--titles REGEX]
    teamgraph import-messages FILE --people TEAM_DIR [--out DIR] [--columns sender=From,time=Sent]

The words follow --lang, else the locale (LC_ALL, LC_MESSAGES, LANG: zh_CN.UTF-8 gives Chinese),
else English: the report's, and the command's own (--help, its messages and argparse's words, the
catalog's entries cli.*; see cli_words). Exit codes: 0 ok; 1 a finding at or above --fail-on; 2 bad
input or usage (the problems are printed); 3 an internal error (a bug: no traceback unless
TEAMGRAPH_DEBUG=1); 130 interrupted (Ctrl-C).
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
from .errors import OrgDataError, RequestError
from .catalog import LANGUAGES, Catalog, language_from_environment
from .cli_words import Parser, typed
from . import _core
from .cli_batch import cmd_batch
from .cli_findings import add_filter_options, finding_filter
from .cli_import import cmd_import, cmd_import_calendar, cmd_import_messages
from .export import problem_line, problem_message, read_key, scrub, summary, to_text
from .json_report import write_json
from .files import ReportFile, write_text
from .finding_filter import FindingFilter
from .org import Org, read_org, sample_team_path
from .findings import SEVERITIES
from .report import Report, assess, default_policy

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130  # as a shell reports Ctrl-C
MIN_GROUP_SIZE_FLOOR = _core.min_group_size_floor


class _BadInput(Exception):
    """A problem with the command's input: printed, exit code 2. The catalog entry `key` with its
    arguments; with no key, a message of the library as it is (``_BadInput(message=str(err))``)."""

    def __init__(self, key: Optional[str] = None, **values: Any) -> None:
        super().__init__(key or values.get("message"))
        self.key, self.values = key, values

    def text(self, catalog: Catalog) -> str:
        return catalog.text(self.key, **self.values) if self.key else str(self.values["message"])


def _print_problems(err: OrgDataError, out, catalog: Catalog) -> None:
    print(catalog.text("problems.heading", count=len(err.problems)), file=out)
    for p in err.problems:
        print(catalog.text("problems.item", problem=catalog.problem(p)), file=out)


_warned_languages: set = set()


def _catalog_for(lang: Optional[str]) -> Catalog:
    """The words of the language asked for: `lang` (--lang), else the locale variables (LC_ALL,
    LC_MESSAGES, LANG), else English. A language with no catalog gives English and a warning on
    standard error (once a language)."""
    if lang is None:
        return Catalog.get(language_from_environment(os.environ))
    try:
        return Catalog.get(lang)
    except ValueError:
        english = Catalog.get()
        if lang not in _warned_languages:
            _warned_languages.add(lang)
            print(english.text("cli.unknown_language", lang=repr(lang),
                               languages=english.text("list.separator").join(LANGUAGES)), file=sys.stderr)
        return english


def _catalog(args: argparse.Namespace) -> Catalog:
    """The words of the language the parsed command asks for (see _catalog_for)."""
    return _catalog_for(getattr(args, "lang", None))


def _lang_in(argv: Sequence[str]) -> Optional[str]:
    """The value of --lang in the command line (``--lang X`` or ``--lang=X``; the last one, as
    argparse takes it), before the parser is built: --help speaks that language. None if absent."""
    lang = None
    for k, arg in enumerate(argv):
        if arg == "--":
            break
        if arg.startswith("--lang="):
            lang = arg[len("--lang="):]
        elif arg == "--lang" and k + 1 < len(argv) and not argv[k + 1].startswith("-"):
            lang = argv[k + 1]
    return lang


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
            raise _BadInput("cli.error.policy_not_json", path=path, error=str(err)) from err
        if not isinstance(overrides, dict):
            raise _BadInput("cli.error.policy_not_object", path=path)
        size = overrides.get("min_group_size")
        if isinstance(size, int) and not isinstance(size, bool) and size < MIN_GROUP_SIZE_FLOOR:
            raise _BadInput("cli.error.policy_min_group_size", path=path, floor=MIN_GROUP_SIZE_FLOOR, size=size)
    size = getattr(args, "min_group_size", None)
    if size is not None:
        overrides["min_group_size"] = size
    return overrides or None


def _assess(org: Org, args: argparse.Namespace) -> Report:
    try:
        report = assess(org, policy=_policy(args), lang=_catalog(args).language)
    except RequestError as err:  # policy settings the core cannot take: in the command's language
        raise _BadInput(message=err.text(_catalog(args).language)) from err
    except (ValueError, OSError) as err:  # a bad policy file
        raise _BadInput(message=str(err)) from err
    key_file = getattr(args, "pseudonymize", None)
    if key_file:
        try:
            report = report.pseudonymize(read_key(key_file))
        except (ValueError, OSError) as err:
            raise _BadInput(message=str(err)) from err
    return report


def _check_out(out: Optional[str]) -> None:
    """--out must name a file in a folder that exists: checked before any work is done."""
    if not out:
        return
    path = Path(out)
    if path.is_dir():
        raise _BadInput("cli.error.out_is_folder", out=out)
    if not path.parent.is_dir():
        raise _BadInput("cli.error.out_folder_missing", out=out, folder=repr(str(path.parent)))


def _write(text: str, out: Optional[str]) -> None:
    if not out:
        sys.stdout.write(text)
        return
    try:
        write_text(out, text)
    except OSError as err:
        raise _BadInput("cli.error.out_cannot_write", out=out, error=err.strerror) from err


def _write_json(report: Report, out: Optional[str]) -> None:
    """The full JSON report, written a block at a time (no copy of a large report in memory)."""
    if not out:
        sys.stdout.flush()
        write_json(report, sys.stdout.buffer.write)
        sys.stdout.buffer.flush()
        return
    try:
        with ReportFile(out) as f:  # straight to the disk where it can be: a big report is gigabytes
            write_json(report, f.write)
    except OSError as err:
        raise _BadInput("cli.error.out_cannot_write", out=out, error=err.strerror) from err


def _fails(report: Report, fail_on: Optional[str], chosen: FindingFilter = FindingFilter()) -> bool:
    """A finding at or above `fail_on`, of those `chosen` keeps (report --score, --code); read
    from the severity column, without making a Finding."""
    if not fail_on:
        return False
    if not chosen:
        return report.findings.any_at_least(fail_on)
    columns = report.findings.columns
    limit = columns["severities"].index(fail_on)
    return any(columns["severity"][k] >= limit for k in chosen.indices(report.findings))


def cmd_report(args: argparse.Namespace) -> int:
    chosen = finding_filter(args, _catalog(args), _BadInput)
    org = _load(args.path, args)
    report = _assess(org, args)
    if args.aggregate_only and args.format != "json":
        raise _BadInput("cli.error.aggregate_only_needs_json")
    if args.format == "json" and not args.aggregate_only:  # written in pieces: no copy of a large report
        _write_json(report, args.out)
        return EXIT_FINDINGS if _fails(report, args.fail_on) else EXIT_OK
    if args.format == "json":
        text = report.to_json(aggregate_only=args.aggregate_only)
    elif args.format == "markdown":
        text = report.to_markdown(top=args.top, scores=chosen.scores, codes=chosen.codes)
    elif args.format == "html":
        text = report.to_html(top=args.top, scores=chosen.scores, codes=chosen.codes)
    else:
        text = to_text(report, args.top, color=sys.stdout.isatty() and os.environ.get("NO_COLOR") is None,
                       scores=chosen.scores, codes=chosen.codes)
    _write(text, args.out)
    return EXIT_FINDINGS if _fails(report, args.fail_on, chosen) else EXIT_OK


def _pairs(values: Optional[List[str]], flag: str) -> Dict[str, str]:
    out = {}
    for value in values or []:
        left, sep, right = value.partition("=")
        if not sep or not left or not right:
            raise _BadInput("cli.error.pair_expected", option=flag, value=repr(value))
        out[left] = right
    return out


def cmd_what_if(args: argparse.Namespace) -> int:
    org = _load(args.path, args)
    before = _assess(org, args)
    if args.suggest:
        return _print_suggestions(org, before, args)
    try:
        changed = org.what_if(leave=args.leave or [], promote=_pairs(args.promote, "--promote"),
                              move=_pairs(args.move, "--move"), fill=not args.no_fill, policy=_policy(args),
                              add_successor=_added_successors(args.add_successor))
    except ValueError as err:
        if isinstance(err, OrgDataError):
            if not before.pseudonymized:
                raise
            # The changed org's problems (a reporting cycle) name people: by pseudonym here.
            raise _BadInput(message="\n".join(problem_line(p, before.catalog, org, before._ids)
                                              for p in err.problems)) from err
        if isinstance(err, RequestError):  # a change that cannot be made, in the report's language
            messages = None
            if before.pseudonymized:  # the messages name people by id: by pseudonym here
                messages = [problem_message(p, before.catalog, org, before._ids) for p in err.problems]
            raise _BadInput(message=err.text(before.catalog.language, messages)) from err
        message = str(err)
        if before.pseudonymized:  # the message names people by id: by pseudonym here
            message = scrub([message], org, before._ids)[0]
        raise _BadInput(message=message) from err
    after = _assess(changed, args)
    diff = before.diff(after)
    if args.format == "json":
        text = diff.to_json()
    else:
        text = diff.to_text() + "\n"
    _write(text, args.out)
    return EXIT_FINDINGS if _fails(after, args.fail_on) else EXIT_OK


_READINESS = ("ready_now", "ready_1_2y", "ready_3y_plus")


def _added_successors(values: Optional[List[str]]) -> List[tuple]:
    """--add-successor SEAT=PERSON[:READINESS] (ready_now when not given) as what_if rows."""
    rows = []
    for value in values or []:
        seat, sep, person = value.partition("=")
        if not sep or not seat or not person:
            raise _BadInput("cli.error.pair_expected", option="--add-successor", value=repr(value))
        head, sep, tail = person.rpartition(":")
        rows.append((seat, head, tail) if sep and head and tail in _READINESS else (seat, person, "ready_now"))
    return rows


def _print_suggestions(org: Org, report: Report, args: argparse.Namespace) -> int:
    """what-if --suggest: add_successor suggestions from the talent grid's reserve pool."""
    from .talent_grid import suggest_successors, suggestions_output

    frame = suggest_successors(org, policy=_policy(args))
    _write(suggestions_output(frame, org, report, as_json=args.format == "json"), args.out)
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    try:
        org = _load(args.path, args)
    except OrgDataError as err:
        _print_problems(err, sys.stdout, _catalog(args))
        return EXIT_BAD_INPUT
    c = _catalog(args)
    s = summary(org, catalog=c, reading=True)
    print(c.text("validate.ok", people=c.text("count.people", count=s["people"]),
                 units=c.text("validate.units", count=s["units"]), layers=c.text("validate.layers", count=s["layers"]),
                 tables=c.text("list.separator").join(s["tables"])))
    for w in s["warnings"]:
        print(c.text("validate.warning", **w))
    return EXIT_OK


def cmd_policy(args: argparse.Namespace) -> int:
    print(json.dumps(default_policy(), indent=2, sort_keys=True))
    return EXIT_OK


def build_parser(catalog: Optional[Catalog] = None) -> argparse.ArgumentParser:
    """The command line's parser, speaking `catalog`'s language (default English): its help and
    argparse's own words and usage errors (teamgraph.cli_words)."""
    c = catalog or Catalog.get()

    def words(key: str, **args: Any) -> str:  # an option's help: argparse fills it in with printf
        return c.text(key, **args).replace("%", "%%")

    parser = Parser(prog="teamgraph", description=c.text("cli.description"), catalog=c)
    parser.add_argument("--version", action="version", version=f"teamgraph {__version__}",
                        help=words("cli.argparse.version"))
    # COMMAND, not the list of commands: the list is wider than a terminal.
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_key: str, description_key: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=words(help_key), description=c.text(description_key))

    def scoring_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--policy", help=words("cli.option.policy"))
        p.add_argument("--pseudonymize", metavar="KEY_FILE", help=words("cli.option.pseudonymize"))
        p.add_argument("--fail-on", choices=SEVERITIES, help=words("cli.option.fail_on"))
        p.add_argument("--out", help=words("cli.option.out"))
        p.add_argument("--min-group-size", type=typed(int, c.text("cli.type.int")), metavar="N",
                       help=words("cli.option.min_group_size", floor=MIN_GROUP_SIZE_FLOOR))
        lenient_option(p)
        language_option(p)

    def lenient_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lenient", action="store_true", help=words("cli.option.lenient"))
        p.add_argument("--follow-symlinks", action="store_true", help=words("cli.option.follow_symlinks"))

    def language_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lang", help=words("cli.option.lang", languages=c.text("list.separator").join(LANGUAGES)))

    report = command("report", "cli.command.report.help", "cli.command.report.description")
    report.add_argument("path", nargs="?", help=words("cli.option.path_or_sample"))
    report.add_argument("--format", choices=["text", "markdown", "json", "html"], default="text")
    report.add_argument("--aggregate-only", action="store_true", help=words("cli.option.aggregate_only"))
    report.add_argument("--top", type=typed(int, c.text("cli.type.int")), default=10, help=words("cli.option.top"))
    add_filter_options(report, words, c.text("list.separator"))
    scoring_options(report)
    report.set_defaults(func=cmd_report)

    what_if = command("what-if", "cli.command.what_if.help", "cli.command.what_if.description")
    what_if.add_argument("path", help=words("cli.option.path"))
    what_if.add_argument("--leave", action="append", metavar="ID", help=words("cli.option.leave"))
    what_if.add_argument("--promote", action="append", metavar="SEAT=SUCCESSOR", help=words("cli.option.promote"))
    what_if.add_argument("--move", action="append", metavar="PERSON=MANAGER", help=words("cli.option.move"))
    what_if.add_argument("--no-fill", action="store_true", help=words("cli.option.no_fill"))
    what_if.add_argument("--add-successor", action="append", metavar="SEAT=PERSON[:READINESS]",
                         help=words("cli.option.add_successor"))
    what_if.add_argument("--suggest", action="store_true", help=words("cli.option.suggest_successors"))
    what_if.add_argument("--format", choices=["text", "json"], default="text")
    scoring_options(what_if)
    what_if.set_defaults(func=cmd_what_if)

    validate = command("validate", "cli.command.validate.help", "cli.command.validate.description")
    validate.add_argument("path", help=words("cli.option.path"))
    lenient_option(validate)
    language_option(validate)
    validate.set_defaults(func=cmd_validate)

    batch = command("batch", "cli.command.batch.help", "cli.command.batch.description")
    batch.add_argument("inputs", nargs="+", metavar="DIR_OR_FILE")
    batch.add_argument("--out", required=True, help=words("cli.option.batch_out"))
    batch.add_argument("--policy", help=words("cli.option.batch_policy"))
    lenient_option(batch)
    language_option(batch)
    batch.set_defaults(func=cmd_batch)

    importing = command("import", "cli.command.import.help", "cli.command.import.description")
    importing.add_argument("export", metavar="EXPORT", help=words("cli.option.export"))
    importing.add_argument("--map", metavar="MAPPING.toml", help=words("cli.option.map"))
    importing.add_argument("--out", dest="team_dir", metavar="TEAM_DIR", help=words("cli.option.team_dir"))
    importing.add_argument("--suggest", action="store_true", help=words("cli.option.suggest"))
    importing.add_argument("--sheet", help=words("cli.option.sheet"))
    importing.add_argument("--encoding", help=words("cli.option.encoding"))
    language_option(importing)
    importing.set_defaults(func=cmd_import)

    def source_options(p: argparse.ArgumentParser) -> None:  # import-calendar and import-messages
        p.add_argument("--people", required=True, metavar="TEAM_DIR", help=words("cli.option.people"))
        p.add_argument("--out", dest="team_dir", metavar="DIR", help=words("cli.option.sources_out"))
        language_option(p)

    calendar = command("import-calendar", "cli.command.import_calendar.help", "cli.command.import_calendar.description")
    calendar.add_argument("ics", metavar="FILE.ics", help=words("cli.option.ics"))
    calendar.add_argument("--titles", metavar="REGEX", help=words("cli.option.titles"))
    source_options(calendar)
    calendar.set_defaults(func=cmd_import_calendar)

    messages = command("import-messages", "cli.command.import_messages.help", "cli.command.import_messages.description")
    messages.add_argument("log", metavar="FILE", help=words("cli.option.log"))
    messages.add_argument("--columns", metavar="sender=From,time=Sent", help=words("cli.option.columns"))
    source_options(messages)
    messages.set_defaults(func=cmd_import_messages)

    policy = command("policy", "cli.command.policy.help", "cli.command.policy.description")
    policy.add_argument("--dump", action="store_true", required=True, help=words("cli.option.dump"))
    policy.set_defaults(func=cmd_policy)

    from .cli_trend import add_trend_command  # the trend command's options and body (cli_trend.py)

    add_trend_command(command, words, language_option)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # The parser is built in the language asked for, so that --help and usage errors speak it.
    args = build_parser(_catalog_for(_lang_in(argv))).parse_args(argv)
    c = _catalog(args)
    try:
        _check_out(getattr(args, "out", None))
        return int(args.func(args))
    except OrgDataError as err:
        _print_problems(err, sys.stderr, c)
        return EXIT_BAD_INPUT
    except _BadInput as err:
        print(c.text("cli.bad_input", message=err.text(c)), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(c.text("cli.interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as err:  # a bug, not the user's doing: no traceback unless asked for
        if os.environ.get("TEAMGRAPH_DEBUG"):
            raise
        # The type only: an exception's text may quote the team's data.
        print(c.text("cli.internal_error", error=type(err).__name__), file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())

"""`teamgraph import`, `import-calendar` and `import-messages`: an HR export, a calendar or a chat
log turned into the org's tables. cli.py hands them the parsed arguments."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Dict

from .errors import OrgDataError


def cmd_import(args: argparse.Namespace) -> int:
    from .cli import EXIT_OK, _BadInput, _catalog
    from .importer import import_export, summary_lines
    from .suggest import suggest_mapping

    c = _catalog(args)
    if args.suggest:
        try:
            text = suggest_mapping(args.export, lang=c.language, sheet=args.sheet, encoding=args.encoding)
        except (OSError, ValueError) as err:
            if isinstance(err, OrgDataError):
                raise
            raise _BadInput("cli.error.import_cannot_read", path=args.export, error=str(err)) from err
        sys.stdout.write(text)
        return EXIT_OK
    if not args.map or not args.team_dir:
        raise _BadInput("cli.error.import_needs_map_and_out")
    if Path(args.team_dir).exists() and not Path(args.team_dir).is_dir():
        raise _BadInput("cli.error.import_out_not_folder", out=args.team_dir)
    try:
        result = import_export(args.export, args.map)
    except OSError as err:
        raise _BadInput("cli.error.import_cannot_read", path=args.export, error=err.strerror) from err
    for line in summary_lines(result.summary, c):
        print(line)
    try:
        files = result.write(args.team_dir)
    except OSError as err:
        raise _BadInput("cli.error.out_cannot_write", out=args.team_dir, error=err.strerror) from err
    print(c.text("cli.import.wrote", out=args.team_dir, people=c.text("count.people", count=result.org.headcount),
                 files=c.text("list.separator").join(files)))
    print(c.text("cli.import.next", out=args.team_dir))
    return EXIT_OK


def _write_source(kind: str, result: Any, args: argparse.Namespace) -> int:
    from .cli import EXIT_OK, _BadInput, _catalog
    from .sources import summary_lines

    c = _catalog(args)
    for line in summary_lines(kind, result.summary, c):
        print(line)
    out = args.team_dir or args.people
    try:
        files = result.write(out)
    except OSError as err:
        raise _BadInput("cli.error.out_cannot_write", out=out, error=err.strerror) from err
    print(c.text("cli.sources.wrote", out=out, files=c.text("list.separator").join(files)))
    return EXIT_OK


def cmd_import_calendar(args: argparse.Namespace) -> int:
    from .cli import _BadInput
    from .sources import DEFAULT_TITLES, import_calendar

    try:
        result = import_calendar(args.ics, args.people, titles=args.titles or DEFAULT_TITLES)
    except OSError as err:
        raise _BadInput("cli.error.import_cannot_read", path=args.ics, error=err.strerror) from err
    return _write_source("calendar", result, args)


def cmd_import_messages(args: argparse.Namespace) -> int:
    from .cli import _BadInput
    from .sources import MESSAGE_COLUMNS, import_messages

    columns: Dict[str, str] = {}
    for item in (args.columns or "").split(","):
        if not item:
            continue
        name, sep, column = item.partition("=")
        if not sep or name not in MESSAGE_COLUMNS or not column:
            raise _BadInput("cli.error.columns_expected", value=repr(args.columns))
        columns[name] = column
    try:
        result = import_messages(args.log, args.people, columns)
    except (OSError, ValueError) as err:
        if isinstance(err, OrgDataError):
            raise
        raise _BadInput("cli.error.import_cannot_read", path=args.log, error=str(err)) from err
    return _write_source("messages", result, args)

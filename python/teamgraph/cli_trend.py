"""`teamgraph trend SNAPSHOT...`: the team over time (teamgraph.trend; docs/trend.md). Its parser
and its body, so that cli.py only hands it the command maker."""

from __future__ import annotations

import argparse
import os
from typing import Callable

from .findings import SEVERITIES


def add_trend_command(command: Callable[[str, str, str], argparse.ArgumentParser], words: Callable[..., str],
                      language_option: Callable[[argparse.ArgumentParser], None]) -> None:
    trend = command("trend", "cli.command.trend.help", "cli.command.trend.description")
    trend.add_argument("snapshots", nargs="+", metavar="SNAPSHOT", help=words("cli.option.snapshots"))
    trend.add_argument("--format", choices=["text", "json", "html"], default="text")
    trend.add_argument("--out", help=words("cli.option.out"))
    trend.add_argument("--policy", help=words("cli.option.trend_policy"))
    trend.add_argument("--pseudonymize", metavar="KEY_FILE", help=words("cli.option.pseudonymize"))
    trend.add_argument("--allow-gaps", action="store_true", help=words("cli.option.allow_gaps"))
    trend.add_argument("--fail-on", choices=SEVERITIES, help=words("cli.option.trend_fail_on"))
    language_option(trend)
    trend.set_defaults(func=cmd_trend)


def cmd_trend(args: argparse.Namespace) -> int:
    from .cli import EXIT_FINDINGS, EXIT_OK, _BadInput, _catalog, _write
    from .export import read_key
    from .trend import TrendError, trend

    c = _catalog(args)
    key = None
    if args.pseudonymize:
        try:
            key = read_key(args.pseudonymize)
        except (ValueError, OSError) as err:
            raise _BadInput(message=str(err)) from err
    # Snapshots named in any order give the same output: the trend orders them by period.
    snapshots = sorted(args.snapshots, key=os.fsencode)
    try:
        result = trend(snapshots, policy=args.policy, lang=c.language, key=key, allow_gaps=args.allow_gaps)
    except TrendError as err:
        raise _BadInput(message=err.text(c.language)) from err
    text = {"json": result.to_json, "html": result.to_html}.get(args.format, result.to_text)()
    _write(text, args.out)
    limit = SEVERITIES.index(args.fail_on) if args.fail_on else -1
    return EXIT_FINDINGS if any(SEVERITIES.index(f.severity) <= limit for f in result.series_findings) else EXIT_OK

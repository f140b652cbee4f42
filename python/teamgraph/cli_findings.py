"""`teamgraph report --score NAME --code CODE`: the findings a report shows (teamgraph.finding_filter).
Its options and their checks, so that cli.py only hands them on."""

from __future__ import annotations

import argparse
from typing import Any, Callable

from .catalog import Catalog
from .finding_filter import FindingFilter, finding_codes, unknown


def add_filter_options(report: argparse.ArgumentParser, words: Callable[..., str], separator: str) -> None:
    report.add_argument("--score", action="append", dest="scores", metavar="NAME",
                        help=words("cli.option.score", scores=separator.join(finding_codes())))
    report.add_argument("--code", action="append", dest="codes", metavar="CODE", help=words("cli.option.code"))


def finding_filter(args: argparse.Namespace, catalog: Catalog, bad_input: Callable[..., Exception]) -> FindingFilter:
    """The filter --score and --code ask for, checked before any work is done: every name that
    is no score with findings, or no finding code, at once, with the names there are
    (`bad_input(message=...)`, exit 2); a filter with a format that shows every finding (json,
    html) is refused too."""
    scores, codes = args.scores or [], args.codes or []
    bad_scores, bad_codes = unknown(scores, codes)
    lines = []
    separator = catalog.text("list.separator")

    def quoted(names: Any) -> str:
        return separator.join(repr(n) for n in names)
    if bad_scores:
        lines.append(catalog.text("cli.error.unknown_score", count=len(bad_scores), names=quoted(bad_scores),
                                  scores=separator.join(finding_codes())))
    if bad_codes:
        lines.append(catalog.text("cli.error.unknown_code", count=len(bad_codes), names=quoted(bad_codes)))
        lines.extend(catalog.text("cli.error.codes_of_score", score=score, codes=separator.join(names))
                     for score, names in finding_codes().items())
    if lines:
        raise bad_input(message="\n".join(lines))
    chosen = FindingFilter.of(scores, codes)
    if chosen and args.format == "json":
        raise bad_input("cli.error.filter_needs_text", format=args.format)
    return chosen

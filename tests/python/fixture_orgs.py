"""The teams every fixture-wide test reads: the sample team and each team folder of tests/data
that loads (some fixtures are bad on purpose), and their reports in every language, named and
pseudonymized."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator, Tuple

import teamgraph
from teamgraph.catalog import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]


def fixture_orgs() -> Iterator[Tuple[str, teamgraph.Org]]:
    roots = [ROOT / "examples" / "ecommerce-team"] + sorted(p for p in (ROOT / "tests" / "data").iterdir()
                                                            if p.is_dir() and (p / "people.csv").exists())
    for root in roots:
        try:
            yield root.name, teamgraph.read_org(root)
        except ValueError:
            continue


def fixture_reports() -> Iterator[Tuple[str, str, teamgraph.Report]]:
    """(fixture, language, report) for every fixture and language, named then pseudonymized."""
    for name, org in fixture_orgs():
        for lang in LANGUAGES:
            report = teamgraph.assess(org, lang=lang)
            yield name, lang, report
            yield name, lang, report.pseudonymize(b"k")

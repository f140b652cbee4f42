"""Which of a report's findings an output shows: those of some scores, or of some codes
(`teamgraph report --score NAME --code CODE`, ``Report.to_text(scores=..., codes=...)``).

The scores and codes a report can have are the English findings catalog's: its sections
``# ---- <score>`` each list the texts (``<code>[.<variant>].message``) of one score's findings;
the section of the findings only a series of snapshots shows (``trend``) is not a report's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Dict, Iterable, List, Optional, Sequence, Tuple, Union

import numpy as np

if TYPE_CHECKING:
    from .catalog import Catalog
    from .findings import FindingList

SERIES_SECTION = "trend"  # findings.po's section of teamgraph trend's own findings
Names = Optional[Union[str, Iterable[str]]]


@lru_cache(maxsize=1)
def finding_codes() -> Dict[str, Tuple[str, ...]]:
    """Each score that has findings, with its finding codes (sorted), as the English findings
    catalog lists them."""
    from babel.messages.pofile import read_po

    path = resources.files("teamgraph").joinpath("locale/en/LC_MESSAGES/findings.po")
    with path.open("rb") as f:
        po = read_po(f, locale="en", domain="findings")
    codes: Dict[str, set] = {}
    section = None
    for message in po:
        for comment in message.user_comments:
            if comment.startswith("---- "):  # "---- succession_readiness: the reserve pool ..."
                section = comment[len("---- "):].split(":")[0].strip()
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        if section and section != SERIES_SECTION and key.endswith(".message"):
            codes.setdefault(section, set()).add(key.split(".")[0])
    return {score: tuple(sorted(names)) for score, names in sorted(codes.items())}


def all_codes() -> Tuple[str, ...]:
    return tuple(sorted({code for codes in finding_codes().values() for code in codes}))


def unknown(scores: Sequence[str], codes: Sequence[str]) -> Tuple[List[str], List[str]]:
    """The names among `scores` that are no score with findings, and among `codes` no finding code."""
    known_codes = set(all_codes())
    return [s for s in scores if s not in finding_codes()], [c for c in codes if c not in known_codes]


def _names(values: Names) -> Tuple[str, ...]:
    """Names given as one string or several, each once, in the order given."""
    if values is None:
        return ()
    return tuple(dict.fromkeys([values] if isinstance(values, str) else [str(v) for v in values]))


@dataclass(frozen=True)
class FindingFilter:
    """The findings of any of `scores` (all scores when empty) that have any of `codes` (all
    codes when empty). An empty filter keeps every finding."""

    scores: Tuple[str, ...] = ()
    codes: Tuple[str, ...] = ()

    @classmethod
    def of(cls, scores: Names = None, codes: Names = None) -> "FindingFilter":
        """The filter of these names; raises ValueError naming the unknown ones and the known."""
        chosen = cls(_names(scores), _names(codes))
        bad_scores, bad_codes = unknown(chosen.scores, chosen.codes)
        problems = []
        if bad_scores:
            problems.append(f"no score with findings called {', '.join(map(repr, bad_scores))}; "
                            f"the scores with findings are {', '.join(finding_codes())}")
        if bad_codes:
            problems.append(f"no finding code {', '.join(map(repr, bad_codes))}; the codes are "
                            + "; ".join(f"{s}: {', '.join(c)}" for s, c in finding_codes().items()))
        if problems:
            raise ValueError("\n".join(problems))
        return chosen

    def __bool__(self) -> bool:
        return bool(self.scores or self.codes)

    def indices(self, findings: "FindingList") -> Sequence[int]:
        """The positions of the findings it keeps, most severe first as the list is; read from
        the core's columns, without making a Finding."""
        if not self:
            return range(len(findings))
        if not len(findings):
            return []
        columns = findings.columns
        keep = np.ones(len(findings), dtype=bool)
        for wanted, column, labels in ((self.scores, "score", "scores"), (self.codes, "code", "codes")):
            if wanted:
                chosen = [k for k, label in enumerate(columns[labels]) if label in wanted]
                keep &= np.isin(np.asarray(columns[column]), chosen)
        return [int(k) for k in np.flatnonzero(keep)]

    def describe(self, catalog: "Catalog") -> str:
        """What it keeps, in the catalog's language: "the scores market_response and
        succession_readiness", "the code demand_surge", "the score x with the code y"."""
        def names(items: Iterable[str]) -> str:
            return catalog.join([catalog.text("filter.name", name=name) for name in items])
        scores = catalog.text("filter.scores", count=len(self.scores),
                              scores=names(catalog.score_name(s) for s in self.scores))
        codes = catalog.text("filter.codes", count=len(self.codes), codes=names(self.codes))
        if self.scores and self.codes:
            return catalog.text("filter.scores_and_codes", scores=scores, codes=codes)
        return scores if self.scores else codes

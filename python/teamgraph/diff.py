"""ReportDiff: two reports side by side (what ``Report.diff`` and ``teamgraph what-if`` give)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from .catalog import Catalog, pad
from .findings import Finding
from .org import WhatIfChanges

if TYPE_CHECKING:
    from .report import Report


class ReportDiff:
    """Two reports side by side: every score before, after and its change; the findings that
    appeared, disappeared or changed (the same finding about the same people, or the same
    team-wide finding, whose numbers or words changed); and, for a what-if org, what was done
    (``changes``: who left, who stepped up, which seats stayed empty)."""

    def __init__(self, before: Report, after: Report) -> None:
        names = list(dict.fromkeys([*before.scores, *after.scores]))
        rows = []
        for name in names:
            a, b = before.scores.get(name), after.scores.get(name)
            rows.append({"score": name, "before": np.nan if a is None else a, "after": np.nan if b is None else b,
                         "change": np.nan if a is None or b is None else b - a})
        self.scores = pd.DataFrame(rows, columns=["score", "before", "after", "change"])
        self.language = after.language
        self.changes = after.org.changes
        if self.changes is not None and before.pseudonymized:  # ids of the org before, shown as its pseudonyms
            name = dict(zip(before.org.ids, before._ids)).get
            ch = self.changes
            self.changes = WhatIfChanges(left=[name(p, p) for p in ch.left],
                                         promoted={name(a, a): name(b, b) for a, b in ch.promoted.items()},
                                         filled=[(name(a, a), name(b, b)) for a, b in ch.filled],
                                         unfilled=[name(p, p) for p in ch.unfilled],
                                         moved={name(a, a): name(b, b) for a, b in ch.moved.items()})
        self.appeared: List[Finding] = []
        self.disappeared: List[Finding] = []
        self.changed: List[Tuple[Finding, Finding]] = []  # (before, after)
        _match_findings(before.findings, after.findings, self)

    def to_dict(self) -> Dict[str, Any]:
        """The diff as plain data (what ``teamgraph what-if --format json`` prints)."""
        def finding(f: Finding) -> Dict[str, Any]:
            return f.as_dict()

        scores = [{k: (None if isinstance(v, float) and np.isnan(v) else v) for k, v in row.items()}
                  for row in self.scores.to_dict(orient="records")]
        out: Dict[str, Any] = {"scores": scores, "appeared": [finding(f) for f in self.appeared],
                               "disappeared": [finding(f) for f in self.disappeared],
                               "changed": [{"before": finding(a), "after": finding(b)} for a, b in self.changed]}
        if self.changes is not None:
            out["changes"] = {"left": self.changes.left, "promoted": self.changes.promoted,
                              "filled": [list(f) for f in self.changes.filled], "unfilled": self.changes.unfilled,
                              "moved": self.changes.moved}
        return out

    def to_text(self, lang: Optional[str] = None) -> str:
        """The changes as text, in the after report's language or `lang`."""
        c = Catalog.get(lang if lang is not None else self.language)

        def num(v: float, spec: str) -> str:
            return c.text("value.not_available") if pd.isna(v) else format(v, spec)

        def line(f: Finding) -> str:
            return c.text("finding.line", severity=c.severity(f.severity), message=f.message,
                          recommendation=f.recommendation)

        lines = []
        if self.changes is not None:
            lines.extend(c.text("diff.stepped_up", seat=seat, successor=successor)
                         for seat, successor in [*self.changes.promoted.items(), *self.changes.filled])
            lines.extend(c.text("diff.unfilled", seat=seat) for seat in self.changes.unfilled)
        lines.append(c.text("diff.scores"))
        for r in self.scores.itertuples():
            lines.append(c.text("diff.score", name=pad(c.score_name(r.score), 22), before=num(r.before, ".1f"),
                                after=num(r.after, ".1f"), change=num(r.change, "+.1f")))
        for key, findings in (("diff.appeared", self.appeared), ("diff.disappeared", self.disappeared)):
            lines.append(c.text(key, count=len(findings)))
            lines.extend(c.text(f"{key}_item", finding=line(f)) for f in findings)
        lines.append(c.text("diff.changed", count=len(self.changed)))
        for a, b in self.changed:
            lines.append(c.text("diff.changed_before", finding=line(a)))
            lines.append(c.text("diff.changed_after", finding=line(b)))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()


def _visible(f: Finding) -> Tuple[Any, ...]:
    """What a reader sees of a finding, up to the order its people are listed in (a what-if
    renumbers people, so the same people may come in another order)."""
    if not f.people:
        return (f.severity, f.message, f.recommendation)
    shown = set(f.people) | set(f.labels)  # a person shows by label ("Li Wei (e01)") or id
    names = re.compile("|".join(re.escape(p) for p in sorted(shown, key=len, reverse=True)))
    return (f.severity, frozenset(f.people), names.sub("\0", f.message), names.sub("\0", f.recommendation))


def _match_findings(before: Sequence[Finding], after: Sequence[Finding], diff: ReportDiff) -> None:
    """Pairs each finding of `after` with one of `before`: first the same score, code and people
    (changed if its severity or words differ: evidence that moved without changing what the finding
    says is not a change), then, among those left of the same score and code,
    the one sharing the most people (a team-wide finding, with no people, pairs with the one of
    `before`): such a finding changed, it did not disappear and appear again."""
    def key(f: Finding) -> Tuple[str, str, Tuple[str, ...]]:
        return (f.score, f.code, tuple(sorted(f.people)))

    left: Dict[Tuple[str, str, Tuple[str, ...]], List[Finding]] = {}
    for f in before:
        left.setdefault(key(f), []).append(f)
    unmatched: List[Finding] = []
    for f in after:
        same = left.get(key(f))
        if same:
            old = same.pop(0)
            if _visible(old) != _visible(f):
                diff.changed.append((old, f))
        else:
            unmatched.append(f)
    rest: Dict[Tuple[str, str], List[Finding]] = {}
    for f in (f for group in left.values() for f in group):
        rest.setdefault((f.score, f.code), []).append(f)
    for f in unmatched:
        candidates = rest.get((f.score, f.code), [])
        people = set(f.people)
        best = max(range(len(candidates)), key=lambda i: len(people & set(candidates[i].people)), default=None)
        if best is not None and (bool(people & set(candidates[best].people)) or not (people or candidates[best].people)):
            diff.changed.append((candidates.pop(best), f))
        else:
            diff.appeared.append(f)
    order = {id(f): i for i, f in enumerate(before)}
    diff.disappeared.extend(sorted((f for group in rest.values() for f in group), key=lambda f: order[id(f)]))
    diff.changed.sort(key=lambda pair: order[id(pair[0])])

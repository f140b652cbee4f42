"""ReportDiff: two reports side by side (what ``Report.diff`` and ``teamgraph what-if`` give)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from .catalog import Catalog, pad
from .findings import Finding, FindingList
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


class _Side:
    """One report's findings as the matching reads them: score, code, severity, people (ids or
    pseudonyms), message and recommendation a finding, from the columns (a FindingList: no
    Finding object is made for the many findings a what-if leaves as they were)."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = findings
        if isinstance(findings, FindingList):
            c = findings.columns
            self.score, self.code, self.severity = (
                np.asarray(c[labels], dtype=object)[np.asarray(c[key], dtype=np.int64)].tolist()
                for key, labels in (("score", "scores"), ("code", "codes"), ("severity", "severities")))
            ids = findings.id_list()
            offsets, people = np.asarray(c["people_offsets"]).tolist(), np.asarray(c["people"]).tolist()
            self.people = [[ids[p] for p in people[offsets[k]:offsets[k + 1]]] for k in range(len(findings))]
            message, recommendation = findings.texts()
            self.message, self.recommendation = message.to_pylist(), recommendation.to_pylist()
        else:
            self.score, self.code, self.severity = ([getattr(f, name) for f in findings]
                                                    for name in ("score", "code", "severity"))
            self.people = [list(f.people) for f in findings]
            self.message, self.recommendation = [f.message for f in findings], [f.recommendation for f in findings]

    def key(self, k: int) -> Tuple[str, str, Tuple[str, ...]]:
        return (self.score[k], self.code[k], tuple(sorted(self.people[k])))

    def reads_as(self, k: int, other: "_Side", j: int) -> bool:
        """Whether finding k reads as the other's finding j: the same severity and words, or the
        same words but for the order its people are named in (``_visible``)."""
        if (self.severity[k], self.message[k], self.recommendation[k]) == \
                (other.severity[j], other.message[j], other.recommendation[j]):
            return True
        return _visible(self.findings[k]) == _visible(other.findings[j])


def _match_findings(before: Sequence[Finding], after: Sequence[Finding], diff: ReportDiff) -> None:
    """Pairs each finding of `after` with one of `before`: first the same score, code and people
    (changed if its severity or words differ: evidence that moved without changing what the finding
    says is not a change), then, among those left of the same score and code,
    the one sharing the most people, the first of them (a team-wide finding, with no people, pairs
    with the first one left if it has none): such a finding changed, it did not disappear and appear
    again. The people shared are counted from an index of who is named where, not by comparing every
    pair (a what-if of a million-person org leaves hundreds of thousands of findings of one code)."""
    from collections import deque

    b, a = _Side(before), _Side(after)
    left: Dict[Tuple[str, str, Tuple[str, ...]], Any] = {}
    for k in range(len(before)):
        left.setdefault(b.key(k), deque()).append(k)
    unmatched: List[int] = []
    changed: List[Tuple[int, int]] = []
    for j in range(len(after)):
        same = left.get(a.key(j))
        if same:
            k = same.popleft()
            if not b.reads_as(k, a, j):
                changed.append((k, j))
        else:
            unmatched.append(j)
    # Those left, by score and code, in the order of their groups' first finding, then their own.
    rest: Dict[Tuple[str, str], List[int]] = {}
    for group in left.values():
        for k in group:
            rest.setdefault((b.score[k], b.code[k]), []).append(k)
    alive = np.zeros(len(before), dtype=bool)
    position = np.zeros(len(before), dtype=np.int64)  # place in its candidates' list
    for candidates in rest.values():
        for at, k in enumerate(candidates):
            alive[k], position[k] = True, at
    named: Dict[Tuple[str, str], Dict[str, List[int]]] = {}  # per score and code: person -> candidates
    first_alive: Dict[Tuple[str, str], int] = {}
    appeared: List[int] = []
    for j in unmatched:
        group = (a.score[j], a.code[j])
        candidates = rest.get(group, [])
        people = set(a.people[j])
        best = None
        if people:
            if group not in named:
                index: Dict[str, List[int]] = {}
                for k in candidates:
                    for p in set(b.people[k]):
                        index.setdefault(p, []).append(k)
                named[group] = index
            shared: Dict[int, int] = {}
            for p in people:
                for k in named[group].get(p, ()):
                    if alive[k]:
                        shared[k] = shared.get(k, 0) + 1
            if shared:
                best = min(shared, key=lambda k: (-shared[k], position[k]))
        else:  # the first one left, if it names no one either
            at = first_alive.get(group, 0)
            while at < len(candidates) and not alive[candidates[at]]:
                at += 1
            first_alive[group] = at
            if at < len(candidates) and not b.people[candidates[at]]:
                best = candidates[at]
        if best is None:
            appeared.append(j)
        else:
            alive[best] = False
            changed.append((best, j))
    diff.appeared.extend(after[j] for j in appeared)
    diff.disappeared.extend(before[k] for k in sorted(k for candidates in rest.values() for k in candidates if alive[k]))
    diff.changed.extend((before[k], after[j]) for k, j in sorted(changed))

"""ReportDiff: two reports side by side (what ``Report.diff`` and ``teamgraph what-if`` give)."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from .catalog import Catalog, pad
from .findings import Finding, FindingList, finding_subject
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
        # Sequences of Finding (and of (before, after) pairs) made as they are read: a what-if of a
        # million-person org changes tens of thousands of findings, which to_text() and to_dict()
        # write from the columns.
        self.appeared: Sequence[Finding] = []
        self.disappeared: Sequence[Finding] = []
        self.changed: Sequence[Tuple[Finding, Finding]] = []  # (before, after)
        _match_findings(before.findings, after.findings, self, _alike_by(before, after))

    def to_dict(self, findings: bool = True) -> Dict[str, Any]:
        """The diff as plain data (what ``to_json()`` writes); without `findings`, the scores and
        changes only."""
        scores = [{k: (None if isinstance(v, float) and np.isnan(v) else v) for k, v in row.items()}
                  for row in self.scores.to_dict(orient="records")]
        out: Dict[str, Any] = {"scores": scores}
        if findings:
            before, after = _sides(self.changed)
            out.update({"appeared": _as_dicts(self.appeared), "disappeared": _as_dicts(self.disappeared),
                        "changed": [{"before": a, "after": b} for a, b in zip(_as_dicts(before), _as_dicts(after))]})
        if self.changes is not None:
            out["changes"] = {"left": self.changes.left, "promoted": self.changes.promoted,
                              "filled": [list(f) for f in self.changes.filled], "unfilled": self.changes.unfilled,
                              "moved": self.changes.moved}
        return out

    def to_json(self) -> str:
        """The diff as JSON (what ``teamgraph what-if --format json`` prints): ``to_dict()`` as
        ``json.dumps(indent=2, sort_keys=True, ensure_ascii=False)`` writes it, a value that is not
        a number as null (as the JSON report), and a newline. The findings are written by the core
        from the columns where they are picked from a report's FindingList."""
        from .export import _clean

        before, after = _sides(self.changed)
        if not all(map(_in_columns, (self.appeared, self.disappeared, before, after))):
            return json.dumps(_clean(self.to_dict()), indent=2, sort_keys=True, ensure_ascii=False) + "\n"

        def array(items: List[str], level: int) -> str:
            if not items:
                return "[]"
            return "[" + ",".join("\n" + "  " * (level + 1) + item for item in items) + "\n" + "  " * level + "]"

        def objects(p: Picked, level: int) -> List[str]:
            return p.findings.json_objects(p.indices, level) if len(p) else []

        arrays = {"appeared": array(objects(self.appeared, 1), 1),
                  "disappeared": array(objects(self.disappeared, 1), 1),
                  "changed": array([f'{{\n      "after": {b},\n      "before": {a}\n    }}'
                                    for a, b in zip(objects(before, 2), objects(after, 2))], 1)}
        doc = self.to_dict(findings=False)
        doc.update({key: f"\x00{key}\x00" for key in arrays})
        text = json.dumps(_clean(doc), indent=2, sort_keys=True, ensure_ascii=False)
        for key, value in arrays.items():
            text = text.replace(json.dumps(f"\x00{key}\x00"), value, 1)
        return text + "\n"

    def to_text(self, lang: Optional[str] = None) -> str:
        """The changes as text, in the after report's language or `lang`."""
        c = Catalog.get(lang if lang is not None else self.language)

        def num(v: float, spec: str) -> str:
            return c.text("value.not_available") if pd.isna(v) else format(v, spec)

        def finding_lines(key: str, findings: Sequence[Finding]) -> List[str]:
            """Each finding as the entry `key` shows it (its severity, message and recommendation):
            read from the columns in bulk where the findings are picked from a FindingList."""
            if _in_columns(findings) and len(findings):
                message, recommendation = findings.findings.texts(findings.indices)
                columns = findings.findings.columns
                labels = [c.severity(s) for s in columns["severities"]]
                severity = np.asarray(columns["severity"])[np.asarray(findings.indices, dtype=np.int64)].tolist()
                rows = zip(severity, message.to_pylist(), recommendation.to_pylist())
            else:
                labels = None
                rows = ((f.severity, f.message, f.recommendation) for f in findings)
            return [c.text(key, finding=c.text("finding.line", severity=labels[s] if labels else c.severity(s),
                                               message=m, recommendation=r))
                    for s, m, r in rows]

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
            lines.extend(finding_lines(f"{key}_item", findings))
        lines.append(c.text("diff.changed", count=len(self.changed)))
        before, after = _sides(self.changed)
        for was, now in zip(finding_lines("diff.changed_before", before), finding_lines("diff.changed_after", after)):
            lines.append(was)
            lines.append(now)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()


def _alike_by(before: Report, after: Report) -> Optional[bool]:
    """How findings of the two reports are told alike without writing their texts
    (``FindingColumns.alike``): by their people's ids and names (True) where both reports name
    people so, by ids alone (False) where both show pseudonyms of one key; None where their texts
    would differ anyway (another language, pseudonyms against names or of another key)."""
    if before.language != after.language or before.pseudonymized != after.pseudonymized:
        return None
    if not before.pseudonymized:
        return True
    return False if before._key is not None and before._key == after._key else None


def _as_dicts(findings: Sequence[Finding]) -> List[Dict[str, Any]]:
    """``Finding.as_dict()`` of each finding: read from the columns in bulk (``FindingList.rows``)
    where the findings are picked from a FindingList, without making a Finding each."""
    if not _in_columns(findings):
        return [f.as_dict() for f in findings]
    every = findings.findings
    return [{"score": r.score, "code": r.code, "severity": r.severity, "people": r.people, "message": r.message,
             "evidence": r.evidence, "recommendation": r.recommendation,
             "subject": finding_subject(every.args(k), r.people)}
            for k, r in zip(findings.indices, every.rows(findings.indices))]


def _visible(f: Finding, patterns: Dict[Tuple[str, ...], "re.Pattern[str]"]) -> Tuple[Any, ...]:
    """What a reader sees of a finding, up to the order its people are listed in (a what-if
    renumbers people, so the same people may come in another order). `patterns`: the name
    patterns made so far in this matching (a finding and the one it is compared with name the
    same people: one pattern for both)."""
    if not f.people:
        return (f.severity, f.message, f.recommendation)
    shown = set(f.people) | set(f.labels)  # a person shows by label ("Li Wei (e01)") or id
    labels = tuple(sorted(shown, key=lambda p: (-len(p), p)))  # the longest first
    names = patterns.get(labels)
    if names is None:
        names = patterns[labels] = re.compile("|".join(re.escape(p) for p in labels))
    return (f.severity, frozenset(f.people), names.sub("\0", f.message), names.sub("\0", f.recommendation))


class _Side:
    """One report's findings as the matching reads them: score, code, severity, people (ids or
    pseudonyms), message and recommendation of a finding, read from the columns when the findings
    are a FindingList (no Finding object, no Python list a finding: a what-if of a million-person
    org leaves hundreds of thousands of findings as they were)."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = findings
        self.columns = findings.columns if isinstance(findings, FindingList) else None
        self._ids: Optional[Sequence[str]] = None
        self._reads = 0  # findings whose people were read from the report, one at a time
        self._read_limit = 0  # ... until then: set with the columns
        if self.columns is None:
            self._score, self._code = ([getattr(f, name) for f in findings] for name in ("score", "code"))
            self._people = [list(f.people) for f in findings]
            return
        c = self.columns
        self.score_labels = np.asarray(c["scores"], dtype=object)
        self.code_labels = np.asarray(c["codes"], dtype=object)
        self.score_codes = np.asarray(c["score"], dtype=np.int64)
        self.code_codes = np.asarray(c["code"], dtype=np.int64)
        self.offsets = np.asarray(c["people_offsets"], dtype=np.int64)
        self.people_at = np.asarray(c["people"], dtype=np.int64)  # person indices of the report's org
        # A read costs about 2 us, an id of the list of everyone 0.2 us: the list pays for itself
        # after an eighth as many reads as people.
        self._read_limit = max(4096, findings.id_count() // 8)

    @property
    def ids(self) -> Sequence[str]:
        """The ids (or pseudonyms) of the report's people, by index: all of them, made when first
        asked for (0.2 s and 70 MB at a million people; matching by id needs none)."""
        if self._ids is None:
            self._ids = self.findings.id_list()
        return self._ids

    def __len__(self) -> int:
        return len(self.findings)

    def score(self, k: int) -> str:
        return self._score[k] if self.columns is None else self.score_labels[self.score_codes[k]]

    def code(self, k: int) -> str:
        return self._code[k] if self.columns is None else self.code_labels[self.code_codes[k]]

    def people(self, k: int) -> List[str]:
        if self.columns is None:
            return self._people[k]
        at = self.people_at[self.offsets[k]:self.offsets[k + 1]]
        if self._ids is None:
            # A few findings' people read from the report, not everyone's ids; a caller reading
            # many findings so gets the list of every id, made once.
            self._reads += 1
            if self._reads <= self._read_limit:
                return self.findings.ids_at(at)
        ids = self.ids
        return [ids[p] for p in at.tolist()]

    def key(self, k: int) -> Tuple[str, str, Tuple[str, ...]]:
        return (self.score(k), self.code(k), tuple(sorted(self.people(k))))

    def reads_as(self, k: int, other: "_Side", j: int, patterns: Dict[Tuple[str, ...], Any]) -> bool:
        """Whether finding k reads as the other's finding j: the same severity and words, or the
        same words but for the order its people are named in (``_visible``)."""
        f, g = self.findings[k], other.findings[j]
        if (f.severity, f.message, f.recommendation) == (g.severity, g.message, g.recommendation):
            return True
        return _visible(f, patterns) == _visible(g, patterns)


def _exact_pairs(b: _Side, a: _Side, by_id: bool = False) -> Optional[Tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The first step of the matching from the columns: each finding of `a` paired with the first
    one of `b` not yet taken with the same score, code and people (people compared by what the
    reports show of them, in any order). Returns (k, j) of the pairs and, for each `b` finding,
    the first `b` finding of its key (None when a side is not a FindingList). Keys are hashed; the
    pairs are then checked value by value, and a hash collision (never seen) sends the matching
    back to the dicts of Python. `by_id`: the reports show people alike (their ids, or pseudonyms
    of one key), so people are matched through their orgs' ids (``FindingColumns.same_people``)
    rather than by the texts shown."""
    if b.columns is None or a.columns is None:
        return None
    scores = {label: i for i, label in enumerate(dict.fromkeys([*b.score_labels, *a.score_labels]))}
    codes = {label: i for i, label in enumerate(dict.fromkeys([*b.code_labels, *a.code_labels]))}
    # The people of both sides in one numbering: b's org's indices, and a's people looked up by id.
    used_b, used_a = _distinct(b.people_at), _distinct(a.people_at)
    rank_b = np.full(int(used_b.max()) + 1 if len(used_b) else 0, -1, dtype=np.int64)
    rank_b[used_b] = np.arange(len(used_b))
    if by_id:
        in_b = b.findings._core.same_people(a.findings._core)[used_a]  # the same person's index in b's org
        found = np.full(len(used_a), -1, dtype=np.int64)
        known = (in_b >= 0) & (in_b < len(rank_b))
        found[known] = rank_b[in_b[known]]  # -1 where b's findings name them nowhere
    else:
        ids_b = pd.Index([b.ids[p] for p in used_b.tolist()], dtype=object)
        if ids_b.has_duplicates:
            return None  # ids that repeat cannot be matched by number
        found = ids_b.get_indexer(pd.Index([a.ids[p] for p in used_a.tolist()], dtype=object))
    to_b = np.full(int(used_a.max()) + 1 if len(used_a) else 0, -1, dtype=np.int64)
    new = found < 0
    to_b[used_a] = np.where(new, len(used_b) + np.cumsum(new) - 1, found)

    def keyed(side: _Side, people: np.ndarray, score_map: np.ndarray, code_map: np.ndarray):
        n = len(side)
        counts = np.diff(side.offsets)
        finding = np.repeat(np.arange(n, dtype=np.int64), counts)
        # Each finding's people in order: (finding, person) as one number, sorted.
        sorted_people = (np.sort((finding << 32) | people) & 0xFFFFFFFF).astype(np.uint64)
        hashes = []
        with np.errstate(over="ignore"):
            for r, salt in ((0x9E3779B97F4A7C15, 0xD6E8FEB86659FD93), (0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9)):
                # A finding's people as a set with repeats: the sum of each one's mixed number
                # (splitmix64's finalizer), whatever their order.
                terms = people.astype(np.uint64) + np.uint64(r)
                terms = (terms ^ (terms >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
                terms = (terms ^ (terms >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
                terms ^= terms >> np.uint64(31)
                sums = np.concatenate([np.zeros(1, dtype=np.uint64), np.cumsum(terms, dtype=np.uint64)])
                h = sums[side.offsets[1:]] - sums[side.offsets[:-1]]
                h = h * np.uint64(salt) + score_map[side.score_codes].astype(np.uint64) * np.uint64(0x100000001B3)
                h = h * np.uint64(salt) + code_map[side.code_codes].astype(np.uint64) * np.uint64(0xCBF29CE484222325)
                hashes.append(h * np.uint64(salt) + counts.astype(np.uint64))
        return hashes, sorted_people

    score_b = np.array([scores[x] for x in b.score_labels], dtype=np.int64)
    score_a = np.array([scores[x] for x in a.score_labels], dtype=np.int64)
    code_b = np.array([codes[x] for x in b.code_labels], dtype=np.int64)
    code_a = np.array([codes[x] for x in a.code_labels], dtype=np.int64)
    hb, sorted_b = keyed(b, rank_b[b.people_at], score_b, code_b)
    ha, sorted_a = keyed(a, to_b[a.people_at], score_a, code_a)
    # Keys numbered by their first hash; the second must then agree within each key (else two keys
    # share a first hash, and the matching goes back to Python's dicts).
    h1, h2 = np.concatenate([hb[0], ha[0]]), np.concatenate([hb[1], ha[1]])
    key = np.asarray(pd.factorize(h1)[0], dtype=np.int64)
    groups = int(key.max()) + 1 if len(key) else 0
    first = np.empty(groups, dtype=np.int64)
    first[key[::-1]] = np.arange(len(key) - 1, -1, -1)  # each key's first finding
    if not np.array_equal(h2, h2[first[key]]):
        return None
    key_b, key_a = key[:len(b)], key[len(b):]

    def ranked(keys: np.ndarray) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each finding's rank among those of its key (in index order), where each key's run
        starts in the findings sorted by key, and that order."""
        order = np.argsort(keys, kind="stable")
        count = np.bincount(keys, minlength=groups)
        start = np.concatenate([[0], np.cumsum(count)[:-1]])
        rank = np.empty(len(keys), dtype=np.int64)
        rank[order] = np.arange(len(keys)) - start[keys[order]]
        return rank, start, order

    _, start_b, order_b = ranked(key_b)
    rank_in_a, _, _ = ranked(key_a)
    count_b = np.bincount(key_b, minlength=groups)
    j = np.flatnonzero(rank_in_a < count_b[key_a])
    k = order_b[start_b[key_a[j]] + rank_in_a[j]]
    # Every pair checked value by value: score, code and people.
    counts_b, counts_a = np.diff(b.offsets), np.diff(a.offsets)
    same = (score_b[b.score_codes[k]] == score_a[a.score_codes[j]]) & (code_b[b.code_codes[k]] == code_a[a.code_codes[j]])
    same &= counts_b[k] == counts_a[j]
    if not same.all():
        return None
    within = np.arange(int(counts_b[k].sum())) - np.repeat(np.cumsum(counts_b[k]) - counts_b[k], counts_b[k])
    if not np.array_equal(sorted_b[np.repeat(b.offsets[k], counts_b[k]) + within],
                          sorted_a[np.repeat(a.offsets[j], counts_a[j]) + within]):
        return None
    first_of_key = order_b[start_b[key_b]]  # each b finding's key's first finding
    return k, j, first_of_key


# Up to this many candidates of a score and code, the people an unmatched finding shares with
# each are counted by set intersection; more, through an index of who is named where.
_FEW = 64


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values of an array of small non-negative integers (person indices), sorted:
    marked in an array as long as the largest, not hashed (numpy's unique hashes, and took 1.3 s
    for a million)."""
    if not len(values):
        return values
    seen = np.zeros(int(values.max()) + 1, dtype=bool)
    seen[values] = True
    return np.flatnonzero(seen)


def _match_findings(before: Sequence[Finding], after: Sequence[Finding], diff: ReportDiff,
                    alike_by: Optional[bool] = None) -> None:
    """Pairs each finding of `after` with one of `before`: first the same score, code and people
    (changed if its severity or words differ: evidence that moved without changing what the finding
    says is not a change), then, among those left of the same score and code,
    the one sharing the most people, the first of them (a team-wide finding, with no people, pairs
    with the first one left if it has none): such a finding changed, it did not disappear and appear
    again. The first step runs on the columns (_exact_pairs); the people shared are counted from an
    index of who is named where, not by comparing every pair (a what-if of a million-person org
    leaves hundreds of thousands of findings of one code). `alike_by`: as ``_alike_by`` says, None
    when every pair of the first step is compared by its texts."""
    from collections import deque

    b, a = _Side(before), _Side(after)
    patterns: Dict[Tuple[str, ...], Any] = {}  # the name patterns of this matching (_visible)
    changed: List[Tuple[int, int]] = []
    exact = _exact_pairs(b, a, by_id=alike_by is not None)
    if exact is not None:
        pair_k, pair_j, first_of_key = exact
        taken = np.zeros(len(before), dtype=bool)
        taken[pair_k] = True
        matched = np.zeros(len(after), dtype=bool)
        matched[pair_j] = True
        unmatched = np.flatnonzero(~matched).tolist()
        # A pair whose severity and words are the same has not changed; the others are read.
        cb, ca = b.columns, a.columns
        same = np.asarray(cb["severity"])[pair_k] == np.asarray(ca["severity"])[pair_j]
        # A pair alike in all its texts are made of reads the same: only the others' texts are
        # written and compared (a what-if of a million-person org leaves hundreds of thousands of
        # findings as they were, and their texts are hundreds of MB).
        read = same.copy()
        if alike_by is not None and len(pair_k):
            read &= ~before._core.alike(after._core, pair_k, pair_j, alike_by)
        if read.any():
            import pyarrow.compute as pc

            texts_b, texts_a = before.texts(pair_k[read].tolist()), after.texts(pair_j[read].tolist())
            equal = np.ones(int(read.sum()), dtype=bool)
            for text_b, text_a in zip(texts_b, texts_a):
                equal &= pc.equal(text_b, text_a).to_numpy(zero_copy_only=False)
            same[read] = equal
        for k, j in zip(pair_k[~same].tolist(), pair_j[~same].tolist()):
            if not b.reads_as(k, a, j, patterns):
                changed.append((k, j))
        # Those left, in the order of their key's first finding, then their own (as a dict of
        # keys to lists, in the order the keys were met, holds them).
        left_ks = np.flatnonzero(~taken)
        left_in_order = left_ks[np.lexsort((left_ks, first_of_key[left_ks]))].tolist()
    else:
        left: Dict[Tuple[str, str, Tuple[str, ...]], Any] = {}
        for k in range(len(before)):
            left.setdefault(b.key(k), deque()).append(k)
        unmatched = []
        for j in range(len(after)):
            same_key = left.get(a.key(j))
            if same_key:
                k = same_key.popleft()
                if not b.reads_as(k, a, j, patterns):
                    changed.append((k, j))
            else:
                unmatched.append(j)
        left_in_order = [k for group in left.values() for k in group]
    # Those left, by score and code, in the order of their groups' first finding, then their own.
    rest: Dict[Tuple[str, str], List[int]] = {}
    for k in left_in_order:
        rest.setdefault((b.score(k), b.code(k)), []).append(k)
    alive = np.zeros(len(before), dtype=bool)
    position = np.zeros(len(before), dtype=np.int64)  # place in its candidates' list
    for candidates in rest.values():
        for at, k in enumerate(candidates):
            alive[k], position[k] = True, at
    named: Dict[Tuple[str, str], Dict[str, List[int]]] = {}  # per score and code: person -> candidates
    sets: Dict[int, set] = {}  # a candidate's people, where there are few candidates
    first_alive: Dict[Tuple[str, str], int] = {}
    appeared: List[int] = []
    for j in unmatched:
        group = (a.score(j), a.code(j))
        candidates = rest.get(group, [])
        people = set(a.people(j))
        best = None
        if people:
            shared: Dict[int, int] = {}
            if len(candidates) <= _FEW:
                # A few candidates: the people shared counted by set intersection (a team-wide
                # finding names hundreds of thousands: one set operation, not a loop over them).
                for k in candidates:
                    if alive[k]:
                        if k not in sets:
                            sets[k] = set(b.people(k))
                        count = len(people & sets[k])  # Python walks the smaller set
                        if count:
                            shared[k] = count
            else:
                if group not in named:
                    index: Dict[str, List[int]] = {}
                    for k in candidates:
                        for p in set(b.people(k)):
                            index.setdefault(p, []).append(k)
                    named[group] = index
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
            if at < len(candidates) and not b.people(candidates[at]):
                best = candidates[at]
        if best is None:
            appeared.append(j)
        else:
            alive[best] = False
            changed.append((best, j))
    diff.appeared = Picked(after, appeared)
    diff.disappeared = Picked(before, sorted(k for candidates in rest.values() for k in candidates if alive[k]))
    changed.sort()
    diff.changed = PickedPairs(Picked(before, [k for k, _ in changed]), Picked(after, [j for _, j in changed]))


class _AsList(Sequence[Any]):
    """A read-only sequence that equals, and shows as, the list of its items."""

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, type(self))):
            return list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return repr(list(self))


class Picked(_AsList):
    """Some findings of a report, by their numbers there: a Finding is made as one is read."""

    def __init__(self, findings: Sequence[Finding], indices: Sequence[int]) -> None:
        self.findings, self.indices = findings, list(indices)

    def __len__(self) -> int:
        return len(self.indices)

    def __getitem__(self, k: Any) -> Any:
        if isinstance(k, slice):
            return [self.findings[i] for i in self.indices[k]]
        return self.findings[self.indices[k]]


class PickedPairs(_AsList):
    """Changed findings as (before, after) pairs, made as they are read."""

    def __init__(self, before: Picked, after: Picked) -> None:
        self.before, self.after = before, after

    def __len__(self) -> int:
        return len(self.before)

    def __getitem__(self, k: Any) -> Any:
        if isinstance(k, slice):
            return list(zip(self.before[k], self.after[k]))
        return (self.before[k], self.after[k])


def _sides(changed: Sequence[Tuple[Finding, Finding]]) -> Tuple[Sequence[Finding], Sequence[Finding]]:
    """The findings before and the findings after of changed pairs, in pair order."""
    if isinstance(changed, PickedPairs):
        return changed.before, changed.after
    return [a for a, _ in changed], [b for _, b in changed]


def _in_columns(findings: Sequence[Finding]) -> bool:
    """Whether the findings are picked from a report's FindingList (their text, data and JSON are
    then read from its columns in bulk)."""
    return isinstance(findings, Picked) and isinstance(findings.findings, FindingList)

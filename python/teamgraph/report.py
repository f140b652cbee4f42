"""assess(): every score of an org, explained; and the truck factor on a contributions table alone."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from . import _core
from .catalog import Catalog, normalize_language, pad
from .org import Org, PolicyLike, WhatIfChanges, _policy_text

SEVERITIES = ("critical", "high", "medium", "low", "info")


def default_policy() -> Dict[str, Any]:
    """Every threshold and weight of every score, with its default (docs/scores.md explains them)."""
    return json.loads(_core.default_policy_json())


@dataclass(frozen=True)
class Finding:
    """One explained result: severity, who it concerns, the numbers behind it and what to do."""

    score: str
    code: str
    severity: str
    people: List[str]
    message: str
    evidence: Dict[str, float]
    recommendation: str
    # How the texts name each of `people` ("Li Wei (e01)"), made when first read.
    labels: Sequence[str] = field(default=(), repr=False, compare=False)

    def __str__(self) -> str:
        return f"[{self.severity}] {self.message} {self.recommendation}"

    def as_dict(self) -> Dict[str, Any]:
        """The finding as the JSON report writes it (the labels are in the message already)."""
        return {"score": self.score, "code": self.code, "severity": self.severity, "people": self.people,
                "message": self.message, "evidence": self.evidence, "recommendation": self.recommendation}


class _PeopleLabels(Sequence[str]):
    """How a finding's texts name its people: "Li Wei (e01)" (the catalog's ``person.named``)
    when the person has a name, the id alone otherwise, the pseudonym when the report is
    pseudonymized. Made only for the people a text shows (at most ten a list), not for all."""

    def __init__(self, indices: Sequence[int], ids: Sequence[str], names: Optional[Sequence[Any]],
                 catalog: Catalog) -> None:
        self._indices, self._ids, self._names, self._catalog = indices, ids, names, catalog

    def __len__(self) -> int:
        return len(self._indices)

    def __getitem__(self, k: Any) -> Any:
        if isinstance(k, slice):
            return _PeopleLabels(self._indices[k], self._ids, self._names, self._catalog)
        i = self._indices[k]
        name = None if self._names is None else self._names[i]
        if not isinstance(name, str) or not name:
            return self._ids[i]
        return self._catalog.text("person.named", name=name, id=self._ids[i])


def _finding(raw: Mapping[str, Any], ids: Sequence[str], names: Optional[Sequence[Any]], catalog: Catalog) -> Finding:
    indices = [i for i in raw["people"] if i is not None]
    people = [ids[i] for i in indices]
    labels = _PeopleLabels(indices, ids, names, catalog)
    message, recommendation = catalog.finding_texts(raw["code"], raw["variant"], raw["args"], labels)
    return Finding(raw["score"], raw["code"], raw["severity"], people, message, dict(raw["evidence"]), recommendation,
                   labels)


class Report:
    """The scores of one org with their findings. Build it with ``teamgraph.assess(org)``.

    ``scores`` maps each score name to its 0-100 value, or None when its data is absent
    (``absent_reasons`` says why).
    """

    def __init__(self, org: Org, raw: Dict[str, Any], pseudonyms: Optional[Sequence[str]] = None,
                 lang: Optional[str] = None, key: Optional[bytes] = None) -> None:
        self.org = org
        self._key = key  # the pseudonymization key: keys the input checksum; never written out
        self._raw = raw
        self.pseudonymized = pseudonyms is not None
        self.language = normalize_language(lang)  # the catalog language of the report's words (teamgraph.catalog)
        self._pseudonyms = list(pseudonyms) if pseudonyms is not None else None
        self._people_cache: Optional[pd.DataFrame] = None
        self._ids_cache: Optional[List[str]] = None
        self._findings_cache: Optional[List[Finding]] = None
        self.scores: Dict[str, Optional[float]] = {s["name"]: s["value"] for s in raw["scores"]}
        self.absent_reasons: Dict[str, str] = {s["name"]: s["absent_reason"] for s in raw["scores"] if not s["assessed"]}
        self.policy: Dict[str, Any] = json.loads(raw["policy"])

    # Every output names people through _ids and _names, so a pseudonymized report never shows a
    # real id or name anywhere. The ids and the findings are made when first asked for: a list of
    # a million ids costs more than the scores of a large org (0.04 s at 1M people).
    @property
    def _ids(self) -> List[str]:
        if self._ids_cache is None:
            self._ids_cache = self._pseudonyms if self._pseudonyms is not None else self.org.ids
        return self._ids_cache

    @property
    def findings(self) -> List[Finding]:
        """The findings of every score, most severe first."""
        if self._findings_cache is None:
            # Names only where the report shows real people; a pseudonymized one shows pseudonyms.
            names = None if self._pseudonyms is not None else self._people["name"].tolist()
            self._findings_cache = [_finding(f, self._ids, names, self.catalog) for f in self._raw["findings"]]
        return self._findings_cache

    def pseudonymize(self, key: bytes) -> "Report":
        """The same report with every person id and name replaced by a keyed hash
        (HMAC-SHA-256 of the id, stable for the same key). The key itself appears nowhere."""
        from .export import pseudonym

        return Report(self.org, self._raw, [pseudonym(key, i) for i in self.org.ids], self.language, key)

    def with_language(self, lang: Optional[str]) -> "Report":
        """The same report with its words (findings, headings, charts) in another language:
        "en", "zh-CN" (or "zh_CN", "zh"). Raises ValueError for a language with no catalog."""
        lang = normalize_language(lang)
        if lang == self.language:
            return self
        return Report(self.org, self._raw, self._pseudonyms, lang, self._key)

    @property
    def catalog(self) -> Catalog:
        """The words of the report's language."""
        return Catalog.get(self.language)

    @property
    def _people(self) -> pd.DataFrame:
        """The org's people table, read once (an Org never changes); flight_risk in [0, 1] as the
        scores use it (risk = flight_risk x impact)."""
        if self._people_cache is None:
            self._people_cache = self.org.table("people", normalized=True)
        return self._people_cache

    @property
    def _id_column(self) -> Any:
        """The ids as a column of a per-person table: the people table's own (text held by Arrow,
        no Python string per person), or the pseudonyms."""
        return self._pseudonyms if self._pseudonyms is not None else self._people["id"]

    @property
    def _names(self) -> Any:
        """The names as a column of a per-person table (missing names NaN), or the pseudonyms."""
        return self._pseudonyms if self._pseudonyms is not None else self._people["name"]

    def _people_base(self) -> pd.DataFrame:
        people = self._people
        return pd.DataFrame({"id": self._id_column, "name": self._names, "department": people["department"],
                             "tier": people["tier"]})

    def coverage_of(self, score: str) -> Dict[str, Any]:
        """What `score` is made of: its parts, each computed (a 0-1 value) or not (None, with the
        reason: the input it needs is absent). The health index's parts are the scores.

        Returns {"score", "assessed", "absent_reason", "parts": [{"name", "value", "reason"}],
        "computed": [names], "not_computed": {name: reason}, "of": "N of M"}.
        """
        for s in self._raw["scores"]:
            if s["name"] == score:
                return _coverage(s)
        raise KeyError(f"no score called {score!r}; the scores are {', '.join(self.scores)}")

    # -- tables -----------------------------------------------------------------------------
    def scores_frame(self) -> pd.DataFrame:
        """One row a score: name, value (NaN when absent), assessed, absent_reason, and how many of
        its parts were computed (parts_computed of parts)."""
        return pd.DataFrame([{"name": s["name"], "value": np.nan if s["value"] is None else s["value"],
                              "assessed": s["assessed"], "absent_reason": s["absent_reason"],
                              "parts_computed": sum(p["value"] is not None for p in s["parts"]), "parts": len(s["parts"])}
                             for s in self._raw["scores"]])

    def findings_frame(self) -> pd.DataFrame:
        """One row a finding, most severe first."""
        return pd.DataFrame([{"severity": f.severity, "score": f.score, "code": f.code, "people": ", ".join(f.people),
                              "message": f.message, "recommendation": f.recommendation, "evidence": f.evidence}
                             for f in self.findings],
                            columns=["severity", "score", "code", "people", "message", "recommendation", "evidence"])

    @property
    def departure_impact(self) -> pd.DataFrame:
        """One row a person, highest departure risk first.

        coverage_drop: points of core leadership coverage lost; unit_left: people left without
        their manager; cut_off: people who lose every sharing path to the core;
        orphaned_artifacts: artifacts only they author; impact in [0, 1]; risk = flight_risk x
        impact (NaN where flight risk is not given). coverage_drop, cut_off and orphaned_artifacts
        are NaN when what they need is absent (leadership coverage not assessed; no sharing table
        or no core; no contributions table): not measured, not zero.
        """
        d = self._raw["departure"]
        people = self._people
        columns = self._departure_columns()
        frame = pd.DataFrame({
            "id": self._id_column, "name": self._names, "tier": people["tier"],
            "coverage_drop": columns["coverage_drop"], "unit_left": columns["unit_left"], "cut_off": columns["cut_off"],
            "orphaned_artifacts": columns["orphaned_artifacts"], "impact": d["impact"],
            "flight_risk": people["flight_risk"], "risk": d["risk"],
        })
        ranking = np.asarray(d["ranking"])
        frame = frame.iloc[ranking].reset_index(drop=True)
        frame.insert(0, "rank", np.arange(1, len(frame) + 1))
        return frame

    def _departure_columns(self) -> Dict[str, np.ndarray]:
        """The departure figures by person; NaN for a figure whose inputs are absent."""
        d = self._raw["departure"]

        def measured(key: str, assessed: bool) -> np.ndarray:
            values = np.asarray(d[key])
            return values if assessed else np.full(len(values), np.nan)

        return {"coverage_drop": measured("coverage_drop", d["coverage_assessed"]),
                "unit_left": np.asarray(d["unit_left"]),
                "cut_off": measured("cut_off", d["sharing_assessed"]),
                "orphaned_artifacts": measured("orphaned", d["knowledge_assessed"])}

    @property
    def people(self) -> pd.DataFrame:
        """One row a person (in the org's order), a column per per-person figure: departure impact
        and each support score's columns, named score.column."""
        d = self._raw["departure"]
        base = self._people_base()
        for column, values in self._departure_columns().items():
            base[column] = values
        base["departure_impact"] = d["impact"]
        base["departure_risk"] = d["risk"]
        for score in self._raw["support"]:
            for column, values in score["people"].items():
                base[f"{score['name']}.{column}"] = values
        return base

    @property
    def figures(self) -> Dict[str, Dict[str, Optional[float]]]:
        """Team-level figures of each support score (None where not available; see figure_notes)."""
        return {s["name"]: dict(s["figures"]) for s in self._raw["support"]}

    @property
    def figure_notes(self) -> Dict[str, Dict[str, str]]:
        """Why a figure is not available, by score and figure."""
        return {s["name"]: dict(s["notes"]) for s in self._raw["support"] if s["notes"]}

    @property
    def groups(self) -> pd.DataFrame:
        """Group aggregates (by tier, department, unit): ``size`` members, of whom
        ``contributors`` have a value, and ``value``, their mean. A group with fewer than the
        policy's ``min_group_size`` contributors is withheld, with the reason; so are the next
        smallest groups until the withheld ones of a figure are at least two and hold at least
        ``min_group_size`` contributors together, so that none can be recovered by subtraction."""
        rows = [{"score": s["name"], **g} for s in self._raw["support"] for g in s["groups"]]
        if self.pseudonymized:  # a unit is named by its manager's id
            for row in rows:
                if row["kind"] == "unit":
                    row["group"] = self._ids[self.org.find(row["group"])]
        frame = pd.DataFrame(rows, columns=["score", "kind", "group", "figure", "size", "contributors", "value",
                                           "withheld"])
        frame["value"] = frame["value"].astype(float)
        return frame

    @property
    def weakest(self) -> Optional[str]:
        """The score that holds the health index down most."""
        return self._raw["weakest"] or None

    @property
    def key_positions(self) -> pd.DataFrame:
        """One row a key position: incumbent, why key, bench strength, covered, successors."""
        rows = []
        for k in self._raw["succession"]["positions"]:
            rows.append({
                "incumbent": self._ids[k["incumbent"]], "core": k["core"], "large_unit": k["large_unit"],
                "unit_size": k["unit_size"], "bench_strength": k["bench_strength"], "covered": k["covered"],
                "score": k["score"],
                "successors": [f"{self._ids[s['person']]} ({s['readiness']})" for s in k["successors"]],
            })
        return pd.DataFrame(rows, columns=["incumbent", "core", "large_unit", "unit_size", "bench_strength", "covered",
                                           "score", "successors"])

    @property
    def coverage(self) -> pd.DataFrame:
        """The core layer's coverage of each required competency: best holder, coverage, depth, score."""
        c = self._raw["leadership"]["core_coverage"]["competencies"]
        return pd.DataFrame([{"competency": x["competency"], "best_holder": None if x["best"] is None else self._ids[x["best"]],
                              "coverage": x["coverage"], "depth": x["depth"], "score": x["score"]} for x in c],
                            columns=["competency", "best_holder", "coverage", "depth", "score"])

    @property
    def training_plan(self) -> Dict[str, Any]:
        """The fewest core members to train to close every missing capability, and what needs a hire."""
        plan = self._raw["leadership"]["plan"]
        return {"trainees": {self._ids[p]: t for p, t in zip(plan["trainees"], plan["trains"])},
                "hire_for": list(plan["hire_for"])}

    @property
    def vacancy_cascades(self) -> List[Dict[str, Any]]:
        """For each key position: who fills the seat, who fills theirs, and the first seat nobody can fill."""
        return [_cascade(c, self._ids) for c in self._raw["succession"]["cascades"]]

    @property
    def truck_factor(self) -> Optional["TruckFactor"]:
        """The team's truck factor from its contributions table (None when there is none)."""
        tf = self._raw["truck_factor"]
        return TruckFactor(tf["result"], self._ids) if tf["assessed"] else None

    def diff(self, other: "Report") -> "ReportDiff":
        """What changed from this report to `other` (e.g. the report of a what-if org)."""
        return ReportDiff(self, other)

    @property
    def truck_factors(self) -> pd.DataFrame:
        """The truck factor of each knowledge area (artifact names before the first '/') and of the
        artifacts each department's members author: kind, group, artifacts, truck_factor, people,
        withheld. A department under the policy's ``min_group_size`` is withheld (truck_factor
        None, no people, the reason in ``withheld``): it would single out who knows what."""
        rows = [{"kind": g["kind"], "group": g["group"], "artifacts": g["artifacts"],
                 "truck_factor": None if g["withheld"] else g["value"],
                 "people": [self._ids[i] for i in g["removed"]], "withheld": g["withheld"]}
                for g in self._raw["truck_factor"]["groups"]]
        return pd.DataFrame(rows, columns=["kind", "group", "artifacts", "truck_factor", "people", "withheld"])

    def to_dict(self) -> Dict[str, Any]:
        """The report as the versioned JSON document (docs/report-format.md)."""
        from .export import report_dict

        return report_dict(self)

    def to_json(self, path: Optional[Union[str, "os.PathLike[str]"]] = None, aggregate_only: bool = False) -> str:
        """The JSON report (byte-identical for the same data in any row order); written to `path` if given.

        ``aggregate_only=True``: the form for readers who should not see individuals (no
        per-person rows, ids or names; every group figure over at least ``min_group_size``
        contributors, with complementary suppression; findings counted, not listed; docs/privacy
        in docs/scores.md)."""
        from .export import to_json

        text = to_json(self, aggregate_only)
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    def to_text(self, top: int = 0, lang: Optional[str] = None) -> str:
        """The report as `teamgraph report` prints it (no colours), in the report's language or
        `lang`; `top` > 0 shows only the most severe findings."""
        from .export import to_text

        return to_text(self._in(lang), top)

    def to_markdown(self, top: int = 0, lang: Optional[str] = None) -> str:
        """The report as Markdown, in the report's language or `lang`."""
        from .export import to_markdown

        return to_markdown(self._in(lang), top)

    def to_html(self, path: Optional[Union[str, "os.PathLike[str]"]] = None, lang: Optional[str] = None) -> str:
        """One self-contained HTML page (no network needed): scores, charts, findings; in the
        report's language or `lang`."""
        from .html import to_html

        text = to_html(self._in(lang))
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    def _in(self, lang: Optional[str]) -> "Report":
        return self if lang is None else self.with_language(lang)

    def _repr_html_(self) -> str:
        from .html import to_html

        return to_html(self, fragment=True)

    def __repr__(self) -> str:
        parts = ", ".join(f"{k}={'n/a' if v is None else f'{v:.1f}'}" for k, v in self.scores.items())
        return f"<teamgraph.Report {parts}; {len(self.findings)} findings>"


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


def _coverage(s: Mapping[str, Any]) -> Dict[str, Any]:
    parts = [dict(p) for p in s["parts"]]
    computed = [p["name"] for p in parts if p["value"] is not None]
    return {"score": s["name"], "assessed": s["assessed"], "absent_reason": s["absent_reason"], "parts": parts,
            "computed": computed, "not_computed": {p["name"]: p["reason"] for p in parts if p["value"] is None},
            "of": f"{len(computed)} of {len(parts)}"}


def _cascade(c: Mapping[str, Any], ids: Sequence[str]) -> Dict[str, Any]:
    return {"leaver": ids[c["leaver"]],
            "chain": [(ids[s], ids[p]) for s, p in zip(c["seats"], c["promoted"])],
            "unfilled": None if c["unfilled"] is None else ids[c["unfilled"]],
            "truncated": c["truncated"]}


def assess(org: Org, policy: PolicyLike = None, lang: Optional[str] = None) -> Report:
    """Every score of the org, with findings.

    policy: overrides of the default policy (a dict, JSON text file path); they apply on top of
    the org's own team.json "policy". ``teamgraph.default_policy()`` lists every setting.
    lang: the language of the report's words, "en" (default) or "zh-CN"; ValueError for a
    language with no catalog (``teamgraph.catalog.LANGUAGES``).
    """
    lang = normalize_language(lang)  # a bad language fails before the scoring
    return Report(org, _core.assess(org._core, _policy_text(policy)), lang=lang)


def vacancy_cascade(org: Org, leaver: str, policy: PolicyLike = None) -> Dict[str, Any]:
    """Who fills the seat when `leaver` leaves, who fills theirs, ..., and the first seat nobody can fill."""
    index = org.find(leaver)
    if index is None:
        raise KeyError(f"no person with id {leaver!r}")
    return _cascade(_core.vacancy_cascade(org._core, index, _policy_text(policy)), org.ids)


@dataclass
class TruckFactor:
    """A truck factor: ``value``, the people removed in order with their authored counts
    (``authors``), and the coverage before each removal (``coverage``)."""

    value: int
    authors: pd.DataFrame
    coverage: List[float]
    artifacts: int
    authorship: Dict[str, List[str]] = field(repr=False)

    def __init__(self, raw: Mapping[str, Any], people: Sequence[str]) -> None:
        self.value = int(raw["value"])
        self.authors = pd.DataFrame({"person": [people[i] for i in raw["removed"]],
                                     "authored": [int(x) for x in raw["removed_authored"]]})
        self.coverage = [float(c) for c in raw["coverage"]]
        self.artifacts = len(raw["artifacts"])
        offsets, authors = raw["author_offsets"], raw["authors"]
        self.authorship = {a: [people[i] for i in authors[offsets[k]:offsets[k + 1]]]
                           for k, a in enumerate(raw["artifacts"])}


_ACTIONS = {"create": 0, "modify": 1, "rename": 2, "delete": 3}


def truck_factor(contributions: pd.DataFrame, artifacts: Optional[Sequence[str]] = None, method: str = "default",
                 policy: PolicyLike = None) -> TruckFactor:
    """The truck factor of a contributions table on its own (no org needed).

    contributions: columns person_id, artifact, action (create/modify/rename/delete), date and
    previous_artifact (for renames); ``read_git_history`` and ``contributions_from_git``
    (teamgraph.git) make one from git. artifacts: the artifacts to count (default: all that appear). method: "default"
    (renames followed in time order) or "avelino2016" (the published tool, quirks included).
    Ties in the greedy removal go to the smaller person label.
    """
    missing = {"person_id", "artifact", "action"} - set(contributions.columns)
    if missing:
        raise ValueError(f"contributions needs the columns {sorted(missing)}")
    people_codes, people = pd.factorize(contributions["person_id"].astype(str), sort=True)
    names = pd.concat([contributions["artifact"].astype(str),
                       contributions.get("previous_artifact", pd.Series(dtype=str)).dropna().astype(str)])
    names = names[names != ""]
    artifact_labels = pd.Index(pd.unique(names)).sort_values()
    artifact_codes = artifact_labels.get_indexer(contributions["artifact"].astype(str))
    actions = contributions["action"].astype(str).str.lower().map(_ACTIONS)
    if actions.isna().any():
        bad = contributions["action"][actions.isna()].iloc[0]
        raise ValueError(f"action must be create, modify, rename or delete, found {bad!r}")
    if "previous_artifact" in contributions:
        prev = contributions["previous_artifact"].fillna("").astype(str)
        previous = np.where(prev == "", -1, artifact_labels.get_indexer(prev))
    else:
        previous = np.full(len(contributions), -1)
    if "date" in contributions:
        dates = contributions["date"]
        if not pd.api.types.is_integer_dtype(dates):
            dates = pd.to_datetime(dates, utc=True).astype("int64") // 10**9
        dates = np.asarray(dates, dtype=np.int64)
    else:
        dates = np.zeros(len(contributions), dtype=np.int64)
    raw = _core.truck_factor(list(people), list(artifact_labels), np.asarray(people_codes, dtype=np.int64),
                             np.asarray(artifact_codes, dtype=np.int64), actions.to_numpy(dtype=np.int64), dates,
                             np.asarray(previous, dtype=np.int64), None if artifacts is None else list(artifacts),
                             method, _policy_text(policy))
    return TruckFactor(raw, list(people))


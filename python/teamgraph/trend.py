"""teamgraph.trend: the team over time, from snapshots of it, one a period (docs/trend.md).

A snapshot is a team (a folder, a team JSON file, an Org) or its report (a Report, or a JSON report
written by ``teamgraph report --format json``); each is read as its JSON report document, so every
kind gives the same trend. The snapshots are ordered by team.json's ``period``, and the trend holds
one row a period (every score, the coverage of each, the people counts), the findings that
appeared, persisted and were resolved, the people who joined and left between periods, and the
findings only a series shows (trend_checks.py). Given in any order, the same snapshots give the
same trend, byte for byte.

Findings are matched across periods by their identity: score, code and subject (what the finding
is about, by role: ``{"holder": "e01"}``; teamgraph.findings.finding_subject), and, for two findings
of one report with the same identity, their order in it. People are matched by id, or by
pseudonym: pseudonymized reports match when made with the same key.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

import pandas as pd

from .catalog import Catalog, normalize_language
from .findings import SEVERITIES, Finding
from .trend_snapshots import (Snapshot, TrendError, TrendPolicy, TrendProblem, load_all, order_by_period, policy_dict,
                              run_starts)

__all__ = ["PeriodChange", "Snapshot", "Trend", "TrendError", "TrendFinding", "TrendPolicy", "TrendProblem", "schema",
           "trend"]

SCHEMA_VERSION = "1.0"
PathLike = Union[str, "os.PathLike[str]"]


@dataclass
class TrendFinding:
    """One finding across the periods, by its identity (``key``). ``status`` is what became of it
    by the latest period: "appeared" (there, not in the period before), "persisted" (there and in
    the period before: ``periods`` running, ``since`` the first of them) or "resolved" (gone:
    ``resolved_in`` the period after it was last seen, ``periods`` the periods it ran until then).
    ``first`` and ``last``: the periods it was first and last seen in; ``present``: by period. Its
    severity, people and words are those of the last period it was seen in."""

    key: str
    score: str
    code: str
    subject: Dict[str, str]
    status: str
    periods: int
    since: str
    first: str
    last: str
    resolved_in: Optional[str]
    present: List[bool]
    severity: str
    people: List[str]
    message: str
    recommendation: str


@dataclass
class PeriodChange:
    """What changed from one period to the next: who joined and left (ids or pseudonyms, with
    how the report names them) and the keys of the findings that appeared, persisted, were resolved."""

    period: str
    previous: str
    joined: List[str]
    left: List[str]
    joined_labels: List[str]
    left_labels: List[str]
    appeared: List[str]
    persisted: List[str]
    resolved: List[str]


def trend(snapshots: Sequence[Any], policy: Any = None, lang: Optional[str] = None, key: Optional[bytes] = None,
          allow_gaps: bool = False) -> "Trend":
    """The team over time from `snapshots`, one a period, in any order: team folders or files
    (paths), JSON reports (paths or the dicts ``Report.to_dict()`` gives), Orgs or Reports.

    policy: overrides for scoring the teams (as ``assess``), a dict or a JSON file; its "trend"
    section sets the series findings (TrendPolicy: periods_running, stall_days, min_fall).
    lang: the language of the trend's words and of the reports it makes. key: pseudonymize the
    reports it makes and the Reports given (a JSON report is used as it was written).
    allow_gaps: take a series with a gap between two periods (the series findings do not run
    across it) instead of refusing it. Raises TrendError with every problem of every snapshot.
    """
    lang = normalize_language(lang)
    overrides = policy_dict(policy)
    settings = TrendPolicy.of(overrides.pop("trend", None))
    from .trend_checks import series_findings

    loaded, problems = load_all(snapshots, overrides or None, lang, key)
    ordered = order_by_period(loaded, allow_gaps, problems)
    result = Trend(ordered, settings, lang)
    c = Catalog.get(lang)
    result.series_findings, notes = series_findings(ordered, settings, c, _Labels(ordered[-1].doc, c))
    result.not_assessed.extend(notes)
    return result


class _Labels:
    """How a report names its people, made for the few asked for: "Name (id)", the id alone
    without a name or when pseudonymized (the name is the pseudonym then)."""

    def __init__(self, doc: Mapping[str, Any], c: Catalog) -> None:
        self._names = {} if doc["pseudonymized"] else {p["id"]: p.get("name") for p in doc["people"]}
        self._catalog = c

    def get(self, person: str, default: Optional[str] = None) -> str:
        name = self._names.get(person)
        if not isinstance(name, str) or not name or name == person:
            return person if default is None else default
        return self._catalog.text("person.named", name=name, id=person)

    def __getitem__(self, person: str) -> str:
        return self.get(person)


def _identities(doc: Mapping[str, Any], by_subject: bool) -> Dict[str, Mapping[str, Any]]:
    """A report's findings by identity key: score/code/role=value..., or, for reports written
    before findings carried their subject, score/code/people=a,b; "#2" for the second of a key."""
    out: Dict[str, Mapping[str, Any]] = {}
    seen: Dict[str, int] = {}
    for f in doc["findings"]:
        subject = f.get("subject", {}) if by_subject else {"people": ",".join(sorted(f["people"]))} if f["people"] else {}
        key = "/".join([f["score"], f["code"], *(f"{k}={v}" for k, v in sorted(subject.items()))])
        seen[key] = seen.get(key, 0) + 1
        out[key if seen[key] == 1 else f"{key}#{seen[key]}"] = {**f, "subject": dict(subject)}
    return out


class Trend:
    """The team over time (``teamgraph.trend``): ``periods`` (one row a period), ``findings`` (a
    TrendFinding an identity), ``changes`` (a PeriodChange between each two periods),
    ``series_findings`` (Findings only the series shows), ``not_assessed`` (what could not be
    checked, and why)."""

    def __init__(self, snapshots: List[Snapshot], policy: TrendPolicy, lang: str) -> None:
        self.snapshots = snapshots
        self.policy = policy
        self.language = lang
        last = snapshots[-1].doc
        self.team: str = str(last.get("team") or "")
        self.pseudonymized: bool = bool(last["pseudonymized"])
        self.not_assessed: List[Dict[str, Any]] = []
        self.series_findings: List[Finding] = []
        by_subject = all("subject" in f for s in snapshots for f in s.doc["findings"])
        if not by_subject:
            old = [s.source or s.label for s in snapshots if any("subject" not in f for f in s.doc["findings"])]
            self.not_assessed.append({"check": "finding_identity", "code": "findings_by_people",
                                      "sources": old, "args": {}})
        self._found = [_identities(s.doc, by_subject) for s in snapshots]
        self.scores: List[str] = sorted({name for s in snapshots for name in s.doc["scores"]},
                                        key=lambda n: (n != "health_index", n))
        self.periods = self._periods()
        self.changes = self._changes()
        self.findings = self._findings()

    @property
    def labels(self) -> List[str]:
        return [s.label for s in self.snapshots]

    def _periods(self) -> pd.DataFrame:
        rows = []
        for k, s in enumerate(self.snapshots):
            d = s.doc
            tiers = d["summary"].get("tiers", {})
            row: Dict[str, Any] = {"period": s.label, "start": s.start.isoformat(), "end": s.end.isoformat(),
                                   "source": s.source, "people": int(d["summary"].get("people", len(d["people"]))),
                                   **{t: int(tiers.get(t, 0)) for t in ("core", "execution", "support")},
                                   "findings": len(d["findings"])}
            for name in self.scores:
                score = d["scores"].get(name)
                row[name] = None if score is None else score.get("value")
                row[f"{name}.coverage"] = None if score is None else \
                    f"{score.get('parts_computed', 0)} of {len(score.get('parts', []))}"
            tf = d.get("truck_factor")
            row["truck_factor"] = None if not tf else tf.get("value")
            rows.append(row)
        return pd.DataFrame(rows)

    def _changes(self) -> List[PeriodChange]:
        out = []
        for k in range(1, len(self.snapshots)):
            a, b = self.snapshots[k - 1], self.snapshots[k]
            before, after = [p["id"] for p in a.doc["people"]], [p["id"] for p in b.doc["people"]]
            joined, left = sorted(set(after) - set(before)), sorted(set(before) - set(after))
            found_a, found_b = self._found[k - 1], self._found[k]
            c = Catalog.get(self.language)
            la, lb = _Labels(a.doc, c), _Labels(b.doc, c)
            out.append(PeriodChange(b.label, a.label, joined, left, [lb[p] for p in joined], [la[p] for p in left],
                                    sorted(set(found_b) - set(found_a)), sorted(set(found_b) & set(found_a)),
                                    sorted(set(found_a) - set(found_b))))
        return out

    def _findings(self) -> List[TrendFinding]:
        labels = self.labels
        n = len(labels)
        runs = run_starts(self.snapshots)
        out = []
        for key in sorted({k for found in self._found for k in found}):
            present = [key in found for found in self._found]
            last = max(k for k in range(n) if present[k])
            start = last
            while start > runs[last] and present[start - 1]:
                start -= 1
            f = self._found[last][key]
            if last == n - 1:
                status = "persisted" if start < last else "appeared"
            else:
                status = "resolved"
            first = present.index(True)
            out.append(TrendFinding(key, f["score"], f["code"], f["subject"], status, last - start + 1, labels[start],
                                    labels[first],
                                    labels[last], labels[last + 1] if status == "resolved" else None, present,
                                    f["severity"], list(f["people"]), f["message"], f["recommendation"]))
        order = {"appeared": 0, "persisted": 1, "resolved": 2}
        out.sort(key=lambda t: (order[t.status], SEVERITIES.index(t.severity), t.key))
        return out

    def to_dict(self) -> Dict[str, Any]:
        """The trend as the versioned JSON document (schemas/trend-1.0.schema.json, docs/trend.md)."""
        from .export import _clean
        from . import _core

        c = Catalog.get(self.language)
        periods = []
        for row in self.periods.to_dict("records"):
            periods.append({"period": row["period"], "start": row["start"], "end": row["end"], "source": row["source"],
                            "people": row["people"], "tiers": {t: row[t] for t in ("core", "execution", "support")},
                            "findings": row["findings"], "truck_factor": row["truck_factor"],
                            "scores": {name: {"value": row[name], "coverage": row[f"{name}.coverage"]}
                                       for name in self.scores if row[f"{name}.coverage"] is not None}})
        doc = {"schema": "teamgraph-trend", "schema_version": SCHEMA_VERSION, "teamgraph_version": _core.__version__,
               "team": self.team, "pseudonymized": self.pseudonymized, "policy": asdict(self.policy),
               "periods": periods, "changes": [asdict(ch) for ch in self.changes],
               "findings": [asdict(f) for f in self.findings],
               "series_findings": [f.as_dict() for f in self.series_findings],
               "not_assessed": [{**note, "reason": _note_text(note, c)} for note in self.not_assessed]}
        return _clean(doc)

    def to_json(self, path: Optional[PathLike] = None) -> str:
        """The JSON document; the same snapshots in any order give the same bytes."""
        text = json.dumps(self.to_dict(), indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n"
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    def to_text(self) -> str:
        """The trend as `teamgraph trend` prints it, in the trend's language (the findings of the
        snapshots in the words their reports were written in)."""
        from .trend_output import to_text

        return to_text(self)

    def to_html(self, path: Optional[PathLike] = None) -> str:
        """One self-contained HTML page: the periods, a small chart a score, the findings."""
        from .trend_output import to_html

        text = to_html(self)
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    def __repr__(self) -> str:
        return (f"<teamgraph.Trend {self.team!r}: {len(self.snapshots)} periods, {len(self.findings)} findings, "
                f"{len(self.series_findings)} series findings>")


def schema() -> Dict[str, Any]:
    """The JSON Schema of the trend document (schemas/trend-1.0.schema.json)."""
    from importlib import resources

    return json.loads(resources.files("teamgraph").joinpath(f"schemas/trend-{SCHEMA_VERSION}.schema.json").read_text("utf-8"))


def _note_text(note: Mapping[str, Any], c: Catalog) -> str:
    """Why a check was not made, in words (catalog ``trend.na.<code>``)."""
    return c.text(f"trend.na.{note['code']}", sources=c.listing(note["sources"]), **note["args"])

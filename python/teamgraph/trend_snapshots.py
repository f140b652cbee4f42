"""The snapshots of a trend (teamgraph.trend): reading each as its JSON report document, and
ordering them by period, or refusing the series with every problem of every snapshot at once."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from .catalog import Catalog


@dataclass(frozen=True)
class TrendPolicy:
    """The settings of the series findings (the "trend" section of a policy)."""

    periods_running: int = 3  # a key position uncovered, a score falling: for this many periods running
    stall_days: int = 365  # a successor's readiness unchanged over at least this many days (period end to end)
    min_fall: float = 1.0  # points a score must fall in all over the periods running (not noise)

    @classmethod
    def of(cls, settings: Optional[Mapping[str, Any]]) -> "TrendPolicy":
        """The settings with `settings` (a dict) over the defaults; TrendError names each bad one."""
        settings = dict(settings or {})
        smallest = {"periods_running": 2, "stall_days": 1, "min_fall": 0}
        bad = [f"trend.{k}" for k, v in sorted(settings.items())
               if k not in smallest or isinstance(v, bool) or not isinstance(v, (int, float)) or v != v
               or v < smallest[k] or (k != "min_fall" and v != int(v))]
        if bad:
            raise TrendError([TrendProblem("", "bad_setting", {"settings": ", ".join(bad)})])
        return cls(**{k: (float(v) if k == "min_fall" else int(v)) for k, v in settings.items()})


@dataclass(frozen=True)
class TrendProblem:
    """One reason the snapshots make no trend: the snapshot (its file, or "snapshot N" for a
    Python object), a stable code and the values its message names (catalog ``trend.error.<code>``)."""

    source: str
    code: str
    args: Dict[str, Any] = field(default_factory=dict)

    def text(self, catalog: Catalog) -> str:
        message = catalog.text(f"trend.error.{self.code}", **self.args)
        return catalog.text("trend.error.line", source=self.source, message=message) if self.source else message


class TrendError(ValueError):
    """The snapshots make no trend: every problem of every snapshot at once (``problems``, each a
    TrendProblem). ``str(err)`` is English; ``err.text("zh-CN")`` in Chinese."""

    def __init__(self, problems: Sequence[TrendProblem]) -> None:
        self.problems = list(problems)
        super().__init__(self.text())

    def text(self, lang: Optional[str] = None) -> str:
        c = Catalog.get(lang)
        return "\n".join([c.text("trend.error.heading", count=len(self.problems))]
                         + [c.text("problems.item", problem=p.text(c)) for p in self.problems])

    def __reduce__(self):
        return (type(self), (self.problems,))


@dataclass
class Snapshot:
    """One period: its report document (docs/report-format.md), where it came from, its dates."""

    source: Optional[str]  # the file or folder; None for a Python object
    doc: Dict[str, Any]
    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


def policy_dict(policy: Any) -> Dict[str, Any]:
    if policy is None:
        return {}
    if isinstance(policy, Mapping):
        return dict(policy)
    try:
        loaded = json.loads(Path(policy).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise TrendError([TrendProblem(str(policy), "unreadable", {"error": str(err)})]) from err
    if not isinstance(loaded, dict):
        raise TrendError([TrendProblem(str(policy), "bad_policy", {"error": "not a JSON object"})])
    return loaded


def load_all(items: Sequence[Any], policy: Optional[Dict[str, Any]], lang: str,
              key: Optional[bytes]) -> Tuple[List[Tuple[str, Optional[str], Dict[str, Any]]], List[TrendProblem]]:
    """Each snapshot that can be read as (name for messages, source, report document), and the
    problems of those that cannot."""
    if isinstance(items, (str, os.PathLike, Mapping)):
        items = [items]
    loaded, problems = [], []
    c = Catalog.get(lang)
    for k, item in enumerate(items, start=1):
        source = str(item) if isinstance(item, (str, os.PathLike)) else None
        name = source or c.text("trend.snapshot", number=k)
        try:
            loaded.append((name, source, _document(item, policy, lang, key, c)))
        except _Refused as refused:
            problems.extend(TrendProblem(name, code, args) for code, args in refused.problems)
    if not problems and len(loaded) < 2:
        problems.append(TrendProblem("", "too_few", {"count": len(loaded)}))
    return loaded, problems


class _Refused(Exception):
    def __init__(self, *problems: Tuple[str, Dict[str, Any]]) -> None:
        super().__init__(problems)
        self.problems = problems


def _document(item: Any, policy: Optional[Dict[str, Any]], lang: str, key: Optional[bytes], c: Catalog) -> Dict[str, Any]:
    from .errors import OrgDataError, RequestError
    from .org import Org, read_org
    from .report import Report, assess

    if isinstance(item, Mapping):
        return _checked(dict(item))
    if isinstance(item, (str, os.PathLike)):
        path = Path(item)
        if not path.exists():
            raise _Refused(("not_found", {}))
        if path.is_file() and path.suffix.lower() == ".json":
            try:
                doc = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, ValueError) as err:
                raise _Refused(("unreadable", {"error": str(err)})) from err
            if isinstance(doc, dict) and str(doc.get("schema", "")).startswith("teamgraph-"):
                return _checked(doc)
        try:
            item = read_org(path)
        except OrgDataError as err:
            raise _Refused(*[("invalid", {"problem": c.problem(p)}) for p in err.problems]) from err
        except OSError as err:
            raise _Refused(("unreadable", {"error": str(err)})) from err
    if isinstance(item, Org):
        try:
            item = assess(item, policy=policy, lang=lang)
        except RequestError as err:
            raise _Refused(("bad_policy", {"error": err.text(lang)})) from err
    if not isinstance(item, Report):
        raise _Refused(("not_a_snapshot", {"kind": type(item).__name__}))
    if key is not None and not item.pseudonymized:
        item = item.pseudonymize(key)
    return _checked(_snapshot_doc(item.with_language(lang)))


def _snapshot_doc(report: Any) -> Dict[str, Any]:
    """The parts of a report's JSON document (json_report.report_dict) the trend reads, made the same
    way, without the per-person figures and groups it does not read (a tenth of the time)."""
    from . import export, json_report

    s = export.report_summary(report)
    tf = report.truck_factor
    names = report._names
    doc = export._clean({"schema": "teamgraph-report", "team": report.org.name, "pseudonymized": report.pseudonymized,
                         "summary": {k: s[k] for k in ("people", "tiers")}, "scores": json_report.scores(report),
                         "findings": [f.as_dict() for f in report.findings],
                         "truck_factor": None if tf is None else {"value": tf.value},
                         **json_report.succession_over_time(report)})
    doc["people"] = [{"id": str(i), "name": n if isinstance(n, str) else None} for i, n in zip(report._ids, names)]
    return doc


def _checked(doc: Dict[str, Any]) -> Dict[str, Any]:
    """A report document the trend can read, or why not."""
    if doc.get("schema") == "teamgraph-aggregate-report":
        raise _Refused(("aggregate_only", {}))
    if doc.get("schema") != "teamgraph-report" or not all(
            isinstance(doc.get(k), t) for k, t in (("scores", dict), ("findings", list), ("people", list),
                                                    ("summary", dict), ("pseudonymized", bool))):
        raise _Refused(("not_a_report", {}))
    if "period" not in doc:
        raise _Refused(("no_period_written", {}))
    return doc


def _date(value: Any) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def order_by_period(loaded: Sequence[Tuple[str, Optional[str], Dict[str, Any]]], allow_gaps: bool,
           problems: List[TrendProblem]) -> List[Snapshot]:
    """The snapshots by period, or TrendError with every problem of the series (`problems`, those
    of the snapshots that could not be read, and): no period, different teams, mixed pseudonymized
    and plain, the same or overlapping periods, a gap (unless allowed), pseudonyms with nothing in
    common (another key)."""
    dated: List[Tuple[str, Snapshot]] = []
    for name, source, doc in loaded:
        period = doc.get("period")
        if not isinstance(period, dict):
            problems.append(TrendProblem(name, "no_period"))
            continue
        start, end = _date(period.get("start")), _date(period.get("end"))
        if start is None or end is None or start > end:
            dates = {"start": str(period.get("start")), "end": str(period.get("end"))}
            problems.append(TrendProblem(name, "bad_period", dates))
            continue
        dated.append((name, Snapshot(source, doc, start, end)))
    for name, doc, expected in _odd_ones(loaded, lambda doc: str(doc.get("team") or "")):
        problems.append(TrendProblem(name, "other_team", {"team": repr(str(doc.get("team") or "")),
                                                          "expected": repr(expected)}))
    for name, doc, _ in _odd_ones(loaded, lambda doc: bool(doc["pseudonymized"])):
        code = "pseudonymized_among_plain" if doc["pseudonymized"] else "plain_among_pseudonymized"
        problems.append(TrendProblem(name, code))
    dated.sort(key=lambda pair: (pair[1].start, pair[1].end, pair[0]))
    day = dt.timedelta(days=1)
    latest = dated[0] if dated else None  # of the snapshots before, the one that ends last
    for name_b, b in dated[1:]:
        name_a, a = latest
        if (a.start, a.end) == (b.start, b.end):
            problems.append(TrendProblem(name_b, "same_period", {"other": name_a, "period": b.label}))
        elif b.start <= a.end:
            problems.append(TrendProblem(name_b, "overlap", {"other": name_a, "period": b.label, "other_period": a.label}))
        elif b.start > a.end + day and not allow_gaps:
            gap = {"other": name_a, "gap_start": (a.end + day).isoformat(), "gap_end": (b.start - day).isoformat()}
            problems.append(TrendProblem(name_b, "gap", gap))
        elif a.doc["pseudonymized"] and b.doc["pseudonymized"] and a.doc["people"] and b.doc["people"] \
                and not {p["id"] for p in a.doc["people"]} & {p["id"] for p in b.doc["people"]}:
            problems.append(TrendProblem(name_b, "other_key", {"other": name_a}))
        if b.end > a.end:
            latest = (name_b, b)
    if problems:
        raise TrendError(sorted(problems, key=lambda p: (p.source, p.code, sorted(p.args.items()))))
    return [s for _, s in dated]


def _odd_ones(loaded: Sequence[Tuple[str, Optional[str], Dict[str, Any]]], value: Any) -> List[Tuple[str, Dict[str, Any], Any]]:
    """(name, document, the most common value) of each snapshot whose `value` is not the most
    common one (of a tie, the smallest value): a report of another team, a pseudonymized one among
    plain ones."""
    counts: Dict[Any, int] = {}
    for _, _, doc in loaded:
        counts[value(doc)] = counts.get(value(doc), 0) + 1
    if len(counts) < 2:
        return []
    expected = min(counts, key=lambda v: (-counts[v], v))
    return [(name, doc, expected) for name, _, doc in loaded if value(doc) != expected]


def run_starts(snapshots: Sequence[Snapshot]) -> List[int]:
    """For each period, the first period of the unbroken run it is in (a gap breaks a run)."""
    out = [0]
    for k in range(1, len(snapshots)):
        gap = snapshots[k].start > snapshots[k - 1].end + dt.timedelta(days=1)
        out.append(k if gap else out[-1])
    return out

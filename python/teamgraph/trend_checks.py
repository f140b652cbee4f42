"""The findings only a series of snapshots shows (teamgraph.trend; docs/trend.md):

- ``uncovered_key_position_running``: a key position with no successor ready now in each of the
  last ``periods_running`` periods (and how many more before them, without a break);
- ``successor_readiness_stalled``: a named successor who is not ready now and whose readiness for
  the same seat has not moved over at least ``stall_days`` days, counted from the end of the first
  period it was seen at that readiness (the date the message gives) to the end of the latest;
- ``score_falling``: a score lower in each of the last ``periods_running`` periods than in the one
  before, by at least ``min_fall`` points in all, with the same parts computed throughout (a
  score whose parts changed is not compared: that is noted, not judged).

Each looks back from the latest period over periods without a gap between them. A check whose
input a snapshot does not carry (a JSON report written before reports carried the key positions
or the successors table; a team with no successors table) is noted in ``not_assessed`` with the
reason and the snapshots, never skipped silently.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from .catalog import Catalog
from .findings import SEVERITIES, Finding
from .trend_snapshots import Snapshot, TrendPolicy, run_starts

Args = List[Tuple[str, str, Any]]


def series_findings(snapshots: Sequence[Snapshot], policy: TrendPolicy, c: Catalog,
                    labels: Mapping[str, str]) -> Tuple[List[Finding], List[Dict[str, Any]]]:
    """The series findings, most severe first, and the notes of what could not be checked."""
    window = snapshots[run_starts(snapshots)[-1]:]  # the latest periods with no gap between them
    notes: List[Dict[str, Any]] = []
    found = [*_uncovered_running(window, policy, c, labels, notes), *_stalled(window, policy, c, labels, notes),
             *_falling(window, policy, c, notes)]
    found.sort(key=lambda f: (SEVERITIES.index(f.severity), f.score, f.code, sorted(f.subject.items())))
    return found, notes


def _finding(c: Catalog, score: str, code: str, severity: str, people: List[str], labels: Mapping[str, str],
             args: Args, evidence: Dict[str, float], subject: Dict[str, str]) -> Finding:
    shown = [labels.get(p, p) for p in people]
    message, recommendation = c.finding_texts(code, "", args, shown)
    return Finding(score, code, severity, people, message, evidence, recommendation, shown, subject)


def _lacking(window: Sequence[Snapshot], check: str, field: str, notes: List[Dict[str, Any]]) -> List[bool]:
    """Which periods of the window carry `field`; a note for those that do not."""
    has = [s.doc.get(field) is not None for s in window]
    missing = [s for s, h in zip(window, has) if not h]
    if missing:
        code = "not_written" if any(field not in s.doc for s in missing) else f"no_{field}"
        notes.append({"check": check, "code": code, "sources": [s.source or s.label for s in missing],
                      "args": {"field": field}})
    return has


def _uncovered_running(window: Sequence[Snapshot], policy: TrendPolicy, c: Catalog, labels: Mapping[str, str],
                       notes: List[Dict[str, Any]]) -> List[Finding]:
    has = _lacking(window, "uncovered_key_position_running", "key_positions", notes)
    uncovered = [{k["incumbent"]: k for k in s.doc["key_positions"] if not k["covered"]} if h else {}
                 for s, h in zip(window, has)]
    out = []
    for holder, position in sorted(uncovered[-1].items()):
        run = _streak([holder in u for u in uncovered])
        if run < policy.periods_running:
            continue
        since = window[len(window) - run].start.isoformat()
        out.append(_finding(c, "succession_readiness", "uncovered_key_position_running", "high", [holder], labels,
                            [("holder", "people", (0, 1)), ("count", "count", run), ("since", "text", since)],
                            {"periods": float(run), "bench_strength": float(position["bench_strength"])},
                            {"holder": holder}))
    return out


def _stalled(window: Sequence[Snapshot], policy: TrendPolicy, c: Catalog, labels: Mapping[str, str],
             notes: List[Dict[str, Any]]) -> List[Finding]:
    has = _lacking(window, "successor_readiness_stalled", "successors", notes)
    pairs = [{(r["incumbent"], r["successor"]): r["readiness"] for r in s.doc["successors"]} if h else {}
             for s, h in zip(window, has)]
    out = []
    for (incumbent, successor), readiness in sorted(pairs[-1].items()):
        if readiness == "ready_now":
            continue
        run = _streak([p.get((incumbent, successor)) == readiness for p in pairs])
        first = window[len(window) - run]
        days = (window[-1].end - first.end).days
        if days < policy.stall_days:
            continue
        out.append(_finding(c, "succession_readiness", "successor_readiness_stalled", "medium", [successor, incumbent],
                            labels, [("successor", "people", (0, 1)), ("incumbent", "people", (1, 1)),
                                     ("readiness", "word", f"word.readiness.{readiness}"), ("days", "count", days),
                                     ("count", "count", run), ("since", "text", first.end.isoformat())],
                            {"days": float(days), "periods": float(run)},
                            {"successor": successor, "incumbent": incumbent}))
    return out


def _falling(window: Sequence[Snapshot], policy: TrendPolicy, c: Catalog, notes: List[Dict[str, Any]]) -> List[Finding]:
    out = []
    for name in sorted(window[-1].doc["scores"]):
        values: List[Optional[float]] = [s.doc["scores"].get(name, {}).get("value") for s in window]
        run = 1
        while run < len(values) and values[-run - 1] is not None and values[-run] is not None \
                and values[-run] < values[-run - 1]:
            run += 1
        first, last = values[-run], values[-1]
        if run < policy.periods_running or first is None or last is None or first - last < policy.min_fall:
            continue
        parts = {tuple(_computed(s.doc["scores"][name])) for s in window[len(window) - run:]}
        if len(parts) > 1:
            notes.append({"check": "score_falling", "code": "parts_changed",
                          "sources": [s.source or s.label for s in window[len(window) - run:]], "args": {"score": name}})
            continue
        since = window[len(window) - run].start.isoformat()
        out.append(_finding(c, name, "score_falling", "medium", [], {},
                            [("score", "text", c.score_name(name)), ("count", "count", run), ("since", "text", since),
                             ("first", "number", first), ("last", "number", last), ("drop", "number", first - last)],
                            {"first": first, "last": last, "drop": first - last, "periods": float(run)},
                            {"score": name}))
    return out


def _computed(score: Mapping[str, Any]) -> List[str]:
    return [p["name"] for p in score.get("parts", []) if p.get("value") is not None]


def _streak(flags: Sequence[bool]) -> int:
    """How many of the last flags are true, without a false between them."""
    run = 0
    for flag in reversed(flags):
        if not flag:
            break
        run += 1
    return run

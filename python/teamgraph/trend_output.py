"""The trend as text (what `teamgraph trend` prints) and as one self-contained HTML page with a
small chart a score (inline SVG, as the report's page draws its charts)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, List, Mapping, Sequence

from .catalog import Catalog, pad, width
from .findings import SEVERITIES, Finding

if TYPE_CHECKING:
    from .trend import Trend, TrendFinding


def _cell(value: Any, coverage: Any, c: Catalog) -> str:
    """A score in a period: its value, and its parts computed when not all were ("97.8 3/6");
    n/a when not assessed; empty when the period's report has no such score."""
    if coverage is None:
        return ""
    if value is None or value != value:
        return c.text("value.not_available")
    computed, _, total = str(coverage).partition(" of ")
    return f"{value:.1f}" if computed == total else f"{value:.1f} {computed}/{total}"


def _score_rows(t: "Trend", c: Catalog) -> List[List[str]]:
    """A row a score (and the truck factor, and the people counts): its value in each period."""
    rows = [[c.text("trend.column.people")] + [str(v) for v in t.periods["people"]]]
    for tier in ("core", "execution", "support"):
        rows.append(["  " + c.text(f"tier.{tier}")] + [str(v) for v in t.periods[tier]])
    for name in t.scores:
        rows.append([c.score_name(name)] + [_cell(v, cov, c) for v, cov in zip(t.periods[name], t.periods[f"{name}.coverage"])])
    if t.periods["truck_factor"].notna().any():
        rows.append([c.score_name("truck_factor")] + ["" if v is None or v != v else str(int(v)) for v in t.periods["truck_factor"]])
    rows.append([c.text("trend.column.findings")] + [str(v) for v in t.periods["findings"]])
    return rows


def _finding_lines(f: Finding, c: Catalog) -> List[str]:
    who = c.text("finding.who", people=c.who(f.people), evidence=c.evidence(f.evidence, "text.evidence_not_available"))
    return [c.text("text.finding", message=f.message), f"      {who}", f"      {c.text('finding.do', recommendation=f.recommendation)}"]


def _status_note(f: "TrendFinding", c: Catalog, short: Mapping[str, str]) -> str:
    if f.status == "persisted":
        return c.text("trend.note.persisted", count=f.periods, since=short[f.since])
    if f.status == "resolved":
        return c.text("trend.note.resolved", period=short[f.resolved_in], count=f.periods)
    return c.text("trend.note.appeared", period=short[f.last])


def to_text(t: "Trend") -> str:
    from . import __version__

    c = Catalog.get(t.language)
    short = {label: f"P{k + 1}" for k, label in enumerate(t.labels)}
    lines = [c.text("trend.text.title", version=__version__, team=t.team or c.text("team.unnamed"), count=len(t.labels)), ""]
    lines.append(c.text("trend.text.periods"))
    for k, s in enumerate(t.snapshots):
        lines.append(c.text("trend.text.period", short=f"P{k + 1}", period=s.label, source=s.source or ""))
    lines += ["", c.text("trend.text.scores")]
    rows = _score_rows(t, c)
    first = max(width(r[0]) for r in rows) + 2
    columns = [max([width(f"P{k + 1}")] + [width(r[k + 1]) for r in rows]) + 2 for k in range(len(t.labels))]
    lines.append("  " + pad("", first) + "".join(" " * (w - len(f"P{k + 1}")) + f"P{k + 1}" for k, w in enumerate(columns)))
    for r in rows:
        lines.append("  " + pad(r[0], first) + "".join(" " * (w - width(v)) + v for v, w in zip(r[1:], columns)))
    lines += ["", c.text("trend.text.changes")]
    for ch in t.changes:
        lines.append(c.text("trend.text.change", previous=short[ch.previous], period=short[ch.period],
                            joined=c.listing(ch.joined_labels), left=c.listing(ch.left_labels)))
    lines += ["", c.text("trend.text.findings", count=len(t.findings), period=short[t.labels[-1]])]
    for status in ("appeared", "persisted", "resolved"):
        group = [f for f in t.findings if f.status == status]
        lines.append(c.text(f"trend.status.{status}", count=len(group)))
        for f in group:
            lines.append(c.text("trend.text.finding", severity=c.severity(f.severity), message=f.message,
                                note=_status_note(f, c, short)))
    lines += ["", c.text("trend.text.series", count=len(t.series_findings))]
    for severity in SEVERITIES:
        group = [f for f in t.series_findings if f.severity == severity]
        if group:
            lines.append(f"  {c.severity(severity).upper()}")
            for f in group:
                lines.extend(_finding_lines(f, c))
    if t.not_assessed:
        from .trend import _note_text

        lines += ["", c.text("trend.text.not_assessed")]
        lines.extend(c.text("trend.text.note", check=note["check"], reason=_note_text(note, c)) for note in t.not_assessed)
    return "\n".join(lines) + "\n"


_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1100px;
       color: #1f2933; line-height: 1.45; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #d9e2ec; }
.meta { color: #627d98; font-size: 0.85rem; }
table { border-collapse: collapse; margin: 0.6rem 0; } td, th { padding: 0.3rem 0.7rem; text-align: left; }
th { background: #f0f4f8; } td.num { text-align: right; }
.charts { display: flex; flex-wrap: wrap; gap: 0.8rem; } .chart { width: 250px; } .chart svg { width: 100%; height: auto; }
.finding { border-left: 4px solid #9fb3c8; padding: 0.3rem 0.8rem; margin: 0.5rem 0; background: #fbfcfd; }
.critical { border-color: #c0392b; } .high { border-color: #e67e22; } .medium { border-color: #f1c40f; }
.low { border-color: #5dade2; } .info { border-color: #bcccdc; }
"""


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], element_id: str, numbers: bool = False) -> str:
    """An HTML table; `numbers`: its columns after the first are figures (right-aligned)."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f'<td{" class=num" if k and numbers else ""}>{html.escape(v)}</td>'
                                    for k, v in enumerate(r)) + "</tr>" for r in rows)
    return f'<table id="{element_id}"><tr>{head}</tr>{body}</table>'


def _finding_html(f: Any, c: Catalog, note: str = "") -> str:
    """A Finding, or a TrendFinding with its `note` (no evidence: that is in its report)."""
    extra = f' <span class="meta">({html.escape(note)})</span>' if note else ""
    evidence = {k: v for k, v in getattr(f, "evidence", {}).items() if v == v}
    who = c.text("finding.who", people=c.who(f.people), evidence=c.evidence(evidence) or c.text("value.none"))
    return (f'<div class="finding {f.severity}"><b>{html.escape(c.severity(f.severity))}</b> '
            f'<span class="meta">{html.escape(c.score_name(f.score))} / {html.escape(f.code)}</span>{extra}'
            f'<div>{html.escape(f.message)}</div><div class="meta">{html.escape(who)}</div>'
            f"<div>{html.escape(c.text('finding.do', recommendation=f.recommendation))}</div></div>")


def to_html(t: "Trend") -> str:
    from . import _core, plot
    from .html import _svg

    c = Catalog.get(t.language)
    short = {label: f"P{k + 1}" for k, label in enumerate(t.labels)}
    title = html.escape(c.text("trend.html.title", team=t.team or c.text("team.unnamed")))
    periods = _table([c.text("trend.column.period"), c.text("trend.column.dates"), c.text("trend.column.source")],
                     [[f"P{k + 1}", s.label, s.source or ""] for k, s in enumerate(t.snapshots)], "periods")
    scores = _table([""] + [f"P{k + 1}" for k in range(len(t.labels))], _score_rows(t, c), "scores", numbers=True)
    charts = "".join(f'<div class="chart" id="chart-{html.escape(name)}">{_svg(plot.trend(t, scores=[name]))}</div>'
                     for name in t.scores if t.periods[name].notna().any())
    changes = _table([c.text("trend.column.period"), c.text("trend.column.joined"), c.text("trend.column.left")],
                     [[f"{short[ch.previous]} → {short[ch.period]}", c.listing(ch.joined_labels), c.listing(ch.left_labels)]
                      for ch in t.changes], "changes")
    found = []
    for status in ("appeared", "persisted", "resolved"):
        group = [f for f in t.findings if f.status == status]
        found.append(f"<h3>{html.escape(c.text(f'trend.status.{status}', count=len(group)).strip())}</h3>"
                     + "".join(_finding_html(f, c, _status_note(f, c, short)) for f in group))
    series = "".join(_finding_html(f, c) for f in t.series_findings) or f"<p>{html.escape(c.text('value.none'))}</p>"
    notes = ""
    if t.not_assessed:
        from .trend import _note_text

        notes = (f"<h2>{html.escape(c.text('trend.text.not_assessed'))}</h2><ul>"
                 + "".join(f"<li>{html.escape(note['check'])}: {html.escape(_note_text(note, c))}</li>" for note in t.not_assessed)
                 + "</ul>")
    meta = [f"teamgraph {html.escape(_core.__version__)}"] + ([html.escape(c.text("html.pseudonymized"))] if t.pseudonymized else [])
    return (f"<!DOCTYPE html>\n<html lang=\"{c.language.replace('_', '-')}\"><head><meta charset=\"utf-8\">"
            f"<title>{title}</title><style>{_STYLE}</style></head><body><h1>{title}</h1>"
            f"<div class=\"meta\">{' &middot; '.join(meta)}</div>"
            f"<h2>{html.escape(c.text('trend.text.periods'))}</h2>{periods}"
            f"<h2>{html.escape(c.text('trend.text.scores'))}</h2>{scores}<div class=\"charts\">{charts}</div>"
            f"<h2>{html.escape(c.text('trend.text.changes'))}</h2>{changes}"
            f"<h2>{html.escape(c.text('trend.text.findings', count=len(t.findings), period=short[t.labels[-1]]))}</h2>"
            + "".join(found)
            + f"<h2>{html.escape(c.text('trend.text.series', count=len(t.series_findings)))}</h2>{series}{notes}"
            "</body></html>\n")

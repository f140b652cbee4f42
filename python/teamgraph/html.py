"""The HTML report: one self-contained page (charts are inline SVG; no script, style sheet or font
is fetched from anywhere), readable offline and safe to mail to a team lead."""

from __future__ import annotations

import html
import io

import matplotlib.pyplot as plt
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence

from . import _core

if TYPE_CHECKING:
    from concurrent.futures import Future

    from matplotlib.figure import Figure

    from .catalog import Catalog
    from .finding_filter import Names
    from .report import Report

_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1100px;
       color: #1f2933; line-height: 1.45; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #d9e2ec; }
.meta { color: #627d98; font-size: 0.85rem; }
table { border-collapse: collapse; margin: 0.6rem 0; } td, th { padding: 0.3rem 0.7rem; text-align: left; }
th { background: #f0f4f8; } tr:nth-child(even) td { background: #fafbfc; }
.bar { display: inline-block; height: 0.7rem; background: #2e86c1; border-radius: 2px; vertical-align: middle; }
.absent { color: #829ab1; font-style: italic; }
.finding { border-left: 4px solid #9fb3c8; padding: 0.3rem 0.8rem; margin: 0.6rem 0; background: #fbfcfd; }
.critical { border-color: #c0392b; } .high { border-color: #e67e22; } .medium { border-color: #f1c40f; }
.low { border-color: #5dade2; } .info { border-color: #bcccdc; }
.sev { font-weight: 600; text-transform: uppercase; font-size: 0.75rem; letter-spacing: 0.05em; }
.chart svg { max-width: 100%; height: auto; }
"""


def _svg(fig: "Figure") -> str:
    buffer = io.StringIO()
    # A fixed salt makes the SVG's element ids the same on every run: the same data, the same page.
    with plt.rc_context({"svg.hashsalt": "teamgraph"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    return text[text.index("<svg"):]  # drop the XML prolog and doctype: inline SVG


def _text(c: "Catalog", key: str, markup: Optional[Dict[str, str]] = None, **args: Any) -> str:
    """A catalog entry as HTML: its words and `args` escaped, each of `markup` (HTML already) put
    in place of its placeholder."""
    markup = markup or {}
    marks = {name: f"\x00{k}\x00" for k, name in enumerate(markup)}
    text = html.escape(c.text(key, **args, **marks))
    for name, mark in marks.items():
        text = text.replace(mark, markup[name])
    return text


def _scores_table(report: "Report") -> str:
    c = report.catalog
    rows = []
    ordered = sorted(report.scores.items(), key=lambda kv: (kv[1] is None, kv[1] or 0.0, kv[0]))
    for name, value in ordered:
        if value is None:
            reason = c.absent_reason(report.absent_reasons.get(name, ""))
            cell = f'<span class="absent">{_text(c, "html.not_assessed", reason=reason)}</span>'
        else:
            cell = f'{value:.1f} <span class="bar" style="width:{max(1, value) * 2:.0f}px"></span>'
            coverage = c.coverage(report.coverage_of(name))
            if coverage:
                cell += f' <span class="coverage">{html.escape(coverage)}</span>'
        rows.append(f"<tr><td>{html.escape(c.score_name(name))}</td><td>{cell}</td></tr>")
    return (f'<table id="scores"><tr><th>{_text(c, "column.score")}</th><th>{_text(c, "column.range")}</th></tr>'
            + "".join(rows) + "</table>")


def _findings(report: "Report", indices: Sequence[int]) -> str:
    # Written by the core from the columns (a <div> a finding): a big report lists hundreds of thousands.
    return '<section id="findings">' + report.findings.lines(indices, "html") + "</section>"


def _talent_grid(report: "Report") -> str:
    from .talent_grid import to_html as grid_html

    return f'<section id="talent-grid">{grid_html(report.talent_grid, report.catalog)}</section>'


def to_html(report: "Report", fragment: bool = False, top: int = 0, scores: "Names" = None,
            codes: "Names" = None) -> str:
    """The whole report as one HTML page, in the report's language, with the `top` most severe
    findings (0: all), only those of `scores` and `codes` when given (``FindingFilter``);
    `fragment` gives a light version for notebooks (scores and the top five findings, no
    charts)."""
    if fragment:
        return _fragment(report)
    from .json_report import checksum_meanwhile

    with checksum_meanwhile(report) as checksum:
        return _page(report, top, scores, codes, checksum)


def _title(report: "Report") -> str:
    return html.escape(report.org.name or report.catalog.text("html.title"))


def _fragment(report: "Report") -> str:
    c = report.catalog
    people = c.text("count.people", count=report.org.headcount)
    summary = _text(c, "html.fragment", {"team": f"<b>{_title(report)}</b>"}, people=people,
                    findings=c.text("count.findings", count=len(report.findings)))
    top_five = _findings(report, range(min(5, len(report.findings))))
    return f'<div class="teamgraph-report">{summary}{_scores_table(report)}{top_five}</div>'


def _page(report: "Report", top: int, scores: "Names", codes: "Names", checksum: "Future[str]") -> str:
    """The whole page; `checksum`: the input checksum, being made meanwhile."""
    from . import plot
    from .finding_filter import FindingFilter

    c = report.catalog
    title = _title(report)
    people = c.text("count.people", count=report.org.headcount)
    chosen = FindingFilter.of(scores, codes)
    count = len(report.findings)
    kept = chosen.indices(report.findings)
    shown = kept[:top] if top > 0 else kept
    if chosen:
        findings_heading = _text(c, "html.findings_of", filter=chosen.describe(c), matched=len(kept), count=count,
                                 shown=len(shown))
    elif len(shown) < count:
        findings_heading = _text(c, "html.findings_shown", count=count, shown=len(shown))
    else:
        findings_heading = _text(c, "html.findings", count=count)
    charts: List[str] = []
    for section, key, fn in [("org-chart", "html.chart.org_chart", plot.org_chart),
                             ("coverage", "html.chart.coverage", plot.coverage),
                             ("incentives", "html.chart.incentives", plot.incentive_balance),
                             ("sharing", "html.chart.sharing", plot.sharing_network),
                             ("departure", "html.chart.departure", plot.departure_ranking)]:
        charts.append(f'<h2>{_text(c, key)}</h2><div class="chart" id="{section}">{_svg(fn(report))}</div>')
    weakest = (f"<p>{_text(c, 'html.weakest', {'weakest': f'<b>{html.escape(c.score_name(report.weakest))}</b>'})}</p>"
               if report.weakest else "")
    meta = [f"teamgraph {html.escape(_core.__version__)}", html.escape(people),
            _text(c, "html.input", checksum=checksum.result()[:19])]
    if report.pseudonymized:
        meta.append(_text(c, "html.pseudonymized"))
    if report.org.headcount < len(report.org):  # said under the title: outside the scores
        from .export import placeholder_line, placeholders

        line = placeholder_line(c, {"placeholders": placeholders(report.org, report._ids, report._people_table(("placeholder",)))}, "html.placeholders")
        meta.append(f'<span id="placeholders">{html.escape(line)}</span>')
    return (
        f"<!DOCTYPE html>\n<html lang=\"{c.language.replace('_', '-')}\"><head><meta charset=\"utf-8\">"
        f"<title>{title}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{title}</h1><div class=\"meta\">{' &middot; '.join(meta)}</div>"
        f"<h2>{_text(c, 'html.scores')}</h2>{_scores_table(report)}{weakest}"
        f"<h2>{_text(c, 'grid.title')}</h2>{_talent_grid(report)}"
        + "".join(charts)
        + f"<h2>{findings_heading}</h2>{_findings(report, shown)}"
        "</body></html>\n")

"""Report outputs that leave the library: text, Markdown, CSV; pseudonyms, problems' messages and
the org's summary. The JSON report is in json_report.py (its names are still found here:
``teamgraph.export.schema()``, ``to_json``, ``input_checksum``, ...)."""

from __future__ import annotations

import hashlib
import hmac
import math
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Dict, FrozenSet, List, Mapping, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from . import _core
from .catalog import LIST_SEPARATOR, Catalog

if TYPE_CHECKING:
    from .finding_filter import Names
    from .org import Org
    from .report import Report

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def pseudonym(key: bytes, person_id: str) -> str:
    """A stable keyed pseudonym for a person id: "p-" + the first 16 hex digits of HMAC-SHA-256."""
    return "p-" + hmac.new(key, person_id.encode("utf-8"), hashlib.sha256).hexdigest()[:16]


def read_key(path: str) -> bytes:
    """Reads a pseudonymization key file (its bytes, trailing newline removed). Refuses an empty key."""
    with open(path, "rb") as f:
        key = f.read().rstrip(b"\r\n")
    if len(key) < 16:
        raise ValueError(f"{path}: the pseudonymization key must be at least 16 bytes")
    return key


_QUOTED = re.compile(r"'([^']*)'")


def scrub(texts: Sequence[str], org: "Org", ids: Sequence[str]) -> List[str]:
    """Problem messages for a pseudonymized output: every quoted value that is a person's id
    becomes their pseudonym, every other quoted value (an unknown id may be a real person's)
    becomes '...'. English messages quote every value they show (problem_message pseudonymizes
    a problem's values before they are put into words, in any language). The org's ids
    are looked through once for all the messages, not once a message."""
    # An id may hold a quote itself: then the quotes cannot be told apart, and a message is
    # withheld rather than risk printing an id.
    ambiguous = bool(texts) and any("'" in i for i in org.ids)
    withheld = "(the message names people; withheld in a pseudonymized output)"

    def replace(match: "re.Match[str]") -> str:
        index = org.find(match.group(1))
        return "'" + (ids[index] if index is not None else "...") + "'"
    return [withheld if ambiguous or text.count("'") % 2 else _QUOTED.sub(replace, text) for text in texts]


def _missing(value: Any) -> bool:
    """None, NaN or pandas' NA."""
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _clean(value: Any) -> Any:
    """JSON-safe values: NaN and infinities become null, numpy scalars plain numbers."""
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, (np.bool_,)):
        return bool(value)
    if value is pd.NA or value is pd.NaT:
        return None
    return value


@lru_cache(maxsize=1)
def _quoted_values() -> Dict[str, FrozenSet[str]]:
    """Per problem message key, the values its English template quotes ('{id}', {people:qlist}):
    the values that may be a person's id."""
    out = {}
    for key, singular, plural in _core.problem_templates():
        text = singular + plural
        out[key] = frozenset(re.findall(r"'\{(\w+)\}'", text)) | frozenset(re.findall(r"\{(\w+):q\w+\}", text))
    return out


def problem_message(problem: "_core.Problem", catalog: Catalog, org: Optional["Org"] = None,
                    ids: Optional[Sequence[str]] = None) -> str:
    """A problem's message in the catalog's language. With `org` and `ids` (pseudonyms, by row),
    pseudonymized as ``scrub`` does an English message: each value the message quotes that is a
    person's id shows as their pseudonym, any other quoted value as '...', and a message that
    cannot be told apart (an id holds a quote) is withheld."""
    if org is None:
        return catalog.problem_message(problem)
    ids = ids if ids is not None else org.ids
    if _quoted_values().get(problem.key) is None or problem.key not in catalog:  # no entry: English, scrubbed
        return scrub([problem.message], org, ids)[0]
    args = pseudonymized_args(problem, org, ids)
    if args is None:
        return catalog.text("problems.withheld")
    return catalog.problem_message(problem, args)


def pseudonymized_args(problem: "_core.Problem", org: "Org", ids: Sequence[str]) -> Optional[List[Tuple[str, str]]]:
    """A problem's args with each value its message quotes that is a person's id as their
    pseudonym (`ids`, by row), any other quoted value as '...', and quotes inside other values
    scrubbed; None when they cannot be told apart (an id holds a quote), or for a key with no
    template (no args then)."""
    quoted = _quoted_values().get(problem.key)
    if quoted is None:
        return [] if not problem.args else None
    if any("'" in i for i in org.ids) or any("'" in v for name, v in problem.args if name in quoted):
        return None

    def pseudonym(value: str) -> str:
        index = org.find(value)
        return ids[index] if index is not None else "..."
    args = []
    for name, value in problem.args:
        if name in quoted:
            value = LIST_SEPARATOR.join(pseudonym(v) for v in value.split(LIST_SEPARATOR))
        elif "'" in value:  # a text that quotes values itself (a JSON parser's message)
            value = scrub([value], org, ids)[0]
        args.append((name, value))
    return args


def problem_line(problem: "_core.Problem", catalog: Catalog, org: Optional["Org"] = None,
                 ids: Optional[Sequence[str]] = None) -> str:
    """A problem in one line (where, code, message) in the catalog's language; pseudonymized
    with `org` and `ids` as ``problem_message`` says, the person it is about by pseudonym."""
    if org is None:
        return catalog.problem(problem)
    ids = ids if ids is not None else org.ids
    person = problem.person_id
    if person:
        index = org.find(person)
        person = ids[index] if index is not None else "..."
    return catalog.problem(problem, message=problem_message(problem, catalog, org, ids), person_id=person)


# Warnings about how a file was read (a CSV decoded from GBK) or an export imported (a manager
# made a placeholder: import.json keeps it), not about the team: validate says them; a report
# leaves them out, so the same team gives the same report in every kind of file, imported or read
# back from the folder the import wrote (the report says its placeholders itself).
READING_WARNINGS = ("encoding", "placeholder_manager")


def summary(org: "Org", ids: Optional[List[str]] = None, pseudonymized: bool = False,
            catalog: Optional[Catalog] = None, reading: bool = False,
            people: Optional[pd.DataFrame] = None) -> Dict[str, Any]:
    """The validated org at a glance: people, tiers, units, layers, spans, tables, warnings.
    `pseudonymized`: `ids` are pseudonyms, and the warnings name people by them (``scrub``). The
    warnings' messages are in the `catalog`'s language (English by default). `reading`: the
    warnings about how a file was read (READING_WARNINGS) too. `people`: the org's people table
    when the caller has it (its tier, department and placeholder columns are read), made otherwise."""
    ids = ids if ids is not None else org.ids
    catalog = catalog or Catalog.get()
    warnings = []
    for p in org.warnings:
        if not reading and p.code in READING_WARNINGS:
            continue
        w = p.to_dict()
        w["message"] = problem_message(p, catalog, org, ids) if pseudonymized else catalog.problem_message(p)
        if pseudonymized:  # the message's values may name people: by pseudonym, or not at all
            args = pseudonymized_args(p, org, ids)
            w["args"] = dict(args) if args is not None else {}
        warnings.append(w)
    if pseudonymized:
        for w in warnings:
            if w.get("person_id"):
                index = org.find(w["person_id"])
                w["person_id"] = ids[index] if index is not None else "..."
    h = org.hierarchy
    people = org.people if people is None else people
    manager = np.asarray(h["manager"])
    reports = np.bincount(manager[manager >= 0], minlength=len(org)) if len(org) else np.zeros(0, dtype=np.int64)
    spans = reports[reports > 0]
    described = people[~people["placeholder"].to_numpy(dtype=bool)] if org.headcount < len(org) else people
    tiers = described["tier"].value_counts().reindex(["core", "execution", "support"], fill_value=0)
    out = {
        "team": org.name,
        "people": org.headcount,
        "tiers": {str(k): int(v) for k, v in tiers.items()},
        "departments": int(described["department"].nunique()),
        "units": int(len(spans)),
        "layers": int(h["layers"]),
        "tops": [ids[int(t)] for t in h["tops"]],
        "span_of_control": None if not len(spans) else {
            "min": int(spans.min()), "median": float(np.median(spans)), "max": int(spans.max())},
        "tables": {name: int(org._core.table_rows(name)) for name in sorted(org.tables)},
        "warnings": warnings,
    }
    if org.headcount < len(org):
        out["placeholders"] = placeholders(org, ids, people)
    return out


# The people table's columns summary() and placeholders() read.
_SUMMARY_COLUMNS = ("tier", "department", "placeholder")


def report_summary(report: "Report") -> Dict[str, Any]:
    """summary() of a report's org, people named as the report names them, from the people table
    the report holds."""
    return summary(report.org, report._ids, report.pseudonymized, report.catalog,
                   people=report._people_table(_SUMMARY_COLUMNS))


def placeholders(org: "Org", ids: Sequence[str], people: Optional[pd.DataFrame] = None) -> Dict[str, Any]:
    """The placeholder people (managers the data names but does not describe): how many, the
    people described who report to them (``leading``), and who they are (by `ids`: pseudonyms in a
    pseudonymized report), in the org's order (`people`: as summary's)."""
    flags = (org.people if people is None else people)["placeholder"].to_numpy(dtype=bool)
    manager = np.asarray(org.hierarchy["manager"])
    led = (manager >= 0) & ~flags
    leading = int(flags[manager[led]].sum())
    return {"count": int(flags.sum()), "leading": leading, "people": [ids[int(i)] for i in np.flatnonzero(flags)]}


def placeholder_line(c: Catalog, summary: Mapping[str, Any], key: str, shown: int = 10) -> str:
    """The report's sentence on its placeholder people (the catalog entry `key`): how many, who
    (the first `shown`), and how many people they lead, outside the scores."""
    p = summary["placeholders"]
    names = p["people"][:shown] + (["..."] if len(p["people"]) > shown else [])
    return c.text(key, count=p["count"], people=c.listing(names), led=c.text("count.people", count=p["leading"]))


def markdown_text(text: str) -> str:
    """Data shown in Markdown (a team name, ids, names, goal ids, and the messages that hold them)
    as plain text: < > & would be HTML on most wikis (``x"><img src=x onerror=...>``), and
    backslash, backticks, * _ [ ] would format or link; a line break would end the paragraph."""
    out = str(text).replace("\\", "\\\\")
    for ch in "`*_[]":
        out = out.replace(ch, "\\" + ch)
    return (out.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", " ")
            .replace("\n", " "))


def markdown_cell(text: str) -> str:
    """Text as one markdown table cell: as ``markdown_text``, and a pipe would end the cell."""
    return markdown_text(text).replace("|", "\\|")


def to_markdown(report: "Report", top: int = 0, scores: "Names" = None, codes: "Names" = None) -> str:
    """The report as Markdown, in the report's language; only the findings of `scores` and
    `codes` when given (``FindingFilter``), at most `top` of them when `top` > 0."""
    from .finding_filter import FindingFilter

    chosen = FindingFilter.of(scores, codes)
    c = report.catalog
    from . import _core
    from .json_report import checksum_meanwhile
    from .json_report import scores as score_entries

    with checksum_meanwhile(report) as checksum:
        # What the page shows of the JSON document (the findings are read from the columns, as shown).
        doc = _clean({"team": report.org.name, "teamgraph_version": _core.__version__,
                      "summary": report_summary(report),
                      "scores": score_entries(report)})
        kept = chosen.indices(report.findings)
        shown = kept[:top] if top > 0 else kept
        # written by the core from the columns: a big report lists hundreds of thousands
        findings = report.findings.lines(shown, "markdown") if len(shown) else None
        doc["input_checksum"] = checksum.result()
    lines = [c.text("markdown.title", team=markdown_text(doc["team"] or c.text("team.unnamed"))), "",
             c.text("markdown.meta", version=doc["teamgraph_version"], checksum=doc["input_checksum"][:19]), "",
             *([markdown_text(placeholder_line(c, doc["summary"], "markdown.placeholders")), ""]
               if "placeholders" in doc["summary"] else []),
             f"| {c.text('column.score')} | {c.text('column.value')} |", "|---|---|"]
    scores = sorted(doc["scores"].items(), key=lambda kv: (kv[1]["value"] is None, kv[1]["value"] or 0, kv[0]))
    for name, s in scores:
        value = (c.text("value.score", value=s["value"]) if s["value"] is not None
                 else c.text("value.absent", reason=c.absent_reason(s["absent_reason"])))
        coverage = c.coverage(report.coverage_of(name)) if s["value"] is not None else ""
        if coverage:
            value = c.text("markdown.score_coverage", value=value, coverage=coverage)
        lines.append(f"| {c.score_name(name)} | {markdown_cell(value)} |")
    from .talent_grid import markdown_lines

    lines += [""] + markdown_lines(report.talent_grid, c)
    lines += ["", c.text("markdown.findings"), ""]
    if chosen:
        lines += [c.text("markdown.findings_of", filter=markdown_text(chosen.describe(c)), matched=len(kept),
                         count=len(report.findings), shown=len(shown)), ""]
    if findings is not None:
        lines.append(findings)
    return "\n".join(lines) + "\n"


def csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Neutralizes text cells that a spreadsheet would run as formulas (leading =, +, -, @, tab,
    CR) by prefixing a single quote. Numbers are left alone."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = [("'" + v) if isinstance(v, str) and v.startswith(_FORMULA_START) else v for v in out[column]]
    return out


def to_text(report: "Report", top: int = 0, color: bool = False, scores: "Names" = None,
            codes: "Names" = None) -> str:
    """The text report (what `teamgraph report` prints), in the report's language; only the
    findings of `scores` and `codes` when given (``FindingFilter``), at most `top` of them when
    `top` > 0; `color` paints the severities with ANSI escapes."""
    from . import __version__
    from .catalog import pad
    from .finding_filter import FindingFilter
    from .findings import SEVERITIES

    chosen = FindingFilter.of(scores, codes)
    c = report.catalog
    s = report_summary(report)
    paint = {"critical": "\033[1;31m", "high": "\033[31m", "medium": "\033[33m", "low": "\033[36m", "info": "\033[2m"}
    reset = "\033[0m" if color else ""
    lines = [c.text("text.title", version=__version__, team=s["team"] or c.text("team.unnamed")), ""]
    tiers = c.text("list.separator").join(c.text("text.tier", count=v, tier=c.text(f"tier.{k}")) for k, v in s["tiers"].items())
    lines.append(c.text("text.people", count=s["people"], tiers=tiers))
    lines.append(c.text("text.departments", count=s["departments"]))
    lines.append(c.text("text.units", count=s["units"]))
    lines.append(c.text("text.layers", count=s["layers"]))
    lines.append(c.text("text.tops", tops=c.listing(s["tops"])))
    if "placeholders" in s:
        lines.append(placeholder_line(c, s, "text.placeholders"))
    if s["span_of_control"]:
        span = s["span_of_control"]
        lines.append(c.text("text.span", min=span["min"], max=span["max"], median=span["median"]))
    lines.append("")
    lines.append(c.text("text.tables", tables=c.text("list.separator").join(
        c.text("text.table", name=k, count=v) for k, v in s["tables"].items())))
    lines.append("")
    if s["warnings"]:
        lines.append(c.text("text.warnings", count=len(s["warnings"])))
        lines.extend(c.text("text.warning", **w) for w in s["warnings"])
    else:
        lines.append(c.text("text.no_problems"))
    lines.append("")
    lines.append(c.text("text.scores"))
    assessed = sorted(((v, k) for k, v in report.scores.items() if v is not None))
    for value, name in assessed:
        coverage = c.coverage(report.coverage_of(name))
        lines.append(c.text("text.score_coverage" if coverage else "text.score", name=pad(c.score_name(name), 24),
                            value=value, coverage=coverage))
    for name, reason in sorted(report.absent_reasons.items()):
        lines.append(c.text("text.score_absent", name=pad(c.score_name(name), 24), reason=c.absent_reason(reason)))
    tf = report.truck_factor
    if tf is not None:
        lines.append(c.text("text.truck_factor", name=pad(c.score_name("truck_factor"), 24), value=tf.value,
                            count=tf.artifacts))
    from .talent_grid import text_lines

    lines += [""] + text_lines(report.talent_grid, c)
    lines.append("")
    kept = chosen.indices(report.findings)
    shown = np.asarray(kept[:top] if top > 0 else kept, dtype=np.int64)
    if chosen:
        lines.append(c.text("text.findings_of", filter=chosen.describe(c), matched=len(kept),
                            count=len(report.findings), shown=len(shown)))
    else:
        lines.append(c.text("text.findings", count=len(report.findings), shown=len(shown)))
    severity_of = np.asarray(report.findings.columns["severity"])[shown] if len(shown) else shown
    labels = report.findings.columns["severities"]
    for severity in SEVERITIES:  # the core writes each group's findings from the columns
        group = shown[severity_of == labels.index(severity)]
        if not len(group):
            continue
        lines.append(f"  {paint[severity] if color else ''}{c.severity(severity).upper()}{reset}")
        lines.append(report.findings.lines(group, "text"))
    return "\n".join(lines) + "\n"


# The JSON report's names, found here as before it moved to json_report.py.
_JSON_REPORT = frozenset({"SCHEMA_VERSION", "AGGREGATE_SCHEMA_VERSION", "aggregate_dict", "input_checksum",
                          "report_dict", "schema", "succession_over_time", "to_json", "write_json"})


def __getattr__(name: str) -> Any:
    if name in _JSON_REPORT:
        from . import json_report

        return getattr(json_report, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

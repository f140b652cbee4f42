"""Report outputs that leave the library: JSON (versioned schema), Markdown, CSV; pseudonyms and
the input checksum.

The JSON report is byte-identical for the same data in any row order: people come in the org's
canonical order, keys are sorted, and the input checksum hashes the canonical tables.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import io
import math
import re
from importlib import resources
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Dict, FrozenSet, List, Mapping, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from . import _core
from .catalog import LIST_SEPARATOR, Catalog

if TYPE_CHECKING:
    from .finding_filter import Names
    from .org import Org
    from .report import Report

SCHEMA_VERSION = "1.3"
AGGREGATE_SCHEMA_VERSION = "1.0"
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


def input_checksum(org: "Org", key: Optional[bytes] = None) -> str:
    """SHA-256 of the org's tables in canonical order and its team.json: the same data in any row
    order gives the same checksum. Each table is hashed column by column (``_column_bytes``:
    numbers as float64, whole numbers as int64, text as UTF-8 with its offsets, which values are
    missing), scored values normalized to [0, 1]; a million-person org hashes in about a second
    (the CSV text hashed before took half a minute). With `key` (a pseudonymized report's),
    HMAC-SHA-256 under the key instead, so that reports cannot be linked to each other or to the
    data without it."""
    digest = hashlib.sha256() if key is None else hmac.new(key, digestmod=hashlib.sha256)
    for name in sorted(org.tables):
        table = org.table(name, normalized=True)
        digest.update(f"\x00table {name} {len(table)}\n".encode())
        for column in table.columns:
            digest.update(f"\x00column {column}\n".encode())
            for part in _column_bytes(table[column]):
                digest.update(part)
    digest.update(b"\x00team\n" + org._core.team_json.encode("utf-8"))
    return ("sha256:" if key is None else "hmac-sha256:") + digest.hexdigest()


def _column_bytes(values: pd.Series) -> List[Any]:
    """A column as bytes that say its values exactly: a kind, then which values are missing, then
    the values (little-endian numbers; text as Arrow's large_string offsets and UTF-8 data)."""
    import pyarrow as pa

    missing = values.isna().to_numpy(dtype=bool)
    dtype = values.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return [b"bool", np.packbits(missing).tobytes(),
                values.fillna(False).to_numpy(dtype=bool).astype(np.uint8).tobytes()]
    if pd.api.types.is_integer_dtype(dtype):
        return [b"int", np.packbits(missing).tobytes(), values.fillna(0).to_numpy(dtype="<i8").tobytes()]
    if pd.api.types.is_float_dtype(dtype):
        return [b"float", np.packbits(missing).tobytes(), np.where(missing, 0.0, values.to_numpy(dtype="<f8")).tobytes()]
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return [b"time", np.packbits(missing).tobytes(),
                values.to_numpy(dtype="datetime64[ns]").view("<i8").tobytes()]
    if isinstance(dtype, pd.CategoricalDtype):
        values = values.astype(object)
    text = pa.array(values.where(~missing, None).astype(object).map(lambda v: v if v is None else str(v)),
                    type=pa.large_string()) if values.dtype == object else pa.array(values, from_pandas=True)
    text = pa.concat_arrays([text.cast(pa.large_string())])
    buffers = text.buffers()
    offsets = np.frombuffer(buffers[1], dtype="<i8")[:len(text) + 1] if buffers[1] is not None else np.zeros(1, "<i8")
    data = buffers[2].to_pybytes() if buffers[2] is not None else b""
    return [b"text", np.packbits(missing).tobytes(), offsets.tobytes(), data]


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
            catalog: Optional[Catalog] = None, reading: bool = False) -> Dict[str, Any]:
    """The validated org at a glance: people, tiers, units, layers, spans, tables, warnings.
    `pseudonymized`: `ids` are pseudonyms, and the warnings name people by them (``scrub``). The
    warnings' messages are in the `catalog`'s language (English by default). `reading`: the
    warnings about how a file was read (READING_WARNINGS) too."""
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
    people = org.people
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
        "tables": {name: int(len(org.table(name))) for name in sorted(org.tables)},
        "warnings": warnings,
    }
    if org.headcount < len(org):
        out["placeholders"] = placeholders(org, ids)
    return out


def placeholders(org: "Org", ids: Sequence[str]) -> Dict[str, Any]:
    """The placeholder people (managers the data names but does not describe): how many, the
    people described who report to them (``leading``), and who they are (by `ids`: pseudonyms in a
    pseudonymized report), in the org's order."""
    flags = org.people["placeholder"].to_numpy(dtype=bool)
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


def _scores(report: "Report") -> Dict[str, Any]:
    """Each score with its coverage, as both JSON forms (full and aggregate-only) write it."""
    from .report import score_parts

    return {s.name: {"value": s.value, "assessed": s.assessed, "absent_reason": s.absent_reason,
                     "parts": score_parts(s), "parts_computed": s.parts_computed}
            for s in report._raw.scores}


def report_dict(report: "Report") -> Dict[str, Any]:
    """The report as the versioned JSON document (python/teamgraph/schemas/report-1.3.schema.json)."""
    doc = _document(report)
    doc["people"] = _people_rows(report)
    doc["findings"] = [f.as_dict() for f in report.findings]
    return _clean(doc)


def _people_rows(report: "Report") -> List[Dict[str, Any]]:
    """The per-person rows of the JSON report as dicts: text, numbers (NaN null), missing text null."""
    rows = []
    for row in report.people.to_dict("records"):
        rows.append({k: (None if _missing(v) else str(v)) if k in _TEXT_COLUMNS or isinstance(v, str) else v
                     for k, v in row.items()})
    return rows


# The per-person columns that are text (id, name, department, tier, the talent grid's boxes):
# a missing one is null, not "nan".
_TEXT_COLUMNS = frozenset({"id", "name", "department", "tier", "talent_grid.performance", "talent_grid.potential"})


def _document(report: "Report") -> Dict[str, Any]:
    """The JSON report without its two long arrays, people and findings."""
    tf = report.truck_factor
    doc = {
        "schema": "teamgraph-report",
        "schema_version": SCHEMA_VERSION,
        "teamgraph_version": _core.__version__,
        "team": report.org.name,
        "input_checksum": input_checksum(report.org, report._key),
        "pseudonymized": report.pseudonymized,
        "summary": summary(report.org, report._ids, report.pseudonymized, report.catalog),
        "scores": _scores(report),
        "weakest": report.weakest,
        "figures": report.figures,
        "figure_notes": report.figure_notes,
        "groups": report.groups.to_dict("records"),
        "truck_factor": None if tf is None else {
            "value": tf.value, "artifacts": tf.artifacts, "coverage": tf.coverage,
            "removed": [{"person": p, "authored": int(a)} for p, a in zip(tf.authors["person"], tf.authors["authored"])],
            "groups": report.truck_factors.to_dict("records")},
        "policy": report.policy,
        "talent_grid": report.talent_grid.to_dict(),
    }
    doc.update(succession_over_time(report))
    return doc


def _people_json(report: "Report", level: int, write: Optional[Callable[[Any], Any]] = None) -> Optional[bytes]:
    """The per-person rows as the JSON report writes them, by the core from the columns: returned
    as bytes, or written through `write` a block at a time."""
    import pyarrow as pa

    people = report.people
    specs: List[Tuple[Any, ...]] = []
    for key in sorted(people.columns):
        values = people[key]
        dtype = values.dtype
        if key in _TEXT_COLUMNS or not (pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype)):
            text = pa.array(values, from_pandas=True)
            if pa.types.is_dictionary(text.type):  # a categorical: its labels, decoded by Arrow
                text = text.dictionary_decode()
            if not pa.types.is_string(text.type) and not pa.types.is_large_string(text.type):
                text = pa.array([None if _missing(v) else str(v) for v in values], type=pa.large_string())
            text = pa.concat_arrays([text.cast(pa.large_string())])  # offset 0, own buffers
            buffers = text.buffers()
            offsets = np.frombuffer(buffers[1], dtype=np.int64)[:len(text) + 1]
            data = np.frombuffer(buffers[2], dtype=np.uint8) if buffers[2] is not None else np.zeros(0, np.uint8)
            given = text.is_valid().to_numpy(zero_copy_only=False)
            specs.append((key, "text", offsets, data, given))
        elif pd.api.types.is_bool_dtype(dtype):
            specs.append((key, "boolean", values.to_numpy(dtype=bool)))
        elif pd.api.types.is_integer_dtype(dtype):
            specs.append((key, "whole", values.to_numpy(dtype=np.int64)))
        else:
            specs.append((key, "number", values.to_numpy(dtype=np.float64, na_value=np.nan)))
    return _core.json_rows(len(people), specs, level, write)


def succession_over_time(report: "Report") -> Dict[str, Any]:
    """What `teamgraph trend` reads of a report beside its scores and findings: the team.json
    `period` ({start, end} as written, or null), the key positions (incumbent, covered: a
    successor is ready now, bench strength) and the successors table ({incumbent, successor,
    readiness} rows, sorted; null when the team has no successors table). People by id, or
    pseudonym in a pseudonymized report."""
    period = report.org.team.get("period")
    ids = report._ids
    successors = None
    if "successors" in report.org.tables:
        table = report.org.table("successors")
        find = report.org.find
        successors = sorted(({"incumbent": ids[find(a)], "successor": ids[find(b)], "readiness": str(r)}
                             for a, b, r in zip(table["incumbent_id"], table["successor_id"], table["readiness"])),
                            key=lambda row: (row["incumbent"], row["successor"]))
    positions = [{"incumbent": ids[k.incumbent], "covered": bool(k.covered), "bench_strength": k.bench_strength}
                 for k in report._raw.succession.positions]
    return {"period": {"start": period.get("start"), "end": period.get("end")} if isinstance(period, dict) else None,
            "key_positions": sorted(positions, key=lambda row: row["incumbent"]), "successors": successors}


def aggregate_dict(report: "Report") -> Dict[str, Any]:
    """The aggregate-only report (python/teamgraph/schemas/aggregate-1.0.schema.json): the form
    for readers who should not see individuals. No per-person row, no id, no name: scores and
    their coverage, team-level figures, group figures each over at least ``min_group_size``
    contributors with complementary suppression (the core's ``group_means``), units numbered
    instead of named by their manager, findings counted by score, code and severity, the truck
    factor without the people removed and with departments under the minimum withheld. The
    input checksum is keyed when the report is pseudonymized."""
    s = summary(report.org, report._ids)
    groups = report.groups
    units = {label: f"unit {k + 1}" for k, label in enumerate(dict.fromkeys(groups.loc[groups["kind"] == "unit", "group"]))}
    group_rows = []
    for row in groups.to_dict("records"):
        if row["kind"] == "unit":
            row["group"] = units[row["group"]]
        group_rows.append(row)
    counts: Dict[tuple, Dict[str, Any]] = {}
    for f in report.findings:
        entry = counts.setdefault((f.score, f.code, f.severity), {"score": f.score, "code": f.code,
                                                                  "severity": f.severity, "findings": 0, "people": set()})
        entry["findings"] += 1
        entry["people"].update(f.people)
    findings = [{**e, "people": len(e["people"])} for e in counts.values()]
    tf = report.truck_factor
    doc = {
        "schema": "teamgraph-aggregate-report",
        "schema_version": AGGREGATE_SCHEMA_VERSION,
        "teamgraph_version": _core.__version__,
        "team": report.org.name,
        "input_checksum": input_checksum(report.org, report._key),
        "min_group_size": report.policy["min_group_size"],
        "summary": {**{k: s[k] for k in ("people", "tiers", "departments", "units", "layers", "span_of_control",
                                         "tables")},
                    # how many placeholders and how many people they lead; never who
                    **({"placeholders": {k: s["placeholders"][k] for k in ("count", "leading")}}
                       if "placeholders" in s else {})},
        "scores": _scores(report),
        "weakest": report.weakest,
        "figures": report.figures,
        "figure_notes": report.figure_notes,
        "groups": group_rows,
        "findings": findings,
        "truck_factor": None if tf is None else {
            "value": tf.value, "artifacts": tf.artifacts, "coverage": tf.coverage,
            "groups": report.truck_factors.drop(columns="people").to_dict("records")},
        "policy": report.policy,
        "talent_grid": report.talent_grid.to_dict(),  # counts only, withheld as group figures are
    }
    return _clean(doc)


def to_json(report: "Report", aggregate_only: bool = False) -> str:
    if aggregate_only:
        return _dumps(aggregate_dict(report)) + "\n"
    out = io.BytesIO()
    write_json(report, out.write)
    return out.getvalue().decode("utf-8")


def _dumps(doc: Any) -> str:
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False)


# Stand-ins for the two long arrays in the document json.dumps writes; the core's text of each
# takes its place (json.dumps writes U+0000 as \u0000, which no other value of the report holds).
_PEOPLE, _FINDINGS = "\x00people\x00", "\x00findings\x00"


def write_json(report: "Report", write: Callable[[Any], Any]) -> None:
    """Writes the full JSON report as UTF-8 through `write` (a binary file's ``write``): the same
    bytes as ``json.dumps(report_dict(report), indent=2, sort_keys=True, ensure_ascii=False)`` and
    a newline. The document's small parts are written by json.dumps; the per-person rows and the
    findings by the core from their columns, a block at a time on worker threads: never a Python
    object per row or finding, nor the whole text in memory."""
    doc = _document(report)
    doc["people"], doc["findings"] = _PEOPLE, _FINDINGS
    text = _dumps(_clean(doc)) + "\n"
    people_at = text.index(_dumps(_PEOPLE))
    findings_at = text.index(_dumps(_FINDINGS))
    (first, first_json), (second, second_json) = sorted([(people_at, _PEOPLE), (findings_at, _FINDINGS)])
    arrays = {_PEOPLE: lambda: _people_json(report, 1, write), _FINDINGS: lambda: report.findings.json(1, write)}
    write(text[:first].encode("utf-8"))
    arrays[first_json]()
    write(text[first + len(_dumps(first_json)):second].encode("utf-8"))
    arrays[second_json]()
    write(text[second + len(_dumps(second_json)):].encode("utf-8"))


def schema(aggregate_only: bool = False) -> Dict[str, Any]:
    """The JSON Schema of the report document (of the aggregate-only one with `aggregate_only`)."""
    name = f"aggregate-{AGGREGATE_SCHEMA_VERSION}" if aggregate_only else f"report-{SCHEMA_VERSION}"
    text = resources.files("teamgraph").joinpath(f"schemas/{name}.schema.json").read_text("utf-8")
    return json.loads(text)


def to_markdown(report: "Report", top: int = 0, scores: "Names" = None, codes: "Names" = None) -> str:
    """The report as Markdown, in the report's language; only the findings of `scores` and
    `codes` when given (``FindingFilter``), at most `top` of them when `top` > 0."""
    from .finding_filter import FindingFilter

    chosen = FindingFilter.of(scores, codes)
    c = report.catalog
    doc = report_dict(report)
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
    kept = [doc["findings"][k] for k in chosen.indices(report.findings)]
    findings = kept[:top] if top > 0 else kept
    if chosen:
        lines += [c.text("markdown.findings_of", filter=markdown_text(chosen.describe(c)), matched=len(kept),
                         count=len(doc["findings"]), shown=len(findings)), ""]
    for f in findings:
        lines.append(c.text("markdown.finding", severity=c.severity(f["severity"]), score=c.score_name(f["score"]),
                            message=markdown_text(f["message"])) + "  ")
        who = c.text("finding.who", people=c.listing([markdown_text(p) for p in f["people"]]),
                     evidence=markdown_text(c.evidence(f["evidence"])))
        lines.append(f"  {who}  ")
        lines.append(f"  {c.text('finding.do', recommendation=markdown_text(f['recommendation']))}")
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
    s = summary(report.org, report._ids, report.pseudonymized, c)
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
    shown = [report.findings[k] for k in (kept[:top] if top > 0 else kept)]
    if chosen:
        lines.append(c.text("text.findings_of", filter=chosen.describe(c), matched=len(kept),
                            count=len(report.findings), shown=len(shown)))
    else:
        lines.append(c.text("text.findings", count=len(report.findings), shown=len(shown)))
    for severity in SEVERITIES:
        group = [f for f in shown if f.severity == severity]
        if not group:
            continue
        lines.append(f"  {paint[severity] if color else ''}{c.severity(severity).upper()}{reset}")
        for f in group:
            lines.append(c.text("text.finding", message=f.message))
            who = c.text("finding.who", people=c.listing(f.people),
                         evidence=c.evidence(f.evidence, "text.evidence_not_available"))
            lines.append(f"      {who}")
            lines.append(f"      {c.text('finding.do', recommendation=f.recommendation)}")
    return "\n".join(lines) + "\n"

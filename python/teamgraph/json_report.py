"""The JSON report (versioned schema, python/teamgraph/schemas/) and its input checksum.

The JSON report is byte-identical for the same data in any row order: people come in the org's
canonical order, keys are sorted, and the input checksum hashes the canonical tables. The long
arrays (people, findings) are written by the core from columns, a block at a time.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import math
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from importlib import resources
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterator, List, Mapping, Optional, Tuple, Union

import numpy as np
import pandas as pd

from . import _core
from .export import _SUMMARY_COLUMNS, _clean, _missing, report_summary, summary

if TYPE_CHECKING:
    from .org import Org
    from .report import Report

SCHEMA_VERSION = "1.3"
AGGREGATE_SCHEMA_VERSION = "1.0"


class _Stopped(Exception):
    """A checksum no longer wanted (checksum_meanwhile's caller failed or was interrupted)."""


def input_checksum(org: "Org", key: Optional[bytes] = None, stop: Optional[threading.Event] = None) -> str:
    """SHA-256 of the org's tables in canonical order and its team.json: the same data in any row
    order gives the same checksum. Each table is hashed column by column (``_column_bytes``:
    numbers as float64, whole numbers as int64, text as UTF-8 with its offsets, which values are
    missing), scored values normalized to [0, 1]; the core makes those bytes (``table_digest``)
    a block at a time on a second thread while this one hashes them, without the pandas columns,
    where it can. With `key` (a pseudonymized report's), HMAC-SHA-256 under the key instead, so
    that reports cannot be linked to each other or to the data without it. `stop`: once set, the
    next block hashed raises _Stopped (a checksum made on another thread, no longer wanted)."""
    digest = hashlib.sha256() if key is None else hmac.new(key, digestmod=hashlib.sha256)

    def update(data: Any) -> None:
        if stop is not None and stop.is_set():
            raise _Stopped()
        digest.update(data)
    for name in sorted(org.tables):
        update(f"\x00table {name} {org._core.table_rows(name)}\n".encode())
        if not org._core.table_digest(name, update):
            for part in _table_bytes(org, name):
                update(part)
    update(b"\x00team\n" + org._core.team_json.encode("utf-8"))
    _core.release_free_memory(len(org))  # what the core made the bytes with, given back
    return ("sha256:" if key is None else "hmac-sha256:") + digest.hexdigest()


@contextmanager
def checksum_meanwhile(report: "Report") -> Iterator["Future[str]"]:
    """The report's input checksum (keyed when pseudonymized), made on a thread of its own while
    the caller writes the rest of a report: the core makes the bytes and SHA-256 hashes them
    without the GIL (0.6-0.9 s at a million people, of some 680 MB of canonical tables). If the
    caller fails or is interrupted, the checksum stops at its next block. Where no thread can be
    started (or the interpreter is shutting down), it is made here, first."""
    pool = ThreadPoolExecutor(1)
    stop = threading.Event()
    try:
        checksum = pool.submit(input_checksum, report.org, report._key, stop)
    except RuntimeError:
        pool.shutdown()
        made: "Future[str]" = Future()
        made.set_result(input_checksum(report.org, report._key))
        yield made
        return
    try:
        yield checksum
    finally:
        stop.set()
        pool.shutdown(wait=True)


def _table_bytes(org: "Org", name: str) -> List[Any]:
    """What input_checksum hashes for one table's columns, made in Python: where the core cannot."""
    from .org import _to_series

    columns = org._core.table_columns(name, True)
    # The bulk (text, numbers) is hashed from the core's arrays; the rest from the column as
    # org.table() makes it, its dtype chosen by a DataFrame of those columns alone.
    parts = {column: _core_column_bytes(value) for column, value in columns.items()}
    others = pd.DataFrame({column: _to_series(value) for column, value in columns.items() if parts[column] is None})
    out: List[Any] = []
    for column in columns:
        out.append(f"\x00column {column}\n".encode())
        out.extend(_column_bytes(others[column]) if parts[column] is None else parts[column])
    return out


def _core_column_bytes(value: Any) -> Optional[List[Any]]:
    """_column_bytes() of a column of the core's table_columns() in the two commonest forms, text
    (("arrow", offsets, bytes, given): offsets from 0, a missing value's empty) and float64
    numbers, without making the pandas column; None for any other form."""
    if isinstance(value, tuple) and value[0] == "arrow":
        _, offsets, data, given = value
        return [b"text", np.packbits(~given), np.ascontiguousarray(offsets, dtype="<i8"), np.ascontiguousarray(data)]
    if isinstance(value, np.ndarray) and value.dtype == np.float64:
        missing = np.isnan(value)
        return [b"float", np.packbits(missing), np.ascontiguousarray(np.where(missing, 0.0, value), dtype="<f8")]
    return None


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
    if isinstance(dtype, pd.CategoricalDtype):  # its labels, decoded by Arrow
        text = pa.array(values, from_pandas=True).dictionary_decode()
    elif values.dtype == object and pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty"):
        text = pa.array(values.where(~missing, None).astype(object).map(lambda v: v if v is None else str(v)),
                        type=pa.large_string())
    else:  # text already (an object column of str, or Arrow's)
        text = pa.array(values, from_pandas=True, type=pa.large_string())
    text = pa.concat_arrays([text.cast(pa.large_string())])
    buffers = text.buffers()
    offsets = np.frombuffer(buffers[1], dtype="<i8")[:len(text) + 1] if buffers[1] is not None else np.zeros(1, "<i8")
    data = buffers[2].to_pybytes() if buffers[2] is not None else b""
    return [b"text", np.packbits(missing).tobytes(), offsets.tobytes(), data]


def scores(report: "Report") -> Dict[str, Any]:
    """Each score with its coverage, as both JSON forms (full and aggregate-only) write it."""
    from .report import score_parts

    return {s.name: {"value": s.value, "assessed": s.assessed, "absent_reason": s.absent_reason,
                     "parts": score_parts(s), "parts_computed": s.parts_computed}
            for s in report.core.scores}


def report_dict(report: "Report") -> Dict[str, Any]:
    """The report as the versioned JSON document (python/teamgraph/schemas/report-1.3.schema.json).
    The per-person rows and the findings are made JSON-safe as they are made, not walked again."""
    doc = _clean(document(report))
    doc["people"] = _people_rows(report)
    doc["findings"] = [_finding_dict(f) for f in report.findings]
    return doc


def _finding_dict(f: Any) -> Dict[str, Any]:
    """Finding.as_dict(), JSON-safe (evidence NaN and infinities null), its lists its own."""
    d = f.as_dict()
    d["people"], d["subject"] = list(d["people"]), dict(d["subject"])
    d["evidence"] = {str(k): _clean(v) for k, v in d["evidence"].items()}
    return d


def _people_rows(report: "Report") -> List[Dict[str, Any]]:
    """The per-person rows of the JSON report as dicts: text, numbers (NaN null), missing text null;
    made a column at a time (a column of plain numbers without a call a value)."""
    people = report.people
    columns = []
    for key in people.columns:
        values = people[key]
        dtype = values.dtype
        if key not in _TEXT_COLUMNS and isinstance(dtype, np.dtype) and dtype.kind in "fiub":
            cells = values.to_numpy().tolist()
            if dtype.kind == "f":
                cells = [None if v != v or v in (math.inf, -math.inf) else v for v in cells]
        else:
            text = key in _TEXT_COLUMNS
            cells = [(None if _missing(v) else str(v)) if text or isinstance(v, str) else _clean(v)
                     for v in values.tolist()]
        columns.append(cells)
    keys = [str(k) for k in people.columns]
    return [dict(zip(keys, row)) for row in zip(*columns)]


# The per-person columns that are text (id, name, department, tier, the talent grid's boxes):
# a missing one is null, not "nan".
_TEXT_COLUMNS = frozenset({"id", "name", "department", "tier", "talent_grid.performance", "talent_grid.potential"})


def _shared(report: "Report", schema: str, version: str, checksum: Any = None) -> Dict[str, Any]:
    """What the full and the aggregate-only documents both hold, as both write it (the talent
    grid is counts only, withheld as group figures are). `checksum`: the input checksum's value
    when made elsewhere (write_json's stand-in); by default it is made here."""
    return {"schema": schema, "schema_version": version, "teamgraph_version": _core.__version__,
            "team": report.org.name,
            "input_checksum": input_checksum(report.org, report._key) if checksum is None else checksum,
            "scores": scores(report), "weakest": report.weakest, "figures": report.figures,
            "figure_notes": report.figure_notes, "policy": report.policy,
            "talent_grid": report.talent_grid.to_dict()}


def document(report: "Report") -> Dict[str, Any]:
    """The JSON report without its two long arrays, people and findings."""
    doc = _document(report)
    doc.update(succession_over_time(report))
    return doc


def _document(report: "Report", checksum: Any = None) -> Dict[str, Any]:
    """document() without the period, key positions and successors (`checksum`: as _shared's)."""
    tf = report.truck_factor
    doc = {
        **_shared(report, "teamgraph-report", SCHEMA_VERSION, checksum),
        "pseudonymized": report.pseudonymized,
        "summary": report_summary(report),
        "groups": report.groups.to_dict("records"),
        "truck_factor": None if tf is None else {
            "value": tf.value, "artifacts": tf.artifacts, "coverage": tf.coverage,
            "removed": [{"person": p, "authored": int(a)} for p, a in zip(tf.authors["person"], tf.authors["authored"])],
            "groups": report.truck_factors.to_dict("records")},
    }
    return doc


def _people_json(report: "Report", level: int, write: Optional[Callable[[Any], Any]] = None) -> Optional[bytes]:
    """The per-person rows as the JSON report writes them, by the core from the columns: returned
    as bytes, or written through `write` a block at a time."""
    return _rows_json(report._people_columns(coded_levels=True, in_place=True), level, write, _TEXT_COLUMNS)


def _rows_json(frame: Union[pd.DataFrame, Mapping[str, Any]], level: int,
               write: Optional[Callable[[Any], Any]] = None, text_columns: frozenset = frozenset()) -> Optional[bytes]:
    """A frame's rows (or those of columns of one length, by name) as the JSON array json.dumps
    would write of their dicts (keys sorted; NaN null; `text_columns`, and any column neither
    numeric nor boolean, as text, missing text null; an OrgText read in place), by the core from
    the columns."""
    from .org import _arrow_text
    from .report import OrgText

    columns = {key: frame[key] for key in frame.columns} if isinstance(frame, pd.DataFrame) else frame
    rows = len(frame) if isinstance(frame, pd.DataFrame) else len(next(iter(columns.values()), ()))
    specs: List[Tuple[Any, ...]] = []
    for key in sorted(columns):
        values = columns[key]
        if isinstance(values, OrgText):
            specs.append((key, "people_text", values.org._core, values.column))
            continue
        dtype = values.dtype
        if key in text_columns or not (pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype)):
            if isinstance(dtype, pd.CategoricalDtype) and _all_text(values.cat.categories):
                # its codes, and each label once
                specs.append((key, "coded", values.cat.codes.to_numpy(), list(values.cat.categories)))
                continue
            # Text held by Arrow (or Python strings) read in place; anything else cell by cell,
            # as its str().
            text = _arrow_text(values) if _all_text(values) else None
            if text is None:
                text = _arrow_text(pd.Series([None if _missing(v) else str(v) for v in values], dtype=object))
            specs.append((key, "text", *text[1:]))
        elif pd.api.types.is_bool_dtype(dtype):
            specs.append((key, "boolean", values.to_numpy(dtype=bool)))
        elif isinstance(dtype, np.dtype) and dtype == np.uint32:
            specs.append((key, "whole", values.to_numpy()))  # the core's counts, read in place
        elif pd.api.types.is_integer_dtype(dtype):
            specs.append((key, "whole", values.to_numpy(dtype=np.int64)))
        elif isinstance(dtype, np.dtype) and dtype == np.float64:
            specs.append((key, "number", values.to_numpy()))  # the column's own array, not a copy
        else:
            specs.append((key, "number", values.to_numpy(dtype=np.float64, na_value=np.nan)))
    return _core.json_rows(rows, specs, level, write)


def _all_text(values: Any) -> bool:
    """Whether a column (or index) holds text only (or nothing): of a string dtype, or of objects
    that are all str (bytes, numbers and other objects are written as their str())."""
    if isinstance(values.dtype, pd.StringDtype) or (
            isinstance(values.dtype, pd.ArrowDtype) and str(values.dtype) in ("string[pyarrow]", "large_string[pyarrow]")):
        return True
    return values.dtype == object and pd.api.types.infer_dtype(values, skipna=True) in ("string", "empty")


def _succession_frames(report: "Report") -> Tuple[pd.DataFrame, Optional[pd.DataFrame]]:
    """The key positions (incumbent, covered, bench_strength) and the successors table
    (incumbent, successor, readiness; None without one) as the report lists them: people by id,
    or pseudonym in a pseudonymized report; rows sorted by incumbent (and successor)."""
    return _key_positions_frame(report), _successors_frame(report)


def _key_positions_frame(report: "Report") -> pd.DataFrame:
    """The key positions of _succession_frames."""
    from .report import _take_ids

    positions = report.core.succession.position_columns()
    key_positions = pd.DataFrame({"incumbent": pd.Series(_take_ids(report._ids, positions["incumbent"]), dtype=object),
                                  "covered": pd.Series(positions["covered"], dtype=bool),
                                  "bench_strength": pd.Series(positions["bench_strength"], dtype=np.float64)})
    return _sorted(key_positions, ["incumbent"])


def _successors_frame(report: "Report") -> Optional[pd.DataFrame]:
    """The successors table of _succession_frames (None without one)."""
    if "successors" not in report.org.tables:
        return None
    table = report.org.table("successors")
    pairs = {"incumbent": table["incumbent_id"].to_numpy(dtype=object),
             "successor": table["successor_id"].to_numpy(dtype=object)}
    if report.pseudonymized:  # each person by their pseudonym (the table names people by id)
        everyone = pd.Index(report.org.ids)
        at = {key: everyone.get_indexer(values) for key, values in pairs.items()}
        if any((found < 0).any() for found in at.values()):  # the org was validated: never
            raise ValueError("the successors table names someone who is not in the org")
        pseudonyms = np.asarray(report._ids, dtype=object)
        pairs = {key: pseudonyms[found] for key, found in at.items()}
    successors = pd.DataFrame({**pairs, "readiness": table["readiness"].astype(str).to_numpy(dtype=object)})
    # a pair is listed once (the table holds no pair twice)
    return _sorted(successors, ["incumbent", "successor"])


def _sorted(frame: pd.DataFrame, keys: List[str]) -> pd.DataFrame:
    """The frame's rows sorted by its text columns `keys`, stably, by Arrow: text in the order of
    its UTF-8 bytes, which is Python's order of str (by code point); some 5x faster than sorting
    object columns in pandas (key positions and successors of a large org)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    table = pa.table({key: pa.array(frame[key], from_pandas=True, type=pa.large_string()) for key in keys})
    order = pc.sort_indices(table, sort_keys=[(key, "ascending") for key in keys]).to_numpy()
    return frame.take(order).reset_index(drop=True)


def succession_over_time(report: "Report") -> Dict[str, Any]:
    """What `teamgraph trend` reads of a report beside its scores and findings: the team.json
    `period` ({start, end} as written, or null), the key positions (incumbent, covered: a
    successor is ready now, bench strength) and the successors table ({incumbent, successor,
    readiness} rows, sorted; null when the team has no successors table). People by id, or
    pseudonym in a pseudonymized report."""
    key_positions, successors = _succession_frames(report)
    return {"period": _period(report), "key_positions": _records(key_positions),
            "successors": None if successors is None else _records(successors)}


def _period(report: "Report") -> Optional[Dict[str, Any]]:
    period = report.org.team.get("period")
    return {"start": period.get("start"), "end": period.get("end")} if isinstance(period, dict) else None


def _records(frame: pd.DataFrame) -> List[Dict[str, Any]]:
    """A frame's rows as dicts of Python values."""
    keys = list(frame.columns)
    return [dict(zip(keys, row)) for row in zip(*(frame[key].tolist() for key in keys))]


def aggregate_dict(report: "Report") -> Dict[str, Any]:
    """The aggregate-only report (python/teamgraph/schemas/aggregate-1.0.schema.json): the form
    for readers who should not see individuals. No per-person row, no id, no name: scores and
    their coverage, team-level figures, group figures each over at least ``min_group_size``
    contributors with complementary suppression (the core's ``group_means``), units numbered
    instead of named by their manager, findings counted by score, code and severity, the truck
    factor without the people removed and with departments under the minimum withheld. The
    input checksum is keyed when the report is pseudonymized."""
    s = summary(report.org, report._ids, people=report._people_table(_SUMMARY_COLUMNS))
    groups = report.groups
    units = {label: f"unit {k + 1}" for k, label in enumerate(dict.fromkeys(groups.loc[groups["kind"] == "unit", "group"]))}
    group_rows = []
    for row in groups.to_dict("records"):
        if row["kind"] == "unit":
            row["group"] = units[row["group"]]
        group_rows.append(row)
    findings = _finding_counts(report)
    tf = report.truck_factor
    doc = {
        **_shared(report, "teamgraph-aggregate-report", AGGREGATE_SCHEMA_VERSION),
        "min_group_size": report.policy["min_group_size"],
        "summary": {**{k: s[k] for k in ("people", "tiers", "departments", "units", "layers", "span_of_control",
                                         "tables")},
                    # how many placeholders and how many people they lead; never who
                    **({"placeholders": {k: s["placeholders"][k] for k in ("count", "leading")}}
                       if "placeholders" in s else {})},
        "groups": group_rows,
        "findings": findings,
        "truck_factor": None if tf is None else {
            "value": tf.value, "artifacts": tf.artifacts, "coverage": tf.coverage,
            "groups": report.truck_factors.drop(columns="people").to_dict("records")},
    }
    return _clean(doc)


def _finding_counts(report: "Report") -> List[Dict[str, Any]]:
    """The findings counted by (score, code, severity), in the order each first appears among
    the findings, with how many distinct people they name: from the columns, without making a
    Finding."""
    c = report.findings.columns
    n = len(c["severity"])
    if not n:
        return []
    # One whole number a (score, code, severity), and one a (kind, person): distinct by sorting.
    sizes = [len(c["scores"]), len(c["codes"]), len(c["severities"])]
    key = (np.asarray(c["score"], dtype=np.int64) * sizes[1] + np.asarray(c["code"], dtype=np.int64)) * sizes[2] \
        + np.asarray(c["severity"], dtype=np.int64)
    order = np.argsort(key, kind="stable")
    starts = np.flatnonzero(np.r_[True, key[order][1:] != key[order][:-1]])
    first = order[starts]  # each kind's first finding
    group = np.empty(n, dtype=np.int64)
    group[order] = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, n]))
    findings = np.bincount(group, minlength=len(starts))
    offsets = np.asarray(c["people_offsets"], dtype=np.int64)
    people = np.asarray(c["people"], dtype=np.int64)  # a person's index in the org: one person, one index
    span = int(people.max(initial=0)) + 1
    pairs = np.sort(np.repeat(group, np.diff(offsets)) * span + people)
    pairs = pairs[np.r_[True, pairs[1:] != pairs[:-1]]] if len(pairs) else pairs
    distinct = np.bincount(pairs // span, minlength=len(starts))

    def label(g: int, key: str, labels: str) -> str:  # of the kind's first finding
        return c[labels][int(c[key][first[g]])]

    return [{"score": label(g, "score", "scores"), "code": label(g, "code", "codes"),
             "severity": label(g, "severity", "severities"), "findings": int(findings[g]), "people": int(distinct[g])}
            for g in np.argsort(first, kind="stable").tolist()]


def to_json(report: "Report", aggregate_only: bool = False) -> str:
    if aggregate_only:
        return _dumps(aggregate_dict(report)) + "\n"
    out = io.BytesIO()
    write_json(report, out.write)
    return out.getvalue().decode("utf-8")


def _dumps(doc: Any) -> str:
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False)


def write_json(report: "Report", write: Callable[[Any], Any]) -> None:
    """Writes the full JSON report as UTF-8 through `write` (a binary file's ``write``): the same
    bytes as ``json.dumps(report_dict(report), indent=2, sort_keys=True, ensure_ascii=False)`` and
    a newline. The document's small parts are written by json.dumps; its long arrays (the
    per-person rows, the findings, the key positions and the successors) by the core from their
    columns, a block at a time on worker threads: never a Python object per row or finding, nor
    the whole text in memory. The input checksum is made on a thread of its own meanwhile (the
    core's bytes and SHA-256 release the GIL), and written in its place when the text gets there,
    after the findings."""
    with checksum_meanwhile(report) as checksum:
        _write_json(report, write, checksum)


def _write_json(report: "Report", write: Callable[[Any], Any], checksum: "Future[str]") -> None:
    doc = _document(report, checksum="")  # the checksum's stand-in below takes its place
    doc["period"] = _period(report)
    # Each long array's (and the checksum's) stand-in in the text json.dumps writes (json.dumps
    # writes U+0000 as \u0000, which no other value of the report holds), and what writes the
    # value in its place: each made when the text gets there, not held beside the arrays before
    # it (a million people's successors table is 33 MB of Python strings).
    arrays: Dict[str, Callable[[], Any]] = {
        "input_checksum": lambda: write(_dumps(checksum.result()).encode("utf-8")),
        "people": lambda: _people_json(report, 1, write),
        "findings": lambda: report.findings.json(1, write),
        "key_positions": lambda: _rows_json(_key_positions_frame(report), 1, write),
    }
    if "successors" not in report.org.tables:
        doc["successors"] = None
    else:
        arrays["successors"] = lambda: _rows_json(_successors_frame(report), 1, write)
    stand_ins = {_dumps(f"\x00{key}\x00"): key for key in arrays}
    for stand_in, key in stand_ins.items():
        doc[key] = json.loads(stand_in)
    text = _dumps(_clean(doc)) + "\n"
    at = sorted((text.index(stand_in), stand_in) for stand_in in stand_ins)
    _give_back(report)
    held = report._people_cache is not None  # the people table, if the caller had it read before
    done = 0
    for position, stand_in in at:
        write(text[done:position].encode("utf-8"))
        arrays[stand_ins[stand_in]]()
        if not held:  # read for the people rows: not held through the arrays after them
            report._let_go_of_people()
        _give_back(report)
        done = position + len(stand_in)
    write(text[done:].encode("utf-8"))


def _give_back(report: "Report") -> None:
    """The memory what was just made was made with, given back before the next part of the report
    is made, for an org of half a million people or more: the C library's (the worker threads'
    allocators keep 100 MB after the findings of a million people) and Arrow's pool (25 MB after
    the key positions are sorted)."""
    if len(report.org) < 500_000:
        return
    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    _core.release_free_memory(len(report.org))


def schema(aggregate_only: bool = False) -> Dict[str, Any]:
    """The JSON Schema of the report document (of the aggregate-only one with `aggregate_only`)."""
    name = f"aggregate-{AGGREGATE_SCHEMA_VERSION}" if aggregate_only else f"report-{SCHEMA_VERSION}"
    text = resources.files("teamgraph").joinpath(f"schemas/{name}.schema.json").read_text("utf-8")
    return json.loads(text)

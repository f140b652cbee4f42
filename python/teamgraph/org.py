"""The org model in Python: loading, DataFrames in and out, networkx export."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from . import _core
from .errors import OrgDataError

if TYPE_CHECKING:
    import networkx as nx

PathLike = Union[str, "os.PathLike[str]"]
PolicyLike = Union[None, Mapping[str, Any], str, "os.PathLike[str]"]


def _policy_text(policy: PolicyLike) -> str:
    """Policy overrides as the JSON text the core reads: a dict, or the path of a JSON file."""
    if policy is None:
        return ""
    if isinstance(policy, Mapping):
        return json.dumps(dict(policy))
    return Path(policy).read_text(encoding="utf-8")

TABLES = tuple(table["name"] for table in _core.schema())


def _columns_of_kind(*kinds: str) -> Dict[str, Tuple[str, ...]]:
    """{table: its columns of these kinds}, from the input schema."""
    out = {}
    for table in _core.schema():
        names = tuple(c["name"] for c in table["columns"] if c["kind"] in kinds)
        if names:
            out[table["name"]] = names
    return out


# Columns that hold ids: text, compared exactly, never numbers ("007" is not "7").
_ID_COLUMNS = _columns_of_kind("id", "person", "reference")
_NUMERIC_COLUMNS = _columns_of_kind("number")
_BOOL_COLUMNS = _columns_of_kind("bool")
_DATE_COLUMNS = _columns_of_kind("date")


def sample_team_path() -> Path:
    """The bundled sample team (an invented e-commerce team of 46 people)."""
    return Path(__file__).resolve().parent / "data" / "ecommerce-team"


def read_org(path: PathLike, lenient: bool = False, follow_symlinks: bool = False) -> "Org":
    """Reads and validates a team: a folder of CSV tables (plus team.json) or one JSON file.

    Raises OrgDataError listing every problem of every file (``err.problems``). With
    ``lenient=True`` the valid records are loaded and the problems come back as warnings
    (``org.warnings``); records that refer to a left-out record are left out too. Problems about a
    whole file (a missing column, no top) still raise. A table that is a symbolic link to a file
    outside the folder is an ``outside_link`` problem unless ``follow_symlinks=True``.

    A folder's tables may also be Excel workbooks (``people.xlsx``: the first sheet) or Parquet files
    (``people.parquet``), and its CSVs may be in another clear encoding than UTF-8 (GB18030/GBK,
    UTF-16 with a byte-order mark, Windows-1252; ``"encoding"`` in team.json forces one): such a
    folder is read in Python (``teamgraph.tables``) with one warning a decoded file, and its problems
    name each file with the row's CSV line or spreadsheet row.
    """
    folder = Path(path)
    if folder.is_dir():
        from . import tables

        if tables.needs_python(folder, follow_symlinks):
            # Tables as .xlsx or .parquet, or an encoding given in team.json: read in Python, built
            # through Org.from_frames, problems naming each file and its lines or rows.
            return tables.read_folder(folder, lenient=lenient, follow_symlinks=follow_symlinks)
        # A CSV that is not UTF-8 (GBK, UTF-16, ...) the core reports as such: the folder is then
        # read in Python, which decodes it. Asking the core first spares every UTF-8 folder a
        # second read of all its bytes (0.09 s for 354 MB in the page cache; from the disk when not).
        try:
            core = _core.read_org(os.fspath(path), lenient, follow_symlinks)
        except OrgDataError as err:
            if tables.encoding_problem(err.problems):
                return tables.read_folder(folder, lenient=lenient, follow_symlinks=follow_symlinks)
            raise
        if lenient and tables.encoding_problem(core.warnings):
            return tables.read_folder(folder, lenient=lenient, follow_symlinks=follow_symlinks)
        return Org._wrap(core)
    return Org._wrap(_core.read_org(os.fspath(path), lenient, follow_symlinks))


@dataclass(frozen=True)
class WhatIfChanges:
    """What a what-if did. left: who left; promoted: {seat holder: successor} as given;
    filled: (seat holder, successor) for each seat filled from the successors table, in the order
    they were filled (most senior seat first, then down each cascade); unfilled: the vacated seats
    nobody filled (their reports went up to the next seat held); moved: {person: new manager}."""

    left: List[str]
    promoted: Dict[str, str]
    filled: List[Tuple[str, str]]
    unfilled: List[str]
    moved: Dict[str, str]


class Org:
    """An immutable, validated team.

    People are numbered in the preorder of the reports-to forest (tops by id, each manager's
    reports by id), so the order never depends on the input's row order. ``org.people`` and
    ``org.table(name)`` give the tables back as DataFrames in that order, with every value as
    read: assessment, potential, flight_risk and competency scores on the scales declared in
    team.json (1-5, 0-100, ...), so that ``Org.from_frames(**{n: org.table(n) for n in
    org.tables}, team=org.team)`` builds the same org again. ``org.table(name, normalized=True)``
    gives them mapped to [0, 1] instead, as the scores use them.
    """

    __slots__ = ("_core", "_changes", "_warnings")

    def __init__(self) -> None:
        self._core = _core.Org()
        self._changes: Optional[WhatIfChanges] = None
        self._warnings: Optional[List[_core.Problem]] = None

    def __reduce__(self):
        """Orgs pickle (to travel between processes) as their tables and team.json."""
        tables, team_json = _core.org_state(self._core)
        return (_rebuild, (tables, team_json))

    @classmethod
    def _wrap(cls, core: "_core.Org") -> "Org":
        org = cls.__new__(cls)
        org._core = core
        org._changes = None
        org._warnings = None  # the core's warnings; a reader in Python sets its own (files and lines)
        return org

    # -- building -------------------------------------------------------------------------
    @classmethod
    def from_frames(
        cls,
        people: pd.DataFrame,
        competencies: Optional[pd.DataFrame] = None,
        successors: Optional[pd.DataFrame] = None,
        sharing: Optional[pd.DataFrame] = None,
        meetings: Optional[pd.DataFrame] = None,
        attendance: Optional[pd.DataFrame] = None,
        incentives: Optional[pd.DataFrame] = None,
        goals: Optional[pd.DataFrame] = None,
        contributions: Optional[pd.DataFrame] = None,
        operations: Optional[pd.DataFrame] = None,
        team: Optional[Mapping[str, Any]] = None,
        lenient: bool = False,
    ) -> "Org":
        """Builds an org from DataFrames with the columns of the input format (docs/input-format.md).

        Id columns must hold text: read CSVs with ``dtype=str, keep_default_na=False`` (or
        ``dtype={"id": str, ...}``) so that pandas does not turn ids into numbers. ``team`` is
        the content of team.json as a dict; scored columns (assessment, potential, flight_risk,
        competency scores) hold values on the scales it declares, as ``org.table(name)`` gives
        them back. Problems name the table and the 1-based row. ``lenient``: as in ``read_org``.
        """
        frames = dict(people=people, competencies=competencies, successors=successors, sharing=sharing,
                      meetings=meetings, attendance=attendance, incentives=incentives, goals=goals,
                      contributions=contributions, operations=operations)
        problems: List[_core.Problem] = []
        tables: Dict[str, Tuple[int, List[Tuple[str, Any]]]] = {}
        for name, frame in frames.items():
            if frame is None:
                continue
            if not isinstance(frame, pd.DataFrame):
                raise TypeError(f"{name} must be a pandas DataFrame, got {type(frame).__name__}")
            tables[name] = (len(frame), _frame_columns(name, frame, problems))
        fatal = [p for p in problems if p.severity == _core.Severity.error and (p.record == 0 or not lenient)]
        if fatal:
            raise OrgDataError(f"{len(problems)} problems in the org data", problems)
        team_json = _team_json(team)
        return cls._wrap(_core.org_from_columns(tables, team_json, problems, lenient))

    # -- reading --------------------------------------------------------------------------
    def __len__(self) -> int:
        return self._core.size

    @property
    def size(self) -> int:
        """Number of people, placeholder people included (see ``headcount``)."""
        return self._core.size

    @property
    def headcount(self) -> int:
        """Number of people the data describes: ``size`` less the placeholder people (managers the
        data names but does not describe, marked in the people table's ``placeholder`` column;
        they keep their place in the hierarchy and are left out of every score and count)."""
        return self._core.headcount

    @property
    def name(self) -> str:
        """The team's name from team.json ('' when not given)."""
        return self._core.team_name

    @property
    def team(self) -> Dict[str, Any]:
        """team.json as a dict ({} when not given)."""
        text = self._core.team_json
        return json.loads(text) if text else {}

    @property
    def tables(self) -> List[str]:
        """The input tables that were given (absent tables mean "no data")."""
        return list(self._core.tables)

    @property
    def warnings(self) -> List[_core.Problem]:
        """Problems that did not stop the build (several tops, unknown files, ...)."""
        return list(self._warnings if self._warnings is not None else self._core.warnings)

    def find(self, person_id: str) -> Optional[int]:
        """The index of a person (exact id match), or None."""
        return self._core.find(person_id)

    @property
    def ids(self) -> List[str]:
        """Person ids in the org's order."""
        return self._core.ids()

    @property
    def people(self) -> pd.DataFrame:
        """One row a person, in the org's order: the people table, extra columns included, values
        as read (assessment, potential and flight_risk on their declared scales); the same as
        ``org.table("people")``."""
        return self.table("people")

    def table(self, name: str, normalized: bool = False, columns: Optional[Sequence[str]] = None) -> pd.DataFrame:
        """One input table as a DataFrame, in canonical order, extra columns included.

        Values are as read: assessment, potential, flight_risk (people) and score (competencies)
        on the scales declared in team.json, so the tables an org gives, with ``org.team``, build
        the same org again (``Org.from_frames``). ``normalized=True``: those columns mapped
        linearly from their declared scale to [0, 1], the form the scores use. ``columns``: only
        these (in the table's order), the others not made; a name the table does not have is a
        ValueError. Empty for a table that was not given (see ``tables``).
        """
        if name not in TABLES:
            raise ValueError(f"unknown table {name!r}; expected one of {', '.join(TABLES)}")
        wanted = None if columns is None else [str(c) for c in columns]
        made = self._core.table_columns(name, normalized, wanted)
        if wanted is not None and name in self.tables:
            unknown = [c for c in dict.fromkeys(wanted) if c not in made]
            if unknown:
                raise ValueError(f"the {name} table has no column {', '.join(map(repr, unknown))}; "
                                 f"it has {', '.join(self._core.table_columns(name, normalized))}")
        return pd.DataFrame({key: _to_series(value) for key, value in made.items()})

    @property
    def hierarchy(self) -> Dict[str, Any]:
        """manager (index, -1 for a top), depth, subtree_end (the unit led by p is
        range(p, subtree_end[p])), tops and layers, as numpy arrays and ints."""
        return self._core.hierarchy_arrays()

    def __repr__(self) -> str:
        h = self._core.hierarchy_arrays()
        name = f" {self.name!r}" if self.name else ""
        placeholders = len(self) - self.headcount
        extra = f" and {placeholders} placeholder{'s' if placeholders > 1 else ''}" if placeholders else ""
        return f"<teamgraph.Org{name}: {self.headcount} people{extra}, {h['layers']} layers>"

    # -- what-if --------------------------------------------------------------------------
    def what_if(self, leave: Sequence[str] = (), promote: Optional[Mapping[str, str]] = None,
                move: Optional[Mapping[str, str]] = None,
                add_successor: Sequence[Tuple[str, str, str]] = (), fill: bool = True,
                policy: PolicyLike = None) -> "Org":
        """A changed copy of the org; this one is untouched. ``changed.changes`` says what was done.

        leave: ids of people who leave (their links, incentives, attendance, competencies,
        contributions and rows of operations go with them; their goals are dropped and the goals
        under them re-attached to the next goal up; their reports go to whoever fills their
        seat, else up to their manager).
        fill: each vacated seat (a leaver's, or that of someone promoted who holds a key position
        or has reports) is filled by the best ready-now successor named for it, the most senior
        seat first, then the seat that successor leaves, down the vacancy cascade; False fills
        only the seats in `promote`. The policy (as for assess) decides key positions and fitness.
        promote: {seat holder: successor}; the successor takes the seat (manager, reports, and the
        core tier if the seat was core) and the seat's successor bench. A seat must be vacant: its
        holder leaves or is promoted in the same call; a seat given here is filled as given.
        move: {person: new manager}.
        add_successor: (incumbent, successor, readiness) rows to add.
        Raises ValueError for an impossible change and OrgDataError when the result is not a valid
        org (a move that makes a reporting cycle).
        """
        promote = dict(promote or {})
        move = dict(move or {})
        core, filled, unfilled = _core.what_if(self._core, list(leave), list(promote.items()), list(move.items()),
                                               [tuple(row) for row in add_successor], fill, _policy_text(policy))
        changed = Org._wrap(core)
        changed._changes = WhatIfChanges(left=list(leave), promoted=promote, filled=[tuple(f) for f in filled],
                                         unfilled=list(unfilled), moved=move)
        return changed

    @property
    def changes(self) -> Optional["WhatIfChanges"]:
        """For an org made by ``what_if``: who left, who stepped up into which seat and which
        seats stayed empty; None for an org read or built from tables."""
        return self._changes

    # -- export ---------------------------------------------------------------------------
    def to_networkx(self, relation: str = "reports_to") -> "nx.Graph":
        """The org as a networkx graph; nodes are person ids with the people columns (as read, see
        ``people``) as attributes.

        relation: "reports_to" (DiGraph, manager -> report), "successors" (DiGraph, incumbent ->
        successor, attribute readiness) or "sharing" (MultiGraph keyed by channel, attribute
        per_week).
        """
        import networkx as nx

        people = self.people
        if relation == "reports_to":
            graph: nx.Graph = nx.DiGraph()
        elif relation == "successors":
            graph = nx.DiGraph()
        elif relation == "sharing":
            graph = nx.MultiGraph()
        else:
            raise ValueError(f"relation must be 'reports_to', 'successors' or 'sharing', not {relation!r}")
        records = people.astype(object).where(people.notna(), None).to_dict("records")
        graph.add_nodes_from((r["id"], r) for r in records)
        if relation == "reports_to":
            graph.add_edges_from((m, p) for p, m in zip(people["id"], people["manager_id"]) if not _missing(m))
        elif relation == "successors":
            s = self.table("successors")
            graph.add_edges_from((a, b, {"readiness": r}) for a, b, r in
                                 zip(s["incumbent_id"], s["successor_id"], s["readiness"].astype(str)))
        else:
            s = self.table("sharing")
            for a, b, c, w in zip(s["person_a"], s["person_b"], s["channel"].astype(str), s["per_week"]):
                graph.add_edge(a, b, key=c, channel=c, per_week=None if pd.isna(w) else float(w))
        return graph


def _rebuild(tables: Dict[str, Any], team_json: str) -> "Org":
    return Org._wrap(_core.org_from_columns(tables, team_json))


def _arrow_series(spec: tuple) -> pd.Series:
    """("arrow", offsets, bytes, valid) from the core as a pandas text column (missing where not
    valid), without a Python string per cell."""
    import pyarrow as pa

    _, offsets, data, valid = spec
    mask = None if valid.all() else pa.py_buffer(np.packbits(valid, bitorder="little"))
    array = pa.LargeStringArray.from_buffers(len(valid), pa.py_buffer(offsets), pa.py_buffer(data), mask)
    return array.to_pandas()


def _to_series(value: Any) -> Any:
    """Turns a tagged column from the core into a pandas-friendly column."""
    if isinstance(value, tuple):
        kind = value[0]
        if kind == "categorical":
            codes, labels = value[1]
            return pd.Categorical.from_codes(np.asarray(codes, dtype=np.int64), categories=labels)
        if kind == "bool":
            flags = np.asarray(value[1])
            return pd.arrays.BooleanArray(flags == 1, flags < 0)
        if kind == "arrow":
            return _arrow_series(value)
        if kind == "date":
            seconds = np.asarray(value[1], dtype=np.int64)
            missing = seconds == np.iinfo(np.int64).min
            out = pd.to_datetime(np.where(missing, 0, seconds), unit="s", utc=True)
            return pd.Series(out).where(~missing, pd.NaT)
    return value


def _team_json(team: Optional[Mapping[str, Any]]) -> str:
    """team.json's text from a dict; OrgDataError when it is not a mapping or not JSON."""
    if team is None:
        return ""
    if not isinstance(team, Mapping):
        problem = _core.make_problem("problem.bad_value.team_mapping", "team", 0, "", "",
                                     [("type", type(team).__name__)])
        raise OrgDataError("1 problem in the org data", [problem])
    try:
        return json.dumps(dict(team), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as err:
        problem = _core.make_problem("problem.bad_value.team_json", "team", 0, "", "", [("detail", str(err))])
        raise OrgDataError("1 problem in the org data", [problem]) from err


def _problem(key: str, table: str, record: int, field: str, **args: Any) -> "_core.Problem":
    """A problem of a DataFrame: the message `key` ("problem.<code>[.<variant>]", a template of the
    core, filled in by the catalog in the report's language) with the named values `args`."""
    return _core.make_problem(key, f"{table} frame", record, "", field, [(k, str(v)) for k, v in args.items()])


# What a cell may not hold, as the CSV and JSON readers refuse it (teamgraph::detail::check_text):
# C0 controls but tab and line breaks, DEL, and the C1 controls (U+0080-U+009F).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _control_character(text: str) -> Optional[str]:
    """The first control character of `text` as the messages name it ("U+001B"), or None."""
    match = _CONTROL.search(text)
    return None if match is None else f"U+{ord(match.group()):04X}"


def _check_text_column(name: str, column: str, series: pd.Series, problems: List["_core.Problem"]) -> None:
    """A problem for every cell of a text column that holds a control character (one pass with a
    regular expression; the cells are not copied)."""
    categorical = isinstance(series.dtype, pd.CategoricalDtype)
    if not (pd.api.types.is_string_dtype(series.dtype) or series.dtype == object or categorical):
        return
    text = series.astype("string") if series.dtype == object or categorical else series
    try:
        bad = text.str.contains(_CONTROL, na=False).to_numpy(dtype=bool)
    except (TypeError, ValueError):  # cells that are not text: the core reports their type
        return
    for row in np.flatnonzero(bad):
        problems.append(_problem("problem.control_character.cell", name, int(row) + 1, column,
                                 character=_control_character(str(text.iloc[row]))))


def _frame_columns(name: str, frame: pd.DataFrame, problems: List["_core.Problem"]) -> List[Tuple[str, Any]]:
    """Converts a DataFrame into the core's columns: float64 arrays or lists of str/None."""
    out: List[Tuple[str, Any]] = []
    names = pd.Index(frame.columns)
    repeated = set(names[names.duplicated()])
    for column in dict.fromkeys(c for c in names if c in repeated):  # once a name, in header order
        positions = [i + 1 for i, c in enumerate(names) if c == column]
        problems.append(_problem("problem.duplicate_column.frame", name, 0, str(column), count=len(positions),
                                 columns=_core.list_arg([str(p) for p in positions])))
    for position, column in enumerate(frame.columns):
        if not isinstance(column, str):
            problems.append(_problem("problem.bad_header", name, 0, str(column)))
            continue
        if column in repeated:
            continue
        issue = _control_character(column)
        if issue is not None:
            problems.append(_problem("problem.control_character.column_name", name, 0, f"column {position + 1}",
                                     character=issue))
            continue
        if "\n" in column or "\r" in column:
            problems.append(_problem("problem.control_character.column_name_line_break", name, 0,
                                     f"column {position + 1}"))
            continue
        series = frame.iloc[:, position]
        if column in _ID_COLUMNS.get(name, ()):
            out.append((column, _id_values(name, column, series, problems)))
            continue
        text = _arrow_text(series)  # all text: its bytes, converted once
        if text is None or _may_hold_control(text[2]):
            _check_text_column(name, column, series, problems)
        if column in _NUMERIC_COLUMNS.get(name, ()) or column in _BOOL_COLUMNS.get(name, ()):
            if pd.api.types.is_complex_dtype(series.dtype):
                problems.append(_problem("problem.wrong_type.complex", name, 0, column, dtype=series.dtype))
            elif pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_bool_dtype(series.dtype):
                out.append((column, series.astype("Float64").to_numpy(dtype=np.float64, na_value=np.nan)))
            else:
                out.append((column, text if text is not None else _text_values(series)))
        elif column in _DATE_COLUMNS.get(name, ()) and pd.api.types.is_datetime64_any_dtype(series.dtype):
            values = series.dt.tz_convert("UTC") if series.dt.tz is not None else series
            out.append((column, [None if pd.isna(v) else v.strftime("%Y-%m-%dT%H:%M:%SZ") for v in values]))
        else:
            out.append((column, text if text is not None else _text_values(series)))
    return out


def _may_hold_control(data: np.ndarray) -> bool:
    """False when a text column's UTF-8 bytes hold no control character _CONTROL matches: no byte
    below 0x20 (tab and line breaks included, to be safe), no DEL and no 0xC2, the lead byte of
    U+0080-U+00BF (the C1 controls among them). True sends the column through the exact check,
    which names each cell; printable ASCII and CJK text never need it (two reductions a column
    instead of a regular expression a cell)."""
    if not data.size or (data.min() >= 0x20 and data.max() < 0x7F):
        return False
    return bool(((data < 0x20) | (data == 0x7F) | (data == 0xC2)).any())


def _arrow_text(series: pd.Series) -> Optional[tuple]:
    """A text column as Arrow-style buffers ("arrow", offsets, bytes, valid): handed to the core
    without a Python object per cell. None when the column is not all text (the slow path then
    converts cell by cell and reports what it finds)."""
    if not (pd.api.types.is_string_dtype(series.dtype) or series.dtype == object):
        return None
    try:
        import pyarrow as pa

        array = pa.array(series, type=pa.large_string(), from_pandas=True)
    except (ImportError, pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    chunks = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
    parts = [_arrow_buffers(chunk) for chunk in chunks]
    if len(parts) == 1:
        return ("arrow", *parts[0])
    if not parts:  # a chunked array of no chunks: no cells
        return ("arrow", np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.uint8), np.zeros(0, dtype=bool))
    # The chunks joined by numpy (Arrow's combine_chunks took ten times as long on a column of
    # 500,000 cells in two chunks): each chunk's text and its offsets moved to where it lands.
    offsets, data, valid, at = [], [], [], 0
    for chunk_offsets, chunk_data, chunk_valid in parts:
        first, last = int(chunk_offsets[0]), int(chunk_offsets[-1])
        data.append(chunk_data[first:last])
        offsets.append(chunk_offsets[:-1] - (first - at))
        valid.append(chunk_valid)
        at += last - first
    offsets.append(np.array([at], dtype=np.int64))
    return ("arrow", np.concatenate(offsets), np.concatenate(data), np.concatenate(valid))


def _arrow_buffers(array: Any) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One Arrow large_string array's offsets (as they stand: they index its whole text buffer),
    text buffer and validity, as numpy arrays viewing Arrow's memory."""
    _, offsets_buffer, data_buffer = array.buffers()
    offsets = np.frombuffer(offsets_buffer, dtype=np.int64)[array.offset:array.offset + len(array) + 1]
    data = np.frombuffer(data_buffer, dtype=np.uint8) if data_buffer is not None else np.zeros(0, dtype=np.uint8)
    # Without a missing cell, every cell is valid: no bitmap to unpack.
    valid = np.ones(len(array), dtype=bool) if array.null_count == 0 else array.is_valid().to_numpy(zero_copy_only=False)
    return offsets, data, valid


def _text_values(series: pd.Series) -> Any:
    fast = _arrow_text(series)
    if fast is not None:
        return fast
    return [None if _missing(v) else str(v) for v in series.tolist()]


def _missing(v: Any) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and np.isnan(v))


def _id_values(name: str, column: str, series: pd.Series, problems: List["_core.Problem"]) -> Any:
    if pd.api.types.is_float_dtype(series.dtype) and series.notna().any():
        problems.append(_problem("problem.id_as_float.column", name, 0, column, dtype=series.dtype, column=column))
        return [None] * len(series)
    fast = _arrow_text(series)  # all text (or missing): nothing to check cell by cell here
    if fast is not None:
        return fast
    out: List[Optional[str]] = []
    for row, v in enumerate(series.tolist(), start=1):
        if _missing(v):
            out.append(None)
        elif isinstance(v, str):
            out.append(v)
        elif isinstance(v, (bool, np.bool_)):
            problems.append(_problem("problem.bad_id.boolean", name, row, column, value=v))
            out.append(None)
        elif isinstance(v, (int, np.integer)):
            out.append(str(int(v)))
        elif isinstance(v, (float, np.floating)):
            problems.append(_problem("problem.id_as_float", name, row, column, value=repr(v), column=column))
            out.append(None)
        else:
            problems.append(_problem("problem.bad_id", name, row, column, type=type(v).__name__))
            out.append(None)
    return out

"""Tables as people have them: CSV in any clear encoding, Excel workbooks (.xlsx) and Parquet files,
read into DataFrames of text with the record number of each row (its CSV line or spreadsheet row),
and team folders holding them (``read_org`` reads such a folder through ``Org.from_frames``).

Every cell comes back as text, as the CSV reader of the core sees it: numbers as they would be
written (``3``, ``0.25``), dates as ``2026-03-31``, booleans as ``true``/``false`` and empty cells as
``""``. A CSV that is not UTF-8 is decoded when its encoding is clear (UTF-16 with a byte-order
mark, GB18030/GBK, Windows-1252), with one warning naming the encoding; ``encoding=`` forces one.
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import decimal
import io
import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import pandas as pd

from . import _core
from .errors import OrgDataError

SUFFIXES = (".csv", ".xlsx", ".parquet")
UTF8 = "UTF-8"
# File names, not catalog keys (the catalog test reads "prefix.key" literals as keys).
TEAM_JSON, IMPORT_JSON = "team" ".json", "import" ".json"


@dataclass
class TextTable:
    """A table read as text: ``frame`` (every cell a str), ``records`` (the CSV line or spreadsheet
    row of each row: what problems name), the file name shown in problems, the encoding it was read
    with (None when not a CSV), the sheet (Excel), and the file-level problems and warnings."""

    frame: pd.DataFrame
    records: List[int]
    file: str
    encoding: Optional[str] = None
    sheet: Optional[str] = None
    problems: List["_core.Problem"] = field(default_factory=list)

    @property
    def decoded(self) -> bool:
        """Read with an encoding other than UTF-8 (which a warning says)."""
        return self.encoding not in (None, UTF8, "UTF-8 with BOM")


def problem(code: str, file: str, record: int, field_: str, message: str, person_id: str = "",
            warning: bool = False) -> "_core.Problem":
    return _core.make_problem(code, file, record, person_id, field_, message, warning)


# -- encodings -------------------------------------------------------------------------------

def _is_cjk(c: str) -> bool:
    o = ord(c)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF
            or 0x20000 <= o <= 0x2FFFF or 0x2E80 <= o <= 0x2FDF or o in (0x00B7, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D,
                                                                          0x2026))


def _is_western(c: str) -> bool:
    o = ord(c)
    return (0x00C0 <= o <= 0x00FF and o not in (0x00D7, 0x00F7)) or c in "\u00a0\u00a3\u00a7\u00b0\u00b4\u00ba\u00aa" \
        "\u00ab\u00bb\u00bf\u00a1\u00e6\u0152\u0153\u0160\u0161\u017d\u017e\u0178\u2013\u2014\u2018\u2019\u201c" \
        "\u201d\u2026\u20ac\u00b2\u00b3\u00a9\u00ae\u2122\u00b5\u00bd\u00bc\u00be"


def _mostly(text: str, predicate) -> bool:
    wide = [c for c in text if ord(c) > 0x7F]
    return bool(wide) and sum(map(predicate, wide)) >= 0.95 * len(wide)


def decode(data: bytes, encoding: Optional[str] = None) -> Tuple[Optional[str], Optional[str]]:
    """(text, the encoding's name) of a file's bytes; (None, None) when no encoding is clear.

    UTF-8 (with or without a byte-order mark) first; then UTF-16 with a byte-order mark; then
    GB18030 (which GBK and GB2312 are part of) when the text it gives is Chinese; then
    Windows-1252 when it gives Western European letters. ``encoding`` forces one (a ValueError
    if the bytes are not in it)."""
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError as err:
            raise ValueError(f"unknown encoding {encoding!r}") from err
        except UnicodeDecodeError as err:
            raise ValueError(f"not {encoding}: byte {err.start} ({data[err.start:err.start + 1]!r}) is not "
                             f"valid in it") from err
        return (text[1:] if text.startswith("\ufeff") else text), encoding
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8 with BOM"
        except UnicodeDecodeError:
            return None, None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            return None, None
    try:
        return data.decode("utf-8"), UTF8
    except UnicodeDecodeError:
        pass
    for codec, name, looks_right in (("gb18030", "GB18030", _is_cjk), ("cp1252", "Windows-1252", _is_western)):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _mostly(text, looks_right):
            return text, name
    return None, None


# -- cells -----------------------------------------------------------------------------------

def cell_text(value: Any) -> str:
    """A spreadsheet or Parquet cell as the text a CSV would hold."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer() and abs(value) < 2 ** 53:
            return str(int(value))
        return repr(value)
    if isinstance(value, decimal.Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(_dt.timezone.utc).replace(tzinfo=None)
            return value.strftime("%Y-%m-%dT%H:%M:%SZ")
        if value.time() == _dt.time(0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return cell_text(value.item())
    return str(value)


def _frame(header: Sequence[str], rows: Sequence[Sequence[str]]) -> pd.DataFrame:
    columns = list(header)
    data = {k: [row[k] for row in rows] for k in range(len(columns))}
    frame = pd.DataFrame(data, dtype=object) if rows else pd.DataFrame({k: [] for k in range(len(columns))}, dtype=object)
    frame.columns = columns
    return frame


# -- readers ---------------------------------------------------------------------------------

def parse_csv(text: str, file: str) -> TextTable:
    """A CSV text (RFC 4180) as a TextTable; a record's number is the line it starts on."""
    table = TextTable(pd.DataFrame(), [], file)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: Optional[List[str]] = None
    rows: List[List[str]] = []
    last = 0
    try:
        for row in reader:
            start, last = last + 1, reader.line_num
            if not row or row == [""]:
                continue
            if header is None:
                header = row
                continue
            if len(row) != len(header):
                table.problems.append(problem("ragged_row", file, start, "", f"expected {len(header)} fields, "
                                                                             f"found {len(row)}"))
                continue
            rows.append(row)
            table.records.append(start)
    except csv.Error as err:
        code = "unterminated_quote" if "EOF" in str(err) else "stray_quote"
        table.problems.append(problem(code, file, last + 1, "", f"the CSV quoting is broken ({err})"))
    if header is None:
        table.problems.append(problem("empty_file", file, 0, "", "the file has no header row"))
        header = []
    table.frame = _frame(header, rows)
    return table


def read_csv(path: Path, encoding: Optional[str] = None, file: Optional[str] = None) -> TextTable:
    file = file or path.name
    data = path.read_bytes()
    try:
        text, name = decode(data, encoding)
    except ValueError as err:
        return TextTable(pd.DataFrame(), [], file, problems=[problem("bad_encoding", file, 0, "", str(err))])
    if text is None:
        return TextTable(pd.DataFrame(), [], file, problems=[problem(
            "bad_encoding", file, 0, "", "not UTF-8, and no other encoding is clear (UTF-16 with a byte-order mark, "
                                         "GB18030/GBK, Windows-1252): save it as UTF-8, or name its encoding "
                                         "(encoding = \"...\" in the mapping or team.json)")])
    table = parse_csv(text, file)
    table.encoding = name
    if table.decoded and not encoding:  # a guess: said once; an encoding given is not
        table.problems.insert(0, problem("encoding", file, 0, "", f"not UTF-8: read as {name}", warning=True))
    return table


def read_xlsx(path: Path, sheet: Optional[str] = None, file: Optional[str] = None) -> TextTable:
    """The first sheet (or `sheet`) of a workbook; a record's number is its spreadsheet row."""
    import openpyxl

    file = file or path.name
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds for a file that is not a workbook
        return TextTable(pd.DataFrame(), [], file, problems=[problem("unreadable_file", file, 0, "",
                                                                     f"not an Excel workbook ({type(err).__name__})")])
    try:
        if sheet is not None and sheet not in book.sheetnames:
            return TextTable(pd.DataFrame(), [], file, sheet=sheet, problems=[problem(
                "missing_table", file, 0, "", f"no sheet {sheet!r}; the workbook has {', '.join(book.sheetnames)}")])
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        table = TextTable(pd.DataFrame(), [], file, sheet=ws.title)
        header: Optional[List[str]] = None
        rows: List[List[str]] = []
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [cell_text(v) for v in values]
            if not any(cells):
                continue
            if header is None:
                while cells and not cells[-1]:
                    cells.pop()
                header = cells
                continue
            if len(cells) > len(header) and any(cells[len(header):]):
                table.problems.append(problem("ragged_row", file, number, "",
                                              f"expected {len(header)} fields, found {len(cells)}"))
                continue
            cells = (cells + [""] * len(header))[:len(header)]
            rows.append(cells)
            table.records.append(number)
    finally:
        book.close()
    if header is None:
        table.problems.append(problem("empty_file", file, 0, "", "the sheet has no header row"))
        header = []
    table.frame = _frame(header, rows)
    return table


def read_parquet(path: Path, file: Optional[str] = None) -> TextTable:
    """A Parquet file; a record's number is its 1-based row."""
    import pyarrow.parquet as pq

    file = file or path.name
    try:
        arrow = pq.read_table(path)
    except Exception as err:
        return TextTable(pd.DataFrame(), [], file, problems=[problem("unreadable_file", file, 0, "",
                                                                     f"not a Parquet file ({type(err).__name__})")])
    columns = {name: [cell_text(v) for v in arrow.column(name).to_pylist()] for name in arrow.column_names}
    frame = _frame(list(columns), list(zip(*columns.values())) if columns else [])
    return TextTable(frame, list(range(1, arrow.num_rows + 1)), file)


def read_table(path: "os.PathLike[str] | str", sheet: Optional[str] = None, encoding: Optional[str] = None,
               file: Optional[str] = None) -> TextTable:
    """A .csv, .xlsx or .parquet file as a TextTable."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return read_xlsx(path, sheet, file)
    if suffix == ".parquet":
        return read_parquet(path, file)
    return read_csv(path, encoding, file)


# -- team folders ----------------------------------------------------------------------------

def _tables() -> Tuple[str, ...]:
    return tuple(t["name"] for t in _core.schema())


def _is_utf8(path: Path) -> bool:
    """Whether a file is UTF-8 (read in chunks; a UTF-16 byte-order mark is not)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as f:
        first = True
        while True:
            chunk = f.read(1 << 20)
            if first and chunk.startswith((b"\xff\xfe", b"\xfe\xff")):
                return False
            first = False
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError:
                return False
            if not chunk:
                return True


def needs_python(folder: Path, follow_symlinks: bool = False) -> bool:
    """Whether a team folder holds what only the Python reader reads: a table as .xlsx or
    .parquet, a CSV table that is not UTF-8, or an ``encoding`` in team.json. A link to a file
    outside the folder is not looked into (unless `follow_symlinks`): the core refuses it."""
    names = _tables()
    for path in folder.iterdir():
        if path.stem not in names or path.suffix.lower() not in SUFFIXES:
            continue
        if not follow_symlinks and path.is_symlink() and _outside(folder, path):
            continue
        if path.suffix.lower() != ".csv":
            return True
        try:
            if path.is_file() and not _is_utf8(path):
                return True
        except OSError:
            continue
    team = folder / TEAM_JSON
    if team.is_file() and (follow_symlinks or not team.is_symlink() or not _outside(folder, team)):
        try:
            return "encoding" in json.loads(team.read_text(encoding="utf-8"))
        except (ValueError, OSError, TypeError):
            return False
    return False


def _outside(folder: Path, path: Path) -> bool:
    target, root = path.resolve(), folder.resolve()
    return root != target and root not in target.parents


def relocate(p: "_core.Problem", files: Dict[str, str], records: Dict[str, Sequence[int]],
             fields: Optional[Dict[Tuple[str, str], str]] = None) -> "_core.Problem":
    """A problem of ``Org.from_frames`` (file: the table's name, record: the 1-based row) as a
    problem of the file the table came from (its name, the row's line or spreadsheet row)."""
    table = p.file[:-len(" frame")] if p.file.endswith(" frame") else p.file
    if table not in files:
        return p
    record = p.record
    rows = records.get(table)
    if rows is not None and 0 < record <= len(rows):
        record = rows[record - 1]
    field_ = (fields or {}).get((table, p.field), p.field)
    return problem(p.code, files[table], record, field_, p.message, p.person_id, p.severity == _core.Severity.warning)


def read_folder(folder: Path, lenient: bool = False, follow_symlinks: bool = False):
    """A team folder read in Python: each table from its .csv, .xlsx or .parquet file, through
    ``Org.from_frames``; problems name the files and their lines or rows."""
    from .org import Org

    names = _tables()
    problems: List["_core.Problem"] = []
    warnings: List["_core.Problem"] = []
    team: Dict[str, Any] = {}
    encoding: Optional[str] = None
    team_path = folder / TEAM_JSON
    if team_path.is_file():
        if not follow_symlinks and team_path.is_symlink() and _outside(folder, team_path):
            problems.append(problem("outside_link", TEAM_JSON, 0, "", "a symbolic link to a file outside the team "
                                                                        "folder; it is not read"))
        else:
            try:
                team = json.loads(team_path.read_text(encoding="utf-8"))
            except (ValueError, OSError) as err:
                problems.append(problem("json_syntax", TEAM_JSON, 0, "", f"not a JSON object ({err})"))
            if not isinstance(team, dict):
                problems.append(problem("bad_value", TEAM_JSON, 0, "", "expected a JSON object"))
                team = {}
            encoding = team.pop("encoding", None)
            if encoding is not None and not isinstance(encoding, str):
                problems.append(problem("bad_value", TEAM_JSON, 0, "encoding", "expected the name of an encoding"))
                encoding = None
    frames: Dict[str, pd.DataFrame] = {}
    files: Dict[str, str] = {"team": TEAM_JSON}
    records: Dict[str, Sequence[int]] = {}
    for path in sorted(folder.iterdir()):
        suffix = path.suffix.lower()
        if suffix not in SUFFIXES:
            continue
        if path.stem not in names:
            warnings.append(problem("unknown_table", path.name, 0, "", "not a teamgraph table; it is not read",
                                    warning=True))
            continue
        if not follow_symlinks and path.is_symlink() and _outside(folder, path):
            problems.append(problem("outside_link", path.name, 0, "", "a symbolic link to a file outside the team "
                                                                      "folder; it is not read (follow_symlinks=True "
                                                                      "reads it)"))
            continue
        if not path.is_file():
            problems.append(problem("not_a_file", path.name, 0, "", "not a regular file"))
            continue
        if path.stem in frames:
            problems.append(problem("duplicate_table", path.name, 0, "", f"the table {path.stem} is also given as "
                                                                         f"{files[path.stem]}: keep one"))
            continue
        table = read_table(path, encoding=encoding)
        for p in table.problems:
            (warnings if p.severity == _core.Severity.warning else problems).append(p)
        frames[path.stem] = table.frame
        files[path.stem] = table.file
        records[path.stem] = table.records
    if "people" not in frames and not any(p.file.startswith("people.") for p in problems):
        problems.append(problem("missing_table", "people.csv", 0, "", "a team needs a people table (people.csv, "
                                                                      "people.xlsx or people.parquet)"))
    if lenient:  # a record left out (a ragged row) is a warning; a whole file's problem still raises
        warnings += [problem(p.code, p.file, p.record, p.field, p.message, p.person_id, warning=True)
                     for p in problems if p.record > 0]
        problems = [p for p in problems if p.record == 0]
    if problems:
        raise OrgDataError(f"{len(problems)} problems in the org data", problems + warnings)
    try:
        org = Org.from_frames(**frames, team=team or None, lenient=lenient)
    except OrgDataError as err:
        raise OrgDataError(str(err), [relocate(p, files, records) for p in err.problems] + warnings) from err
    org._warnings = warnings + [relocate(p, files, records) for p in org._core.warnings]
    return org

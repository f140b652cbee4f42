"""Tables as people have them: CSV in any clear encoding, Excel workbooks (.xlsx) and Parquet files,
read into DataFrames of text with the record number of each row (its CSV line or spreadsheet row),
and team folders holding them (``read_org`` reads such a folder through ``Org.from_frames``).

Every cell comes back as text, as the CSV reader of the core sees it: numbers as they would be
written (``3``, ``0.25``), dates as ``2026-03-31``, booleans as ``true``/``false`` and empty cells as
``""``. A CSV that is not UTF-8 is decoded when its encoding is clear (UTF-16 with a byte-order
mark, GB18030/GBK, Windows-1252), with one warning naming the encoding; ``encoding=`` forces one.
"""

from __future__ import annotations

import csv
import datetime as _dt
import decimal
import io
import json
import math
import os
import stat
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


def problem(key: str, file: str, record: int, field_: str, /, person_id: str = "", warning: bool = False,
            **args: Any) -> "_core.Problem":
    """The problem whose message is the catalog entry `key` ("problem.<code>[.<variant>]") with the
    named values `args` (as text; a list as one ``_core.list_arg``)."""
    return _core.make_problem(key, file, record, person_id, field_, [(k, str(v)) for k, v in args.items()], warning)


def remade(p: "_core.Problem", file: str, record: int, field_: str, warning: bool) -> "_core.Problem":
    """`p` (its key and values) found in another place, or as a warning."""
    return _core.make_problem(p.key, file, record, p.person_id, field_, p.args, warning)


class EncodingError(ValueError):
    """Bytes that are not in the encoding asked for, or an encoding Python does not know: the
    problem's key and values beside the message."""

    def __init__(self, message: str, key: str, **args: Any) -> None:
        super().__init__(message)
        self.key, self.values = key, args


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
            raise EncodingError(f"unknown encoding {encoding!r}", "problem.bad_encoding.unknown",
                                encoding=encoding) from err
        except UnicodeDecodeError as err:
            byte = repr(data[err.start:err.start + 1])
            raise EncodingError(f"not {encoding}: byte {err.start} ({byte}) is not valid in it",
                                "problem.bad_encoding.not_in", encoding=encoding, offset=err.start, byte=byte) from err
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
                table.problems.append(problem("problem.ragged_row", file, start, "", expected=len(header),
                                              found=len(row)))
                continue
            rows.append(row)
            table.records.append(start)
    except csv.Error as err:
        key = "problem.unterminated_quote.broken" if "EOF" in str(err) else "problem.stray_quote.broken"
        table.problems.append(problem(key, file, last + 1, "", error=err))
    if header is None:
        table.problems.append(problem("problem.empty_file.no_header", file, 0, ""))
        header = []
    table.frame = _frame(header, rows)
    return table


def read_csv(path: Path, encoding: Optional[str] = None, file: Optional[str] = None) -> TextTable:
    file = file or path.name
    data = path.read_bytes()
    try:
        text, name = decode(data, encoding)
    except EncodingError as err:
        return TextTable(pd.DataFrame(), [], file, problems=[problem(err.key, file, 0, "", **err.values)])
    if text is None:
        return TextTable(pd.DataFrame(), [], file, problems=[problem("problem.bad_encoding.unclear", file, 0, "")])
    table = parse_csv(text, file)
    table.encoding = name
    if table.decoded and not encoding:  # a guess: said once; an encoding given is not
        table.problems.insert(0, problem("problem.encoding", file, 0, "", warning=True, encoding=name))
    return table


def read_xlsx(path: Path, sheet: Optional[str] = None, file: Optional[str] = None) -> TextTable:
    """The first sheet (or `sheet`) of a workbook; a record's number is its spreadsheet row."""
    import openpyxl

    file = file or path.name
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds for a file that is not a workbook
        return TextTable(pd.DataFrame(), [], file, problems=[problem("problem.unreadable_file.xlsx", file, 0, "",
                                                                     error=type(err).__name__)])
    try:
        if sheet is not None and sheet not in book.sheetnames:
            return TextTable(pd.DataFrame(), [], file, sheet=sheet, problems=[problem(
                "problem.missing_table.sheet", file, 0, "", sheet=sheet, sheets=_core.list_arg(book.sheetnames))])
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
                table.problems.append(problem("problem.ragged_row", file, number, "", expected=len(header),
                                              found=len(cells)))
                continue
            cells = (cells + [""] * len(header))[:len(header)]
            rows.append(cells)
            table.records.append(number)
    finally:
        book.close()
    if header is None:
        table.problems.append(problem("problem.empty_file.sheet", file, 0, ""))
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
        return TextTable(pd.DataFrame(), [], file, problems=[problem("problem.unreadable_file.parquet", file, 0, "",
                                                                     error=type(err).__name__)])
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


def needs_python(folder: Path, follow_symlinks: bool = False) -> bool:
    """Whether a team folder holds what only the Python reader reads: a table as .xlsx or
    .parquet, or an ``encoding`` in team.json. A link to a file outside the folder is not looked
    into (unless `follow_symlinks`): the core refuses it. A CSV that is not UTF-8 is not looked for
    here: the core says so when it reads it (``encoding_problem``), and read_org turns to Python."""
    names = _tables()
    for path in folder.iterdir():
        if path.stem not in names or path.suffix.lower() not in SUFFIXES:
            continue
        if not follow_symlinks and path.is_symlink() and _outside(folder, path):
            continue
        if path.suffix.lower() != ".csv":
            return True
    team = folder / TEAM_JSON
    if team.is_file() and (follow_symlinks or not team.is_symlink() or not _outside(folder, team)):
        try:
            return "encoding" in json.loads(team.read_text(encoding="utf-8"))
        except (ValueError, OSError, TypeError):
            return False
    return False


def encoding_problem(problems: Sequence["_core.Problem"]) -> bool:
    """Whether the core found a CSV file that is not UTF-8 (its problems or warnings): such a
    folder is read in Python, which decodes it."""
    return any(p.code == "bad_encoding" for p in problems)


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
    return remade(p, files[table], record, field_, p.severity == _core.Severity.warning)


def _json_type(value: Any) -> str:
    """The JSON name of a value's type, as the core's problems name it (nlohmann's type_name)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


# The key of a path that is not a regular file, by what it is (as the core says it).
_NOT_A_FILE = (("problem.not_a_file.folder", stat.S_ISDIR), ("problem.not_a_file.fifo", stat.S_ISFIFO),
               ("problem.not_a_file.socket", stat.S_ISSOCK), ("problem.not_a_file.device", stat.S_ISBLK),
               ("problem.not_a_file.device", stat.S_ISCHR))


def _not_a_file(path: Path) -> str:
    try:
        mode = path.stat().st_mode
    except OSError:  # a link to nothing
        return "problem.not_a_file.link_to_nothing"
    return next((key for key, test in _NOT_A_FILE if test(mode)), "problem.not_a_file.other")


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
            problems.append(problem("problem.outside_link", TEAM_JSON, 0, ""))
        else:
            try:
                team = json.loads(team_path.read_text(encoding="utf-8"))
            except (ValueError, OSError) as err:
                problems.append(problem("problem.json_syntax", TEAM_JSON, 0, "", detail=err))
            if not isinstance(team, dict):
                problems.append(problem("problem.bad_value.team_not_object", TEAM_JSON, 0, "",
                                        type=_json_type(team)))
                team = {}
            encoding = team.pop("encoding", None)
            if encoding is not None and not isinstance(encoding, str):
                problems.append(problem("problem.bad_value.encoding", TEAM_JSON, 0, "encoding"))
                encoding = None
    frames: Dict[str, pd.DataFrame] = {}
    files: Dict[str, str] = {"team": TEAM_JSON}
    records: Dict[str, Sequence[int]] = {}
    for path in sorted(folder.iterdir()):
        suffix = path.suffix.lower()
        if suffix not in SUFFIXES:
            continue
        if path.stem not in names:
            warnings.append(problem("problem.unknown_table.json", path.name, 0, "", warning=True))
            continue
        if not follow_symlinks and path.is_symlink() and _outside(folder, path):
            problems.append(problem("problem.outside_link", path.name, 0, ""))
            continue
        if not path.is_file():
            problems.append(problem(_not_a_file(path), path.name, 0, ""))
            continue
        if path.stem in frames:
            problems.append(problem("problem.duplicate_table", path.name, 0, "", table=path.stem,
                                    file=files[path.stem]))
            continue
        table = read_table(path, encoding=encoding)
        for p in table.problems:
            (warnings if p.severity == _core.Severity.warning else problems).append(p)
        frames[path.stem] = table.frame
        files[path.stem] = table.file
        records[path.stem] = table.records
    if "people" not in frames and not any(p.file.startswith("people.") for p in problems):
        problems.append(problem("problem.missing_table.people", "people.csv", 0, ""))
    if lenient:  # a record left out (a ragged row) is a warning; a whole file's problem still raises
        warnings += [remade(p, p.file, p.record, p.field, warning=True) for p in problems if p.record > 0]
        problems = [p for p in problems if p.record == 0]
    if problems:
        raise OrgDataError(f"{len(problems)} problems in the org data", problems + warnings)
    try:
        org = Org.from_frames(**frames, team=team or None, lenient=lenient)
    except OrgDataError as err:
        raise OrgDataError(str(err), [relocate(p, files, records) for p in err.problems] + warnings) from err
    org._warnings = warnings + [relocate(p, files, records) for p in org._core.warnings]
    return org

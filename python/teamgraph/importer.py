"""One flat HR export (CSV, Excel or Parquet) into a team, through a mapping file (TOML).

    result = import_export("hr.csv", "mapping.toml")   # ImportResult: org, tables, team, summary
    result.write("team/")                               # people.csv, incentives.csv, team.json, import.json
    org = read_export("hr.csv", "mapping.toml")         # the Org only

The mapping says which column is what (docs/import.md). Every decision is in the summary
(``result.summary``, written as import.json beside team.json): rows kept and dropped by ``keep``,
managers resolved and how, tiers, scales, dates, the columns kept as extra columns. Problems (a
manager who is not a row of the export, an ambiguous name, a mapping that names a column the
export lacks) are raised together as one OrgDataError, each naming the export's file and line.
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import pandas as pd

from . import _core, managers
from .catalog import PART_SEPARATOR, Catalog
from .errors import OrgDataError
from .org import Org
from .cells import date_text, number_text
from .tables import IMPORT_JSON, TEAM_JSON, TextTable, problem, read_table, relocate

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PathLike = Union[str, "os.PathLike[str]"]
MappingLike = Union[PathLike, Mapping[str, Any]]


def _schema() -> Dict[str, Dict[str, Dict[str, Any]]]:
    """{table: {column: its schema entry}}, from the input schema."""
    return {t["name"]: {c["name"]: c for c in t["columns"]} for t in _core.schema()}


SCHEMA = _schema()
PEOPLE = SCHEMA["people"]
SCALED = ("assessment", "potential", "flight_risk")  # the people columns team.json declares scales for
SECTIONS = {"source": ("keep", "date_format", "decimal", "encoding", "sheet"),
            # `placeholder` is the import's to write (placeholder_managers), not a column to map.
            "people": (tuple(c for c in PEOPLE if c not in ("manager_id", "placeholder"))
                       + ("manager", "placeholder_managers")),
            "tiers": tuple(PEOPLE["tier"]["labels"]) + ("column",),
            "incentives": tuple(SCHEMA["incentives"]["kind"]["labels"]),
            "team": ("name", "period", "policy", "configuration", "scales")}
FIELD_OPTIONS = ("column", "scale", "decimal", "percent", "format")
INCENTIVE_OPTIONS = ("column", "type", "decimal", "percent", "date", "date_format")


@dataclass
class ImportResult:
    """What an import made: the org, its tables as written (text), team.json and the summary."""

    org: Org
    people: pd.DataFrame
    incentives: Optional[pd.DataFrame]
    team: Dict[str, Any]
    summary: Dict[str, Any]

    def write(self, out: PathLike) -> List[str]:
        """Writes people.csv (and incentives.csv), team.json and import.json into the folder `out`
        (made if missing; other files in it are left as they are). The file names written."""
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        written = ["people.csv"]
        _write_csv(self.people, folder / "people.csv")
        if self.incentives is not None:
            _write_csv(self.incentives, folder / "incentives.csv")
            written.append("incentives.csv")
        (folder / TEAM_JSON).write_text(json.dumps(self.team, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        (folder / IMPORT_JSON).write_text(json.dumps(self.summary, indent=2, ensure_ascii=False) + "\n",
                                            encoding="utf-8")
        return written + [TEAM_JSON, IMPORT_JSON]


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def read_mapping(mapping: MappingLike) -> Tuple[Dict[str, Any], str]:
    """The mapping as a dict and the name problems give it (the file's name, or "mapping")."""
    if isinstance(mapping, Mapping):
        return dict(mapping), "mapping"
    path = Path(mapping)
    try:
        with path.open("rb") as f:
            return tomllib.load(f), path.name
    except tomllib.TOMLDecodeError as err:
        raise OrgDataError("1 problem in the mapping", [problem("problem.bad_mapping.toml", path.name, 0, "", error=err)])
    except OSError as err:
        raise OrgDataError("1 problem in the mapping",
                           [problem("problem.missing_file.unreadable", path.name, 0, "", reason=err.strerror)]) from err


def read_export(path: PathLike, mapping: MappingLike) -> Org:
    """The team in one flat export (.csv, .xlsx or .parquet), as the mapping (a TOML file or its
    dict) says: ``import_export(path, mapping).org``."""
    return import_export(path, mapping).org


# -- the import ------------------------------------------------------------------------------

class _Import:
    """One import: the export, the mapping, the problems and the summary as they are made."""

    def __init__(self, table: TextTable, mapping: Dict[str, Any], mapping_file: str) -> None:
        self.table, self.mapping, self.mapping_file = table, mapping, mapping_file
        self.frame = table.frame
        self.records = list(table.records)
        self.problems: List[_core.Problem] = [p for p in table.problems if p.severity == _core.Severity.error]
        self.warnings: List[_core.Problem] = [p for p in table.problems if p.severity == _core.Severity.warning]
        self.used: List[str] = []  # the export's columns the mapping maps
        self.fields: Dict[Tuple[str, str], str] = {}  # (table, column) -> the export's column, for problems
        self.summary: Dict[str, Any] = {"source": table.file, "rows": len(self.frame),
                                        "columns": len(self.frame.columns)}
        if table.decoded:
            self.summary["encoding"] = table.encoding
        if table.sheet:
            self.summary["sheet"] = table.sheet

    # problems ---------------------------------------------------------------------------
    def bad(self, key: str, field: str, **args: Any) -> None:
        """A problem of the mapping: the catalog entry `key` ("problem.bad_mapping.<variant>") with
        its values."""
        self.problems.append(problem(key, self.mapping_file, 0, field, **args))

    def section(self, name: str) -> Dict[str, Any]:
        value = self.mapping.get(name, {})
        if not isinstance(value, dict):
            self.bad("problem.bad_mapping.not_a_table", name, section=name)
            return {}
        for key in value:
            if key not in SECTIONS[name]:
                self.bad("problem.bad_mapping.unknown_key", f"{name}.{key}", section=name, name=key,
                         expected=_core.list_arg(list(SECTIONS[name])))
        return value

    def column(self, section: str, key: str, spec: Any, options: Sequence[str] = FIELD_OPTIONS) -> Optional[str]:
        """The export's column a field names (``"Col"`` or ``{column = "Col", ...}``); None, with a
        problem, when the export has none of that name."""
        if isinstance(spec, dict):
            for option in spec:
                if option not in options:
                    self.bad("problem.bad_mapping.unknown_key", f"{section}.{key}.{option}", section=f"{section}.{key}",
                             name=option, expected=_core.list_arg(list(options)))
            spec = spec.get("column")
        if not isinstance(spec, str) or not spec:
            self.bad("problem.bad_mapping.no_column", f"{section}.{key}", section=section, name=key)
            return None
        if spec not in self.frame.columns:
            self.bad("problem.bad_mapping.missing_column", f"{section}.{key}", section=section, name=key, column=spec,
                     columns=_core.list_arg([str(c) for c in self.frame.columns]))
            return None
        self.used.append(spec)
        return spec

    def row(self, k: int, ids: Sequence[str], detail: Optional[str] = None) -> str:
        """The row k as an item of a problem's list of rows ({rows:rows}): its record, id (and detail)."""
        parts = [str(self.records[k]), ids[k]] + ([detail] if detail is not None else [])
        return PART_SEPARATOR.join(parts)

    def rows(self, ks: Sequence[int], ids: Sequence[str]) -> str:
        return _core.list_arg([self.row(k, ids) for k in ks])

    # steps ------------------------------------------------------------------------------
    def keep(self, source: Dict[str, Any]) -> None:
        query = source.get("keep")
        if query is None:
            return
        if not isinstance(query, str):
            self.bad("problem.bad_mapping.keep_not_text", "source.keep")
            return
        typed = pd.DataFrame({col: _typed(self.frame[col]) for col in self.frame.columns})
        try:
            kept = typed.query(query, engine="python")
        except Exception as err:  # a query pandas cannot run: its message says why
            self.bad("problem.bad_mapping.keep", "source.keep", error=f"{type(err).__name__}: {err}")
            return
        mask = self.frame.index.isin(kept.index)
        dropped = [self.records[k] for k in range(len(mask)) if not mask[k]]
        self.dropped = self.frame[~mask].reset_index(drop=True)
        self.dropped_records = dropped
        self.frame = self.frame[mask].reset_index(drop=True)
        self.records = [r for r, m in zip(self.records, mask) if m]
        self.summary["keep"] = {"query": query, "kept": len(self.frame), "dropped": len(dropped),
                                "dropped_records": dropped}

    def people(self, people_map: Dict[str, Any], source: Dict[str, Any]) -> Dict[str, List[str]]:
        out: Dict[str, List[str]] = {}
        decimal = source.get("decimal", ".")
        if decimal not in (".", ","):
            self.bad("problem.bad_mapping.decimal", "source.decimal")
            decimal = "."
        if "id" not in people_map:
            self.bad("problem.bad_mapping.id_required", "people.id")
        self.scales: Dict[str, List[float]] = {}
        for key, spec in people_map.items():
            if key not in SECTIONS["people"] or key in ("manager", "placeholder_managers"):
                continue
            column = self.column("people", key, spec)
            if column is None:
                continue
            options = spec if isinstance(spec, dict) else {}
            values = [str(v) for v in self.frame[column]]
            kind = PEOPLE[key]["kind"]
            if kind == "number":
                percent = bool(options.get("percent", False))
                values = [number_text(v, options.get("decimal", decimal), percent) for v in values]
                scale = options.get("scale")
                if scale is None and percent and key in SCALED:
                    scale = [0, 100]
                    self.summary.setdefault("guesses", []).append({"field": f"people.{key}", "scale": scale})
                if scale is not None:
                    if not (isinstance(scale, list) and len(scale) == 2 and all(isinstance(x, (int, float)) for x in scale)
                            and scale[0] < scale[1]) or key not in SCALED:
                        self.bad("problem.bad_mapping.scale", f"people.{key}.scale", name=key,
                                 fields=_core.list_arg(list(SCALED)))
                    else:
                        self.scales[f"people.{key}"] = scale
            elif kind == "date" and (options.get("format") or source.get("date_format")):
                fmt = options.get("format") or source.get("date_format")
                values = [(date_text(v, fmt) or v) if v.strip() else "" for v in values]
            out[key] = values
            self.fields[("people", key)] = f"{column} ({key})"
        return out

    def managers(self, spec: Any, columns: Dict[str, List[str]], placeholders: Any) -> Optional[List[str]]:
        """The manager_id column: each row's manager resolved by name or id (managers.py)."""
        return managers.resolve(self, spec, columns, placeholders)

    def tiers(self, tiers: Dict[str, Any], columns: Dict[str, List[str]]) -> Optional[List[str]]:
        if not tiers:
            return None
        over = tiers.get("column", "role")
        values = columns.get(over) if over in columns else (
            [str(v) for v in self.frame[over]] if over in self.frame.columns else None)
        if values is None:
            self.bad("problem.bad_mapping.tier_column", "tiers.column", column=over)
            return None
        rules = []
        for tier, pattern in tiers.items():
            if tier == "column":
                continue
            try:
                rules.append((tier, re.compile(str(pattern))))
            except re.error as err:
                self.bad("problem.bad_mapping.regex", f"tiers.{tier}", error=str(err))
        out = []
        for value in values:
            out.append(next((tier for tier, rule in rules if rule.search(value)), ""))
        counts = {tier: out.count(tier) for tier, _ in rules}
        self.summary["tiers"] = {"column": over, "counts": counts, "unmatched": out.count("")}
        return out

    def incentives(self, spec: Dict[str, Any], ids: List[str], source: Dict[str, Any]) -> Optional[pd.DataFrame]:
        if not spec:
            return None
        rows: Dict[str, List[str]] = {"person_id": [], "kind": [], "type": [], "amount": [], "date": []}
        records: List[int] = []
        made = {}
        dated = False
        for kind, field in spec.items():
            if kind not in SECTIONS["incentives"]:
                continue
            column = self.column("incentives", kind, field, INCENTIVE_OPTIONS)
            if column is None:
                continue
            options = field if isinstance(field, dict) else {}
            kind_type = str(options.get("type", column))
            # The date of each row: a column of the export (`date`), in `date_format` or the
            # source's; a cell that does not fit the format is kept as written, for the core to
            # report as a bad date.
            date_column = None
            if "date" in options:
                date_column = self.column("incentives", f"{kind}.date", options["date"], ("column",))
                dated = dated or date_column is not None
            fmt = options.get("date_format") or source.get("date_format")
            dates = [str(v) for v in self.frame[date_column]] if date_column is not None else None
            count = 0
            for k, value in enumerate(self.frame[column]):
                amount = number_text(str(value), options.get("decimal", source.get("decimal", ".")),
                                     bool(options.get("percent", False)))
                if not amount:
                    continue
                rows["person_id"].append(ids[k])
                rows["kind"].append(kind)
                rows["type"].append(kind_type)
                rows["amount"].append(amount)
                when = dates[k] if dates is not None else ""
                rows["date"].append((date_text(when, fmt) or when) if when.strip() and fmt else when)
                records.append(self.records[k])
                count += 1
            made[kind] = {"column": column, "rows": count}
            if date_column is not None:
                made[kind]["date"] = date_column
                self.fields[("incentives", "date")] = f"{date_column} (date)"
            self.fields[("incentives", "amount")] = f"{column} (amount)"
        self.incentive_records = records
        self.summary["incentives"] = made
        if not dated:
            del rows["date"]
        return pd.DataFrame(rows, dtype=object)

    def extra(self, people: Dict[str, List[str]], date_format: Optional[str]) -> None:
        """Every column the mapping does not map, kept as an extra column (renamed when its name is
        a column of the input format); with a date format, a column of dates in it becomes ISO."""
        extra, renamed, dates = [], {}, []
        for column in self.frame.columns:
            if column in self.used:
                continue
            values = [str(v) for v in self.frame[column]]
            if date_format:
                iso = [date_text(v, date_format) if v.strip() else "" for v in values]
                if any(iso) and all(x is not None for x in iso):
                    values = iso
                    dates.append(column)
            name = column
            while name in PEOPLE or name in people:
                name = f"{name}_export"
            if name != column:
                renamed[column] = name
            people[name] = values
            extra.append(column)
        self.summary["extra_columns"] = extra
        if renamed:
            self.summary["renamed_columns"] = renamed
        if dates:
            self.summary["dates"] = {"format": date_format, "columns": dates}


def _typed(series: pd.Series) -> pd.Series:
    """A text column as numbers when every non-empty cell is one (for ``keep``'s query)."""
    text = series.astype(str)
    numbers = pd.to_numeric(text.where(text.str.strip() != "", None), errors="coerce")
    if numbers.notna().sum() == (text.str.strip() != "").sum():
        return numbers
    return series


def import_export(path: PathLike, mapping: MappingLike) -> ImportResult:
    """Maps one flat export into a team. Raises OrgDataError with every problem: the mapping's
    (file: the mapping), the export's (file: the export, record: its line or spreadsheet row) and
    the team's as the core checks it (also naming the export's line and column). A problem's
    message is a catalog entry (``Problem.key``, ``Problem.args``): ``Catalog.problem_message``
    shows it in any language."""
    config, mapping_file = read_mapping(mapping)
    source = config.get("source", {}) if isinstance(config.get("source", {}), dict) else {}
    table = read_table(path, sheet=source.get("sheet"), encoding=source.get("encoding"))
    job = _Import(table, config, mapping_file)
    for key in config:
        if key not in SECTIONS:
            job.bad("problem.bad_mapping.unknown_key", key, section="", name=key,
                    expected=_core.list_arg(list(SECTIONS)))
    source = job.section("source")
    people_map = job.section("people")
    tiers_map = job.section("tiers")
    incentives_map = job.section("incentives")
    team_map = job.section("team")
    if any(p.record == 0 and p.file == table.file for p in job.problems):
        raise OrgDataError(f"{len(job.problems)} problems in the export", job.problems + job.warnings)
    job.keep(source)
    columns = job.people(people_map, source)
    placeholders = people_map.get("placeholder_managers", True)
    if not isinstance(placeholders, bool):
        job.bad("problem.bad_mapping.not_boolean", "people.placeholder_managers", name="placeholder_managers")
    manager = job.managers(people_map.get("manager"), columns, placeholders)
    if manager is not None:
        columns["manager_id"] = manager
    tier = job.tiers(tiers_map, columns)
    if tier is not None:
        columns["tier"] = tier
    ids = columns.get("id", [""] * len(job.frame))
    incentives = job.incentives(incentives_map, ids, source)
    job.extra(columns, source.get("date_format"))
    placeholders_made = getattr(job, "placeholders", [])
    managers.with_placeholders(columns, placeholders_made)
    people = pd.DataFrame(columns, dtype=object) if columns else pd.DataFrame(index=range(len(job.frame)))
    team: Dict[str, Any] = {k: v for k, v in team_map.items() if k != "scales"}
    scales = {**job.scales, **team_map.get("scales", {})}
    if scales:
        team["scales"] = scales
    files = {"people": table.file, "incentives": table.file, "team": mapping_file}
    # A placeholder row has no line of the export (record 0).
    records = {"people": job.records + [0] * len(placeholders_made),
               "incentives": getattr(job, "incentive_records", [])}
    try:
        org = Org.from_frames(people=people, incentives=incentives, team=team or None)
    except OrgDataError as err:
        found = [relocate(p, files, records, job.fields) for p in err.problems]
        if job.problems:  # a manager left out shows as unknown_id too: said once, by the import
            found = [p for p in found if not (p.code == "unknown_id" and p.field.endswith("(manager_id)"))]
        problems = job.problems + found
        raise OrgDataError(f"{len(problems)} problems in the import", problems + job.warnings) from err
    if job.problems:
        raise OrgDataError(f"{len(job.problems)} problems in the import", job.problems + job.warnings)
    org._warnings = job.warnings + [relocate(p, files, records, job.fields) for p in org._core.warnings]
    job.summary["people"] = org.headcount
    if placeholders_made:
        job.summary["placeholders"] = len(placeholders_made)
    job.summary["warnings"] = [p.to_dict() for p in org._warnings]
    return ImportResult(org, people, incentives, team, job.summary)


def summary_lines(summary: Mapping[str, Any], catalog: Catalog) -> List[str]:
    """What an import did, one line each, in the catalog's language (what ``teamgraph import``
    prints)."""
    c = catalog
    sep = c.text("list.separator")
    lines = [c.text("import.summary.read", file=summary["source"], count=summary["rows"], columns=summary["columns"])]
    if "encoding" in summary:
        lines.append(c.text("import.summary.encoding", encoding=summary["encoding"]))
    if "sheet" in summary:
        lines.append(c.text("import.summary.sheet", sheet=summary["sheet"]))
    if "keep" in summary:
        k = summary["keep"]
        lines.append(c.text("import.summary.keep", query=k["query"], count=k["kept"], dropped=k["dropped"]))
    if "managers" in summary:
        m = summary["managers"]
        lines.append(c.text("import.summary.managers", column=m["column"], by=m["by"], count=m["resolved"],
                            tops=m["tops"]))
        if m["matched_loosely"]:
            examples = [c.text("import.summary.match", written=x["written"], matched=x["matched"])
                        for x in m["matched_loosely"][:3]]
            lines.append(c.text("import.summary.matched_loosely", count=len(m["matched_loosely"]),
                                examples=sep.join(examples)))
        for x in m["preferred"]:
            lines.append(c.text("import.summary.preferred", manager=x["manager"], record=x["record"]))
        made = [x for x in m["missing"] if "placeholder" in x]
        if made:  # each one is a warning below, with the people they lead
            lines.append(c.text("import.summary.placeholders", count=len(made),
                                people=sum(x["reports"] for x in made)))
    if "tiers" in summary:
        t = summary["tiers"]
        counts = sep.join(c.text("import.summary.tier", tier=tier, count=n) for tier, n in t["counts"].items())
        lines.append(c.text("import.summary.tiers", column=t["column"], tiers=counts, count=t["unmatched"]))
    for guess in summary.get("guesses", []):  # a scale of percentages, 0 to 100
        lines.append(c.text("import.summary.percent_scale", field=guess["field"]))
    for kind, x in summary.get("incentives", {}).items():
        lines.append(c.text("import.summary.incentives", kind=kind, column=x["column"], count=x["rows"]))
    if "dates" in summary:
        d = summary["dates"]
        lines.append(c.text("import.summary.dates", format=d["format"], columns=sep.join(d["columns"])))
    if summary.get("extra_columns"):
        lines.append(c.text("import.summary.extra", count=len(summary["extra_columns"]),
                            columns=sep.join(summary["extra_columns"])))
    for old, new in summary.get("renamed_columns", {}).items():
        lines.append(c.text("import.summary.renamed", column=old, name=new))
    for w in summary.get("warnings", []):
        if w["code"] == "encoding":  # said above, in the catalog's words
            continue
        lines.append(c.text("validate.warning", **w))
    return lines

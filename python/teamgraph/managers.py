"""The managers of an import (importer.py): each row's manager resolved by name or id, and the
placeholder people made for managers who are not rows of the export (docs/import.md)."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Sequence, Tuple

from . import _core
from .cells import name_key
from .tables import problem

MANAGER_OPTIONS = ("column", "by", "top", "prefer")


def resolve(job: Any, spec: Any, columns: Dict[str, List[str]], placeholders: Any) -> Optional[List[str]]:
    """The manager_id column of the import `job` (importer._Import): each row's manager resolved by
    name or id; a manager who is not a row becomes a placeholder person (`job.placeholders`, with a
    warning each), or a problem with placeholder_managers = false."""
    if spec is None:
        return None
    column = job.column("people", "manager", spec, MANAGER_OPTIONS)
    if column is None or "id" not in columns:
        return None
    options = spec if isinstance(spec, dict) else {}
    by = options.get("by", "id")
    if by not in ("id", "name"):
        job.bad("problem.bad_mapping.by", "people.manager.by", by=repr(by))
        return None
    if by == "name" and "name" not in columns:
        job.bad("problem.bad_mapping.by_name_needs_name", "people.manager.by")
        return None
    top = options.get("top", [])
    if isinstance(top, str):
        top = [top]
    key = name_key if by == "name" else (lambda s: s.strip())
    tops = {key(str(t)) for t in top}
    prefer = options.get("prefer", {})
    patterns: List[Tuple[List[str], "re.Pattern[str]"]] = []
    for field, pattern in (prefer.items() if isinstance(prefer, dict) else []):
        values = columns.get(field) if field in columns else (
            [str(v) for v in job.frame[field]] if field in job.frame.columns else None)
        if values is None:
            job.bad("problem.bad_mapping.prefer_field", f"people.manager.prefer.{field}", field=field)
            continue
        try:
            patterns.append((values, re.compile(str(pattern))))
        except re.error as err:
            job.bad("problem.bad_mapping.regex", f"people.manager.prefer.{field}", error=str(err))
    ids = columns["id"]
    index: Dict[str, List[int]] = {}
    for k, value in enumerate(columns["name"] if by == "name" else ids):
        if value.strip():
            index.setdefault(key(value), []).append(k)
    dropped_index: Dict[str, int] = {}
    dropped = getattr(job, "dropped", None)
    if dropped is not None:
        name_column = job.mapping.get("people", {}).get("name" if by == "name" else "id")
        name_column = name_column.get("column") if isinstance(name_column, dict) else name_column
        if name_column in dropped.columns:
            for k, value in enumerate(dropped[name_column]):
                dropped_index.setdefault(key(str(value)), job.dropped_records[k])
    raw = [str(v) for v in job.frame[column]]
    out: List[Optional[str]] = [None] * len(raw)
    missing: Dict[str, List[int]] = {}
    written: Dict[str, set] = {}  # a missing manager's every written form: the name shown is the first in order
    shown: Dict[str, str] = {}
    ambiguous: Dict[str, List[int]] = {}
    preferred: Dict[str, int] = {}
    narrowed: Dict[str, List[int]] = {}
    loose: Dict[str, str] = {}
    n_top = 0
    for k, value in enumerate(raw):
        if not value.strip():
            n_top += 1
            continue
        wanted = key(value)
        if wanted in tops:
            n_top += 1
            out[k] = ""
            continue
        candidates = index.get(wanted, [])
        if len(candidates) > 1 and patterns:  # decided once a name: not again for each row naming it
            if wanted not in narrowed:
                chosen = [j for j in candidates if all(p.search(values[j]) for values, p in patterns)]
                narrowed[wanted] = chosen if len(chosen) == 1 else candidates
                if len(chosen) == 1:
                    preferred[wanted] = chosen[0]
            candidates = narrowed[wanted]
        if len(candidates) == 1:
            j = candidates[0]
            out[k] = ids[j]
            if by == "name" and columns["name"][j] != value and value not in loose:
                loose[value] = columns["name"][j]
        elif candidates:
            ambiguous.setdefault(wanted, []).append(k)
            shown.setdefault(wanted, value)
        else:
            missing.setdefault(wanted, []).append(k)
            shown.setdefault(wanted, value)
            written.setdefault(wanted, set()).add(value.strip())
    row_of: Dict[str, int] = {}
    for j, person in enumerate(ids):
        row_of.setdefault(person, j)
    reports: Dict[int, List[int]] = {}  # row -> the rows it manages
    for k, m in enumerate(out):
        if m:
            reports.setdefault(row_of[m], []).append(k)
    for wanted, ks in ambiguous.items():
        candidates = index[wanted]
        roles = columns.get("role", [""] * len(ids))
        described = _core.list_arg([job.row(j, ids, roles[j]) for j in candidates])
        job.problems.append(problem("problem.ambiguous_manager", job.table.file, job.records[ks[0]],
                                     f"{column} (manager_id)", manager=shown[wanted], count=len(candidates),
                                     candidates=described, rows=job.rows(ks, ids)))
    missing_summary = []
    # A manager who is not a row becomes a placeholder person (placeholder_managers, the
    # default): one row a distinct manager, whatever order the export's rows are in.
    job.placeholders = []  # {"id", "name"} a placeholder, in id order
    taken = set(ids)
    for wanted in sorted(missing):
        ks = missing[wanted]
        total = len(under(ks, reports))
        args: Dict[str, Any] = {"manager": shown[wanted], "count": len(ks), "rows": job.rows(ks, ids),
                                "total": total}
        dropped_record = dropped_index.get(wanted)  # a row of that name, left out by keep
        if dropped_record is not None:
            args["record"] = dropped_record
        entry = {"manager": shown[wanted], "reports": len(ks), "people_under": total,
                 "records": [job.records[k] for k in ks]}
        if placeholders is False:
            key_ = "problem.missing_manager.dropped" if dropped_record is not None else "problem.missing_manager"
            job.problems.append(problem(key_, job.table.file, job.records[ks[0]], f"{column} (manager_id)", **args))
            missing_summary.append(entry)
            continue
        name = min(written[wanted])
        person = placeholder_id(wanted, by, taken)
        taken.add(person)
        for k in ks:
            out[k] = person
        job.placeholders.append({"id": person, "name": name if by == "name" else ""})
        key_ = ("problem.placeholder_manager.dropped" if dropped_record is not None
                else "problem.placeholder_manager")
        job.warnings.append(problem(key_, job.table.file, job.records[ks[0]], f"{column} (manager_id)",
                                     person_id=person, warning=True, id=person, **{**args, "manager": name}))
        missing_summary.append({**entry, "manager": name, "placeholder": person})
    job.used.append(column)
    job.fields[("people", "manager_id")] = f"{column} (manager_id)"
    job.summary["managers"] = {
        "column": column, "by": by, "tops": n_top,
        "resolved": sum(1 for m in out if m) - sum(len(missing[w]) for w in missing if placeholders is not False),
        "placeholder_managers": placeholders is not False,
        "matched_loosely": [{"written": w, "matched": n} for w, n in loose.items()],
        "preferred": [{"manager": columns["name" if by == "name" else "id"][j], "record": job.records[j]}
                      for j in preferred.values()],
        "missing": missing_summary}
    return [m or "" for m in out]


def under(ks: Sequence[int], reports: Dict[int, List[int]]) -> set:
    """The rows ks and everyone under them."""
    seen, todo = set(), list(ks)
    while todo:
        k = todo.pop()
        if k in seen:
            continue
        seen.add(k)
        todo.extend(reports.get(k, []))
    return seen


def placeholder_id(key: str, by: str, taken: set) -> str:
    """The id of a placeholder for the manager `key` (the value as compared): the id itself when
    managers are found by id, else ``placeholder:`` and the name's words joined by ``-``
    (``placeholder:board-of-directors``), with ``~2``, ``~3``, ... when an id of the export has
    that text already. The same for the same export in any row order."""
    if by == "id":
        return key
    base = "placeholder:" + "-".join(key.split())
    person, n = base, 1
    while person in taken:
        n += 1
        person = f"{base}~{n}"
    return person


def with_placeholders(columns: Dict[str, List[str]], placeholders: Sequence[Dict[str, str]]) -> None:
    """The placeholder rows appended to the people columns: an id, a name (by name), no manager,
    `placeholder` true; every other column empty (a placeholder has nothing else)."""
    if not placeholders:
        return
    rows = len(next(iter(columns.values())))
    for name, values in columns.items():
        values.extend(p.get(name, "") if name in ("id", "name") else "" for p in placeholders)
    columns["placeholder"] = [""] * rows + ["true"] * len(placeholders)

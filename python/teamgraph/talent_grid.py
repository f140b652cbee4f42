"""The talent grid (人才九宫格) and its reserve pool (储备机制): ``report.talent_grid`` and
``teamgraph.suggest_successors``. The grid and the ranking are the core's
(include/teamgraph/scores/talent_grid.hpp; docs/scores.md, "Talent grid")."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, Dict, List, Optional

import numpy as np
import pandas as pd

from . import _core

if TYPE_CHECKING:
    from .catalog import Catalog
    from .org import Org, PolicyLike
    from .report import Report

LEVELS = ("low", "middle", "high")
_NOT_PLACED = ("", "no assessment", "no potential", "no assessment and no potential")


class TalentGrid:
    """Everyone with an assessment (performance) and a potential on the 3x3 grid of the two.

    ``assessed`` is False (``absent_reason`` says why) when nobody has both values, or too few
    for tertiles: then no one is placed and ``counts`` is None, never an empty grid.
    ``people``: one row a person (org order): id, name, department, assessment and potential as
    read (on their declared scales), ``performance`` and ``potential_level`` ("low", "middle",
    "high"; None when not placed), ``box`` ("performance/potential", e.g. "high/high") and
    ``not_placed`` (why: "no assessment", "no potential", "no assessment and no potential").
    ``counts``: the 3x3 counts, rows potential high to low, columns performance low to high, as a
    grid is drawn; a box withheld for privacy is <NA> (``boxes`` says why). ``cuts``: per axis the
    method ("tertiles", "scale", "fixed") and where middle and high start on the declared scale.
    """

    def __init__(self, raw: "_core.TalentGrid", report: "Report") -> None:
        self._raw = raw
        self._report = report
        self.assessed: bool = raw.assessed
        self.absent_reason: str = raw.absent_reason
        self.placed: int = int(raw.placed)
        self.not_placed: Dict[str, int] = {"no assessment": int(raw.missing_assessment),
                                           "no potential": int(raw.missing_potential),
                                           "no assessment and no potential": int(raw.missing_both)}
        self.cuts: Dict[str, Dict[str, Any]] = {name: {"field": a.field, "method": a.method, "middle_from": a.middle_from,
                                                       "high_from": a.high_from}
                                                for name, a in (("performance", raw.performance), ("potential", raw.potential))}
        # The nine boxes (or none) as the JSON report writes them.
        self._boxes: List[Dict[str, Any]] = [{"performance": b.performance, "potential": b.potential, "count": b.count,
                                              "withheld": b.withheld} for b in raw.boxes]
        self._withheld = any(b["withheld"] for b in self._boxes)

    @property
    def boxes(self) -> pd.DataFrame:
        """One row a box: performance, potential, count (<NA> when withheld) and withheld (why)."""
        frame = pd.DataFrame(self._boxes, columns=["performance", "potential", "count", "withheld"])
        frame["count"] = frame["count"].astype("Int64")
        return frame

    @property
    def counts(self) -> Optional[pd.DataFrame]:
        """The 3x3 counts (None when the grid is not assessed)."""
        if not self.assessed:
            return None
        grid = pd.DataFrame(pd.NA, index=pd.Index(LEVELS[::-1], name="potential"),
                            columns=pd.Index(LEVELS, name="performance"), dtype="Int64")
        for b in self._boxes:
            if b["count"] is not None:
                grid.loc[b["potential"], b["performance"]] = b["count"]
        return grid

    @property
    def people(self) -> pd.DataFrame:
        r = self._report
        people = r._people
        performance = self._raw.performance_level
        potential = self._raw.potential_level
        names = np.array([*LEVELS, None], dtype=object)
        as_read = r.org.people  # the values on their declared scales
        scored = r._scored_people
        missing = scored["assessment"].isna().to_numpy().astype(int) + 2 * scored["potential"].isna().to_numpy()
        perf, pot = names[performance], names[potential]
        return pd.DataFrame({
            "id": r._id_column, "name": r._names, "department": people["department"],
            "assessment": as_read["assessment"], "potential": as_read["potential"],
            "performance": perf, "potential_level": pot,
            "box": [None if a is None else f"{a}/{b}" for a, b in zip(perf, pot)],
            "not_placed": [_NOT_PLACED[m] for m in missing]})

    def to_dict(self) -> Dict[str, Any]:
        """The grid as the JSON report writes it (no per-person rows: those are in ``people``)."""
        return {"assessed": self.assessed, "absent_reason": self.absent_reason, "placed": self.placed,
                "not_placed": dict(self.not_placed), "cuts": {k: dict(v) for k, v in self.cuts.items()},
                "boxes": [dict(b) for b in self._boxes]}

    def _repr_html_(self) -> str:
        return to_html(self, self._report.catalog)

    def __repr__(self) -> str:
        return "\n".join(text_lines(self, self._report.catalog))


def _cut(c: "Catalog", axis: Dict[str, Any]) -> str:
    def value(x: Optional[float]) -> str:
        return c.text("value.none") if x is None else f"{x:g}"
    return c.text("grid.cuts", method=c.text(f"grid.method.{axis['method']}"), middle=value(axis["middle_from"]),
                  high=value(axis["high_from"]))


def _cell(count: Any, c: "Catalog") -> str:
    return c.text("grid.withheld") if count is None or count is pd.NA else str(int(count))


def summary_lines(grid: TalentGrid, c: "Catalog") -> List[str]:
    """What the grid is made of, in words: placed, not placed and why, the cuts."""
    if not grid.assessed:
        return [c.text("grid.absent", reason=c.absent_reason(grid.absent_reason))]
    lines = [c.text("grid.placed", count=grid.placed)]
    missing = sum(grid.not_placed.values())
    if missing:
        reasons = c.text("list.separator").join(
            c.text(f"grid.not_placed.{k.replace(' ', '_')}", count=v) for k, v in grid.not_placed.items() if v)
        lines.append(c.text("grid.not_placed", count=missing, reasons=reasons))
    lines.append(c.text("grid.axis", axis=c.text("grid.performance"), cuts=_cut(c, grid.cuts["performance"])))
    lines.append(c.text("grid.axis", axis=c.text("grid.potential"), cuts=_cut(c, grid.cuts["potential"])))
    return lines


def text_lines(grid: TalentGrid, c: "Catalog") -> List[str]:
    """The grid as the text report shows it: a heading, what it is made of, the 3x3 counts."""
    from .catalog import pad

    lines = [c.text("grid.title")] + ["  " + line for line in summary_lines(grid, c)]
    counts = grid.counts
    if counts is None:
        return lines
    lines.append("    " + pad(c.text("grid.potential_by_performance"), 20) +
                 "".join(pad(c.text(f"word.grid.{p}"), 10) for p in LEVELS))
    for q in LEVELS[::-1]:
        lines.append("    " + pad(c.text(f"word.grid.{q}"), 20) +
                     "".join(pad(_cell(counts.loc[q, p], c), 10) for p in LEVELS))
    if grid._withheld:
        lines.append("    " + c.text("grid.withheld_note", min=grid._report.policy["min_group_size"]))
    return lines


def markdown_lines(grid: TalentGrid, c: "Catalog") -> List[str]:
    from .export import markdown_cell

    lines = [c.text("grid.markdown_title"), ""] + [line + "  " for line in summary_lines(grid, c)]
    counts = grid.counts
    if counts is None:
        return lines
    lines += ["", "| " + markdown_cell(c.text("grid.potential_by_performance")) + " | " +
              " | ".join(c.text(f"word.grid.{p}") for p in LEVELS) + " |", "|---|---|---|---|"]
    for q in LEVELS[::-1]:
        lines.append(f"| {c.text(f'word.grid.{q}')} | " + " | ".join(_cell(counts.loc[q, p], c) for p in LEVELS) + " |")
    if grid._withheld:
        lines += ["", c.text("grid.withheld_note", min=grid._report.policy["min_group_size"])]
    return lines


def to_html(grid: TalentGrid, c: "Catalog") -> str:
    """A small HTML grid: potential up, performance across; high/high shaded."""
    summary = "<br>".join(html.escape(line) for line in summary_lines(grid, c))
    counts = grid.counts
    if counts is None:
        return f'<div class="talent-grid"><p class="absent">{summary}</p></div>'
    head = "".join(f"<th>{html.escape(c.text(f'word.grid.{p}'))}</th>" for p in LEVELS)
    rows = []
    for q in LEVELS[::-1]:
        cells = "".join(
            f'<td style="text-align:center;background:{"#d4efdf" if (p, q) == ("high", "high") else "#f4f6f8"}">'
            f"{html.escape(_cell(counts.loc[q, p], c))}</td>" for p in LEVELS)
        rows.append(f"<tr><th>{html.escape(c.text(f'word.grid.{q}'))}</th>{cells}</tr>")
    note = (f'<p class="meta">{html.escape(c.text("grid.withheld_note", min=grid._report.policy["min_group_size"]))}</p>'
            if grid._withheld else "")
    return (f'<div class="talent-grid"><p>{summary}</p><table>'
            f"<tr><th>{html.escape(c.text('grid.potential_by_performance'))}</th>{head}</tr>"
            + "".join(rows) + f"</table>{note}</div>")


def suggest_successors(org: "Org", policy: "PolicyLike" = None) -> pd.DataFrame:
    """add_successor suggestions from the reserve pool for each uncovered key position (one
    without a ready-now successor), best first: one row a suggestion with seat, rank, person,
    performance, potential, named_for (key positions the person is already named for),
    same_unit, fitness (for the seat's competencies; NaN without a competencies table) and
    readiness (the one to try: ready_now when fitness reaches succession.min_fitness, else
    ready_1_2y). The ranking is docs/scores.md's ("Talent grid"). Try one with
    ``org.what_if(add_successor=[(seat, person, readiness)])``.

    ``frame.attrs``: ``assessed`` (False without a successors table or a talent grid),
    ``absent_reason``, and ``seats``, the uncovered key positions (some may have no suggestion).
    """
    from .org import _policy_text

    raw = _core.suggest_successors(org._core, _policy_text(policy))
    ids = org.ids
    columns = ["seat", "rank", "person", "performance", "potential", "named_for", "same_unit", "fitness", "readiness"]
    frame = pd.DataFrame([{**s, "seat": ids[s["seat"]], "person": ids[s["person"]],
                           "fitness": np.nan if s["fitness"] is None else s["fitness"]} for s in raw["suggestions"]],
                         columns=columns)
    frame.attrs.update(assessed=raw["assessed"], absent_reason=raw["absent_reason"], seats=[ids[s] for s in raw["seats"]])
    return frame


def suggestions_output(frame: pd.DataFrame, org: "Org", report: "Report", as_json: bool = False) -> str:
    """``suggest_successors``' frame as ``teamgraph what-if --suggest`` prints it, in the report's
    language, people by label ("Li Wei (e01)") or by pseudonym when the report is pseudonymized;
    `as_json`: {assessed, absent_reason, seats, suggestions}."""
    import json

    from .export import _clean
    from .findings import _PeopleLabels

    c, ids = report.catalog, report._ids
    names = None if report.pseudonymized else report._people["name"].tolist()
    label = _PeopleLabels(range(len(ids)), ids, names, c)
    if as_json:
        rows = [{**row, "seat": ids[org.find(row["seat"])], "person": ids[org.find(row["person"])]}
                for row in frame.to_dict("records")]
        doc = {"assessed": frame.attrs["assessed"], "absent_reason": frame.attrs["absent_reason"],
               "seats": [ids[org.find(s)] for s in frame.attrs["seats"]], "suggestions": rows}
        return json.dumps(_clean(doc), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if not frame.attrs["assessed"]:
        return c.text("grid.suggest.absent", reason=c.absent_reason(frame.attrs["absent_reason"])) + "\n"
    if not frame.attrs["seats"]:
        return c.text("grid.suggest.none") + "\n"
    lines = [c.text("grid.suggest.title")]
    for seat in frame.attrs["seats"]:
        s = org.find(seat)
        lines.append(c.text("grid.suggest.seat", seat=label[s]))
        rows = frame[frame["seat"] == seat].to_dict("records")
        if not rows:
            lines.append(c.text("grid.suggest.nobody"))
        for row in rows:
            p = org.find(row["person"])
            fitness = c.text("value.not_available") if row["fitness"] != row["fitness"] else f"{row['fitness']:.2f}"
            lines.append(c.text("grid.suggest.row", rank=row["rank"], person=label[p],
                                performance=c.text(f"word.grid.{row['performance']}"),
                                potential=c.text(f"word.grid.{row['potential']}"), fitness=fitness,
                                named_for=row["named_for"],
                                unit=c.text("grid.suggest.same_unit" if row["same_unit"] else "grid.suggest.other_unit"),
                                seat_id=ids[s], person_id=ids[p], readiness=row["readiness"]))
    return "\n".join(lines) + "\n"

"""assess(): every score of an org, explained, as a Report (findings, diffs and the truck factor of a
contributions table alone are in findings.py, diff.py and truck_factor.py)."""

from __future__ import annotations

import json
import operator
import os
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Union

import numpy as np
import pandas as pd

from . import _core
from .catalog import Catalog, normalize_language
from .diff import ReportDiff
from .files import write_text
from .findings import Finding, FindingList
from .org import Org, PolicyLike, _policy_text
from .truck_factor import TruckFactor

# From this many findings on, findings_frame() makes its columns on two threads.
_OVERLAP_FINDINGS = 10_000

if TYPE_CHECKING:
    from .talent_grid import TalentGrid

_LEVELS = ("low", "middle", "high")  # a talent grid level's words, by code (3: not placed)

# The people table's columns a report reads (Report._people): the rest (manager_id, the extra
# columns, ...) are not made, 60 MB at a million people; the scored ones (Report._scored_people)
# only for what shows them (24 MB at a million people, which the JSON report does not need).
_PEOPLE_COLUMNS = ("id", "name", "department", "tier", "placeholder")
_SCORED_PEOPLE_COLUMNS = ("flight_risk", "assessment", "potential")


def _level_column(codes: np.ndarray) -> pd.Series:
    """Talent grid levels as text (missing where not placed), of the dtype pandas gives text of
    Python strings. Where that dtype holds its text in Arrow (pandas 3), Arrow writes the column
    from the codes: 0.02 s for a million people, where pandas took 0.17 s to read a million
    Python strings."""
    codes = np.asarray(codes)
    placed = codes < len(_LEVELS)
    dtype = pd.Series(np.array([_LEVELS[0], None], dtype=object)).dtype
    # No one placed, pandas infers no text dtype: the column is made as it always was.
    if not (placed.any() and isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"):
        return pd.Series(np.array([*_LEVELS, None], dtype=object)[codes])
    import pyarrow as pa

    indices = pa.array(np.where(placed, codes, 0).astype(np.int8), mask=~placed)
    text = pa.DictionaryArray.from_arrays(indices, pa.array(_LEVELS)).dictionary_decode()
    return pd.Series(pd.array(text, dtype=dtype))


def _coded_level_column(codes: np.ndarray) -> pd.Series:
    """Talent grid levels as categories (missing where not placed)."""
    codes = np.asarray(codes)
    return pd.Series(pd.Categorical.from_codes(np.where(codes < len(_LEVELS), codes.astype(np.int8), np.int8(-1)), _LEVELS))


def default_policy() -> Dict[str, Any]:
    """Every threshold and weight of every score, with its default (docs/scores.md explains them)."""
    return json.loads(_core.default_policy_json())


class OrgText:
    """A per-person text column of an org (its ``ids`` or ``names``) that the core's row writer
    reads in place, an empty one as null (teamgraph._core.json_rows' people_text)."""

    def __init__(self, org: Org, column: str) -> None:
        self.org, self.column = org, column

    def __len__(self) -> int:
        return len(self.org)


class Report:
    """The scores of one org with their findings. Build it with ``teamgraph.assess(org)``.

    ``scores`` maps each score name to its 0-100 value, or None when its data is absent
    (``absent_reasons`` says why).
    """

    def __init__(self, org: Org, raw: "_core.Assessment", pseudonyms: Optional[Sequence[str]] = None,
                 lang: Optional[str] = None, key: Optional[bytes] = None) -> None:
        self.org = org
        self._key = key  # the pseudonymization key: keys the input checksum; never written out
        # The core's result as typed objects (teamgraph._core.Assessment: scores, leadership with
        # every unit, succession with key positions and cascades, departure impact as arrays,
        # truck factor, support scores, talent grid, findings as columns); people by index.
        self.core: _core.Assessment = raw
        self.pseudonymized = pseudonyms is not None
        self.language = normalize_language(lang)  # the catalog language of the report's words (teamgraph.catalog)
        self._pseudonyms = list(pseudonyms) if pseudonyms is not None else None
        self._people_cache: Optional[pd.DataFrame] = None
        self._scored_cache: Optional[pd.DataFrame] = None
        self._ids_cache: Optional[Sequence[str]] = None
        self._findings_cache: Optional[FindingList] = None
        self.scores: Dict[str, Optional[float]] = {s.name: s.value for s in raw.scores}
        self.absent_reasons: Dict[str, str] = {s.name: s.absent_reason for s in raw.scores if not s.assessed}
        self.policy: Dict[str, Any] = json.loads(raw.policy)

    # Every output names people through _ids and _names, so a pseudonymized report never shows a
    # real id or name anywhere. The findings are made when first asked for, and the ids are read
    # from the org one at a time (or some at once) as they are asked for: a list of a million ids
    # costs more than the scores of a large org (0.05 s and 70 MB at 1M people), and most outputs
    # name a few people (the tops, the key positions) where they name anyone.
    @property
    def _ids(self) -> Sequence[str]:
        if self._ids_cache is None:
            self._ids_cache = self._pseudonyms if self._pseudonyms is not None else _OrgIds(self.org)
        return self._ids_cache

    @property
    def findings(self) -> FindingList:
        """The findings of every score, most severe first: a sequence of ``Finding``, each made
        when read (``findings_frame()`` gives them all as a table without making any)."""
        if self._findings_cache is None:
            # Names only where the report shows real people; a pseudonymized one shows pseudonyms.
            names = None if self._pseudonyms is not None else _NamesOnDemand(self)
            self._findings_cache = FindingList(self.core.findings, _IdsOnDemand(self), names, self.catalog,
                                               self._pseudonyms)
        return self._findings_cache

    def __reduce__(self) -> Any:
        """Reports pickle (to travel between processes) as their org, policy, language and
        pseudonymization key, and are scored again when unpickled: the same data gives the same
        report, and the core's columns do not pickle."""
        return (_unpickle, (self.org, self.policy, self.language, self._key if self.pseudonymized else None))

    def pseudonymize(self, key: bytes) -> "Report":
        """The same report with every person id and name replaced by a keyed hash
        (HMAC-SHA-256 of the id, stable for the same key). The key itself appears nowhere."""
        from .export import pseudonym

        return Report(self.org, self.core, [pseudonym(key, i) for i in self.org.ids], self.language, key)

    def with_language(self, lang: Optional[str]) -> "Report":
        """The same report with its words (findings, headings, charts) in another language:
        "en", "zh-CN" (or "zh_CN", "zh"). Raises ValueError for a language with no catalog."""
        lang = normalize_language(lang)
        if lang == self.language:
            return self
        return Report(self.org, self.core, self._pseudonyms, lang, self._key)

    @property
    def catalog(self) -> Catalog:
        """The words of the report's language."""
        return Catalog.get(self.language)

    @property
    def _people(self) -> pd.DataFrame:
        """The columns of the org's people table that reports show (_PEOPLE_COLUMNS), read once (an
        Org never changes)."""
        people = self._people_cache  # a local: another thread's writer may let go of the cache
        if people is None:
            people = self.org.table("people", normalized=True, columns=_PEOPLE_COLUMNS)
            self._people_cache = people
        return people

    def _people_table(self, columns: Sequence[str]) -> pd.DataFrame:
        """Some of _PEOPLE_COLUMNS: from the people table held when it was read, else read for this
        caller only and not held (the summary's tier, department and placeholder columns, where the
        ids and names would be 33 MB at a million people, held through a JSON report's findings)."""
        if self._people_cache is not None:
            return self._people_cache[list(columns)]
        return self.org.table("people", normalized=True, columns=tuple(columns))

    def _let_go_of_people(self) -> None:
        """Lets go of the people table held (read again when next asked for)."""
        self._people_cache = None

    @property
    def _scored_people(self) -> pd.DataFrame:
        """flight_risk, assessment and potential of the org's people, in [0, 1] as the scores use
        them (risk = flight_risk x impact), read once."""
        if self._scored_cache is None:
            self._scored_cache = self.org.table("people", normalized=True, columns=_SCORED_PEOPLE_COLUMNS)
        return self._scored_cache

    @property
    def _id_column(self) -> Any:
        """The ids as a column of a per-person table: the people table's own (text held by Arrow,
        no Python string per person), or the pseudonyms."""
        return self._pseudonyms if self._pseudonyms is not None else self._people["id"]

    @property
    def _names(self) -> Any:
        """The names as a column of a per-person table (missing names NaN), or the pseudonyms."""
        return self._pseudonyms if self._pseudonyms is not None else self._people["name"]

    def _people_base(self) -> Dict[str, Any]:
        people = self._people
        return {"id": self._id_column, "name": self._names, "department": people["department"],
                "tier": people["tier"], "placeholder": people["placeholder"]}

    def _people_base_in_place(self) -> Dict[str, Any]:
        """_people_base for a writer that reads the org's ids and names in place (OrgText), when
        the report is not pseudonymized and the people table is not held: the rest read for this
        call only."""
        if self.pseudonymized or self._people_cache is not None:
            return self._people_base()
        people = self._people_table(("department", "tier", "placeholder"))
        return {"id": OrgText(self.org, "ids"), "name": OrgText(self.org, "names"),
                "department": people["department"], "tier": people["tier"], "placeholder": people["placeholder"]}

    def coverage_of(self, score: str) -> Dict[str, Any]:
        """What `score` is made of: its parts, each computed (a 0-1 value) or not (None, with the
        reason: the input it needs is absent). The health index's parts are the scores.

        Returns {"score", "assessed", "absent_reason", "parts": [{"name", "value", "reason"}],
        "computed": [names], "not_computed": {name: reason}, "of": "N of M"}.
        """
        for s in self.core.scores:
            if s.name == score:
                return _coverage(s)
        raise KeyError(f"no score called {score!r}; the scores are {', '.join(self.scores)}")

    # -- tables -----------------------------------------------------------------------------
    def scores_frame(self) -> pd.DataFrame:
        """One row a score: name, value (NaN when absent), assessed, absent_reason, and how many of
        its parts were computed (parts_computed of parts)."""
        return pd.DataFrame([{"name": s.name, "value": np.nan if s.value is None else s.value,
                              "assessed": s.assessed, "absent_reason": s.absent_reason,
                              "parts_computed": s.parts_computed, "parts": len(s.parts)}
                             for s in self.core.scores])

    def findings_frame(self) -> pd.DataFrame:
        """One row a finding, most severe first, indexed by the finding's number: severity, score
        and code (categorical), people (ids, or pseudonyms, joined by ", "), message and
        recommendation (text held by Arrow). Made from the core's columns: no Python object per
        finding. The figures behind each are ``evidence_frame()``."""
        findings = self.findings
        if len(findings) >= _OVERLAP_FINDINGS:
            # The texts (on worker threads of their own), the people's text and the codes (a
            # thread each), all without the GIL, beside each other.
            with ThreadPoolExecutor(2) as pool:
                texts = pool.submit(findings.texts)
                people = pool.submit(findings.people_text)
                c = findings.columns
                people_text = people.result()
                message, recommendation = texts.result()
        else:
            c, people_text = findings.columns, findings.people_text()
            message, recommendation = findings.texts()

        def coded(codes: np.ndarray, labels: Sequence[str]) -> pd.Categorical:
            return pd.Categorical.from_codes(codes.astype(np.int32), categories=pd.Index(labels, dtype=object))

        frame = pd.DataFrame({  # severity ordered info < low < medium < high < critical
            "severity": pd.Categorical.from_codes(c["severity"].astype(np.int32), categories=c["severities"], ordered=True),
            "score": coded(c["score"], c["scores"]), "code": coded(c["code"], c["codes"]),
            "people": pd.arrays.ArrowExtensionArray(people_text),
            "message": pd.arrays.ArrowExtensionArray(message),
            "recommendation": pd.arrays.ArrowExtensionArray(recommendation)})
        frame.index.name = "finding"
        return frame

    def evidence_frame(self) -> pd.DataFrame:
        """The figures behind the findings as a long table: finding (its number, the index of
        ``findings_frame()``), name, value."""
        c = self.findings.columns
        counts = np.diff(c["evidence_offsets"])
        return pd.DataFrame({
            "finding": np.repeat(np.arange(len(counts)), counts),
            "name": pd.Categorical.from_codes(c["evidence_name"].astype(np.int32),
                                              categories=pd.Index(c["evidence_names"], dtype=object)),
            "value": c["evidence_value"]})

    @property
    def departure_impact(self) -> pd.DataFrame:
        """One row a person, highest departure risk first (placeholder people, whose departure is
        not measured, are not ranked).

        coverage_drop: points of core leadership coverage lost; unit_left: people left without
        their manager; cut_off: people who lose every sharing path to the core;
        orphaned_artifacts: artifacts only they author; channels_led: channels of operations.csv
        where they give most of the answers; impact in [0, 1]; risk = flight_risk x impact (NaN
        where flight risk is not given). coverage_drop, cut_off, orphaned_artifacts and
        channels_led are NaN when what they need is absent (leadership coverage not assessed; no
        sharing table or no core; no contributions table; no operations row naming who
        answered): not measured, not zero.
        """
        d = self.core.departure
        people = self._people
        columns = self._departure_columns()
        frame = pd.DataFrame({
            "id": self._id_column, "name": self._names, "tier": people["tier"],
            "coverage_drop": columns["coverage_drop"], "unit_left": columns["unit_left"], "cut_off": columns["cut_off"],
            "orphaned_artifacts": columns["orphaned_artifacts"], "channels_led": columns["channels_led"],
            "impact": d.impact,
            "flight_risk": self._scored_people["flight_risk"], "risk": d.risk,
        })
        ranking = d.ranking
        frame = frame.iloc[ranking].reset_index(drop=True)
        frame.insert(0, "rank", np.arange(1, len(frame) + 1))
        return frame

    def _departure_columns(self) -> Dict[str, np.ndarray]:
        """The departure figures by person; NaN for a figure whose inputs are absent."""
        d = self.core.departure

        # A placeholder person's departure is not measured: n/a in every column (the core gives
        # its counts as 0).
        placeholder = (self._people_table(("placeholder",))["placeholder"].to_numpy(dtype=bool)
                       if self.org.headcount < len(self.org) else None)

        def measured(values: np.ndarray, assessed: bool = True) -> np.ndarray:
            if not assessed:
                return np.full(len(values), np.nan)
            return values if placeholder is None else np.where(placeholder, np.nan, values)

        return {"coverage_drop": measured(d.coverage_drop, d.coverage_assessed),
                "unit_left": measured(d.unit_left),
                "cut_off": measured(d.cut_off, d.sharing_assessed),
                "orphaned_artifacts": measured(d.orphaned, d.knowledge_assessed),
                "channels_led": measured(d.channels_led, d.market_assessed)}

    @property
    def people(self) -> pd.DataFrame:
        """One row a person (in the org's order), a column per per-person figure: departure impact
        and each support score's columns, named score.column. ``placeholder`` marks the placeholder
        people (managers the data names but does not describe): kept, with n/a in every figure."""
        return pd.DataFrame(self._people_columns())

    def _people_columns(self, coded_levels: bool = False, in_place: bool = False) -> Dict[str, Any]:
        """The columns of ``people``, each a Series over the core's array (not copied): what the
        JSON report writes its rows from without making the frame (a 1M-person frame is 300 MB).
        `coded_levels`: the talent grid's levels as categories (a byte a person and their three
        words, where their text is 28 MB at a million people), for a writer that reads them so.
        `in_place`: the ids and names as OrgText where they can be (_people_base_in_place)."""
        d = self.core.departure
        columns = self._people_base_in_place() if in_place else self._people_base()
        columns.update(self._departure_columns())
        columns["departure_impact"] = d.impact
        columns["departure_risk"] = d.risk
        for score in self.core.support:
            for column, values in score.people.items():
                columns[f"{score.name}.{column}"] = values
        # Each person's box on the talent grid ("low", "middle", "high"; missing when not placed).
        grid = self.core.talent_grid
        level = _coded_level_column if coded_levels else _level_column
        columns["talent_grid.performance"] = level(grid.performance_level)
        columns["talent_grid.potential"] = level(grid.potential_level)
        return {name: values if isinstance(values, (pd.Series, OrgText)) else pd.Series(values, copy=False)
                for name, values in columns.items()}

    @property
    def figures(self) -> Dict[str, Dict[str, Optional[float]]]:
        """Team-level figures of each support score (None where not available; see figure_notes)."""
        return {s.name: s.figures for s in self.core.support}

    @property
    def figure_notes(self) -> Dict[str, Dict[str, str]]:
        """Why a figure is not available, by score and figure."""
        return {s.name: notes for s in self.core.support for notes in [s.notes] if notes}

    @property
    def groups(self) -> pd.DataFrame:
        """Group aggregates (by tier, department, unit, channel: the people who answer it, or size 0
        for a channel whose rows name no one, the shop's own figure): ``size`` members, of whom
        ``contributors`` have a value, and ``value``, their mean. A group with fewer than the
        policy's ``min_group_size`` contributors is withheld, with the reason; so are the next
        smallest groups until the withheld ones of a figure are at least two and hold at least
        ``min_group_size`` contributors together, so that none can be recovered by subtraction."""
        rows = [{"score": s.name, "kind": g.kind, "group": g.group, "figure": g.figure, "size": g.size,
                 "contributors": g.contributors, "value": g.value, "withheld": g.withheld}
                for s in self.core.support for g in s.groups]
        if self.pseudonymized:  # a unit is named by its manager's id
            for row in rows:
                if row["kind"] == "unit":
                    row["group"] = self._ids[self.org.find(row["group"])]
        frame = pd.DataFrame(rows, columns=["score", "kind", "group", "figure", "size", "contributors", "value",
                                           "withheld"])
        frame["value"] = frame["value"].astype(float)
        return frame

    @property
    def weakest(self) -> Optional[str]:
        """The score that holds the health index down most."""
        return self.core.weakest or None

    @property
    def key_positions(self) -> pd.DataFrame:
        """One row a key position: incumbent, why key, bench strength, covered, successors."""
        rows = []
        for k in self.core.succession.positions:
            rows.append({
                "incumbent": self._ids[k.incumbent], "core": k.core, "large_unit": k.large_unit,
                "unit_size": k.unit_size, "bench_strength": k.bench_strength, "covered": k.covered,
                "score": k.score, "successors": [f"{self._ids[s.person]} ({s.readiness})" for s in k.successors],
            })
        return pd.DataFrame(rows, columns=["incumbent", "core", "large_unit", "unit_size", "bench_strength", "covered",
                                           "score", "successors"])

    @property
    def coverage(self) -> pd.DataFrame:
        """The core layer's coverage of each required competency: best holder, coverage, depth, score."""
        c = self.core.leadership.core_coverage.competencies
        return pd.DataFrame([{"competency": x.competency, "best_holder": None if x.best is None else self._ids[x.best],
                              "coverage": x.coverage, "depth": x.depth, "score": x.score} for x in c],
                            columns=["competency", "best_holder", "coverage", "depth", "score"])

    @property
    def training_plan(self) -> Dict[str, Any]:
        """The fewest core members to train to close every missing capability, and what needs a hire."""
        plan = self.core.leadership.plan
        return {"trainees": {self._ids[p]: t for p, t in zip(plan.trainees, plan.trains)},
                "hire_for": list(plan.hire_for)}

    @property
    def vacancy_cascades(self) -> List[Dict[str, Any]]:
        """For each key position: who fills the seat, who fills theirs, and the first seat nobody can fill."""
        return [_cascade(c, self._ids) for c in self.core.succession.cascades]

    @property
    def truck_factor(self) -> Optional["TruckFactor"]:
        """The team's truck factor from its contributions table (None when there is none)."""
        tf = self.core.truck_factor
        return TruckFactor(tf.result, self._ids) if tf.result is not None else None

    @property
    def talent_grid(self) -> "TalentGrid":
        """Everyone on the 3x3 grid of assessment (performance) against potential (人才九宫格):
        ``.people`` (each person's box), ``.counts`` (the 3x3 counts, privacy rules applied),
        ``.boxes``, ``.cuts``, ``.not_placed``; ``.assessed`` False with ``.absent_reason`` when
        nobody could be placed (teamgraph.talent_grid.TalentGrid; docs/scores.md, "Talent grid")."""
        from .talent_grid import TalentGrid

        return TalentGrid(self.core.talent_grid, self)

    def diff(self, other: "Report") -> "ReportDiff":
        """What changed from this report to `other` (e.g. the report of a what-if org)."""
        return ReportDiff(self, other)

    @property
    def truck_factors(self) -> pd.DataFrame:
        """The truck factor of each knowledge area (artifact names before the first '/') and of the
        artifacts each department's members author: kind, group, artifacts, truck_factor, people,
        withheld. A department under the policy's ``min_group_size`` is withheld (truck_factor
        None, no people, the reason in ``withheld``): it would single out who knows what."""
        rows = [{"kind": g.kind, "group": g.group, "artifacts": g.artifacts,
                 "truck_factor": None if g.withheld else g.value,
                 "people": [self._ids[i] for i in g.removed], "withheld": g.withheld}
                for g in self.core.truck_factor.groups]
        return pd.DataFrame(rows, columns=["kind", "group", "artifacts", "truck_factor", "people", "withheld"])

    def to_dict(self) -> Dict[str, Any]:
        """The report as the versioned JSON document (docs/report-format.md)."""
        from .json_report import report_dict

        return report_dict(self)

    def to_json(self, path: Optional[Union[str, "os.PathLike[str]"]] = None, aggregate_only: bool = False) -> str:
        """The JSON report (byte-identical for the same data in any row order); written to `path` if given.

        ``aggregate_only=True``: the form for readers who should not see individuals (no
        per-person rows, ids or names; every group figure over at least ``min_group_size``
        contributors, with complementary suppression; findings counted, not listed; docs/privacy
        in docs/scores.md)."""
        from .json_report import to_json

        text = to_json(self, aggregate_only)
        if path is not None:
            write_text(path, text)
        return text

    def to_text(self, top: int = 0, lang: Optional[str] = None, scores: Optional[Sequence[str]] = None,
                codes: Optional[Sequence[str]] = None) -> str:
        """The report as `teamgraph report` prints it (no colours), in the report's language or
        `lang`; `top` > 0 shows only the most severe findings. `scores`, `codes`: only the
        findings of those scores, with those codes (ValueError for a name no finding has)."""
        from .export import to_text

        return to_text(self._in(lang), top, scores=scores, codes=codes)

    def to_markdown(self, top: int = 0, lang: Optional[str] = None, scores: Optional[Sequence[str]] = None,
                    codes: Optional[Sequence[str]] = None) -> str:
        """The report as Markdown, in the report's language or `lang`; `top`, `scores` and
        `codes` choose the findings as ``to_text``'s do."""
        from .export import to_markdown

        return to_markdown(self._in(lang), top, scores, codes)

    def to_html(self, path: Optional[Union[str, "os.PathLike[str]"]] = None, lang: Optional[str] = None,
                top: int = 0, scores: Optional[Sequence[str]] = None, codes: Optional[Sequence[str]] = None) -> str:
        """One self-contained HTML page (no network needed): scores, charts, and the `top` most
        severe findings (0: all), only those of `scores` and `codes` when given (as
        ``to_markdown``); in the report's language or `lang`."""
        from .html import to_html

        text = to_html(self._in(lang), top=top, scores=scores, codes=codes)
        if path is not None:
            write_text(path, text)
        return text

    def _in(self, lang: Optional[str]) -> "Report":
        return self if lang is None else self.with_language(lang)

    def _repr_html_(self) -> str:
        from .html import to_html

        return to_html(self, fragment=True)

    def __repr__(self) -> str:
        parts = ", ".join(f"{k}={'n/a' if v is None else f'{v:.1f}'}" for k, v in self.scores.items())
        return f"<teamgraph.Report {parts}; {len(self.findings)} findings>"


class _OrgIds(Sequence[str]):
    """An org's person ids, in its order, read from the core as they are asked for: one at a time,
    some at once (``take``), or all of them as a list made once (``resolved()``; iterating them,
    or reading many one at a time, makes it)."""

    def __init__(self, org: Org) -> None:
        self._org = org
        self._all: Optional[List[str]] = None
        self._read = 0  # ids read one at a time

    def __len__(self) -> int:
        return len(self._org)

    def __getitem__(self, k: Any) -> Any:
        if self._all is not None:
            return self._all[k]
        if isinstance(k, slice):
            return self.take(range(*k.indices(len(self))))
        n = len(self)
        k = operator.index(k)  # numpy integers too; not a text or a float
        if not -n <= k < n:
            raise IndexError("person index out of range")
        # A caller reading many of them one at a time gets the list, made once.
        self._read += 1
        if self._read > max(64, n // 16):
            return self.resolved()[k]
        return self._org._core.id(k + n if k < 0 else k)

    def __iter__(self) -> Any:
        return iter(self.resolved())  # a caller going through them all: the list, made once

    def __contains__(self, value: object) -> bool:
        return value in self.resolved()

    def take(self, indices: Any) -> List[str]:
        """The ids at `indices` (each in 0 .. len - 1), in their order, as a list."""
        at = np.asarray(indices, dtype=np.int64).reshape(-1)
        if self._all is None:
            return self._org._core.ids_at(at)
        if len(at) and (at.min() < 0 or at.max() >= len(self)):
            raise IndexError("person index out of range")
        return [self._all[i] for i in at.tolist()]

    def resolved(self) -> List[str]:
        """Every id as a list (for reading many: a finding about 600,000 people)."""
        if self._all is None:
            self._all = self._org.ids
        return self._all


def _take_ids(ids: Sequence[str], indices: Any) -> List[str]:
    """ids[i] for each of `indices`: a block read from the org where `ids` are its own."""
    return ids.take(indices) if isinstance(ids, _OrgIds) else [ids[int(i)] for i in indices]


class _IdsOnDemand(Sequence[str]):
    """A report's ids (or pseudonyms), read from it only when a finding names someone."""

    def __init__(self, report: Report) -> None:
        self._report = report

    def __len__(self) -> int:
        return len(self._report._ids)

    def __getitem__(self, k: Any) -> Any:
        return self._report._ids[k]

    def take(self, indices: Any) -> List[str]:
        """The ids at `indices`, in their order, as a list (read from the org a block at a time)."""
        return _take_ids(self._report._ids, indices)

    def resolved(self) -> Sequence[str]:
        """The ids themselves: for reading many (a finding about 600,000 people)."""
        ids = self._report._ids
        return ids.resolved() if isinstance(ids, _OrgIds) else ids


class _NamesOnDemand(Sequence[Any]):
    """A report's names (NaN where missing), read from it only when a finding's text names someone:
    one at a time from the people table's column, and as a list, made once, for a caller that
    reads many (a list of a million names costs 0.15 s and 60 MB; a what-if's diff names a few
    hundred people)."""

    def __init__(self, report: Report) -> None:
        self._report = report
        self._names: Optional[List[Any]] = None
        self._read = 0

    def _list(self) -> List[Any]:
        if self._names is None:
            self._names = self._report._people["name"].tolist()
        return self._names

    def __len__(self) -> int:
        return len(self._report.org)

    def __getitem__(self, k: Any) -> Any:
        if self._names is None and not isinstance(k, slice):
            self._read += 1
            if self._read <= max(64, len(self) // 16):
                return self._report._people["name"].iloc[operator.index(k)]
        return self._list()[k]


def _unpickle(org: Org, policy: Dict[str, Any], lang: str, key: Optional[bytes]) -> "Report":
    report = assess(org, policy, lang)
    return report.pseudonymize(key) if key is not None else report


def score_parts(s: "_core.Score") -> List[Dict[str, Any]]:
    """A score's parts as {"name", "value" (None when not computed), "reason"}."""
    return [{"name": p.name, "value": p.value, "reason": p.reason} for p in s.parts]


def _coverage(s: "_core.Score") -> Dict[str, Any]:
    parts = score_parts(s)
    computed = [p["name"] for p in parts if p["value"] is not None]
    return {"score": s.name, "assessed": s.assessed, "absent_reason": s.absent_reason, "parts": parts,
            "computed": computed, "not_computed": {p["name"]: p["reason"] for p in parts if p["value"] is None},
            "of": f"{len(computed)} of {len(parts)}"}


def _cascade(c: "_core.VacancyCascade", ids: Sequence[str]) -> Dict[str, Any]:
    return {"leaver": ids[c.leaver],
            "chain": [(ids[s], ids[p]) for s, p in zip(c.seats, c.promoted)],
            "unfilled": None if c.unfilled is None else ids[c.unfilled],
            "truncated": c.truncated}


def assess(org: Org, policy: PolicyLike = None, lang: Optional[str] = None, threads: Optional[int] = None) -> Report:
    """Every score of the org, with findings.

    policy: overrides of the default policy (a dict, JSON text file path); they apply on top of
    the org's own team.json "policy". ``teamgraph.default_policy()`` lists every setting.
    lang: the language of the report's words, "en" (default) or "zh-CN"; ValueError for a
    language with no catalog (``teamgraph.catalog.LANGUAGES``).
    threads: None scores an org of a few thousand people or more on two threads, or on the
    calling thread only when another ``assess`` is running in the process as the call starts
    (calls side by side keep the cores busy already); 1 on the calling thread only (for a
    program whose own threads already keep every core busy); 2 or more on two threads at any
    size. The report is the same.
    """
    if threads is not None and (isinstance(threads, bool) or not isinstance(threads, int) or threads < 1):
        raise ValueError(f"threads: None or a whole number of at least 1, not {threads!r}")
    lang = normalize_language(lang)  # a bad language fails before the scoring
    return Report(org, _core.assess(org._core, _policy_text(policy), 0 if threads is None else min(threads, 2)), lang=lang)


def vacancy_cascade(org: Org, leaver: str, policy: PolicyLike = None) -> Dict[str, Any]:
    """Who fills the seat when `leaver` leaves, who fills theirs, ..., and the first seat nobody can fill."""
    index = org.find(leaver)
    if index is None:
        raise KeyError(f"no person with id {leaver!r}")
    return _cascade(_core.vacancy_cascade(org._core, index, _policy_text(policy)), org.ids)

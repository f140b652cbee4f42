"""
teamgraph's compiled core. Use the teamgraph package; this module is its engine.
"""
from __future__ import annotations
import collections.abc
import numpy
import numpy.typing
import os
import typing
__all__: list[str] = ['Assessment', 'CompetencyCoverage', 'CompetencyCoverages', 'DepartureImpact', 'FindingColumns', 'GridAxis', 'GridBox', 'GridBoxes', 'GroupCoverage', 'GroupFigure', 'GroupFigures', 'GroupTruckFactor', 'GroupTruckFactors', 'KeyPosition', 'KeyPositions', 'LeadershipReport', 'Org', 'Problem', 'Score', 'ScorePart', 'ScoreParts', 'Scores', 'Severity', 'SuccessionReport', 'SuccessorAssessment', 'SuccessorAssessments', 'SupportScore', 'SupportScores', 'TalentGrid', 'TextCatalog', 'TrainingPlan', 'TruckFactorResult', 'TruckFactorSummary', 'UnitCoverage', 'UnitCoverages', 'VacancyCascade', 'VacancyCascades', 'assess', 'assess_many', 'default_policy_json', 'json_rows', 'list_arg', 'make_problem', 'min_group_size_floor', 'org_from_columns', 'org_state', 'policy_json', 'problem_message', 'problem_templates', 'read_org', 'release_free_memory', 'schema', 'suggest_successors', 'truck_factor', 'vacancy_cascade', 'what_if']
class Severity:
    """
    Members:
    
      warning
    
      error
    """
    __members__: typing.ClassVar[dict[str, Severity]]
    error: typing.ClassVar[Severity]
    warning: typing.ClassVar[Severity]
    @typing.overload
    def __eq__(self, other: Severity) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: Severity) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class Problem:
    """
    One problem in the input data, with where it was found.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: Problem) -> bool:
        ...
    def __getstate__(self) -> tuple[str, int, str, int, str, str, str, str, list[tuple[str, str]]]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def __str__(self) -> str:
        ...
    def to_dict(self) -> dict:
        ...
    @property
    def args(self) -> list[tuple[str, str]]:
        """
        The message's named values, [(name, text), ...].
        """
    @property
    def code(self) -> str:
        """
        Stable snake_case code, e.g. 'duplicate_id'.
        """
    @property
    def field(self) -> str:
        ...
    @property
    def file(self) -> str:
        """
        File or table the problem is in.
        """
    @property
    def key(self) -> str:
        """
        The message's catalog key, 'problem.<code>[.<variant>]' ('' for a message with no entry).
        """
    @property
    def message(self) -> str:
        """
        What was expected and what was found, in English.
        """
    @property
    def person_id(self) -> str:
        ...
    @property
    def record(self) -> int:
        """
        1-based CSV line (or JSON/DataFrame record) of the record; 0 for a whole file.
        """
    @property
    def severity(self) -> Severity:
        ...
class Org:
    """
    An immutable, validated team (C++ teamgraph::Org).
    """
    def __init__(self) -> None:
        """
        An empty team.
        """
    def __len__(self) -> int:
        ...
    def competency_matrix(self) -> tuple[typing.Any, numpy.typing.NDArray[numpy.float64]]:
        """
        (names, scores): people x competencies, normalized to [0, 1], NaN = not assessed (a copy).
        """
    def find(self, id: str) -> int | None:
        """
        Index of the person with this id (exact match), or None.
        """
    def hierarchy_arrays(self) -> dict:
        """
        manager (-1 for a top), depth, subtree_end (the unit of p is [p, subtree_end[p])), tops, layers.
        """
    def id(self, person: typing.SupportsInt | typing.SupportsIndex) -> str:
        """
        The id of the person at this index.
        """
    def ids(self) -> list:
        """
        Person ids in the org's canonical order (preorder of the reports-to forest).
        """
    def ids_at(self, indices: typing.Annotated[numpy.typing.ArrayLike, numpy.int64]) -> list:
        """
        The ids of the people at these indices, in their order (no list of everyone made).
        """
    def sharing_links(self) -> tuple[numpy.typing.NDArray[numpy.uint32], numpy.typing.NDArray[numpy.uint32]]:
        """
        (a, b): the people of every sharing link as indices, a < b, sorted (a link a channel).
        """
    def table_columns(self, name: str, normalized: bool = False, columns: collections.abc.Sequence[str] | None = None) -> dict:
        """
        Columns of one table in canonical order (used by Org.people / Org.table): scored values as read, on their declared scales, or mapped to [0, 1] when normalized; only those named in `columns` when given.
        """
    def table_digest(self, name: str, update: collections.abc.Callable, block: typing.SupportsInt | typing.SupportsIndex = 4194304) -> bool:
        """
        Calls update(memoryview) with the bytes input_checksum hashes for one table's columns, in order, in blocks of up to `block` bytes made on a second thread meanwhile; False, and no call, where the core cannot make them (a date after 2262, past what nanoseconds hold).
        """
    def table_rows(self, name: str) -> int:
        """
        Rows of one table (as table_columns gives it), without making it.
        """
    @property
    def headcount(self) -> int:
        """
        Number of people the data describes: size less the placeholder people.
        """
    @property
    def period(self) -> tuple[typing.Any, typing.Any]:
        """
        (start, end) of the analysis period in Unix seconds, None when not given.
        """
    @property
    def size(self) -> int:
        """
        Number of people.
        """
    @property
    def tables(self) -> list[str]:
        """
        The input tables that were given.
        """
    @property
    def team_json(self) -> str:
        """
        team.json as canonical JSON text ('' when not given).
        """
    @property
    def team_name(self) -> str:
        ...
    @property
    def warnings(self) -> list[Problem]:
        """
        Problems that did not stop the build.
        """
class ScorePart:
    """
    One part of a score: its 0-1 value (None when not computed) and why not.
    """
    @property
    def name(self) -> str:
        ...
    @property
    def reason(self) -> str:
        ...
    @property
    def value(self) -> typing.Any:
        ...
class ScoreParts:
    """
    A read-only sequence of the report's items (each made when read).
    """
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> ScorePart:
        ...
    def __iter__(self) -> collections.abc.Iterator[ScorePart]:
        ...
    def __len__(self) -> int:
        ...
class Score:
    """
    A 0-100 score (None when absent, with the reason) and the parts it is made of.
    """
    @property
    def absent_reason(self) -> str:
        ...
    @property
    def assessed(self) -> bool:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def parts(self) -> ScoreParts:
        ...
    @property
    def parts_computed(self) -> int:
        ...
    @property
    def value(self) -> typing.Any:
        ...
class Scores:
    """
    A read-only sequence of the report's items (each made when read).
    """
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> Score:
        ...
    def __iter__(self) -> collections.abc.Iterator[Score]:
        ...
    def __len__(self) -> int:
        ...
class CompetencyCoverage:
    """
    A group's coverage of one competency.
    """
    @property
    def best(self) -> typing.Any:
        """
        Who holds it (a person index; None when nobody has a score).
        """
    @property
    def competency(self) -> str:
        ...
    @property
    def coverage(self) -> float:
        """
        The best score in the group, 0-1.
        """
    @property
    def depth(self) -> int:
        """
        People at or above the threshold.
        """
    @property
    def score(self) -> float:
        ...
class CompetencyCoverages:
    """
    A read-only sequence of the report's items (each made when read).
    """
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> CompetencyCoverage:
        ...
    def __iter__(self) -> collections.abc.Iterator[CompetencyCoverage]:
        ...
    def __len__(self) -> int:
        ...
class GroupCoverage:
    """
    A group's coverage of the required competencies.
    """
    @property
    def competencies(self) -> CompetencyCoverages:
        ...
    @property
    def complete(self) -> bool:
        ...
    @property
    def score(self) -> float:
        ...
class UnitCoverage:
    """
    A manager's unit (the manager and their direct reports).
    """
    @property
    def assessed(self) -> bool:
        ...
    @property
    def coverage(self) -> GroupCoverage:
        ...
    @property
    def manager(self) -> int:
        ...
    @property
    def manager_lacks(self) -> list[str]:
        ...
    @property
    def size(self) -> int:
        ...
class UnitCoverages:
    """
    A read-only sequence of the report's items (each made when read).
    """
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> UnitCoverage:
        ...
    def __iter__(self) -> collections.abc.Iterator[UnitCoverage]:
        ...
    def __len__(self) -> int:
        ...
class TrainingPlan:
    """
    The fewest core members to train, and what needs a hire.
    """
    @property
    def hire_for(self) -> list[str]:
        ...
    @property
    def trainees(self) -> numpy.ndarray:
        ...
    @property
    def trains(self) -> list[list[str]]:
        ...
class LeadershipReport:
    """
    Leadership coverage: the core layer and every unit.
    """
    @property
    def absent_reason(self) -> str:
        ...
    @property
    def assessed(self) -> bool:
        ...
    @property
    def core(self) -> numpy.ndarray:
        ...
    @property
    def core_coverage(self) -> GroupCoverage:
        ...
    @property
    def plan(self) -> TrainingPlan:
        ...
    @property
    def score(self) -> float:
        ...
    @property
    def units(self) -> UnitCoverages:
        ...
class SuccessorAssessment:
    """
    A named successor of a key position.
    """
    @property
    def fitness(self) -> float:
        """
        0-1 (NaN: not assessed).
        """
    @property
    def person(self) -> int:
        ...
    @property
    def readiness(self) -> str:
        ...
    @property
    def weight(self) -> float:
        ...
class SuccessorAssessments:
    """
    A read-only sequence of the report's items (each made when read).
    """
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> SuccessorAssessment:
        ...
    def __iter__(self) -> collections.abc.Iterator[SuccessorAssessment]:
        ...
    def __len__(self) -> int:
        ...
class KeyPosition:
    """
    A key position: its incumbent, why key, its bench.
    """
    @property
    def bench_strength(self) -> float:
        ...
    @property
    def core(self) -> bool:
        ...
    @property
    def covered(self) -> bool:
        ...
    @property
    def incumbent(self) -> int:
        ...
    @property
    def large_unit(self) -> bool:
        ...
    @property
    def score(self) -> float:
        ...
    @property
    def successors(self) -> SuccessorAssessments:
        ...
    @property
    def unit_size(self) -> int:
        ...
class KeyPositions:
    """
    A read-only sequence of the report's items (each made when read).
    """
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> KeyPosition:
        ...
    def __iter__(self) -> collections.abc.Iterator[KeyPosition]:
        ...
    def __len__(self) -> int:
        ...
class VacancyCascade:
    """
    Who fills a leaver's seat, who fills theirs, ...
    """
    @property
    def leaver(self) -> int:
        ...
    @property
    def promoted(self) -> list[int]:
        ...
    @property
    def seats(self) -> list[int]:
        ...
    @property
    def truncated(self) -> bool:
        ...
    @property
    def unfilled(self) -> typing.Any:
        ...
class VacancyCascades:
    """
    A read-only sequence of the report's items (each made when read).
    """
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> VacancyCascade:
        ...
    def __iter__(self) -> collections.abc.Iterator[VacancyCascade]:
        ...
    def __len__(self) -> int:
        ...
class SuccessionReport:
    """
    Succession readiness: key positions and their cascades.
    """
    def position_columns(self) -> dict:
        """
        The key positions' incumbent (person index), covered and bench_strength as arrays, in the order of `positions`: what the JSON report lists of each, without an object a position.
        """
    @property
    def absent_reason(self) -> str:
        ...
    @property
    def assessed(self) -> bool:
        ...
    @property
    def cascades(self) -> VacancyCascades:
        ...
    @property
    def covered_share(self) -> float:
        ...
    @property
    def positions(self) -> KeyPositions:
        ...
    @property
    def score(self) -> float:
        ...
class DepartureImpact:
    """
    What each person's departure breaks, by person index (read-only arrays).
    """
    @property
    def channels_led(self) -> numpy.ndarray:
        ...
    @property
    def coverage_assessed(self) -> bool:
        ...
    @property
    def coverage_drop(self) -> numpy.ndarray:
        ...
    @property
    def cut_off(self) -> numpy.ndarray:
        ...
    @property
    def impact(self) -> numpy.ndarray:
        ...
    @property
    def knowledge_assessed(self) -> bool:
        ...
    @property
    def market_assessed(self) -> bool:
        ...
    @property
    def orphaned(self) -> numpy.ndarray:
        ...
    @property
    def ranking(self) -> numpy.ndarray:
        ...
    @property
    def reachable_from_core(self) -> int:
        ...
    @property
    def risk(self) -> numpy.ndarray:
        ...
    @property
    def sharing_assessed(self) -> bool:
        ...
    @property
    def unit_left(self) -> numpy.ndarray:
        ...
class TruckFactorResult:
    """
    A truck factor and who was removed to reach it.
    """
    @property
    def artifacts(self) -> list[str]:
        ...
    @property
    def author_offsets(self) -> numpy.ndarray:
        ...
    @property
    def authored(self) -> numpy.ndarray:
        ...
    @property
    def authors(self) -> numpy.ndarray:
        ...
    @property
    def coverage(self) -> list[float]:
        ...
    @property
    def removed(self) -> numpy.ndarray:
        ...
    @property
    def removed_authored(self) -> numpy.ndarray:
        ...
    @property
    def value(self) -> int:
        ...
class GroupTruckFactor:
    """
    The truck factor of a knowledge area or a department's artifacts.
    """
    @property
    def artifacts(self) -> int:
        ...
    @property
    def group(self) -> str:
        ...
    @property
    def kind(self) -> str:
        ...
    @property
    def removed(self) -> list[int]:
        ...
    @property
    def value(self) -> int:
        ...
    @property
    def withheld(self) -> str:
        ...
class GroupTruckFactors:
    """
    A read-only sequence of the report's items (each made when read).
    """
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> GroupTruckFactor:
        ...
    def __iter__(self) -> collections.abc.Iterator[GroupTruckFactor]:
        ...
    def __len__(self) -> int:
        ...
class TruckFactorSummary:
    """
    The team's truck factor and its groups'.
    """
    @property
    def absent_reason(self) -> str:
        ...
    @property
    def assessed(self) -> bool:
        ...
    @property
    def groups(self) -> GroupTruckFactors:
        ...
    @property
    def result(self) -> typing.Any:
        ...
class GroupFigure:
    """
    A group aggregate (withheld under the minimum group size).
    """
    @property
    def contributors(self) -> int:
        ...
    @property
    def figure(self) -> str:
        ...
    @property
    def group(self) -> str:
        ...
    @property
    def kind(self) -> str:
        ...
    @property
    def size(self) -> int:
        ...
    @property
    def value(self) -> typing.Any:
        ...
    @property
    def withheld(self) -> str:
        ...
class GroupFigures:
    """
    A read-only sequence of the report's items (each made when read).
    """
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> GroupFigure:
        ...
    def __iter__(self) -> collections.abc.Iterator[GroupFigure]:
        ...
    def __len__(self) -> int:
        ...
class SupportScore:
    """
    A support-system score's figures, groups and per-person columns.
    """
    @property
    def figures(self) -> dict:
        """
        Team-level figures by name (None where not available; notes says why).
        """
    @property
    def groups(self) -> GroupFigures:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def notes(self) -> dict:
        ...
    @property
    def people(self) -> dict:
        """
        Per-person columns by name (read-only arrays by person index; NaN = not applicable).
        """
class SupportScores:
    """
    A read-only sequence of the report's items (each made when read).
    """
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> SupportScore:
        ...
    def __iter__(self) -> collections.abc.Iterator[SupportScore]:
        ...
    def __len__(self) -> int:
        ...
class GridAxis:
    """
    One axis of the talent grid and its cuts.
    """
    @property
    def field(self) -> str:
        ...
    @property
    def high_from(self) -> typing.Any:
        ...
    @property
    def method(self) -> str:
        ...
    @property
    def middle_from(self) -> typing.Any:
        ...
class GridBox:
    """
    One box of the 3x3 grid: its count, or None and why withheld.
    """
    @property
    def count(self) -> typing.Any:
        ...
    @property
    def performance(self) -> str:
        ...
    @property
    def potential(self) -> str:
        ...
    @property
    def withheld(self) -> str:
        ...
class GridBoxes:
    """
    A read-only sequence of the report's items (each made when read).
    """
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> GridBox:
        ...
    def __iter__(self) -> collections.abc.Iterator[GridBox]:
        ...
    def __len__(self) -> int:
        ...
class TalentGrid:
    """
    Everyone on the 3x3 grid of performance and potential.
    """
    @property
    def absent_reason(self) -> str:
        ...
    @property
    def assessed(self) -> bool:
        ...
    @property
    def boxes(self) -> GridBoxes:
        ...
    @property
    def missing_assessment(self) -> int:
        ...
    @property
    def missing_both(self) -> int:
        ...
    @property
    def missing_potential(self) -> int:
        ...
    @property
    def performance(self) -> GridAxis:
        ...
    @property
    def performance_level(self) -> numpy.ndarray:
        """
        By person: 0 low, 1 middle, 2 high, 3 not placed.
        """
    @property
    def placed(self) -> int:
        ...
    @property
    def potential(self) -> GridAxis:
        ...
    @property
    def potential_level(self) -> numpy.ndarray:
        ...
class Assessment:
    """
    Every score of an org with its parts and findings (assess()).
    """
    @property
    def departure(self) -> DepartureImpact:
        ...
    @property
    def findings(self) -> typing.Any:
        """
        The findings as columns (a new FindingColumns each time; teamgraph.findings wraps it).
        """
    @property
    def leadership(self) -> LeadershipReport:
        ...
    @property
    def policy(self) -> str:
        """
        The policy used, as JSON.
        """
    @property
    def scores(self) -> Scores:
        """
        In a fixed order; the health index last.
        """
    @property
    def succession(self) -> SuccessionReport:
        ...
    @property
    def support(self) -> SupportScores:
        """
        The support-system scores.
        """
    @property
    def talent_grid(self) -> TalentGrid:
        ...
    @property
    def truck_factor(self) -> TruckFactorSummary:
        ...
    @property
    def weakest(self) -> str:
        """
        The score that holds the health index down most ("" if none).
        """
class TextCatalog:
    """
    The words of one language for the C++ text writer (teamgraph.catalog fills it).
    """
    def __init__(self, entries: collections.abc.Sequence[tuple[str, collections.abc.Sequence[str], str]]) -> None:
        """
        entries: [(key, [form, ...], plural rule)]
        """
    def text(self, key: str) -> str:
        ...
class FindingColumns:
    """
    A report's findings as columns.
    """
    def __len__(self) -> int:
        ...
    def alike(self, other: FindingColumns, k: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], j: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], names: bool) -> numpy.typing.NDArray[numpy.bool]:
        """
        For each pair, whether finding k[i] of these and finding j[i] of `other` say the same in words: the same severity, score, code, variant and arguments, and the same people in order (by id, and by name where `names`). Alike findings have the same texts in one catalog; others may too (numbers that differ past the digits shown).
        """
    def args(self, k: typing.SupportsInt | typing.SupportsIndex) -> list:
        """
        Finding k's arguments as (name, kind, value), as teamgraph.catalog renders them.
        """
    def columns(self) -> dict:
        """
        {score, code, variant, severity: codes; scores, codes, variants, severities: their labels; people_offsets, people; evidence_offsets, evidence_name (codes), evidence_names, evidence_value}
        """
    def json(self, catalog: TextCatalog, pseudonyms: collections.abc.Sequence[str] | None, incidental: collections.abc.Sequence[str], level: typing.SupportsInt | typing.SupportsIndex, write: typing.Any = None) -> typing.Any:
        """
        The JSON report's findings array (UTF-8), as json.dumps(indent=2, sort_keys=True) writes it at `level`: returned as bytes, or, given `write` (a binary file's write), written through it in blocks formatted on worker threads.
        """
    def json_objects(self, catalog: TextCatalog, pseudonyms: collections.abc.Sequence[str] | None, incidental: collections.abc.Sequence[str], level: typing.SupportsInt | typing.SupportsIndex, indices: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> list:
        """
        The findings at `indices`, each as the JSON object json.dumps(indent=2, sort_keys=True) writes for it as an item of an array at `level` (from its opening brace to its closing one): for documents that hold findings elsewhere than in one array (a diff's changed pairs).
        """
    def lines(self, catalog: TextCatalog, pseudonyms: collections.abc.Sequence[str] | None, indices: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], style: str) -> bytes:
        """
        The findings at `indices` as the report of `style` (markdown, text, html) lists them, UTF-8: Markdown and text, three lines each (message; who and evidence; what to do) joined by line breaks; HTML, a <div> each.
        """
    def people_text(self, separator: str = ', ', pseudonyms: collections.abc.Sequence[str] | None = None) -> tuple:
        """
        (offsets, bytes): each finding's people by id (or pseudonym), joined.
        """
    def same_people(self, other: FindingColumns) -> numpy.typing.NDArray[numpy.int64]:
        """
        For each person of `other`'s org (by index), the index in this report's org of the person with the same id, -1 where there is none.
        """
    def texts(self, catalog: TextCatalog, pseudonyms: collections.abc.Sequence[str] | None = None, indices: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex] | None = None) -> tuple[list, list]:
        """
        ([(offsets, bytes), ...], [(offsets, bytes), ...]): every finding's message and recommendation (only those at `indices`, in their order, when given), UTF-8 in Arrow's layout, in chunks of consecutive findings.
        """
def assess(org: Org, policy: str = '', threads: typing.SupportsInt | typing.SupportsIndex = 0) -> Assessment:
    """
    Every score of the org (releases the GIL). threads: 0 two threads from a few thousand people on (one when another assess is running), 1 the calling thread only, 2 or more two threads.
    """
def assess_many(tables: dict, team_column: str, team_json: str = '', policy: str = '', threads: typing.SupportsInt | typing.SupportsIndex = 0) -> tuple[dict, dict]:
    """
    Scores every team of concatenated tables (releases the GIL; threads=0: every core).
    """
def default_policy_json() -> str:
    """
    The default policy as JSON.
    """
def json_rows(rows: typing.SupportsInt | typing.SupportsIndex, columns: collections.abc.Sequence[tuple], level: typing.SupportsInt | typing.SupportsIndex, write: typing.Any = None) -> typing.Any:
    """
    A JSON array of `rows` objects (UTF-8), as json.dumps(indent=2, sort_keys=True, ensure_ascii=False) writes it at `level`; columns: [(key, 'number', float64[]) | (key, 'whole', int64[] or uint32[]) | (key, 'boolean', bool[]) | (key, 'text', offsets int64[rows + 1], bytes uint8[], given bool[rows]) | (key, 'coded', codes int8/16/32/64[rows], labels: list of str; code -1: null) | (key, 'people_text', org, 'ids' or 'names': the org's own, read in place; an empty one null)], keys in order. Returned as bytes, or, given `write` (a binary file's write), written through it in blocks formatted on worker threads.
    """
def list_arg(items: collections.abc.Sequence[str]) -> str:
    """
    A list as one value of a problem's args (items apart by U+001F).
    """
def make_problem(key: str, file: str, record: typing.SupportsInt | typing.SupportsIndex, person_id: str, field: str, args: collections.abc.Sequence[tuple[str, str]] = [], warning: bool = False) -> Problem:
    """
    A Problem found by the Python layer (DataFrame checks): the message `key` (problem.<code>[.<variant>]) with its named values `args`, [(name, text), ...]; its English message is filled in.
    """
def org_from_columns(tables: dict, team_json: str = '', problems: list = [], lenient: bool = False) -> Org:
    """
    Builds an org from {table: (rows, [(column, float64 array | list of str/None), ...])}.
    """
def org_state(org: Org) -> tuple[dict, str]:
    """
    The org's tables (values as read, on their declared scales) and team.json: what rebuilds it exactly (pickling).
    """
def policy_json(org: Org, overrides: str = '') -> str:
    """
    The policy assess() uses for this org: defaults, then team.json's policy, then `overrides` (JSON).
    """
def problem_message(key: str, args: collections.abc.Sequence[tuple[str, str]] = []) -> str:
    """
    The English message of `key` with `args` (the key itself when it has no template).
    """
def problem_templates() -> list[tuple[str, str, str]]:
    """
    [(key, English text, English plural or '')]: the template of every problem message.
    """
def read_org(path: os.PathLike | str | bytes, lenient: bool = False, follow_symlinks: bool = False) -> Org:
    """
    Reads and validates a team folder or JSON file; raises OrgDataError with every problem.
    """
def release_free_memory(people: typing.SupportsInt | typing.SupportsIndex) -> None:
    """
    Gives the memory the C library holds free back to the system, for an org of half a million people or more (after work that made and freed much: the input checksum).
    """
def schema() -> list:
    """
    The input schema: a list of tables {name, file, required, columns}, each column {name, kind, required, labels, default, type, meaning}; kind is one of id, person, reference, text, number, date, enum, bool.
    """
def suggest_successors(org: Org, policy: str = '') -> dict:
    """
    add_successor suggestions from the talent grid's reserve pool for each uncovered key position (releases the GIL).
    """
def truck_factor(people: collections.abc.Sequence[str], artifacts: collections.abc.Sequence[str], person: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], artifact: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], action: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], date: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], previous: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], counted: collections.abc.Sequence[str] | None = None, method: str = 'default', policy: str = '') -> TruckFactorResult:
    """
    The truck factor of a contributions log given as codes (see teamgraph.truck_factor).
    """
def vacancy_cascade(org: Org, leaver: typing.SupportsInt | typing.SupportsIndex, policy: str = '') -> VacancyCascade:
    ...
def what_if(org: Org, leave: collections.abc.Sequence[str], promote: collections.abc.Sequence[tuple[str, str]], move: collections.abc.Sequence[tuple[str, str]], add_successor: collections.abc.Sequence[tuple[str, str, str]], fill: bool = True, policy: str = '') -> tuple[Org, list[tuple[str, str]], list[str]]:
    """
    (the org after the changes, [(seat, successor) filled], [seats left empty]); see teamgraph::what_if.
    """
__version__: str = '0.1.0'
min_group_size_floor: int = 5

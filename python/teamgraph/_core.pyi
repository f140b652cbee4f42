"""
teamgraph's compiled core. Use the teamgraph package; this module is its engine.
"""
from __future__ import annotations
import collections.abc
import numpy
import numpy.typing
import os
import typing
__all__: list[str] = ['FindingColumns', 'Org', 'Problem', 'Severity', 'TextCatalog', 'assess', 'assess_many', 'default_policy_json', 'json_rows', 'list_arg', 'make_problem', 'min_group_size_floor', 'org_from_columns', 'org_state', 'policy_json', 'problem_message', 'problem_templates', 'read_org', 'schema', 'suggest_successors', 'truck_factor', 'vacancy_cascade', 'what_if']
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
        (names, scores): people x competencies, normalized to [0, 1], NaN = not assessed.
        """
    def find(self, id: str) -> int | None:
        """
        Index of the person with this id (exact match), or None.
        """
    def hierarchy_arrays(self) -> dict:
        """
        manager (-1 for a top), depth, subtree_end (the unit of p is [p, subtree_end[p])), tops, layers.
        """
    def ids(self) -> list:
        """
        Person ids in the org's canonical order (preorder of the reports-to forest).
        """
    def table_columns(self, name: str, normalized: bool = False) -> dict:
        """
        Columns of one table in canonical order (used by Org.people / Org.table): scored values as read, on their declared scales, or mapped to [0, 1] when normalized.
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
    def args(self, k: typing.SupportsInt | typing.SupportsIndex) -> list:
        """
        Finding k's arguments as (name, kind, value), as teamgraph.catalog renders them.
        """
    def columns(self) -> dict:
        """
        {score, code, variant, severity: codes; scores, codes, variants, severities: their labels; people_offsets, people; evidence_offsets, evidence_name (codes), evidence_names, evidence_value}
        """
    def json(self, message: tuple, recommendation: tuple, pseudonyms: collections.abc.Sequence[str] | None, incidental: collections.abc.Sequence[str], level: typing.SupportsInt | typing.SupportsIndex) -> bytes:
        """
        The JSON report's findings array (UTF-8), as json.dumps(indent=2, sort_keys=True) writes it at `level`.
        """
    def people_text(self, separator: str = ', ', pseudonyms: collections.abc.Sequence[str] | None = None) -> tuple:
        """
        (offsets, bytes): each finding's people by id (or pseudonym), joined.
        """
    def texts(self, catalog: TextCatalog, pseudonyms: collections.abc.Sequence[str] | None = None) -> tuple[tuple, tuple]:
        """
        ((offsets, bytes), (offsets, bytes)): every finding's message and recommendation, UTF-8 in Arrow's layout.
        """
def assess(org: Org, policy: str = '') -> dict:
    """
    Every score of the org (releases the GIL).
    """
def assess_many(tables: dict, team_column: str, team_json: str = '', policy: str = '', threads: typing.SupportsInt | typing.SupportsIndex = 0) -> tuple[dict, dict]:
    """
    Scores every team of concatenated tables (releases the GIL; threads=0: every core).
    """
def default_policy_json() -> str:
    """
    The default policy as JSON.
    """
def json_rows(rows: typing.SupportsInt | typing.SupportsIndex, columns: collections.abc.Sequence[tuple], level: typing.SupportsInt | typing.SupportsIndex) -> bytes:
    """
    A JSON array of `rows` objects (UTF-8), as json.dumps(indent=2, sort_keys=True, ensure_ascii=False) writes it at `level`; columns: [(key, 'number', float64[]) | (key, 'whole', int64[]) | (key, 'boolean', bool[]) | (key, 'text', offsets int64[rows + 1], bytes uint8[], given bool[rows])], keys in order.
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
def schema() -> list:
    """
    The input schema: a list of tables {name, file, required, columns}, each column {name, kind, required, labels, default, type, meaning}; kind is one of id, person, reference, text, number, date, enum, bool.
    """
def suggest_successors(org: Org, policy: str = '') -> dict:
    """
    add_successor suggestions from the talent grid's reserve pool for each uncovered key position (releases the GIL).
    """
def truck_factor(people: collections.abc.Sequence[str], artifacts: collections.abc.Sequence[str], person: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], artifact: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], action: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], date: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], previous: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], counted: collections.abc.Sequence[str] | None = None, method: str = 'default', policy: str = '') -> dict:
    """
    The truck factor of a contributions log given as codes (see teamgraph.truck_factor).
    """
def vacancy_cascade(org: Org, leaver: typing.SupportsInt | typing.SupportsIndex, policy: str = '') -> dict:
    ...
def what_if(org: Org, leave: collections.abc.Sequence[str], promote: collections.abc.Sequence[tuple[str, str]], move: collections.abc.Sequence[tuple[str, str]], add_successor: collections.abc.Sequence[tuple[str, str, str]], fill: bool = True, policy: str = '') -> tuple[Org, list[tuple[str, str]], list[str]]:
    """
    (the org after the changes, [(seat, successor) filled], [seats left empty]); see teamgraph::what_if.
    """
__version__: str = '0.1.0'
min_group_size_floor: int = 5

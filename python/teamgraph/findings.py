"""A finding as Python holds it: its words in the report's language, its people by id, how
its texts name them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Dict, List, NamedTuple, Optional, Sequence, Tuple

import numpy as np

from .catalog import Catalog

if TYPE_CHECKING:
    import pyarrow as pa

SEVERITIES = ("critical", "high", "medium", "low", "info")


@dataclass(frozen=True)
class Finding:
    """One explained result: severity, who it concerns, the numbers behind it and what to do."""

    score: str
    code: str
    severity: str
    people: List[str]
    message: str
    evidence: Dict[str, float]
    recommendation: str
    # How the texts name each of `people` ("Li Wei (e01)"), made when first read.
    labels: Sequence[str] = field(default=(), repr=False, compare=False)
    # What the finding is about, by role (SUBJECT_ROLES): {"holder": "e01"}, {"competency": "control"};
    # empty for a team-wide finding. teamgraph.trend matches findings across periods by it.
    subject: Dict[str, str] = field(default_factory=dict, compare=False)

    def __str__(self) -> str:
        return f"[{self.severity}] {self.message} {self.recommendation}"

    def as_dict(self) -> Dict[str, Any]:
        """The finding as the JSON report writes it (the labels are in the message already)."""
        return {"score": self.score, "code": self.code, "severity": self.severity, "people": self.people,
                "message": self.message, "evidence": self.evidence, "recommendation": self.recommendation,
                "subject": self.subject}


class FindingRow(NamedTuple):
    """A finding as the text, Markdown and HTML reports show it (``FindingList.rows``): the fields
    of ``Finding`` they read, made for many findings at once from the columns."""

    score: str
    code: str
    severity: str
    people: List[str]
    message: str
    evidence: Dict[str, float]
    recommendation: str


class _PeopleLabels(Sequence[str]):
    """How a finding's texts name its people: "Li Wei (e01)" (the catalog's ``person.named``)
    when the person has a name, the id alone otherwise, the pseudonym when the report is
    pseudonymized. Made only for the people a text shows (at most ten a list), not for all."""

    def __init__(self, indices: Sequence[int], ids: Sequence[str], names: Optional[Sequence[Any]],
                 catalog: Catalog) -> None:
        self._indices, self._ids, self._names, self._catalog = indices, ids, names, catalog

    def __len__(self) -> int:
        return len(self._indices)

    def __getitem__(self, k: Any) -> Any:
        if isinstance(k, slice):
            return _PeopleLabels(self._indices[k], self._ids, self._names, self._catalog)
        i = self._indices[k]
        name = None if self._names is None else self._names[i]
        if not isinstance(name, str) or not name:
            return self._ids[i]
        return self._catalog.text("person.named", name=name, id=self._ids[i])


# How many findings' texts are written alone (some at a time) before all are written at once:
# this many, or an eighth of the list where that is more (a what-if's diff of a million-person
# org reads a few thousand of its half a million findings).
_ALONE = 1000


def _texts(column: Any) -> "pa.LargeStringArray":
    """(offsets, bytes) from the core as an Arrow string array, without a copy."""
    import pyarrow as pa

    offsets, data = column
    return pa.LargeStringArray.from_buffers(len(offsets) - 1, pa.py_buffer(offsets), pa.py_buffer(data))


def _chunked_texts(chunks: Sequence[Any]) -> Any:
    """[(offsets, bytes), ...] from the core (consecutive findings' texts, written on several
    threads) as one Arrow array: the chunk itself, or a chunked array of them, without a copy."""
    import pyarrow as pa

    arrays = [_texts(c) for c in chunks]
    return arrays[0] if len(arrays) == 1 else pa.chunked_array(arrays, type=pa.large_string())


class FindingList(Sequence[Finding]):
    """A report's findings, most severe first, held as the core's columns (``_core.FindingColumns``).
    A ``Finding`` is made when one is read, not before: a report of a million people has a few
    hundred thousand findings, and most callers want a table of them (``Report.findings_frame``)
    or the first few. The texts of all are written at once, in C++, from the catalog."""

    def __init__(self, core: Any, ids: Sequence[str], names: Optional[Sequence[Any]], catalog: Catalog,
                 pseudonyms: Optional[Sequence[str]]) -> None:
        self._core, self._ids, self._names, self._catalog = core, ids, names, catalog
        self._pseudonyms = pseudonyms
        self._columns: Optional[Dict[str, Any]] = None
        self._texts: Optional[Tuple[Any, Any]] = None
        self._alone = 0  # findings whose texts were written alone (texts(indices))
        self._made: Dict[int, Finding] = {}

    def __len__(self) -> int:
        return len(self._core)

    @property
    def columns(self) -> Dict[str, Any]:
        """The core's columns: codes and labels of score, code, variant and severity; people and
        evidence as offsets and values (``_core.FindingColumns.columns``)."""
        if self._columns is None:
            self._columns = self._core.columns()
        return self._columns

    def id_list(self) -> Sequence[str]:
        """The ids (or pseudonyms) the findings name people by, by index: the report's list itself
        where it can give it (for reading many at once)."""
        return self._ids.resolved() if hasattr(self._ids, "resolved") else self._ids

    def id_count(self) -> int:
        """How many people the findings may name (the report's org's people)."""
        return len(self._ids)

    def ids_at(self, indices: Any) -> List[str]:
        """The ids (or pseudonyms) of the people at `indices` (person indices), in that order: read
        from the report a block at a time where it can, without a list of everyone."""
        take = getattr(self._ids, "take", None)
        if take is not None:
            return take(indices)
        return [self._ids[int(i)] for i in np.asarray(indices).reshape(-1)]

    def texts(self, indices: Optional[Sequence[int]] = None) -> Tuple[Any, Any]:
        """Every finding's message and recommendation, as two Arrow string arrays (chunked arrays
        when written on several threads); with `indices`, those findings' only, in that order (a
        few of many are written without writing all)."""
        if indices is not None:
            # A few findings' texts alone (a report showing its top ten); once many have been read
            # so (a caller going through them one by one), all of them, kept. A pseudonymized
            # report hands the core every pseudonym a call: its texts are written all at once.
            if (self._texts is None and self._pseudonyms is None and len(indices) * 8 < len(self)
                    and self._alone + len(indices) <= max(_ALONE, len(self) // 8)):
                self._alone += len(indices)
                raw = self._core.texts(self._catalog.text_catalog(), self._pseudonym_list(),
                                       np.asarray(indices, dtype=np.int64))
                return _chunked_texts(raw[0]), _chunked_texts(raw[1])
            import pyarrow as pa

            taken = pa.array(np.asarray(indices, dtype=np.int64))
            message, recommendation = self.texts()
            return message.take(taken), recommendation.take(taken)
        if self._texts is None:
            raw = self._core.texts(self._catalog.text_catalog(), self._pseudonym_list())
            self._texts = (_chunked_texts(raw[0]), _chunked_texts(raw[1]))
        return self._texts

    def json(self, level: int, write: Optional[Callable[[Any], Any]] = None) -> Optional[bytes]:
        """The JSON report's findings array, UTF-8, as ``json.dumps(indent=2, sort_keys=True,
        ensure_ascii=False)`` writes a list of ``Finding.as_dict()`` at indent `level`; written by
        the core from the columns, with no object per finding. Returned as bytes, or, given
        `write` (a binary file's ``write``), written through it a block at a time (the texts of
        each block written on worker threads) and None returned."""
        return self._core.json(self._catalog.text_catalog(), self._pseudonym_list(), sorted(INCIDENTAL_ROLES), level,
                               write)

    def json_objects(self, indices: Sequence[int], level: int) -> List[str]:
        """The findings at `indices`, each as the JSON object ``json.dumps(indent=2,
        sort_keys=True, ensure_ascii=False)`` writes for its ``as_dict()`` as an item of an array
        at `level` (a value that is not a number as null, as the JSON report); written by the core,
        with no object per finding."""
        return self._core.json_objects(self._catalog.text_catalog(), self._pseudonym_list(),
                                       sorted(INCIDENTAL_ROLES), level, [int(k) for k in indices])

    def _pseudonym_list(self) -> Optional[List[str]]:
        return list(self._pseudonyms) if self._pseudonyms is not None else None

    def lines(self, indices: Sequence[int], style: str) -> str:
        """The findings at `indices` as the report of `style` ("markdown", "text", "html") lists
        them: Markdown and text, three lines each (the message; who and the evidence; what to do)
        joined by line breaks; HTML, a ``<div>`` each. Written by the core from the columns, on
        worker threads, with no object per finding."""
        at = np.asarray(indices, dtype=np.int64)
        if not len(at):
            return ""
        return self._core.lines(self._catalog.text_catalog(), self._pseudonym_list(), at, style).decode("utf-8")

    def people_text(self) -> Any:
        """Each finding's people by id (or pseudonym), joined by ", ", as an Arrow string array."""
        return _texts(self._core.people_text(", ", self._pseudonym_list()))

    def __getitem__(self, k: Any) -> Any:
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        n = len(self)
        if not -n <= k < n:
            raise IndexError("finding index out of range")
        k = k + n if k < 0 else k
        made = self._made.get(k)
        if made is None:
            made = self._made[k] = self._make(k)
        return made

    def _make(self, k: int) -> Finding:
        c = self.columns
        indices = c["people"][c["people_offsets"][k]:c["people_offsets"][k + 1]].tolist()
        ids = self.id_list()
        people = [ids[i] for i in indices]
        first, last = c["evidence_offsets"][k], c["evidence_offsets"][k + 1]
        evidence = {c["evidence_names"][int(name)]: float(value)
                    for name, value in zip(c["evidence_name"][first:last], c["evidence_value"][first:last])}
        if self._texts is not None:  # all written already: read, not taken
            message, recommendation = (texts[k] for texts in self._texts)
        else:
            message, recommendation = (texts[0] for texts in self.texts([k]))
        return Finding(c["scores"][int(c["score"][k])], c["codes"][int(c["code"][k])],
                       c["severities"][int(c["severity"][k])], people,
                       message.as_py(), evidence, recommendation.as_py(),
                       _PeopleLabels(indices, self._ids, self._names, self._catalog),
                       finding_subject(self.args(k), people))

    def rows(self, indices: Sequence[int]) -> List[FindingRow]:
        """The findings at `indices` as ``FindingRow``s, read from the columns in bulk (the texts
        taken by Arrow, the labels by numpy): what a report that shows many findings reads,
        without making a ``Finding`` (and its subject) for each."""
        at = np.asarray(indices, dtype=np.int64)
        if not len(at):
            return []
        c = self.columns
        message, recommendation = self.texts(at)
        messages, recommendations = message.to_pylist(), recommendation.to_pylist()
        labels = {name: np.asarray(c[plural], dtype=object)[np.asarray(c[name])[at]].tolist()
                  for name, plural in (("score", "scores"), ("code", "codes"), ("severity", "severities"))}
        people_offsets, people = c["people_offsets"], c["people"]
        evidence_offsets, evidence_values = c["evidence_offsets"], c["evidence_value"]
        evidence_names = np.asarray(c["evidence_names"], dtype=object)[np.asarray(c["evidence_name"], dtype=np.int64)]
        ids = self.id_list()
        out = []
        for j, k in enumerate(at.tolist()):
            first, last = evidence_offsets[k], evidence_offsets[k + 1]
            out.append(FindingRow(labels["score"][j], labels["code"][j], labels["severity"][j],
                                  [ids[i] for i in people[people_offsets[k]:people_offsets[k + 1]].tolist()],
                                  messages[j], dict(zip(evidence_names[first:last].tolist(),
                                                        evidence_values[first:last].tolist())),
                                  recommendations[j]))
        return out

    def severity_counts(self) -> Dict[str, int]:
        """How many findings of each severity (every severity, most severe first), from the columns."""
        c = self.columns
        counts = np.bincount(c["severity"], minlength=len(c["severities"]))
        return {name: int(counts[c["severities"].index(name)]) for name in SEVERITIES}

    def any_at_least(self, severity: str) -> bool:
        """Whether a finding is at least this severe, from the columns."""
        c = self.columns
        return bool(len(c["severity"]) and (c["severity"] >= c["severities"].index(severity)).any())

    def variant(self, k: int) -> str:
        """Which of its code's texts finding k has ("" for the code's own)."""
        c = self.columns
        return c["variants"][int(c["variant"][k])]

    def args(self, k: int) -> List[Tuple[str, str, Any]]:
        """Finding k's arguments as (name, kind, value), as ``Catalog.finding_texts`` takes them."""
        return self._core.args(k)


# The roles of a finding's arguments that do not say what it is about: the people it lists as a
# group ("people": who was never recognized), and what it names in passing: the nearest successor,
# the closest holder, a suggested mentor, department heads, a shared goal, a third department, the
# successors named for a seat and the reserve candidates beside them (a seat's finding is its holder's),
# and the weeks a market finding saw (when, not what: a decline that goes on is the same finding).
INCIDENTAL_ROLES = frozenset({"people", "nearest", "closest", "mentor", "heads", "goal", "via", "successors",
                              "candidates", "week", "first_week", "last_week"})


def finding_subject(args: Sequence[Any], people: Sequence[str]) -> Dict[str, str]:
    """What a finding is about: each argument that names one person (by id, or pseudonym) or one
    thing (a competency, a dimension, a department), by its role, except the incidental roles
    (INCIDENTAL_ROLES). A finding whose arguments name none (a team-wide one, or one listing a
    group of people) has an empty subject: there is one such finding of its code in a report."""
    subject: Dict[str, str] = {}
    for name, kind, value in args:
        if name in INCIDENTAL_ROLES:
            continue
        if kind == "people" and value[1] == 1 and value[0] < len(people):
            subject[name] = people[value[0]]
        elif kind == "text":
            subject[name] = str(value)
    return subject

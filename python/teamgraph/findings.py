"""A finding as Python holds it: its words in the report's language, its people by id, how
its texts name them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence

from .catalog import Catalog

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


def _finding(raw: Mapping[str, Any], ids: Sequence[str], names: Optional[Sequence[Any]], catalog: Catalog) -> Finding:
    indices = [i for i in raw["people"] if i is not None]
    people = [ids[i] for i in indices]
    labels = _PeopleLabels(indices, ids, names, catalog)
    message, recommendation = catalog.finding_texts(raw["code"], raw["variant"], raw["args"], labels)
    return Finding(raw["score"], raw["code"], raw["severity"], people, message, dict(raw["evidence"]), recommendation,
                   labels, finding_subject(raw["args"], people))


# The roles of a finding's arguments that do not say what it is about: the people it lists as a
# group ("people": who was never recognized), and what it names in passing: the nearest successor,
# the closest holder, a suggested mentor, department heads, a shared goal, a third department.
INCIDENTAL_ROLES = frozenset({"people", "nearest", "closest", "mentor", "heads", "goal", "via"})


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

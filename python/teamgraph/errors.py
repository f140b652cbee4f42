"""The exception raised for bad input data."""

from __future__ import annotations

from typing import TYPE_CHECKING, List

if TYPE_CHECKING:
    from ._core import Problem


class OrgDataError(ValueError):
    """The input data cannot make an org.

    ``problems`` lists every problem found (not only the first), each with ``code``, ``file``,
    ``record`` (1-based line or record), ``person_id``, ``field`` and ``message``.
    """

    def __init__(self, message: str, problems: "List[Problem]") -> None:
        super().__init__(message)
        self.problems = list(problems)

    def __reduce__(self):  # keep problems when pickled across processes
        return (type(self), (str(self), self.problems))

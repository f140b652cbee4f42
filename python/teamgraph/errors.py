"""The exception raised for bad input data."""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional

if TYPE_CHECKING:
    from ._core import Problem


class OrgDataError(ValueError):
    """The input data cannot make an org.

    ``problems`` lists every problem found (not only the first), each with ``code``, ``file``,
    ``record`` (1-based line or record), ``person_id``, ``field`` and ``message`` (English), and
    the message as a catalog entry: ``key`` (``problem.<code>[.<variant>]``) with ``args``.
    ``str(err)`` is English; ``err.text("zh_CN")`` says the same in another language.
    """

    def __init__(self, message: str, problems: "List[Problem]") -> None:
        super().__init__(message)
        self.problems = list(problems)

    def text(self, lang: Optional[str] = None) -> str:
        """The problems in a language (``"zh_CN"``, ``"zh-CN"``; default English): a heading, then
        one line a problem with where it is, its code and its message, as ``teamgraph validate``
        prints them."""
        from .catalog import Catalog

        catalog = Catalog.get(lang)
        lines = [catalog.text("problems.heading", count=len(self.problems))]
        lines.extend(catalog.text("problems.item", problem=catalog.problem(p)) for p in self.problems)
        return "\n".join(lines)

    def __reduce__(self):  # keep problems when pickled across processes
        return (type(self), (str(self), self.problems))

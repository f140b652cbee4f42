"""The exceptions raised for bad input data and for requests that cannot be carried out."""

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


# What a RequestError is about, as the catalogs name it.
_SUBJECTS = {"what-if": "request.subject.what_if", "policy": "request.subject.policy"}


class RequestError(ValueError):
    """A request the library cannot carry out as asked: a what-if change that cannot be made
    (``subject`` ``"what-if"``: an unknown id, a seat filled twice, someone who leaves and is
    promoted or moved), or policy overrides it cannot take (``subject`` ``"policy"``).

    ``problems`` holds its words as catalog entries, like an ``OrgDataError``'s: each with
    ``code``, ``file`` (the subject), ``person_id``, ``field`` (``leave``, ``promote``, ``move``,
    ``add_successor``; a policy setting such as ``leadership.threshold``), the English
    ``message`` and its ``key`` and ``args``. ``str(err)`` is English: ``"<subject>: <message>"``,
    or, when ``listed`` (policy settings), ``"<subject>: N problem(s)"`` and a line
    ``"  <field>: <message>"`` a problem. ``err.text("zh_CN")`` says the same in another language.
    """

    def __init__(self, message: str, subject: str, problems: "List[Problem]", listed: bool = False) -> None:
        super().__init__(message)
        self.subject = subject
        self.problems = list(problems)
        self.listed = bool(listed)

    def text(self, lang: Optional[str] = None, messages: Optional[List[str]] = None) -> str:
        """The refusal in a language (``"zh_CN"``, ``"zh-CN"``; default English, where it is
        ``str(err)``). `messages`: the problems' messages to show instead of their own (the
        pseudonymized ones), one a problem."""
        from .catalog import Catalog

        catalog = Catalog.get(lang)
        if messages is None:
            messages = [catalog.problem_message(p) for p in self.problems]
        subject = catalog.text(_SUBJECTS[self.subject]) if self.subject in _SUBJECTS else self.subject
        if not self.listed and len(self.problems) == 1:
            return catalog.text("request.one", subject=subject, message=messages[0])
        lines = [catalog.text("request.heading", subject=subject, count=len(self.problems))]
        lines.extend(catalog.text("request.item", field=p.field, message=m) for p, m in zip(self.problems, messages))
        return "\n".join(lines)

    def __reduce__(self):  # keep problems when pickled across processes
        return (type(self), (str(self), self.subject, self.problems, self.listed))

"""The message catalog: every word a report shows, in the report's language.

Scores write no words. A finding carries its code (and a variant where a code has several texts)
and named arguments; its message and recommendation are the catalog entries
``<code>[.<variant>].message`` and ``.recommendation`` of the domain ``findings``, with the
arguments filled in by name: ``{competency}``, ``{rho:.2f}``, ``{people}``. Headings and labels of
the text, markdown and HTML reports are entries of the domain ``report``; the command line's own
words (its help, its messages, and argparse's words, ``cli.argparse.*``) are the entries
``cli.*`` of the domain ``cli``. A problem with the input data carries its message as a key,
``problem.<code>[.<variant>]``, and named values (``Problem.key``, ``Problem.args``, given as text
by the core, which holds the English templates): the entries of the domain ``problems``; a list
value (items apart by U+001F) is joined as its placeholder says, ``{names:list}``,
``{names:and}``, ``{names:chain}`` (a -> b -> a), and quoted item by item with ``qlist``,
``qand``, ``qchain``; ``{rows:rows}`` lists rows of a file (each item record, id and an optional
detail apart by U+001E) as ``problems.row`` (and ``problems.row_detail``) says, at most
PEOPLE_NAMED of them. A key is in one domain only: a
catalog holds every domain's.

Catalogs are gettext PO files, ``locale/<lang>/LC_MESSAGES/<domain>.po`` beside this module, read
with Babel. An entry with plural forms (``msgid_plural``) picks its form by the argument
``count``, with the plural rule of the file's ``Plural-Forms`` header. Keys are the msgids; the
English catalog is complete and a key missing from another language falls back to English.
"""

from __future__ import annotations

import gettext
import math
import string
import sys
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Dict, Mapping, Optional, Sequence, Tuple, Union

from babel.messages.pofile import read_po

LANGUAGES = ("en", "zh_CN")
DOMAINS = ("findings", "report", "cli", "problems")
# The items of a list value of a problem's message (teamgraph::list_arg).
LIST_SEPARATOR = "\x1f"
# The parts of an item of a list of rows ({rows:rows}): record, id and an optional detail.
PART_SEPARATOR = "\x1e"
DEFAULT_LANGUAGE = "en"
# A list of people names this many at most, then says how many more (the finding's people list
# has them all).
PEOPLE_NAMED = 10

Entry = Union[str, Tuple[str, ...]]


def normalize_language(lang: Optional[str]) -> str:
    """'zh-CN', 'zh_CN.UTF-8', 'zh', 'zh-Hans' -> 'zh_CN'; 'en_US' -> 'en'; None -> 'en'.

    Raises ValueError for a language with no catalog."""
    if not lang:
        return DEFAULT_LANGUAGE
    code = lang.split(".")[0].split("@")[0].replace("-", "_")
    if code in ("C", "POSIX"):
        return DEFAULT_LANGUAGE
    for known in LANGUAGES:
        if code.lower() == known.lower():
            return known
    base = code.split("_")[0].lower()
    for known in LANGUAGES:
        if known.split("_")[0].lower() == base:
            return known
    raise ValueError(f"no catalog for language {lang!r}; expected one of {', '.join(LANGUAGES)}")


def language_from_environment(environ: Mapping[str, str]) -> str:
    """The language the locale variables ask for (LC_ALL, LC_MESSAGES, LANG, as gettext reads
    them), or English when they name none that has a catalog."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            try:
                return normalize_language(value)
            except ValueError:
                return DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def read_entries(lang: str, domain: str) -> Tuple[Dict[str, Entry], Callable[[int], int]]:
    """The entries of one PO file (key -> text, or the tuple of plural forms) and its plural rule."""
    entries, rule = _read_po(lang, domain)
    return entries, gettext.c2py(rule)


def _read_po(lang: str, domain: str, compiled: bool = True) -> Tuple[Dict[str, Entry], str]:
    """The entries of one PO file and its plural rule as written (``n != 1``): read from the MO
    file the build compiled beside it where there is one (an installed package; unless not
    `compiled`), else parsed."""
    folder = resources.files("teamgraph").joinpath(f"locale/{lang}/LC_MESSAGES")
    path, mo = folder.joinpath(f"{domain}.po"), folder.joinpath(f"{domain}.mo")
    if compiled and mo.is_file():
        with mo.open("rb") as f:
            return _mo_entries(f)
    elif not path.is_file():
        return {}, "n != 1"
    else:
        with path.open("rb") as f:
            po = read_po(f, locale=lang, domain=domain)
    return _entries_of(po)


def _mo_entries(f: Any) -> Tuple[Dict[str, Entry], str]:
    """An MO file's entries and plural rule, as _entries_of gives a Babel catalog's (in the same
    order), read by the standard library's gettext: a twentieth of the time Babel's reader takes,
    once in every process."""
    translations = gettext.GNUTranslations(f)
    entries: Dict[str, Any] = {}
    forms: Dict[str, Dict[int, str]] = {}
    for key, text in translations._catalog.items():  # type: ignore[attr-defined]
        if isinstance(key, tuple):  # (msgid, n): plural form n
            forms.setdefault(key[0], {})[key[1]] = text
            entries.setdefault(key[0], None)
        elif key:  # not the header
            entries[key] = text
    for key, by_number in forms.items():
        entries[key] = tuple(by_number[n] for n in sorted(by_number))
    rule = translations.info().get("plural-forms", "")
    return entries, rule.split("plural=", 1)[1].strip().rstrip(";").strip() if "plural=" in rule else "(n != 1)"


def _entries_of(po: Any) -> Tuple[Dict[str, Entry], str]:
    """A Babel catalog's entries (key -> text, or the tuple of plural forms) and plural rule."""
    entries: Dict[str, Entry] = {}
    for message in po:
        if not message.id:
            continue  # the header
        key = message.id[0] if isinstance(message.id, (tuple, list)) else message.id
        entries[key] = tuple(message.string) if isinstance(message.string, (tuple, list)) else message.string
    return entries, po.plural_expr


class _ProblemValue(str):
    """A value of a problem's message: text as the core gave it, or a list (items apart by
    U+001F) that the placeholder's spec joins in the catalog's language: ``list`` (a, b),
    ``and`` (a, b and c), ``chain`` (a -> b -> a), and ``qlist``, ``qand``, ``qchain`` with each
    item quoted (``problems.quote``); ``rows``: rows of a file (``problems.row``)."""

    catalog: "Catalog"

    def __new__(cls, value: str, catalog: "Catalog") -> "_ProblemValue":
        out = super().__new__(cls, value)
        out.catalog = catalog
        return out

    def __format__(self, spec: str) -> str:
        if spec not in ("list", "and", "chain", "qlist", "qand", "qchain", "rows"):
            return format(str(self), spec)
        items = str(self).split(LIST_SEPARATOR)
        if spec == "rows":
            return self.catalog.people([self._row(item) for item in items])
        if spec.startswith("q"):
            items = [self.catalog.text("problems.quote", value=item) for item in items]
        if spec.endswith("and"):
            return self.catalog.join(items)
        if spec.endswith("chain"):
            return " -> ".join(items)
        return self.catalog.text("list.separator").join(items)

    def _row(self, item: str) -> str:
        record, id_, detail = (item.split(PART_SEPARATOR) + ["", ""])[:3]
        row = self.catalog.text("problems.row", record=record, id=id_)
        return self.catalog.text("problems.row_detail", row=row, detail=detail) if detail else row


class _Formatter(string.Formatter):
    """str.format with the catalog's rules for numbers: NaN shows as the catalog's 'n/a', and a
    number with no format spec shows with two decimals (as the core's format_value)."""

    def __init__(self, not_available: str) -> None:
        super().__init__()
        self.not_available = not_available

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, float):
            if math.isnan(value):
                return self.not_available
            return format(value, format_spec or ".2f")
        return format(value, format_spec)


def width(text: str) -> int:
    """How many terminal columns a text takes: a wide (CJK) character counts two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def pad(text: str, columns: int) -> str:
    """`text` padded with spaces to `columns` terminal columns (as ``f"{text:<columns}"`` for
    text with no wide character)."""
    return text + " " * max(0, columns - width(text))


def missing_keys(lang: str) -> Dict[str, Sequence[str]]:
    """The English keys that the language's catalog has no entry for, by domain: what a
    translator has left to do (``python -m teamgraph.catalog missing zh-CN``)."""
    lang = normalize_language(lang)
    out: Dict[str, Sequence[str]] = {}
    for domain in DOMAINS:
        english, _ = read_entries(DEFAULT_LANGUAGE, domain)
        own, _ = read_entries(lang, domain)
        out[domain] = [key for key in english if key not in own]
    return out


class Catalog:
    """The words of one language. ``Catalog.get("zh-CN")`` is cached."""

    def __init__(self, lang: str) -> None:
        self.language = normalize_language(lang)
        self._entries: Dict[str, Entry] = {}
        self._plural: Dict[str, Callable[[int], int]] = {}
        self._rules: Dict[str, str] = {}  # each entry's plural rule as written, for the C++ text writer
        self._text_catalog: Any = None
        languages = [DEFAULT_LANGUAGE] + ([self.language] if self.language != DEFAULT_LANGUAGE else [])
        for language in languages:  # English first, so the language's own entries win
            for domain in DOMAINS:
                entries, rule = _read_po(language, domain)
                plural = gettext.c2py(rule)
                self._entries.update(entries)
                for key in entries:
                    self._plural[key] = plural
                    self._rules[key] = rule
        self._format = _Formatter(self._plain("value.not_available"))

    def text_catalog(self) -> Any:
        """These words for the core's text writer (``_core.TextCatalog``), which writes the texts
        of many findings at once by the rules of ``text``; made once."""
        if self._text_catalog is None:
            from . import _core

            self._text_catalog = _core.TextCatalog(
                [(key, [entry] if isinstance(entry, str) else list(entry), self._rules[key])
                 for key, entry in self._entries.items()])
        return self._text_catalog

    @staticmethod
    @lru_cache(maxsize=None)
    def get(lang: Optional[str] = None) -> "Catalog":
        return Catalog(normalize_language(lang))

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def _plain(self, key: str) -> str:
        entry = self._entries.get(key, key)
        return entry if isinstance(entry, str) else entry[0]

    def text(self, key: str, /, **args: Any) -> str:
        """The entry `key` with `args` filled in by name; a plural entry picks its form by
        args['count']. A key with no entry shows as itself (the tests see to it that none lacks)."""
        entry = self._entries.get(key)
        if entry is None:
            return key
        if not isinstance(entry, str):
            count = int(args.get("count", 1))
            index = self._plural[key](count)
            entry = entry[min(index, len(entry) - 1)]
        if not any(isinstance(value, float) for value in args.values()):
            return entry.format_map(args)  # str.format's own rules: only numbers are shown otherwise
        return self._format.vformat(entry, (), args)

    def score_name(self, name: str) -> str:
        """A score's name as this language shows it (English: the score's own name)."""
        key = f"score.{name}"
        return self.text(key) if key in self else name

    def absent_reason(self, reason: str) -> str:
        """Why a score was not assessed, in this language: the core gives its reason in English,
        and a reason the catalog lists (``absent.<reason>``) shows in the catalog's words."""
        key = f"absent.{reason}"
        return self.text(key) if key in self else reason

    def coverage(self, coverage: Mapping[str, Any]) -> str:
        """What a score was made of (``Report.coverage_of``) in this language: "based on 6 of 9
        scores" for the health index; for another score, "" when every part was computed, else
        "3 of 6 parts computed; not computed: budget (why), ...". Parts are named as terms."""
        total, computed = len(coverage["parts"]), len(coverage["computed"])
        if coverage["score"] == "health_index":
            return self.text("coverage.scores", count=total, computed=computed)
        if computed == total:
            return ""
        missing = [self.text("coverage.part", part=self.term(name), reason=self.absent_reason(reason))
                   for name, reason in coverage["not_computed"].items()]
        return self.text("coverage.parts", count=total, computed=computed,
                         missing=self.text("list.separator").join(missing))

    def term(self, name: str) -> str:
        """A policy name (a competency, a dimension) as this language shows it: the entry
        ``term.<name>``, or the name itself when the catalog lists none (people's ids, goals)."""
        key = f"term.{name}"
        return self.text(key) if key in self else name

    def listing(self, items: Sequence[str]) -> str:
        """Items one after another ("a, b, c"), or the catalog's "-" when there are none."""
        return self.text("list.separator").join(items) or self.text("value.none")

    def who(self, people: Sequence[str], escape: Callable[[str], str] = str) -> str:
        """A finding's people as its "who" line lists them: at most PEOPLE_NAMED (each through
        `escape`), then how many more, or "-" for none. The JSON report lists them all."""
        shown = [escape(p) for p in people[:PEOPLE_NAMED]]
        if len(people) > PEOPLE_NAMED:
            return self.join(shown, more=len(people) - PEOPLE_NAMED)
        return self.listing(shown)

    def severity(self, severity: str) -> str:
        return self.text(f"severity.{severity}")

    def evidence(self, evidence: Mapping[str, Any], not_available: str = "evidence.not_available") -> str:
        """A finding's evidence as a list of "name value"; a value that is not a number (NaN,
        None) shows as the entry `not_available`."""
        return self.text("list.separator").join(
            self.text("evidence.item", name=k, value=v) if isinstance(v, (int, float)) and v == v
            else self.text(not_available, name=k) for k, v in evidence.items())

    def join(self, items: Sequence[str], more: int = 0) -> str:
        """A list in a sentence ("a, b and c"; with `more`: "a, ..., j and 77697 more")."""
        items = [str(i) for i in items]
        if more:
            head = self.text("list.separator").join(items)
            return self.text("list.more", head=head, count=more)
        if not items:
            return ""
        if len(items) == 1:
            return items[0]
        return self.text("list.last", head=self.text("list.separator").join(items[:-1]), last=items[-1])

    def people(self, labels: Sequence[str]) -> str:
        """People in a sentence: at most PEOPLE_NAMED named, then how many more."""
        if len(labels) > PEOPLE_NAMED:
            return self.join(labels[:PEOPLE_NAMED], more=len(labels) - PEOPLE_NAMED)
        return self.join(labels)

    def finding_args(self, args: Sequence[Tuple[str, str, Any]], people: Sequence[str]) -> Dict[str, Any]:
        """A finding's arguments (as the core hands them over: name, kind, value) as the values
        its texts show, with people given by their labels (ids, names or pseudonyms)."""
        out: Dict[str, Any] = {}
        for name, kind, value in args:
            if kind == "count":
                out[name] = int(value)
            elif kind == "number":
                out[name] = float(value)
            elif kind == "text":
                out[name] = self.term(value)
            elif kind == "texts":
                out[name] = self.join([self.term(v) for v in value])
            elif kind == "word":
                out[name] = self.text(value)
            elif kind == "words":
                out[name] = self.join([self.text(v) for v in value])
            elif kind == "people":
                first, size = value
                out[name] = self.people(people[first:first + size])
            elif kind == "clauses":  # (separator key or "", [(entry key, args), ...])
                separator, clauses = value
                texts = [self.text(key, **self.finding_args(clause_args, people)) for key, clause_args in clauses]
                out[name] = self.text(separator).join(texts) if separator else self.join(texts)
            else:
                raise ValueError(f"finding argument {name!r}: unknown kind {kind!r}")
        return out

    def problem_message(self, problem: Any, args: Optional[Sequence[Tuple[str, str]]] = None) -> str:
        """A problem's message in this language: the entry of its key with its args (or `args`,
        when given: pseudonymized ones), else, for a problem with no key or a key the catalogs
        lack, its English ``message``."""
        key = getattr(problem, "key", "")
        if not key or key not in self:
            return problem.message
        values = {name: _ProblemValue(value, self) for name, value in (problem.args if args is None else args)}
        return self.text(key, **values)

    def problem(self, problem: Any, message: Optional[str] = None, person_id: Optional[str] = None) -> str:
        """A problem in one line, in this language: where it is (file, line or record, person,
        field), its code and its message (`message` and `person_id` when given: pseudonymized
        ones). In English, ``str(problem)``."""
        where = problem.file or self.text("problems.input")
        if problem.record > 0:
            kind = "problems.line_of" if where.endswith(".csv") else "problems.record_of"
            where = self.text(kind, file=where, record=problem.record)
        person_id = problem.person_id if person_id is None else person_id
        return self.text(
            "problems.line", where=where,
            person=self.text("problems.person", id=person_id) if person_id else "",
            field=self.text("problems.field", field=problem.field) if problem.field else "",
            warning=self.text("problems.warning") if str(problem.severity).endswith("warning") else "",
            code=problem.code, message=self.problem_message(problem) if message is None else message)

    def finding_texts(self, code: str, variant: str, args: Sequence[Tuple[str, str, Any]],
                      people: Sequence[str]) -> Tuple[str, str]:
        """A finding's message and recommendation in this language."""
        key = f"{code}.{variant}" if variant else code
        values = self.finding_args(args, people)
        return self.text(f"{key}.message", **values), self.text(f"{key}.recommendation", **values)


def main(argv: Sequence[str]) -> int:
    """``python -m teamgraph.catalog missing LANG``: the English keys LANG lacks, one a line."""
    if len(argv) != 2 or argv[0] != "missing":
        print("usage: python -m teamgraph.catalog missing LANG", file=sys.stderr)
        return 2
    missing = missing_keys(argv[1])
    for domain, keys in missing.items():
        for key in keys:
            print(f"{domain}: {key}")
    return 1 if any(missing.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

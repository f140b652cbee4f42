"""argparse in the catalog's language: its own words ("usage:", "options", "show this help
message and exit", its error messages) and the layout of help text with Chinese in it.

argparse looks its words up when it prints them, through the module globals ``argparse._`` and
``argparse.ngettext`` (gettext's, the domain "argparse" by convention). :func:`speaking` swaps
them for the catalog's entries ``cli.argparse.*`` while a block runs and puts them back after;
:class:`Parser` speaks so in each of its calls that builds, parses or prints, so its help and its
usage errors follow the catalog it was made with. The swap is process-wide for its duration: an
argparse parser in another thread meanwhile speaks the same language.

A catalog entry has named placeholders (``{prog}``); argparse's message has printf ones
(``%(prog)s``, ``%s``): :data:`WORDS` pairs each argparse message with its entry and says which
placeholder stands for which printf field. An argparse message not listed stays English.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from contextlib import contextmanager
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from .catalog import Catalog, width

# argparse's message -> (catalog key, {placeholder: the printf field it stands for}). Messages of
# Python 3.9 to 3.13; a Python that lacks one never asks for it.
WORDS: Dict[str, Tuple[str, Dict[str, str]]] = {
    "usage: ": ("cli.argparse.usage", {}),
    "positional arguments": ("cli.argparse.positional_arguments", {}),
    "options": ("cli.argparse.options", {}),
    "optional arguments": ("cli.argparse.optional_arguments", {}),
    "subcommands": ("cli.argparse.subcommands", {}),
    "%(heading)s:": ("cli.argparse.heading", {"heading": "%(heading)s"}),
    "show this help message and exit": ("cli.argparse.help", {}),
    "show program's version number and exit": ("cli.argparse.version", {}),
    " (default: %(default)s)": ("cli.argparse.default", {"default": "%(default)s"}),
    "%(prog)s: error: %(message)s\n": ("cli.argparse.error", {"prog": "%(prog)s", "message": "%(message)s"}),
    "%(prog)s: warning: %(message)s\n": ("cli.argparse.warning", {"prog": "%(prog)s", "message": "%(message)s"}),
    "argument %(argument_name)s: %(message)s": ("cli.argparse.argument",
                                                {"argument_name": "%(argument_name)s", "message": "%(message)s"}),
    "ambiguous option: %(option)s could match %(matches)s": ("cli.argparse.ambiguous_option",
                                                             {"option": "%(option)s", "matches": "%(matches)s"}),
    "can't open '%(filename)s': %(error)s": ("cli.argparse.cannot_open",
                                             {"filename": "%(filename)s", "error": "%(error)s"}),
    "expected one argument": ("cli.argparse.expected_one", {}),
    "expected at least one argument": ("cli.argparse.expected_at_least_one", {}),
    "expected at most one argument": ("cli.argparse.expected_at_most_one", {}),
    "expected %s argument": ("cli.argparse.expected_count", {"number": "%s"}),  # ngettext
    "ignored explicit argument %r": ("cli.argparse.ignored_explicit_argument", {"argument": "%r"}),
    "invalid %(type)s value: %(value)r": ("cli.argparse.invalid_type", {"type": "%(type)s", "value": "%(value)r"}),
    "invalid choice: %(value)r (choose from %(choices)s)": ("cli.argparse.invalid_choice",
                                                            {"value": "%(value)r", "choices": "%(choices)s"}),
    "not allowed with argument %s": ("cli.argparse.not_allowed_with", {"argument": "%s"}),
    "one of the arguments %s is required": ("cli.argparse.one_required", {"arguments": "%s"}),
    "the following arguments are required: %s": ("cli.argparse.required", {"arguments": "%s"}),
    "unexpected option string: %s": ("cli.argparse.unexpected_option", {"option": "%s"}),
    "unknown parser %(parser_name)r (choices: %(choices)s)": ("cli.argparse.unknown_parser",
                                                              {"parser_name": "%(parser_name)r",
                                                               "choices": "%(choices)s"}),
    "unrecognized arguments: %s": ("cli.argparse.unrecognized", {"arguments": "%s"}),
    "argument '%(argument_name)s' is deprecated": ("cli.argparse.deprecated_argument",
                                                   {"argument_name": "%(argument_name)s"}),
    "command '%(parser_name)s' is deprecated": ("cli.argparse.deprecated_command",
                                                {"parser_name": "%(parser_name)s"}),
    "option '%(option)s' is deprecated": ("cli.argparse.deprecated_option", {"option": "%(option)s"}),
}

# argparse's messages that only a mistake in the program's own parser can cause (a bad
# add_argument, a conflicting option): left English, a user never sees them.
DEVELOPER_MESSAGES = frozenset({
    "'required' is an invalid argument for positionals",
    "%r is not callable",
    ".__call__() not defined",
    'argument "-" with mode %r',
    "cannot have multiple subparser arguments",
    "cannot merge actions - two groups are named %r",
    "conflicting option string: %s",
    "conflicting subparser alias: %s",
    "conflicting subparser: %s",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "mutually exclusive arguments must be optional",
})


# Words that argparse shows as an option's help, which it fills in with printf (%(default)s).
_HELP_TEXTS = frozenset({"cli.argparse.help", "cli.argparse.version"})


def _printf(catalog: Catalog, key: str, fields: Dict[str, str], count: Optional[int] = None) -> str:
    """The entry `key` as argparse will use it: where argparse fills it in with printf (it has
    fields, or it is a help text), each placeholder becomes its printf field and a % of the
    words themselves is doubled; elsewhere the words as they are."""
    marks = {name: f"\0{i}\0" for i, name in enumerate(fields)}
    values: Dict[str, Any] = dict(marks)
    if count is not None:
        values["count"] = count
    text = catalog.text(key, **values)
    if fields or key in _HELP_TEXTS:
        text = text.replace("%", "%%")
    for name, mark in marks.items():
        text = text.replace(mark, fields[name])
    return text


def _gettext(catalog: Catalog, message: str) -> str:
    word = WORDS.get(message) if isinstance(message, str) else None
    return _printf(catalog, *word) if word else message


def _ngettext(catalog: Catalog, singular: str, plural: str, n: int) -> str:
    word = WORDS.get(singular)
    if not word:
        return singular if n == 1 else plural
    return _printf(catalog, *word, count=n)


@contextmanager
def speaking(catalog: Catalog) -> Iterator[None]:
    """argparse's own words in `catalog`'s language while the block runs (see the module's
    docstring); they are put back after, also when argparse exits (--help, a usage error)."""
    saved = getattr(argparse, "_"), argparse.ngettext
    setattr(argparse, "_", functools.partial(_gettext, catalog))
    argparse.ngettext = functools.partial(_ngettext, catalog)  # type: ignore[assignment]
    try:
        yield
    finally:
        setattr(argparse, "_", saved[0])
        argparse.ngettext = saved[1]  # type: ignore[assignment]


_WHITESPACE = re.compile(r"\s+", re.ASCII)  # as argparse's: an ideographic space is kept
# Chinese line breaking: no line starts with a closing mark, none ends with an opening one.
_NO_LINE_START = set("，。、；：！？）】》」』”’…,.;:!?)]}")
_NO_LINE_END = set("（【《「『“‘([{")


def _wide(text: str) -> bool:
    return width(text) != len(text)


def wrap(text: str, columns: int) -> List[str]:
    """`text` in lines of at most `columns` terminal columns (a wide character counts two), broken
    at spaces or between two wide characters; a word longer than a line has a line of its own."""
    tokens: List[str] = []
    for ch in _WHITESPACE.sub(" ", text).strip():
        glued = tokens and tokens[-1] != " " and ch != " " and (
            ch in _NO_LINE_START or tokens[-1][-1] in _NO_LINE_END
            or not (_wide(ch) or _wide(tokens[-1][-1])))
        if glued:
            tokens[-1] += ch
        else:
            tokens.append(ch)
    lines: List[str] = []
    line = ""
    for token in tokens:
        if token == " ":
            line += " " if line else ""
        elif line.strip() and width(line + token) > columns:
            lines.append(line.rstrip())
            line = token
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


class HelpFormatter(argparse.HelpFormatter):
    """argparse's layout, for text with wide (Chinese) characters too: help and descriptions wrap
    by terminal columns, a wide "usage:" keeps the usage lines lined up, and a section heading
    takes the catalog's colon on every Python (3.13 asks the catalog itself). Text with no wide
    character is laid out exactly as argparse does."""

    def _split_lines(self, text: str, width: int) -> List[str]:
        if not _wide(text):
            return super()._split_lines(text, width)
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if not _wide(text):
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in wrap(text, max(1, width - len(indent))))

    def _format_usage(self, usage: Optional[str], actions: Any, groups: Any, prefix: Optional[str]) -> str:
        if prefix is None:
            prefix = getattr(argparse, "_")("usage: ")
        if not _wide(prefix):
            return super()._format_usage(usage, actions, groups, prefix)
        # argparse measures the prefix by characters: lay out with a stand-in as wide as it looks.
        stand_in = "u" * width(prefix)
        text = super()._format_usage(usage, actions, groups, stand_in)
        return prefix + text[len(stand_in):] if text.startswith(stand_in) else text

    class _Section(argparse.HelpFormatter._Section):  # type: ignore[name-defined]
        def format_help(self) -> str:
            text = super().format_help()
            if sys.version_info >= (3, 13) or self.heading in (None, argparse.SUPPRESS):
                return text
            before, found, after = text.partition(f"{self.heading}:\n")
            if not found or before.strip():
                return text
            return before + getattr(argparse, "_")("%(heading)s:") % {"heading": self.heading} + "\n" + after


def _speaks(method: Callable) -> Callable:
    @functools.wraps(method)
    def speaking_method(self: "Parser", *args: Any, **kwargs: Any) -> Any:
        with speaking(self.catalog):
            return method(self, *args, **kwargs)
    return speaking_method


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks `catalog`'s language: argparse's own words in its help and
    its usage errors, laid out by :class:`HelpFormatter`. Its subcommands' parsers speak the same."""

    def __init__(self, *args: Any, catalog: Optional[Catalog] = None, **kwargs: Any) -> None:
        self.catalog = catalog or Catalog.get()
        kwargs.setdefault("formatter_class", HelpFormatter)
        with speaking(self.catalog):
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", functools.partial(type(self), catalog=self.catalog))
        with speaking(self.catalog):
            return super().add_subparsers(**kwargs)

    # Every public method that may print or raise argparse's words.
    add_argument = _speaks(argparse.ArgumentParser.add_argument)
    parse_args = _speaks(argparse.ArgumentParser.parse_args)
    parse_known_args = _speaks(argparse.ArgumentParser.parse_known_args)
    parse_intermixed_args = _speaks(argparse.ArgumentParser.parse_intermixed_args)
    parse_known_intermixed_args = _speaks(argparse.ArgumentParser.parse_known_intermixed_args)
    format_usage = _speaks(argparse.ArgumentParser.format_usage)
    format_help = _speaks(argparse.ArgumentParser.format_help)

    def error(self, message: str) -> Any:  # type: ignore[override]
        with speaking(self.catalog):
            if sys.version_info < (3, 11):  # there argparse writes "argument X: ..." with no gettext
                name, sep, rest = message.partition(": ")
                if sep and name.startswith("argument "):
                    message = getattr(argparse, "_")("argument %(argument_name)s: %(message)s") % {
                        "argument_name": name[len("argument "):], "message": rest}
            return super().error(message)


def typed(convert: Callable[[str], Any], name: str) -> Callable[[str], Any]:
    """`convert` under the name argparse shows in "invalid <name> value: 'x'" (a catalog word)."""
    def converted(value: str) -> Any:
        return convert(value)
    converted.__name__ = name
    return converted

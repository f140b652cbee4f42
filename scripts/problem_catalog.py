"""Writes the English catalog of problem messages from the core's templates.

    PYTHONPATH=python python3 scripts/problem_catalog.py

The English texts of the problems are the core's (src/problem_messages.cpp, the one table of
them, which C++ users, Problem::to_string() and OrgDataError::what() read); this writes them as
python/teamgraph/locale/en/LC_MESSAGES/problems.po, in the core's order. Another language's
problems.po is written by a translator: ``python -m teamgraph.catalog missing zh_CN`` lists the
keys it lacks, and tests/python/test_catalog.py checks that every language has every key with
the same placeholders.
"""

from __future__ import annotations

import sys
from pathlib import Path

from teamgraph import _core

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "python" / "teamgraph" / "locale" / "en" / "LC_MESSAGES" / "problems.po"

HEADER = """\
# teamgraph: the messages of problems with the input data, English. Written by
# scripts/problem_catalog.py from the core's templates (src/problem_messages.cpp): change them
# there. A message is the entry of its key, problem.<code>[.<variant>], with named values; a list
# value is joined as its placeholder says ({names:list} a, b; {names:and} a, b and c;
# {names:chain} a -> b -> a; qlist, qand and qchain quote each item).
msgid ""
msgstr ""
"Project-Id-Version: teamgraph\\n"
"Language: en\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def english_catalog() -> str:
    parts = [HEADER]
    for key, singular, plural in _core.problem_templates():
        if plural:
            parts.append(f"msgid {quoted(key)}\nmsgid_plural {quoted(key)}\n"
                         f"msgstr[0] {quoted(singular)}\nmsgstr[1] {quoted(plural)}\n")
        else:
            parts.append(f"msgid {quoted(key)}\nmsgstr {quoted(singular)}\n")
    return "\n".join(parts)


def main() -> int:
    TARGET.write_text(english_catalog(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

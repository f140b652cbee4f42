"""Writes docs/input-format.md's column tables from the input schema (teamgraph.schema()).

    python scripts/gen_input_format.py          # rewrites the tables between the markers
    python scripts/gen_input_format.py --check  # exits 1 when the file differs from the schema

Each table's rows stand between `<!-- schema:NAME -->` and `<!-- /schema:NAME -->`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "input-format.md"


def column_type(column: dict) -> str:
    """The type cell: enumerations list their labels; then required or the default in italics."""
    if column["kind"] == "enum":
        text = " / ".join(f"`{label}`" for label in column["labels"])
        if column["required"]:
            text += ", required"
    else:
        text = column["type"]
    if column["default"] is not None:
        text += f", *{column['default']}*"
    return text


def table_markdown(table: dict) -> str:
    rows = ["| column | type | meaning |", "|---|---|---|"]
    for column in table["columns"]:
        rows.append(f"| `{column['name']}` | {column_type(column)} | {column['meaning']} |".replace("|  |", "| |"))
    return "\n".join(rows)


def render(text: str, schema: list) -> str:
    for table in schema:
        name = table["name"]
        pattern = re.compile(rf"(<!-- schema:{name} -->\n).*?(\n<!-- /schema:{name} -->)", re.S)
        if not pattern.search(text):
            raise SystemExit(f"{DOC}: no markers for the table {name}")
        text = pattern.sub(lambda m: m.group(1) + table_markdown(table) + m.group(2), text)
    return text


def main(argv: list[str]) -> int:
    import teamgraph

    current = DOC.read_text()
    wanted = render(current, teamgraph.schema())
    if "--check" in argv:
        if wanted != current:
            print(f"{DOC} differs from the schema: run python scripts/gen_input_format.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(wanted)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

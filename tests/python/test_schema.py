"""The input schema as data: teamgraph.schema() and the reference generated from it."""

from __future__ import annotations

import subprocess
import sys

import teamgraph


def test_schema_lists_every_table_with_typed_columns() -> None:
    schema = teamgraph.schema()
    assert [t["name"] for t in schema] == list(teamgraph.org.TABLES)
    people = schema[0]
    assert (people["name"], people["file"], people["required"]) == ("people", "people.csv", True)
    columns = {c["name"]: c for c in people["columns"]}
    assert columns["id"]["kind"] == "id" and columns["id"]["required"]
    assert columns["manager_id"]["kind"] == "person"
    assert columns["tier"]["kind"] == "enum"
    assert columns["tier"]["labels"] == ["core", "execution", "support"]
    assert columns["tier"]["default"] == "execution"
    assert columns["learning_hours"]["kind"] == "number" and not columns["learning_hours"]["required"]
    kinds = {c["kind"] for t in schema for c in t["columns"]}
    assert kinds == {"id", "person", "reference", "text", "number", "date", "enum", "bool"}


def test_tables_come_back_with_the_schema_columns_and_labels() -> None:
    org = teamgraph.read_org(teamgraph.sample_team_path())
    for table in teamgraph.schema():
        frame = org.table(table["name"])
        names = [c["name"] for c in table["columns"]]
        assert list(frame.columns)[: len(names)] == names, table["name"]
        for column in table["columns"]:
            if column["kind"] == "enum":
                assert list(frame[column["name"]].cat.categories) == column["labels"]


def test_the_exported_tables_have_the_schema_columns_in_order() -> None:
    # What-if and pickling export the org's tables (org_tables in C++): each with the schema's
    # columns in the schema's order, then the extra columns the input had.
    org = teamgraph.read_org(teamgraph.sample_team_path())
    tables, _ = teamgraph._core.org_state(org._core)
    for table in teamgraph.schema():
        exported = [c[0] for c in tables[table["name"]][1]]
        names = [c["name"] for c in table["columns"]]
        assert exported[: len(names)] == names, table["name"]
        assert exported[len(names):] == list(org.table(table["name"]).columns)[len(names):], table["name"]


def test_input_format_tables_are_generated_from_the_schema(repo) -> None:
    result = subprocess.run([sys.executable, str(repo / "scripts" / "gen_input_format.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr

"""Privacy that holds: group figures over at least the minimum number of contributors, withheld
groups that cannot be recovered by subtraction, an aggregate-only report with no individual in it,
pseudonymized output that names no one, and a minimum group size no team.json can lower."""

from __future__ import annotations

import json
import shutil
from collections import defaultdict

import jsonschema
import pandas as pd
import pytest

import teamgraph
from teamgraph import Org
from teamgraph.export import schema
from teamgraph.cli import main

KEY = b"0123456789abcdef0123456789abcdef"


@pytest.fixture(scope="module")
def sample() -> teamgraph.Report:
    return teamgraph.assess(teamgraph.read_org(teamgraph.sample_team_path()))


def strings(value):
    """Every string in a JSON document, keys included."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)
    elif isinstance(value, str):
        yield value


def test_no_withheld_group_can_be_recovered(sample) -> None:
    groups = sample.groups
    minimum = sample.policy["min_group_size"]
    published = groups[groups["value"].notna()]
    assert (published["contributors"] >= minimum).all()
    assert (groups["contributors"] <= groups["size"]).all()
    for _, figure in groups.groupby(["score", "kind", "figure"]):
        held = figure[figure["value"].isna() & (figure["contributors"] > 0)]
        if len(held):  # withheld groups with data: at least two, holding the minimum together
            assert len(held) >= 2 and held["contributors"].sum() >= minimum, figure


def test_truck_factor_departments_under_the_minimum_are_withheld(sample) -> None:
    tf = sample.truck_factors
    sizes = sample.org.people["department"].value_counts()
    for row in tf[tf["kind"] == "department"].itertuples():
        if sizes[row.group] < 5:
            assert row.truck_factor is None or pd.isna(row.truck_factor)
            assert row.people == [] and row.withheld == "fewer than 5 people"
        else:
            assert row.withheld == "" and row.truck_factor >= 0
    assert (tf[tf["kind"] == "department"]["withheld"] != "").any()


def test_the_aggregate_only_report_holds_no_individual(sample) -> None:
    doc = json.loads(sample.to_json(aggregate_only=True))
    jsonschema.validate(doc, schema(aggregate_only=True))
    people = sample.org.people
    personal = set(people["id"]) | set(people["name"].dropna())
    leaked = personal & set(strings(doc))
    assert not leaked
    assert "people" not in doc and doc["min_group_size"] == 5
    minimum = doc["min_group_size"]
    by_figure = defaultdict(list)
    for g in doc["groups"]:
        by_figure[(g["score"], g["kind"], g["figure"])].append(g)
        assert g["value"] is None or g["contributors"] >= minimum
    for figure in by_figure.values():
        held = [g for g in figure if g["value"] is None and g["contributors"] > 0]
        assert not held or (len(held) >= 2 and sum(g["contributors"] for g in held) >= minimum)
    # Findings are counted, not listed.
    assert sum(f["findings"] for f in doc["findings"]) == len(sample.findings)
    assert all(set(f) == {"score", "code", "severity", "findings", "people"} for f in doc["findings"])
    # Units are numbered, not named by their manager.
    assert all(g["group"].startswith("unit ") for g in doc["groups"] if g["kind"] == "unit")
    # The same data in another row order gives the same document.
    assert sample.to_json(aggregate_only=True) == teamgraph.assess(
        teamgraph.read_org(teamgraph.sample_team_path())).to_json(aggregate_only=True)


def test_aggregate_findings_count_each_kind_and_its_distinct_people() -> None:
    # The counts come from the findings' columns; the reference counts the findings one by one.
    from fixture_orgs import fixture_reports

    checked = 0
    for name, lang, report in fixture_reports():
        expected = {}
        for f in report.findings:
            entry = expected.setdefault((f.score, f.code, f.severity), {"score": f.score, "code": f.code,
                                                                       "severity": f.severity, "findings": 0,
                                                                       "people": set()})
            entry["findings"] += 1
            entry["people"].update(f.people)
        expected_rows = [{**e, "people": len(e["people"])} for e in expected.values()]
        assert json.loads(report.to_json(aggregate_only=True))["findings"] == expected_rows, (name, lang)
        checked += 1
    assert checked >= 8


def test_aggregate_only_on_the_cli(capsys) -> None:
    assert main(["report", "--format", "json", "--aggregate-only"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == "teamgraph-aggregate-report"
    assert main(["report", "--aggregate-only"]) == 2
    assert "--format json" in capsys.readouterr().err


def test_a_team_json_cannot_lower_the_minimum_group_size(tmp_path, capsys) -> None:
    team = tmp_path / "team"
    shutil.copytree(teamgraph.sample_team_path(), team)
    settings = json.loads((team / "team.json").read_text())
    settings.setdefault("policy", {})["min_group_size"] = 2
    (team / "team.json").write_text(json.dumps(settings))
    assert main(["validate", str(team)]) == 2
    out = capsys.readouterr().out
    assert "policy.min_group_size" in out and "--min-group-size" in out
    # A policy file given to the CLI cannot either; the explicit flag can.
    settings["policy"].pop("min_group_size")
    (team / "team.json").write_text(json.dumps(settings))
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"min_group_size": 2}))
    assert main(["report", str(team), "--policy", str(policy)]) == 2
    assert "--min-group-size" in capsys.readouterr().err
    assert main(["report", str(team), "--format", "json", "--min-group-size", "2"]) == 0
    assert json.loads(capsys.readouterr().out)["policy"]["min_group_size"] == 2
    # A bad policy line in team.json is found by validate, field by field.
    settings["policy"] = {"sharing": {"inward_ei_index": 7}, "nonsense": 1}
    (team / "team.json").write_text(json.dumps(settings))
    assert main(["validate", str(team)]) == 2
    out = capsys.readouterr().out
    assert "policy.sharing.inward_ei_index" in out and "policy.nonsense" in out


def test_pseudonymized_warnings_and_checksums_name_no_one(tmp_path, capsys) -> None:
    (tmp_path / "people.csv").write_text("id,name,manager_id\nalice,Alice Real,\nbob,Bob Real,\ncarol,Carol Real,alice\n")
    report = teamgraph.assess(teamgraph.read_org(tmp_path))
    assert "alice" in report.to_json()  # the several_tops warning names the tops
    safe = report.pseudonymize(KEY)
    for text in (safe.to_json(), safe.to_text(), safe.to_markdown()):
        assert "alice" not in text and "bob" not in text and "Real" not in text
    doc = json.loads(safe.to_json())
    [warning] = doc["summary"]["warnings"]
    assert warning["code"] == "several_tops" and "'p-" in warning["message"]
    # Its catalog entry's values name people by pseudonym too.
    assert warning["key"].startswith("problem.several_tops") and warning["args"]["people"].split("\x1f") == [
        p for p in doc["summary"]["tops"]]
    assert doc["input_checksum"].startswith("hmac-sha256:")
    other = json.loads(report.pseudonymize(b"another-key-of-at-least-16-bytes").to_json())["input_checksum"]
    assert other != doc["input_checksum"] and json.loads(report.to_json())["input_checksum"].startswith("sha256:")
    # Every form shows the keyed checksum, never the plain one (which would link it to the data).
    plain = json.loads(report.to_json())["input_checksum"]
    for text in (safe.to_text(), safe.to_markdown(), safe.to_html()):
        assert plain[len("sha256:"):][:12] not in text
    assert doc["input_checksum"][:19] in safe.to_markdown() and doc["input_checksum"][:19] in safe.to_html()
    key = tmp_path / "key"
    key.write_bytes(KEY)
    assert main(["what-if", str(tmp_path), "--leave", "bob", "--move", "bob=carol", "--pseudonymize", str(key)]) == 2
    err = capsys.readouterr().err
    assert "bob" not in err and "'p-" in err
    # The refusal in Chinese names them by pseudonym too.
    assert main(["what-if", str(tmp_path), "--leave", "bob", "--move", "bob=carol", "--pseudonymize", str(key),
                 "--lang", "zh_CN"]) == 2
    err = capsys.readouterr().err
    assert "bob" not in err and err.startswith("teamgraph：假设推演：“p-") and err.endswith("”将离开，不能调岗\n")


def test_pseudonymized_chinese_warnings_and_problems_name_no_one(tmp_path, capsys) -> None:
    # The messages are put into words after the values they quote are pseudonymized: a Chinese
    # message, which quotes in its own way, names no one either.
    (tmp_path / "people.csv").write_text("id,name,manager_id\nalice,Alice Real,\nbob,Bob Real,\ncarol,Carol Real,alice\n")
    safe = teamgraph.assess(teamgraph.read_org(tmp_path), lang="zh_CN").pseudonymize(KEY)
    for text in (safe.to_json(), safe.to_text()):
        assert "alice" not in text and "bob" not in text and "Real" not in text
    [warning] = json.loads(safe.to_json())["summary"]["warnings"]
    assert warning["message"].startswith("组织中有2人没有上级（“p-") and "'" not in warning["message"]
    key = tmp_path / "key"
    key.write_bytes(KEY)
    (tmp_path / "people.csv").write_text("id,manager_id\ne01,\ne02,e01\ne03,e02\n")
    assert main(["what-if", str(tmp_path), "--move", "e01=e03", "--lang", "zh_CN", "--pseudonymize", str(key)]) == 2
    err = capsys.readouterr().err
    assert "reporting_cycle：3人构成汇报循环" in err and "人员“p-" in err
    assert "e01" not in err and "e02" not in err and "e03" not in err

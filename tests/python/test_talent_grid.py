"""The talent grid (人才九宫格) and its reserve pool, by hand: boxes, tertile ties, fixed cuts,
n/a, privacy, the findings, the suggestions and their ranking, the outputs and the CLI."""

from __future__ import annotations

import json

import jsonschema
import pandas as pd
import pytest

import teamgraph
from teamgraph.cli import main
from teamgraph.export import schema

# Thirds of [0, 1]: below 1/3 low, from 2/3 high. A core top, ops, middle/middle; B core under A,
# ops, high/high with a career plan; C under B, ops, high/high without one and named for nothing;
# D under B, ops, low/low; E under A, sales, high/middle; F core under A, sales, middle/high.
PEOPLE = pd.DataFrame({
    "id": ["A", "B", "C", "D", "E", "F"],
    "name": ["Ann", "Bo", "Cy", "Di", "Ed", "Fay"],
    "tier": ["core", "core", "execution", "execution", "execution", "core"],
    "manager_id": [None, "A", "B", "B", "A", "A"],
    "department": ["ops", "ops", "ops", "ops", "sales", "sales"],
    "assessment": [0.5, 0.9, 0.9, 0.1, 0.9, 0.5],
    "potential": [0.5, 0.9, 0.9, 0.1, 0.5, 0.9],
    "has_career_plan": [True, True, False, True, False, None],
})
SUCCESSORS = pd.DataFrame({"incumbent_id": ["A", "F"], "successor_id": ["D", "E"],
                           "readiness": ["ready_3y_plus", "ready_3y_plus"]})
SCALE = {"talent_grid": {"cuts": "scale"}, "min_group_size": 1}


@pytest.fixture
def org() -> teamgraph.Org:
    return teamgraph.Org.from_frames(PEOPLE, successors=SUCCESSORS)


def test_everyone_has_a_known_box(org) -> None:
    grid = teamgraph.assess(org, policy=SCALE).talent_grid
    assert grid.assessed and grid.placed == 6
    people = grid.people.set_index("id")
    assert people["box"].to_dict() == {"A": "middle/middle", "B": "high/high", "C": "high/high", "D": "low/low",
                                       "E": "high/middle", "F": "middle/high"}
    counts = grid.counts
    assert list(counts.index) == ["high", "middle", "low"] and list(counts.columns) == ["low", "middle", "high"]
    assert counts.loc["high", "high"] == 2 and counts.loc["low", "low"] == 1 and counts.loc["high", "low"] == 0
    assert grid.cuts["performance"]["method"] == "scale"
    assert grid.cuts["performance"]["middle_from"] == pytest.approx(1 / 3)


def test_tertiles_keep_ties_together_and_fixed_cuts_are_on_the_declared_scale() -> None:
    people = pd.DataFrame({"id": list("abcdef"), "manager_id": [None] + ["a"] * 5,
                           "assessment": [1, 1, 2, 3, 3, 3], "potential": [1, 2, 2, 2, 2, 3]})
    team = {"scales": {"people.assessment": [1, 5], "people.potential": [1, 5]}}
    org = teamgraph.Org.from_frames(people, team=team)
    grid = teamgraph.assess(org, policy={"min_group_size": 1}).talent_grid
    assert grid.people["box"].tolist() == ["low/low", "low/middle", "middle/middle", "high/middle", "high/middle",
                                           "high/high"]
    assert grid.cuts["performance"] == {"field": "people.assessment", "method": "tertiles", "middle_from": 2.0,
                                        "high_from": 3.0}
    fixed = teamgraph.assess(org, policy={"min_group_size": 1, "talent_grid": {"performance_cuts": [2, 3],
                                                                               "potential_cuts": [3, 4]}}).talent_grid
    assert fixed.people["box"].tolist() == ["low/low", "low/low", "middle/low", "high/low", "high/low", "high/middle"]


def test_nobody_placed_is_not_an_empty_grid() -> None:
    org = teamgraph.Org.from_frames(pd.DataFrame({"id": ["a", "b"], "manager_id": [None, "a"],
                                                  "assessment": [0.5, None]}))
    report = teamgraph.assess(org)
    grid = report.talent_grid
    assert not grid.assessed and grid.counts is None
    assert grid.absent_reason == "no one has both an assessment and a potential"
    assert grid.not_placed == {"no assessment": 0, "no potential": 1, "no assessment and no potential": 1}
    assert grid.people["not_placed"].tolist() == ["no potential", "no assessment and no potential"]
    assert "not assessed: no one has both an assessment and a potential" in report.to_text()
    assert report.to_dict()["talent_grid"]["boxes"] == []


def test_small_boxes_are_withheld_with_a_second_one(org) -> None:
    report = teamgraph.assess(org, policy={"talent_grid": {"cuts": "scale"}})  # min_group_size 5, 6 placed
    boxes = report.talent_grid.boxes
    # Every occupied box holds fewer than 5: all withheld; the empty ones stay published as 0.
    occupied = boxes["withheld"] != ""
    assert occupied.sum() == 5 and boxes.loc[~occupied, "count"].tolist() == [0, 0, 0, 0]
    assert report.talent_grid.counts.isna().sum().sum() == 5
    aggregate = json.loads(report.to_json(aggregate_only=True))
    jsonschema.validate(aggregate, schema(aggregate_only=True))
    assert sorted(b["count"] for b in aggregate["talent_grid"]["boxes"] if b["count"] is not None) == [0, 0, 0, 0]
    assert "*" in report.to_text() and "withheld" in report.to_text()


def test_reserve_pool_findings_name_people_and_numbers(org) -> None:
    report = teamgraph.assess(org, policy=SCALE)
    found = {f.code: f for f in report.findings if f.code in ("unused_reserve", "low_box_successor", "reserve_in_unit")}
    assert found["unused_reserve"].people == ["C"]
    assert found["unused_reserve"].message.startswith("Cy (C) sits in the high-performance, high-potential box")
    assert found["low_box_successor"].people == ["D", "A"]
    assert found["low_box_successor"].message == (
        "Di (D), a named successor of Ann (A), sits in a low box of the talent grid (low performance, low potential).")
    assert found["reserve_in_unit"].people == ["A", "D", "B", "C"]
    assert "while Bo (B) and Cy (C), in the same unit, sit in" in found["reserve_in_unit"].message
    assert all(f.score == "succession_readiness" for f in found.values())
    assert report.scores["succession_readiness"] == teamgraph.assess(
        org, policy={"min_group_size": 1}).scores["succession_readiness"]  # they do not change the value
    chinese = report.with_language("zh-CN")
    assert any("九宫格" in f.message for f in chinese.findings)


def test_suggestions_are_ranked_by_hand(org) -> None:
    frame = teamgraph.suggest_successors(org, policy=SCALE)
    assert frame.attrs["assessed"] and frame.attrs["seats"] == ["A", "B", "F"]
    assert list(zip(frame["seat"], frame["person"], frame["rank"])) == [
        ("A", "B", 1), ("A", "C", 2), ("A", "F", 3), ("B", "C", 1), ("B", "F", 2), ("B", "E", 3), ("F", "B", 1),
        ("F", "C", 2)]
    assert frame["readiness"].unique().tolist() == ["ready_1_2y"]  # no competencies: no fitness
    assert frame.loc[(frame["seat"] == "F") & (frame["person"] == "B"), "same_unit"].item() is False
    none = teamgraph.suggest_successors(teamgraph.Org.from_frames(PEOPLE), policy=SCALE)
    assert not none.attrs["assessed"] and none.attrs["absent_reason"] == "no successors table" and none.empty


def test_the_json_report_carries_the_grid_and_each_persons_box(org) -> None:
    report = teamgraph.assess(org, policy=SCALE)
    document = json.loads(report.to_json())
    jsonschema.validate(document, schema())
    assert document["talent_grid"]["placed"] == 6
    assert {p["id"]: p["talent_grid.performance"] for p in document["people"]}["D"] == "low"
    shuffled = teamgraph.Org.from_frames(PEOPLE.iloc[::-1].reset_index(drop=True),
                                         successors=SUCCESSORS.iloc[::-1].reset_index(drop=True))
    assert teamgraph.assess(shuffled, policy=SCALE).to_json() == report.to_json()


def test_text_markdown_and_html_show_the_counts(org) -> None:
    report = teamgraph.assess(org, policy=SCALE)
    text = report.to_text()
    assert "Talent grid (performance against potential)" in text and "6 people placed" in text
    assert "人才九宫格" in report.to_text(lang="zh-CN")
    assert "## Talent grid" in report.to_markdown() and "| high | 0 | 1 | 2 |" in report.to_markdown()
    assert '<section id="talent-grid">' in report.to_html()
    assert "<table>" in report.talent_grid._repr_html_()


def test_what_if_suggest_and_add_successor_on_the_command_line(tmp_path, capsys) -> None:
    org = teamgraph.Org.from_frames(PEOPLE, successors=SUCCESSORS)
    for name in org.tables:
        org.table(name).to_csv(tmp_path / f"{name}.csv", index=False)
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"talent_grid": {"cuts": "scale"}}))
    assert main(["what-if", str(tmp_path), "--suggest", "--policy", str(policy)]) == 0
    out = capsys.readouterr().out
    assert "  Ann (A)" in out and "1. Bo (B): high performance, high potential" in out
    assert "try --add-successor A=B:ready_1_2y" in out
    assert main(["what-if", str(tmp_path), "--suggest", "--policy", str(policy), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["seats"] == ["A", "B", "F"] and doc["suggestions"][0]["person"] == "B"
    main(["what-if", str(tmp_path), "--add-successor", "A=B", "--policy", str(policy)])
    assert "succession_readiness" in capsys.readouterr().out

"""Findings that fit the data: team-wide failures get a team-wide finding, departments are named
pair by pair from the data, recommendations do not contradict the report, people are named by
name and id. Each org here is small enough to check by hand."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import teamgraph
from teamgraph import Org


def people_frame(rows, **columns):
    frame = pd.DataFrame(rows, columns=["id", "manager_id", "department", "tier"])
    for name, values in columns.items():
        frame[name] = values
    return frame


def by_code(report, code):
    return [f for f in report.findings if f.code == code]


# -- departments, pair by pair ----------------------------------------------------------------

# Alpha, Beta and Gamma: three people each under one top. Alpha and Beta both share with Gamma
# and never with each other; Delta (3 people) shares with no other department.
DEPARTMENTS = people_frame(
    [("top", "", "Gamma", "core"), ("a1", "top", "Alpha", "core"), ("a2", "a1", "Alpha", "execution"),
     ("a3", "a1", "Alpha", "execution"), ("b1", "top", "Beta", "core"), ("b2", "b1", "Beta", "execution"),
     ("b3", "b1", "Beta", "execution"), ("g2", "top", "Gamma", "execution"), ("g3", "top", "Gamma", "execution"),
     ("d1", "top", "Delta", "execution"), ("d2", "d1", "Delta", "execution"), ("d3", "d1", "Delta", "execution")])
SHARING = pd.DataFrame(
    [("a1", "a2"), ("a1", "a3"), ("a2", "a3"), ("b1", "b2"), ("b1", "b3"), ("b2", "b3"), ("top", "g2"), ("top", "g3"),
     ("g2", "g3"), ("d1", "d2"), ("d1", "d3"), ("d2", "d3"), ("a2", "g2"), ("b2", "g3")],
    columns=["person_a", "person_b"]).assign(channel="offline")


def test_two_departments_that_share_only_through_a_third_are_named() -> None:
    report = teamgraph.assess(Org.from_frames(DEPARTMENTS, sharing=SHARING))
    silent = {(f.message, tuple(f.people)) for f in by_code(report, "silent_departments")}
    # Sizes: Gamma 3 (top, g2, g3), Alpha 3, Beta 3, Delta 3: all sizable; only Alpha-Gamma and
    # Beta-Gamma share. Alpha-Beta share through Gamma; the pairs with Delta have no link at all.
    via = [f for f in by_code(report, "silent_departments") if "both share with" in f.message]
    assert [f.message for f in via] == ["Alpha and Beta both share with Gamma but never with each other."]
    assert via[0].people == ["a1", "b1"] and via[0].severity == "medium"
    unrelated = [f for f in by_code(report, "silent_departments") if f.severity == "low"]
    assert len(unrelated) == 1 and unrelated[0].evidence["pairs"] == 3
    assert "Delta" in unrelated[0].message and len(silent) == 2


def test_a_goal_ties_two_departments_that_never_share() -> None:
    goals = pd.DataFrame([("team", "", ""), ("ga", "a1", "gb"), ("gb", "b1", "team")],
                         columns=["goal_id", "owner_id", "parent_goal_id"])
    report = teamgraph.assess(Org.from_frames(DEPARTMENTS, sharing=SHARING, goals=goals))
    f = next(f for f in by_code(report, "silent_departments") if "same goals" in f.message)
    assert f.message.startswith("Alpha and Beta work toward the same goals (ga ties them)")
    assert f.people == ["a1", "b1"]


def test_the_cross_department_recommendation_names_the_teams_own_departments() -> None:
    report = teamgraph.assess(Org.from_frames(DEPARTMENTS, sharing=SHARING))
    f = by_code(report, "few_cross_department_links")[0]
    assert "marketing" not in f.recommendation and "merchandising" not in f.recommendation
    # Links for their size: Alpha-Gamma 1/9, Beta-Gamma 1/9, every other pair 0.
    assert "Alpha with Beta" in f.recommendation and "Delta" in f.recommendation


def test_the_pairs_looked_at_are_bounded_by_the_policy() -> None:
    report = teamgraph.assess(Org.from_frames(DEPARTMENTS, sharing=SHARING),
                              policy={"sharing": {"pair_departments": 2}})
    # Only the two largest departments (all are 3: Alpha and Beta by name) are compared.
    assert [f.message for f in by_code(report, "silent_departments")] == [
        "Alpha and Beta both share with Gamma but never with each other."]
    report = teamgraph.assess(Org.from_frames(DEPARTMENTS, sharing=SHARING),
                              policy={"sharing": {"pair_min_department_size": 4}})
    assert not by_code(report, "silent_departments")
    assert "no_pairs" not in by_code(report, "few_cross_department_links")[0].recommendation
    assert by_code(report, "few_cross_department_links")[0].recommendation.startswith("Set up regular sharing")


# -- team-wide failures ------------------------------------------------------------------------

SMALL = people_frame([("t", "", "ops", "core"), ("x", "t", "ops", "execution"), ("y", "t", "ops", "execution"),
                      ("z", "t", "ops", "execution")])
# Career plans are part of incentive balance, learning hours of nobody behind: each score needs
# its own table to be assessed at all.
INCENTIVES = pd.DataFrame([("x", "spiritual")], columns=["person_id", "kind"])
SCORED = pd.DataFrame([(p, "conduct", 0.8) for p in "txyz"], columns=["person_id", "competency", "score"])


def test_no_one_with_a_career_plan_is_one_team_wide_finding() -> None:
    report = teamgraph.assess(Org.from_frames(SMALL.assign(has_career_plan=["false"] * 4), incentives=INCENTIVES))
    [f] = by_code(report, "no_career_plan")
    assert f.severity == "high" and f.people == []
    assert f.message == "No one on the team has a career plan (the plans of 4 people are recorded)."
    # One plan is enough to make it a matter of the people without one.
    report = teamgraph.assess(Org.from_frames(SMALL.assign(has_career_plan=["true", "false", "false", "false"]),
                                               incentives=INCENTIVES))
    assert not [f for f in by_code(report, "no_career_plan") if f.severity == "high"]


def test_a_team_that_logged_no_learning_is_told_so() -> None:
    report = teamgraph.assess(Org.from_frames(SMALL.assign(learning_hours=[0.0] * 4), competencies=SCORED))
    [f] = by_code(report, "low_learning")
    assert f.severity == "high" and sorted(f.people) == ["t", "x", "y", "z"]
    assert f.message == "No one on the team logged any learning hours this period (4 people reported)."
    report = teamgraph.assess(Org.from_frames(SMALL.assign(learning_hours=[0.0, 0.0, 0.0, 10.0]), competencies=SCORED))
    [f] = by_code(report, "low_learning")
    assert f.severity == "medium" and sorted(f.people) == ["t", "x", "y"]
    assert f.message.startswith("3 of 4 people logged no learning hours this period")


def test_separate_team_goals_compete() -> None:
    goals = pd.DataFrame([("sales", "", ""), ("brand", "", ""), ("gx", "x", "sales"), ("gy", "y", "brand")],
                         columns=["goal_id", "owner_id", "parent_goal_id"])
    report = teamgraph.assess(Org.from_frames(SMALL, goals=goals))
    [f] = by_code(report, "competing_goals")
    assert f.message.startswith("2 separate top-level team goals compete: brand and sales")
    one = goals.assign(parent_goal_id=["", "sales", "sales", "brand"])
    assert not by_code(teamgraph.assess(Org.from_frames(SMALL, goals=one)), "competing_goals")


def test_a_dimension_weak_for_everyone_says_no_one_can_mentor() -> None:
    # Everyone below the floor (0.5) on conduct: no one is strong (0.75), so no mentor exists.
    competencies = pd.DataFrame([(p, "conduct", s) for p, s in zip("txyz", [0.3, 0.2, 0.4, 0.45])],
                                columns=["person_id", "competency", "score"])
    sharing = pd.DataFrame([("t", "x"), ("x", "y"), ("y", "z")], columns=["person_a", "person_b"]).assign(channel="online")
    report = teamgraph.assess(Org.from_frames(SMALL, competencies=competencies, sharing=sharing))
    assert not by_code(report, "lagging")
    [f] = by_code(report, "weak_dimension")
    assert f.severity == "high" and sorted(f.people) == ["t", "x", "y", "z"]
    assert f.message.startswith("No one on the team is strong in conduct: the best of 4 scored is 0.45, below 0.75")
    assert "no one inside to mentor" in f.recommendation
    assert all("reachable" not in g.message for g in report.findings)
    assert report.scores["nobody_behind"] == pytest.approx(100 * (1 - 4 / 4))


# -- recommendations that agree with the report ------------------------------------------------

def test_a_gap_only_a_hire_can_close_is_not_given_to_training() -> None:
    # Control: the best in the core is 0.3, 0.3 short of the threshold 0.6 (training reach 0.2).
    competencies = pd.DataFrame([("t", "control", 0.3), ("t", "planning", 0.9)],
                                columns=["person_id", "competency", "score"])
    report = teamgraph.assess(Org.from_frames(SMALL, competencies=competencies),
                              policy={"leadership": {"required": ["planning", "control"]}})
    [missing] = by_code(report, "missing_competency")
    assert "Train" not in missing.recommendation and "Bring someone who holds control" in missing.recommendation
    [plan] = by_code(report, "training_plan")
    assert plan.people == [] and "development plans" not in plan.recommendation
    assert plan.recommendation.startswith("Hire or promote into the core layer someone who holds control")


# -- people by name and id ---------------------------------------------------------------------

def test_findings_name_people_by_name_and_id_in_every_format(tmp_path) -> None:
    people = SMALL.assign(name=["Li Wei", "", "Wang Fang", "Zhao Lei"], has_career_plan=["true"] * 4,
                          learning_hours=[10.0, 10.0, 0.0, 10.0])
    report = teamgraph.assess(Org.from_frames(people, competencies=SCORED))
    [f] = by_code(report, "low_learning")
    assert f.people == ["y"] and f.message.startswith("Wang Fang (y) spent")
    for text in (report.to_text(), report.to_markdown(), report.to_json()):
        assert "Wang Fang (y) spent" in text
    chinese = teamgraph.assess(Org.from_frames(people, competencies=SCORED), lang="zh-CN")
    assert by_code(chinese, "low_learning")[0].message.startswith("Wang Fang（y）")
    safe = report.pseudonymize(b"0123456789abcdef0123456789abcdef")
    assert "Wang Fang" not in safe.to_json() and "(y)" not in safe.to_json()
    json.loads(safe.to_json())


# -- departure impact: the findings follow the ranking ----------------------------------------

def test_departure_findings_follow_the_ranking_within_a_severity() -> None:
    org = teamgraph.read_org(teamgraph.sample_team_path())
    report = teamgraph.assess(org)
    ranking = list(report.departure_impact["id"])
    findings = by_code(report, "high_departure_impact")
    assert len(findings) > 2
    for severity in {f.severity for f in findings}:
        listed = [f.people[0] for f in findings if f.severity == severity]
        assert listed == sorted(listed, key=ranking.index), severity


# -- a manager outside the export ---------------------------------------------------------------

def test_an_unknown_manager_points_to_the_documented_fix_and_lenient_is_on_the_cli(tmp_path, repo, capsys) -> None:
    from teamgraph.cli import main

    (tmp_path / "people.csv").write_text("id,manager_id\nboss,\na,boss\nb,board\nc,b\n")
    assert main(["validate", str(tmp_path)]) == 2
    out = capsys.readouterr().out
    assert "empty" not in out and "Managers outside the export" in out
    assert "## Managers outside the export" in (repo / "docs" / "input-format.md").read_text()
    # --lenient leaves out b and c (who reports to b) and scores the rest, saying who is missing.
    assert main(["validate", str(tmp_path), "--lenient"]) == 0
    out = capsys.readouterr().out
    assert "unknown_id" in out and "2 people" in out
    assert main(["report", str(tmp_path), "--lenient", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["summary"]["people"] == 2


def test_a_departure_says_who_loses_their_manager_and_how_large_the_unit_is() -> None:
    report = teamgraph.assess(teamgraph.read_org(teamgraph.sample_team_path()))
    e01 = next(f for f in by_code(report, "high_departure_impact") if f.people == ["e01"])
    # e01 leads everyone (45 below), 8 of them directly.
    assert "a unit of 45 people loses its manager (8 reporting directly)" in e01.message
    assert "45 people lose their manager" not in e01.message

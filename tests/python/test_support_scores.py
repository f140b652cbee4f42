"""The support-system scores through the Python API."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import teamgraph


@pytest.fixture(scope="module")
def report() -> teamgraph.Report:
    return teamgraph.assess(teamgraph.read_org(teamgraph.sample_team_path()))


def test_every_score_is_reported(report) -> None:
    expected = {"leadership_coverage", "succession_readiness", "incentive_balance", "nobody_behind", "sharing_health",
                "unified_management", "goal_alignment", "team_configuration", "health_index"}
    assert set(report.scores) == expected
    assert all(0 <= v <= 100 for v in report.scores.values())
    assert report.weakest == "leadership_coverage"


def test_sample_team_shows_what_it_was_built_to_show(report) -> None:
    by_code = {}
    for f in report.findings:
        by_code.setdefault(f.code, []).append(f)
    assert by_code["no_spiritual_incentive"][0].people == ["m18", "m24", "m33", "m38", "s03"]
    assert by_code["never_attends"][0].people == ["m27", "m33", "m45"]
    assert by_code["orphan_goal"][0].message == "Goals that serve no team goal: g99 (m31)."
    lagging = {tuple(f.people[:1]) for f in by_code["lagging"]}
    assert ("m41",) in lagging and ("m21",) in lagging


def test_people_table_has_every_per_person_figure(report) -> None:
    people = report.people
    assert len(people) == 46
    for column in ["departure_impact", "incentive_balance.material_total", "nobody_behind.dimensions_lagging",
                   "sharing_health.attendance_share", "unified_management.direct_reports",
                   "goal_alignment.aligned_goal_share"]:
        assert column in people.columns
    row = people.set_index("id").loc["m33"]
    assert row["sharing_health.meetings_attended"] == 0
    assert row["incentive_balance.spiritual_count"] == 0


def test_group_aggregates_respect_the_minimum_group_size(report) -> None:
    groups = report.groups
    small = groups[groups["size"] < 5]
    assert small["value"].isna().all()
    assert (small["withheld"] == "fewer than 5 people").all()
    # Tiers: support (3 people) is withheld, so core is withheld too: otherwise it could be
    # recovered from the execution tier and the team's total.
    tiers = groups[(groups["kind"] == "tier") & (groups["score"] == "incentive_balance")].set_index("group")
    assert math.isnan(tiers.loc["core", "value"])
    assert "cannot be recovered" in tiers.loc["core", "withheld"]
    assert not math.isnan(tiers.loc["execution", "value"])


def test_figures_and_notes(report) -> None:
    sharing = report.figures["sharing_health"]
    assert sharing["meetings"] == 12
    assert sharing["weeks_without_meeting"] == 2
    config = report.figures["team_configuration"]
    assert config["budget_per_head"] == pytest.approx(1_800_000 / 46)


def test_too_few_people_for_pay_for_performance() -> None:
    org = teamgraph.Org.from_frames(
        pd.DataFrame({"id": list("abc"), "manager_id": [None, "a", "a"], "assessment": [0.5, 0.7, 0.9]}),
        incentives=pd.DataFrame({"person_id": list("abc"), "kind": ["material"] * 3, "amount": [1.0, 2.0, 3.0]}))
    report = teamgraph.assess(org)
    assert report.figures["incentive_balance"]["pay_for_performance"] is None
    assert report.figure_notes["incentive_balance"]["pay_for_performance"].startswith("too few people")


def test_krackhardt_directed_ei_index(data_dir) -> None:
    """Over the 190 directed advice arcs (not the 145 pairs the model uses) the E-I index is 0.5158."""
    raw = data_dir / "krackhardt-managers"
    arcs = pd.read_csv(raw / "advice.txt", sep=r"\s+", header=None, names=["ego", "alter", "tie"])
    arcs = arcs[arcs.tie == 1]
    dept = pd.read_csv(raw / "attributes.csv").set_index("ID")["DEPT"]
    external = (arcs.ego.map(dept) != arcs.alter.map(dept)).sum()
    internal = len(arcs) - external
    assert round((external - internal) / len(arcs), 4) == 0.5158
    org = teamgraph.read_org(data_dir / "krackhardt-team")
    figures = teamgraph.assess(org).figures["sharing_health"]
    assert round(figures["ei_index"], 4) == 0.5172
    assert figures["articulation_points"] == 0

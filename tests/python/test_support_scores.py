"""The support-system scores through the Python API."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import teamgraph
from teamgraph.catalog import Catalog


@pytest.fixture(scope="module")
def report() -> teamgraph.Report:
    return teamgraph.assess(teamgraph.read_org(teamgraph.sample_team_path()))


def test_every_score_is_reported(report) -> None:
    expected = {"leadership_coverage", "succession_readiness", "incentive_balance", "nobody_behind", "sharing_health",
                "unified_management", "goal_alignment", "team_configuration", "market_response", "health_index"}
    assert set(report.scores) == expected
    assert all(0 <= v <= 100 for v in report.scores.values())
    assert report.weakest == "leadership_coverage"


def test_sample_team_shows_what_it_was_built_to_show(report) -> None:
    by_code = {}
    for f in report.findings:
        by_code.setdefault(f.code, []).append(f)
    assert by_code["no_spiritual_incentive"][0].people == ["m18", "m24", "m33", "m38", "s03"]
    assert by_code["never_attends"][0].people == ["m27", "m33", "m45"]
    assert by_code["orphan_goal"][0].message == "Goals that serve no team goal: g99 (Peng Lei (m31))."
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
    assert sharing["weeks_without_meeting"] == 1  # 13 calendar weeks: the partial 1-5 July holds no meeting
    config = report.figures["team_configuration"]
    assert config["budget_per_head"] == pytest.approx(1_800_000 / 46)


@pytest.mark.parametrize("codes", [[0, 1, 2, 3, 1, 3, 0], [3, 3, 3], [2], []])
def test_talent_grid_levels_are_the_text_pandas_makes_of_the_words(codes) -> None:
    # The people table's levels are made by Arrow from the codes where pandas holds text in
    # Arrow: the same column, dtype and all, as pandas makes of the words (None: not placed).
    from teamgraph.report import _level_column

    codes = np.asarray(codes, dtype=np.uint8)
    words = pd.Series(np.array(["low", "middle", "high", None], dtype=object)[codes])
    pd.testing.assert_series_equal(_level_column(codes), words)


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


# The support scores write no words: each finding's texts are catalog entries filled with its
# arguments, and they read as the scores wrote them before the catalog.
SUPPORT_TEXTS = {
    "incentive_balance": ["no_spiritual_incentive", "no_incentive", "imbalanced_incentives.material",
                          "imbalanced_incentives.spiritual", "reward_contradicts_assessment",
                          "pay_not_following_performance", "no_career_plan", "no_career_plan.team"],
    "nobody_behind": ["lagging.mentor", "lagging.no_mentor", "low_learning", "low_learning.team", "low_learning.most",
                      "weak_dimension", "weak_dimension.none_lagging"],
    "sharing_health": ["too_few_meetings", "weeks_without_meeting", "never_attends", "one_presenter", "one_channel",
                       "isolated", "broker", "broker.one_bridge", "few_cross_department_links",
                       "few_cross_department_links.no_pairs", "silent_departments.goals", "silent_departments.via",
                       "silent_departments.unrelated"],
    "unified_management": ["several_tops", "wide_span", "narrow_span", "too_many_layers", "manager_without_unit",
                           "no_quantified_kpi"],
    "goal_alignment": ["orphan_goal", "unaligned_goals", "no_goal", "unquantified_goals", "competing_goals"],
    "team_configuration": ["equipment_gap", "non_professionals"],
}


def test_every_support_finding_has_its_texts_under_its_score(repo) -> None:
    catalog = Catalog.get("en")
    po = (repo / "python/teamgraph/locale/en/LC_MESSAGES/findings.po").read_text()
    for score, keys in SUPPORT_TEXTS.items():
        section = po.split(f"# ---- {score}\n")[1].split("# ---- ")[0]
        for key in keys:
            for part in ("message", "recommendation"):
                assert f"{key}.{part}" in catalog, f"{key}.{part}"
                assert f'msgid "{key}.{part}"' in section, f"{key}.{part} is not under {score}"


def test_support_findings_of_the_sample_team_come_from_the_catalog(report) -> None:
    support = [k for k, f in enumerate(report.findings) if f.score in SUPPORT_TEXTS]
    assert support
    for k in support:  # the core hands over arguments, never words
        assert report.findings.args(k), report.findings[k].code
    messages = {f.code: f.message for f in report.findings}
    assert messages["weeks_without_meeting"] == "1 of 13 weeks had no sharing meeting."
    assert messages["too_few_meetings"] == "Sharing meetings run 0.92 times a week; the team needs at least 1."
    assert messages["few_cross_department_links"] == "Sharing stays inside departments (E-I index -0.57)."
    assert messages["low_learning"] == "Huang Ping (m41) spent far fewer hours learning than the team (median 12.0 hours)."
    assert messages["no_goal"] == ("Lin Wei (e01), Yang Jia (m11), Lin Ying (m15), Feng Xin (m22), Dong Cai (m25), Luo Lan (m27), "
                                   "Yang An (m30), Peng Gang (m37), Cao Qing (m39), Ma Hui (s01) and 2 more have no goal.")
    assert messages["equipment_gap"] == "Not everyone has the basic equipment: short of computer and desk."


def _texts(code: str, variant: str, args, people=("a", "b", "c")):
    return Catalog.get("en").finding_texts(code, variant, args, list(people))


def _people(n: int):
    return [("count", "count", float(n)), ("people", "people", (0, n))]


@pytest.mark.parametrize("code, variant, args, people, message", [
    # A count drives the noun: the singular form reads as English (it said "1 people").
    ("no_spiritual_incentive", "", _people(1), ["a"],
     "1 person was paid but never recognized in the period (a): spiritual incentives are the ones people forget."),
    ("no_incentive", "", _people(2), ["a", "b"], "2 people received no incentive of either kind in the period (a and b)."),
    ("reward_contradicts_assessment", "", _people(1), ["a"],
     "a is among the best paid but the lowest assessed: the reward contradicts the assessment."),
    ("imbalanced_incentives", "material", [("spiritual_share", "number", 3 / 7)], [],
     "The team leans on material incentives: 43% of incentive events are spiritual."),
    ("pay_not_following_performance", "", [("rho", "number", 0.1), ("low", "number", float("nan")),
                                           ("high", "number", 0.456)], [],
     "Material incentives hardly follow the assessment (rank correlation 0.10, 95% interval n/a to 0.46)."),
    ("lagging", "mentor", [("person", "people", (0, 1)), ("dimension", "text", "expression"), ("score", "number", 0.2),
                           ("median", "number", 0.75), ("mentor", "people", (1, 1)), ("mentor_score", "number", 0.8),
                           ("count", "count", 2.0)], ["D", "B"],
     "D lags in expression (0.20; team median 0.75); suggested mentor: B (0.80, 2 steps away in the sharing network)."),
    ("lagging", "no_mentor", [("person", "people", (0, 1)), ("dimension", "text", "conduct"), ("score", "number", 0.3),
                              ("median", "number", 0.7)], ["D"],
     "D lags in conduct (0.30; team median 0.70); no one strong in it is near them in the sharing network (within behind.mentor_reach steps)."),
    ("weeks_without_meeting", "", [("empty_weeks", "count", 1.0), ("count", "count", 1.0)], [],
     "1 of 1 week had no sharing meeting."),
    ("one_presenter", "", [("person", "people", (0, 1)), ("presented", "count", 3.0), ("count", "count", 4.0)], ["A"],
     "A presented 3 of 4 meetings."),
    ("one_channel", "", [("channel", "word", "word.offline")], [], "Sharing runs only offline."),
    ("isolated", "", _people(1), ["F"], "F shares with no one."),
    ("broker", "one_bridge", _people(1) + [("bridges", "count", 1.0)], ["vp"],
     "The sharing network splits if vp is absent (1 link is a bridge)."),
    ("broker", "", _people(2) + [("bridges", "count", 3.0)], ["a", "b"],
     "The sharing network splits if a and b are absent (3 links are bridges)."),
    ("wide_span", "", _people(1) + [("span", "count", 10.0)], ["A"], "A manages more than 10 people directly."),
    ("too_many_layers", "", [("layers", "count", 5.0), ("size", "count", 6.0), ("needed", "number", 2.0)], [],
     "The org has 5 layers; a team of 6 needs about 2."),
    ("manager_without_unit", "", _people(2), ["C", "D"],
     "C and D hold a manager's title but lead no one: their unit is only themselves."),
    ("no_quantified_kpi", "", _people(1), ["C"], "C works without a quantified KPI."),
    ("orphan_goal", "", _people(2) + [("goals", "texts", ["g3", "g4"])], ["C", "D"],
     "Goals that serve no team goal: g3 and g4 (owners in the same order: C and D)."),
    ("unaligned_goals", "", [("unaligned", "count", 3.0), ("member_goals", "count", 10.0)], [],
     "3 of 10 member goals do not reach a team goal through their parents."),
    ("unquantified_goals", "", [("unquantified_share", "number", 1 / 3)], [], "33% of goals have no measurable target."),
    ("equipment_gap", "", [("items", "words", ["word.computer", "word.network", "word.desk"])], [],
     "Not everyone has the basic equipment: short of computer, network and desk."),
    ("non_professionals", "", [("without", "number", 1.0), ("count", "count", 5.0)], [],
     "1 of 5 members have no professional background in the trade."),
])
def test_support_texts(code, variant, args, people, message) -> None:
    assert _texts(code, variant, args, people)[0] == message


def test_a_laggards_recommendation_names_the_mentor() -> None:
    args = [("person", "people", (0, 1)), ("dimension", "text", "expression"), ("score", "number", 0.2),
            ("median", "number", 0.75), ("mentor", "people", (1, 1)), ("mentor_score", "number", 0.8),
            ("count", "count", 1.0)]
    message, recommendation = _texts("lagging", "mentor", args, ["D", "B"])
    assert message.endswith("suggested mentor: B (0.80, 1 step away in the sharing network).")
    assert recommendation == "Pair D with B on expression and review at the next assessment: nobody falls behind."


def test_support_thresholds_are_policy(report) -> None:
    policy = teamgraph.default_policy()
    assert policy["incentives"]["min_pay_for_performance"] == 0.2
    assert policy["sharing"]["inward_ei_index"] == -0.5
    assert policy["goals"]["min_quantified_share"] == 0.8
    org = teamgraph.read_org(teamgraph.sample_team_path())
    lenient = teamgraph.assess(org, policy={"sharing": {"inward_ei_index": -0.9}})
    assert "few_cross_department_links" in {f.code for f in report.findings}
    assert "few_cross_department_links" not in {f.code for f in lenient.findings}
    with pytest.raises(Exception, match=r"sharing.inward_ei_index: expected a number in \[-1, 1\]"):
        teamgraph.assess(org, policy={"sharing": {"inward_ei_index": -2}})

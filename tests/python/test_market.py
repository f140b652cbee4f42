"""operations.csv and the market_response score through Python: the table, its problems, the
hand-checked week-by-week series through the report, and the sample team's two planted stories."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest

import teamgraph
from teamgraph import Org, OrgDataError

PEOPLE = pd.DataFrame({"id": ["A", "B", "C", "D", "E"], "manager_id": ["", "A", "A", "B", "B"],
                       "department": ["x", "x", "x", "y", "y"], "tier": ["core", "core", "core", "execution", "execution"]})
MONDAYS = pd.date_range("2026-01-05", periods=12, freq="7D").strftime("%Y-%m-%d").tolist()
TEAM = {"period": {"start": "2026-01-05", "end": "2026-03-29"}}


def weekly_series() -> pd.DataFrame:
    """The series of tests/cpp/scores/market_response_test.cpp: Tmall's surge in W6 (2026-02-16) and
    holiday in W9; JD's conversion sliding from 20% to 12% from W6 on."""
    tmall_inquiries = [100, 104, 96, 100, 102, 98, 250, 101, 99, 40, 100, 103]
    tmall_replied = [97, 101, 93, 97, 99, 95, 120, 98, 96, 30, 97, 100]
    jd_orders = [10, 10, 10, 10, 10, 10, 9, 8, 7, 6, 6, 6]
    rows = []
    for w, monday in enumerate(MONDAYS):
        rows.append((monday, "Tmall", tmall_inquiries[w], tmall_replied[w], 40 if w == 6 else 20 if w == 9 else 5, 20))
        rows.append((monday, "JD", 50, 49, 6, jd_orders[w]))
    return pd.DataFrame(rows, columns=["date", "channel", "inquiries", "replied", "first_reply_minutes", "orders"])


def market(report: teamgraph.Report) -> list:
    return [f for f in report.findings if f.score == "market_response"]


def test_the_week_by_week_series_through_the_report() -> None:
    org = Org.from_frames(people=PEOPLE, operations=weekly_series(), team=TEAM)
    report = teamgraph.assess(org)
    found = market(report)
    assert [f.code for f in found] == ["demand_not_followed", "conversion_falling"]
    surge, decline = found
    assert surge.severity == "high" and surge.evidence["inquiries"] == 250 and surge.evidence["usual_inquiries"] == 100
    assert surge.evidence["z_inquiries"] == pytest.approx(15) and surge.evidence["z_reply_rate"] == pytest.approx(-24.5)
    assert surge.message == ("Tmall, week of 2026-02-16: 250 inquiries against a usual 100, and 48% of them answered "
                             "against a usual 97%: demand moved and the team did not.")
    assert decline.message == ("JD: inquiries turned into orders fell from 20.0% to 12.0% over the 6 weeks from "
                               "2026-02-16 to 2026-03-23, while inquiries held (50 a week against a usual 50).")
    assert "及时更改营销策略" in report.to_text(lang="zh_CN")
    coverage = report.coverage_of("market_response")
    assert coverage["not_computed"] == {"channel_coverage": "no row names who answered"}
    parts = {p["name"]: p["value"] for p in coverage["parts"]}
    assert parts["demand_followed"] == pytest.approx(1 - 1 / 16) and parts["conversion_held"] == pytest.approx(0.7)
    assert report.scores["market_response"] == pytest.approx(100 * ((1711 / 1893) / 0.95 + 1 + 0.9375 + 0.7) / 4)


def test_a_holiday_week_raises_no_alarm() -> None:
    rows = [(m, "Shop", 20 if w == 6 else 100, 10 if w == 6 else 98, 0 if w == 6 else 20) for w, m in enumerate(MONDAYS[:10])]
    org = Org.from_frames(people=PEOPLE, operations=pd.DataFrame(rows, columns=["date", "channel", "inquiries", "replied",
                                                                                "orders"]))
    assert market(teamgraph.assess(org)) == []


def test_the_sample_team_finds_the_surge_and_the_decline_and_nothing_else() -> None:
    report = teamgraph.assess(teamgraph.read_org(teamgraph.sample_team_path()))
    found = market(report)
    assert [f.code for f in found] == ["demand_not_followed", "conversion_falling"]
    surge, decline = found
    assert surge.message.startswith("JD, week of 2026-08-17: 968 inquiries against a usual 420")
    assert decline.message.startswith("Tmall: inquiries turned into orders fell from 19.8% to 12.2% over the 7 weeks "
                                      "from 2026-08-10 to 2026-09-21")
    assert report.coverage_of("market_response")["of"] == "5 of 5"
    groups = report.groups
    channels = groups[(groups["kind"] == "channel") & (groups["figure"] == "reply_rate")]
    assert list(channels["group"]) == ["JD", "Tmall", "WeChat"] and (channels["contributors"] >= 5).all()
    assert (report.departure_impact["channels_led"] == 0).all()


def test_the_table_in_python_pickled_and_in_what_if() -> None:
    org = teamgraph.read_org(teamgraph.sample_team_path())
    table = org.table("operations")
    assert list(table.columns)[:8] == ["date", "channel", "person_id", "inquiries", "replied", "first_reply_minutes",
                                       "orders", "department"]
    assert len(table) == 750 and set(table["channel"]) == {"JD", "Tmall", "WeChat"}
    again = Org.from_frames(people=org.table("people"), operations=table, team=org.team)
    pd.testing.assert_frame_equal(again.table("operations"), table)
    restored = pickle.loads(pickle.dumps(org))
    assert len(restored.table("operations")) == 750
    left = org.what_if(leave=["m27"])
    assert len(left.table("operations")) == 750 - int((table["person_id"] == "m27").sum())
    assert "m27" not in set(left.table("operations")["person_id"])


def test_every_problem_of_the_frame() -> None:
    bad = pd.DataFrame({"date": ["2026-01-05", "2026-01-05", "2026-01-05", "someday"],
                        "channel": ["Tmall", "Tmall", "", "JD"], "person_id": ["A", "A", "Z", "B"],
                        "inquiries": [10, 10, 5, 4], "replied": [12, 9, 1, 1]})
    with pytest.raises(OrgDataError) as caught:
        Org.from_frames(people=PEOPLE, operations=bad)
    problems = {(p.code, p.record, p.person_id, p.field) for p in caught.value.problems}
    assert problems == {("out_of_range", 1, "A", "replied"), ("unknown_id", 3, "Z", "person_id"),
                        ("missing_value", 3, "Z", "channel"), ("bad_date", 4, "B", "date")}
    # The row with too many replies is left out: the second row is no repeat of it.
    assert all(p.file == "operations" for p in caught.value.problems)


def test_the_same_rows_in_any_order_give_the_same_report() -> None:
    frame = weekly_series()
    first = teamgraph.assess(Org.from_frames(people=PEOPLE, operations=frame, team=TEAM))
    shuffled = frame.sample(frac=1, random_state=3).reset_index(drop=True)
    second = teamgraph.assess(Org.from_frames(people=PEOPLE, operations=shuffled, team=TEAM))
    assert first.to_json() == second.to_json()


def test_small_groups_are_withheld() -> None:
    rows = []
    for monday in MONDAYS[:5]:
        rows += [(monday, "WeChat", "A", 80, 80), (monday, "WeChat", "B", 10, 10), (monday, "JD", "D", 10, 8),
                 (monday, "JD", "E", 10, 10)]
    org = Org.from_frames(people=PEOPLE, operations=pd.DataFrame(rows, columns=["date", "channel", "person_id", "inquiries",
                                                                                "replied"]))
    report = teamgraph.assess(org)
    groups = report.groups[report.groups["score"] == "market_response"]
    assert len(groups) and groups["value"].isna().all() and (groups["withheld"] != "").all()
    codes = sorted((f.code, tuple(f.people)) for f in market(report))
    assert ("one_person_channel", ("A",)) in codes and ("low_reply_rate", ("D",)) in codes
    assert not any("department" in f.message for f in market(report))
    assert report.departure_impact.set_index("id").loc["A", "channels_led"] == 1

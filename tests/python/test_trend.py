"""teamgraph.trend and `teamgraph trend`: three snapshots of the sample team checked by hand
(trend_series.py says what changes from period to period), their outputs, and bad series."""

from __future__ import annotations

import itertools
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

import teamgraph
from teamgraph import cli
from teamgraph.trend import TrendError, schema
from trend_series import series

KEY = b"a-secret-key-of-32-bytes-0123456"
P1, P2, P3 = "2025-03-31..2025-09-29", "2025-09-30..2026-03-31", "2026-04-01..2026-09-30"


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> list:
    return series(tmp_path_factory.mktemp("series"))


@pytest.fixture(scope="module")
def result(folders) -> teamgraph.Trend:
    return teamgraph.trend([str(f) for f in reversed(folders)])


def without_sources(doc: dict) -> dict:
    for period in doc["periods"]:
        period["source"] = None
    return doc


def by_status(t: teamgraph.Trend, status: str) -> dict:
    return {f.key: f for f in t.findings if f.status == status}


def test_one_row_a_period_with_every_score_its_coverage_and_the_people(result) -> None:
    p = result.periods
    assert list(p["period"]) == [P1, P2, P3]
    assert list(p["people"]) == [46, 45, 46] and list(p["execution"]) == [37, 36, 37]
    # team_configuration: the mean of the equipment parts it could compute (3 of 6: no budget
    # target, professionals, interest in the trade), each item's count over the people, at most 1:
    # computers 44, 40, 36; networks 46; desks 45.
    assert p["team_configuration"].tolist() == pytest.approx([100 * (44 / 46 + 1 + 45 / 46) / 3,
                                                              100 * (40 / 45 + 1 + 1) / 3,
                                                              100 * (36 / 46 + 1 + 45 / 46) / 3])
    assert list(p["team_configuration.coverage"]) == ["3 of 6"] * 3
    assert list(p["health_index.coverage"]) == ["9 of 9"] * 3
    assert result.scores[0] == "health_index" and set(result.scores) == set(teamgraph.assess(
        teamgraph.read_org(teamgraph.sample_team_path())).scores)


def test_people_who_joined_and_left(result) -> None:
    first, second = result.changes
    assert (first.previous, first.period, first.joined, first.left, first.left_labels) == (P1, P2, [], ["m46"], ["Xu Cai (m46)"])
    assert (second.joined, second.joined_labels, second.left) == (["m47"], ["Qin Yue (m47)"], [])


def test_findings_that_appeared_persisted_and_were_resolved(result) -> None:
    lag_m20 = "nobody_behind/lagging/dimension=product_knowledge/person=m20"
    lag_m46 = "nobody_behind/lagging/dimension=conduct/person=m46"
    e03 = "succession_readiness/uncovered_key_position/holder=e03"
    e01_e03 = "succession_readiness/uncovered_successor/incumbent=e01/successor=e03"
    first, second = result.changes
    # P2: m20 scores 1 of 5 on product knowledge (lagging); m46 left, and with them their lag in
    # conduct; e06's unit is down to 2 (narrow span); m46's goals, quantified, are gone (the share
    # of unquantified goals passes the line).
    assert first.appeared == ["goal_alignment/unquantified_goals", lag_m20, "unified_management/narrow_span"]
    # m46's leaving moves the talent grid's tertiles: m44, in e06's unit, leaves the high/high box,
    # so e06's far-from-ready bench no longer sits beside an unused reserve.
    assert first.resolved == [lag_m46, "succession_readiness/reserve_in_unit/holder=e06"]
    # P3: m20 is back at 3.5; Tian Na (m18) is ready now for e03, so e03's seat is covered, and
    # promoting e03 into e01's seat no longer opens a seat nobody can fill. m47 has m40's data:
    # nothing new.
    assert second.appeared == [] and second.resolved == [lag_m20, e03, e01_e03]
    assert by_status(result, "appeared") == {}
    resolved = by_status(result, "resolved")
    assert sorted(resolved) == sorted([lag_m20, lag_m46, e03, e01_e03, "succession_readiness/reserve_in_unit/holder=e06"])
    f = resolved[lag_m20]
    assert (f.first, f.last, f.resolved_in, f.periods, f.present) == (P2, P2, P3, 1, [False, True, False])
    assert (resolved[e03].periods, resolved[e03].resolved_in, resolved[lag_m46].resolved_in) == (2, P3, P2)
    persisted = by_status(result, "persisted")
    assert len(persisted) == len(result.snapshots[-1].doc["findings"]) == 41  # two low_box_successor and two market_response among them
    han_lei = persisted["nobody_behind/lagging/dimension=product_knowledge/person=m21"]
    assert (han_lei.periods, han_lei.since, han_lei.present) == (3, P1, [True] * 3)
    assert "Han Lei (m21)" in han_lei.message and han_lei.severity == "high"
    span = persisted["unified_management/narrow_span"]
    assert (span.periods, span.since) == (2, P2)
    # A finding about e01 whose nearest successor is named in passing is the same finding.
    assert persisted["succession_readiness/uncovered_key_position/holder=e01"].periods == 3


def test_findings_only_the_series_shows(result) -> None:
    found = {(f.code, tuple(f.people)): f for f in result.series_findings}
    # e01, e04, e06 had no ready-now successor in any period; e03 had one in P3.
    for holder, bench in (("e01", 1.0), ("e04", 0.0), ("e06", 0.5)):
        f = found.pop(("uncovered_key_position_running", (holder,)))
        assert f.severity == "high" and f.evidence == {"periods": 3.0, "bench_strength": bench}
    # e02 stayed ready_1_2y for e01: 366 days from P1's end (2025-09-29) to P3's (2026-09-30).
    # m43 moved in P2 (ready_3y_plus to ready_1_2y): 183 days since, under a year. m11 and m18 are
    # ready now in P3; e03 moved in P3.
    stalled = found.pop(("successor_readiness_stalled", ("e02", "e01")))
    assert stalled.evidence == {"days": 366.0, "periods": 3.0} and stalled.severity == "medium"
    assert stalled.message == ("Zhao Min (e02), a named successor of Lin Wei (e01), has stayed at ready_1_2y for "
                               "366 days, since 2025-09-29 (3 periods).")
    # team_configuration fell 97.8, 96.3, 92.0; goal_alignment fell too, by under min_fall (1 point).
    falling = found.pop(("score_falling", ()))
    assert falling.score == "team_configuration" and falling.subject == {"score": "team_configuration"}
    assert falling.evidence["drop"] == pytest.approx(100 * (44 / 46 - 36 / 46) / 3)
    assert not found
    goals = result.periods["goal_alignment"].tolist()
    assert goals[0] > goals[1] > goals[2] and goals[0] - goals[2] < 1
    assert result.not_assessed == []


def test_the_policy_sets_the_series_findings(folders) -> None:
    t = teamgraph.trend(folders, policy={"trend": {"min_fall": 0.5, "stall_days": 183}})
    codes = sorted((f.code, f.score, tuple(f.people)) for f in t.series_findings if f.code != "uncovered_key_position_running")
    assert codes == [("score_falling", "goal_alignment", ()), ("score_falling", "team_configuration", ()),
                     ("successor_readiness_stalled", "succession_readiness", ("e02", "e01")),
                     ("successor_readiness_stalled", "succession_readiness", ("m43", "e06"))]
    two = teamgraph.trend(folders[1:], policy={"trend": {"periods_running": 2}})
    assert {tuple(f.people) for f in two.series_findings if f.code == "uncovered_key_position_running"} == {
        ("e01",), ("e04",), ("e06",)}
    with pytest.raises(TrendError) as caught:
        teamgraph.trend(folders, policy={"trend": {"periods_running": 1, "speed": 2, "min_fall": True}})
    assert "trend.min_fall, trend.periods_running, trend.speed" in str(caught.value)


def test_json_reports_give_the_same_trend(folders, result, tmp_path) -> None:
    reports = []
    for k, folder in enumerate(folders):
        out = tmp_path / f"r{k}.json"
        assert cli.main(["report", str(folder), "--format", "json", "--out", str(out)]) == 0
        reports.append(str(out))
    assert without_sources(teamgraph.trend(reports).to_dict()) == without_sources(result.to_dict())
    # A report written before reports carried successors and finding subjects: n/a, with the reason.
    old = json.loads(Path(reports[0]).read_text())
    del old["successors"]
    for f in old["findings"]:
        del f["subject"]
    Path(reports[0]).write_text(json.dumps(old))
    t = teamgraph.trend(reports)
    notes = {n["check"]: n for n in t.not_assessed}
    assert notes["successor_readiness_stalled"]["sources"] == [reports[0]]
    assert notes["finding_identity"]["code"] == "findings_by_people"
    assert "written without successors" in t.to_text()
    assert not [f for f in t.series_findings if f.code == "successor_readiness_stalled"]


def test_pseudonymized_reports_match_by_pseudonym_and_leak_no_id(folders, tmp_path) -> None:
    key_file = tmp_path / "key"
    key_file.write_bytes(KEY)
    reports = []
    for k, folder in enumerate(folders):
        out = tmp_path / f"p{k}.json"
        assert cli.main(["report", str(folder), "--format", "json", "--pseudonymize", str(key_file), "--out", str(out)]) == 0
        reports.append(str(out))
    t = teamgraph.trend(reports)
    from teamgraph.export import pseudonym

    assert t.pseudonymized and t.changes[1].joined == [pseudonym(KEY, "m47")] == t.changes[1].joined_labels
    assert t.changes[0].left == [pseudonym(KEY, "m46")]
    assert len(t.series_findings) == 5
    same = teamgraph.trend(folders, key=KEY)  # pseudonymized here, the same trend
    assert without_sources(same.to_dict()) == without_sources(t.to_dict())
    org = teamgraph.read_org(folders[-1])
    names = [n for n in org.people["name"] if isinstance(n, str)]
    for text in (t.to_text(), t.to_json(), t.to_html(), same.to_text(), same.to_json()):
        assert not [i for i in org.ids + ["m46"] if re.search(rf"\b{i}\b", text)]
        assert not [n for n in names + ["Xu Cai"] if n in text]


def test_any_order_gives_the_same_bytes(folders, tmp_path, capsys) -> None:
    outputs = set()
    for order in itertools.permutations([str(f) for f in folders]):
        for fmt in ("json", "text", "html"):
            out = tmp_path / f"trend.{fmt}"
            assert cli.main(["trend", *order, "--format", fmt, "--out", str(out)]) == 0
            outputs.add((fmt, out.read_bytes()))
    assert len(outputs) == 3


def test_the_json_matches_its_schema(result) -> None:
    doc = json.loads(result.to_json())
    jsonschema.validate(doc, schema())
    assert doc["schema"] == "teamgraph-trend" and [p["period"] for p in doc["periods"]] == [P1, P2, P3]
    assert doc["periods"][0]["scores"]["team_configuration"]["coverage"] == "3 of 6"


def test_text_html_and_plot(result) -> None:
    text = result.to_text()
    assert "Who joined and who left" in text and "P2 -> P3: joined Qin Yue (m47); left -" in text
    assert re.search(r"team_configuration\s+97\.8 3/6\s+96\.3 3/6\s+92\.0 3/6", text)
    assert "resolved in P3, after 1 period" in text
    page = result.to_html()
    assert page.count("<svg") == len(result.scores) and 'id="chart-team_configuration"' in page
    from teamgraph import plot

    fig = plot.trend(result)
    assert len(fig.axes) == len(result.scores)
    assert len(plot.trend(result, scores=["health_index"]).axes) == 1


def test_chinese(folders) -> None:
    t = teamgraph.trend(folders, lang="zh-CN")
    text, page = t.to_text(), t.to_html()
    assert "人员加入与离开" in text and "只有跨周期才能看出的发现" in text
    assert "准备度停留在“1-2年内可接任”已有366天（自2025-09-29起，连续3个周期）" in text
    assert "储备机制" in text
    for output in (text, page):
        assert not re.search(r"\btrend\.[a-z_.]+", output), "a catalog key with no entry"


def test_bad_series_every_problem_at_once_naming_the_file(folders, tmp_path, capsys) -> None:
    def copy(folder: Path, folder_name: str, **team) -> str:
        target = tmp_path / folder_name
        shutil.copytree(folder, target)
        settings = json.loads((target / "team.json").read_text())
        settings.update(team)
        settings = {k: v for k, v in settings.items() if v is not None}
        (target / "team.json").write_text(json.dumps(settings))
        return str(target)

    p1, p2, p3 = (str(f) for f in folders)
    other = copy(folders[0], "other", name="Another shop", period={"start": "2024-01-01", "end": "2024-06-30"})
    same = copy(folders[1], "same", period={"start": "2025-09-30", "end": "2026-03-31"})
    overlap = copy(folders[2], "overlap", period={"start": "2026-09-01", "end": "2026-12-31"})
    missing = copy(folders[2], "missing", period=None)
    broken = copy(folders[2], "broken")
    (Path(broken) / "people.csv").write_text("id,manager_id\na,zz\n")
    with pytest.raises(TrendError) as caught:
        teamgraph.trend([p1, p2, p3, other, same, overlap, missing, broken])
    found = {(p.source, p.code) for p in caught.value.problems}
    assert {(other, "other_team"), (same, "same_period"), (overlap, "overlap"), (missing, "no_period"),
            (broken, "invalid"), (p1, "gap")} <= found
    assert cli.main(["trend", p1, p2, p3, other, same, overlap, missing, broken]) == 2
    err = capsys.readouterr().err
    assert all(source in err for source, _ in found) and "unknown_id" in err

    gap = copy(folders[2], "later", period={"start": "2027-01-01", "end": "2027-06-30"})
    with pytest.raises(TrendError, match="no snapshot covers 2026-10-01 to 2026-12-31"):
        teamgraph.trend([p1, p2, p3, gap])
    allowed = teamgraph.trend([p1, p2, p3, gap], allow_gaps=True)
    assert allowed.series_findings == []  # nothing runs across the gap, and one period after it is no series

    key_file = tmp_path / "key"
    key_file.write_bytes(KEY)
    hidden = tmp_path / "hidden.json"
    assert cli.main(["report", p3, "--format", "json", "--pseudonymize", str(key_file), "--out", str(hidden)]) == 0
    with pytest.raises(TrendError) as caught:
        teamgraph.trend([p1, p2, str(hidden)])
    assert [(p.source, p.code) for p in caught.value.problems] == [(str(hidden), "pseudonymized_among_plain")]
    with pytest.raises(TrendError) as caught:  # another key: no one in common
        teamgraph.trend([p2, str(hidden)], key=b"another-key-of-at-least-16-bytes")
    assert [p.code for p in caught.value.problems] == ["other_key"]
    aggregate = tmp_path / "aggregate.json"
    assert cli.main(["report", p3, "--format", "json", "--aggregate-only", "--out", str(aggregate)]) == 0
    with pytest.raises(TrendError) as caught:
        teamgraph.trend([p1, str(aggregate), str(tmp_path / "nowhere")])
    assert {p.code for p in caught.value.problems} == {"aggregate_only", "not_found"}
    with pytest.raises(TrendError, match="at least two snapshots") as caught:
        teamgraph.trend([p1])
    assert "趋势至少需要两个快照" in caught.value.text("zh-CN")


def test_orgs_reports_and_report_dicts_are_snapshots_too(folders, result) -> None:
    p1, p2, p3 = folders
    mixed = teamgraph.trend([teamgraph.assess(teamgraph.read_org(p3)).to_dict(), teamgraph.read_org(p1),
                             teamgraph.assess(teamgraph.read_org(p2))])
    assert without_sources(mixed.to_dict()) == without_sources(result.to_dict())
    with pytest.raises(TrendError) as caught:
        teamgraph.trend([teamgraph.read_org(p1), 42])
    assert [(p.source, p.code) for p in caught.value.problems] == [("snapshot 2", "not_a_snapshot")]


def test_a_period_inside_another_overlaps_every_one_it_meets(result) -> None:
    docs = [json.loads(json.dumps(s.doc)) for s in result.snapshots]
    docs[0]["period"] = {"start": "2025-01-01", "end": "2026-12-31"}
    with pytest.raises(TrendError) as caught:
        teamgraph.trend(docs)
    assert [(p.source, p.code, p.args["other"]) for p in caught.value.problems] == [
        ("snapshot 2", "overlap", "snapshot 1"), ("snapshot 3", "overlap", "snapshot 1")]

"""Scores through the Python API: hand-checked numbers, the sample team, what-if and diffs."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import teamgraph
from teamgraph import Org

POLICY = {"leadership": {"required": ["planning", "control", "command"], "unit_required": ["planning", "command"]}}


def small_org(c_control: str = "0.55") -> Org:
    people = pd.DataFrame({"id": ["A", "B", "C", "D", "E"], "tier": ["core", "core", "core", "execution", "execution"],
                           "manager_id": [None, "A", "A", "B", "B"], "flight_risk": [0.5, 0.1, 0.2, 0.3, None]})
    competencies = pd.DataFrame(
        [("A", "planning", 0.9), ("B", "planning", 0.7), ("C", "planning", 0.3), ("A", "control", 0.5),
         ("C", "control", float(c_control)), ("A", "command", 0.8), ("B", "command", 0.4)],
        columns=["person_id", "competency", "score"])
    successors = pd.DataFrame([("A", "B", "ready_now"), ("B", "D", "ready_1_2y"), ("B", "E", "ready_3y_plus")],
                              columns=["incumbent_id", "successor_id", "readiness"])
    sharing = pd.DataFrame([("A", "B", "offline"), ("B", "D", "online"), ("D", "E", "online"), ("A", "C", "offline")],
                           columns=["person_a", "person_b", "channel"])
    return Org.from_frames(people, competencies=competencies, successors=successors, sharing=sharing)


def test_hand_checked_scores() -> None:
    report = teamgraph.assess(small_org(), policy=POLICY)
    assert report.scores["leadership_coverage"] == pytest.approx(40.0)
    assert report.scores["succession_readiness"] == pytest.approx((100 + 75 + 0) / 3)
    coverage = report.coverage.set_index("competency")
    assert coverage.loc["control", "best_holder"] == "C"
    assert coverage.loc["control", "depth"] == 0
    assert report.training_plan == {"trainees": {"C": ["control"]}, "hire_for": []}
    first = report.findings[0]
    assert (first.severity, first.code, first.people) == ("critical", "missing_competency", ["C"])
    assert first.message == "No one in the core layer reaches 0.60 on control; the closest is C at 0.55 (a gap of 0.05)."


def test_departure_impact_table() -> None:
    report = teamgraph.assess(small_org("0.65"), policy=POLICY)
    d = report.departure_impact.set_index("id")
    assert d.loc["A", "coverage_drop"] == pytest.approx(260 / 3 - 40)
    assert d.loc["A", "unit_left"] == 4
    # Sharing: A-B, B-D, D-E, A-C. The core (A, B, C) reaches D through B only; E through D.
    assert d.loc["B", "cut_off"] == 2
    assert d.loc["D", "cut_off"] == 1
    assert d.loc["A", "cut_off"] == 0
    assert pd.isna(d.loc["E", "risk"])
    assert list(report.departure_impact["rank"]) == [1, 2, 3, 4, 5]


def test_scores_absent_without_data() -> None:
    org = Org.from_frames(pd.DataFrame({"id": ["a", "b"], "manager_id": [None, "a"]}))
    report = teamgraph.assess(org)
    assert report.scores["leadership_coverage"] is None and report.scores["succession_readiness"] is None
    assert report.absent_reasons["leadership_coverage"] == "no competencies table"
    assert report.absent_reasons["succession_readiness"] == "no successors table"
    assert report.absent_reasons["team_configuration"] == "no configuration in team.json"
    # Unified management needs only the people table.
    assert report.scores["unified_management"] is not None
    frame = report.scores_frame().set_index("name")
    assert frame.loc["leadership_coverage", "value"] != frame.loc["leadership_coverage", "value"]  # NaN
    assert frame.loc["leadership_coverage", "absent_reason"] == "no competencies table"


def test_policy_overrides_and_errors() -> None:
    assert teamgraph.default_policy()["leadership"]["threshold"] == 0.6
    strict = teamgraph.assess(small_org("0.65"), policy={**POLICY, "leadership": {**POLICY["leadership"], "threshold": 0.95}})
    assert strict.scores["leadership_coverage"] < 40
    with pytest.raises(ValueError, match="leadership.treshold: unknown policy setting"):
        teamgraph.assess(small_org(), policy={"leadership": {"treshold": 0.7}})


def test_sample_team_report() -> None:
    org = teamgraph.read_org(teamgraph.sample_team_path())
    report = teamgraph.assess(org)
    codes = {f.code for f in report.findings}
    # The sample is built to show: a missing core capability, a key seat with no successor.
    assert "missing_competency" in codes
    assert any(f.code == "uncovered_key_position" and f.people == ["e04"] for f in report.findings)
    assert report.scores["leadership_coverage"] <= 40
    assert report.truck_factor is not None and report.truck_factor.value >= 1
    impact = report.departure_impact
    assert impact["risk"].iloc[0] == impact["risk"].max()
    assert impact.set_index("id").loc["e01", "unit_left"] == 45


def test_assess_on_one_or_two_threads_gives_the_same_report() -> None:
    org = teamgraph.read_org(teamgraph.sample_team_path())
    one, two, auto = (teamgraph.assess(org, threads=t) for t in (1, 2, None))
    for other in (two, auto):
        assert other.scores == one.scores
        pd.testing.assert_frame_equal(other.findings_frame(), one.findings_frame())
        pd.testing.assert_frame_equal(other.people, one.people)
    assert len(one.findings) > 10
    for bad in (0, -1, True, 1.5, "2"):
        with pytest.raises(ValueError, match="threads"):
            teamgraph.assess(org, threads=bad)


def test_vacancy_cascade() -> None:
    cascade = teamgraph.vacancy_cascade(small_org(), "A")
    assert cascade == {"leaver": "A", "chain": [("A", "B")], "unfilled": "B", "truncated": False}


def test_what_if_leaves_the_original_untouched() -> None:
    org = small_org("0.65")
    before = teamgraph.assess(org, policy=POLICY)
    changed = org.what_if(leave=["A"], promote={"A": "B"})
    assert len(org) == 5 and len(changed) == 4
    people = changed.people.set_index("id")
    assert pd.isna(people.loc["B", "manager_id"])
    assert people.loc["C", "manager_id"] == "B"
    after = teamgraph.assess(changed, policy=POLICY)
    diff = before.diff(after)
    row = diff.scores.set_index("score").loc["leadership_coverage"]
    assert row["before"] == pytest.approx(260 / 3) and row["after"] == pytest.approx(40.0)
    assert any(f.code == "missing_competency" for f in diff.appeared)
    assert "score changes:" in str(diff)


def test_what_if_add_successor_and_move() -> None:
    org = small_org()
    better = org.what_if(add_successor=[("C", "A", "ready_now"), ("B", "D", "ready_now")])
    assert teamgraph.assess(better, policy=POLICY).scores["succession_readiness"] == pytest.approx(100.0)
    # E named for both B and C counts half for each: C's bench is 0.5.
    shared = org.what_if(add_successor=[("C", "E", "ready_now"), ("B", "D", "ready_now")])
    assert teamgraph.assess(shared, policy=POLICY).scores["succession_readiness"] == pytest.approx((100 + 100 + 50) / 3)
    moved = org.what_if(move={"E": "A"})
    assert moved.people.set_index("id").loc["E", "manager_id"] == "A"
    with pytest.raises(ValueError, match="not vacant"):
        org.what_if(promote={"A": "B"})
    with pytest.raises(ValueError, match="no person has the id 'nobody'"):
        org.what_if(leave=["nobody"])
    with pytest.raises(teamgraph.OrgDataError) as err:
        org.what_if(move={"A": "D"})
    assert "reporting_cycle" in {p.code for p in err.value.problems}


def test_what_if_keeps_declared_scales() -> None:
    org = teamgraph.read_org(teamgraph.sample_team_path())
    same = org.what_if()
    pd.testing.assert_frame_equal(same.table("competencies"), org.table("competencies"))
    assert teamgraph.assess(same).scores == teamgraph.assess(org).scores


def test_a_few_findings_texts_are_written_alone_and_equal_all_of_them(monkeypatch) -> None:
    # A report showing its top ten writes those ten texts, not every finding's; a caller going
    # through the findings one by one gets all of them written once (teamgraph.findings._ALONE).
    from teamgraph import findings as findings_module

    report = teamgraph.assess(teamgraph.read_org(teamgraph.sample_team_path()))
    fresh = teamgraph.assess(report.org).findings
    chosen = [len(fresh) - 1, 0, 3]
    message, recommendation = fresh.texts(chosen)
    assert fresh._texts is None  # written alone
    every_message, every_recommendation = report.findings.texts()
    assert message.to_pylist() == [every_message[k].as_py() for k in chosen]
    assert recommendation.to_pylist() == [every_recommendation[k].as_py() for k in chosen]
    rows = fresh.rows(chosen)
    assert [r.message for r in rows] == [every_message[k].as_py() for k in chosen]
    assert fresh[3].message == report.findings[3].message
    # A pseudonymized report's texts are written all at once (the core gets every pseudonym a call).
    masked = teamgraph.assess(report.org).pseudonymize(b"a-key-of-at-least-16-bytes").findings
    assert masked[3].message and masked._texts is not None
    monkeypatch.setattr(findings_module, "_ALONE", 5)
    one_by_one = teamgraph.assess(report.org).findings
    assert [f.message for f in one_by_one] == every_message.to_pylist()
    assert one_by_one._texts is not None and one_by_one._alone == 5
    with pytest.raises(IndexError):
        fresh._core.texts(fresh._catalog.text_catalog(), None, [len(fresh)])


def test_many_findings_texts_written_in_slices_read_as_one_column() -> None:
    # Over 4,096 findings, the texts are written in slices on worker threads and handed over as
    # the slices' chunks: finding k's text is the one written for it alone, in every slice.
    rng = np.random.default_rng(3)
    n = 6000
    ids = [f"p{i}" for i in range(n)]
    people = pd.DataFrame({"id": ids, "manager_id": [""] + [ids[(i - 1) // 5] for i in range(1, n)],
                           "tier": ["core"] * 3 + ["execution"] * (n - 3)})
    dimensions = ["professional_knowledge", "conduct", "expression"]
    competencies = pd.DataFrame({"person_id": np.repeat(ids, len(dimensions)), "competency": dimensions * n,
                                 "score": np.round(rng.uniform(0.05, 1.0, size=n * len(dimensions)), 2)})
    report = teamgraph.assess(teamgraph.Org.from_frames(people=people, competencies=competencies))
    findings = report.findings
    assert len(findings) > 4096
    frame = report.findings_frame()
    message, recommendation = findings.texts()
    assert len(message) == len(recommendation) == len(frame) == len(findings)
    assert frame["message"].tolist() == message.to_pylist()
    fresh = teamgraph.assess(report.org).findings
    for k in range(0, len(findings), 97):
        alone = fresh.texts([k])
        assert alone[0][0].as_py() == message[k].as_py() and alone[1][0].as_py() == recommendation[k].as_py(), k


def _pairwise_match(before, after):
    # The matching as first written, comparing every left finding with every unmatched one: the
    # reference for the indexed matching of teamgraph.diff.
    from teamgraph.diff import _visible

    def key(f):
        return (f.score, f.code, tuple(sorted(f.people)))

    left, unmatched, changed, appeared = {}, [], [], []
    for f in before:
        left.setdefault(key(f), []).append(f)
    for f in after:
        same = left.get(key(f))
        if same:
            old = same.pop(0)
            if _visible(old, {}) != _visible(f, {}):
                changed.append((old, f))
        else:
            unmatched.append(f)
    rest = {}
    for f in (f for group in left.values() for f in group):
        rest.setdefault((f.score, f.code), []).append(f)
    for f in unmatched:
        candidates = rest.get((f.score, f.code), [])
        people = set(f.people)
        best = max(range(len(candidates)), key=lambda i: len(people & set(candidates[i].people)), default=None)
        if best is not None and (bool(people & set(candidates[best].people)) or not (people or candidates[best].people)):
            changed.append((candidates.pop(best), f))
        else:
            appeared.append(f)
    order = {id(f): i for i, f in enumerate(before)}
    disappeared = sorted((f for group in rest.values() for f in group), key=lambda f: order[id(f)])
    changed.sort(key=lambda pair: order[id(pair[0])])
    return appeared, disappeared, changed


@pytest.mark.parametrize("changes", [{"leave": ["e01"]}, {"leave": ["m11", "s02"]}, {"leave": ["m22", "m25", "s01"]},
                                     {"leave": ["e01"], "promote": {"e01": "m11"}},
                                     {"leave": ["e02", "m15"], "promote": {"e02": "m22"}}])
def test_a_what_ifs_findings_are_matched_as_comparing_every_pair_would(changes) -> None:
    def seen(f):
        return (f.score, f.code, f.severity, tuple(f.people), f.message, f.recommendation)

    org = teamgraph.read_org(teamgraph.sample_team_path())
    before = teamgraph.assess(org)
    after = teamgraph.assess(org.what_if(**changes))
    diff = before.diff(after)
    appeared, disappeared, changed = _pairwise_match(list(before.findings), list(after.findings))
    assert appeared or disappeared or changed
    assert [seen(f) for f in diff.appeared] == [seen(f) for f in appeared]
    assert [seen(f) for f in diff.disappeared] == [seen(f) for f in disappeared]
    assert [(seen(a), seen(b)) for a, b in diff.changed] == [(seen(a), seen(b)) for a, b in changed]


@pytest.mark.parametrize("pseudonymized", [False, True])
def test_matching_from_the_columns_pairs_as_the_findings_themselves_would(pseudonymized) -> None:
    # Thousands of findings, many about the same people, some about no one; what-ifs that take
    # people out and move others: the matching read from the columns (hashed keys) pairs the
    # findings exactly as the one over Finding objects does.
    from teamgraph.diff import ReportDiff, _exact_pairs, _match_findings, _Side

    rng = np.random.default_rng(11)
    n = 3000
    ids = [f"p{i}" for i in range(n)]
    managers = [""] + [ids[(i - 1) // 6] for i in range(1, n)]
    people = pd.DataFrame({"id": ids, "manager_id": managers, "tier": ["core"] * 3 + ["execution"] * (n - 3),
                           "department": [f"d{i % 7}" for i in range(n)]})
    dimensions = ["professional_knowledge", "conduct", "expression"]
    competencies = pd.DataFrame({"person_id": np.repeat(ids, len(dimensions)), "competency": dimensions * n,
                                 "score": np.round(rng.uniform(0.05, 1.0, size=n * len(dimensions)), 2)})
    pairs = rng.integers(0, n, size=(4 * n, 2))
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    pairs = np.unique(np.sort(pairs, axis=1), axis=0)
    sharing = pd.DataFrame({"person_a": [ids[i] for i in pairs[:, 0]], "person_b": [ids[i] for i in pairs[:, 1]],
                            "channel": "online"})
    org = Org.from_frames(people=people, competencies=competencies, sharing=sharing)

    def seen(f):
        return (f.score, f.code, f.severity, tuple(f.people), f.message, f.recommendation)

    key = b"a-key-of-at-least-16-bytes"
    for changes in ({"leave": ["p1"]}, {"leave": ["p2", "p40", "p700"]}, {"move": {"p100": "p7", "p101": "p8"}}):
        before, after = teamgraph.assess(org), teamgraph.assess(org.what_if(**changes))
        if pseudonymized:
            before, after = before.pseudonymize(key), after.pseudonymize(key)
        assert len(before.findings) > 2000
        assert _exact_pairs(_Side(before.findings), _Side(after.findings)) is not None  # the columns' way
        by_columns = before.diff(after)
        by_objects = ReportDiff.__new__(ReportDiff)
        by_objects.appeared, by_objects.disappeared, by_objects.changed = [], [], []
        _match_findings(list(before.findings), list(after.findings), by_objects)
        assert by_columns.appeared or by_columns.disappeared or by_columns.changed
        assert [seen(f) for f in by_columns.appeared] == [seen(f) for f in by_objects.appeared]
        assert [seen(f) for f in by_columns.disappeared] == [seen(f) for f in by_objects.disappeared]
        assert [(seen(a), seen(b)) for a, b in by_columns.changed] == [(seen(a), seen(b)) for a, b in by_objects.changed]
        # The diff's text and data, written from the columns in bulk, are those of its findings
        # made one by one (plain lists of the same Finding objects).
        as_lists = ReportDiff.__new__(ReportDiff)
        as_lists.__dict__.update(by_columns.__dict__)
        as_lists.appeared, as_lists.disappeared = list(by_columns.appeared), list(by_columns.disappeared)
        as_lists.changed = list(by_columns.changed)
        assert by_columns.to_text() == as_lists.to_text()
        assert by_columns.to_text("zh-CN") == as_lists.to_text("zh-CN")
        assert json.dumps(by_columns.to_dict(), sort_keys=True) == json.dumps(as_lists.to_dict(), sort_keys=True)  # NaN alike
        # Its JSON, the findings written by the core, is json.dumps of its data (null for NaN).
        assert by_columns.to_json() == as_lists.to_json()
        assert json.loads(by_columns.to_json(), parse_constant=pytest.fail)["changed"]
        assert by_columns.appeared == as_lists.appeared and by_columns.changed == as_lists.changed
        assert by_columns.changed[1:3] == as_lists.changed[1:3] and by_columns.disappeared[-1:] == as_lists.disappeared[-1:]
        assert by_columns.appeared != tuple(as_lists.appeared) and by_columns.changed != ""  # a list's equality


@pytest.mark.parametrize("pseudonymized", [False, True])
def test_a_side_reads_findings_people_alike_one_at_a_time_or_from_the_list(pseudonymized) -> None:
    # The diff reads a few findings' people from the report and, once it has read many, from the
    # list of every id, made once: the same people either way, in the same order.
    from teamgraph.diff import _Side

    report = teamgraph.assess(teamgraph.read_org(teamgraph.sample_team_path()))
    if pseudonymized:
        report = report.pseudonymize(b"a-key-of-at-least-16-bytes")
    expected = [list(f.people) for f in report.findings]
    assert sum(map(len, expected)) > 20
    side = _Side(report.findings)
    side._read_limit = 5  # a few read one at a time, then the list
    assert [side.people(k) for k in range(len(report.findings))] == expected
    assert side._ids is not None  # the list was made


def test_a_person_renamed_changes_no_finding() -> None:
    # The diff tells findings alike by what their words are made of (arguments; people by id and
    # by name) before it writes any text, and reads the texts of the others: a finding whose only
    # difference is how a person is named (renamed between two reports) is the same finding, as
    # the diff reads findings up to how their people are named; so in pseudonymized reports.
    org = teamgraph.read_org(teamgraph.sample_team_path())
    frames = {name: org.table(name) for name in org.tables}
    people = frames["people"]
    old = people.loc[people["id"] == "e01", "name"].item()
    people.loc[people["id"] == "e01", "name"] = "Someone Else"
    before, after = teamgraph.assess(org), teamgraph.assess(Org.from_frames(**frames, team=org.team))
    named = [f for f in before.findings if old in f.message + f.recommendation]
    renamed = [f for f in after.findings if "Someone Else" in f.message + f.recommendation]
    assert len(named) > 3 and len(renamed) == len(named)  # their words differ
    diff = before.diff(after)
    assert not diff.appeared and not diff.disappeared and not diff.changed
    key = b"a-key-of-at-least-16-bytes"
    hidden = before.pseudonymize(key).diff(after.pseudonymize(key))
    assert not hidden.appeared and not hidden.disappeared and not hidden.changed


@pytest.mark.parametrize("few", [0, 64])
def test_unmatched_findings_pair_with_the_one_sharing_most_people_first(few, monkeypatch) -> None:
    # Random findings of two codes, many about overlapping people, some about no one: the indexed
    # matching (few=0), and the set intersections it uses for a few candidates, pair them as
    # comparing every pair would (most people shared, then the first; a finding about no one with
    # the first one left if it is about no one too).
    import random

    from teamgraph import diff as diff_module
    from teamgraph.diff import ReportDiff, _match_findings
    from teamgraph.findings import Finding

    monkeypatch.setattr(diff_module, "_FEW", few)

    rng = random.Random(5)

    def some(n):
        out = []
        for k in range(n):
            people = rng.sample([f"p{i}" for i in range(12)], rng.choice([0, 1, 2, 3, 5]))
            out.append(Finding("s", rng.choice(["a", "b"]), rng.choice(["low", "high"]), people,
                               f"m{rng.randrange(3)}", {}, "r"))
        return out

    def seen(f):
        return (f.code, f.severity, tuple(f.people), f.message)

    for _ in range(200):
        before, after = some(rng.randrange(12)), some(rng.randrange(12))
        diff = ReportDiff.__new__(ReportDiff)
        diff.appeared, diff.disappeared, diff.changed = [], [], []
        _match_findings(before, after, diff)
        appeared, disappeared, changed = _pairwise_match(before, after)
        assert [seen(f) for f in diff.appeared] == [seen(f) for f in appeared]
        assert [seen(f) for f in diff.disappeared] == [seen(f) for f in disappeared]
        assert [(seen(a), seen(b)) for a, b in diff.changed] == [(seen(a), seen(b)) for a, b in changed]


@pytest.mark.parametrize("form", ["{name} ({id})", "[{id}] {name}, {name}", "{id}", "{name}", "no one", "{{{name}}}"])
def test_people_in_the_core_texts_take_the_catalog_form_of_a_named_person(form: str) -> None:
    # The core writes a named person's label from the catalog's person.named (cut once into its
    # pieces): any form of the entry, names and ids in any order or none, braces escaped.
    from teamgraph import _core
    from teamgraph.catalog import Catalog

    report = teamgraph.assess(teamgraph.read_org(teamgraph.sample_team_path()))
    catalog = Catalog.get("en")
    entries = [(key, [entry] if isinstance(entry, str) else list(entry), catalog._rules[key])
               for key, entry in catalog._entries.items() if key != "person.named"]
    entries.append(("person.named", [form], catalog._rules["person.named"]))
    message, _ = report.findings._core.texts(_core.TextCatalog(entries), None)
    offsets, data = message[0]
    first = bytes(data[offsets[0]:offsets[1]]).decode()
    index = report.findings.columns["people"][report.findings.columns["people_offsets"][0]]
    person = report.org.find(report.findings[0].people[0])
    assert person == index
    name, pid = report.people["name"].iloc[person], report.people["id"].iloc[person]
    assert name
    assert form.format(name=name, id=pid) in first


def test_a_person_form_the_core_cannot_fill_fails_when_a_person_is_named() -> None:
    from teamgraph import _core
    from teamgraph.catalog import Catalog

    report = teamgraph.assess(teamgraph.read_org(teamgraph.sample_team_path()))
    catalog = Catalog.get("en")
    entries = [(key, [entry] if isinstance(entry, str) else list(entry), catalog._rules[key])
               for key, entry in catalog._entries.items() if key != "person.named"]
    entries.append(("person.named", ["{name} of {unit}"], catalog._rules["person.named"]))
    with pytest.raises(ValueError, match=r"person.named: no value for \{unit\}"):
        report.findings._core.texts(_core.TextCatalog(entries), None)

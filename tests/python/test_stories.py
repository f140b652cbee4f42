"""The article's two succession stories (examples/no-reserve, examples/trained-reserves): a team
whose vice-president leaves with no reserve falls into disorder; a team that trained reserves
loses the same leader and stays in control."""

import json
from pathlib import Path

import pytest

import teamgraph

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def departure_cost(team: str, **what_if):
    org = teamgraph.read_org(EXAMPLES / team)
    changed = org.what_if(leave=["vp"], **what_if)
    return teamgraph.assess(org).diff(teamgraph.assess(changed)), changed


def change(diff, score):
    return float(diff.scores.set_index("score").loc[score, "change"])


def test_the_team_with_trained_reserves_stays_in_control():
    no_reserve, _ = departure_cost("no-reserve")
    trained, changed = departure_cost("trained-reserves")
    assert changed.changes.filled == [("vp", "om1"), ("om1", "a1")]
    assert changed.changes.unfilled == []
    # The same leaver costs the team without reserves far more.
    assert change(no_reserve, "health_index") < change(trained, "health_index") - 10
    assert change(no_reserve, "leadership_coverage") < -40
    assert change(trained, "leadership_coverage") >= 0
    # om1 took the vice-president's core seat, with its reports and its bench.
    assert changed.people.set_index("id").loc["om1", ["tier", "manager_id"]].tolist() == ["core", "gm"]
    assert changed.people.set_index("id").loc["a1", "manager_id"] == "om1"


def test_without_reserves_the_seat_stays_empty_and_the_diff_says_so():
    diff, changed = departure_cost("no-reserve")
    assert changed.changes.filled == [] and changed.changes.unfilled == ["vp"]
    text = diff.to_text()
    assert text.splitlines()[0] == "vp's seat stays empty: no ready-now successor is left for it"
    # vp's reports go up to the general manager.
    assert set(changed.people.query("manager_id == 'gm'")["id"]) == {"cmo", "om1", "om2"}


def test_no_fill_keeps_the_seat_empty_even_with_reserves():
    trained, _ = departure_cost("trained-reserves")
    unfilled, changed = departure_cost("trained-reserves", fill=False)
    assert changed.changes.filled == [] and changed.changes.unfilled == []
    assert change(unfilled, "leadership_coverage") < change(trained, "leadership_coverage") - 40


def test_promote_overrides_the_fill():
    _, changed = departure_cost("trained-reserves", promote={"vp": "om2"})
    assert changed.changes.promoted == {"vp": "om2"}
    assert changed.changes.filled == [("om2", "b1")]  # om2's own seat is then filled from its bench


@pytest.mark.parametrize("fill", [True, False])
def test_what_if_keeps_an_absent_successors_table_absent(fill):
    people = teamgraph.read_org(EXAMPLES / "no-reserve").table("people", normalized=True)  # on 0-1: no team.json
    bare = teamgraph.Org.from_frames(people=people)  # no successors table
    report = teamgraph.assess(bare.what_if(leave=["vp"], promote={"vp": "om1"}, fill=fill))
    assert report.scores["succession_readiness"] is None
    assert not [f for f in report.findings if f.code == "uncovered_key_position"]


def test_a_finding_whose_count_changed_is_changed_not_new():
    org = teamgraph.read_org(teamgraph.sample_team_path())
    diff = teamgraph.assess(org).diff(teamgraph.assess(org.what_if(leave=["e02"])))
    changed = {(a.code, tuple(a.people)): (a, b) for a, b in diff.changed}
    a, b = changed[("manager_lacks_leadership", ("e01",))]
    assert "45 people" in a.message and "44 people" in b.message
    appeared = {(f.code, tuple(f.people)) for f in diff.appeared}
    disappeared = {(f.code, tuple(f.people)) for f in diff.disappeared}
    assert not appeared & disappeared
    assert ("manager_lacks_leadership", ("e01",)) not in appeared | disappeared
    # The same people listed in another order (a what-if renumbers people) is not a change.
    assert not [a for a, b in diff.changed if set(a.people) == set(b.people) and a.severity == b.severity
                and sorted(a.message.split()) == sorted(b.message.split())]


def test_cli_what_if_json_and_pseudonyms(tmp_path, capsys):
    from teamgraph.cli import main

    path = str(EXAMPLES / "trained-reserves")
    assert main(["what-if", path, "--leave", "vp", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["changes"]["filled"] == [["vp", "om1"], ["om1", "a1"]]
    assert {"before", "after", "change"} <= set(out["scores"][0])
    assert isinstance(out["changed"], list)
    key = tmp_path / "key"
    key.write_text("0123456789abcdef0123456789abcdef")
    assert main(["what-if", path, "--leave", "vp", "--pseudonymize", str(key)]) == 0
    text = capsys.readouterr().out
    assert "om1" not in text and " steps into " in text
    assert main(["what-if", path, "--leave", "vp", "--no-fill", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["changes"]["unfilled"] == []


def test_departure_figures_whose_tables_are_absent_are_not_measured():
    from teamgraph.export import schema

    import jsonschema
    import numpy as np

    report = teamgraph.assess(teamgraph.read_org(EXAMPLES / "no-reserve"))  # no sharing, no contributions
    impact = report.departure_impact.set_index("id")
    assert np.isnan(impact.loc["vp", "cut_off"]) and np.isnan(impact.loc["vp", "orphaned_artifacts"])
    assert impact.loc["vp", "unit_left"] == 9 and impact.loc["vp", "coverage_drop"] > 0
    document = json.loads(report.to_json())
    jsonschema.validate(document, schema())
    vp = next(p for p in document["people"] if p["id"] == "vp")
    assert vp["cut_off"] is None and vp["orphaned_artifacts"] is None
    people = report.org.table("people", normalized=True)  # on 0-1: no team.json needed
    bare = teamgraph.assess(teamgraph.Org.from_frames(people=people))  # no competencies either
    assert np.isnan(bare.departure_impact["coverage_drop"]).all()

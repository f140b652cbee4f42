from __future__ import annotations

import io
import json

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import teamgraph
from teamgraph import Org, OrgDataError


@pytest.fixture(scope="module")
def sample() -> Org:
    return teamgraph.read_org(teamgraph.sample_team_path())


def test_sample_team_loads(sample: Org) -> None:
    assert len(sample) == 46
    assert sample.name == "Harbor & Pine online store"
    assert sample.tables == sorted(teamgraph.org.TABLES)
    assert sample.ids[0] == "e01"
    assert sample.warnings == []
    assert sample.team["period"] == {"start": "2026-07-01", "end": "2026-09-30"}
    assert repr(sample) == "<teamgraph.Org 'Harbor & Pine online store': 46 people, 4 layers>"


def test_people_frame_has_every_column_and_extras(sample: Org) -> None:
    people = sample.people
    assert list(people.columns[:12]) == ["id", "name", "department", "role", "tier", "manager_id", "assessment",
                                         "potential", "flight_risk", "has_career_plan", "has_quantified_kpi",
                                         "learning_hours"]
    assert "hired" in people.columns  # an extra column, kept as text
    e04 = people.set_index("id").loc["e04"]
    assert e04["tier"] == "core"
    assert e04["manager_id"] == "e01"
    assert e04["flight_risk"] == pytest.approx(0.6)
    assert e04["assessment"] == 4  # as read, on the declared 1-5 scale
    assert people["tier"].value_counts()["core"] == 6
    normalized = sample.table("people", normalized=True).set_index("id").loc["e04"]
    assert normalized["assessment"] == 0.75  # (4 - 1) / (5 - 1), as the scores use it
    assert normalized["flight_risk"] == e04["flight_risk"]  # undeclared: on 0-1 already
    pd.testing.assert_frame_equal(sample.people, sample.table("people"))


def test_a_table_of_some_columns_only(sample: Org) -> None:
    """table(columns=...): those columns in the table's order, the same values as the whole
    table's; a column the table does not have is named in a ValueError."""
    whole = sample.table("people", normalized=True)
    some = sample.table("people", normalized=True, columns=["tier", "id", "assessment"])
    assert list(some.columns) == ["id", "tier", "assessment"]
    pd.testing.assert_frame_equal(some, whole[["id", "tier", "assessment"]])
    with pytest.raises(ValueError, match="no column 'salary'"):
        sample.table("people", columns=["id", "salary"])
    lean = Org.from_frames(people=sample.people[["id", "name", "tier", "manager_id"]])
    assert lean.table("operations", columns=["date"]).empty  # a table not given: empty, as without columns


def test_text_columns_come_back_as_text_with_missing_cells() -> None:
    # They cross as Arrow buffers: UTF-8 intact, a missing cell missing, pandas' text dtype.
    org = Org.from_frames(pd.DataFrame({"id": ["b", "a", "ü7"], "name": ["Zoë", None, "李雷"],
                                        "manager_id": [None, "b", "b"]}))
    people = org.people
    assert people["id"].dtype == pd.Series([], dtype="str").dtype
    assert list(people["id"]) == ["b", "a", "ü7"]  # the top, then its reports in id order
    assert people["name"].isna().tolist() == [False, True, False]
    assert (people.loc[0, "name"], people.loc[2, "name"]) == ("Zoë", "李雷")
    assert people["manager_id"].isna().tolist() == [True, False, False]
    assert list(people["manager_id"].iloc[1:]) == ["b", "b"]
    report = teamgraph.assess(org)
    assert report.people["name"].isna().tolist() == [False, True, False]
    assert sorted(report.departure_impact["id"]) == ["a", "b", "ü7"]


def test_numeric_columns_are_read_only_views(sample: Org) -> None:
    column = sample._core.table_columns("people")["assessment"]
    assert isinstance(column, np.ndarray)
    assert not column.flags.writeable


def test_from_frames_round_trip(sample: Org) -> None:
    # The frames hold the values as read, on the declared scales: they go straight back in.
    again = Org.from_frames(**{name: sample.table(name) for name in sample.tables}, team=sample.team)
    for name in sample.tables:
        pd.testing.assert_frame_equal(again.table(name), sample.table(name), check_exact=True)


def test_text_columns_in_several_arrow_chunks_read_as_one(sample: Org) -> None:
    # A column pandas holds as several Arrow chunks (a concatenation, a slice) is joined for the
    # core; the org is the one of the same columns in one piece.
    import pyarrow as pa

    def chunked(frame: pd.DataFrame) -> pd.DataFrame:
        out = {}
        for column in frame.columns:
            values = frame[column]
            if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
                cells = [None if pd.isna(v) else str(v) for v in values]
                half = len(cells) // 2
                pieces = [pa.array(["x"] + cells[:half], type=pa.large_string()).slice(1),
                          pa.array([], type=pa.large_string()), pa.array(cells[half:], type=pa.large_string())]
                out[column] = pd.arrays.ArrowExtensionArray(pa.chunked_array(pieces))
            else:
                out[column] = values.to_numpy()
        return pd.DataFrame(out, index=frame.index)

    again = Org.from_frames(**{name: chunked(sample.table(name)) for name in sample.tables}, team=sample.team)
    for name in sample.tables:
        pd.testing.assert_frame_equal(again.table(name), sample.table(name), check_exact=True)
    assert teamgraph.assess(again).scores == teamgraph.assess(sample).scores


def test_a_missing_score_in_a_column_of_numbers_is_a_missing_value() -> None:
    # Not "wrong_type: expected a column of text" about a column of numbers, as it was.
    people = pd.DataFrame({"id": ["a", "b"], "manager_id": [None, "a"]})
    competencies = pd.DataFrame({"person_id": ["a", "b"], "competency": ["planning"] * 2, "score": [0.5, np.nan]})
    with pytest.raises(OrgDataError) as err:
        Org.from_frames(people, competencies=competencies)
    assert [(p.code, p.record, p.field) for p in err.value.problems] == [("missing_value", 2, "score")]
    org = Org.from_frames(people, competencies=competencies, lenient=True)  # a row problem: lenient leaves the row out
    assert org.table("competencies")["person_id"].tolist() == ["a"]


def test_row_order_does_not_matter(sample: Org) -> None:
    path = teamgraph.sample_team_path()
    people = pd.read_csv(path / "people.csv", dtype=str, keep_default_na=False)
    sharing = pd.read_csv(path / "sharing.csv", dtype=str, keep_default_na=False)
    team = json.loads((path / "team.json").read_text())
    shuffled = Org.from_frames(people.sample(frac=1, random_state=3), sharing=sharing.sample(frac=1, random_state=4),
                               team=team)
    assert shuffled.ids == sample.ids
    pd.testing.assert_frame_equal(shuffled.table("sharing"), sample.table("sharing"))


def test_ids_of_one_pattern_are_found_and_ordered_whatever_the_row_order() -> None:
    # Ids alike in their first eight bytes ("person-1", "person-10", "person-1234"), in orgs big
    # enough for the id sort's radix passes: every id is found, and any row order gives the same
    # org and report (the sort left such ids in the order given).
    rows = [(f"person-{i}", "" if i == 0 else f"person-{(i - 1) // 4}", "core" if i < 5 else "execution")
            for i in range(3000)]
    people = pd.DataFrame(rows, columns=["id", "manager_id", "tier"])
    org = Org.from_frames(people)
    assert all(org.find(f"person-{i}") == org.ids.index(f"person-{i}") for i in range(0, 3000, 7))
    shuffled = Org.from_frames(people.sample(frac=1, random_state=3))
    assert shuffled.ids == org.ids
    assert teamgraph.assess(shuffled).to_json() == teamgraph.assess(org).to_json()


def test_ids_stay_text() -> None:
    org = Org.from_frames(pd.DataFrame({"id": ["007", "7"], "manager_id": [None, "007"]}))
    assert org.ids == ["007", "7"]
    assert org.find("7") == 1
    assert org.find("07") is None


def test_float_ids_get_a_clear_error() -> None:
    csv = "id,manager_id\n1,\n2,1\n"
    people = pd.read_csv(io.StringIO(csv))  # manager_id becomes float64 because of the empty cell
    with pytest.raises(OrgDataError) as err:
        Org.from_frames(people)
    (problem,) = err.value.problems
    assert problem.code == "id_as_float"
    assert problem.field == "manager_id"
    assert "dtype=str, keep_default_na=False" in problem.message


def test_every_problem_comes_back_in_one_error() -> None:
    people = pd.DataFrame({"id": ["a", "b", "b", "c"], "manager_id": [None, "a", "a", "zz"],
                           "tier": ["core", "boss", "core", "core"], "assessment": [0.5, 2.0, 0.1, np.inf]})
    with pytest.raises(OrgDataError) as err:
        Org.from_frames(people)
    assert isinstance(err.value, ValueError)
    codes = sorted(p.code for p in err.value.problems)
    assert codes == ["duplicate_id", "not_finite", "out_of_range", "unknown_id", "unknown_value"]
    unknown = next(p for p in err.value.problems if p.code == "unknown_id")
    assert (unknown.file, unknown.record, unknown.person_id, unknown.field) == ("people", 4, "c", "manager_id")
    assert "no person has the id 'zz'" in unknown.message


def test_read_org_reports_all_files(data_dir) -> None:
    with pytest.raises(OrgDataError) as err:
        teamgraph.read_org(data_dir / "bad-team")
    found = {(p.code, p.file) for p in err.value.problems}
    assert {("bad_value", "team.json"), ("unknown_value", "people.csv"), ("unknown_id", "sharing.csv"),
            ("unknown_table", "peple.csv")} <= found
    assert "problems in the org data" in str(err.value)


def test_to_networkx(sample: Org) -> None:
    tree = sample.to_networkx()
    assert isinstance(tree, nx.DiGraph)
    assert tree.number_of_nodes() == 46 and tree.number_of_edges() == 45
    assert nx.is_arborescence(tree)
    assert tree.nodes["e04"]["tier"] == "core"
    succession = sample.to_networkx("successors")
    assert succession.edges["e02", "m10"]["readiness"] == "ready_now"
    sharing = sample.to_networkx("sharing")
    assert sharing.number_of_edges() == len(sample.table("sharing"))
    with pytest.raises(ValueError):
        sample.to_networkx("friends")


def test_empty_org() -> None:
    org = Org()
    assert len(org) == 0
    assert org.people.empty


def test_placeholder_people_are_in_the_hierarchy_and_out_of_the_counts() -> None:
    people = pd.DataFrame({"id": ["X", "A", "B", "C"], "name": ["Board", "Ann", "Bob", "Cy"],
                           "tier": [None, "core", None, None], "manager_id": [None, "X", "A", "X"],
                           "placeholder": [True, False, None, None]})
    org = Org.from_frames(people=people)
    assert len(org) == 4 and org.headcount == 3
    assert repr(org) == "<teamgraph.Org: 3 people and 1 placeholder, 3 layers>"
    table = org.people.set_index("id")
    assert list(table["placeholder"]) == [True, False, False, False]
    assert pd.isna(table.loc["X", "tier"]) and table.loc["B", "tier"] == "execution"  # a placeholder is in no tier
    report = teamgraph.assess(org)
    rows = report.people.set_index("id")
    assert rows.loc["X", "placeholder"] and pd.isna(rows.loc["X", "unified_management.direct_reports"]) is False
    assert pd.isna(rows.loc["X", "departure_impact"]) and pd.isna(rows.loc["X", "unit_left"])
    assert rows.loc["A", "unit_left"] == 1
    summary = json.loads(report.to_json())["summary"]
    assert summary["people"] == 3 and summary["tiers"] == {"core": 1, "execution": 2, "support": 0}
    assert summary["placeholders"] == {"count": 1, "leading": 2, "people": ["X"]}
    # The same org without the placeholder's row flagged is another team: X is then a person.
    assert Org.from_frames(people=people.drop(columns="placeholder")).headcount == 4
    # A placeholder's other fields and other tables naming them are problems.
    with pytest.raises(OrgDataError) as caught:
        Org.from_frames(people=people.assign(assessment=[0.5, None, None, None]),
                        sharing=pd.DataFrame({"person_a": ["X"], "person_b": ["A"], "channel": ["online"]}))
    assert sorted(p.code for p in caught.value.problems) == ["placeholder_field", "placeholder_named"]

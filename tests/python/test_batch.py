"""Many teams in one call, pickling, and the Dask scale-out."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest

import teamgraph


def batch_tables(teams: int = 40, size: int = 12, seed: int = 3):
    rng = np.random.default_rng(seed)
    people, competencies, sharing = [], [], []
    for t in range(teams):
        team = f"t{t:03d}"
        for i in range(size):
            people.append((team, f"p{i}", None if i == 0 else f"p{(i - 1) // 3}", "core" if i < 3 else "execution",
                           float(rng.uniform(0, 1))))
            for c in ("planning", "control", "expression"):
                competencies.append((team, f"p{i}", c, float(rng.uniform(0.3, 1))))
            if i:
                sharing.append((team, f"p{i}", f"p{int(rng.integers(0, i))}", "online"))
    people = pd.DataFrame(people, columns=["team_id", "id", "manager_id", "tier", "flight_risk"])
    competencies = pd.DataFrame(competencies, columns=["team_id", "person_id", "competency", "score"])
    sharing = pd.DataFrame(sharing, columns=["team_id", "person_a", "person_b", "channel"])
    return people, competencies, sharing


def test_assess_many_equals_one_team_at_a_time() -> None:
    people, competencies, sharing = batch_tables()
    result = teamgraph.assess_many(people, competencies=competencies, sharing=sharing, threads=2)
    assert len(result) == 40 and list(result["team_id"]) == sorted(result["team_id"])
    for team in ("t000", "t017", "t039"):
        org = teamgraph.Org.from_frames(
            people[people.team_id == team].drop(columns="team_id"),
            competencies=competencies[competencies.team_id == team].drop(columns="team_id"),
            sharing=sharing[sharing.team_id == team].drop(columns="team_id"))
        single = teamgraph.assess(org).scores
        row = result.set_index("team_id").loc[team]
        for name, value in single.items():
            assert (np.isnan(row[name]) and value is None) or row[name] == pytest.approx(value), name
    # Threads do not change the answer.
    pd.testing.assert_frame_equal(result, teamgraph.assess_many(people, competencies=competencies, sharing=sharing,
                                                                threads=1))


def test_assess_many_reports_bad_teams_and_goes_on() -> None:
    people, competencies, sharing = batch_tables(teams=5)
    people.loc[people.index[13], "manager_id"] = "nobody"  # team t001
    result = teamgraph.assess_many(people, competencies=competencies, sharing=sharing)
    bad = result.set_index("team_id").loc["t001"]
    assert bad["problems"] == 1 and np.isnan(bad["health_index"])
    (problem,) = result.attrs["problems"]["t001"]
    assert (problem.code, problem.record, problem.field) == ("unknown_id", 14, "manager_id")
    assert result["problems"].sum() == 1 and result["health_index"].notna().sum() == 4
    with pytest.raises(ValueError, match="team_id"):
        teamgraph.assess_many(people.drop(columns="team_id"))


def as_text_dtype(frame: pd.DataFrame, dtype: str) -> pd.DataFrame:
    return frame.astype({c: dtype for c in frame.columns if frame[c].dtype == object or
                         pd.api.types.is_string_dtype(frame[c].dtype)})


TEXT_DTYPES = ["str", "string[pyarrow]", "object"]  # pandas' default, Arrow-backed StringDtype, object


def test_assess_many_gives_the_same_teams_from_every_string_dtype() -> None:
    from teamgraph.org import _frame_columns

    people, competencies, sharing = batch_tables(teams=8)
    people["name"] = [f"张{k} £" if k % 5 == 0 else f"n{k}" for k in range(len(people))]  # CJK, and a 0xC2 byte
    results = []
    for dtype in TEXT_DTYPES:
        tables = {"people": people, "competencies": competencies, "sharing": sharing}
        tables = {name: as_text_dtype(frame, dtype) for name, frame in tables.items()}
        assert tables["people"]["id"].dtype == dtype
        # Every text column crosses as Arrow buffers (the fast path), not as a list of cells.
        for name, frame in tables.items():
            for column, values in _frame_columns(name, frame, []):
                if not pd.api.types.is_numeric_dtype(frame[column].dtype):
                    assert isinstance(values, tuple) and values[0] == "arrow", (dtype, name, column)
        results.append(teamgraph.assess_many(tables.pop("people"), threads=2, **tables))
    for result in results[1:]:
        pd.testing.assert_frame_equal(result, results[0])


@pytest.mark.parametrize("bad", ["\x1b[31m", "\u009b", "\x7f"])
def test_assess_many_finds_control_characters_in_every_string_dtype(bad) -> None:
    people, competencies, sharing = batch_tables(teams=3)
    competencies.loc[competencies.index[40], "competency"] = f"plan{bad}"
    found = []
    for dtype in TEXT_DTYPES:
        with pytest.raises(teamgraph.OrgDataError) as err:
            teamgraph.assess_many(as_text_dtype(people, dtype), competencies=as_text_dtype(competencies, dtype),
                                  sharing=as_text_dtype(sharing, dtype))
        found.append([(p.code, p.file, p.record, p.field, p.message) for p in err.value.problems])
    assert found[0] == found[1] == found[2] == [
        ("control_character", "competencies frame", 41, "competency", found[0][0][4])]


@pytest.mark.parametrize("offsets, message", [([0, 1, 3, 2], "offsets out of order"),
                                               ([0, 1, 2, 99], "offsets past its bytes")])
def test_assess_many_checks_text_buffers_before_reading_them_in_place(offsets, message) -> None:
    # The batch reads a text column where pandas holds it, so its Arrow offsets are checked first.
    from teamgraph import _core

    text = ("arrow", np.array(offsets, dtype=np.int64), np.frombuffer(b"abc", dtype=np.uint8),
            np.ones(3, dtype=bool))
    team = ("arrow", np.array([0, 1, 2, 3], dtype=np.int64), np.frombuffer(b"ttt", dtype=np.uint8),
            np.ones(3, dtype=bool))
    with pytest.raises(ValueError, match=f"column 'id' of people.*{message}"):
        _core.assess_many({"people": (3, [("team_id", team), ("id", text)])}, "team_id", "", "", 1)


def test_org_and_report_pickle() -> None:
    org = teamgraph.read_org(teamgraph.sample_team_path())
    again = pickle.loads(pickle.dumps(org))
    assert again.ids == org.ids
    pd.testing.assert_frame_equal(again.people, org.people)
    report = teamgraph.assess(org)
    assert pickle.loads(pickle.dumps(report)).to_json() == report.to_json()
    hidden = teamgraph.assess(org, {"min_group_size": 6}, lang="zh-CN").pseudonymize(b"key")
    again = pickle.loads(pickle.dumps(hidden))
    assert (again.to_json(), again.to_text(), again.language) == (hidden.to_json(), hidden.to_text(), "zh_CN")


def test_dask_local_cluster_matches_single_process() -> None:
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("dask.distributed")
    import teamgraph.dask

    people, competencies, sharing = batch_tables(teams=30)
    expected = teamgraph.assess_many(people, competencies=competencies, sharing=sharing)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        result = teamgraph.dask.assess_many(dd.from_pandas(people, npartitions=3),
                                            competencies=dd.from_pandas(competencies, npartitions=4),
                                            sharing=dd.from_pandas(sharing, npartitions=2), npartitions=4)
    pd.testing.assert_frame_equal(result, expected)


def test_assess_many_counts_the_findings_of_a_team_with_every_table() -> None:
    # The sample team (every table) three times over, as teams of one batch: each row's scores
    # and its findings by severity are those of assess() on the team alone (the batch counts the
    # findings without keeping their people, evidence or arguments, and sorts none).
    org = teamgraph.read_org(teamgraph.sample_team_path())
    frames = {name: org.table(name) for name in org.tables}
    batch = {name: pd.concat([frame.assign(team_id=team) for team in ("a", "b", "c")], ignore_index=True)
             for name, frame in frames.items()}
    result = teamgraph.assess_many(batch.pop("people"), team=org.team, threads=2, **batch).set_index("team_id")
    alone = teamgraph.assess(org)
    by_severity = pd.Series([f.severity for f in alone.findings]).value_counts()
    assert len(alone.findings) > 30 and len(by_severity) >= 3
    for team in ("a", "b", "c"):
        row = result.loc[team]
        for severity in ("info", "low", "medium", "high", "critical"):
            assert row[f"findings_{severity}"] == by_severity.get(severity, 0), (team, severity)
        for name, value in alone.scores.items():
            assert (value is None and np.isnan(row[name])) or row[name] == pytest.approx(value), name

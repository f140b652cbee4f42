"""Hostile input through the Python API, and runtime safety (threads, object lifetimes)."""

from __future__ import annotations

import gc
import threading

import numpy as np
import pandas as pd
import pytest

import teamgraph
from teamgraph import Org, OrgDataError


def problems(**frames):
    with pytest.raises(OrgDataError) as err:
        Org.from_frames(**frames)
    return err.value.problems


def only(found, code: str):
    """The one problem with this code."""
    matching = [p for p in found if p.code == code]
    assert len(matching) == 1, [str(p) for p in found]
    return matching[0]


def test_strided_read_only_numeric_column() -> None:
    strided = np.linspace(0, 1, 8)[::2]  # a view with a stride
    strided.setflags(write=False)
    people = pd.DataFrame({"id": ["a", "b", "c", "d"], "manager_id": [None, "a", "a", "a"]})
    people["assessment"] = strided
    org = Org.from_frames(people)
    assert list(org.people["assessment"]) == pytest.approx(list(strided))
    assert not strided.flags.writeable  # the input is not touched


def test_integer_typed_numeric_column() -> None:
    people = pd.DataFrame({"id": ["a", "b"], "manager_id": [None, "a"],
                           "learning_hours": np.array([1, 2], dtype=np.int16)})
    assert list(Org.from_frames(people).people["learning_hours"]) == [1.0, 2.0]


def test_complex_numeric_column_is_a_wrong_type() -> None:
    people = pd.DataFrame({"id": ["a", "b"], "manager_id": [None, "a"], "assessment": np.array([0.5 + 1j, 0.2])})
    p = only(problems(people=people), "wrong_type")
    assert (p.record, p.field, p.file) == (0, "assessment", "people frame")
    assert p.message == "expected a column of real numbers, found complex128"


def test_text_in_numeric_column_names_row_and_field() -> None:
    people = pd.DataFrame({"id": ["a", "b"], "manager_id": [None, "a"], "assessment": ["0.5", "1.000,50"]})
    (p,) = problems(people=people)
    assert (p.code, p.record, p.person_id, p.field) == ("bad_number", 2, "b", "assessment")


def test_id_with_surrounding_spaces() -> None:
    p = only(problems(people=pd.DataFrame({"id": ["a", " b"], "manager_id": [None, "a"]})), "id_whitespace")
    assert (p.record, p.field) == (2, "id")


def test_id_cell_pandas_turned_into_a_float() -> None:
    people = pd.DataFrame({"id": ["a", "b"], "manager_id": [None, 1.0]}, dtype=object)
    p = only(problems(people=people), "id_as_float")
    assert (p.record, p.field) == (2, "manager_id")
    assert "dtype={'manager_id': str}" in p.message and "keep_default_na=False" in p.message


def test_id_column_pandas_turned_into_floats() -> None:
    found = problems(people=pd.DataFrame({"id": [1.0, 2.0], "manager_id": [np.nan, 1.0]}))
    assert sorted((p.code, p.record, p.field) for p in found) == [("id_as_float", 0, "id"),
                                                                  ("id_as_float", 0, "manager_id")]
    assert all("read the CSV with dtype=str, keep_default_na=False" in p.message for p in found)


def test_id_pandas_turned_into_nan() -> None:
    p = only(problems(people=pd.DataFrame({"id": ["a", np.nan], "manager_id": [None, "a"]})), "missing_value")
    assert (p.record, p.field, p.message) == (2, "id", "an id is required")


def test_nan_value_is_not_given() -> None:
    people = pd.DataFrame({"id": ["a", "b"], "manager_id": [None, "a"], "flight_risk": [np.nan, 0.5]})
    assert np.isnan(Org.from_frames(people).people["flight_risk"][0])


def test_infinite_value() -> None:
    people = pd.DataFrame({"id": ["a", "b"], "manager_id": [None, "a"], "flight_risk": [0.5, np.inf]})
    p = only(problems(people=people), "not_finite")
    assert (p.record, p.field, p.person_id) == (2, "flight_risk", "b")


def test_million_wide_single_manager() -> None:
    n = 1_000_000
    ids = np.char.add("p", np.arange(n).astype(str))
    people = pd.DataFrame({"id": ids, "manager_id": np.where(np.arange(n) == 0, None, "p0")})
    org = Org.from_frames(people)
    assert len(org) == n and org.hierarchy["layers"] == 2
    report = teamgraph.assess(org)
    assert report.scores["unified_management"] is not None
    assert any(f.code == "wide_span" for f in report.findings)


def test_eight_threads_scoring_one_org_agree() -> None:
    org = teamgraph.read_org(teamgraph.sample_team_path())
    results, errors = [None] * 8, []

    def work(i: int) -> None:
        try:
            results[i] = teamgraph.assess(org).to_json()
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(set(results)) == 1


def test_arrays_outlive_their_org() -> None:
    org = teamgraph.read_org(teamgraph.sample_team_path())
    assessment = org._core.table_columns("people")["assessment"]
    names, matrix = org._core.competency_matrix()
    expected = assessment.copy()
    del org
    gc.collect()
    assert np.array_equal(assessment, expected, equal_nan=True)
    assert matrix.shape[0] == 46 and not matrix.flags.writeable


def test_lenient_loading(data_dir, tmp_path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "people.csv").write_text("id,manager_id,tier\na,,core\nb,a,chief\nc,a,core\nd,c,core\n")
    (folder / "sharing.csv").write_text("person_a,person_b,channel\na,c,online\na,x,online\nb,c,offline\n")
    with pytest.raises(OrgDataError) as err:
        teamgraph.read_org(folder)
    strict = {(p.code, p.file, p.record) for p in err.value.problems}
    org = teamgraph.read_org(folder, lenient=True)
    assert org.ids == ["a", "c", "d"]
    warnings = {(p.code, p.file, p.record) for p in org.warnings}
    assert strict <= warnings
    assert all(p.severity == teamgraph.Severity.warning for p in org.warnings)
    assert len(org.table("sharing")) == 1
    with pytest.raises(OrgDataError):  # a whole-file problem: no id column
        teamgraph.read_org(data_dir / "krackhardt-managers", lenient=True)
    frames = Org.from_frames(pd.DataFrame({"id": ["a", "b", "b"], "manager_id": [None, "a", "zz"]}), lenient=True)
    assert frames.ids == ["a", "b"] and {p.code for p in frames.warnings} == {"duplicate_id", "multiple_managers", "left_out"}
    assert "lenient loading left out 1 of 3 people" in {p.message for p in frames.warnings}
    # A team of no one is never the quiet result of a lenient load.
    (folder / "people.csv").write_text("id,manager_id,assessment\na,,seven\nb,a,0.5\n")
    (folder / "sharing.csv").unlink()
    with pytest.raises(OrgDataError) as err:
        teamgraph.read_org(folder, lenient=True)
    assert {p.code for p in err.value.problems} == {"bad_number", "left_out", "nothing_left"}


def test_ctrl_c_stops_a_long_call_within_a_second() -> None:
    import os
    import signal
    import time

    teams = 1_000_000  # well under a second to convert, then about 3 s of scoring on two cores
    people = pd.DataFrame({"team_id": np.repeat(np.arange(teams).astype(str), 6),
                           "id": np.tile(["a", "b", "c", "d", "e", "f"], teams),
                           "manager_id": np.tile([None, "a", "a", "b", "b", "c"], teams)})
    fired = []

    def interrupt() -> None:
        fired.append(time.perf_counter())
        os.kill(os.getpid(), signal.SIGINT)

    # Python only turns SIGINT into KeyboardInterrupt when it started with the default action; a
    # shell running the suite in the background starts it with SIGINT ignored.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    timer = threading.Timer(1.5, interrupt)  # while the C++ scoring runs
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            teamgraph.assess_many(people, threads=2)
        stopped = time.perf_counter()
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, previous)
    assert fired and stopped - fired[0] < 1.0
    # The library is still usable.
    assert teamgraph.assess(teamgraph.read_org(teamgraph.sample_team_path())).scores["health_index"] > 0


def test_allocation_failure_is_a_memory_error(tmp_path) -> None:
    """Under an address-space limit, a huge input fails with MemoryError, and the library works after."""
    import os
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent("""
        import resource, numpy as np, pandas as pd, teamgraph
        n = 3_000_000
        ids = np.char.add("p", np.arange(n).astype(str)).astype(object)
        people = pd.DataFrame({"id": ids, "manager_id": np.concatenate([[None], ids[:-1]])})
        used = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        with open("/proc/self/statm") as f:
            virtual = int(f.read().split()[0]) * resource.getpagesize()
        resource.setrlimit(resource.RLIMIT_AS, (virtual + 400 * 2**20, resource.RLIM_INFINITY))
        try:
            teamgraph.Org.from_frames(people)
        except MemoryError:
            print("memory error")
        else:
            print("loaded")
        small = teamgraph.Org.from_frames(pd.DataFrame({"id": ["a", "b"], "manager_id": [None, "a"]}))
        print("usable", len(small))
    """)
    if "asan" in os.environ.get("LD_PRELOAD", ""):
        pytest.skip("AddressSanitizer reserves its own address space; an address-space limit does not apply")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["memory", "error", "usable", "2"]


@pytest.mark.parametrize("bad", ["\x00", "\x1b[31m", "\x07", "\u009b", "\u0085", "\x7f"])
def test_from_frames_refuses_control_characters_as_the_csv_reader_does(bad) -> None:
    people = pd.DataFrame({"id": ["a", "b"], "manager_id": ["", "a"], "name": ["Ann", f"B{bad}ob"],
                           "department": ["x", "y"]})
    found = only(problems(people=people), "control_character")
    assert (found.record, found.field) == (2, "name")
    competencies = pd.DataFrame({"person_id": ["a"], "competency": [f"plan{bad}"], "score": [0.5]})
    assert only(problems(people=people.assign(name="ok"), competencies=competencies), "control_character").field == "competency"
    assert only(problems(people=people.assign(name="ok").rename(columns={"department": f"dep{bad}"})),
                "control_character").field == "column 4"
    # Tabs and line breaks are text, as in a quoted CSV cell.
    Org.from_frames(people.assign(name=["A\tnn", "B\nob"]))


def test_from_frames_with_a_repeated_column_or_a_team_that_is_not_json_is_bad_data() -> None:
    people = pd.DataFrame([["a", "", "x", "y"]], columns=["id", "manager_id", "name", "name"])
    found = only(problems(people=people), "duplicate_column")
    assert found.field == "name" and "2 times (columns 3, 4)" in found.message
    for team in ("not a dict", ["a"], 3, {"name": {1, 2}}, {"x": float("nan")}):
        with pytest.raises(OrgDataError) as err:
            Org.from_frames(pd.DataFrame({"id": ["a"]}), team=team)
        assert err.value.problems[0].code == "bad_value"


def test_mentor_search_on_a_long_chain_stays_linear() -> None:
    # 20,000 people in a sharing chain, everyone lagging on conduct but the last, who is strong:
    # one search per laggard used to walk the chain (2 s at 20,000, 8 s at 40,000).
    import time

    n = 20_000
    ids = [f"p{i}" for i in range(n)]
    people = pd.DataFrame({"id": ids, "manager_id": [""] + ["p0"] * (n - 1)})
    competencies = pd.DataFrame({"person_id": ids, "competency": "conduct", "score": [0.1] * (n - 1) + [0.9]})
    sharing = pd.DataFrame({"person_a": ids[:-1], "person_b": ids[1:], "channel": "online"})
    org = Org.from_frames(people, competencies=competencies, sharing=sharing)
    start = time.perf_counter()
    report = teamgraph.assess(org)
    assert time.perf_counter() - start < 1.5
    lagging = [f for f in report.findings if f.code == "lagging"]
    assert len(lagging) == n - 1
    # The strong end mentors its neighbours within reach (6 steps); the rest have no mentor near.
    mentored = sorted(int(f.people[0][1:]) for f in lagging if len(f.people) == 2)
    assert mentored == list(range(n - 7, n - 1))


def test_the_mentor_search_budget_never_hides_a_mentor_it_has_queued() -> None:
    people = pd.DataFrame({"id": ["a", "b", "c", "d"], "manager_id": ["", "a", "a", "a"]})
    competencies = pd.DataFrame({"person_id": ["a", "b", "c", "d"], "competency": "conduct",
                                 "score": [0.1, 0.9, 0.6, 0.6]})
    sharing = pd.DataFrame({"person_a": ["a", "a", "a"], "person_b": ["b", "c", "d"], "channel": "online"})
    org = Org.from_frames(people, competencies=competencies, sharing=sharing)
    report = teamgraph.assess(org, policy={"behind": {"mentor_search": 3, "dimensions": ["conduct"]}})
    [lag] = [f for f in report.findings if f.code == "lagging"]
    assert lag.people == ["a", "b"]


def test_lenient_loading_keeps_the_records_of_a_person_whose_id_is_repeated(tmp_path) -> None:
    (tmp_path / "people.csv").write_text("id,manager_id\ne01,\ne02,e01\ne03,e01\ne02,e01\n")
    (tmp_path / "sharing.csv").write_text("person_a,person_b,channel\ne01,e02,online\ne02,e03,online\ne01,e03,online\n")
    org = teamgraph.read_org(tmp_path, lenient=True)
    assert org.ids == ["e01", "e02", "e03"] and len(org.table("sharing")) == 3


def test_lenient_json_leaves_out_a_record_with_a_bad_cell_instead_of_blanking_it(tmp_path) -> None:
    path = tmp_path / "team.json"
    path.write_text('{"people": [{"id": "a"}, {"id": "b", "manager_id": 1.5}, {"id": "c", "manager_id": "b"}]}')
    org = teamgraph.read_org(path, lenient=True)
    assert org.ids == ["a"]  # not b as a second top
    assert {w.code for w in org.warnings} >= {"bad_value", "left_out"}
    assert "several_tops" not in {w.code for w in org.warnings}


def test_lenient_loading_of_only_bad_rows_is_an_error(tmp_path) -> None:
    (tmp_path / "people.csv").write_text("id,manager_id\na,,x\nb,a,y\n")  # every row ragged
    with pytest.raises(OrgDataError) as err:
        teamgraph.read_org(tmp_path, lenient=True)
    assert "nothing_left" in {p.code for p in err.value.problems}


def test_settings_that_size_the_work_are_bounded() -> None:
    org = Org.from_frames(pd.DataFrame({"id": ["a"]}))
    with pytest.raises(Exception, match=r"sharing.pair_departments: expected a whole number in \[0, 200\]"):
        teamgraph.assess(org, policy={"sharing": {"pair_departments": 100000}})


def test_categorical_text_and_repeated_columns_are_checked_in_a_stable_order() -> None:
    people = pd.DataFrame({"id": ["a", "b"], "manager_id": ["", "a"],
                           "name": pd.Categorical(["A\x1b[31m", "B"])})
    assert only(problems(people=people), "control_character").field == "name"
    wide = pd.DataFrame([["a", "", 1, 2, 3, 4, 5, 6]], columns=["id", "manager_id", "t", "d", "r", "t", "d", "r"])
    assert [p.field for p in problems(people=wide) if p.code == "duplicate_column"] == ["t", "d", "r"]


def _policy_settings(policy, path=()):
    for key, value in policy.items():
        if isinstance(value, dict):
            yield from _policy_settings(value, path + (key,))
        else:
            yield path + (key,), value


def test_every_policy_setting_at_its_extremes_is_refused_or_scored(repo) -> None:
    # An empty list (no dimensions, no required capabilities), zero, a huge and a negative value
    # for every setting: each is a RequestError naming the setting, or a report that renders.
    # An empty behind.dimensions once read the first of no dimensions (a crash).
    org = teamgraph.read_org(repo / "examples" / "ecommerce-team")
    for path, default in _policy_settings(teamgraph.default_policy()):
        trials = [[]] if isinstance(default, list) else [0, 1e308, -1] if isinstance(default, (int, float)) else []
        for value in trials:
            policy = value
            for key in reversed(path):
                policy = {key: policy}
            try:
                report = teamgraph.assess(org, policy)
            except teamgraph.RequestError as refused:
                assert ".".join(path) in str(refused)
                continue
            report.to_json(), report.to_text(), report.to_markdown()
    empty = teamgraph.assess(org, {"behind": {"dimensions": []}})
    assert empty.scores["nobody_behind"] is None
    assert "names no dimensions" in empty.absent_reasons["nobody_behind"]

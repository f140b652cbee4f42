"""The committed type stub matches the compiled module (scripts/regenerate_stub.sh updates it)."""

from __future__ import annotations

import pickle
import subprocess
import sys

import teamgraph


def test_stub_is_current(tmp_path, repo) -> None:
    subprocess.run([sys.executable, "-m", "pybind11_stubgen", "teamgraph._core", "-o", str(tmp_path)], check=True,
                   capture_output=True)
    generated = (tmp_path / "teamgraph" / "_core.pyi").read_text()
    committed = (repo / "python" / "teamgraph" / "_core.pyi").read_text()
    assert generated == committed, "the stub is out of date: run scripts/regenerate_stub.sh"


def test_package_is_typed() -> None:
    from pathlib import Path

    package = Path(teamgraph.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "_core.pyi").exists()


def test_errors_pickle(data_dir) -> None:
    try:
        teamgraph.read_org(data_dir / "bad-team")
    except teamgraph.OrgDataError as err:
        again = pickle.loads(pickle.dumps(err))
        assert again.problems == err.problems
        assert str(again) == str(err)
    else:
        raise AssertionError("bad-team was accepted")

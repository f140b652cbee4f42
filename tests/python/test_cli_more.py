"""The rest of the command line: formats, --fail-on, what-if, batch, policy, pseudonyms."""

from __future__ import annotations

import json
import shutil

import pandas as pd

import teamgraph
from teamgraph.cli import main


def test_report_formats(tmp_path, capsys) -> None:
    for fmt in ("markdown", "json", "html"):
        out = tmp_path / f"report.{fmt}"
        assert main(["report", "--format", fmt, "--out", str(out)]) == 0
        assert out.stat().st_size > 1000
    assert json.loads((tmp_path / "report.json").read_text())["schema"] == "teamgraph-report"


def test_fail_on(capsys) -> None:
    assert main(["report", "--fail-on", "critical"]) == 1  # the sample team has critical findings
    assert main(["report", "--fail-on", "info", "--policy", "/nonexistent.json"]) == 2


def test_pseudonymize_never_prints_the_key(tmp_path, capsys) -> None:
    key = tmp_path / "key"
    key.write_text("0123456789abcdef0123456789abcdef\n")
    assert main(["report", "--format", "json", "--pseudonymize", str(key)]) == 0
    out = capsys.readouterr().out
    assert "0123456789abcdef0123456789abcdef" not in out
    assert '"e01"' not in out and json.loads(out)["pseudonymized"] is True
    short = tmp_path / "short"
    short.write_text("abc")
    assert main(["report", "--pseudonymize", str(short)]) == 2


def test_what_if_command(capsys) -> None:
    path = str(teamgraph.sample_team_path())
    assert main(["what-if", path, "--leave", "e02", "--promote", "e02=m10"]) == 0
    out = capsys.readouterr().out
    assert "score changes:" in out and "succession_readiness" in out
    assert main(["what-if", path, "--leave", "nobody"]) == 2
    assert main(["what-if", path, "--promote", "e02"]) == 2
    assert main(["what-if", path, "--leave", "e02", "--format", "json"]) == 0
    assert "appeared" in json.loads(capsys.readouterr().out)


def test_batch_continues_past_bad_teams(tmp_path, data_dir, capsys) -> None:
    teams = tmp_path / "teams"
    teams.mkdir()
    shutil.copytree(teamgraph.sample_team_path(), teams / "a-shop")
    shutil.copytree(data_dir / "bad-team", teams / "b-bad")
    shutil.copytree(data_dir / "krackhardt-team", teams / "c-krackhardt")
    out = tmp_path / "results.csv"
    assert main(["batch", str(teams), "--out", str(out)]) == 2
    frame = pd.read_csv(out)
    assert list(frame["team"].str.rsplit("/", n=1).str[-1]) == ["a-shop", "c-krackhardt"]
    assert frame.loc[0, "leadership_coverage"] == 40.0
    errors = [json.loads(line) for line in (tmp_path / "results.errors.jsonl").read_text().splitlines()]
    assert len(errors) == 1 and errors[0]["team"].endswith("b-bad")
    assert {p["code"] for p in errors[0]["problems"]} >= {"unknown_value", "unknown_id"}
    for suffix in (".parquet", ".jsonl"):
        assert main(["batch", str(teams / "a-shop"), "--out", str(tmp_path / f"r{suffix}")]) == 0
    assert len(pd.read_parquet(tmp_path / "r.parquet")) == 1


def test_policy_dump(capsys) -> None:
    assert main(["policy", "--dump"]) == 0
    policy = json.loads(capsys.readouterr().out)
    assert policy == teamgraph.default_policy()
    assert policy["management"]["max_span"] == 10

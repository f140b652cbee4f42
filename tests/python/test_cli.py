from __future__ import annotations

import json
import subprocess
import sys

import teamgraph
from teamgraph.cli import main


def test_report_on_the_sample_team(capsys) -> None:
    assert main(["report"]) == 0
    out = capsys.readouterr().out
    assert "Harbor & Pine online store" in out
    assert "people       46 (6 core, 37 execution, 3 support)" in out
    assert "layers       4" in out
    assert "leadership_coverage       40.0" in out
    assert "CRITICAL" in out and "do: " in out


def test_report_json_is_deterministic(tmp_path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["report", str(teamgraph.sample_team_path()), "--format", "json", "--out", str(first)]) == 0
    assert main(["report", "--format", "json", "--out", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    report = json.loads(first.read_text())
    summary = report["summary"]
    assert summary["people"] == 46
    assert report["scores"]["leadership_coverage"]["value"] == 40.0
    assert report["findings"][0]["code"] == "missing_competency"
    assert summary["tops"] == ["e01"]
    assert summary["span_of_control"] == {"min": 3, "median": 5.5, "max": 10}


def test_validate_lists_every_problem_and_exits_2(data_dir, capsys) -> None:
    assert main(["validate", str(data_dir / "bad-team")]) == 2
    out = capsys.readouterr().out
    assert "people.csv:3: person 'b', field 'tier', unknown_value" in out
    assert "sharing.csv:2: person 'x', field 'person_b', unknown_id" in out or "sharing.csv:2: person 'x'" in out
    assert "team.json" in out


def test_validate_ok(capsys) -> None:
    assert main(["validate", str(teamgraph.sample_team_path())]) == 0
    assert capsys.readouterr().out.startswith("ok: 46 people, 8 units, 4 layers")


def test_console_command_is_installed() -> None:
    result = subprocess.run([sys.executable, "-m", "teamgraph", "--help"], capture_output=True, text=True, check=True)
    assert "report" in result.stdout and "validate" in result.stdout


def test_bad_policy_file_exits_2(tmp_path, capsys) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text('{"leadership": {"treshold": 0.7}}')
    assert main(["report", "--policy", str(policy)]) == 2
    assert "leadership.treshold: unknown policy setting" in capsys.readouterr().err


def test_the_language_follows_lang_then_the_locale(capsys, monkeypatch) -> None:
    from teamgraph.cli import main

    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    main(["report", "--top", "1"])
    assert "得分（从最弱的开始）" in capsys.readouterr().out
    main(["report", "--top", "1", "--lang", "en"])  # an explicit --lang wins
    assert "Scores (weakest first)" in capsys.readouterr().out
    main(["report", "--top", "1", "--lang", "xx-YY"])
    captured = capsys.readouterr()
    assert "Scores (weakest first)" in captured.out and "warning: no catalog for language 'xx-YY'" in captured.err
    main(["report", "--format", "markdown", "--lang", "zh"])
    assert "# 团队报告" in capsys.readouterr().out
    from teamgraph import sample_team_path

    main(["what-if", str(sample_team_path()), "--leave", "e02", "--lang", "zh-CN"])
    assert "得分变化：" in capsys.readouterr().out

"""The command line: every command, its formats and options, its words in English and Chinese."""

from __future__ import annotations

import argparse
import gettext
import json
import re
import shutil
import subprocess
import sys

import pandas as pd
import pytest

import teamgraph
from teamgraph import _core
from teamgraph.catalog import Catalog, read_entries, width
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


def test_validate_lists_every_problem_in_chinese(data_dir, capsys, monkeypatch) -> None:
    # The problems' sentences come from the catalog; where each is (file, line, person, field)
    # and its code still show.
    assert main(["validate", "--lang", "zh_CN", str(data_dir / "bad-team")]) == 2
    out = capsys.readouterr().out
    assert out.startswith("团队数据中有4个问题：")
    assert "people.csv 第3行：人员“b”，字段“tier”，unknown_value：应为 core、execution、support 之一，实际为“boss”" in out
    assert "sharing.csv 第2行：人员“x”，字段“person_b”，unknown_id：人员表中没有编号为“x”的人" in out
    assert "team.json：字段“scales.people.assessment”，bad_value：应为 [最低值, 最高值]" in out
    assert "peple.csv：（警告）unknown_table：不是 teamgraph 的表" in out
    assert not re.search(r"\b(expected|found|person|field)\b", out)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")  # the locale says it too
    assert main(["validate", str(data_dir / "bad-team")]) == 2
    assert capsys.readouterr().out == out


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
    # In Chinese with --lang: the same lines in the catalog's words, the same exit code.
    assert main(["report", "--policy", str(policy), "--lang", "zh_CN"]) == 2
    assert capsys.readouterr().err == "teamgraph：评分策略：1 个问题\n  leadership.treshold：没有这项策略设置\n"
    assert main(["what-if", str(teamgraph.sample_team_path()), "--leave", "e02", "--policy", str(policy),
                 "--lang", "zh_CN"]) == 2
    assert "leadership.treshold：没有这项策略设置" in capsys.readouterr().err
    assert main(["report", "--policy", str(policy)]) == 2
    assert capsys.readouterr().err == "teamgraph: policy: 1 problem(s)\n  leadership.treshold: unknown policy setting\n"


def test_what_if_refusals_in_english_and_chinese(repo, capsys) -> None:
    team = str(repo / "examples" / "ecommerce-team")
    assert main(["what-if", team, "--leave", "nobody"]) == 2
    assert capsys.readouterr().err == "teamgraph: what-if: no person has the id 'nobody'\n"
    assert main(["what-if", team, "--leave", "nobody", "--lang", "zh_CN"]) == 2
    assert capsys.readouterr().err == "teamgraph：假设推演：没有编号为“nobody”的人\n"
    assert main(["what-if", team, "--promote", "e02=m10", "--lang", "zh_CN"]) == 2
    assert capsys.readouterr().err == "teamgraph：假设推演：“e02”的职位并未空出：晋升只能填补离开的人或本身被晋升的人的职位\n"


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


# The command's own words in Chinese: --help, argparse's words, its messages.

COMMANDS = [[], ["report"], ["what-if"], ["validate"], ["batch"], ["policy"], ["import"], ["import-calendar"],
            ["import-messages"]]
# Three English words in a row: a sentence left untranslated (option names, metavars, file names
# and choices are what the user types and stay as they are).
ENGLISH_WORDS = re.compile(r"\b[a-z]{2,}(?:[ '][a-z]{2,}){2,}\b")
ARGPARSE_ENGLISH = ("usage:", "positional arguments", "options:", "optional arguments", "show this help",
                    "show program's version")


def speak(monkeypatch, lang: str) -> None:
    monkeypatch.setenv("LANG", lang)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("COLUMNS", "80")


def help_of(argv, capsys) -> str:
    with pytest.raises(SystemExit) as exited:
        main(argv + ["--help"])
    assert exited.value.code == 0
    return capsys.readouterr().out


def assert_chinese(text: str) -> None:
    assert "用法：teamgraph" in text and "选项：" in text and "显示本帮助信息并退出" in text, text
    assert not [w for w in ARGPARSE_ENGLISH if w in text], text
    english = [entry for key, entry in read_entries("en", "cli")[0].items()
               if key.startswith(("cli.command.", "cli.option.", "cli.description")) and entry in text]
    assert not english, english
    assert not ENGLISH_WORDS.findall(text), ENGLISH_WORDS.findall(text)
    # Lines wrap by terminal columns, a Chinese character taking two.
    assert max(width(line) for line in text.splitlines()) <= 80, text


@pytest.mark.parametrize("command", COMMANDS)
def test_help_follows_the_locale(command, monkeypatch, capsys) -> None:
    speak(monkeypatch, "zh_CN.UTF-8")
    assert_chinese(help_of(command, capsys))
    assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext  # put back after


@pytest.mark.parametrize("command", [["report", "--lang", "zh_CN"], ["what-if", "--lang=zh-CN"],
                                     ["validate", "--lang", "zh"], ["batch", "--lang", "zh_CN.UTF-8"]])
def test_help_follows_lang_before_the_parser_is_built(command, monkeypatch, capsys) -> None:
    speak(monkeypatch, "C")
    assert_chinese(help_of(command, capsys))
    # An explicit --lang wins over the locale, as for the report.
    speak(monkeypatch, "zh_CN.UTF-8")
    text = help_of([command[0], "--lang", "en"], capsys)
    assert f"usage: teamgraph {command[0]}" in text and "show this help message and exit" in text
    assert width(text) == len(text)  # no Chinese


def test_english_help_is_english(monkeypatch, capsys) -> None:
    speak(monkeypatch, "C")
    text = help_of(["report"], capsys)
    assert text.startswith("usage: teamgraph report [-h]") and "\npositional arguments:\n" in text
    assert "  --out OUT             write to this file instead of standard output\n" in text
    assert width(text) == len(text)


def test_the_command_s_messages_follow_the_language(tmp_path, monkeypatch, capsys) -> None:
    speak(monkeypatch, "zh_CN.UTF-8")
    assert main(["report", "--aggregate-only"]) == 2
    assert capsys.readouterr().err == "teamgraph：--aggregate-only 是 JSON 报告的一种形式：请同时加上 --format json\n"
    assert main(["report", "--out", str(tmp_path / "missing" / "r.txt")]) == 2
    assert f"文件夹 '{tmp_path / 'missing'}' 不存在" in capsys.readouterr().err
    assert main(["what-if", str(teamgraph.sample_team_path()), "--promote", "e02"]) == 2
    assert "teamgraph：--promote 的值应写成 A=B 的形式，收到的是 'e02'" in capsys.readouterr().err
    # argparse's usage errors too.
    with pytest.raises(SystemExit) as exited:
        main(["report", "--top", "x"])
    err = capsys.readouterr().err
    assert exited.value.code == 2 and err.startswith("用法：teamgraph report")
    assert "teamgraph report：错误：参数 --top：'x' 不是有效的整数" in err
    with pytest.raises(SystemExit):
        main(["report", "--bogus"])
    assert "teamgraph：错误：无法识别的参数：--bogus" in capsys.readouterr().err
    # In English, as they were.
    assert main(["report", "--aggregate-only", "--lang", "en"]) == 2
    assert capsys.readouterr().err == ("teamgraph: --aggregate-only is a form of the JSON report: use it with "
                                       "--format json\n")
    with pytest.raises(SystemExit):
        main(["report", "--top", "x", "--lang", "en"])
    assert "teamgraph report: error: argument --top: invalid int value: 'x'" in capsys.readouterr().err
    assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext


def test_argparse_counts_in_the_language(capsys) -> None:
    from teamgraph.cli_words import Parser

    for lang, one, two in (("en", "expected 1 argument", "expected 2 arguments"),
                           ("zh_CN", "需要 1 个值", "需要 2 个值")):
        parser = Parser(prog="p", catalog=Catalog.get(lang))
        parser.add_argument("--one", nargs=1)
        parser.add_argument("--two", nargs=2)
        for argv, words in ((["--one"], one), (["--two", "a"], two)):
            with pytest.raises(SystemExit):
                parser.parse_args(argv)
            assert words in capsys.readouterr().err


def test_lang_is_read_from_the_command_line() -> None:
    from teamgraph.cli import _lang_in

    assert _lang_in(["report", "--lang", "zh"]) == "zh"
    assert _lang_in(["report", "--lang=zh-CN", "--top", "1"]) == "zh-CN"
    assert _lang_in(["report", "--lang", "zh", "--lang", "en"]) == "en"  # the last, as argparse
    assert _lang_in(["report", "--top", "1"]) is None
    assert _lang_in(["report", "--lang", "--help"]) is None  # no value: argparse says so
    assert _lang_in(["report", "--", "--lang", "zh"]) is None


# Formats, --fail-on, what-if, batch, policy, pseudonyms.

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


def test_batch_lenient_scores_a_team_without_its_bad_records_and_lists_them(tmp_path, capsys) -> None:
    teams = tmp_path / "teams"
    teams.mkdir()
    shutil.copytree(teamgraph.sample_team_path(), teams / "a-shop")
    shutil.copytree(teamgraph.sample_team_path(), teams / "b-shop")
    people = teams / "b-shop" / "people.csv"
    header = people.read_text(encoding="utf-8").splitlines()[0].split(",")
    row = {"id": "zz9", "name": "Stray", "tier": "boss"}  # an unknown tier: the record is left out
    with open(people, "a", encoding="utf-8") as f:
        f.write(",".join(row.get(column, "") for column in header) + "\n")
    out = tmp_path / "results.csv"
    assert main(["batch", str(teams), "--out", str(out)]) == 2  # strict: b-shop is an error
    assert main(["batch", str(teams), "--out", str(out), "--lenient"]) == 0
    frame = pd.read_csv(out)
    assert list(frame["people"]) == [len(teamgraph.read_org(teamgraph.sample_team_path()))] * 2
    assert list(frame["warnings"]) == [0, 2]  # the record left out, and how many were
    assert frame.loc[0, "health_index"] == frame.loc[1, "health_index"]
    listed = [json.loads(line) for line in (tmp_path / "results.warnings.jsonl").read_text().splitlines()]
    assert [w["team"].rsplit("/", 1)[-1] for w in listed] == ["b-shop"]
    assert [(p["code"], p["person_id"], p["field"]) for p in listed[0]["warnings"]] == [
        ("left_out", "", ""), ("unknown_value", "zz9", "tier")]
    assert listed[0]["warnings"][0]["message"] == "lenient loading left out 1 of 47 people"
    assert "1 team had records left out or other warnings" in capsys.readouterr().out
    assert not (tmp_path / "results.errors.jsonl").exists()


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
    for p in errors[0]["problems"]:  # English messages, and each as its catalog entry
        assert p["key"].startswith(f"problem.{p['code']}") and isinstance(p["args"], dict)
        assert Catalog.get().problem_message(_core.make_problem(p["key"], p["file"], p["record"], p["person_id"],
                                                                p["field"], list(p["args"].items()))) == p["message"]
    assert not (tmp_path / "results.warnings.jsonl").exists()
    for suffix in (".parquet", ".jsonl"):
        assert main(["batch", str(teams / "a-shop"), "--out", str(tmp_path / f"r{suffix}")]) == 0
    assert len(pd.read_parquet(tmp_path / "r.parquet")) == 1


def test_policy_dump(capsys) -> None:
    assert main(["policy", "--dump"]) == 0
    policy = json.loads(capsys.readouterr().out)
    assert policy == teamgraph.default_policy()
    assert policy["management"]["max_span"] == 10


# --score and --code: the sample team's 43 findings hold 2 of market_response (a JD demand surge
# the team did not follow, a Tmall conversion decline) and 8 of succession_readiness (4
# uncovered_key_position, 2 low_box_successor, 1 reserve_in_unit, 1 uncovered_successor).
def _findings_part(out: str) -> tuple:
    heading = next(line for line in out.splitlines() if line.startswith(("Findings", "评分", "代码")))
    return heading, sum(line.startswith("    - ") for line in out.splitlines())


def test_report_shows_the_findings_of_the_scores_and_codes_asked_for(capsys) -> None:
    report = teamgraph.assess(teamgraph.read_org(teamgraph.sample_team_path()))
    wanted = [f for f in report.findings if f.score in ("market_response", "succession_readiness")]
    assert len(report.findings) == 43 and len(wanted) == 10  # counted without the filter
    assert main(["report", "--score", "market_response", "--score", "succession_readiness", "--top", "0"]) == 0
    out = capsys.readouterr().out
    assert _findings_part(out) == ("Findings of the scores market_response and succession_readiness "
                                   "(10 of 43; 10 shown, most severe first)", 10)
    assert [line[6:] for line in out.splitlines() if line.startswith("    - ")] == [f.message for f in wanted]
    assert main(["report", "--score", "succession_readiness", "--top", "3"]) == 0
    assert _findings_part(capsys.readouterr().out) == (
        "Findings of the score succession_readiness (8 of 43; 3 shown, most severe first)", 3)
    assert main(["report", "--code", "low_box_successor", "--code", "reserve_in_unit",
                 "--code", "low_box_successor"]) == 0  # a name given twice counts once
    assert _findings_part(capsys.readouterr().out) == (
        "Findings of the codes low_box_successor and reserve_in_unit (3 of 43; 3 shown, most severe first)", 3)
    # Both: the findings of those scores that have those codes; none here, and no severity heading.
    assert main(["report", "--score", "market_response", "--code", "low_box_successor"]) == 0
    out = capsys.readouterr().out
    assert _findings_part(out) == ("Findings of the score market_response with the code low_box_successor "
                                   "(0 of 43; 0 shown, most severe first)", 0)
    assert out.endswith("most severe first)\n")
    assert main(["report"]) == 0  # no filter: the heading as it always was
    assert _findings_part(capsys.readouterr().out) == ("Findings (43; 10 shown, most severe first)", 10)
    # The Python API: the same text, and the same refusal of a name no finding has.
    assert report.to_text(top=0, scores="market_response").count("\n    - ") == 2
    with pytest.raises(ValueError, match="no finding code 'demand_surge'; the codes are .*demand_not_followed"):
        report.to_text(codes=["demand_surge"])


def test_fail_on_looks_at_the_findings_kept() -> None:
    assert main(["report", "--fail-on", "critical", "--out", "/dev/null"]) == 1
    assert main(["report", "--score", "market_response", "--fail-on", "critical", "--out", "/dev/null"]) == 0
    assert main(["report", "--score", "market_response", "--fail-on", "high", "--out", "/dev/null"]) == 1


def test_an_unknown_score_or_code_is_refused_with_the_names_there_are(capsys, tmp_path) -> None:
    # Every wrong name at once, before any work (the team folder is not even read).
    assert main(["report", str(tmp_path / "no-such-team"), "--score", "market", "--code", "demand_surge",
                 "--code", "x", "--score", "market_response"]) == 2
    out, err = capsys.readouterr()
    assert not out
    lines = err.splitlines()
    assert lines[0] == ("teamgraph: --score: no score with findings is called 'market'; the scores with findings are "
                        "departure_impact, goal_alignment, health_index, incentive_balance, leadership_coverage, "
                        "market_response, nobody_behind, sharing_health, succession_readiness, team_configuration, "
                        "truck_factor, unified_management")
    assert lines[1] == "--code: there are no finding codes 'demand_surge', 'x'; the codes, by score:"
    assert "  market_response: conversion_falling, demand_not_followed, low_reply_rate, one_person_channel, " \
           "slow_first_reply" in lines
    assert len(lines) == 2 + 12  # a line a score with findings
    # The JSON report holds every finding: a filter there is refused, not ignored.
    assert main(["report", "--format", "json", "--code", "reserve_in_unit"]) == 2
    assert capsys.readouterr().err == ("teamgraph: --score and --code choose the findings of the text, markdown "
                                       "and html reports; the json report holds every finding\n")


def test_the_filter_in_chinese(capsys) -> None:
    assert main(["report", "--lang", "zh_CN", "--score", "market_response", "--score", "succession_readiness",
                 "--top", "4"]) == 0
    assert _findings_part(capsys.readouterr().out) == (
        "评分“市场响应”和“储备机制”的发现（共43条中的10条，显示4条，最严重的在前）", 4)
    assert main(["report", "--lang", "zh_CN", "--code", "reserve_in_unit"]) == 0
    assert _findings_part(capsys.readouterr().out)[0] == "代码“reserve_in_unit”的发现（共43条中的1条，显示1条，最严重的在前）"
    assert main(["report", "--lang", "zh_CN", "--score", "市场响应"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("teamgraph：--score：没有名为 '市场响应' 的评分会给出发现；会给出发现的评分有：departure_impact、")
    assert main(["report", "--lang", "zh_CN", "--code", "demand_surge"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "teamgraph：--code：没有 'demand_surge' 这个发现代码；各评分的发现代码如下："
    assert "  succession_readiness：low_box_successor、overloaded_successor、reserve_in_unit、successor_loop、" \
           "uncovered_key_position、uncovered_successor、unused_reserve、weak_successor" in err
    with pytest.raises(SystemExit):
        main(["report", "--lang", "zh_CN", "--help"])
    help_text = re.sub(r"\s+", "", capsys.readouterr().out)
    assert "--scoreNAME文本和Markdown报告只显示评分NAME的发现" in help_text
    assert "--codeCODE文本和Markdown报告只显示代码为CODE的发现" in help_text


def test_the_filter_in_markdown(capsys) -> None:
    assert main(["report", "--format", "markdown", "--score", "market_response", "--score",
                 "succession_readiness", "--top", "0"]) == 0
    out = capsys.readouterr().out
    findings = out.split("## Findings\n", 1)[1]
    assert findings.startswith("\nFindings of the scores market\\_response and succession\\_readiness: 10 of 43, "
                               "10 shown, most severe first.\n\n- **")
    assert findings.count("\n- **") == 10
    assert "(market_response): Tmall: inquiries turned into orders fell" in findings
    assert main(["report", "--format", "markdown", "--lang", "zh_CN", "--code", "demand_not_followed"]) == 0
    out = capsys.readouterr().out
    assert "代码“demand\\_not\\_followed”的发现：共43条中的1条，显示1条，最严重的在前。" in out
    assert out.split("## 发现\n", 1)[1].count("\n- **") == 1
    # No filter: the Markdown as it was (no line under the heading).
    assert main(["report", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.split("## Findings\n", 1)[1].startswith("\n- **")

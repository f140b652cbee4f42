"""Hostile input that reaches the terminal, the page or the wiki, and crashes that must not look
like findings: the CLI's exit codes, --out, Markdown escaping, chart labels, pseudonymized
messages."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

import teamgraph
from teamgraph import Org
from teamgraph.cli import main

KEY = b"0123456789abcdef0123456789abcdef"
SCRIPT = 'x1"><img src=x onerror=alert(2)>'


def key_file(tmp_path):
    key = tmp_path / "key"
    key.write_bytes(KEY)
    return key


def team(tmp_path, people: str):
    folder = tmp_path / "team"
    folder.mkdir(exist_ok=True)
    (folder / "people.csv").write_text(people)
    return folder


def test_markdown_shows_ids_names_and_the_team_name_as_text(tmp_path) -> None:
    people = pd.DataFrame({"id": [SCRIPT, "b"], "name": ["<b>Bold</b> [x](javascript:y)", "B"],
                           "manager_id": ["", SCRIPT]})
    org = Org.from_frames(people, team={"name": "Team <script>"},
                          sharing=pd.DataFrame({"person_a": [SCRIPT], "person_b": ["b"], "channel": ["online"]}))
    text = teamgraph.assess(org).to_markdown()
    assert "<img" not in text and "<script>" not in text and "<b>" not in text
    assert not re.search(r"(?<!\\)\]\(javascript", text)  # the link is escaped: \[x\](...)
    assert "&lt;img src=x onerror=alert(2)&gt;" in text and "Team &lt;script&gt;" in text


def test_an_id_with_dollar_signs_does_not_break_the_charts(tmp_path, capsys) -> None:
    folder = team(tmp_path, "id,manager_id\nboss$\\foo$,\na,boss$\\foo$\nb,boss$\\foo$\n")
    (folder / "sharing.csv").write_text("person_a,person_b,channel\na,b,online\nboss$\\foo$,a,offline\n")
    out = tmp_path / "report.html"
    assert main(["report", str(folder), "--format", "html", "--out", str(out)]) == 0
    assert "boss$\\foo$" in out.read_text()


@pytest.mark.parametrize("command", [["report"], ["report", "--format", "html"], ["what-if", "{team}", "--leave", "e02"]])
def test_out_into_a_missing_folder_or_onto_a_folder_is_bad_input(tmp_path, capsys, command) -> None:
    command = [str(teamgraph.sample_team_path()) if c == "{team}" else c for c in command]
    assert main(command + ["--out", str(tmp_path / "missing" / "r.txt")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(command + ["--out", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_batch_out_into_a_missing_folder_fails_before_scoring(tmp_path, capsys) -> None:
    assert main(["batch", str(teamgraph.sample_team_path()), "--out", str(tmp_path / "no" / "r.csv")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_an_internal_error_is_exit_3_without_a_traceback(monkeypatch, capsys) -> None:
    import teamgraph.cli as cli

    def broken(*args, **kwargs):
        raise RuntimeError("secret-id-e01 leaked")

    monkeypatch.setattr(cli, "to_text", broken)
    monkeypatch.delenv("TEAMGRAPH_DEBUG", raising=False)
    assert main(["report"]) == 3
    err = capsys.readouterr().err
    assert "internal error (RuntimeError)" in err and "Traceback" not in err and "e01" not in err
    monkeypatch.setenv("TEAMGRAPH_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["report"])


def test_ctrl_c_is_exit_130_without_a_traceback(monkeypatch, capsys) -> None:
    import teamgraph.cli as cli

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "to_text", interrupted)
    assert main(["report"]) == 130
    assert capsys.readouterr().err.strip() == "teamgraph: interrupted"


def test_a_cycle_made_by_a_pseudonymized_what_if_names_no_one(tmp_path, capsys) -> None:
    folder = team(tmp_path, "id,manager_id\nalice_real,\nbob_real,alice_real\ncarol_real,bob_real\n")
    key = key_file(tmp_path)
    assert main(["what-if", str(folder), "--move", "alice_real=carol_real", "--pseudonymize", str(key)]) == 2
    err = capsys.readouterr().err
    assert "_real" not in err and "'p-" in err


def test_a_link_out_of_the_team_folder_is_not_read(tmp_path, capsys) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n")
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "people.csv").symlink_to(secret)
    assert main(["validate", str(folder)]) == 2
    out = capsys.readouterr().out
    assert "outside_link" in out and "root:x" not in out and "secret" not in out
    # Asked for, it is read (and found wanting as a people table).
    assert main(["validate", str(folder), "--follow-symlinks"]) == 2
    assert "outside_link" not in capsys.readouterr().out
    # A link inside the folder is fine.
    (folder / "people.csv").unlink()
    (folder / "real.txt").write_text("id,manager_id\na,\n")
    (folder / "people.csv").symlink_to(folder / "real.txt")
    assert teamgraph.read_org(folder).ids == ["a"]


def test_a_team_json_key_with_a_control_character_is_never_printed(tmp_path, capsys) -> None:
    folder = team(tmp_path, "id,manager_id\na,\n")
    (folder / "team.json").write_text(json.dumps({"name": "t", "bad\u009bkey": 1}))
    main(["validate", str(folder)])
    captured = capsys.readouterr()
    assert "\u009b" not in captured.out + captured.err


def test_a_pseudonymized_message_with_quotes_in_ids_is_withheld(tmp_path, capsys) -> None:
    folder = team(tmp_path, "id,manager_id\ne01,\no'k,e01\ne03,o'k\n")
    key = key_file(tmp_path)
    assert main(["what-if", str(folder), "--move", "e01=e03", "--pseudonymize", str(key)]) == 2
    err = capsys.readouterr().err
    assert "e01" not in err and "o'k" not in err and "withheld" in err


def test_a_policy_key_with_a_control_character_is_not_printed(tmp_path, capsys) -> None:
    folder = team(tmp_path, "id,manager_id\na,\n")
    (folder / "team.json").write_text(json.dumps({"policy": {"\x1b[31mEVIL\n  behind.x": 1}}))
    assert main(["validate", str(folder)]) == 2
    out = capsys.readouterr().out
    assert "\x1b" not in out and "EVIL" not in out

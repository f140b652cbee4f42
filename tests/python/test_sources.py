"""Where sharing and meetings come from: teamgraph import-calendar and import-messages, on the
example files of examples/sources against the sample team (docs/import.md)."""

import shutil
from pathlib import Path

import pandas as pd
import pytest

import teamgraph
from teamgraph import cli
from teamgraph.sources import import_calendar, import_messages

ROOT = Path(__file__).resolve().parents[2]
TEAM = ROOT / "examples" / "ecommerce-team"
ICS = ROOT / "examples" / "sources" / "sharing.ics"
LOG = ROOT / "examples" / "sources" / "messages.csv"


def test_a_weekly_event_with_six_attendees_gives_the_meetings_and_attendance() -> None:
    result = import_calendar(ICS, TEAM)
    meetings, attendance = result.tables["meetings"], result.tables["attendance"]
    # Every Monday of the team's period (2026-07-01 to 09-30) at 10:00 Shanghai time, but the one
    # excluded (EXDATE 08-03); and the one-off 分享会, online (腾讯会议). The lunch is not a meeting.
    mondays = ["07-06", "07-13", "07-20", "07-27", "08-10", "08-17", "08-24", "08-31", "09-07", "09-14", "09-21",
               "09-28"]
    weekly = meetings[meetings["meeting_id"].str.startswith("weekly-sharing")]
    assert list(weekly["date"]) == [f"2026-{d}T02:00:00Z" for d in mondays]
    assert set(weekly["channel"]) == {"offline"} and set(meetings["presenter_id"]) == {""}
    launch = meetings[meetings["meeting_id"] == "launch-share@example.com"]
    assert list(launch[["date", "channel"]].itertuples(index=False, name=None)) == [("2026-07-22T06:00:00Z", "online")]
    assert len(meetings) == 13 and len(attendance) == 12 * 6 + 3
    # The organizer and five attendees matched by name (the guest speaker is not of the team).
    first = attendance[attendance["meeting_id"] == weekly["meeting_id"].iloc[0]]
    assert list(first["person_id"]) == ["e02", "e01", "e03", "e04", "e05", "e06"]
    # He Tao declined.
    assert list(attendance[attendance["meeting_id"] == "launch-share@example.com"]["person_id"]) == ["e03", "m10", "m11"]
    assert result.summary["unmatched_attendees"] == ["Guest Speaker"] and result.summary["matching_events"] == 2


def test_a_message_log_gives_the_sharing_pairs() -> None:
    result = import_messages(LOG, TEAM)
    sharing = result.tables["sharing"]
    online = sharing[sharing["channel"] == "online"]
    assert list(online.itertuples(index=False, name=None)) == [
        ("e01", "e02", "online", "0.2283"),   # 3 direct messages over the 13.1 weeks of the period
        ("e03", "e05", "online", "0.1522"),   # the marketing group: each message links the sender to the others
        ("e03", "e06", "online", "0.2283"),   # 2 in the group and 1 direct
        ("e05", "e06", "online", "0.1522")]
    assert result.summary["not_matched"] == 1 and result.summary["counted"] == 7
    # The offline links already in the team stay.
    assert len(sharing) - len(online) == result.summary["kept_offline"] > 0


def test_a_json_log_with_other_column_names(tmp_path: Path) -> None:
    frame = pd.read_csv(LOG, dtype=str, keep_default_na=False).rename(
        columns={"sender": "from", "recipient": "to", "channel": "group", "time": "sent"})
    frame.to_json(tmp_path / "log.json", orient="records", force_ascii=False)
    result = import_messages(tmp_path / "log.json", TEAM, {"sender": "from", "recipient": "to", "channel": "group",
                                                          "time": "sent"})
    assert result.tables["sharing"].equals(import_messages(LOG, TEAM).tables["sharing"])


def test_the_commands_write_into_the_team_and_it_scores(tmp_path: Path, capsys) -> None:
    team = tmp_path / "team"
    shutil.copytree(TEAM, team)
    assert cli.main(["import-calendar", str(ICS), "--people", str(team), "--lang", "en"]) == 0
    assert "13 meetings, 75 attendances" in capsys.readouterr().out
    assert cli.main(["import-messages", str(LOG), "--people", str(team), "--lang", "zh-CN"]) == 0
    assert "4对" in capsys.readouterr().out
    org = teamgraph.read_org(team)
    assert len(org.table("meetings")) == 13 and (org.table("sharing")["channel"] == "online").sum() == 4
    assert teamgraph.assess(org).scores["sharing_health"] is not None
    assert cli.main(["import-messages", str(LOG), "--people", str(team), "--columns", "sender"]) == 2
    assert "--columns" in capsys.readouterr().err

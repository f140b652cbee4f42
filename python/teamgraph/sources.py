"""Where sharing and meetings come from: a calendar (iCalendar, RFC 5545) and a chat or message log,
turned into the team's meetings.csv, attendance.csv and sharing.csv.

    calendar = import_calendar("sharing.ics", "team/")  # meetings and attendance of matching events
    calendar.write("team/")
    messages = import_messages("chat.csv", "team/")     # sharing pairs with per_week, channel online
    messages.write("team/")

People are matched by an ``email`` column of the people table (case ignored), else by id, else by
name (compared as ``teamgraph.cells.name_key`` compares them). Only counts are kept from a
message log, never the text of a message.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import pandas as pd

from .errors import OrgDataError
from .cells import name_key
from .org import Org, read_org
from .tables import problem, read_table

PathLike = Union[str, "os.PathLike[str]"]
# Events whose title matches become meetings (sharing sessions, exchanges, weekly meetings).
DEFAULT_TITLES = r"(?i)sharing|分享|交流|weekly|周会"
ONLINE = re.compile(r"(?i)https?://|zoom|teams|meet\.|webex|skype|腾讯会议|钉钉|飞书|online|线上")
UTC = _dt.timezone.utc
# Without a period, a recurring event with no end is expanded over this long from its start.
OPEN_RECURRENCE = _dt.timedelta(weeks=52)


class People:
    """Who is who in a team, to match the people a calendar or a log names."""

    def __init__(self, org: Org) -> None:
        people = org.people
        self.ids = [str(i) for i in people["id"]]
        self.by_id = set(self.ids)
        self.by_email: Dict[str, str] = {}
        if "email" in people.columns:
            for person, email in zip(self.ids, people["email"]):
                if isinstance(email, str) and email.strip():
                    self.by_email[email.strip().casefold()] = person
        self.by_name: Dict[str, List[str]] = {}
        if "name" in people.columns:
            for person, name in zip(self.ids, people["name"]):
                if isinstance(name, str) and name.strip():
                    self.by_name.setdefault(name_key(name), []).append(person)

    def match(self, *names: Optional[str]) -> Optional[str]:
        """The person an email address, an id or a name is (the first of `names` that matches one
        person); None when none does."""
        for text in names:
            if not text:
                continue
            text = str(text).strip()
            address = text[7:] if text.lower().startswith("mailto:") else text
            if address.casefold() in self.by_email:
                return self.by_email[address.casefold()]
            if text in self.by_id:
                return text
            found = self.by_name.get(name_key(text), [])
            if len(found) == 1:
                return found[0]
        return None


def _period(org: Org) -> Tuple[Optional[_dt.datetime], Optional[_dt.datetime]]:
    period = org.team.get("period", {})
    start = _dt.datetime.fromisoformat(period["start"]).replace(tzinfo=UTC) if "start" in period else None
    end = (_dt.datetime.fromisoformat(period["end"]).replace(tzinfo=UTC) + _dt.timedelta(days=1)
           if "end" in period else None)
    return start, end


@dataclass
class SourceResult:
    """Tables made from a calendar or a log (name -> DataFrame of text) and what was done."""

    tables: Dict[str, pd.DataFrame]
    summary: Dict[str, Any] = field(default_factory=dict)

    def write(self, out: PathLike) -> List[str]:
        """Writes the tables as CSV files into the folder `out` (made if missing)."""
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        for name, frame in self.tables.items():
            frame.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n", encoding="utf-8")
        return [f"{name}.csv" for name in self.tables]


# -- calendars -------------------------------------------------------------------------------

def _utc(value: Any) -> _dt.datetime:
    """An iCalendar DTSTART as an aware UTC datetime (a date: midnight UTC; floating: as UTC)."""
    if not isinstance(value, _dt.datetime):
        return _dt.datetime(value.year, value.month, value.day, tzinfo=UTC)
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _text_of(value: Any) -> str:
    return "" if value is None else str(value)


def _starts(event: Any, start: Optional[_dt.datetime], end: Optional[_dt.datetime],
            notes: Dict[str, Any]) -> List[_dt.datetime]:
    """The starts of an event within [start, end): its recurrences expanded (RRULE, RDATE, EXDATE)."""
    from dateutil.rrule import rruleset, rrulestr

    first = event.get("DTSTART").dt
    rule = event.get("RRULE")
    if rule is None:
        times = [_utc(first)]
    else:
        dtstart = first if isinstance(first, _dt.datetime) else _dt.datetime(first.year, first.month, first.day)
        aware = dtstart.tzinfo is not None
        rules = rruleset()
        text = rule.to_ical().decode()
        if not aware:  # UNTIL in UTC with a floating start: dateutil wants them alike
            text = re.sub(r"(UNTIL=\d{8}T\d{6})Z", r"\1", text)
        rules.rrule(rrulestr(text, dtstart=dtstart))
        for name, add in (("RDATE", rules.rdate), ("EXDATE", rules.exdate)):
            values = event.get(name)
            for prop in (values if isinstance(values, list) else [values] if values is not None else []):
                for d in prop.dts:
                    when = d.dt if isinstance(d.dt, _dt.datetime) else _dt.datetime(d.dt.year, d.dt.month, d.dt.day)
                    add(when if aware else when.replace(tzinfo=None))
        bounded = "COUNT" in text or "UNTIL" in text
        last = end if end is not None else (None if bounded else _utc(dtstart) + OPEN_RECURRENCE)
        if last is None:
            times = [_utc(t) for t in rules]
        else:
            if not bounded and end is None:
                notes.setdefault("open_recurrences", []).append(_text_of(event.get("SUMMARY")))
            stop = last if aware else last.replace(tzinfo=None)
            times = [_utc(t) for t in rules.between(dtstart if start is None else (
                start if aware else start.replace(tzinfo=None)) - _dt.timedelta(seconds=1), stop, inc=True)]
    return [t for t in times if (start is None or t >= start) and (end is None or t < end)]


def import_calendar(path: PathLike, people: PathLike, titles: str = DEFAULT_TITLES) -> SourceResult:
    """meetings.csv and attendance.csv from an iCalendar file: the events whose title (SUMMARY)
    matches `titles`, each occurrence of a recurring event within the team's period (team.json's
    ``period``; without one, a recurrence with no end is expanded for 52 weeks) a meeting.
    Attendees (ATTENDEE, less those who declined, and the ORGANIZER) are matched to the team's
    people by email, id or name; a meeting is online when its location or description names a
    video call. The summary counts the events, meetings, attendees and the attendees matched to
    nobody."""
    import icalendar

    org = read_org(people)
    who = People(org)
    start, end = _period(org)
    try:
        calendar = icalendar.Calendar.from_ical(Path(path).read_bytes())
    except ValueError as err:
        raise OrgDataError("1 problem in the calendar", [problem("problem.bad_value.calendar", Path(path).name, 0, "",
                                                                 error=err)]) from err
    pattern = re.compile(titles)
    meetings: Dict[str, List[str]] = {"meeting_id": [], "date": [], "channel": [], "presenter_id": []}
    attendance: Dict[str, List[str]] = {"meeting_id": [], "person_id": []}
    notes: Dict[str, Any] = {"file": Path(path).name, "titles": titles, "events": 0, "matching_events": 0}
    unmatched: Dict[str, int] = {}
    for event in calendar.walk("VEVENT"):
        notes["events"] += 1
        title = _text_of(event.get("SUMMARY"))
        if not pattern.search(title) or event.get("DTSTART") is None:
            continue
        notes["matching_events"] += 1
        uid = _text_of(event.get("UID")) or f"event{notes['events']}"
        online = ONLINE.search(_text_of(event.get("LOCATION")) + " " + _text_of(event.get("DESCRIPTION")))
        attendees = event.get("ATTENDEE")
        attendees = attendees if isinstance(attendees, list) else [attendees] if attendees is not None else []
        organizer = event.get("ORGANIZER")
        present: List[str] = []
        for address in ([organizer] if organizer is not None else []) + attendees:
            if str(address.params.get("PARTSTAT", "")).upper() == "DECLINED":
                continue
            person = who.match(str(address), address.params.get("CN"))
            if person is None:
                label = str(address.params.get("CN") or address)
                unmatched[label] = unmatched.get(label, 0) + 1
            elif person not in present:
                present.append(person)
        for when in _starts(event, start, end, notes):
            meeting = f"{uid}@{when.strftime('%Y%m%dT%H%M%SZ')}" if event.get("RRULE") is not None else uid
            meetings["meeting_id"].append(meeting)
            meetings["date"].append(when.strftime("%Y-%m-%dT%H:%M:%SZ"))
            meetings["channel"].append("online" if online else "offline")
            meetings["presenter_id"].append("")
            for person in present:
                attendance["meeting_id"].append(meeting)
                attendance["person_id"].append(person)
    notes["meetings"] = len(meetings["meeting_id"])
    notes["attendance"] = len(attendance["meeting_id"])
    notes["unmatched_attendees"] = sorted(unmatched)
    tables = {"meetings": pd.DataFrame(meetings, dtype=object), "attendance": pd.DataFrame(attendance, dtype=object)}
    return SourceResult(tables, notes)


# -- message logs ----------------------------------------------------------------------------

MESSAGE_COLUMNS = ("sender", "recipient", "channel", "time")


def _records(path: Path) -> Tuple[pd.DataFrame, str]:
    """A message log as a DataFrame of text: a CSV (any clear encoding), .xlsx or .parquet file, or
    JSON (a list of records, or an object with one list of them)."""
    if path.suffix.lower() in (".json", ".jsonl"):
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix.lower() == ".jsonl":
            data: Any = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            data = json.loads(text)
        if isinstance(data, dict):
            data = next((v for v in data.values() if isinstance(v, list)), [])
        frame = pd.DataFrame([r for r in data if isinstance(r, dict)])
        return frame.astype(object).where(frame.notna(), ""), path.name
    table = read_table(path)
    errors = [p for p in table.problems if p.severity.name == "error"]
    if errors:
        raise OrgDataError(f"{len(errors)} problems in the message log", errors)
    return table.frame, table.file


def _times(values: Sequence[Any]) -> pd.Series:
    """Times as UTC timestamps: ISO text, or Unix seconds or milliseconds."""
    series = pd.Series(list(values), dtype=object)
    numbers = pd.to_numeric(series, errors="coerce")
    if numbers.notna().all() and len(series):
        unit = "ms" if numbers.abs().max() > 1e11 else "s"
        return pd.to_datetime(numbers, unit=unit, utc=True)
    return pd.to_datetime(series.astype(str), errors="coerce", utc=True, format="mixed")


def import_messages(path: PathLike, people: PathLike, columns: Optional[Mapping[str, str]] = None) -> SourceResult:
    """sharing.csv from a chat or message log (CSV, Excel, Parquet or JSON) with a sender, a
    recipient or a channel (a group), and a time: one online row per pair of people who wrote to each
    other, with ``per_week`` the messages between them a week over the team's period (team.json),
    else over the log's span (at least a week). A message to a channel counts for the sender and
    each other person who wrote in that channel. `columns` renames: {"sender": "发送人", ...}. Only
    counts are kept, never the text of a message."""
    names = {**{c: c for c in MESSAGE_COLUMNS}, **dict(columns or {})}
    org = read_org(people)
    who = People(org)
    frame, file = _records(Path(path))
    missing = [names[c] for c in ("sender", "time") if names[c] not in frame.columns]
    if names["recipient"] not in frame.columns and names["channel"] not in frame.columns:
        missing.append(f"{names['recipient']} / {names['channel']}")
    if missing:
        raise OrgDataError("the message log lacks columns", [
            problem("problem.missing_column.message_log", file, 0, column)
            for column in missing])
    senders = [who.match(str(v)) for v in frame[names["sender"]]]
    recipients = ([who.match(str(v)) for v in frame[names["recipient"]]] if names["recipient"] in frame.columns
                  else [None] * len(frame))
    channels = ([str(v) for v in frame[names["channel"]]] if names["channel"] in frame.columns
                else [""] * len(frame))
    times = _times(frame[names["time"]])
    start, end = _period(org)
    inside = times.notna()
    if start is not None:
        inside &= times >= pd.Timestamp(start)
    if end is not None:
        inside &= times < pd.Timestamp(end)
    members: Dict[str, set] = {}
    for k in range(len(frame)):
        if inside.iloc[k] and senders[k] and channels[k] and not recipients[k]:
            members.setdefault(channels[k], set()).add(senders[k])
    counts: Dict[Tuple[str, str], int] = {}
    # A channel message links its sender with each other member: counted by sender first, and the
    # pairs of a channel added once (a message costs O(1), not one step a member).
    said: Dict[str, Dict[str, int]] = {}  # channel -> sender -> messages
    used = unmatched = 0
    for k in range(len(frame)):
        if not inside.iloc[k]:
            continue
        sender = senders[k]
        if sender is None:
            unmatched += 1
            continue
        if recipients[k]:
            used += 1
            if recipients[k] != sender:
                pair = (min(sender, recipients[k]), max(sender, recipients[k]))
                counts[pair] = counts.get(pair, 0) + 1
        elif len(members.get(channels[k], ())) > 1:  # the sender is a member: someone else is too
            used += 1
            by_sender = said.setdefault(channels[k], {})
            by_sender[sender] = by_sender.get(sender, 0) + 1
        else:
            unmatched += 1
    for channel, by_sender in said.items():
        group = sorted(members[channel])
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                counts[(a, b)] = counts.get((a, b), 0) + by_sender.get(a, 0) + by_sender.get(b, 0)
    if start is not None and end is not None:
        weeks = (end - start).total_seconds() / (7 * 86400)
    else:
        span = times[inside]
        weeks = ((span.max() - span.min()).total_seconds() / (7 * 86400)) if len(span) else 1.0
    weeks = max(weeks, 1.0)
    pairs = sorted(counts)
    sharing = pd.DataFrame({"person_a": [a for a, _ in pairs], "person_b": [b for _, b in pairs],
                            "channel": ["online"] * len(pairs),
                            "per_week": [f"{counts[p] / weeks:.4g}" for p in pairs]}, dtype=object)
    summary = {"file": file, "messages": len(frame), "in_period": int(inside.sum()), "counted": used,
               "not_matched": unmatched, "pairs": len(pairs), "weeks": round(weeks, 2)}
    existing = Path(people) / "sharing.csv"
    if existing.is_file():  # the offline links already there stay; online ones are replaced
        before = pd.read_csv(existing, dtype=str, keep_default_na=False)
        offline = before[before["channel"].str.lower() != "online"] if "channel" in before.columns else before
        summary["kept_offline"] = len(offline)
        sharing = pd.concat([offline, sharing], ignore_index=True).fillna("")
    return SourceResult({"sharing": sharing}, summary)


def summary_lines(kind: str, summary: Mapping[str, Any], catalog: Any) -> List[str]:
    """What import-calendar (`kind` "calendar") or import-messages ("messages") did, one line each,
    in the catalog's language."""
    c, sep = catalog, catalog.text("list.separator")
    if kind == "calendar":
        lines = [c.text("sources.calendar.summary", file=summary["file"], events=summary["events"],
                        matching=summary["matching_events"], titles=summary["titles"], count=summary["meetings"],
                        attendance=summary["attendance"])]
        if summary["unmatched_attendees"]:
            lines.append(c.text("sources.calendar.unmatched", count=len(summary["unmatched_attendees"]),
                                names=sep.join(summary["unmatched_attendees"])))
        if summary.get("open_recurrences"):
            lines.append(c.text("sources.calendar.open", events=sep.join(summary["open_recurrences"])))
        return lines
    lines = [c.text("sources.messages.summary", file=summary["file"], count=summary["messages"],
                    in_period=summary["in_period"], counted=summary["counted"], pairs=summary["pairs"],
                    weeks=float(summary["weeks"]))]
    if summary["not_matched"]:
        lines.append(c.text("sources.messages.unmatched", count=summary["not_matched"]))
    if "kept_offline" in summary:
        lines.append(c.text("sources.messages.kept_offline", count=summary["kept_offline"]))
    return lines

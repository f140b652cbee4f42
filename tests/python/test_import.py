"""HR exports through a mapping file (teamgraph import, read_export), and team folders whose tables
are Excel workbooks, Parquet files or CSVs in another encoding than UTF-8 (docs/import.md)."""

import json
import shutil
import sys
from pathlib import Path

import jsonschema
import pandas as pd
import pytest

import teamgraph
from teamgraph import cli
from teamgraph.catalog import Catalog
from teamgraph.cells import name_key, number_text
from teamgraph.importer import import_export, read_export
from teamgraph.suggest import suggest_mapping

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
EXPORT = ROOT / "examples" / "hr-export" / "hr_export.csv"
MAPPING = ROOT / "examples" / "hr-export" / "mapping.toml"


def mapping(**changes):
    """The example's mapping as a dict, with [section] keys changed: {"people.manager": {...}}."""
    config = tomllib.loads(MAPPING.read_text(encoding="utf-8"))
    for dotted, value in changes.items():
        section, key = dotted.split(".")
        if value is None:
            config[section].pop(key, None)
        else:
            config[section][key] = value
    return config


def export_with(tmp_path: Path, *replacements) -> Path:
    """A copy of the example export (UTF-8 with a BOM, CRLF) with some text replaced."""
    text = EXPORT.read_bytes().decode("utf-8-sig")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "export.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return path


def errors(err: teamgraph.OrgDataError) -> list:
    """The problems of an import that are errors (the warnings come with them: a placeholder made)."""
    return [p for p in err.problems if p.severity == teamgraph.Severity.error]


def mapping_file(tmp_path: Path, placeholders: bool = False) -> Path:
    """The example's mapping file with placeholder_managers set."""
    setting = f"[people]\nplaceholder_managers = {str(placeholders).lower()}\n"
    text = MAPPING.read_text(encoding="utf-8").replace("[people]\n", setting)
    path = tmp_path / "mapping.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_export_is_shaped_like_a_real_one() -> None:
    data = EXPORT.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert b'"Sullivan, Timothy  M"' in data and b"04/10/2010" in data


def test_an_hr_export_maps_to_a_team_and_scores() -> None:
    # The "done when": a public-style export (invented) with placeholders, name-resolved
    # managers, a termination filter and US dates, mapped and scored.
    result = import_export(EXPORT, MAPPING)
    org, summary = result.org, result.summary
    assert len(org) == 31 and org.headcount == 30  # 33 rows, 3 who left dropped by keep; 1 placeholder
    assert summary["keep"] == {"query": "Termd == 0", "kept": 30, "dropped": 3, "dropped_records": [15, 20, 27]}
    people = org.people.set_index("id")
    # Managers by name, as the export writes them: "Timothy M. Sullivan" is "Sullivan, Timothy  M".
    assert people.loc["10006", "manager_id"] == "10002"
    assert people.loc["10015", "manager_id"] == "10006"  # "elena ramirez"
    assert people.loc["10018", "manager_id"] == "10007"  # "Chen, Wei"
    # Two people called Brian Miller: prefer (role matches manager|director) chose the sales manager.
    assert set(people.loc[["10030", "10031", "10032", "10034"], "manager_id"]) == {"10008"}
    assert summary["managers"]["preferred"] == [{"manager": "Miller, Brian", "record": 9}]
    assert pd.isna(people.loc["10001", "manager_id"]) and summary["managers"]["tops"] == 1  # Board of Directors
    assert people.loc["10001", "tier"] == "core" and people.loc["10005", "tier"] == "support"
    assert people.loc["10020", "tier"] == "execution"
    assert org.team["scales"] == {"people.assessment": [1, 4], "people.potential": [1, 5]}
    # Unmapped columns are kept, dates in ISO form.
    assert people.loc["10001", "DateofHire"] == "2010-04-10" and people.loc["10007", "Office"] == "上海"
    assert set(summary["extra_columns"]) == {"ManagerID", "PerformanceScore", "Termd", "DateofHire",
                                             "DateofTermination", "Office"}
    assert len(org.table("incentives")) == 30
    # Harriet Osei, written two ways, manages the two analysts and is not a row: one placeholder.
    osei = "placeholder:harriet-osei"
    assert list(people.index[people["placeholder"]]) == [osei]
    assert people.loc[osei, "name"] == "Harriet Osei" and pd.isna(people.loc[osei, "manager_id"])
    assert pd.isna(people.loc[osei, "tier"]) and pd.isna(people.loc[osei, "assessment"])
    assert set(people.loc[["10060", "10061"], "manager_id"]) == {osei}
    assert not people.loc["10060", "placeholder"]
    assert summary["people"] == 30 and summary["placeholders"] == 1
    assert summary["managers"]["resolved"] == 27
    assert summary["managers"]["missing"] == [{"manager": "Harriet Osei", "reports": 2, "people_under": 2,
                                               "records": [33, 34], "placeholder": osei}]
    warning = next(w for w in org.warnings if w.code == "placeholder_manager")
    assert (warning.file, warning.record, warning.person_id) == ("hr_export.csv", 33, osei)
    assert "the manager of 2 people" in warning.message
    assert f"kept as the placeholder person '{osei}'" in warning.message
    # Scored: the placeholder is in the hierarchy, outside every score and count.
    report = teamgraph.assess(org)
    assert report.scores["incentive_balance"] is not None and report.scores["unified_management"] is not None
    assert report.figures["incentive_balance"]["spiritual_events"] == 0
    rows = report.people.set_index("id")
    assert rows.loc[osei, "placeholder"] and not rows.loc["10060", "placeholder"]
    assert pd.isna(rows.loc[osei, "incentive_balance.material_total"]) and pd.isna(rows.loc[osei, "departure_impact"])
    assert pd.isna(rows.loc[osei, "unit_left"]) and rows.loc["10001", "unit_left"] == 27
    assert rows.loc["10060", "incentive_balance.material_total"] == 78000
    assert osei not in set(report.departure_impact["id"]) and len(report.departure_impact) == 30
    doc = json.loads(report.to_json())
    assert doc["summary"]["people"] == 30 and doc["summary"]["tiers"] == {"core": 4, "execution": 22, "support": 4}
    assert doc["summary"]["placeholders"] == {"count": 1, "leading": 2, "people": [osei]}
    assert "1 manager not described by the data (placeholder:harriet-osei), leading 2 people" in report.to_text()
    assert "1 placeholder manager (placeholder:harriet-osei), leading 2 people, is outside" in report.to_markdown()
    assert "1名数据未描述的经理（placeholder:harriet-osei），领导2人" in report.to_text(lang="zh-CN")
    assert read_export(EXPORT, MAPPING).ids == org.ids


def test_a_shuffled_export_gives_the_same_report(tmp_path: Path) -> None:
    # The placeholders' ids and names, and everything else, do not depend on the export's row order.
    lines = EXPORT.read_bytes().decode("utf-8-sig").split("\r\n")
    header, rows = lines[0], [line for line in lines[1:] if line]
    reports = []
    for seed in (0, 1):
        order = list(range(len(rows)))
        if seed:
            order = order[::-1]
            order[0], order[5] = order[5], order[0]
        (tmp_path / str(seed)).mkdir()
        path = tmp_path / str(seed) / "export.csv"  # the same name: warnings name the file
        path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join([header] + [rows[k] for k in order] + [""]).encode("utf-8"))
        org = read_export(path, MAPPING)
        reports.append((teamgraph.assess(org).to_json(), teamgraph.assess(org).to_markdown(),
                        teamgraph.assess(org).pseudonymize(b"a key of at least 16 bytes").to_json()))
    assert reports[0] == reports[1]
    assert "placeholder:harriet-osei" in reports[0][0] and "Harriet Osei" in reports[0][0]


def test_a_pseudonymized_report_pseudonymizes_placeholders() -> None:
    report = teamgraph.assess(read_export(EXPORT, MAPPING)).pseudonymize(b"a key of at least 16 bytes")
    text = report.to_json() + report.to_text() + report.to_markdown() + report.to_html()
    assert "harriet" not in text.lower() and "Osei" not in text
    placeholders = json.loads(report.to_json())["summary"]["placeholders"]
    assert placeholders["count"] == 1 and placeholders["people"][0].startswith("p-")
    assert placeholders["people"][0] in report.to_text()
    # The aggregate-only report counts them, never says who.
    aggregate = json.loads(report.to_json(aggregate_only=True))
    assert aggregate["summary"]["placeholders"] == {"count": 1, "leading": 2}
    jsonschema.validate(aggregate, teamgraph.export.schema(aggregate_only=True))
    jsonschema.validate(json.loads(report.to_json()), teamgraph.export.schema())


def test_the_written_team_reads_back_the_same(tmp_path: Path) -> None:
    result = import_export(EXPORT, MAPPING)
    files = result.write(tmp_path / "team")
    assert files == ["people.csv", "incentives.csv", "team.json", "import.json"]
    org = teamgraph.read_org(tmp_path / "team")  # the core's reader: import.json is not a table, no warning
    assert [w.code for w in org.warnings] == ["several_tops"]  # the placeholder is a top of its own
    assert org.headcount == 30 and list(org.people["placeholder"]).count(True) == 1
    # The same report, but for where the team's one warning points: the export's column as imported,
    # people.csv's as read back.
    imported = teamgraph.assess(result.org).to_json()
    assert '"field": "ManagerName (manager_id)",\n        "file": "hr_export.csv"' in imported
    imported = imported.replace('"field": "ManagerName (manager_id)",\n        "file": "hr_export.csv"',
                                '"field": "manager_id",\n        "file": "people.csv"')
    assert teamgraph.assess(org).to_json() == imported
    summary = json.loads((tmp_path / "team" / "import.json").read_text(encoding="utf-8"))
    assert summary["keep"]["dropped"] == 3 and summary["source"] == "hr_export.csv"
    assert "import" not in json.loads((tmp_path / "team" / "team.json").read_text(encoding="utf-8"))


def _patel_and_butler(tmp_path: Path) -> Path:
    # Ravi Patel's two reports name a manager who is not a row; Patel himself is dropped as a
    # leaver, and Nora Walsh's manager is someone else who is not there either.
    return export_with(tmp_path, ('"Patel, Ravi",10010,Brandon Kowalski,3,IT/IS,IT Manager - DB,3,Fully Meets,4.3,99280,0',
                                  '"Patel, Ravi",10010,Brandon Kowalski,3,IT/IS,IT Manager - DB,3,Fully Meets,4.3,99280,1'),
                       ('"Walsh, Nora",10050,Jennifer Zamora', '"Walsh, Nora",10050,Webster Butler'))


def test_managers_outside_the_export_are_problems_all_at_once_when_placeholders_are_off(tmp_path: Path) -> None:
    with pytest.raises(teamgraph.OrgDataError) as caught:
        import_export(_patel_and_butler(tmp_path), mapping(**{"people.placeholder_managers": False}))
    problems = caught.value.problems
    assert [p.code for p in problems] == ["missing_manager", "missing_manager", "missing_manager"]
    patel, butler, osei = sorted(problems, key=lambda p: p.record)
    assert patel.file == "export.csv" and patel.record == 29 and patel.field == "ManagerName (manager_id)"
    assert "Ravi Patel" in patel.message and "2 people" in patel.message and "row 29 (10040)" in patel.message
    assert "row 11 has this name and was dropped by keep" in patel.message
    assert butler.record == 32 and "Webster Butler" in butler.message and "1 person" in butler.message
    assert osei.record == 33 and "row 33 (10060) and row 34 (10061)" in osei.message
    assert "top = [...]" in patel.message and "placeholder" not in patel.message.lower()


def test_managers_outside_the_export_become_placeholders(tmp_path: Path) -> None:
    result = import_export(_patel_and_butler(tmp_path), MAPPING)
    org = result.org
    assert len(org) == 29 + 3 and org.headcount == 29  # Patel dropped; Osei, Patel and Butler placeholders
    people = org.people.set_index("id")
    made = {"placeholder:harriet-osei": "Harriet Osei", "placeholder:ravi-patel": "Ravi Patel",
            "placeholder:webster-butler": "Webster Butler"}
    assert dict(people.loc[people["placeholder"], "name"]) == made
    assert set(people.loc[["10040", "10041"], "manager_id"]) == {"placeholder:ravi-patel"}
    assert people.loc["10050", "manager_id"] == "placeholder:webster-butler"
    warnings = {w.person_id: w for w in org.warnings if w.code == "placeholder_manager"}
    assert set(warnings) == set(made)
    patel = warnings["placeholder:ravi-patel"]
    assert patel.key == "problem.placeholder_manager.dropped" and patel.record == 29
    assert "the manager of 2 people" in patel.message
    assert "row 11 has this name and was dropped by keep" in patel.message
    assert "the manager of 1 person" in warnings["placeholder:webster-butler"].message
    assert "第29行（10040）" in Catalog.get("zh_CN").problem_message(patel)
    assert [x["placeholder"] for x in result.summary["managers"]["missing"]] == sorted(made)
    report = json.loads(teamgraph.assess(org).to_json())
    assert report["summary"]["placeholders"] == {"count": 3, "leading": 5, "people": sorted(made, key=org.find)}


def test_a_placeholder_id_never_takes_a_real_one(tmp_path: Path) -> None:
    # Managers by id: the id as written. By name: a new id, with ~2 when an employee has it already.
    path = export_with(tmp_path, ('"Walsh, Nora",10050,Jennifer Zamora',
                                  '"Walsh, Nora",placeholder:harriet-osei,Jennifer Zamora'))
    people = read_export(path, MAPPING).people.set_index("id")
    assert set(people.loc[["10060", "10061"], "manager_id"]) == {"placeholder:harriet-osei~2"}
    assert not people.loc["placeholder:harriet-osei", "placeholder"]
    by_id = mapping(**{"people.manager": {"column": "ManagerID", "by": "id"}})
    org = read_export(EXPORT, by_id)  # ManagerID numbers managers 1, 2, ...: none is an EmpID
    flagged = org.people.set_index("id")["placeholder"]
    assert sorted(flagged.index[flagged]) == ["1", "10", "12", "2", "3", "4", "6", "7", "8"]


def test_people_under_a_missing_manager_are_counted(tmp_path: Path) -> None:
    path = export_with(tmp_path, ("Timothy M. Sullivan", "Somebody Else"), ('"Chen, Wei",10007,Timothy Sullivan',
                                                                          '"Chen, Wei",10007,Somebody Else'))
    with pytest.raises(teamgraph.OrgDataError) as caught:
        import_export(path, mapping(**{"people.placeholder_managers": False}))
    (p,) = [p for p in caught.value.problems if "Somebody Else" in p.message]
    assert "the manager of 2 people" in p.message and "13 in all" in p.message  # Ramirez's and Chen's teams


def test_an_ambiguous_manager_names_both_rows(tmp_path: Path) -> None:
    manager = dict(mapping()["people"]["manager"])
    del manager["prefer"]
    with pytest.raises(teamgraph.OrgDataError) as caught:
        import_export(EXPORT, mapping(**{"people.manager": manager}))
    (p,) = errors(caught.value)
    assert p.code == "ambiguous_manager" and p.record == 24
    assert "row 9 (10008), Area Sales Manager" in p.message and "row 10 (10009), Production Technician I" in p.message
    assert "prefer" in p.message


def test_names_compare_as_exports_write_them() -> None:
    assert name_key("Sullivan, Timothy  M") == name_key("Timothy M. Sullivan") == name_key("timothy sullivan")
    assert name_key("O'Brien, Mary-Kate") == name_key("mary kate o brien")
    assert name_key("张 三") == name_key("张三")
    assert name_key("Ann Lee") != name_key("Anna Lee")


def test_numbers_with_a_decimal_comma_or_a_percent_sign() -> None:
    assert number_text("1.234,5", ",") == "1234.5" and number_text("15%", percent=True) == "15"
    assert number_text("12,5 %", ",", True) == "12.5" and number_text("n/a") == "n/a"


def test_decimal_commas_and_percentages_import(tmp_path: Path) -> None:
    frame = pd.DataFrame({"ID": ["1", "2"], "Boss": ["", "1"], "Score": ["85%", "72,5%"], "Pay": ["3.100,00", "2.950,50"]})
    frame.to_csv(tmp_path / "e.csv", index=False)
    config = {"source": {"decimal": ","},
              "people": {"id": "ID", "manager": {"column": "Boss"}, "assessment": {"column": "Score", "percent": True}},
              "incentives": {"material": {"column": "Pay"}}}
    result = import_export(tmp_path / "e.csv", config)
    assert list(result.org.people["assessment"]) == [85, 72.5]
    assert result.org.team["scales"] == {"people.assessment": [0, 100]}  # percentages: a guess, said
    assert result.summary["guesses"] == [{"field": "people.assessment", "scale": [0, 100]}]
    assert list(result.org.table("incentives")["amount"]) == [3100, 2950.5]


def test_incentives_take_their_dates_from_a_column(tmp_path: Path) -> None:
    frame = pd.DataFrame({"ID": ["1", "2", "3"], "Boss": ["", "1", "1"], "Bonus": ["500", "", "300"],
                          "Paid": ["03/31/2026", "", "13/45/2026"]})
    frame.to_csv(tmp_path / "e.csv", index=False)
    config = {"source": {"date_format": "%m/%d/%Y"}, "people": {"id": "ID", "manager": {"column": "Boss"}},
              "incentives": {"material": {"column": "Bonus", "type": "bonus", "date": "Paid"}}}
    with pytest.raises(teamgraph.OrgDataError) as caught:  # 13/45 is no date: the core says so, naming the row
        import_export(tmp_path / "e.csv", config)
    [p] = caught.value.problems
    assert (p.code, p.record, p.person_id) == ("bad_date", 4, "3") and "Paid (date)" in p.field
    frame.loc[2, "Paid"] = "04/30/2026"
    frame.to_csv(tmp_path / "e.csv", index=False)
    result = import_export(tmp_path / "e.csv", config)
    incentives = result.org.table("incentives")
    assert list(incentives["person_id"]) == ["1", "3"]
    assert list(incentives["date"].dt.strftime("%Y-%m-%d")) == ["2026-03-31", "2026-04-30"]
    assert result.summary["incentives"]["material"] == {"column": "Bonus", "rows": 2, "date": "Paid"}


def test_mapping_problems_come_together(tmp_path: Path) -> None:
    config = mapping()
    config["people"]["department"] = "Dept"
    config["people"]["colour"] = "Office"
    config["tiers"]["core"] = "(unclosed"
    config["people"]["placeholder_managers"] = "no"
    with pytest.raises(teamgraph.OrgDataError) as caught:
        import_export(EXPORT, config)
    found = {(p.code, p.field) for p in caught.value.problems}
    assert {("bad_mapping", "people.colour"), ("bad_mapping", "people.department"), ("bad_mapping", "tiers.core"),
            ("bad_mapping", "people.placeholder_managers")} <= found
    assert all(p.file == "mapping" for p in errors(caught.value))


def test_a_bad_value_names_the_export_line_and_column(tmp_path: Path) -> None:
    path = export_with(tmp_path, ("Exceeds,4.83,", "Exceeds,high,"))
    with pytest.raises(teamgraph.OrgDataError) as caught:
        import_export(path, MAPPING)
    (p,) = errors(caught.value)
    assert (p.code, p.file, p.record, p.field) == ("bad_number", "export.csv", 2, "EngagementSurvey (potential)")


# -- the same team in every kind of file ------------------------------------------------------

def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns that are numbers as numbers (as a spreadsheet holds them); ids stay text."""
    out = frame.copy()
    for column in out.columns:
        if column in ("id", "manager_id", "person_id"):
            continue
        numbers = pd.to_numeric(out[column].replace("", None), errors="coerce")
        if numbers.notna().sum() == (out[column] != "").sum() and numbers.notna().any():
            out[column] = numbers
    return out


@pytest.fixture(scope="module")
def team_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("imported") / "team"
    import_export(EXPORT, MAPPING).write(folder)
    (folder / "import.json").unlink()
    return folder


def _as(kind: str, team: Path, out: Path) -> Path:
    shutil.copytree(team, out)
    for path in sorted(out.glob("*.csv")):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        if kind == "xlsx":
            _typed(frame).to_excel(path.with_suffix(".xlsx"), index=False)
            path.unlink()
        elif kind == "parquet":
            _typed(frame).to_parquet(path.with_suffix(".parquet"), index=False)
            path.unlink()
        elif kind == "gbk":
            path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    return out


def test_the_same_team_as_csv_xlsx_parquet_and_gbk_gives_the_same_report(team_dir: Path, tmp_path: Path,
                                                                          capsys) -> None:
    reports = {}
    for kind in ("csv", "xlsx", "parquet", "gbk"):
        folder = _as(kind, team_dir, tmp_path / kind)
        assert cli.main(["report", str(folder), "--format", "json", "--out", str(tmp_path / f"{kind}.json")]) == 0
        # The placeholder is a top of its own beside Jennifer Zamora: the team's one warning, which
        # names the file it was found in, as every warning does.
        people = {"csv": "people.csv", "gbk": "people.csv", "xlsx": "people.xlsx", "parquet": "people.parquet"}[kind]
        text = (tmp_path / f"{kind}.json").read_bytes()
        assert text.count(f'"file": "{people}"'.encode()) == 1
        reports[kind] = text.replace(f'"file": "{people}"'.encode(), b'"file": "people.csv"')
        org = teamgraph.read_org(folder)
        codes = [(w.code, w.file) for w in org.warnings]
        # incentives.csv is ASCII, the same in GBK and UTF-8: people.csv alone is decoded.
        assert sorted(codes) == [("encoding", "people.csv")] * (kind == "gbk") + [("several_tops", people)], kind
        assert org.headcount == 30 and list(org.people["placeholder"]).count(True) == 1, kind
        if kind == "gbk":
            assert "GB18030" in org.warnings[0].message
    # The report describes the team, not its files; validate says how a file was read.
    assert cli.main(["validate", str(tmp_path / "gbk")]) == 0
    assert "people.csv: encoding: not UTF-8: read as GB18030" in capsys.readouterr().out
    assert reports["xlsx"] == reports["csv"] and reports["parquet"] == reports["csv"] and reports["gbk"] == reports["csv"]
    assert b"Example manufacturing company" in reports["csv"]


def test_a_gbk_people_table_gives_one_warning_not_a_problem_a_row(tmp_path: Path) -> None:
    names = ["张伟", "王芳", "李娜", "刘洋", "陈静"] * 30
    people = pd.DataFrame({"id": [f"e{k:03d}" for k in range(150)], "name": names,
                           "manager_id": [""] + ["e000"] * 149, "department": ["销售部"] * 150})
    people.to_csv(tmp_path / "people.csv", index=False, encoding="gbk")
    org = teamgraph.read_org(tmp_path)
    assert len(org) == 150 and [w.code for w in org.warnings] == ["encoding"]
    assert org.people.set_index("id").loc["e001", "name"] == "王芳"


def test_utf16_and_windows_1252_are_decoded_and_an_unclear_encoding_is_one_problem(tmp_path: Path) -> None:
    text = "id,name,manager_id\r\na,José Müller,\r\nb,Renée Côté,a\r\n"
    (tmp_path / "people.csv").write_bytes(text.encode("utf-16"))
    assert teamgraph.read_org(tmp_path).people["name"].tolist() == ["José Müller", "Renée Côté"]
    (tmp_path / "people.csv").write_bytes(text.encode("cp1252"))
    org = teamgraph.read_org(tmp_path)
    assert org.people["name"].tolist() == ["José Müller", "Renée Côté"] and "Windows-1252" in org.warnings[0].message
    (tmp_path / "people.csv").write_bytes(b"id,name\na,\x81\x81\x9d\xff\n")
    with pytest.raises(teamgraph.OrgDataError) as caught:
        teamgraph.read_org(tmp_path)
    assert [(p.code, p.record) for p in caught.value.problems] == [("bad_encoding", 0)]
    # "encoding" in team.json forces one: GBK bytes read as Latin-1, as asked, with no warning.
    (tmp_path / "people.csv").write_bytes("id,name\na,张三\n".encode("gbk"))
    (tmp_path / "team.json").write_text('{"encoding": "latin-1"}', encoding="utf-8")
    org = teamgraph.read_org(tmp_path)
    assert org.people["name"].tolist() == ["ÕÅÈý"] and org.warnings == [] and org.team == {}


def test_problems_name_the_spreadsheet_row_and_the_csv_line(tmp_path: Path) -> None:
    people = pd.DataFrame({"id": ["a", "b", "c"], "manager_id": ["", "a", "zz"], "assessment": [0.5, 0.7, 3]})
    people.to_excel(tmp_path / "people.xlsx", index=False)
    with pytest.raises(teamgraph.OrgDataError) as caught:
        teamgraph.read_org(tmp_path)
    assert sorted((p.code, p.file, p.record) for p in caught.value.problems) == [("out_of_range", "people.xlsx", 4),
                                                                                ("unknown_id", "people.xlsx", 4)]
    (tmp_path / "people.xlsx").unlink()
    # A quoted line break: the record after it starts on line 4 of the file.
    (tmp_path / "people.csv").write_bytes('id,name,manager_id\n"a","Ann\nLee",\nb,Bo,zz\n'.encode("gb18030")
                                          + "c,张三,a\n".encode("gb18030"))
    with pytest.raises(teamgraph.OrgDataError) as caught:
        teamgraph.read_org(tmp_path)
    assert [(p.code, p.file, p.record) for p in caught.value.problems
            if p.severity == teamgraph.Severity.error] == [("unknown_id", "people.csv", 4)]


def test_an_xlsx_export_with_a_sheet(tmp_path: Path) -> None:
    frame = pd.read_csv(EXPORT, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    with pd.ExcelWriter(tmp_path / "hr.xlsx") as writer:
        pd.DataFrame({"note": ["a cover sheet"]}).to_excel(writer, sheet_name="Cover", index=False)
        _typed(frame).to_excel(writer, sheet_name="Employees", index=False)
    config = mapping(**{"source.sheet": "Employees"})
    result = import_export(tmp_path / "hr.xlsx", config)
    assert result.summary["sheet"] == "Employees"
    # The same report, but for the file its one warning (several tops) names.
    workbook = teamgraph.assess(result.org).to_json().replace('"file": "hr.xlsx"', '"file": "hr_export.csv"')
    assert workbook == teamgraph.assess(import_export(EXPORT, MAPPING).org).to_json()


# -- --suggest and the command ------------------------------------------------------------------

def test_suggest_on_an_english_header() -> None:
    text = suggest_mapping(EXPORT)
    config = tomllib.loads(text)
    assert config["people"]["id"] == "EmpID" and config["people"]["name"] == "Employee_Name"
    assert config["people"]["manager"] == {"column": "ManagerName", "by": "name", "top": []}
    assert config["people"]["department"] == "Department" and config["people"]["role"] == "Position"
    assert config["people"]["assessment"] == {"column": "PerfScoreID", "scale": [1, 4]}
    assert config["people"]["potential"] == {"column": "EngagementSurvey", "scale": [1, 5]}
    assert config["incentives"]["material"] == {"column": "Salary"}
    assert config["source"]["date_format"] == "%m/%d/%Y"
    assert '# keep = "Termd == 0"' in text and "ManagerID may number managers" in text


def test_suggest_on_a_chinese_header(tmp_path: Path) -> None:
    text = "工号,姓名,部门,职位,上级,绩效,薪资,入职日期,是否离职\r\n001,张三,销售部,销售总监,,4,30000,2019/03/01,0\r\n" \
           "002,李四,销售部,销售代表,张三,3,12000,2020/07/15,0\r\n003,王五,行政部,行政助理,张三,2,8000,2021/01/04,1\r\n"
    (tmp_path / "hr.csv").write_bytes(text.encode("gbk"))
    suggested = suggest_mapping(tmp_path / "hr.csv", lang="zh-CN")
    assert "根据 hr.csv 的表头推测的初始映射" in suggested
    config = tomllib.loads(suggested)
    assert config["source"] == {"encoding": "GB18030", "date_format": "%Y/%m/%d"}
    assert {k: config["people"][k] for k in ("id", "name", "department", "role")} == {
        "id": "工号", "name": "姓名", "department": "部门", "role": "职位"}
    assert config["people"]["manager"]["column"] == "上级" and config["people"]["assessment"]["column"] == "绩效"
    assert config["incentives"]["material"]["column"] == "薪资"
    (tmp_path / "map.toml").write_text(suggested, encoding="utf-8")
    org = read_export(tmp_path / "hr.csv", tmp_path / "map.toml")
    assert org.people.set_index("id").loc["002", "manager_id"] == "001"
    assert org.people.set_index("id").loc["001", "tier"] == "core"


def test_the_import_command(tmp_path: Path, capsys) -> None:
    out = tmp_path / "team"
    assert cli.main(["import", str(EXPORT), "--map", str(MAPPING), "--out", str(out), "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert "keep Termd == 0: 30 rows kept, 3 dropped" in printed and "teamgraph report" in printed
    assert "1 manager who is not a row of the export kept as a placeholder person" in printed
    assert (out / "import.json").is_file()
    assert cli.main(["import", str(EXPORT), "--map", str(MAPPING), "--out", str(out), "--lang", "zh-CN"]) == 0
    assert "保留30行，排除3行" in capsys.readouterr().out
    assert cli.main(["validate", str(out)]) == 0
    assert cli.main(["import", str(EXPORT)]) == 2
    assert "--map" in capsys.readouterr().err
    assert cli.main(["import", "--suggest", str(EXPORT)]) == 0
    assert tomllib.loads(capsys.readouterr().out)["people"]["id"] == "EmpID"


def test_the_import_command_prints_every_problem(tmp_path: Path, capsys) -> None:
    path = export_with(tmp_path, ('"Walsh, Nora",10050,Jennifer Zamora', '"Walsh, Nora",10050,Webster Butler'))
    assert cli.main(["import", str(path), "--map", str(mapping_file(tmp_path)), "--out", str(tmp_path / "team"),
                     "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.count("missing_manager") == 2 and "Webster Butler" in err and "Harriet Osei" in err
    assert not (tmp_path / "team").exists()


def test_import_problems_read_in_the_language_they_are_shown_in(tmp_path: Path, capsys) -> None:
    # A problem of the import is a catalog entry with its values, not text fixed at import time.
    path = export_with(tmp_path, ('"Walsh, Nora",10050,Jennifer Zamora', '"Walsh, Nora",10050,Webster Butler'))
    with pytest.raises(teamgraph.OrgDataError) as caught:
        import_export(path, mapping(**{"people.placeholder_managers": False}))
    p = next(p for p in caught.value.problems if p.record == 32)
    assert p.key == "problem.missing_manager" and dict(p.args)["manager"] == "Webster Butler"
    assert Catalog.get("en").problem_message(p) == p.message
    chinese = Catalog.get("zh_CN").problem_message(p)
    assert "第32行（10050）" in chinese and "row 32" not in chinese
    assert cli.main(["import", str(path), "--map", str(mapping_file(tmp_path)), "--out", str(tmp_path / "team"),
                     "--lang", "zh-CN"]) == 2
    assert "不是导出表中的一行" in capsys.readouterr().err
    config = mapping()
    config["people"]["colour"] = "Office"
    with pytest.raises(teamgraph.OrgDataError) as caught:
        import_export(EXPORT, config)
    (p,) = errors(caught.value)
    assert p.key == "problem.bad_mapping.unknown_key"
    assert "此处没有这个键" in Catalog.get("zh_CN").problem_message(p)


def test_the_import_doc_runs(tmp_path: Path, monkeypatch, capsys) -> None:
    # docs/import.md: its Python block, and the output of its command as printed there.
    doc = (ROOT / "docs" / "import.md").read_text(encoding="utf-8")
    shutil.copytree(EXPORT.parent, tmp_path / "hr-export")
    monkeypatch.chdir(tmp_path / "hr-export")
    block = doc.split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(block, "docs/import.md", "exec"), {})
    assert (tmp_path / "hr-export" / "team" / "import.json").is_file()
    capsys.readouterr()
    assert cli.main(["import", "hr_export.csv", "--map", "mapping.toml", "--out", "team", "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert printed.strip() in doc
    suggested = suggest_mapping("hr_export.csv", lang="en")
    assert suggested.split("[tiers]")[0].strip() in doc.replace("...\n", "")


def test_batch_finds_teams_of_spreadsheets(team_dir: Path, tmp_path: Path, capsys) -> None:
    _as("xlsx", team_dir, tmp_path / "teams" / "a")
    _as("parquet", team_dir, tmp_path / "teams" / "b")
    assert cli.main(["batch", str(tmp_path / "teams"), "--out", str(tmp_path / "r.csv")]) == 0
    results = pd.read_csv(tmp_path / "r.csv")
    assert list(results["people"]) == [30, 30] and results["health_index"].nunique() == 1


def test_a_ragged_row_of_a_decoded_csv_is_left_out_when_lenient(tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_bytes("id,name,manager_id\na,张三,\nb,李四,a,extra\nc,王五,a\n".encode("gbk"))
    with pytest.raises(teamgraph.OrgDataError) as caught:
        teamgraph.read_org(tmp_path)
    assert [(p.code, p.record) for p in caught.value.problems if p.severity == teamgraph.Severity.error] == [
        ("ragged_row", 3)]
    org = teamgraph.read_org(tmp_path, lenient=True)
    assert org.ids == ["a", "c"] and ("ragged_row", 3) in [(w.code, w.record) for w in org.warnings]


@pytest.mark.parametrize("lenient", [False, True])
def test_a_folder_is_not_read_twice_to_find_its_encoding(tmp_path: Path, monkeypatch, lenient: bool) -> None:
    # A UTF-8 folder goes to the core with no pass over its files first; one whose relation table
    # is GBK is found so by the core, then read in Python, which decodes it (one warning).
    from teamgraph import tables

    def never(path, *args, **kwargs):
        raise AssertionError(f"{path} read in Python to find its encoding")

    people = "id,name,manager_id,tier\na,张三,,core\nb,李四,a,execution\nc,王五,a,execution\n"
    (tmp_path / "people.csv").write_text(people, encoding="utf-8")
    (tmp_path / "sharing.csv").write_text("person_a,person_b,channel\na,b,online\n", encoding="utf-8")
    with monkeypatch.context() as m:  # a UTF-8 folder: only the core opens its files
        m.setattr(Path, "open", never)
        org = teamgraph.read_org(tmp_path, lenient=lenient)
    assert org.ids == ["a", "b", "c"] and not org.warnings
    (tmp_path / "sharing.csv").write_bytes("person_a,person_b,channel\na,b,线上\nb,c,online\n".encode("gbk"))
    if not lenient:
        with pytest.raises(teamgraph.OrgDataError) as caught:  # 线上 is not a channel: decoded, then checked
            teamgraph.read_org(tmp_path)
        assert [p.code for p in caught.value.problems if p.severity == teamgraph.Severity.error] == ["unknown_value"]
        assert not tables.encoding_problem(caught.value.problems)
        (tmp_path / "sharing.csv").write_bytes("person_a,person_b,channel\na,b,online\nb,c,online\n".encode("utf-16"))
    org = teamgraph.read_org(tmp_path, lenient=lenient)
    assert org.ids == ["a", "b", "c"]
    assert len(org.table("sharing")) == (1 if lenient else 2)
    assert [w.code for w in org.warnings].count("encoding") == 1
    assert not tables.encoding_problem(org.warnings)

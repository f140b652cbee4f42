"""Every catalog is complete: each finding code and variant the core can emit, each problem message
of the core and of the Python layer, each report word and each word of the command line the Python
code asks for (argparse's own words too), has an entry in every language, with the same
placeholders."""

import argparse
import ast
import inspect
import pickle
import re
import string
from pathlib import Path

import pytest

import teamgraph
from teamgraph import _core

from fixture_orgs import fixture_orgs, fixture_reports
from teamgraph.catalog import DOMAINS, LANGUAGES, Catalog, read_entries

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
PACKAGE = ROOT / "python" / "teamgraph"

# How the scores name their findings' codes: Finding f{"score", "code", ...}, f.code.assign("code")
# and span_finding(who, "code", ...).
CODE_PATTERNS = (re.compile(r'Finding \w+\{"\w+", "(\w+)"'), re.compile(r'code(?:\.assign\(| = )"(\w+)"'),
                 re.compile(r'_finding\(\w+, "(\w+)"'))
# A variant, or a part of one ("core_unit", ".none_named"), is a string literal on a line that
# speaks of the variant.
VARIANT_LINE = re.compile(r"variant|\bout \+?= ")
LITERAL = re.compile(r'"\.?([a-z_]+)"')
WORD = re.compile(r'"(word\.[a-z_.]+?)\.?"')


def sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SRC.rglob("*.cpp")))


def entries(lang: str, domain: str):
    return read_entries(lang, domain)[0]


def placeholders(entry) -> set:
    forms = (entry,) if isinstance(entry, str) else entry
    return {name.split(".")[0].split("[")[0] for form in forms
            for _, name, _, _ in string.Formatter().parse(form) if name}


def finding_codes() -> set:
    text = sources()
    return {m for pattern in CODE_PATTERNS for m in pattern.findall(text)}


def variant_parts() -> set:
    parts = set()
    for line in sources().splitlines():
        if VARIANT_LINE.search(line) and not line.strip().startswith("//"):
            parts.update(LITERAL.findall(line))
    return parts


def test_the_scan_finds_the_codes() -> None:
    # A scan that finds nothing checks nothing: these are codes of every kind of score.
    assert {"missing_competency", "uncovered_key_position", "high_departure_impact", "low_truck_factor",
            "wide_span", "weakest_score", "equipment_gap"} <= finding_codes()
    assert {"unscored", "none_named", "core_unit", "no_flight_risk", "one_bridge"} <= variant_parts()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_code_of_the_core_has_its_texts(lang: str) -> None:
    keys = entries(lang, "findings")
    for code in finding_codes():
        own = [k for k in keys if k == f"{code}.message" or (k.startswith(code + ".") and k.endswith(".message"))]
        assert own, f"{lang}: no message for finding code {code}"
        for key in own:
            assert key.replace(".message", ".recommendation") in keys, f"{lang}: {key} has no recommendation"


def test_every_code_of_the_core_is_in_its_scores_section() -> None:
    # report --code and --score know a report's codes and scores by findings.po's sections
    # (teamgraph.finding_filter); a code outside them would be refused.
    from teamgraph.finding_filter import all_codes, finding_codes as codes_by_score

    assert not sorted(finding_codes() - set(all_codes()))
    pairs = set(re.findall(r'Finding \w+\{"(\w+)", "(\w+)"', sources()))
    assert pairs and not sorted((s, c) for s, c in pairs if c not in codes_by_score().get(s, ()))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_variant_of_the_core_has_its_texts(lang: str) -> None:
    segments = {part for key in entries(lang, "findings") for part in key.split(".")}
    for part in variant_parts():
        assert part in segments, f"{lang}: no catalog entry has the variant {part!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_word_of_the_core_has_an_entry(lang: str) -> None:
    keys = entries(lang, "report")
    for word in set(WORD.findall(sources())):
        assert any(k == word or k.startswith(word + ".") for k in keys), f"{lang}: no entry {word}"


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
@pytest.mark.parametrize("domain", DOMAINS)
def test_every_language_has_every_entry_with_the_same_placeholders(lang: str, domain: str) -> None:
    english, own = entries("en", domain), entries(lang, domain)
    missing = [key for key in english if key not in own]
    assert not missing, f"{lang}/{domain}.po lacks {missing}"
    assert not [key for key in own if key not in english], f"{lang}/{domain}.po has keys English lacks"
    for key, entry in english.items():
        assert placeholders(own[key]) == placeholders(entry), f"{lang}/{domain}.po: {key}"
        assert isinstance(own[key], str) == isinstance(entry, str), f"{lang}/{domain}.po: {key} plural forms"
        assert all(own[key]) if not isinstance(own[key], str) else True, f"{lang}/{domain}.po: {key} empty form"


def test_chinese_has_one_plural_form() -> None:
    for domain in DOMAINS:
        for key, entry in entries("zh_CN", domain).items():
            if not isinstance(entry, str):
                assert len(entry) == 1, f"zh_CN/{domain}.po: {key}"


def keys_used_by_python(paths=None) -> set:
    """The double-quoted "prefix.key" literals of the package's modules whose prefix is one of
    the catalogs' (report's "text.title", the command line's "cli.option.out", ...)."""
    prefixes = {key.split(".")[0] for domain in ("report", "cli", "problems") for key in entries("en", domain)}
    used = set()
    for path in paths or PACKAGE.glob("*.py"):
        for literal in re.findall(r'"([a-z]+\.[A-Za-z_.]+)"', path.read_text(encoding="utf-8")):
            if literal.split(".")[0] in prefixes:
                used.add(literal)
    return used


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_report_word_python_asks_for_exists(lang: str) -> None:
    used = keys_used_by_python()
    assert {"text.title", "html.chart.coverage", "plot.coverage.title", "validate.ok"} <= used
    keys = set(entries(lang, "report")) | set(entries(lang, "cli")) | set(entries(lang, "problems"))
    assert not sorted(used - keys), f"{lang}: report.po, cli.po and problems.po lack {sorted(used - keys)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_word_of_the_command_line_exists(lang: str) -> None:
    # What cli.py asks for (its help, its messages, validate's and batch's lines) and the words it
    # gives argparse; their placeholders are English's (the test above for every domain).
    used = keys_used_by_python([PACKAGE / "cli.py", PACKAGE / "cli_words.py", PACKAGE / "cli_trend.py",
                                PACKAGE / "cli_findings.py", PACKAGE / "cli_batch.py", PACKAGE / "cli_import.py"])
    assert {"cli.description", "cli.command.what_if.help", "cli.option.lang", "cli.error.out_is_folder",
            "cli.bad_input", "cli.argparse.usage", "cli.argparse.expected_count", "validate.ok"} <= used
    catalog = {**entries(lang, "report"), **entries(lang, "cli")}
    assert not sorted(used - set(catalog)), f"{lang} lacks {sorted(used - set(catalog))}"
    # Every entry of cli.po is used: none is left behind by a change of the command line.
    unused = sorted(set(entries(lang, "cli")) - used)
    assert not unused, f"{lang}/cli.po: unused {unused}"


def test_no_key_is_in_two_domains() -> None:
    # A catalog holds every domain's entries under their keys: a key in two would hide one.
    for lang in LANGUAGES:
        seen: dict = {}
        for domain in DOMAINS:
            for key in entries(lang, domain):
                assert key not in seen, f"{lang}: {key} is in {seen.get(key)}.po and {domain}.po"
                seen[key] = domain


def argparse_messages() -> set:
    """The messages this Python's argparse asks gettext for: _("...") and ngettext("...", ...)."""
    tree = ast.parse(inspect.getsource(argparse))
    return {node.args[0].value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext")
            and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)}


def test_every_word_of_argparse_is_in_the_catalog() -> None:
    from teamgraph.cli_words import DEVELOPER_MESSAGES, WORDS

    messages = argparse_messages()
    assert {"usage: ", "show this help message and exit", "expected %s argument"} <= messages
    assert not sorted(messages - set(WORDS) - DEVELOPER_MESSAGES), "argparse words with no catalog entry"
    printf = re.compile(r"%(?:\(\w+\))?[rsd]")
    english = entries("en", "cli")
    for message, (key, fields) in WORDS.items():
        # Each printf field of the message is one placeholder of the entry, and none is left over.
        assert sorted(printf.findall(message)) == sorted(fields.values()), message
        assert placeholders(english[key]) == set(fields), key


def test_findings_of_every_fixture_are_in_every_catalog() -> None:
    # The codes and variants the fixtures emit, as the core hands them over.
    seen = set()
    for _, org in fixture_orgs():
        report = teamgraph.assess(org)
        for k, f in enumerate(report.findings):
            variant = report.findings.variant(k)
            seen.add(f"{f.code}.{variant}" if variant else f.code)
    assert seen
    for lang in LANGUAGES:
        keys = entries(lang, "findings")
        for key in seen:
            assert f"{key}.message" in keys and f"{key}.recommendation" in keys, f"{lang}: {key}"


def test_a_chinese_report_speaks_chinese() -> None:
    report = teamgraph.assess(teamgraph.read_org(ROOT / "examples" / "ecommerce-team"), lang="zh-CN")
    assert report.language == "zh_CN"
    text = report.to_text() if hasattr(report, "to_text") else report.to_markdown()
    assert "储备干部" in text or "储备干部" in " ".join(f.recommendation for f in report.findings)
    assert not re.search(r"\b(people|threshold|successor)\b", " ".join(f.message for f in report.findings))
    assert Catalog.get("zh-CN").score_name("succession_readiness") == "储备机制"


# Problems with the input data: the core holds the English templates (src/problem_messages.cpp),
# the catalogs' domain "problems" the same keys in every language.

PROBLEM_KEY = re.compile(r'"(problem\.[a-z0-9_]+(?:\.[a-z0-9_]+)?)"')


def problem_templates() -> dict:
    return {key: (singular, plural) for key, singular, plural in _core.problem_templates()}


def problem_keys_used() -> set:
    """The "problem.<code>[.<variant>]" literals of the core, the bindings and the package."""
    paths = [p for folder in (SRC, ROOT / "include", ROOT / "python" / "bindings") for p in folder.rglob("*.[ch]pp")]
    paths += list(PACKAGE.glob("*.py"))
    return {key for path in paths if path.name != "problem_messages.cpp"
            for key in PROBLEM_KEY.findall(path.read_text(encoding="utf-8"))}


def test_every_problem_key_used_has_a_template() -> None:
    used = problem_keys_used()
    assert {"problem.ragged_row", "problem.unknown_id.manager", "problem.id_as_float"} <= used
    assert not sorted(used - set(problem_templates())), "keys with no template in src/problem_messages.cpp"
    assert not sorted(set(problem_templates()) - used), "templates no source uses"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_problem_message_is_in_every_catalog(lang: str) -> None:
    own = entries(lang, "problems")
    templates = problem_templates()
    assert sorted(own) == sorted(templates), f"{lang}/problems.po: run scripts/problem_catalog.py (English) or translate"
    for key, (singular, plural) in templates.items():
        english = (singular, plural) if plural else singular
        assert placeholders(own[key]) == placeholders(english), f"{lang}/problems.po: {key}"
        assert isinstance(own[key], str) == (not plural), f"{lang}/problems.po: {key} plural forms"


def test_english_problem_messages_are_the_cores() -> None:
    # Word for word: a problem reads the same from the catalog as from the core (Problem.message).
    own = entries("en", "problems")
    for key, (singular, plural) in problem_templates().items():
        assert own[key] == ((singular, plural) if plural else singular), f"en/problems.po: {key}"


def fixture_problems() -> list:
    """The problems of every bad input the tests keep: bad folders and JSON files, the fuzzers'
    regressions as a people table, a lenient load, and DataFrames with what the Python layer
    refuses."""
    import json
    import tempfile

    import numpy as np
    import pandas as pd

    found = []

    def collect(load) -> None:
        try:
            org = load()
        except teamgraph.OrgDataError as err:
            found.extend(err.problems)
        else:
            found.extend(org.warnings)

    data = ROOT / "tests" / "data"
    for path in sorted(data.iterdir()):
        if path.is_dir() and (path / "people.csv").exists() or path.suffix == ".json":
            collect(lambda: teamgraph.read_org(path))
            collect(lambda: teamgraph.read_org(path, lenient=True))
    for path in sorted((data / "fuzz-regressions").glob("fuzz_json/*.json")):
        collect(lambda: teamgraph.read_org(path))
    for path in sorted((data / "fuzz-regressions").glob("fuzz_csv/*.csv")):
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "people.csv").write_bytes(path.read_bytes())
            collect(lambda: teamgraph.read_org(folder))
    people = pd.DataFrame({"id": ["a", "b", "c", "a"], "manager_id": ["", "a", "z", "b"], "tier": ["core", "boss", "", ""],
                           "assessment": ["0.5", "85%", "1,5", "x"], "name": ["A", "B\x1b", "C", "D"]})
    collect(lambda: teamgraph.Org.from_frames(people))
    collect(lambda: teamgraph.Org.from_frames(people, lenient=True))
    collect(lambda: teamgraph.Org.from_frames(pd.DataFrame({"id": [1.0, np.nan], "manager_id": [None, True]})))
    collect(lambda: teamgraph.Org.from_frames(pd.DataFrame([[1, 2]], columns=["id", "id"])))
    with tempfile.TemporaryDirectory() as name:  # a problem of every table, and of team.json's policy
        folder = Path(name)
        (folder / "people.csv").write_text("id,manager_id,tier\na,,core\nb,a,boss\nc,d,\ne,f,\nf,e,\n")
        (folder / "competencies.csv").write_text("person_id,competency,score\na,x,0.5\na,x,0.7\nz,,\n")
        (folder / "successors.csv").write_text("incumbent_id,successor_id,readiness\na,a,ready_now\na,b,ready_now\na,b,ready_now\n")
        (folder / "sharing.csv").write_text("person_a,person_b,channel\na,a,online\na,b,online\nb,a,online\n")
        (folder / "attendance.csv").write_text("meeting_id,person_id\nm,a\n")
        (folder / "goals.csv").write_text("goal_id,owner_id,parent_goal_id\ng1,a,g2\ng2,a,g1\ng3,,g3\ng4,,zz\ng4,,\n")
        (folder / "contributions.csv").write_text("person_id,artifact,action,date,previous_artifact\n"
                                                  "a,,rename,2024-01-01,\na,x,create,bad,y\n")
        (folder / "incentives.csv").write_text("person_id,kind,amount\na,material,\n")
        (folder / "team.json").write_text(json.dumps({"policy": {"sharing": {"inward_ei_index": 7}, "nonsense": 1,
                                                                 "leadership": {"threshold": "x"}}}))
        collect(lambda: teamgraph.read_org(folder))
        collect(lambda: teamgraph.read_org(folder, lenient=True))
    found.extend(p for err in refusals() for p in err.problems)
    return found


def refusals() -> list:
    """A RequestError of every kind: each what-if change that cannot be made, and each policy the
    scoring cannot take (not JSON, not an object, settings)."""
    org = teamgraph.read_org(teamgraph.sample_team_path())
    top, a, b = org.ids[0], org.ids[1], org.ids[2]
    found = []

    def refuse(call) -> None:
        with pytest.raises(teamgraph.RequestError) as caught:
            call()
        found.append(caught.value)

    refuse(lambda: org.what_if(leave=["nobody"]))
    refuse(lambda: org.what_if(leave=[a, b], promote={a: b}))
    refuse(lambda: org.what_if(leave=[a, b], promote={a: top, b: top}))
    refuse(lambda: org.what_if(promote={a: b}))
    refuse(lambda: org.what_if(leave=[a], move={a: top}))
    # The same seat twice: a list of pairs, as the core takes them (a dict cannot hold it).
    refuse(lambda: _core.what_if(org._core, [a], [(a, top), (a, b)], [], [], True, ""))
    refuse(lambda: teamgraph.assess(org, policy={"speed": 1, "leadership": {"threshold": "x"}}))
    refuse(lambda: _core.assess(org._core, "{x"))
    refuse(lambda: _core.assess(org._core, "[1]"))
    return found


def test_every_refusal_has_its_entries() -> None:
    errors = refusals()
    keys = {p.key for err in errors for p in err.problems}
    # Each what-if refusal of the core's table is made here: a new one needs its case above.
    assert {k for k in problem_templates() if k.startswith("problem.what_if.")} <= keys
    assert {"problem.json_syntax.policy", "problem.bad_value.policy_not_object", "problem.bad_value.policy_unknown"} <= keys
    chinese = Catalog.get("zh_CN")
    cjk = re.compile(r"[\u4e00-\u9fff]")
    for err in errors:
        assert isinstance(err, ValueError) and err.subject in ("what-if", "policy")
        assert err.text() == str(err) == err.text("en"), str(err)  # English: the core's text, word for word
        assert str(err).startswith(err.subject + ": ")
        text = err.text("zh-CN")
        assert cjk.search(text) and text != str(err), text
        assert all(p.person_id in text for p in err.problems)
        again = pickle.loads(pickle.dumps(err))
        assert type(again) is type(err) and again.problems == err.problems and again.text("zh_CN") == text
    [what_if] = [e for e in errors if e.problems[0].key == "problem.what_if.unknown_id"]
    assert str(what_if) == "what-if: no person has the id 'nobody'"
    assert what_if.text("zh_CN") == "假设推演：没有编号为“nobody”的人"
    assert what_if.problems[0].to_dict() == {
        "code": "what_if", "severity": "error", "file": "what-if", "record": 0, "person_id": "nobody",
        "field": "leave", "message": "no person has the id 'nobody'", "key": "problem.what_if.unknown_id",
        "args": {"id": "nobody"}}
    [settings] = [e for e in errors if e.listed]
    assert str(settings) == ("policy: 2 problem(s)\n  speed: unknown policy setting\n"
                             "  leadership.threshold: expected a number")
    assert settings.text("zh_CN") == "评分策略：2 个问题\n  speed：没有这项策略设置\n  leadership.threshold：应为数字"


def test_problems_read_the_same_from_the_english_catalog() -> None:
    problems = fixture_problems()
    assert len({p.key for p in problems}) >= 50, "the fixtures show few kinds of problem"
    english = Catalog.get("en")
    for p in problems:
        assert p.key in problem_templates(), str(p)
        assert english.problem_message(p) == p.message
        assert english.problem(p) == str(p)


def test_problems_read_as_chinese() -> None:
    chinese = Catalog.get("zh_CN")
    cjk = re.compile(r"[\u4e00-\u9fff]")
    for p in fixture_problems():
        message = chinese.problem_message(p)
        assert message != p.message or p.key in ("problem.json_syntax",), p.key
        assert cjk.search(message) or p.key == "problem.json_syntax", f"{p.key}: {message}"
        assert "\x1f" not in message
        line = chinese.problem(p)
        assert p.file in line and p.code in line and (not p.person_id or f"“{p.person_id}”" in line)
        assert not p.field or f"字段“{p.field}”" in line
        if p.record:
            assert re.search(rf"第{p.record}(行|条记录)", line), line


def test_a_problem_with_no_key_shows_its_message() -> None:
    p = _core.make_problem("problem.unknown_id", "people.csv", 2, "e1", "manager_id", [("id", "x")])
    assert Catalog.get("zh_CN").problem_message(p) == "人员表中没有编号为“x”的人"
    older = pickle.loads(pickle.dumps(p))
    assert older.key == p.key and older.args == p.args
    # A problem pickled before problems had keys (seven items) has its English message only.
    state = p.__getstate__()[:7]
    bare = _core.Problem.__new__(_core.Problem)
    bare.__setstate__(state)
    assert bare.key == "" and Catalog.get("zh_CN").problem_message(bare) == "no person has the id 'x' in people"


def test_lists_plurals_and_quotes_in_chinese() -> None:
    chinese = Catalog.get("zh_CN")
    columns = _core.make_problem("problem.duplicate_column", "people.csv", 1, "", "id",
                                 [("count", "3"), ("columns", _core.list_arg(["1", "4", "7"]))])
    assert chinese.problem_message(columns) == "该列名出现了3次（第1、4和7列）"
    assert columns.message == "the column appears 3 times (columns 1, 4 and 7)"
    tops = _core.make_problem("problem.several_tops", "people.csv", 0, "", "manager_id",
                              [("count", "2"), ("people", _core.list_arg(["a", "b"]))], warning=True)
    assert chinese.problem(tops) == "people.csv：字段“manager_id”，（警告）several_tops：组织中有2人没有上级（“a”、“b”）；统一管理要求只有一位最高负责人"
    for count, english in ((1, "1 person under them"), (3, "3 people under them")):
        p = _core.make_problem("problem.left_out.under", "people.csv", 4, "m", "manager_id", [("count", str(count))])
        assert p.message.startswith(english) and Catalog.get("en").problem_message(p) == p.message
        assert chinese.problem_message(p) == f"其下属{count}人随之一并被剔除"


def test_the_core_writes_every_finding_as_the_catalog_does() -> None:
    # The texts of a report's findings are written in C++ from the catalog (many at once); the
    # catalog's own Python rules are the reference, for every fixture, in every language, with
    # names, ids and pseudonyms.
    compared = 0
    for root, lang, report in fixture_reports():
        findings = report.findings
        for k, f in enumerate(findings):
            expected = report.catalog.finding_texts(f.code, findings.variant(k), findings.args(k), f.labels)
            assert (f.message, f.recommendation) == expected, (root, lang, f.code)
            compared += 1
    assert compared > 100


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_texts_without_numbers_are_filled_as_the_catalog_formatter_fills_them(lang: str) -> None:
    # Catalog.text fills an entry whose values hold no float with str.format (C, fast); the
    # catalog's own formatter, which says how numbers show, must give the same text for them.
    import string

    c = Catalog.get(lang)
    compared = 0
    for key, entry in c._entries.items():
        for form in [entry] if isinstance(entry, str) else entry:
            names = {field for _, field, _, _ in string.Formatter().parse(form) if field}
            if any(not name.isidentifier() for name in names):
                continue
            values = {name: (7 if name == "count" else f"<{name}>") for name in names}
            try:
                expected = c._format.vformat(form, (), values)
            except (ValueError, KeyError):  # a number's spec ({value:.2f}) on text: no text either way
                with pytest.raises((ValueError, KeyError)):
                    form.format_map(values)
                continue
            assert form.format_map(values) == expected, key
            compared += 1
    assert compared > 300


def test_the_compiled_catalogs_read_as_their_po_files(tmp_path: Path) -> None:
    # The build compiles each PO file into an MO file (python/tools/compile_catalog.py), which an
    # installed package reads instead: every entry, plural form and plural rule the same.
    import subprocess
    import sys

    from teamgraph import catalog as catalog_module

    compiled = 0
    for po in sorted((PACKAGE / "locale").glob("*/LC_MESSAGES/*.po")):
        mo = tmp_path / po.relative_to(PACKAGE).with_suffix(".mo")
        subprocess.run([sys.executable, str(ROOT / "python" / "tools" / "compile_catalog.py"), str(po), str(mo)],
                       check=True)
        lang, domain = po.parent.parent.name, po.stem
        with po.open("rb") as f:
            from_po = catalog_module._entries_of(catalog_module.read_po(f, locale=lang, domain=domain))
        with mo.open("rb") as f:
            from_mo = catalog_module._mo_entries(f)
        assert from_mo == from_po, po
        assert any(isinstance(entry, tuple) for entry in from_po[0].values()) or domain != "findings"
        compiled += 1
    assert compiled == len(LANGUAGES) * len(DOMAINS)


def test_an_installed_package_reads_its_compiled_catalogs() -> None:
    # Installed (pip install .), the package has an MO file beside each PO file, and reads the
    # same words from it; run from the source tree, it has none and parses the PO files.
    from teamgraph import catalog as catalog_module

    installed = Path(teamgraph.__file__).resolve().parent
    pos = sorted(installed.glob("locale/*/LC_MESSAGES/*.po"))
    assert pos
    mos = [po.with_suffix(".mo") for po in pos if po.with_suffix(".mo").is_file()]
    if installed == PACKAGE.resolve():
        assert not mos
        return
    assert len(mos) == len(pos)
    for po in pos:
        lang, domain = po.parent.parent.name, po.stem
        assert catalog_module._read_po(lang, domain) == catalog_module._read_po(lang, domain, compiled=False)

"""Every catalog is complete: each finding code and variant the core can emit, each report word
and each word of the command line the Python code asks for (argparse's own words too), has an entry
in every language, with the same placeholders."""

import argparse
import ast
import inspect
import re
import string
from pathlib import Path

import pytest

import teamgraph
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
    prefixes = {key.split(".")[0] for domain in ("report", "cli") for key in entries("en", domain)}
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
    keys = set(entries(lang, "report")) | set(entries(lang, "cli"))
    assert not sorted(used - keys), f"{lang}: report.po and cli.po lack {sorted(used - keys)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_word_of_the_command_line_exists(lang: str) -> None:
    # What cli.py asks for (its help, its messages, validate's and batch's lines) and the words it
    # gives argparse; their placeholders are English's (the test above for every domain).
    used = keys_used_by_python([PACKAGE / "cli.py", PACKAGE / "cli_words.py"])
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
    roots = [ROOT / "examples" / "ecommerce-team"] + sorted(p for p in (ROOT / "tests" / "data").iterdir()
                                                            if p.is_dir() and (p / "people.csv").exists())
    seen = set()
    for root in roots:
        try:
            report = teamgraph.assess(teamgraph.read_org(root))
        except ValueError:
            continue
        for f in report._raw["findings"]:
            seen.add(f"{f['code']}.{f['variant']}" if f["variant"] else f["code"])
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

"""What the analyst sees: JSON (schema, determinism), Markdown, HTML, plots, pseudonyms, CSV safety."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import jsonschema
import numpy as np
import pandas as pd
import pytest

import teamgraph
from fixture_orgs import fixture_reports
from teamgraph.export import csv_safe, input_checksum, schema

OUTPUT = Path(__file__).resolve().parents[1] / "output"
KEY = b"a-secret-key-of-32-bytes-0123456"


@pytest.fixture(scope="module")
def org() -> teamgraph.Org:
    return teamgraph.read_org(teamgraph.sample_team_path())


@pytest.fixture(scope="module")
def report(org) -> teamgraph.Report:
    return teamgraph.assess(org)


def shuffled_copy(source: Path, target: Path, seed: int) -> Path:
    """The same team with the rows of every CSV file in another order."""
    target.mkdir(parents=True)
    rng = random.Random(seed)
    for path in source.iterdir():
        if path.suffix != ".csv":
            shutil.copy(path, target / path.name)
            continue
        header, *rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
        rng.shuffle(rows)
        (target / path.name).write_text(header + "".join(rows), encoding="utf-8")
    return target


def test_json_report_matches_its_schema(report) -> None:
    document = json.loads(report.to_json())
    jsonschema.validate(document, schema())
    assert document["schema_version"] == "1.3"
    assert document["teamgraph_version"] == teamgraph.__version__
    assert len(document["people"]) == 46
    assert document["policy"]["leadership"]["threshold"] == 0.6


def test_json_report_is_byte_identical_in_any_row_order(report, tmp_path) -> None:
    first = report.to_json()
    for seed in (1, 2):
        folder = shuffled_copy(teamgraph.sample_team_path(), tmp_path / f"shuffled{seed}", seed)
        assert teamgraph.assess(teamgraph.read_org(folder)).to_json() == first


def test_checksum_follows_the_data_not_the_order(org, tmp_path) -> None:
    folder = shuffled_copy(teamgraph.sample_team_path(), tmp_path / "team", 5)
    assert input_checksum(teamgraph.read_org(folder)) == input_checksum(org)
    people = folder / "people.csv"
    people.write_text(people.read_text().replace("Lin Wei", "Lin Wen"))
    assert input_checksum(teamgraph.read_org(folder)) != input_checksum(org)


def _checksum_from_tables(org) -> str:
    # The checksum's definition: every table as org.table(normalized=True) makes it, column by
    # column through _column_bytes. input_checksum() hashes most columns from the core's arrays.
    import hashlib

    from teamgraph.json_report import _column_bytes

    digest = hashlib.sha256()
    for name in sorted(org.tables):
        table = org.table(name, normalized=True)
        digest.update(f"\x00table {name} {len(table)}\n".encode())
        for column in table.columns:
            digest.update(f"\x00column {column}\n".encode())
            for part in _column_bytes(table[column]):
                digest.update(part)
    digest.update(b"\x00team\n" + org._core.team_json.encode("utf-8"))
    return "sha256:" + digest.hexdigest()


def test_reports_made_while_the_checksum_is_made_beside_them_or_not(report, monkeypatch) -> None:
    """The JSON, Markdown and HTML reports make the input checksum on a thread of their own; where
    no thread can be started they make it first, and say the same. A writer that fails stops the
    checksum and its error is the one raised."""
    import concurrent.futures

    from teamgraph import json_report

    made = {"json": report.to_json(), "markdown": report.to_markdown(), "html": report.to_html()}

    def no_thread(*args, **kwargs):
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(concurrent.futures.ThreadPoolExecutor, "submit", no_thread)
    assert {"json": report.to_json(), "markdown": report.to_markdown(), "html": report.to_html()} == made
    monkeypatch.undo()

    def failing(data):
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        json_report.write_json(report, failing)
    stop = __import__("threading").Event()
    stop.set()
    with pytest.raises(json_report._Stopped):  # a checksum no longer wanted stops at its next block
        json_report.input_checksum(report.org, None, stop)


def test_checksum_from_the_cores_arrays_is_the_checksum_of_the_tables() -> None:
    from fixture_orgs import fixture_orgs

    orgs = [org for _, org in fixture_orgs()]
    people = pd.DataFrame({"id": ["a", "b", "c", "d"], "manager_id": [None, "a", "a", "b"],
                           "tier": ["core", "core", "execution", None], "name": ["Ann", None, "中文", ""],
                           "assessment": [0.5, np.nan, 1.0, 0.25], "has_career_plan": [True, None, False, True],
                           "badge": ["x", None, "z", "w"]})
    competencies = pd.DataFrame({"person_id": ["a", "b", "b"], "competency": ["command", "command", "planning"],
                                 "score": [0.5, 0.75, 1.0]})
    orgs.append(teamgraph.Org.from_frames(people, competencies=competencies,
                                          successors=pd.DataFrame({"incumbent_id": ["a"], "successor_id": ["b"],
                                                                   "readiness": ["ready_now"]})))
    assert len(orgs) >= 5
    for org in orgs:
        assert input_checksum(org) == _checksum_from_tables(org)


def _core_bytes(org, name: str, block: int = 1 << 22):
    parts = []
    made = org._core.table_digest(name, lambda view: parts.append(bytes(view)), block)
    return b"".join(parts) if made else None


def test_the_cores_bytes_are_those_of_the_python_columns(org) -> None:
    # input_checksum hashes each table's bytes as the core makes them (table_digest, a block at a
    # time); where the core cannot (below), as _table_bytes makes them from the pandas columns: the
    # same bytes, whatever the size of the blocks.
    from teamgraph.json_report import _table_bytes

    for name in sorted(org.tables):
        expected = b"".join(bytes(part) for part in _table_bytes(org, name))
        for block in (1, 7, 4096, 1 << 22):
            assert _core_bytes(org, name, block) == expected, (name, block)


def test_competencies_are_read_from_the_matrix_with_gaps() -> None:
    # The competencies table is made from the org's matrix, entry by entry, without a column of
    # people or scores: people with none (first, between, last) are skipped, a person's are in
    # the order of the competencies' names, and the digest's bytes are those of the columns.
    from teamgraph.json_report import _table_bytes

    people = pd.DataFrame({"id": ["top", "a", "b", "c", "d"], "manager_id": [None, "top", "top", "a", "a"],
                           "tier": ["core", "core", "execution", "execution", "support"]})
    competencies = pd.DataFrame({"person_id": ["c", "a", "a", "c", "a"],
                                 "competency": ["planning", "command", "planning", "analysis", "analysis"],
                                 "score": [0.25, 0.5, 0.75, 1.0, 0.0]})
    org = teamgraph.Org.from_frames(people, competencies=competencies)
    table = org.table("competencies")
    order = list(org.ids)
    expected = competencies.assign(at=competencies["person_id"].map(order.index)).sort_values(
        ["at", "competency"]).drop(columns="at").reset_index(drop=True)
    assert table[["person_id", "competency"]].astype(str).values.tolist() == expected[
        ["person_id", "competency"]].values.tolist()
    assert table["score"].tolist() == expected["score"].tolist()
    for block in (1, 5, 1 << 22):
        assert _core_bytes(org, "competencies", block) == b"".join(bytes(p) for p in _table_bytes(org, "competencies"))


def test_a_digest_stopped_by_its_reader_stops_its_maker(org) -> None:
    # update() raising (a full disk, Ctrl-C) ends the digest with that error: the thread making
    # the bytes stops at its next block instead of waiting forever for a reader.
    calls = []

    def update(view) -> None:
        calls.append(len(view))
        if len(calls) == 3:
            raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        org._core.table_digest("people", update, 16)
    assert len(calls) == 3
    assert _core_bytes(org, "people") is not None  # and the next digest is whole


def test_a_date_past_nanoseconds_is_hashed_as_pandas_holds_it(tmp_path) -> None:
    # 3000-01-05 is past what pandas' nanoseconds hold: the core leaves that table's bytes to the
    # pandas columns (table_digest None), and the checksum is still the tables' checksum.
    folder = tmp_path / "team"
    shutil.copytree(teamgraph.sample_team_path(), folder)
    meetings = folder / "meetings.csv"
    lines = meetings.read_text().splitlines()
    first = lines[1].split(",")
    first[1] = "3000-01-05"
    meetings.write_text("\n".join([lines[0], ",".join(first), *lines[2:]]) + "\n")
    far = teamgraph.read_org(folder)
    assert far.table("meetings")["date"].max().year == 3000
    assert _core_bytes(far, "meetings") is None and _core_bytes(far, "people") is not None
    assert input_checksum(far) == _checksum_from_tables(far) != input_checksum(teamgraph.read_org(teamgraph.sample_team_path()))


def test_who_lines_name_ten_people_and_count_the_rest(report) -> None:
    # A finding about many people (the whole team, at a big org hundreds of thousands) lists ten
    # in the text, Markdown and HTML reports, and how many more; the JSON report lists them all.
    many = [f for f in report.findings if len(f.people) > 10]
    assert many, "the sample team has a finding about more than ten people"
    text, markdown, html = report.to_text(), report.to_markdown(), report.to_html()
    listed = {tuple(f["people"]) for f in json.loads(report.to_json())["findings"]}
    for f in many:
        assert tuple(f.people) in listed
        shown = ", ".join(f.people[:10]) + f" and {len(f.people) - 10} more"
        assert f"who: {shown};" in text and f"who: {shown};" in markdown and f"who: {shown};" in html
        assert ", ".join(f.people[:11]) not in text


def test_html_shows_the_top_findings_when_asked(report, tmp_path) -> None:
    # `report --format html` shows the --top most severe findings (10 by default) and says how
    # many there are; the Python default, as the JSON, shows all.
    from teamgraph.cli import main

    count = len(report.findings)
    assert report.to_html().count('<div class="finding ') == count > 10
    out = tmp_path / "r.html"
    assert main(["report", "--format", "html", "--top", "3", "--out", str(out)]) in (0, 1)
    page = out.read_text(encoding="utf-8")
    assert page.count('<div class="finding ') == 3
    assert f"Findings ({count}; 3 shown, most severe first)" in page
    assert f"发现（共{count}条，显示3条" in report.to_html(lang="zh-CN", top=3)
    # --score and --code choose them as in the text report.
    assert main(["report", "--format", "html", "--code", "reserve_in_unit", "--top", "2", "--out", str(out)]) in (0, 1)
    page = out.read_text(encoding="utf-8")
    matched = sum(f.code == "reserve_in_unit" for f in report.findings)
    assert page.count('<div class="finding ') == min(2, matched) > 0
    assert f"({matched} of {count}; {min(2, matched)} shown, most severe first)" in page


def test_pseudonymized_outputs_hold_no_id_or_name(org, report) -> None:
    masked = report.pseudonymize(KEY)
    outputs = [masked.to_json(), masked.to_markdown(), masked.to_html(), str(masked.findings)]
    names = [n for n in org.people["name"] if isinstance(n, str)]
    for text in outputs:
        for person in org.ids:
            assert f'"{person}"' not in text and f" {person} " not in text and f"{person}," not in text
        for name in names:
            assert name not in text
        assert KEY.decode() not in text
    again = report.pseudonymize(KEY)
    assert again.findings[0].people == masked.findings[0].people  # stable for one key
    other = report.pseudonymize(b"another-key-of-sufficient-length")
    assert other.findings[0].people != masked.findings[0].people
    assert json.loads(masked.to_json())["pseudonymized"] is True


def test_csv_cells_that_would_run_as_formulas_are_neutralized() -> None:
    frame = pd.DataFrame({"name": ["=SUM(A1)", "+1", "-x", "@cmd", "\tTab", "\rCR", "plain"], "n": [-1, 2, 3, 4, 5, 6, 7]})
    safe = csv_safe(frame)
    assert list(safe["name"]) == ["'=SUM(A1)", "'+1", "'-x", "'@cmd", "'\tTab", "'\rCR", "plain"]
    assert list(safe["n"]) == [-1, 2, 3, 4, 5, 6, 7]


def test_markdown_report(report) -> None:
    text = report.to_markdown(top=3)
    assert text.startswith("# Team report: Harbor &amp; Pine online store")  # & is HTML in Markdown
    assert "| leadership_coverage | 40.0 |" in text
    assert text.count("- **") == 3


def test_plots_return_figures(report) -> None:
    from matplotlib.figure import Figure

    from teamgraph import plot

    for name in plot.ALL:
        figure = getattr(plot, name)(report)
        assert isinstance(figure, Figure), name
        assert figure.axes, name


def test_charts_of_an_org_over_the_chart_limit_show_part_of_it_and_say_so(report, monkeypatch) -> None:
    """A large org's charts draw at most CHART_LIMIT people, the sharing network NETWORK_LIMIT
    (both set to 10 here for the 46-person sample): the org chart its top layers that fit, the
    sharing network the core, the brokers, then the highest departure impact; each title says how
    many of how many."""
    from teamgraph import plot

    monkeypatch.setattr(plot, "CHART_LIMIT", 10)
    monkeypatch.setattr(plot, "NETWORK_LIMIT", 10)
    people = report.people
    depth = np.asarray(report.org.hierarchy["depth"])
    layers = int(np.searchsorted(np.cumsum(np.bincount(depth)), 10, side="right"))
    shown = int((depth < layers).sum())
    chart = plot.org_chart(report)
    assert f"first {layers} layers: {shown} of 46 people" in chart.axes[0].get_title()
    assert sum(len(c.get_offsets()) for c in chart.axes[0].collections[1:3]) == shown
    network = plot.sharing_network(report)
    assert "10 of 46 people: the core, the brokers" in network.axes[0].get_title()
    core = int((people["tier"] == "core").sum())
    assert core <= 10  # the sample's core is drawn whole
    drawn = sum(len(c.get_offsets()) for c in network.axes[0].collections if hasattr(c, "get_offsets")
                and c.get_offsets() is not None and len(c.get_offsets()) and c.__class__.__name__ == "PathCollection")
    assert drawn == 10
    # The incentive chart draws everyone as a density (no point a person), saying how many never
    # had spiritual recognition.
    spiritual = people["incentive_balance.spiritual_count"]
    incentives = plot.incentive_balance(report)
    title = incentives.axes[0].get_title()
    assert f"46 people by density; {int((spiritual == 0).sum())} never recognized" in title
    [cells] = incentives.axes[0].collections
    assert cells.__class__.__name__ == "PolyCollection" and cells.get_array().sum() == 46


def test_notebook_html_repr(report) -> None:
    html = report._repr_html_()
    assert "leadership_coverage" in html and "<table" in html


def test_html_report_renders_in_headless_chromium(report, tmp_path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "chromium is installed by scripts/setup.sh --test"
    page = tmp_path / "report.html"
    report.to_html(page)
    text = page.read_text()
    # Self-contained: nothing is fetched (SVG namespaces are names, not fetches).
    assert "src=\"http" not in text and "href=\"http" not in text and "@import" not in text
    OUTPUT.mkdir(exist_ok=True)
    screenshot = OUTPUT / "report.png"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
             "--enable-logging=stderr", "--v=0"]
    dom = subprocess.run([chromium, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    for section in ["id=\"scores\"", "id=\"org-chart\"", "id=\"coverage\"", "id=\"incentives\"", "id=\"sharing\"",
                    "id=\"departure\"", "id=\"findings\""]:
        assert section in dom.stdout, section
    assert dom.stdout.count("<svg") >= 5
    console_errors = [line for line in dom.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console_errors == []
    shot = subprocess.run([chromium, *flags, "--window-size=1280,2400", f"--screenshot={screenshot}", page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert shot.returncode == 0 and screenshot.stat().st_size > 10_000


def _cjk_to_private_use(text: str) -> str:
    """Every CJK character (and CJK punctuation) replaced by a private-use one, which no font
    draws: the page as it looks when the glyphs are missing (boxes)."""
    return "".join("\ue000" if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else ch for ch in text)


def test_chinese_html_report_has_no_missing_glyphs(report, tmp_path) -> None:
    import warnings

    from PIL import Image, ImageChops

    from teamgraph.plot import cjk_font

    assert cjk_font(), "a CJK font (fonts-noto-cjk, installed by scripts/setup.sh) is needed for Chinese charts"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        html = report.to_html(lang="zh-CN")
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert missing == [], missing[:3]  # matplotlib found a glyph for every character of the charts
    assert "储备机制" in html and '<html lang="zh-CN">' in html
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "chromium is installed by scripts/setup.sh --test"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
             "--hide-scrollbars", "--window-size=1280,1200"]

    def screenshot(name: str, text: str) -> Image.Image:
        page, png = tmp_path / f"{name}.html", tmp_path / f"{name}.png"
        page.write_text(text, encoding="utf-8")
        shot = subprocess.run([chromium, *flags, f"--screenshot={png}", page.as_uri()],
                              capture_output=True, text=True, timeout=120)
        assert shot.returncode == 0, shot.stderr[-2000:]
        return Image.open(png).convert("L")

    # The page's top, where the title and the scores speak Chinese, against the same page with
    # every Chinese character made a missing glyph: without a CJK font the two are the same boxes.
    chinese = screenshot("zh", html)
    boxes = screenshot("boxes", _cjk_to_private_use(html))
    OUTPUT.mkdir(exist_ok=True)
    chinese.save(OUTPUT / "report-zh.png")
    difference = ImageChops.difference(chinese, boxes)
    changed = sum(1 for v in difference.tobytes() if v > 64)
    assert changed > 2000, f"the Chinese text looks like missing-glyph boxes ({changed} pixels differ)"


def test_the_json_report_written_from_columns_is_json_dumps_of_the_document() -> None:
    # The per-person rows and the findings are written by the core from their columns (#17); the
    # document as dicts (report_dict) through json.dumps is the reference, byte for byte, for
    # every fixture, in both languages, named and pseudonymized.
    import json

    from teamgraph.export import report_dict

    compared = 0
    for root, lang, report in fixture_reports():
        written = report.to_json()  # before report_dict reads the people table: ids and names in place
        assert report._people_cache is None, (root, lang)
        expected = json.dumps(report_dict(report), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        assert written == expected, (root, lang)
        compared += 1
    assert compared >= 8


def test_json_rows_write_numbers_and_text_as_json_dumps_does() -> None:
    import json

    import pyarrow as pa

    from teamgraph import _core

    numbers = np.array([0.1 + 0.2, 1e16, 1e-5, 1e-4, -0.0, 123.0, 5e-324, 1.7976931348623157e308, 1234567890123456.0,
                        12345678901234567.0, np.nan, np.inf, 2.5, -1.5e-7, 1e15, 999999999999999.0, -3.0, 0.0,
                        -999999999999999.0, 1e15 - 0.5])
    texts = ["a\"b\\c", "tab\there\nline", "\x01\x1f", "中文", "", None, "\u2028", "x", "y", "z", "", "é", "a,b", "q",
             "\x7f", "end\\", "\"", "\x00", "plain", "\r\x0b\x0c\b"]
    arrow = pa.array(texts, type=pa.large_string())
    offsets = np.frombuffer(arrow.buffers()[1], dtype=np.int64)[:len(texts) + 1]
    data = np.frombuffer(arrow.buffers()[2], dtype=np.uint8)
    given = np.array([t is not None for t in texts])
    wholes = np.arange(len(texts), dtype=np.int64) * -7
    out = _core.json_rows(len(texts), [("b", "boolean", wholes % 2 == 0), ("n", "number", numbers),
                                       ("t", "text", offsets, data, given), ("w", "whole", wholes)], 1)
    rows = [{"n": None if not np.isfinite(n) else float(n), "t": t, "w": int(w), "b": bool(w % 2 == 0)}
            for n, t, w in zip(numbers, texts, wholes)]
    expected = json.dumps({"rows": rows}, indent=2, sort_keys=True, ensure_ascii=False)
    assert expected == '{\n  "rows": ' + out.decode("utf-8") + "\n}"
    assert _core.json_rows(0, [], 1) == b"[]"
    # Counts given as uint32 (read in place, to 4,294,967,295), contiguous or not, write as int64.
    counts = np.array([0, 1, 7, 2**31, 2**32 - 1, 42], dtype=np.uint32)
    expected = _core.json_rows(len(counts), [("c", "whole", counts.astype(np.int64))], 1)
    assert b"4294967295" in expected and b"2147483648" in expected
    assert _core.json_rows(len(counts), [("c", "whole", counts)], 1) == expected
    strided = np.repeat(counts, 2)[::2]
    assert not strided.flags.c_contiguous
    assert _core.json_rows(len(counts), [("c", "whole", strided)], 1) == expected
    # Categories (codes and their words; -1 none) write as their text does.
    words = ["low", "middle", "high"]
    codes = np.array([2, -1, 0, 1, 0], dtype=np.int8)
    arrow = pa.array([None if c < 0 else words[c] for c in codes], type=pa.large_string())
    as_text = _core.json_rows(len(codes), [("g", "text", np.frombuffer(arrow.buffers()[1], dtype=np.int64)[:len(codes) + 1],
                                            np.frombuffer(arrow.buffers()[2], dtype=np.uint8), codes >= 0)], 1)
    assert _core.json_rows(len(codes), [("g", "coded", codes, words)], 1) == as_text
    # Codes of any width, read in place, and codes not contiguous (copied) write alike.
    for dtype in (np.int16, np.int32, np.int64):
        assert _core.json_rows(len(codes), [("g", "coded", codes.astype(dtype), words)], 1) == as_text
    assert _core.json_rows(len(codes), [("g", "coded", np.repeat(codes, 2)[::2], words)], 1) == as_text
    with pytest.raises(ValueError, match="code out of range"):
        _core.json_rows(2, [("g", "coded", np.array([0, 3], dtype=np.int8), words)], 1)


def test_json_rows_read_an_orgs_ids_and_names_in_place() -> None:
    # The people rows' ids and names read from the org itself (no column made of them): as
    # json.dumps writes them, a missing name null.
    import json

    import pandas as pd

    import teamgraph
    from teamgraph import _core

    people = pd.DataFrame({"id": ["p1", "p\"2", "中3", "p4"], "name": ["Ann \\ \"A\"", None, "王\t五", "Bo"],
                           "manager_id": ["", "p1", "p1", "中3"], "tier": ["core", "execution", "execution", "execution"]})
    org = teamgraph.Org.from_frames(people=people)
    out = _core.json_rows(len(org), [("id", "people_text", org._core, "ids"), ("name", "people_text", org._core, "names")], 1)
    names = {i: None if pd.isna(n) else n for i, n in zip(people["id"], people["name"])}
    rows = [{"id": i, "name": names[i]} for i in org.ids]
    assert '{\n  "rows": ' + out.decode("utf-8") + "\n}" == json.dumps({"rows": rows}, indent=2, sort_keys=True,
                                                                       ensure_ascii=False)
    with pytest.raises(ValueError, match="wrong length"):
        _core.json_rows(len(org) + 1, [("id", "people_text", org._core, "ids")], 1)
    with pytest.raises(TypeError, match="needs an org"):
        _core.json_rows(len(org), [("id", "people_text", None, "ids")], 1)
    with pytest.raises(ValueError, match="ids or names"):
        _core.json_rows(len(org), [("id", "people_text", org._core, "departments")], 1)


def test_json_rows_written_in_blocks_are_the_rows_in_order() -> None:
    # Given a write, the rows are formatted a block of 1,024 at a time on worker threads and
    # written in order as they are ready: the same bytes as made at once, however many blocks.
    from teamgraph import _core

    for rows in (1, 1023, 1024, 1025, 4097, 50_000):
        numbers = np.arange(rows, dtype=np.float64) * 0.37
        specs = [("n", "number", numbers), ("w", "whole", np.arange(rows, dtype=np.int64))]
        parts: list = []
        assert _core.json_rows(rows, specs, 1, lambda view: parts.append(bytes(view))) is None
        assert b"".join(parts) == _core.json_rows(rows, specs, 1), rows


def test_json_rows_stop_at_a_failed_write() -> None:
    # A write that fails (a full disk, Ctrl-C) ends the call with its error, the workers stopped;
    # the next call is whole.
    from teamgraph import _core

    rows = 100_000
    specs = [("n", "number", np.arange(rows, dtype=np.float64))]
    calls: list = []

    def write(view) -> None:
        calls.append(len(view))
        if len(calls) == 4:
            raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        _core.json_rows(rows, specs, 1, write)
    assert len(calls) == 4
    parts: list = []
    _core.json_rows(rows, specs, 1, lambda view: parts.append(bytes(view)))
    assert b"".join(parts) == _core.json_rows(rows, specs, 1)


def test_json_rows_escape_text_of_every_length_as_json_dumps_does() -> None:
    """Text is scanned eight bytes a step: a character to escape at any place of a long text (in
    the first, a middle or the last word, or in the bytes after the last whole word) is escaped
    as json.dumps escapes it."""
    import json
    import random

    import pyarrow as pa

    from teamgraph import _core

    alphabet = ['"', "\\", "\x00", "\x1f", "\n", "\t", " ", "a", "Z", "~", "\x7f", "é", "中", "\u2028", "😀"]
    rng = random.Random(17)
    texts = ["".join(rng.choice(alphabet) if rng.random() < 0.1 else rng.choice("abcxyz019 ") for _ in range(n))
             for n in list(range(40)) * 5]
    texts += ["x" * k + '"' + "y" * (23 - k) for k in range(24)]  # a quote at each place of three words
    arrow = pa.array(texts, type=pa.large_string())
    offsets = np.frombuffer(arrow.buffers()[1], dtype=np.int64)[:len(texts) + 1]
    data = np.frombuffer(arrow.buffers()[2], dtype=np.uint8)
    out = _core.json_rows(len(texts), [("t", "text", offsets, data, np.ones(len(texts), dtype=bool))], 0)
    assert out.decode("utf-8") == json.dumps([{"t": t} for t in texts], indent=2, ensure_ascii=False)


def test_rows_of_a_frame_of_every_kind_of_text_column_are_written_as_json_dumps_does() -> None:
    """A frame's categorical columns are written from their codes (each label once), text held by
    Arrow or by Python strings in place, and any other column cell by cell as text: the same
    bytes as json.dumps of its rows."""
    import json

    from teamgraph import _core
    from teamgraph.json_report import _missing, _rows_json

    frame = pd.DataFrame({
        "category": pd.Categorical(["b", None, "a\"q", "b", "中"], categories=["b", "a\"q", "中", "unused"]),
        "numbered": pd.Categorical([3, 1, None, 3, 1]),  # labels that are not text: written as text
        "arrow": pd.array(["x", None, "tab\t", "", "é"], dtype="string[pyarrow]"),
        "python": pd.Series(["p", None, "q", "r", "s"], dtype=object),
        "mixed": pd.Series([1, "two", None, 3.5, np.nan], dtype=object),
        "bytes": pd.Series([b"ab", None, b"c", b"", b"d"], dtype=object),  # written as their str()
        "dated": pd.Categorical(pd.to_datetime(["2026-01-02", None, "2026-01-02", "2026-03-04", None])),
        "n": [1.5, np.nan, 2.0, -0.0, 1e16],
    })
    text = ["category", "numbered", "arrow", "python", "mixed", "bytes", "dated"]
    rows = [{k: (None if _missing(v) else str(v)) if k in text else (None if v != v else v) for k, v in row.items()}
            for row in frame.astype(object).to_dict("records")]
    expected = json.dumps({"rows": rows}, indent=2, sort_keys=True, ensure_ascii=False)
    assert expected == '{\n  "rows": ' + _rows_json(frame, 1, text_columns=frozenset(text)).decode("utf-8") + "\n}"
    with pytest.raises(ValueError, match="code out of range"):
        _core.json_rows(2, [("c", "coded", np.array([0, 2], dtype=np.int8), ["a", "b"])], 1)
    with pytest.raises(ValueError, match="code out of range"):
        _core.json_rows(1, [("c", "coded", np.array([-2], dtype=np.int8), ["a"])], 1)


def test_json_rows_written_in_blocks_are_the_same_bytes() -> None:
    """Given a write, the rows are formatted a block at a time on worker threads and written in
    order: the same bytes as the whole text, for sizes around the block."""
    import io

    from teamgraph import _core

    for n in (0, 1, 4095, 4096, 4097, 10000):
        numbers = np.arange(n, dtype=np.float64) / 7
        columns = [("n", "number", numbers), ("w", "whole", np.arange(n, dtype=np.int64))]
        out = io.BytesIO()
        assert _core.json_rows(n, columns, 1, out.write) is None
        assert out.getvalue() == _core.json_rows(n, columns, 1)


def _lines_as_python_wrote_them(report, indices, style: str) -> str:
    # The per-finding code the Markdown and text reports had before the core wrote their findings.
    from teamgraph.export import _clean, markdown_text

    import html

    from teamgraph.html import _text

    c = report.catalog
    out = []
    for f in report.findings.rows(indices):
        if style == "html":
            evidence = c.evidence({k: v for k, v in f.evidence.items() if v == v})
            out.append(
                f'<div class="finding {f.severity}"><span class="sev">{html.escape(c.severity(f.severity))}</span> '
                f'<span class="meta">{html.escape(c.score_name(f.score))} / {html.escape(f.code)}</span>'
                f"<div>{html.escape(f.message)}</div>"
                f'<div class="meta">{_text(c, "finding.who", people=c.who(f.people), evidence=evidence)}</div>'
                f"<div><b>{_text(c, 'html.do')}</b> {html.escape(f.recommendation)}</div></div>")
        elif style == "markdown":
            out.append(c.text("markdown.finding", severity=c.severity(f.severity), score=c.score_name(f.score),
                              message=markdown_text(f.message)) + "  ")
            who = c.text("finding.who", people=c.who(f.people, markdown_text),
                         evidence=markdown_text(c.evidence(_clean(dict(f.evidence)))))
            out.append(f"  {who}  ")
            out.append(f"  {c.text('finding.do', recommendation=markdown_text(f.recommendation))}")
        else:
            out.append(c.text("text.finding", message=f.message))
            who = c.text("finding.who", people=c.who(f.people),
                         evidence=c.evidence(f.evidence, "text.evidence_not_available"))
            out.append(f"      {who}")
            out.append(f"      {c.text('finding.do', recommendation=f.recommendation)}")
    return ("" if style == "html" else "\n").join(out)


def test_the_cores_finding_lines_are_the_ones_python_wrote() -> None:
    # Every fixture, language, named and pseudonymized: all findings, a few out of order, none.
    seen = 0
    for name, lang, report in fixture_reports():
        n = len(report.findings)
        for indices in (list(range(n)), [k for k in range(n) if k % 3 != 1][::-1], []):
            for style in ("markdown", "text", "html"):
                assert report.findings.lines(indices, style) == _lines_as_python_wrote_them(
                    report, indices, style), (name, lang, style)
        seen += n
    assert seen > 200


def test_finding_lines_escape_markdown_and_list_ten_people() -> None:
    # Ids and names that Markdown would read as markup, and a finding about more than ten people:
    # as Python wrote them (evidence that is NaN: the Krackhardt fixture's departure risk).
    frame = pd.DataFrame({"id": ["a*<b>", "c_[1]", "d`&\\e"] + [f"p{k}" for k in range(12)],
                          "name": ["Ann\nLee", "", "D|E"] + [""] * 12,
                          "manager_id": ["", "a*<b>", "a*<b>"] + ["c_[1]"] * 12,
                          "tier": ["core", "core", "core"] + ["execution"] * 12})
    sharing = pd.DataFrame({"person_a": ["a*<b>"], "person_b": ["c_[1]"], "channel": ["online"]})
    report = teamgraph.assess(teamgraph.Org.from_frames(people=frame, sharing=sharing))  # 13 isolated
    n = len(report.findings)
    assert n and any(len(f.people) > 10 for f in report.findings)
    for style in ("markdown", "text", "html"):
        assert report.findings.lines(range(n), style) == _lines_as_python_wrote_them(report, range(n), style)
    assert "a\\*&lt;b&gt;" in report.findings.lines(range(n), "markdown")
    with pytest.raises(ValueError, match="style"):
        report.findings.lines(range(n), "pdf")



def test_a_digest_block_kept_by_its_reader_stays_as_it_was(org) -> None:
    # update() gets each block as a read-only array that owns it: one kept (or a view of it) is
    # not filled again, so what was handed stays what it was.
    import numpy as np

    kept = []
    assert org._core.table_digest("people", kept.append, 64)
    assert len(kept) > 2
    assert all(isinstance(block, np.ndarray) and not block.flags.writeable for block in kept)
    assert b"".join(bytes(block) for block in kept) == _core_bytes(org, "people")
    views = []
    assert org._core.table_digest("people", lambda block: views.append(memoryview(block)[1:]), 64)
    assert b"".join(bytes(view) for view in views) == b"".join(bytes(block)[1:] for block in kept)


def test_the_cores_json_numbers_are_those_of_json_dumps() -> None:
    # The core writes a float as Python's repr does (json.dumps): the shortest digits that read
    # back, positional from 1e-4 to 1e16, else with an exponent; on every magnitude and the edges.
    import numpy as np

    rng = np.random.default_rng(7)
    values = np.concatenate([
        rng.uniform(-1, 1, 40000) * 10.0 ** rng.integers(-8, 20, 40000),
        np.round(rng.uniform(0, 1, 10000), 3), np.round(rng.uniform(0, 100, 10000), 1), rng.standard_normal(10000),
        np.float64(2) ** rng.integers(-30, 60, 5000),
        [1e-4, 9.999999999999999e-05, 0.0001000000000000001, 1e15, 1e16, 9999999999999998.0, 1e15 + 0.5, -1e-4,
         0.1 + 0.2, 5e-324, 1.7976931348623157e308, 123456789012345.67, 0.0, -0.0, 1e22, 1.5e-7]])
    written = teamgraph._core.json_rows(len(values), [("v", "number", values)], 0).decode()
    assert written == json.dumps([{"v": float(v)} for v in values], indent=2)


def test_a_reports_ids_are_read_from_the_org_as_asked(org, monkeypatch) -> None:
    """A report names people through its ids, read from the org one at a time or some at once:
    the JSON report of an org names a few of them (its tops, its key positions) without a list of
    everyone; read one at a time past a sixteenth of them (and 64), iterated, or asked for, they
    become that list, made once."""
    import io

    from teamgraph.report import _OrgIds, _take_ids

    report = teamgraph.assess(org)
    everyone = org.ids
    ids = report._ids
    assert isinstance(ids, _OrgIds) and len(ids) == len(everyone)

    def no_list(self):
        raise AssertionError("the list of every id was made")

    with monkeypatch.context() as m:
        m.setattr(teamgraph.Org, "ids", property(no_list))
        teamgraph.json_report.write_json(report, io.BytesIO().write)  # written without the list
        assert [ids[k] for k in (0, 3, -1)] == [everyone[0], everyone[3], everyone[-1]]
        assert ids[np.int64(2)] == everyone[2] and ids[1:4] == everyone[1:4] and ids[::-1] == everyone[::-1]
        assert _take_ids(ids, np.array([5, 0, 5])) == [everyone[5], everyone[0], everyone[5]]
    for bad in (len(everyone), -len(everyone) - 1):
        with pytest.raises(IndexError):
            ids[bad]
    for bad in ("3", 2.5):
        with pytest.raises(TypeError):
            ids[bad]
    with pytest.raises(IndexError):
        ids.take([len(everyone)])
    assert list(ids) == everyone and everyone[4] in ids and "no such id" not in ids
    assert ids._all == everyone  # iterated: the list, kept
    assert ids.take([5, 0]) == [everyone[5], everyone[0]] and _take_ids(ids, [1]) == [everyone[1]]
    for bad in ([len(everyone)], [-1]):
        with pytest.raises(IndexError):
            ids.take(bad)
    n = 2000  # read one at a time: the list is made past a sixteenth of them (and 64)
    people = pd.DataFrame({"id": [f"p{k}" for k in range(n)], "manager_id": [""] + [f"p{(k - 1) // 4}" for k in range(1, n)]})
    big = teamgraph.Org.from_frames(people)
    fresh, in_order = teamgraph.assess(big)._ids, big.ids
    for k in range(n // 16):
        assert fresh[k] == in_order[k]
    assert fresh._all is None
    assert fresh[n // 16] == in_order[n // 16] and fresh._all == in_order and fresh.resolved() is fresh._all
    # A pseudonymized report's ids are its pseudonyms, a list.
    assert isinstance(report.pseudonymize(KEY)._ids, list)

"""Docs that run: README's Python examples execute, and its Quickstart commands are what CI runs."""

from __future__ import annotations

import re

import teamgraph


def _blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.S)


def test_readme_python_examples_run(repo, capsys) -> None:
    namespace: dict = {}
    for block in _blocks((repo / "README.md").read_text(), "python"):
        exec(compile(block, "README.md", "exec"), namespace)
    out = capsys.readouterr().out
    assert "46 people in Harbor & Pine online store" in out
    assert "duplicate_id 2 id" in out


def test_python_doc_examples_run(repo, capsys) -> None:
    namespace: dict = {}
    for block in _blocks((repo / "docs" / "python.md").read_text(), "python"):
        exec(compile(block, "docs/python.md", "exec"), namespace)
    out = capsys.readouterr().out
    assert "north" in out and "south" in out
    assert "[('unknown_id', 6, 'manager_id')]" in out


def test_quickstart_commands(repo) -> None:
    readme = (repo / "README.md").read_text()
    quickstart = readme.split("## Quickstart", 1)[1]
    first_block = _blocks(quickstart, "bash")[0].strip().splitlines()
    assert first_block[0] == "bash scripts/setup.sh && teamgraph report"
    ci = (repo / ".ci" / "run").read_text()
    assert first_block[1] in ci, ".ci/run must run the README's test command"


def test_readme_shows_the_real_report(repo, capsys) -> None:
    from teamgraph.cli import main

    main(["report"])
    out = capsys.readouterr().out
    assert out.strip() in (repo / "README.md").read_text()


def test_readme_shows_the_real_filtered_findings(repo, capsys) -> None:
    # The second sample: the findings of a filtered report, the whole of its findings section.
    from teamgraph.cli import main

    readme = (repo / "README.md").read_text()
    command = next(line for block in _blocks(readme, "bash") for line in block.splitlines() if "--score" in line)
    assert main(command.split()[1:]) == 0
    out = capsys.readouterr().out
    shown = next(block for block in _blocks(readme, "text") if block.startswith("Findings of "))
    assert out.endswith("\n" + shown), "README.md's filtered findings are not what the command prints"
    for text in ("JD, week of", "Tmall: inquiries turned into orders fell", "sits in a low box of the talent grid",
                 "in the same unit, sits in the high-performance, high-potential box"):
        assert text in shown  # the market loop and the reserve pool, which the first sample leaves out


def test_input_format_documents_every_problem_code(repo) -> None:
    doc = (repo / "docs" / "input-format.md").read_text()
    sources = "".join(p.read_text() for p in sorted((repo / "src").rglob("*.cpp"))) + "".join(
        (repo / "python" / "teamgraph" / name).read_text() for name in ("org.py", "tables.py", "importer.py"))
    codes = set(re.findall(r'Problem\{"([a-z_]+)"', sources)) | set(re.findall(r'(?:problem|row_problem|whole_file|report|fail|_problem)\(\s*"([a-z_]+)"', sources))
    codes |= set(re.findall(r'"(several_tops|unknown_table|unknown_key)"', sources))
    # Problems are made from their message's key, "problem.<code>[.<variant>]"; every template's.
    codes |= set(re.findall(r'"problem\.([a-z_]+)', sources))
    codes |= {key.split(".")[1] for key, _, _ in teamgraph._core.problem_templates()}
    assert {"ragged_row", "unknown_id", "id_as_float", "left_out", "not_a_file"} <= codes
    missing = sorted(c for c in codes if f"`{c}`" not in doc)
    assert not missing, f"undocumented problem codes: {missing}"


def test_readme_language_example_runs(repo, capsys) -> None:
    from teamgraph.cli import main

    readme = (repo / "README.md").read_text()
    command = next(line for block in _blocks(readme, "bash") for line in block.splitlines() if "--lang" in line)
    argv = command.split("#")[0].split()[1:]
    assert main(argv) in (0, 1)
    assert "团队报告" in capsys.readouterr().out
    assert "--lang" in (repo / "docs" / "report-format.md").read_text() and "language-neutral" in (
        repo / "docs" / "report-format.md").read_text()


def test_side_by_side_tables_are_the_measured_ones(repo) -> None:
    # README.md's and benchmarks/README.md's side-by-side tables are written from the results
    # compare.py --json kept (benchmarks/readme_table.py), never by hand.
    import json
    import subprocess
    import sys

    check = subprocess.run([sys.executable, str(repo / "benchmarks" / "readme_table.py"), "--check"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    results = json.loads((repo / "benchmarks" / "results" / "compare.json").read_text())
    readme = (repo / "README.md").read_text()
    assert results["command"] in readme
    teamgraph_rows = [r for r in results["rows"] if r["tool"] == "teamgraph"]
    assert teamgraph_rows and all(r["agrees"] for r in results["rows"] if "skipped" not in r)
    for r in teamgraph_rows:  # every size measured is in the table, with its findings
        assert f"| {r['shape']} | {r['people']:,} | {r['findings']:,} |" in readme

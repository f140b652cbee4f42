"""docs/scores.md's examples run."""

from __future__ import annotations

import re


def test_scores_doc_examples_run(repo, capsys) -> None:
    text = (repo / "docs" / "scores.md").read_text()
    for block in re.findall(r"```python\n(.*?)```", text, flags=re.S):
        exec(compile(block, "docs/scores.md", "exec"), {})
    assert "score changes:" in capsys.readouterr().out


def test_every_finding_code_is_documented(repo) -> None:
    sources = "".join(p.read_text() for p in (repo / "src").rglob("*.cpp"))
    codes = set(re.findall(r'Finding \w+\{"[a-z_]+",\s*"([a-z_]+)"', sources))
    assert len(codes) >= 10
    doc = (repo / "docs" / "scores.md").read_text()
    assert sorted(c for c in codes if f"`{c}`" not in doc) == []

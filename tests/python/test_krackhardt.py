"""Krackhardt's high-tech managers: a real company's 21 managers, loaded through the public API."""

from __future__ import annotations

import filecmp
import importlib.util

import networkx as nx
import pandas as pd

import teamgraph


def test_conversion_is_reproducible(data_dir, tmp_path) -> None:
    spec = importlib.util.spec_from_file_location("make_krackhardt_team", data_dir / "make_krackhardt_team.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.convert(tmp_path)
    for name in ("people.csv", "sharing.csv"):
        assert filecmp.cmp(tmp_path / name, data_dir / "krackhardt-team" / name, shallow=False)


def test_facts_from_the_data_readme(data_dir) -> None:
    org = teamgraph.read_org(data_dir / "krackhardt-team")
    assert len(org) == 21
    tree = org.to_networkx()
    assert nx.is_arborescence(tree)
    assert [n for n, d in tree.in_degree() if d == 0] == ["7"]
    spans = {m: sorted(tree.successors(m), key=int) for m in tree if tree.out_degree(m)}
    assert spans == {"7": ["2", "14", "18", "21"], "2": ["1", "4", "16"], "14": ["3", "5", "9", "13", "15", "19", "20"],
                     "18": ["10", "11"], "21": ["6", "8", "12", "17"]}
    depth = pd.Series(org.hierarchy["depth"]).value_counts().sort_index().tolist()
    assert depth == [1, 4, 16]
    # The raw advice arcs: 190, density 0.4524; as undirected sharing links: 145 pairs.
    raw = pd.read_csv(data_dir / "krackhardt-managers" / "advice.txt", sep=r"\s+", header=None, names=["ego", "alter", "tie"])
    arcs = raw[raw.tie == 1]
    assert len(arcs) == 190
    assert round(len(arcs) / (21 * 20), 4) == 0.4524
    sharing = org.to_networkx("sharing")
    assert sharing.number_of_edges() == 145
    assert list(nx.articulation_points(nx.Graph(sharing))) == []
    # Age and tenure travel as extra columns.
    assert org.people.set_index("id").loc["7", "age"] == "55"

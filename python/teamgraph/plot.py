"""matplotlib figures of a report. Each function returns the Figure (nothing is shown or saved).

People are labelled as the report names them (pseudonyms in a pseudonymized report).
"""

from __future__ import annotations

import contextlib
import functools
from typing import TYPE_CHECKING, Any, Callable, Iterator, List, Optional, TypeVar

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .report import Report

_LABEL_LIMIT = 60  # label people by id up to this many nodes
# A chart draws at most this many people: a larger org's chart shows its top layers (org chart) or
# its core, brokers and the people whose departure would cost most (sharing network), or everyone
# as a density (incentive balance), and says so in its title. Laying out or drawing every person
# of a large org costs minutes and megabytes of SVG (the sharing network's spring layout is
# quadratic in the people).
CHART_LIMIT = 2000
# The sharing network's layout (networkx's spring layout) takes 0.5 s at 499 people and 11 s at
# 2,000 (from 500 on it is another algorithm): it draws fewer.
NETWORK_LIMIT = 499
# Languages whose words need a CJK font, and the family names that mark one (Noto Sans CJK comes
# with Debian's fonts-noto-cjk, which scripts/setup.sh installs).
_CJK_LANGUAGES = ("zh_CN",)
_CJK_MARKS = ("Noto Sans CJK SC", "Noto Sans CJK", "Source Han Sans", "Noto Serif CJK", "WenQuanYi", "Droid Sans Fallback",
              "Microsoft YaHei", "SimHei", "PingFang SC", "Heiti SC")
F = TypeVar("F", bound=Callable[..., Any])


def _cjk_family(names: List[str]) -> Optional[str]:
    for mark in _CJK_MARKS:
        for name in sorted(set(names)):
            if name.startswith(mark):
                return name
    return None


@functools.lru_cache(maxsize=None)
def cjk_font() -> Optional[str]:
    """The family name of a font with Chinese glyphs that matplotlib can use, or None. Fonts
    installed after matplotlib built its font cache are found among the system's fonts and added."""
    from matplotlib import font_manager

    family = _cjk_family([f.name for f in font_manager.fontManager.ttflist])
    if family is None:
        for path in font_manager.findSystemFonts():
            if any(mark.replace(" ", "") in path.replace(" ", "") for mark in ("CJK", "SourceHan", "WenQuanYi", "wqy")):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue
        family = _cjk_family([f.name for f in font_manager.fontManager.ttflist])
    return family


@contextlib.contextmanager
def _fonts(report: "Report") -> Iterator[None]:
    """matplotlib settings for the report's language: a CJK font after the default ones (for
    Chinese), so that every glyph has a font. The figure keeps the fonts it was made with."""
    import matplotlib

    family = cjk_font() if report.language in _CJK_LANGUAGES else None
    if family is None:
        yield
        return
    with matplotlib.rc_context({"font.family": [*matplotlib.rcParams["font.family"], family]}):
        yield


def _plain(label: Any) -> str:
    """Data as a chart label, shown as written: matplotlib reads text between two $ as TeX (an id
    like ``boss$\\foo$`` fails to draw), and an escaped \\$ is a plain dollar sign wherever and
    whenever the label is drawn."""
    return str(label).replace("$", "\\$")


def _in_language(fn: F) -> F:
    @functools.wraps(fn)
    def wrapper(report: "Report", *args: Any, **kwargs: Any) -> Any:
        with _fonts(report):
            return fn(report, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _figure(width: float, height: float) -> "Figure":
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _tree_positions(manager: np.ndarray, subtree_end: np.ndarray) -> np.ndarray:
    """x, y of each person for a top-down org chart. People are in preorder, so one backward pass
    places every manager over the middle of their reports (no recursion)."""
    n = len(manager)
    x = np.zeros(n)
    depth = np.zeros(n, dtype=np.int64)
    for p in range(n):
        if manager[p] >= 0:
            depth[p] = depth[manager[p]] + 1
    leaf = subtree_end == np.arange(n) + 1
    x[leaf] = np.arange(int(leaf.sum()))
    first = np.full(n, np.inf)
    last = np.full(n, -np.inf)
    for p in range(n - 1, -1, -1):
        if not leaf[p]:
            x[p] = (first[p] + last[p]) / 2.0
        m = manager[p]
        if m >= 0:
            first[m] = min(first[m], x[p])
            last[m] = max(last[m], x[p])
    y = -depth.astype(float)
    return np.stack([x, y], axis=1)


@_in_language
def org_chart(report: "Report", color_by: str = "risk") -> "Figure":
    """The reports-to tree, top down, each person coloured by departure risk (grey: not given)."""
    import matplotlib
    from matplotlib.collections import LineCollection

    c = report.catalog
    h = report.org.hierarchy
    manager = np.asarray(h["manager"])
    subtree_end = np.asarray(h["subtree_end"])
    departure = report.core.departure
    values = np.asarray(departure.risk if color_by == "risk" else departure.impact, dtype=float)
    total = len(manager)
    shown_layers = None
    if total > CHART_LIMIT:  # the top layers that fit (the tops at least, as many as fit)
        depth = np.asarray(h["depth"])
        per_layer = np.cumsum(np.bincount(depth))
        shown_layers = max(1, int(np.searchsorted(per_layer, CHART_LIMIT, side="right")))
        keep = np.flatnonzero(depth < shown_layers)[:CHART_LIMIT]  # preorder: a manager before their reports
        new = np.full(total, -1, dtype=np.int64)
        new[keep] = np.arange(len(keep))
        manager = np.where(manager[keep] >= 0, new[np.maximum(manager[keep], 0)], -1)
        ends = np.searchsorted(keep, subtree_end[keep], side="left")  # each unit's end among the kept
        subtree_end, values = ends, values[keep]
    positions = _tree_positions(manager, subtree_end)
    n = len(manager)
    fig = _figure(max(6.0, min(24.0, 0.25 * max(1, int((subtree_end == np.arange(n) + 1).sum())))), 4.5)
    ax = fig.add_subplot()
    segments = [(positions[manager[p]], positions[p]) for p in range(n) if manager[p] >= 0]
    ax.add_collection(LineCollection(segments, colors="#9aa5b1", linewidths=0.8, zorder=1))
    known = ~np.isnan(values)
    ax.scatter(positions[~known, 0], positions[~known, 1], s=40, color="#d0d4d9", edgecolors="#6b7785", zorder=2)
    points = ax.scatter(positions[known, 0], positions[known, 1], s=40, c=values[known], cmap=matplotlib.colormaps["OrRd"],
                        vmin=0, edgecolors="#6b7785", zorder=3)
    measure = c.text("plot.measure.risk" if color_by == "risk" else "plot.measure.impact")
    fig.colorbar(points, ax=ax, label=c.text("plot.org_chart.colorbar", measure=measure), shrink=0.8)
    if n <= _LABEL_LIMIT:
        for p in range(n):
            ax.annotate(_plain(report._ids[p]), positions[p], textcoords="offset points", xytext=(0, 6), ha="center", fontsize=6)
    title = c.text("plot.org_chart.title", measure=measure)
    if shown_layers is not None:
        title += "\n" + c.text("plot.org_chart.part", layers=shown_layers, shown=n, people=total)
    ax.set_title(title)
    ax.set_axis_off()
    ax.autoscale_view()
    return fig


@_in_language
def coverage(report: "Report") -> "Figure":
    """Each required core competency: the best holder's score, the depth, and the threshold."""
    c = report.catalog
    frame = report.coverage
    fig = _figure(7.0, 3.8)
    ax = fig.add_subplot()
    threshold = report.policy["leadership"]["threshold"]
    colors = ["#c0392b" if d == 0 else ("#e67e22" if d == 1 else "#2e86c1") for d in frame["depth"]]
    bars = ax.bar([_plain(x) for x in frame["competency"]], frame["coverage"], color=colors)
    ax.axhline(threshold, color="#34495e", linestyle="--", linewidth=1,
               label=c.text("plot.coverage.threshold", threshold=threshold))
    for bar, holder, depth in zip(bars, frame["best_holder"], frame["depth"]):
        ax.annotate(_plain(c.text("plot.coverage.bar", holder=holder or c.text("value.none"), depth=depth)), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    textcoords="offset points", xytext=(0, 3), ha="center", fontsize=7)
    ax.set_ylim(0, 1.25)
    ax.set_ylabel(c.text("plot.coverage.ylabel"))
    ax.set_title(c.text("plot.coverage.title"))
    ax.legend(loc="upper right", fontsize=8)
    ax.tick_params(axis="x", labelrotation=30)
    return fig


@_in_language
def incentive_balance(report: "Report") -> "Figure":
    """Material total against spiritual incentives received, one point a person."""
    c = report.catalog
    people = report._people_columns()  # the columns read, not the whole frame made
    size = len(report.org)
    fig = _figure(7.0, 4.2)
    ax = fig.add_subplot()
    if "incentive_balance.material_total" not in people:
        ax.text(0.5, 0.5, c.text("plot.incentives.none"), ha="center", va="center")
        ax.set_axis_off()
        return fig
    material = people["incentive_balance.material_total"].to_numpy(dtype=float)
    spiritual = people["incentive_balance.spiritual_count"].to_numpy(dtype=float)
    forgotten = spiritual == 0
    given = ~np.isnan(material) & ~np.isnan(spiritual)
    if size > CHART_LIMIT and given.any():  # everyone as a density, not a point each (megabytes of SVG)
        cells = ax.hexbin(material[given], spiritual[given], gridsize=40, bins="log", mincnt=1, cmap="Blues")
        fig.colorbar(cells, ax=ax, label=c.text("plot.incentives.density_scale"))
        ax.set_xlabel(c.text("plot.incentives.xlabel"))
        ax.set_ylabel(c.text("plot.incentives.ylabel"))
        ax.set_title(c.text("plot.incentives.title") + "\n" +
                     c.text("plot.incentives.density", people=int(given.sum()), forgotten=int((forgotten & given).sum())))
        return fig
    ax.scatter(material[~forgotten], spiritual[~forgotten], s=30, color="#2e86c1", label=c.text("plot.incentives.recognized"))
    ax.scatter(material[forgotten], spiritual[forgotten], s=40, color="#c0392b", marker="x",
               label=c.text("plot.incentives.forgotten"))
    if size <= _LABEL_LIMIT:
        for i in np.flatnonzero(forgotten):
            ax.annotate(_plain(report._ids[i]), (material[i], spiritual[i]), textcoords="offset points", xytext=(3, 3), fontsize=7)
    ax.set_xlabel(c.text("plot.incentives.xlabel"))
    ax.set_ylabel(c.text("plot.incentives.ylabel"))
    ax.set_title(c.text("plot.incentives.title"))
    ax.legend(fontsize=8)
    return fig


@_in_language
def sharing_network(report: "Report", seed: int = 7) -> "Figure":
    """The sharing network: core members as squares, brokers (whose absence splits it) in red."""
    import networkx as nx

    c = report.catalog
    org = report.org
    fig = _figure(7.0, 6.0)
    ax = fig.add_subplot()
    if "sharing" not in org.tables:
        ax.text(0.5, 0.5, c.text("plot.sharing.none"), ha="center", va="center")
        ax.set_axis_off()
        return fig
    people = report._people_columns()  # the columns read, not the whole frame made
    size = len(org)
    broker = (people["sharing_health.broker"].to_numpy(dtype=float) > 0 if "sharing_health.broker" in people
              else np.zeros(size, dtype=bool))
    tiers = people["tier"].astype(str).to_numpy()
    shown = None
    if size > NETWORK_LIMIT:  # the core, then the brokers, then by departure impact
        impact = np.nan_to_num(report.core.departure.impact, nan=-1.0)
        order = np.lexsort((np.arange(size), -impact, ~broker, tiers != "core"))
        shown = np.sort(order[:NETWORK_LIMIT])
    graph = nx.Graph()
    a, b = (np.asarray(side, dtype=np.int64) for side in org._core.sharing_links())
    if shown is not None:
        kept = np.zeros(size, dtype=bool)
        kept[shown] = True
        both = kept[a] & kept[b]
        a, b = a[both], b[both]
        graph.add_nodes_from(shown.tolist())
    else:  # everyone, in the org's order, as the layout has always had them
        graph.add_nodes_from(range(size))
    graph.add_edges_from(zip(a.tolist(), b.tolist()))
    positions = nx.spring_layout(graph, seed=seed)
    nx.draw_networkx_edges(graph, positions, ax=ax, edge_color="#b8c2cc", width=0.7)
    for shape, selected in (("s", tiers == "core"), ("o", tiers != "core")):
        nodes = [i for i in graph.nodes if selected[i]]
        colors = ["#c0392b" if broker[i] else "#2e86c1" for i in nodes]
        nx.draw_networkx_nodes(graph, positions, nodelist=nodes, node_shape=shape, node_color=colors, node_size=60, ax=ax)
    if size <= _LABEL_LIMIT:
        nx.draw_networkx_labels(graph, positions, labels={i: _plain(report._ids[i]) for i in graph.nodes}, font_size=6, ax=ax)
    title = c.text("plot.sharing.title")
    if shown is not None:
        title += "\n" + c.text("plot.sharing.part", shown=len(shown), people=size)
    ax.set_title(title)
    ax.set_axis_off()
    return fig


@_in_language
def departure_ranking(report: "Report", top: int = 15) -> "Figure":
    """The people whose departure would hurt most: impact, and risk where flight risk is given."""
    c = report.catalog
    frame = report.departure_impact.head(top).iloc[::-1]
    fig = _figure(7.0, max(2.5, 0.3 * len(frame) + 1))
    ax = fig.add_subplot()
    labels = [_plain(i) for i in frame["id"]]
    ax.barh(labels, frame["impact"], color="#f5b041", label=c.text("plot.departure.impact"))
    ax.barh(labels, frame["risk"].fillna(0), color="#c0392b", label=c.text("plot.departure.risk"))
    ax.set_xlabel(c.text("plot.departure.xlabel"))
    ax.set_title(c.text("plot.departure.title"))
    ax.legend(fontsize=8, loc="lower right")
    return fig


ALL = ("org_chart", "coverage", "incentive_balance", "sharing_network", "departure_ranking")


def all_figures(report: "Report") -> List["Figure"]:
    return [globals()[name](report) for name in ALL]


@_in_language
def trend(series: Any, scores: Optional[List[str]] = None) -> "Figure":
    """The scores of a ``teamgraph.trend`` over its periods: a small chart a score (every score by
    default, else `scores`), 0-100, the periods as P1, P2, ... (``series.labels`` gives their dates);
    a period where the score was not assessed is a break in the line."""
    from .catalog import Catalog

    c = Catalog.get(series.language)
    names = list(scores) if scores is not None else list(series.scores)
    columns = min(3, max(1, len(names)))
    rows = max(1, -(-len(names) // columns))
    fig = _figure(2.6 * columns, 1.9 * rows)
    x = np.arange(1, len(series.labels) + 1)
    for k, name in enumerate(names):
        ax = fig.add_subplot(rows, columns, k + 1)
        values = np.array([np.nan if v is None else float(v) for v in series.periods[name]], dtype=float)
        ax.plot(x, values, marker="o", color="#2e86c1", linewidth=1.5, markersize=3.5)
        ax.set_title(_plain(c.score_name(name)), fontsize=9)
        ax.set_ylim(0, 100)
        ax.set_xticks(x, [f"P{k}" for k in x], fontsize=7)
        ax.tick_params(axis="y", labelsize=7)
        ax.grid(axis="y", color="#e4e7eb", linewidth=0.6)
    return fig

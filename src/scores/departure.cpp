// The one translation unit that instantiates Boost.Graph's biconnected components.
#include "teamgraph/scores/departure.hpp"

#include <boost/graph/biconnected_components.hpp>
#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <iterator>
#include <limits>
#include <cmath>
#include <numeric>

namespace teamgraph {
namespace {

// Points the core leadership score loses when each core member leaves, from per-competency
// (best, second best, depth): O(core x competencies), no re-scoring per person.
Eigen::VectorXd coverage_drops(const Org& org, const LeadershipReport& lr, const LeadershipPolicy& policy) {
  Eigen::VectorXd drop = Eigen::VectorXd::Zero(org.size());
  if (!lr.assessed) return drop;
  const auto& comps = lr.core_coverage.competencies;
  const auto& scores = org.competencies().scores;
  struct Top {
    int column;
    double best, second;
    index_t holder;
  };
  std::vector<Top> tops;
  for (const auto& c : comps) {
    Top t{competency_column(org, c.competency), 0.0, 0.0, no_index};
    if (t.column >= 0)
      for (const index_t p : lr.core) {
        const double v = scores(p, t.column);
        if (std::isnan(v)) continue;
        if (t.holder == no_index || v > t.best) {
          t.second = t.best;
          t.best = v;
          t.holder = p;
        } else if (v > t.second) {
          t.second = v;
        }
      }
    tops.push_back(t);
  }
  std::vector<double> per(comps.size());
  for (const index_t p : lr.core) {
    bool complete = true;
    for (std::size_t r = 0; r < comps.size(); ++r) {
      const double v = tops[r].column >= 0 ? scores(p, tops[r].column) : std::nan("");
      const double coverage = tops[r].holder == p ? tops[r].second : comps[r].coverage;
      const index_t depth = comps[r].depth - (!std::isnan(v) && v >= policy.threshold ? 1 : 0);
      per[r] = competency_score(coverage, depth, policy);
      complete = complete && depth > 0;
    }
    const double after = lr.core.size() > 1 ? group_score(per, complete, policy) : 0.0;
    drop[p] = std::max(0.0, lr.score - after);
  }
  return drop;
}

// The sharing links as a symmetric CSR graph over `offset` + n vertices (people shifted by
// `offset`), plus `extra` edges; links on several channels become one edge.
Digraph sharing_graph(const Org& org, index_t offset, const std::vector<std::pair<index_t, index_t>>& extra) {
  const auto& s = org.sharing();
  std::vector<index_t> src, dst;
  src.reserve(2 * (s.a.size() + extra.size()));
  dst.reserve(src.capacity());
  for (std::size_t row = 0; row < s.a.size(); ++row) {
    if (row > 0 && s.a[row] == s.a[row - 1] && s.b[row] == s.b[row - 1]) continue;
    src.push_back(s.a[row] + offset), dst.push_back(s.b[row] + offset);
    src.push_back(s.b[row] + offset), dst.push_back(s.a[row] + offset);
  }
  for (const auto& [u, v] : extra) {
    src.push_back(u), dst.push_back(v);
    src.push_back(v), dst.push_back(u);
  }
  std::vector<index_t> unused;
  return make_digraph_from_edges(org.size() + offset, src, dst, unused);
}

struct DepthFirst {
  std::vector<std::size_t> component;  // per edge; unassigned edges keep `none`
  std::vector<index_t> discover, low, pred;
  std::vector<index_t> articulation_points;
  static constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
};

// Boost.Graph's biconnected components over a symmetric directed CSR graph: a depth-first pass
// (iterative, so a long chain cannot overflow the stack) that also keeps discover times, low
// points and the depth-first tree.
DepthFirst depth_first(const Digraph& g) {
  const auto n = boost::num_vertices(g);
  DepthFirst d;
  d.component.assign(boost::num_edges(g), DepthFirst::none);
  d.discover.resize(n);
  d.low.resize(n);
  d.pred.resize(n);
  const auto index = boost::get(boost::vertex_index, g);
  boost::biconnected_components(
      g, boost::make_iterator_property_map(d.component.begin(), boost::get(boost::edge_index, g)),
      std::back_inserter(d.articulation_points),
      boost::discover_time_map(boost::make_iterator_property_map(d.discover.begin(), index))
          .lowpoint_map(boost::make_iterator_property_map(d.low.begin(), index))
          .predecessor_map(boost::make_iterator_property_map(d.pred.begin(), index)));
  return d;
}

}  // namespace

SharingStructure sharing_structure(const Org& org, const std::vector<index_t>& core, bool brokers) {
  const index_t n = org.size();
  SharingStructure out;
  // Reach and cut-off: vertex 0 is a virtual root joined to every core member; person p is p + 1.
  std::vector<std::pair<index_t, index_t>> root_links;
  for (const index_t c : core) root_links.emplace_back(0, c + 1);
  {
    const Digraph g = sharing_graph(org, 1, root_links);
    const DepthFirst d = depth_first(g);
    // Discover times are consecutive and each used once (Boost counts from 1): the discovery
    // order is a permutation, no sort needed.
    std::vector<index_t> by_discovery(n + 1);
    const index_t first_time = *std::min_element(d.discover.begin(), d.discover.end());
    for (index_t v = 0; v <= n; ++v) by_discovery[d.discover[v] - first_time] = v;
    std::vector<bool> in_core_tree(n + 1, false);
    in_core_tree[0] = !core.empty();
    for (const auto v : by_discovery)
      if (v != 0 && d.pred[v] != v) in_core_tree[v] = in_core_tree[d.pred[v]];
    std::vector<index_t> size(n + 1, 1);
    out.cut_off.assign(n, 0);
    for (auto it = by_discovery.rbegin(); it != by_discovery.rend(); ++it) {
      const index_t v = *it;
      const index_t parent = d.pred[v];
      if (parent == v || !in_core_tree[v]) continue;
      size[parent] += size[v];
      // Removing the parent separates v's subtree from the root when nothing in it reaches above.
      if (parent != 0 && d.low[v] >= d.discover[parent]) out.cut_off[parent - 1] += size[v];
    }
    out.reaches_core.resize(n);
    for (index_t p = 0; p < n; ++p) out.reaches_core[p] = in_core_tree[p + 1];
    out.reachable_from_core = core.empty() ? 0 : size[0] - 1;
  }
  // Brokers and bridges of the network itself (no virtual root).
  if (brokers) {
    const Digraph g = sharing_graph(org, 0, {});
    const DepthFirst d = depth_first(g);
    out.articulation_points = d.articulation_points;
    std::sort(out.articulation_points.begin(), out.articulation_points.end());
    out.articulation_points.erase(std::unique(out.articulation_points.begin(), out.articulation_points.end()),
                                  out.articulation_points.end());
    // Each link is labelled on exactly one of its two arcs; a component of one link is a bridge.
    std::vector<std::size_t> edges_in;
    for (const auto c : d.component)
      if (c != DepthFirst::none) {
        if (c >= edges_in.size()) edges_in.resize(c + 1, 0);
        ++edges_in[c];
      }
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
      const auto c = d.component[boost::get(boost::edge_index, g, e)];
      if (c == DepthFirst::none || edges_in[c] != 1) continue;
      const index_t u = boost::source(e, g), v = boost::target(e, g);
      out.bridges.emplace_back(std::min(u, v), std::max(u, v));
    }
    std::sort(out.bridges.begin(), out.bridges.end());
  }
  return out;
}

DepartureImpact departure_impact(const Org& org, const Policy& policy, const LeadershipReport* leadership,
                                 const Authorship* knowledge, const SharingStructure* sharing) {
  const index_t n = org.size();
  DepartureImpact d;
  LeadershipReport computed;
  if (!leadership) {
    computed = leadership_coverage(org, policy);
    leadership = &computed;
  }
  d.coverage_assessed = leadership->assessed;
  d.coverage_drop = coverage_drops(org, *leadership, policy.leadership);

  const auto& h = org.hierarchy();
  d.unit_left.resize(n);
  for (index_t p = 0; p < n; ++p) d.unit_left[p] = h.subtree_end[p] - p - 1;

  d.sharing_assessed = org.has_table("sharing") && !leadership->core.empty();
  if (d.sharing_assessed) {
    SharingStructure computed_structure;
    if (!sharing) {
      computed_structure = sharing_structure(org, leadership->core, /*brokers=*/false);
      sharing = &computed_structure;
    }
    d.cut_off = sharing->cut_off;
    d.reachable_from_core = sharing->reachable_from_core;
  } else {
    d.cut_off.assign(n, 0);
  }

  Authorship computed_knowledge;
  if (!knowledge && org.has_table("contributions")) {
    computed_knowledge = authorship(contribution_log(org), nullptr, TruckFactorMethod::standard, policy.truck_factor);
    knowledge = &computed_knowledge;
  }
  d.orphaned.assign(n, 0);
  std::size_t artifacts = 0;
  if (knowledge) {
    d.knowledge_assessed = true;
    artifacts = knowledge->artifacts.size();
    for (std::size_t a = 0; a < artifacts; ++a)
      if (knowledge->offsets[a + 1] - knowledge->offsets[a] == 1) ++d.orphaned[knowledge->authors[knowledge->offsets[a]]];
  }

  // impact: the weighted mean over the parts that have data.
  const auto& w = policy.departure;
  const double wc = d.coverage_assessed ? w.weight_coverage : 0.0, wu = w.weight_unit,
               ws = d.sharing_assessed ? w.weight_sharing : 0.0, wk = d.knowledge_assessed && artifacts ? w.weight_knowledge : 0.0;
  const double total = wc + wu + ws + wk;
  d.impact.resize(n);
  d.risk.resize(n);
  for (index_t p = 0; p < n; ++p) {
    const double parts = wc * d.coverage_drop[p] / 100.0 + wu * d.unit_left[p] / static_cast<double>(n) +
                         ws * d.cut_off[p] / static_cast<double>(n) +
                         (wk > 0 ? wk * d.orphaned[p] / static_cast<double>(artifacts) : 0.0);
    d.impact[p] = total > 0 ? parts / total : 0.0;
    d.risk[p] = org.people().flight_risk[p] * d.impact[p];
  }
  d.ranking.resize(n);
  std::iota(d.ranking.begin(), d.ranking.end(), index_t{0});
  std::stable_sort(d.ranking.begin(), d.ranking.end(), [&](index_t a, index_t b) {
    const double ra = std::isnan(d.risk[a]) ? -1.0 : d.risk[a], rb = std::isnan(d.risk[b]) ? -1.0 : d.risk[b];
    if (ra != rb) return ra > rb;
    return d.impact[a] > d.impact[b];
  });

  // Findings: the people whose departure would hurt most.
  std::size_t shown = 0;
  for (const index_t p : d.ranking) {
    if (shown == 5 || d.impact[p] <= 0.0) break;
    ++shown;
    std::vector<std::string> parts;
    if (d.coverage_drop[p] > 0) parts.push_back("core leadership coverage drops " + format_value(d.coverage_drop[p], 1) + " points");
    if (d.unit_left[p] > 0) parts.push_back(std::to_string(d.unit_left[p]) + " people lose their manager");
    if (d.cut_off[p] > 0) parts.push_back(std::to_string(d.cut_off[p]) + " people lose their only sharing path to the core");
    if (d.orphaned[p] > 0) parts.push_back(std::to_string(d.orphaned[p]) + " artifacts are left with no one who knows them");
    const std::string what = join_words(parts);
    const double risk = d.risk[p];
    const auto severity = std::isnan(risk) ? FindingSeverity::medium
                          : risk >= 0.15   ? FindingSeverity::critical
                          : risk >= 0.05   ? FindingSeverity::high
                                           : FindingSeverity::medium;
    Finding f{"departure_impact", "high_departure_impact", severity, {p}, {}, {}, {}};
    f.message = "If {0} leaves, " + what + " (impact " + format_value(d.impact[p]) +
                (std::isnan(risk) ? ", flight risk not given)." : ", risk " + format_value(risk) + ").");
    f.evidence = {{"impact", d.impact[p]},       {"risk", risk},
                  {"coverage_drop", d.coverage_drop[p]}, {"unit_left", static_cast<double>(d.unit_left[p])},
                  {"cut_off", static_cast<double>(d.cut_off[p])}, {"orphaned_artifacts", static_cast<double>(d.orphaned[p])}};
    f.recommendation = "Reduce the dependence on {0}: a ready successor, a second holder of their capabilities, "
                       "more sharing links around them, and a second person on what only they know.";
    d.findings.push_back(std::move(f));
  }
  sort_findings(d.findings);
  return d;
}

}  // namespace teamgraph

// The one translation unit that instantiates Boost.Graph's biconnected components.
#include "teamgraph/scores/departure.hpp"

#include <boost/graph/biconnected_components.hpp>
#include <boost/iterator/function_output_iterator.hpp>
#include <boost/property_map/property_map.hpp>
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

// The distinct sharing links as a symmetric CSR graph. The rows of org.sharing().graph are sorted
// and links on several channels are adjacent repeats, so one sequential pass writes the arcs
// already grouped by source and Boost's in-place construction leaves them where they are (no
// scatter over a million rows). With `core`, vertex 0 is a virtual root joined to every core
// member and person p is vertex p + 1.
Digraph link_graph(const Org& org, const std::vector<index_t>* core) {
  const Digraph& g = org.sharing().graph;
  const index_t n = org.size(), offset = core ? 1 : 0;
  std::vector<index_t> sorted_core;
  std::vector<bool> in_core(n, false);
  if (core) {
    sorted_core = *core;
    std::sort(sorted_core.begin(), sorted_core.end());
    for (const index_t c : sorted_core) in_core[c] = true;
  }
  std::vector<index_t> sources, targets;
  sources.reserve(boost::num_edges(g) + 2 * sorted_core.size());
  targets.reserve(sources.capacity());
  for (const index_t c : sorted_core) sources.push_back(0), targets.push_back(c + 1);
  for (index_t p = 0; p < n; ++p) {
    if (in_core[p]) sources.push_back(p + offset), targets.push_back(0);
    index_t previous = no_index;
    for (const index_t q : boost::make_iterator_range(boost::adjacent_vertices(p, g))) {
      if (q == previous) continue;
      previous = q;
      sources.push_back(p + offset), targets.push_back(q + offset);
    }
  }
  return Digraph(boost::construct_inplace_from_sources_and_targets, sources, targets, n + offset);
}

// Per-vertex state of the rooted pass, kept together so that reaching a vertex costs one cache
// line instead of one per array.
struct alignas(32) VertexState {
  index_t pred = 0, discover = 0, low = 0, size = 1, cut_off = 0;
  bool in_core_tree = false;
};

// A property map onto one field of VertexState, for Boost.Graph's algorithms.
template <index_t VertexState::*Field>
struct StateField : boost::put_get_helper<index_t&, StateField<Field>> {
  using key_type = index_t;
  using value_type = index_t;
  using reference = index_t&;
  using category = boost::lvalue_property_map_tag;
  VertexState* states;
  index_t& operator[](index_t v) const { return states[v].*Field; }
};

// Adds the cut-off counts to Boost's biconnected-components pass: when v finishes, its subtree
// size is final, and removing its parent cuts the subtree off the root when v's low point does
// not reach above the parent. Only the tree grown from the virtual root (vertex 0) reaches the
// core.
struct CutOffVisitor : boost::default_dfs_visitor {
  VertexState* states;
  bool has_core;
  index_t* tree_root;
  void start_vertex(index_t v, const Digraph&) const { *tree_root = v; }
  void discover_vertex(index_t v, const Digraph&) const { states[v].in_core_tree = has_core && *tree_root == 0; }
  void finish_vertex(index_t v, const Digraph&) const {
    VertexState& s = states[v];
    if (s.pred == v) return;
    VertexState& parent = states[s.pred];
    parent.size += s.size;
    if (s.in_core_tree && s.pred != 0 && s.low >= parent.discover) parent.cut_off += s.size;
  }
};

// People by risk (NaN after every given risk), then impact, then index. Most people have no
// impact at all (no unit, no cut-off, no core seat): they are appended in index order, and only the
// rest is sorted, as contiguous records rather than indices into two arrays.
std::vector<index_t> rank_by_risk(const Eigen::VectorXd& risk, const Eigen::VectorXd& impact) {
  struct Key {
    double risk, impact;
    index_t person;
  };
  const auto n = static_cast<index_t>(impact.size());
  std::vector<Key> keyed;
  std::vector<index_t> zero, zero_unknown;  // impact 0: risk 0, and risk not given
  for (index_t p = 0; p < n; ++p) {
    const bool unknown = std::isnan(risk[p]);
    if (impact[p] > 0 || (!unknown && risk[p] != 0))
      keyed.push_back(Key{unknown ? -1.0 : risk[p], impact[p], p});
    else
      (unknown ? zero_unknown : zero).push_back(p);
  }
  std::sort(keyed.begin(), keyed.end(), [](const Key& a, const Key& b) {
    if (a.risk != b.risk) return a.risk > b.risk;
    if (a.impact != b.impact) return a.impact > b.impact;
    return a.person < b.person;
  });
  // Every keyed person has some impact, so the people with risk 0 and no impact follow the keyed
  // people with a risk (>= 0) and precede those without one (-1); no risk and no impact is last.
  std::vector<index_t> ranking;
  ranking.reserve(n);
  auto it = keyed.begin();
  for (; it != keyed.end() && it->risk >= 0; ++it) ranking.push_back(it->person);
  ranking.insert(ranking.end(), zero.begin(), zero.end());
  for (; it != keyed.end(); ++it) ranking.push_back(it->person);
  ranking.insert(ranking.end(), zero_unknown.begin(), zero_unknown.end());
  return ranking;
}

}  // namespace

SharingStructure sharing_structure(const Org& org, const std::vector<index_t>& core, bool brokers) {
  const index_t n = org.size();
  SharingStructure out;
  {
    const Digraph g = link_graph(org, &core);
    std::vector<VertexState> states(n + 1);
    index_t tree_root = 0;
    boost::biconnected_components(
        g, boost::dummy_property_map(), boost::make_function_output_iterator([](index_t) {}),
        boost::discover_time_map(StateField<&VertexState::discover>{{}, states.data()})
            .lowpoint_map(StateField<&VertexState::low>{{}, states.data()})
            .predecessor_map(StateField<&VertexState::pred>{{}, states.data()})
            .visitor(CutOffVisitor{{}, states.data(), !core.empty(), &tree_root}));
    out.cut_off.resize(n);
    out.reaches_core.resize(n);
    for (index_t p = 0; p < n; ++p) {
      out.cut_off[p] = states[p + 1].cut_off;
      out.reaches_core[p] = states[p + 1].in_core_tree;
    }
    out.reachable_from_core = core.empty() ? 0 : states[0].size - 1;
  }
  // Brokers and bridges of the network itself (no virtual root).
  if (brokers) {
    const Digraph g = link_graph(org, nullptr);
    constexpr std::size_t none = std::numeric_limits<std::size_t>::max();  // an arc no component labels
    std::vector<std::size_t> component(boost::num_edges(g), none);
    const auto edge_index = boost::get(boost::edge_index, g);
    boost::biconnected_components(g, boost::make_iterator_property_map(component.begin(), edge_index),
                                  std::back_inserter(out.articulation_points));
    std::sort(out.articulation_points.begin(), out.articulation_points.end());
    out.articulation_points.erase(std::unique(out.articulation_points.begin(), out.articulation_points.end()),
                                  out.articulation_points.end());
    // Each link is labelled on exactly one of its two arcs; a component of one link is a bridge.
    std::vector<std::size_t> edges_in;
    for (const auto c : component)
      if (c != none) {
        if (c >= edges_in.size()) edges_in.resize(c + 1, 0);
        ++edges_in[c];
      }
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
      const auto c = component[boost::get(boost::edge_index, g, e)];
      if (c == none || edges_in[c] != 1) continue;
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
  d.ranking = rank_by_risk(d.risk, d.impact);

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

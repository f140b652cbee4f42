// The one translation unit that instantiates Boost.Graph's depth-first search on the sharing network.
#include "teamgraph/scores/departure.hpp"

#include <boost/graph/depth_first_search.hpp>
#include <boost/property_map/property_map.hpp>
#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
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

// The distinct sharing links as a symmetric CSR graph: org.sharing().graph itself when no pair is
// linked on several channels (`own` is then left empty), else a copy without the repeats. The
// graph's rows are sorted, so repeats are adjacent; one sequential pass writes the arcs already
// grouped by source and Boost's in-place construction leaves them where they are (no scatter over
// a million rows).
const Digraph& link_graph(const Org& org, Digraph& own) {
  const Digraph& g = org.sharing().graph;
  const index_t n = org.size();
  const auto& column = g.m_forward.m_column;
  const auto& rows = g.m_forward.m_rowstart;
  bool repeats = false;
  for (index_t p = 0; p < n && !repeats; ++p)
    for (auto e = rows[p] + 1; e < rows[p + 1]; ++e)
      if (column[e] == column[e - 1]) {
        repeats = true;
        break;
      }
  if (!repeats) return g;
  std::vector<index_t> sources, targets;
  sources.reserve(boost::num_edges(g));
  targets.reserve(sources.capacity());
  for (index_t p = 0; p < n; ++p) {
    index_t previous = no_index;
    for (const index_t q : boost::make_iterator_range(boost::adjacent_vertices(p, g))) {
      if (q == previous) continue;
      previous = q;
      sources.push_back(p), targets.push_back(q);
    }
  }
  own = Digraph(boost::construct_inplace_from_sources_and_targets, sources, targets, n);
  return own;
}

// Per-vertex state of the depth-first pass in 12 bytes, Boost's colour included, so that reaching
// a vertex costs one cache line (shared with four others) instead of one per array. A subtree's
// size needs no field: discovery times are consecutive, so the people found between a person's
// discovery and finish are exactly their subtree.
struct VertexState {
  index_t discover = 0, low = 0;
  std::uint8_t colour = 0;             // boost::default_color_type, white = 0
  bool has_core = false;               // the vertex's DFS subtree holds a core member
  bool articulation = false;
};
static_assert(sizeof(VertexState) == 12);

// Boost's colour map, onto VertexState::colour.
struct ColourMap {
  using key_type = index_t;
  using value_type = boost::default_color_type;
  using reference = value_type;
  using category = boost::read_write_property_map_tag;
  VertexState* states;
  friend value_type get(const ColourMap& m, index_t v) { return static_cast<value_type>(m.states[v].colour); }
  friend void put(const ColourMap& m, index_t v, value_type c) { m.states[v].colour = static_cast<std::uint8_t>(c); }
};

// Hopcroft and Tarjan's low points on Boost's depth-first search, and with them everything the
// sharing structure needs in one pass: articulation points, bridges, and the people each person
// cuts off from the core. Trees are grown from the core members first (in index order), so a
// child subtree that cannot reach above its parent loses the core when the parent leaves unless
// it holds a core member itself. The path from the root to the vertex being explored is kept on a
// stack of its own, so the parent is its second entry and no predecessor map is needed.
struct LowPointVisitor : boost::default_dfs_visitor {
  VertexState* states;
  std::vector<index_t>* path;
  std::vector<index_t>* cut_off;
  std::vector<std::pair<index_t, index_t>>* bridges;  // null: not wanted
  // Per vertex, null when not wanted: the pieces its group falls into without it (a child subtree
  // that cannot reach above it is one, and the rest of the group, when it is not the root, one).
  std::vector<index_t>* pieces;
  const std::vector<bool>* in_core;
  index_t* time;
  index_t* root_children;
  bool core_tree;  // the current tree is grown from a core member

  void discover_vertex(index_t v, const Digraph& g) const {
    VertexState& s = states[v];
    s.discover = s.low = ++*time;
    s.has_core = (*in_core)[v];
    if (pieces) (*pieces)[v] = path->empty() ? 0 : 1;
    path->push_back(v);
    // The neighbours' records are needed next (their colour, for back edges their discovery
    // time): ask for them all at once rather than one cache miss after the other.
    const auto& rows = g.m_forward.m_rowstart;
    for (const index_t w : boost::make_iterator_range(boost::adjacent_vertices(v, g))) {
      __builtin_prefetch(&states[w]);
      __builtin_prefetch(&g.m_forward.m_column[rows[w]]);
    }
  }
  void back_edge(const boost::graph_traits<Digraph>::edge_descriptor& e, const Digraph& g) const {
    const index_t v = boost::source(e, g), w = boost::target(e, g);
    const std::size_t depth = path->size();
    if (depth >= 2 && (*path)[depth - 2] == w) return;  // the tree edge itself, seen from below
    states[v].low = std::min(states[v].low, states[w].discover);
  }
  void finish_vertex(index_t v, const Digraph&) const {
    path->pop_back();
    if (path->empty()) {
      states[v].articulation = *root_children > 1;
      return;
    }
    const index_t p = path->back();
    VertexState &s = states[v], &parent = states[p];
    const index_t size = *time - s.discover + 1;  // v's subtree
    parent.low = std::min(parent.low, s.low);
    parent.has_core = parent.has_core || s.has_core;
    if (path->size() == 1) ++*root_children;
    if (s.low >= parent.discover) {
      if (path->size() > 1) parent.articulation = true;
      if (pieces) ++(*pieces)[p];
      if (core_tree && !s.has_core) (*cut_off)[p] += size;
      if (bridges && s.low > parent.discover) bridges->emplace_back(std::min(p, v), std::max(p, v));
    }
  }
};

// People by risk (NaN after every given risk), then impact, then index. Most people have no
// impact at all (no unit, no cut-off, no core seat): they are appended in index order, and only the
// rest is sorted, as contiguous records rather than indices into two arrays. Written into
// `ranking`, which keeps its room.
void rank_by_risk(const Eigen::VectorXd& risk, const Eigen::VectorXd& impact, std::vector<index_t>& ranking) {
  struct Key {
    double risk, impact;
    index_t person;
  };
  const auto n = static_cast<index_t>(impact.size());
  enum Group { sorted_group, zero_group, zero_unknown_group };
  auto group_of = [&](index_t p) {
    const bool unknown = std::isnan(risk[p]);
    if (impact[p] > 0 || (!unknown && risk[p] != 0)) return sorted_group;
    return unknown ? zero_unknown_group : zero_group;
  };
  std::array<std::size_t, 3> sizes{};  // counted first: each list allocated once
  for (index_t p = 0; p < n; ++p) ++sizes[group_of(p)];
  std::vector<Key> keyed;
  std::vector<index_t> zero, zero_unknown;  // impact 0: risk 0, and risk not given
  keyed.reserve(sizes[sorted_group]);
  zero.reserve(sizes[zero_group]);
  zero_unknown.reserve(sizes[zero_unknown_group]);
  for (index_t p = 0; p < n; ++p) {
    const Group g = group_of(p);
    if (g == sorted_group)
      keyed.push_back(Key{std::isnan(risk[p]) ? -1.0 : risk[p], impact[p], p});
    else
      (g == zero_unknown_group ? zero_unknown : zero).push_back(p);
  }
  std::sort(keyed.begin(), keyed.end(), [](const Key& a, const Key& b) {
    if (a.risk != b.risk) return a.risk > b.risk;
    if (a.impact != b.impact) return a.impact > b.impact;
    return a.person < b.person;
  });
  // Every keyed person has some impact, so the people with risk 0 and no impact follow the keyed
  // people with a risk (>= 0) and precede those without one (-1); no risk and no impact is last.
  ranking.clear();
  ranking.reserve(n);
  auto it = keyed.begin();
  for (; it != keyed.end() && it->risk >= 0; ++it) ranking.push_back(it->person);
  ranking.insert(ranking.end(), zero.begin(), zero.end());
  for (; it != keyed.end(); ++it) ranking.push_back(it->person);
  ranking.insert(ranking.end(), zero_unknown.begin(), zero_unknown.end());
}

}  // namespace

SharingStructure sharing_structure(const Org& org, const std::vector<index_t>& core, bool brokers) {
  const index_t n = org.size();
  SharingStructure out;
  Digraph copy;
  const Digraph& g = link_graph(org, copy);
  std::vector<VertexState> states(n);
  std::vector<bool> in_core(n, false);
  for (const index_t c : core) in_core[c] = true;
  std::vector<index_t> path;  // the DFS path, at most every vertex
  path.reserve(n);
  out.cut_off.assign(n, 0);
  if (brokers) out.bridges.reserve(n);  // a forest has fewer than n bridges, and most networks far fewer
  index_t time = 0, root_children = 0;
  if (brokers) out.groups_without.assign(n, 0);
  LowPointVisitor visitor{{}, states.data(), &path, &out.cut_off, brokers ? &out.bridges : nullptr,
                          brokers ? &out.groups_without : nullptr, &in_core, &time, &root_children, true};
  const ColourMap colour{states.data()};
  auto grow = [&](index_t root) {
    if (states[root].colour != boost::white_color) return;
    root_children = 0;
    if (brokers) ++out.groups;
    boost::depth_first_visit(g, root, visitor, colour);
  };
  for (index_t p = 0; p < n; ++p)
    if (in_core[p]) grow(p);
  out.reaches_core.resize(n);
  for (index_t p = 0; p < n; ++p) {
    out.reaches_core[p] = states[p].colour != boost::white_color;
    out.reachable_from_core += out.reaches_core[p] ? 1 : 0;
  }
  // Brokers and bridges of the rest of the network.
  if (brokers) {
    visitor.core_tree = false;
    for (index_t p = 0; p < n; ++p) grow(p);
    out.articulation_points.reserve(static_cast<std::size_t>(
        std::count_if(states.begin(), states.end(), [](const VertexState& s) { return s.articulation; })));
    for (index_t p = 0; p < n; ++p)
      if (states[p].articulation) out.articulation_points.push_back(p);
    std::sort(out.bridges.begin(), out.bridges.end());
    // Without p, p's group becomes its pieces (none when p has no link).
    for (index_t p = 0; p < n; ++p) out.groups_without[p] = out.groups - 1 + out.groups_without[p];
  }
  return out;
}

namespace detail {

void departure_impact(const Org& org, const Policy& policy, const LeadershipReport* leadership,
                      const Authorship* knowledge, const SharingStructure* sharing, DepartureImpact& d) {
  const index_t n = org.size();
  d.reachable_from_core = 0;
  d.knowledge_assessed = false;
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
  rank_by_risk(d.risk, d.impact, d.ranking);

  // Findings: the people whose departure would hurt most. "If {0} leaves, a, b and c (impact ..)",
  // written in place: up to five findings a team, and a batch scores a million teams.
  auto message = [&](index_t p, double risk) {
    std::string out = "If {0} leaves, ";
    out.reserve(256);
    const int count = (d.coverage_drop[p] > 0) + (d.unit_left[p] > 0) + (d.cut_off[p] > 0) + (d.orphaned[p] > 0);
    int written = 0;
    auto part = [&](bool present, const std::string& number, const char* text) {
      if (!present) return;
      if (written) out += written + 1 == count ? " and " : ", ";
      ++written;
      out += number;
      out += text;
    };
    part(d.coverage_drop[p] > 0, "core leadership coverage drops " + format_value(d.coverage_drop[p], 1), " points");
    part(d.unit_left[p] > 0, std::to_string(d.unit_left[p]), " people lose their manager");
    part(d.cut_off[p] > 0, std::to_string(d.cut_off[p]), " people lose their only sharing path to the core");
    part(d.orphaned[p] > 0, std::to_string(d.orphaned[p]), " artifacts are left with no one who knows them");
    out += " (impact ";
    out += format_value(d.impact[p]);
    if (std::isnan(risk)) {
      out += ", flight risk not given).";
    } else {
      out += ", risk ";
      out += format_value(risk);
      out += ").";
    }
    return out;
  };
  // Written over the record's own findings (a batch worker refills one record for every team, and
  // the findings' strings and lists keep their room), then cut to the number written.
  std::size_t shown = 0;
  d.findings.reserve(5);
  for (const index_t p : d.ranking) {
    if (shown == 5 || d.impact[p] <= 0.0) break;
    if (shown == d.findings.size()) d.findings.emplace_back();
    Finding& f = d.findings[shown++];
    const double risk = d.risk[p];
    const auto severity = std::isnan(risk) ? FindingSeverity::medium
                          : risk >= 0.15   ? FindingSeverity::critical
                          : risk >= 0.05   ? FindingSeverity::high
                                           : FindingSeverity::medium;
    f.score.assign("departure_impact");
    f.code.assign("high_departure_impact");
    f.severity = severity;
    f.people.assign(1, p);
    f.message.clear();
    f.evidence.clear();
    f.recommendation.clear();
    if (!brief_findings()) {
      f.message = message(p, risk);
      f.evidence.reserve(6);
      for (auto [name, value] : {std::pair<const char*, double>{"impact", d.impact[p]},
                                 {"risk", risk},
                                 {"coverage_drop", d.coverage_drop[p]},
                                 {"unit_left", static_cast<double>(d.unit_left[p])},
                                 {"cut_off", static_cast<double>(d.cut_off[p])},
                                 {"orphaned_artifacts", static_cast<double>(d.orphaned[p])}})
        f.evidence.push_back(Evidence{name, value});
      f.recommendation = "Reduce the dependence on {0}: a ready successor, a second holder of their capabilities, "
                         "more sharing links around them, and a second person on what only they know.";
    }
  }
  d.findings.resize(shown);
  sort_findings(d.findings);
}

}  // namespace detail

DepartureImpact departure_impact(const Org& org, const Policy& policy, const LeadershipReport* leadership,
                                 const Authorship* knowledge, const SharingStructure* sharing) {
  DepartureImpact d;
  detail::departure_impact(org, policy, leadership, knowledge, sharing, d);
  return d;
}

}  // namespace teamgraph

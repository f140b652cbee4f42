// The one translation unit that instantiates Boost.Graph's depth-first search on the sharing network.
#include "teamgraph/graph/sharing_structure.hpp"
#include "teamgraph/org_parts.hpp"

#include <boost/graph/depth_first_search.hpp>
#include <boost/property_map/property_map.hpp>
#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <cstdint>

namespace teamgraph {
namespace {

// The distinct sharing links as a symmetric CSR graph: org.sharing().graph itself when no pair is
// linked on several channels (`own` is then left empty), else a copy without the repeats. The
// graph's rows are sorted, so repeats are adjacent; one sequential pass writes the arcs already
// grouped by source and Boost's in-place construction leaves them where they are (no scatter over
// a million rows).
const Digraph& link_graph(const Org& org, Digraph& own) {
  const Digraph& g = org.sharing().graph;
  const index_t n = org.size();
  bool repeats = false;
  for (index_t p = 0; p < n && !repeats; ++p) {
    const auto row = neighbours(g, p);
    repeats = std::adjacent_find(row.begin(), row.end()) != row.end();
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
    for (const index_t w : neighbours(g, v)) {
      __builtin_prefetch(&states[w]);
      __builtin_prefetch(neighbours(g, w).data());
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
  // Brokers and bridges of the rest of the network. A placeholder person (no links) is no group.
  if (brokers) {
    visitor.core_tree = false;
    const auto& placeholder = org.people().placeholder;
    for (index_t p = 0; p < n; ++p)
      if (!placeholder[p]) grow(p);
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

}  // namespace teamgraph

// The structure of the sharing network: one iterative depth-first pass with low points.
#include "teamgraph/graph/sharing_structure.hpp"
#include "teamgraph/org_parts.hpp"


#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>

namespace teamgraph {
namespace {

// One record a vertex, 32 bytes: its state in the depth-first pass and its links, the first few
// in the record itself, so that reaching a vertex is one cache miss (most people have few links)
// rather than one for its state and one for its row of links. A subtree's size needs no field:
// discovery times are consecutive, so the people found between a person's discovery and finish
// are exactly their subtree.
constexpr index_t inline_links = 4;
struct alignas(32) Vertex {  // aligned: a record never straddles two cache lines
  index_t discover, low;  // discover 0: not reached yet
  index_t begin, degree;  // link k >= inline_links is targets[begin + k]
  std::array<index_t, inline_links> first;  // the first links
};
static_assert(sizeof(Vertex) == 32);
enum Flag : std::uint8_t { in_core_flag = 1, has_core_flag = 2, articulation_flag = 4 };  // has_core: its subtree holds a core member

// Hopcroft and Tarjan's low points on an iterative depth-first search, and with them everything
// the sharing structure needs in one pass: articulation points, bridges, and the people each
// person cuts off from the core. Trees are grown from the core members first (in index order), so
// a child subtree that cannot reach above its parent loses the core when the parent leaves unless
// it holds a core member itself. The stack holds the path from the root, each vertex with the
// next of its links to follow, so the parent is the entry below the top. Links are followed in
// the graph's order, as Boost.Graph's depth_first_visit follows them; a link to a vertex already
// reached is a back edge (to an ancestor: it lowers the low point) or the far side of one (to a
// descendant, whose discovery is later: it changes nothing), and the link to the parent is skipped,
// as are the repeats of a pair linked on several channels (a pair counts once).
class LowPoints {
 public:
  LowPoints(const Digraph& g, const std::vector<index_t>& core, SharingStructure& out, bool brokers)
      : n_(static_cast<index_t>(boost::num_vertices(g))), vertices_(std::make_unique_for_overwrite<Vertex[]>(n_)),
        flags_(n_, 0), out_(out), brokers_(brokers) {
    targets_ = n_ ? neighbours(g, 0).data() : nullptr;  // row 0 starts the array of every row
    for (index_t v = 0; v < n_; ++v) {  // one sequential pass, every field written
      const auto row = neighbours(g, v);
      Vertex& s = vertices_[v];
      s.discover = s.low = 0;
      s.begin = static_cast<index_t>(row.data() - targets_);
      s.degree = static_cast<index_t>(row.size());
      for (index_t k = 0; k < inline_links; ++k) s.first[k] = k < s.degree ? row[k] : no_index;
    }
    for (const index_t c : core) flags_[c] |= in_core_flag;
    stack_.reserve(n_);  // the path, at most every vertex (pages are touched only as it grows)
  }
  bool reached(index_t v) const { return vertices_[v].discover != 0; }
  bool articulation(index_t v) const { return flags_[v] & articulation_flag; }
  // The depth-first tree from `root` (if not reached yet); `core_tree`: grown from a core member.
  void grow(index_t root, bool core_tree) {
    if (reached(root)) return;
    if (brokers_) ++out_.groups;
    root_children_ = 0;
    discover(root);
    while (!stack_.empty()) {
      Frame& top = stack_.back();
      Vertex& v = vertices_[top.v];
      if (top.next == v.degree) {
        finish(core_tree);
        continue;
      }
      const index_t k = top.next++, w = link(v, k);
      if (k > 0 && link(v, k - 1) == w) continue;  // a pair linked on several channels: one link (rows are sorted)
      const Vertex& far = vertices_[w];
      if (far.discover == 0) {
        discover(w);
      } else if (stack_.size() < 2 || stack_[stack_.size() - 2].v != w) {
        v.low = std::min(v.low, far.discover);
      }
    }
  }

 private:
  struct Frame {
    index_t v, next;  // the vertex, and the next of its links to follow (0 .. degree)
  };
  void discover(index_t v) {
    Vertex& s = vertices_[v];
    s.discover = s.low = ++time_;
    if (flags_[v] & in_core_flag) flags_[v] |= has_core_flag;
    if (brokers_) out_.groups_without[v] = stack_.empty() ? 0 : 1;
    stack_.push_back({v, 0});
    // The neighbours' records are needed next (whether they are reached; for the first, its
    // links): ask for them all at once rather than one cache miss after the other.
    for (index_t k = 0; k < s.degree; ++k) __builtin_prefetch(&vertices_[link(s, k)]);
  }
  index_t link(const Vertex& s, index_t k) const { return k < inline_links ? s.first[k] : targets_[s.begin + k]; }
  void finish(bool core_tree) {
    const index_t v = stack_.back().v;
    stack_.pop_back();
    if (stack_.empty()) {
      if (root_children_ > 1) flags_[v] |= articulation_flag;
      return;
    }
    const index_t p = stack_.back().v;
    const Vertex& s = vertices_[v];
    Vertex& parent = vertices_[p];
    const index_t size = time_ - s.discover + 1;  // v's subtree
    parent.low = std::min(parent.low, s.low);
    const bool has_core = flags_[v] & has_core_flag;
    if (has_core) flags_[p] |= has_core_flag;
    if (stack_.size() == 1) ++root_children_;
    if (s.low >= parent.discover) {
      if (stack_.size() > 1) flags_[p] |= articulation_flag;
      if (brokers_) ++out_.groups_without[p];
      if (core_tree && !has_core) out_.cut_off[p] += size;
      if (brokers_ && s.low > parent.discover) out_.bridges.emplace_back(std::min(p, v), std::max(p, v));
    }
  }

  index_t n_;
  std::unique_ptr<Vertex[]> vertices_;
  const index_t* targets_;
  std::vector<std::uint8_t> flags_;
  std::vector<Frame> stack_;
  SharingStructure& out_;
  bool brokers_;
  index_t time_ = 0, root_children_ = 0;
};

}  // namespace

SharingStructure sharing_structure(const Org& org, const std::vector<index_t>& core, bool brokers) {
  const index_t n = org.size();
  SharingStructure out;
  const Digraph& g = org.sharing().graph;
  out.cut_off.assign(n, 0);
  if (brokers) {
    out.bridges.reserve(n);  // a forest has fewer than n bridges, and most networks far fewer
    out.groups_without.assign(n, 0);
  }
  LowPoints dfs(g, core, out, brokers);
  std::vector<bool> in_core(n, false);
  for (const index_t c : core) in_core[c] = true;
  for (index_t p = 0; p < n; ++p)
    if (in_core[p]) dfs.grow(p, true);
  out.reaches_core.resize(n);
  for (index_t p = 0; p < n; ++p) {
    out.reaches_core[p] = dfs.reached(p);
    out.reachable_from_core += out.reaches_core[p] ? 1 : 0;
  }
  // Brokers and bridges of the rest of the network. A placeholder person (no links) is no group.
  if (brokers) {
    const auto& placeholder = org.people().placeholder;
    for (index_t p = 0; p < n; ++p)
      if (!placeholder[p]) dfs.grow(p, false);
    for (index_t p = 0; p < n; ++p)
      if (dfs.articulation(p)) out.articulation_points.push_back(p);
    std::sort(out.bridges.begin(), out.bridges.end());
    // Without p, p's group becomes its pieces (none when p has no link).
    for (index_t p = 0; p < n; ++p) out.groups_without[p] = out.groups - 1 + out.groups_without[p];
  }
  return out;
}

}  // namespace teamgraph

#pragma once
// The structure of the sharing network, a graph algorithm on its own: who cuts whom off from the
// core layer, articulation points (brokers), bridges and the separate groups, all from one
// depth-first pass (Hopcroft and Tarjan's low points, iterative, over one record a person). The
// core counts as one source: trees are grown from the core members first, and a child subtree
// whose low point does not reach above a person is cut off from the core when that person
// leaves. Used by departure impact and by sharing health.

#include <utility>
#include <vector>

#include "teamgraph/org.hpp"

namespace teamgraph {

// The structure of the sharing network (links on several channels count once).
struct SharingStructure {
  std::vector<index_t> cut_off;             // per person: people cut off from the core if they leave
  std::vector<bool> reaches_core;           // per person: has a sharing path to a core member
  index_t reachable_from_core = 0;          // people who reach the core (the core included)
  std::vector<index_t> articulation_points; // people whose absence splits the network, ascending
  std::vector<std::pair<index_t, index_t>> bridges;  // links whose absence splits it, (a, b) with a < b, sorted
  // With `brokers`: the network's separate groups (someone with no link is one, a placeholder
  // person none), and per person how many there are without them.
  index_t groups = 0;
  std::vector<index_t> groups_without;
};
// `brokers`: also find articulation points, bridges and groups (the depth-first pass then covers
// the parts of the network that do not reach the core too).
SharingStructure sharing_structure(const Org& org, const std::vector<index_t>& core, bool brokers = true);

}  // namespace teamgraph

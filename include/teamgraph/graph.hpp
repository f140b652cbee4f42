#pragma once
// The graphs of an org: every relation (reports-to, successors, sharing) is a compressed sparse
// row (CSR) Boost.Graph graph over dense person indices, with the relation's per-edge arrays in
// edge order. Include this (or <teamgraph/org_parts.hpp>) to walk them with Boost.Graph's
// algorithms or as plain arrays (neighbours()).

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <memory>
#include <span>
#include <vector>

#include "teamgraph/org.hpp"

namespace teamgraph {

// Directed compressed graph over dense indices; used for every relation.
using Digraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                   boost::no_property, index_t, index_t>;

// The out-neighbours of v in edge order, as one contiguous run (a CSR row), through Boost's
// public adjacent_vertices: a loop over it is a loop over an array.
inline std::span<const index_t> neighbours(const Digraph& g, index_t v) {
  const auto [first, last] = boost::adjacent_vertices(v, g);
  return {std::to_address(first), static_cast<std::size_t>(last - first)};
}

// A CSR graph over `vertices` vertices from edges already sorted by source (edge i = row i).
Digraph make_digraph(index_t vertices, const std::vector<index_t>& sources, const std::vector<index_t>& targets);
// A CSR graph straight from its arrays, in one pass without sorting: `row_starts` (vertices + 1
// entries rising from 0) and `targets` grouped by source, row v being
// targets[row_starts[v], row_starts[v + 1]).
Digraph digraph_from_rows(std::vector<index_t> row_starts, std::vector<index_t> targets);
// The same from edges in any order (linear time); edges of one source keep their input order, and
// input_of_edge[e] is the input position of graph edge e.
Digraph make_digraph_from_edges(index_t vertices, const std::vector<index_t>& sources,
                                const std::vector<index_t>& targets, std::vector<index_t>& input_of_edge);

}  // namespace teamgraph

#pragma once
// The rich synthetic org of benchmarks/synthetic_org.py's `rich_frames`, built in C++ (rich_org.cpp).

#include <cstdint>

#include "teamgraph/org.hpp"

namespace teamgraph_benchmarks {

// Every table filled, n people, deterministic for a seed.
teamgraph::Org rich_org(std::int64_t n, std::uint64_t seed = 42);

}  // namespace teamgraph_benchmarks

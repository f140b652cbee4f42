#pragma once
// Cooperation between departments, pair by pair (private to the library; sharing health's
// findings). The article's team works across functions; a global E-I index says only that
// sharing stays inside departments, not between which ones.

#include <vector>

#include "teamgraph/findings.hpp"
#include "teamgraph/org.hpp"
#include "teamgraph/policy.hpp"

namespace teamgraph::detail {

struct DepartmentPairs {
  // Findings about pairs of sizable departments (at least sharing.pair_min_department_size
  // people; the sharing.pair_departments largest) with no sharing link between them: one a pair
  // that works toward the same goals (a goal owned in one serves a goal owned in the other) or
  // that both share with a third department; one finding for the other such pairs together.
  FindingList findings;
  // The (at most three) pairs of sizable departments with the fewest links for their sizes
  // (links / (size_a * size_b), then the larger departments first): "department_pair" clauses.
  std::vector<FindingClause> fewest;
};

// Needs the sharing table. Time O(n + links log links + K x links) for K = sharing.pair_departments
// (at most 200): each pair's third-department search walks the two partner lists, and a
// department's list is in K - 1 pairs. The pairs looked at are bounded by the policy.
DepartmentPairs department_pairs(const Org& org, const SharingPolicy& policy);

}  // namespace teamgraph::detail

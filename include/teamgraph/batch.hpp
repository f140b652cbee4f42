#pragma once
// Scoring many teams in one call: all teams' tables concatenated, each with a column naming the
// team (the way graph-learning libraries batch small graphs into one block-diagonal graph), scored
// on several threads. A team with bad data gets its problems; the others go on.

#include <array>
#include <string_view>
#include <string>
#include <utility>
#include <vector>

#include "teamgraph/assess.hpp"
#include "teamgraph/table.hpp"

namespace teamgraph {

// The scores of a batch row, in this order (the order of assess()'s scores).
inline constexpr std::array<std::string_view, 10> batch_scores = {
    "leadership_coverage", "succession_readiness", "incentive_balance",  "nobody_behind",   "sharing_health",
    "unified_management",  "goal_alignment",       "team_configuration", "market_response", "health_index"};

// One team of a batch: compact, since a batch may hold a million of them.
struct TeamResult {
  std::string team;
  index_t people = 0;
  std::array<double, batch_scores.size()> scores;  // in batch_scores order; NaN = absent (no data, or bad data)
  int weakest = -1;                       // index in batch_scores of the score that holds the health index down most
  std::array<std::size_t, 5> findings{};  // by severity: info, low, medium, high, critical
  std::vector<Problem> problems;          // the team's data problems (records are rows of the batch tables)
};

// `tables`: {table name, table} with a `team_column` column in each; `team` applies to every
// team (scales, period, configuration). threads = 0 uses every core. Results come in team order
// (text order of the team ids).
std::vector<TeamResult> assess_many(const std::vector<std::pair<std::string, const Table*>>& tables,
                                    const std::string& team_column, const TeamInfo& team, const Policy& policy,
                                    unsigned threads = 0);

}  // namespace teamgraph

#pragma once
// Scoring many teams in one call: all teams' tables concatenated, each with a column naming the
// team (the way graph-learning libraries batch small graphs into one block-diagonal graph), scored
// on several threads. A team with bad data gets its problems; the others go on.

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "teamgraph/assess.hpp"
#include "teamgraph/table.hpp"

namespace teamgraph {

struct TeamResult {
  std::string team;
  index_t people = 0;
  std::vector<Score> scores;  // as in assess(); empty when the team's data is bad
  std::string weakest;
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

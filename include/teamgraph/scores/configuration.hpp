#pragma once
// Team configuration (docs/scores.md): money, people and things, from team.json's configuration.
// docs/scores.md gives the formula.

#include "teamgraph/org.hpp"
#include "teamgraph/policy.hpp"
#include "teamgraph/scores/score_report.hpp"

namespace teamgraph {

ScoreReport team_configuration(const Org& org, const Policy& policy = {});

}  // namespace teamgraph

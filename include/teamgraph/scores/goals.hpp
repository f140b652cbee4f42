#pragma once
// Goal alignment (docs/scores.md): member goals whose chain reaches a team goal, orphan goals,
// measurable targets and people without a goal. docs/scores.md gives the formula.

#include "teamgraph/org.hpp"
#include "teamgraph/policy.hpp"
#include "teamgraph/scores/score_report.hpp"

namespace teamgraph {

ScoreReport goal_alignment(const Org& org, const Policy& policy = {});

}  // namespace teamgraph

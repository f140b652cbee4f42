#pragma once
// Incentive balance (docs/scores.md): material and spiritual incentives, recognition coverage, pay
// for performance and career linkage. docs/scores.md gives the formula.

#include "teamgraph/org.hpp"
#include "teamgraph/policy.hpp"
#include "teamgraph/scores/score_report.hpp"

namespace teamgraph {

ScoreReport incentive_balance(const Org& org, const Policy& policy = {});

}  // namespace teamgraph

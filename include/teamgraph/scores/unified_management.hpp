#pragma once
// Unified management (docs/scores.md): tops, spans of control, layers, quantified KPIs and managers
// without a unit. docs/scores.md gives the formula.

#include "teamgraph/org.hpp"
#include "teamgraph/policy.hpp"
#include "teamgraph/scores/score_report.hpp"

namespace teamgraph {

ScoreReport unified_management(const Org& org, const Policy& policy = {});

}  // namespace teamgraph

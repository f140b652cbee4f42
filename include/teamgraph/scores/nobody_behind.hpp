#pragma once
// Nobody falls behind (docs/scores.md): laggards on each dimension, each with a suggested mentor
// in the sharing network, and low learning hours. docs/scores.md gives the formula.

#include "teamgraph/org.hpp"
#include "teamgraph/policy.hpp"
#include "teamgraph/scores/score_report.hpp"

namespace teamgraph {

ScoreReport nobody_behind(const Org& org, const Policy& policy = {});

}  // namespace teamgraph

#pragma once
// Sharing health (docs/scores.md): sharing meetings, their reach, channels, isolated people, brokers
// and links across departments. docs/scores.md gives the formula.

#include "teamgraph/org.hpp"
#include "teamgraph/policy.hpp"
#include "teamgraph/scores/score_report.hpp"

namespace teamgraph {

struct SharingStructure;
// `structure` (the sharing network's, for the core tier) may be passed when already computed
// (assess() does).
ScoreReport sharing_health(const Org& org, const Policy& policy = {}, const SharingStructure* structure = nullptr);

}  // namespace teamgraph

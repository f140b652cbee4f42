#pragma once
// The support-system scores (docs/scores.md): incentive balance, nobody falls behind,
// sharing health, unified management, goal alignment, team configuration and market response,
// one header each.
// docs/scores.md gives each formula; every constant comes from the Policy. This header gathers
// them with their shared result shape (ScoreReport) and the statistics they use.

#include "teamgraph/scores/configuration.hpp"
#include "teamgraph/scores/goals.hpp"
#include "teamgraph/scores/incentives.hpp"
#include "teamgraph/scores/market_response.hpp"
#include "teamgraph/scores/nobody_behind.hpp"
#include "teamgraph/scores/score_report.hpp"
#include "teamgraph/scores/sharing.hpp"
#include "teamgraph/scores/unified_management.hpp"
#include "teamgraph/stats.hpp"

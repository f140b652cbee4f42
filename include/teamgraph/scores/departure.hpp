#pragma once
// Departure impact of every person, in one pass (docs/scores.md): what breaks if they leave.
//
// Per person p (dense vectors indexed by person):
// - coverage_drop: how many points the core layer's leadership coverage score loses. Computed
//   from each competency's two best core holders and its depth, not by re-scoring per person.
// - unit_left: people under p, left without their manager (placeholder people not counted).
// - cut_off: people who lose every sharing path to the core layer (sharing_structure(), in
//   teamgraph/graph/sharing_structure.hpp).
// - orphaned: artifacts p alone authors (truck-factor authorship).
// - channels_led: channels of operations.csv where p gives more than market.max_person_share of
//   the answers (channel_answerers(), in teamgraph/scores/market_response.hpp).
// impact = weighted mean of coverage_drop / 100, unit_left / n, cut_off / n,
// orphaned / artifacts and channels_led / channels answered, with the policy's departure weights over the parts that have data.
// risk = flight_risk x impact (NaN where flight risk is not given). n is the headcount; a
// placeholder person's figures are not measured (impact, risk and coverage_drop NaN, counts 0) and
// they are not in the ranking.
// Findings (high_departure_impact): the policy's departure.findings people with the highest
// risk (and some impact), critical from departure.critical_risk, high from departure.high_risk.

#include <string>
#include <vector>

#include "teamgraph/findings.hpp"
#include "teamgraph/graph/sharing_structure.hpp"
#include "teamgraph/org.hpp"
#include "teamgraph/policy.hpp"
#include "teamgraph/scores/leadership.hpp"
#include "teamgraph/scores/truck_factor.hpp"

namespace teamgraph {

struct DepartureImpact {
  std::vector<double> coverage_drop;
  std::vector<index_t> unit_left;
  std::vector<index_t> cut_off;
  std::vector<index_t> orphaned;
  std::vector<std::uint32_t> channels_led;  // 0 for everyone when market_assessed is false
  std::vector<double> impact;  // 0-1
  std::vector<double> risk;    // 0-1, NaN where flight risk is not given
  // By risk (people without a flight risk after), then impact, then index; no placeholder person.
  std::vector<index_t> ranking;
  bool coverage_assessed = false;
  bool sharing_assessed = false;
  bool knowledge_assessed = false;
  bool market_assessed = false;  // operations.csv names who answers some channel in the period
  index_t reachable_from_core = 0;  // people with a sharing path to the core (core included)
  FindingList findings;
};

// `leadership`, `knowledge` and `sharing` (for the core tier) may be passed when already
// computed (assess() does).
DepartureImpact departure_impact(const Org& org, const Policy& policy = {}, const LeadershipReport* leadership = nullptr,
                                 const Authorship* knowledge = nullptr, const SharingStructure* sharing = nullptr);

namespace detail {
// The same, written over `out` (every field), whose vectors keep their room: a batch worker
// refills one record for every team.
void departure_impact(const Org& org, const Policy& policy, const LeadershipReport* leadership,
                      const Authorship* knowledge, const SharingStructure* sharing, DepartureImpact& out);
}  // namespace detail

}  // namespace teamgraph

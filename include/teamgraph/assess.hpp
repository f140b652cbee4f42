#pragma once
// assess(): every score of an org, with its findings, in one call.

#include <optional>
#include <string>
#include <vector>

#include "teamgraph/findings.hpp"
#include "teamgraph/org.hpp"
#include "teamgraph/policy.hpp"
#include "teamgraph/scores/departure.hpp"
#include "teamgraph/scores/leadership.hpp"
#include "teamgraph/scores/succession.hpp"
#include "teamgraph/scores/support.hpp"
#include "teamgraph/scores/talent_grid.hpp"
#include "teamgraph/scores/truck_factor.hpp"

namespace teamgraph {

// One score: a 0-100 value, or absent with the reason; and its coverage: the parts it is made of,
// each computed or not and why (the health index's parts are the scores).
struct Score {
  std::string name;
  bool assessed = false;
  double value = 0.0;
  std::string absent_reason;
  std::vector<ScorePart> parts;

  std::size_t parts_computed() const;
};

// The truck factor of one group of artifacts: a knowledge area (the part of an artifact's name
// before the first '/': "listing/001" is in "listing") or the artifacts a department's members author.
struct GroupTruckFactor {
  std::string kind;   // "area" or "department"
  std::string group;  // the area or department
  std::size_t artifacts = 0;
  TruckFactorResult result;
  // Why a department's truck factor is not published ("fewer than 5 people": it would single
  // out who knows what); then artifacts is 0 and result empty.
  std::string withheld;
};

struct TruckFactorSummary {
  bool assessed = false;
  std::string absent_reason;
  TruckFactorResult result;
  std::vector<GroupTruckFactor> groups;  // areas, then departments, each in name order
};

struct Report {
  Policy policy;  // the policy used (defaults, then team.json, then the caller's overrides)
  LeadershipReport leadership;
  SuccessionReport succession;
  DepartureImpact departure;
  TruckFactorSummary truck_factor;
  std::vector<ScoreReport> support;  // incentive balance, nobody behind, sharing, management, goals, configuration, market
  std::string weakest;               // the score that holds the health index down most ("" if none)
  std::vector<Score> scores;         // in a fixed order; health_index last
  // Every score's findings, most severe first. assess() moves them here: the findings lists of
  // leadership, succession, departure and support are then empty (a score called on its own,
  // leadership_coverage() and the others, keeps its findings in its own report).
  FindingList findings;
  // Everyone on the 3x3 grid of performance and potential; its reserve-pool findings are in
  // succession.findings (teamgraph/scores/talent_grid.hpp).
  TalentGrid talent_grid;

  const Score* score(std::string_view name) const;
  const ScoreReport* support_score(std::string_view name) const;
};

// The policy for an org: `base` with the org's team.json "policy" overrides applied.
Policy effective_policy(const Org& org, const Policy& base = {});

// Every score of the org. The policy is used as given (see effective_policy for team.json). From
// a few thousand people on, the scores are computed on two threads, unless another assess() is
// running in the process when the call starts: then on the calling thread only, since calls side
// by side already keep the cores busy and each on one thread gets more done than each on two.
// The report is the same either way.
Report assess(const Org& org, const Policy& policy);
// The same on at most `threads` threads: 0 as above, 1 the calling thread only (for a program
// that keeps every core busy with calls of its own), 2 or more two threads at any size.
Report assess(const Org& org, const Policy& policy, unsigned threads);
// Same, with the org's own team.json policy on top of the defaults.
Report assess(const Org& org);

}  // namespace teamgraph

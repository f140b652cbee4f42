#pragma once
// Leadership coverage (docs/scores.md): does the core layer hold every capability it needs,
// and does each manager's unit have the leadership it needs?
//
// For a group G and each required competency r:
//   coverage_r = the best score in G (0 when nobody in G has a score),
//   depth_r    = how many in G reach the threshold t.
//   score_r    = 100 when depth_r >= 2; single_holder_score (80) when depth_r = 1;
//                missing_cap * min(1, coverage_r / t) when depth_r = 0 (the competency is missing).
// The group score is the mean of score_r, capped at missing_cap (40) while any competency is
// missing: "none may be missing", however strong the rest are.

#include <string>
#include <vector>

#include "teamgraph/findings.hpp"
#include "teamgraph/org.hpp"
#include "teamgraph/policy.hpp"

namespace teamgraph {

struct CompetencyCoverage {
  std::string competency;
  double coverage = 0.0;   // best score in the group, 0-1
  index_t best = no_index; // who holds it (lowest index among ties); no_index when nobody has a score
  index_t depth = 0;       // people at or above the threshold
  double score = 0.0;      // 0-100
};

struct GroupCoverage {
  std::vector<CompetencyCoverage> competencies;  // in the policy's order
  double score = 0.0;                            // 0-100
  bool complete = false;                         // no required competency missing
};

struct UnitCoverage {
  index_t manager = no_index;
  index_t size = 0;                      // people in the unit, the manager included (placeholders not counted)
  GroupCoverage coverage;                // over the manager and their direct reports
  std::vector<std::string> manager_lacks;  // unit competencies the manager is below the threshold on
  bool assessed = false;                 // the manager has a score for some unit competency
};

// The smallest set of core members whose training would close every missing competency (exact,
// by dynamic programming over subsets of the missing competencies), and the competencies no one
// is close enough to train into: those need one hire.
struct TrainingPlan {
  std::vector<index_t> trainees;                 // in index order
  std::vector<std::vector<std::string>> trains;  // what each trainee trains in
  std::vector<std::string> hire_for;             // competencies no one can be trained into
};

struct LeadershipReport {
  bool assessed = false;
  std::string absent_reason;  // why not assessed
  double score = 0.0;         // the core layer's score, 0-100
  std::vector<index_t> core;  // the core layer
  GroupCoverage core_coverage;
  std::vector<UnitCoverage> units;  // one per manager (placeholder managers have none), in index order
  TrainingPlan plan;
  FindingList findings;
};

LeadershipReport leadership_coverage(const Org& org, const Policy& policy = {});

// The coverage of any group of people (used by the departure and what-if analyses).
GroupCoverage group_coverage(const Org& org, const std::vector<index_t>& group,
                             const std::vector<std::string>& required, const LeadershipPolicy& policy);

// score_r and the group score from per-competency (coverage, depth): the formula above.
double competency_score(double coverage, index_t depth, const LeadershipPolicy& policy);
double group_score(const std::vector<double>& competency_scores, bool complete, const LeadershipPolicy& policy);

// The column of a competency in org.competencies().scores, or -1.
int competency_column(const Org& org, std::string_view name);

}  // namespace teamgraph

#pragma once
// The support-system scores (MODEL.md scores 3 to 8): incentive balance, nobody falls behind,
// sharing health, unified management, goal alignment and team configuration. docs/scores.md
// gives each formula; every constant comes from the Policy.
//
// They share one result shape: a 0-100 score (or absent with a reason), team-level figures,
// group aggregates (withheld below the policy's minimum group size), per-person columns (dense,
// indexed by person) and findings.

#include <string>
#include <vector>

#include <Eigen/Core>

#include "teamgraph/findings.hpp"
#include "teamgraph/org.hpp"
#include "teamgraph/policy.hpp"

namespace teamgraph {

struct Figure {
  std::string name;
  double value = 0.0;  // NaN when not available; `note` says why
  std::string note;
};

// One aggregate over a group of people (a tier, a department, a unit).
struct GroupFigure {
  std::string kind;    // "tier", "department", "unit"
  std::string group;   // its label (for a unit: the manager's id)
  std::string figure;  // what is aggregated
  std::size_t size = 0;
  double value = 0.0;       // NaN when withheld
  std::string withheld;     // why it is withheld ("fewer than 5 people", "recoverable from the others")
};

struct PersonColumn {
  std::string name;
  Eigen::VectorXd values;  // by person index; NaN = not applicable
};

struct ScoreReport {
  std::string name;
  bool assessed = false;
  double score = 0.0;
  std::string absent_reason;
  std::vector<Figure> figures;
  std::vector<GroupFigure> groups;
  std::vector<PersonColumn> people;
  std::vector<Finding> findings;

  const Figure* figure(std::string_view name) const;
};

ScoreReport incentive_balance(const Org& org, const Policy& policy = {});
ScoreReport nobody_behind(const Org& org, const Policy& policy = {});
struct SharingStructure;
// `structure` (for the core tier) may be passed when already computed (assess() does).
ScoreReport sharing_health(const Org& org, const Policy& policy = {}, const SharingStructure* structure = nullptr);
ScoreReport unified_management(const Org& org, const Policy& policy = {});
ScoreReport goal_alignment(const Org& org, const Policy& policy = {});
ScoreReport team_configuration(const Org& org, const Policy& policy = {});

// Statistics used by the scores (exposed for tests and users who want the same definitions).
double gini(std::vector<double> values);        // 0 = equal, -> 1 = concentrated; NaN when empty or all zero
double herfindahl(const std::vector<double>& values);  // sum of squared shares; NaN when all zero
double spearman(const std::vector<double>& x, const std::vector<double>& y);  // average ranks for ties
double median(std::vector<double> values);
double median_absolute_deviation(const std::vector<double>& values);

// Aggregates a per-person value by group (mean over people with a value), withholding every group
// under min_group_size and, when exactly one group is withheld, the next smallest too (so that no
// withheld value can be recovered by subtracting the others from the team total).
std::vector<GroupFigure> group_means(const std::string& kind, const std::vector<std::string>& labels,
                                     const std::vector<std::int32_t>& group_of, const Eigen::VectorXd& values,
                                     const std::string& figure, std::uint32_t min_group_size);

}  // namespace teamgraph

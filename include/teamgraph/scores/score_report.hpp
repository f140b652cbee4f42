#pragma once
// The result shape of the support-system scores: a 0-100 score (or absent with a reason),
// team-level figures, group aggregates (withheld below the policy's minimum group size),
// per-person columns (dense, indexed by person) and findings.

#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>

#include "teamgraph/findings.hpp"
#include "teamgraph/stats.hpp"

namespace teamgraph {

struct Figure {
  std::string name;
  double value = 0.0;  // NaN when not available; `note` says why
  std::string note;
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

}  // namespace teamgraph

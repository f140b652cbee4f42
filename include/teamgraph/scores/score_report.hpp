#pragma once
// The result shape of the support-system scores: a 0-100 score (or absent with a reason),
// team-level figures, group aggregates (withheld below the policy's minimum group size),
// per-person columns (dense, indexed by person) and findings.

#include <string>
#include <string_view>
#include <vector>

#include "teamgraph/findings.hpp"
#include "teamgraph/stats.hpp"

namespace teamgraph {

struct Figure {
  std::string name;
  double value = 0.0;  // NaN when not available; `note` says why
  std::string note;
};

// One part of a score: what it measures, its 0-1 value, or NaN and why it was not computed (its
// input is absent). A score is the mean of its computed parts (nobody_behind weighs each by how
// many people have a score on it); its coverage is which parts those are.
struct ScorePart {
  std::string name;
  double value = 0.0;  // 0-1; NaN when not computed
  std::string reason;  // why not computed ("" when computed)

  bool computed() const { return value == value; }
};

struct PersonColumn {
  std::string name;
  std::vector<double> values;  // by person index; NaN = not applicable
};

struct ScoreReport {
  std::string name;
  bool assessed = false;
  double score = 0.0;
  std::string absent_reason;
  std::vector<ScorePart> parts;  // what the score is made of, computed or not (see ScorePart)
  std::vector<Figure> figures;
  std::vector<GroupFigure> groups;
  std::vector<PersonColumn> people;
  FindingList findings;

  const Figure* figure(std::string_view name) const;
};

}  // namespace teamgraph

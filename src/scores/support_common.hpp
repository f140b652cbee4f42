#pragma once
// What the support scores' sources share (private to the library): absent reports, the tier
// grouping, the analysis period, the parts of a score, and a finding's people arguments.

#include <cmath>
#include <initializer_list>
#include <limits>
#include <string>
#include <vector>

#include "teamgraph/findings.hpp"
#include "teamgraph/org.hpp"
#include "teamgraph/scores/score_report.hpp"

namespace teamgraph::detail {

inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// The note of a figure: why it is not available when it is NaN, nothing otherwise.
inline std::string why(double value, const char* reason) {
  return std::isnan(value) ? std::string(reason) : std::string();
}

// Mean of the parts that are not NaN, times 100.
double mean_score(const std::vector<double>& parts);

ScoreReport absent(std::string name, std::string reason);

// Each person's tier as a group (tier_labels names them).
std::vector<std::int32_t> tier_groups(const Org& org);
extern const std::vector<std::string> tier_labels;

// Whether a dated row falls in the team's analysis period (undated rows count in any period).
bool in_period(const Org& org, std::int64_t date);

// A finding's arguments for all of its people: {count} (how many, which picks the plural form)
// and {people} (the list).
inline std::vector<FindingArg> people_args(std::size_t count) {
  return {FindingArg::count_of("count", count), FindingArg::people_of("people", 0, count)};
}

// A finding about all of its people: their arguments first, then the finding's own; evidence
// "people" (how many), then `more`.
inline Finding about_people(Finding f, std::initializer_list<Evidence> more = {}) {
  const auto arguments = people_args(f.people.size());
  f.args.insert(f.args.begin(), arguments.begin(), arguments.end());
  f.evidence.assign({{"people", static_cast<double>(f.people.size())}});
  f.evidence.insert(f.evidence.end(), more);
  return f;
}

}  // namespace teamgraph::detail

#pragma once
// Statistics the scores use, exposed for tests and for users who want the same definitions.
// Nothing here knows about scores: values in, a number (or NaN when it is not defined) out.

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace teamgraph {

double gini(std::vector<double> values);        // 0 = equal, -> 1 = concentrated; NaN when empty or all zero
double herfindahl(const std::vector<double>& values);  // sum of squared shares; NaN when all zero
double spearman(const std::vector<double>& x, const std::vector<double>& y);  // average ranks for ties
double pearson(const std::vector<double>& x, const std::vector<double>& y);   // spearman is pearson of ranks()
std::vector<double> ranks(const std::vector<double>& values);  // 1-based, ties get their average rank
double median(std::vector<double> values);
double median_of(std::span<const double> values);  // the same, a few values copied on the stack, not the heap
double median_absolute_deviation(const std::vector<double>& values);
// The same around a median already known (`centre`, the median of `values`): one median less.
double median_absolute_deviation(std::span<const double> values, double centre);
// Both at once in the values' own room (a million scores: no copy of them).
std::pair<double, double> median_and_mad(std::vector<double> values);

// MAD x this estimates the standard deviation of a normal distribution: a robust z-score is
// (x - median) / (mad_scale x MAD).
inline constexpr double mad_scale = 1.4826;

// One aggregate over a group of people (a tier, a department, a unit).
struct GroupFigure {
  std::string kind;    // "tier", "department", "unit"
  std::string group;   // its label (for a unit: the manager's id)
  std::string figure;  // what is aggregated
  std::size_t size = 0;          // members
  std::size_t contributors = 0;  // members with a value: the mean is over these
  double value = 0.0;       // NaN when withheld
  std::string withheld;     // why it is withheld ("fewer than 5 people", "recoverable from the others")
};

// Aggregates a per-person value by group (mean over the members with a value). A group is
// withheld when fewer than min_group_size members have a value (its size counts members, its mean
// only contributors: a unit of 5 with 2 values is withheld). Complementary suppression: when any
// group is withheld, the withheld groups of the call together must number at least two and hold
// at least min_group_size contributors, or the next smallest published groups are withheld too;
// so no withheld mean, and no mean over fewer than min_group_size people, can be recovered by
// subtracting the published groups from the team's total or from each other.
// The withholding of group_means for figures computed otherwise (one breakdown: one figure over
// groups), each with its size, contributors and value: a group with fewer than min_group_size
// members or contributors is withheld with the reason, then the complementary suppression above.
// A group of size 0 is about no one (a channel whose rows name no person): published as it is.
void withhold_small_groups(std::vector<GroupFigure>& groups, std::uint32_t min_group_size);

std::vector<GroupFigure> group_means(const std::string& kind, const std::vector<std::string>& labels,
                                     const std::vector<std::int32_t>& group_of, std::span<const double> values,
                                     const std::string& figure, std::uint32_t min_group_size);

}  // namespace teamgraph

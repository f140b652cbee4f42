// The talent grid: each axis cut into low, middle and high, the people placed, the boxes counted
// and withheld as group figures are (teamgraph/scores/talent_grid.hpp).

#include "teamgraph/scores/talent_grid.hpp"

#include <boost/sort/pdqsort/pdqsort.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

#include "teamgraph/org_parts.hpp"

namespace teamgraph {

std::string_view to_string(GridLevel level) {
  switch (level) {
    case GridLevel::low: return "low";
    case GridLevel::middle: return "middle";
    case GridLevel::high: return "high";
    case GridLevel::not_placed: return "not_placed";
  }
  return "not_placed";
}

bool TalentGrid::high_high(index_t p) const {
  return assessed && performance_level[p] == GridLevel::high && potential_level[p] == GridLevel::high;
}

bool TalentGrid::low_box(index_t p) const {
  if (!assessed || performance_level[p] == GridLevel::not_placed) return false;
  return static_cast<int>(performance_level[p]) + static_cast<int>(potential_level[p]) <= 1;
}

namespace {

// The declared scale of `field`, [0, 1] when team.json declares none.
Scale scale_of(const Org& org, std::string_view field) {
  for (const auto& s : org.team().scales)
    if (s.field == field) return s;
  return Scale{std::string(field), 0.0, 1.0};
}

// Cuts one axis: `values` normalized, `read` as read (on the declared scale), `placed` the people
// with both values, in index order.
void cut_axis(const Org& org, const std::vector<index_t>& placed, const Eigen::VectorXd& values,
              const Eigen::VectorXd& read, const TalentGridPolicy& policy, const std::vector<double>& fixed,
              GridAxis& axis, std::vector<GridLevel>& level) {
  if (!fixed.empty() || policy.cuts == "scale") {
    if (!fixed.empty()) {
      axis.method = "fixed";
      axis.middle_from = fixed[0];
      axis.high_from = fixed[1];
    } else {
      const Scale s = scale_of(org, axis.field);
      axis.method = "scale";
      axis.middle_from = s.low + (s.high - s.low) / 3.0;
      axis.high_from = s.low + 2.0 * (s.high - s.low) / 3.0;
    }
    for (const index_t p : placed)
      level[p] = read[p] < axis.middle_from ? GridLevel::low : read[p] < axis.high_from ? GridLevel::middle : GridLevel::high;
    return;
  }
  // Tertiles by mid-rank: twice the average rank of positions i..j (0-based) of the sorted values
  // is i + j + 2; p = (r - 1/2) / m < 1/3 exactly when 3 (2r - 1) < 2m (integers: no rounding).
  axis.method = "tertiles";
  axis.middle_from = axis.high_from = std::nan("");
  // The placed people's (value, person) sorted by value alone (ties in any order: a tie gets
  // one level, and the first of a level is the tie's lowest index); -0 is read as 0, its equal.
  std::vector<std::pair<double, index_t>> order;
  order.reserve(placed.size());
  for (const index_t p : placed) order.emplace_back(values[p] + 0.0, p);
  boost::sort::pdqsort_branchless(order.begin(), order.end(),
                                  [](const auto& a, const auto& b) { return a.first < b.first; });
  const std::size_t m = order.size();
  for (std::size_t i = 0; i < m;) {
    std::size_t j = i;
    index_t first = order[i].second;
    while (j + 1 < m && order[j + 1].first == order[i].first) first = std::min(first, order[++j].second);
    const std::size_t twice_rank_minus_one = i + j + 1;
    const GridLevel l = 3 * twice_rank_minus_one < 2 * m   ? GridLevel::low
                        : 3 * twice_rank_minus_one > 4 * m ? GridLevel::high
                                                           : GridLevel::middle;
    for (std::size_t k = i; k <= j; ++k) level[order[k].second] = l;
    double& from = l == GridLevel::middle ? axis.middle_from : axis.high_from;
    if (l != GridLevel::low && std::isnan(from)) from = read[first];
    i = j + 1;
  }
}

// Withholds the boxes of fewer than `min` people (none is fine), then the next smallest until the
// withheld boxes hold people in two boxes and `min` together (see GridBox).
void withhold_small_boxes(std::vector<GridBox>& boxes, std::size_t placed, std::uint32_t min) {
  const std::string too_few = "fewer than " + std::to_string(min) + " people";
  if (placed < min) {
    for (auto& b : boxes) b.withheld = "fewer than " + std::to_string(min) + " people placed";
  } else {
    std::size_t withheld = 0, together = 0;
    std::vector<std::size_t> published;
    for (std::size_t k = 0; k < boxes.size(); ++k) {
      if (boxes[k].count > 0 && boxes[k].count < min) {
        boxes[k].withheld = too_few;
        ++withheld, together += boxes[k].count;
      } else if (boxes[k].count > 0) {
        published.push_back(k);
      }
    }
    if (withheld > 0) {
      std::stable_sort(published.begin(), published.end(),
                       [&](std::size_t a, std::size_t b) { return boxes[a].count < boxes[b].count; });
      for (const auto k : published) {
        if (withheld >= 2 && together >= min) break;
        boxes[k].withheld = "withheld with a smaller box so that it cannot be recovered from the others";
        ++withheld, together += boxes[k].count;
      }
    }
  }
  for (auto& b : boxes)
    if (!b.withheld.empty()) b.count = 0;
}

}  // namespace

TalentGrid talent_grid(const Org& org, const Policy& policy) {
  const auto& tp = policy.talent_grid;
  const auto& people = org.people();
  TalentGrid grid;
  grid.performance.field = "people.assessment";
  grid.potential.field = "people.potential";
  grid.performance_level.assign(org.size(), GridLevel::not_placed);
  grid.potential_level.assign(org.size(), GridLevel::not_placed);
  std::vector<index_t> placed;
  for (index_t p = 0; p < org.size(); ++p) {
    const bool a = !std::isnan(people.assessment[p]), q = !std::isnan(people.potential[p]);
    if (a && q)
      placed.push_back(p);
    else if (a)
      ++grid.missing_potential;
    else if (q)
      ++grid.missing_assessment;
    else
      ++grid.missing_both;
  }
  grid.placed = placed.size();
  const bool tertiles = tp.cuts == "tertiles" && (tp.performance_cuts.empty() || tp.potential_cuts.empty());
  if (placed.empty()) {
    grid.absent_reason = "no one has both an assessment and a potential";
    return grid;
  }
  if (tertiles && placed.size() < tp.min_people) {
    grid.absent_reason = "too few people have both an assessment and a potential to cut into tertiles";
    return grid;
  }
  grid.assessed = true;
  cut_axis(org, placed, people.assessment, as_read(people.assessment, people.assessment_read), tp,
           tp.performance_cuts, grid.performance, grid.performance_level);
  cut_axis(org, placed, people.potential, as_read(people.potential, people.potential_read), tp, tp.potential_cuts,
           grid.potential, grid.potential_level);
  grid.boxes.resize(9);
  for (std::size_t k = 0; k < 9; ++k) {
    grid.boxes[k].performance = static_cast<GridLevel>(k / 3);
    grid.boxes[k].potential = static_cast<GridLevel>(k % 3);
  }
  for (const index_t p : placed)
    ++grid.boxes[3 * static_cast<std::size_t>(grid.performance_level[p]) + static_cast<std::size_t>(grid.potential_level[p])]
          .count;
  withhold_small_boxes(grid.boxes, grid.placed, policy.min_group_size);
  return grid;
}

}  // namespace teamgraph

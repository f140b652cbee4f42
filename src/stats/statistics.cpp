#include "teamgraph/stats.hpp"

#include <boost/sort/spreadsort/integer_sort.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <tuple>

namespace teamgraph {

namespace {

// A double as an unsigned key in the same order (negative values reversed below the positive
// ones; -0 just below +0): Boost's radix-based integer_sort then sorts a million values in a
// fraction of std::sort's time. (float_sort on the doubles themselves overflows a signed
// integer on values far apart, such as -1e300 and 1e300.)
std::uint64_t sort_key(double x) {
  std::uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return bits >> 63 ? ~bits : bits | (std::uint64_t{1} << 63);
}

double from_sort_key(std::uint64_t key) {
  const std::uint64_t bits = key >> 63 ? key & ~(std::uint64_t{1} << 63) : ~key;
  double x;
  std::memcpy(&x, &bits, sizeof x);
  return x;
}

bool any_nan(const std::vector<double>& v) {
  return std::any_of(v.begin(), v.end(), [](double x) { return std::isnan(x); });
}

// `v` sorted by value (std::sort when a value is NaN, which has no place in the order).
void sort_values(std::vector<double>& v) {
  if (any_nan(v)) {
    std::sort(v.begin(), v.end());
    return;
  }
  std::vector<std::uint64_t> keys(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) keys[i] = sort_key(v[i]);
  boost::sort::spreadsort::integer_sort(keys.begin(), keys.end());
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = from_sort_key(keys[i]);
}

// The positions of x in the order of their values (ties in any order).
std::vector<std::size_t> order_of(const std::vector<double>& x) {
  std::vector<std::size_t> order(x.size());
  if (any_nan(x)) {
    for (std::size_t i = 0; i < x.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
    return order;
  }
  std::vector<std::pair<std::uint64_t, std::size_t>> keyed(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) keyed[i] = {sort_key(x[i]), i};
  boost::sort::spreadsort::integer_sort(
      keyed.begin(), keyed.end(), [](const auto& k, unsigned offset) { return k.first >> offset; },
      [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < x.size(); ++i) order[i] = keyed[i].second;
  return order;
}

}  // namespace

double gini(std::vector<double> v) {
  if (v.empty()) return std::nan("");
  sort_values(v);
  const double total = std::accumulate(v.begin(), v.end(), 0.0);
  if (total <= 0) return std::nan("");
  // G = sum_i (2i - n - 1) x_(i) / (n sum x), i = 1..n over sorted values.
  double weighted = 0.0;
  const double n = static_cast<double>(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) weighted += (2.0 * static_cast<double>(i + 1) - n - 1.0) * v[i];
  return weighted / (n * total);
}

double herfindahl(const std::vector<double>& v) {
  const double total = std::accumulate(v.begin(), v.end(), 0.0);
  if (total <= 0) return std::nan("");
  double h = 0.0;
  for (const double x : v) h += (x / total) * (x / total);
  return h;
}

std::vector<double> ranks(const std::vector<double>& x) {
  // Ties share their average rank, so their order among themselves does not matter.
  const std::vector<std::size_t> order = order_of(x);
  std::vector<double> r(x.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && x[order[j + 1]] == x[order[i]]) ++j;
    const double average = (static_cast<double>(i) + static_cast<double>(j)) / 2.0 + 1.0;
    for (std::size_t k = i; k <= j; ++k) r[order[k]] = average;
    i = j + 1;
  }
  return r;
}

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size() || x.size() < 2) return std::nan("");
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size());
  const double my = std::accumulate(y.begin(), y.end(), 0.0) / static_cast<double>(y.size());
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : std::nan("");
}

double spearman(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size() || x.size() < 2) return std::nan("");
  return pearson(ranks(x), ranks(y));
}

namespace {

// The median of [first, first + n), reordering it: nth_element, then the largest of the lower
// half for an even count. Every median here is this one computation.
double median_in_place(double* first, std::size_t n) {
  if (n == 0) return std::nan("");
  const std::size_t mid = n / 2;
  std::nth_element(first, first + mid, first + n);
  const double upper = first[mid];
  if (n % 2) return upper;
  const double lower = *std::max_element(first, first + mid);
  return (lower + upper) / 2.0;
}

// A working copy of a few values on the stack (a small team's medians are most of its scoring
// time when each copy is a heap allocation), of many in a vector.
class Scratch {
 public:
  explicit Scratch(std::size_t n) : data_(n <= small_.size() ? small_.data() : (big_.resize(n), big_.data())) {}
  double* data() { return data_; }

 private:
  std::array<double, 64> small_;
  std::vector<double> big_;
  double* data_;
};

}  // namespace

double median(std::vector<double> v) { return median_in_place(v.data(), v.size()); }

std::pair<double, double> median_and_mad(std::vector<double> v) {
  const double centre = median_in_place(v.data(), v.size());
  for (auto& x : v) x = std::abs(x - centre);
  return {centre, median_in_place(v.data(), v.size())};
}

double median_of(std::span<const double> v) {
  Scratch copy(v.size());
  std::copy(v.begin(), v.end(), copy.data());
  return median_in_place(copy.data(), v.size());
}

double median_absolute_deviation(std::span<const double> v, double centre) {
  Scratch d(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) d.data()[i] = std::abs(v[i] - centre);
  return median_in_place(d.data(), v.size());
}

double median_absolute_deviation(const std::vector<double>& v) { return median_absolute_deviation(v, median_of(v)); }

std::vector<GroupFigure> group_means(const std::string& kind, const std::vector<std::string>& labels,
                                     const std::vector<std::int32_t>& group_of, std::span<const double> values,
                                     const std::string& figure, std::uint32_t min_group_size) {
  std::vector<double> sum(labels.size(), 0.0);
  std::vector<std::size_t> size(labels.size(), 0), with_value(labels.size(), 0);
  for (std::size_t p = 0; p < group_of.size(); ++p) {
    if (group_of[p] < 0) continue;
    const auto g = static_cast<std::size_t>(group_of[p]);
    ++size[g];
    if (!std::isnan(values[p])) {
      sum[g] += values[p];
      ++with_value[g];
    }
  }
  std::vector<GroupFigure> out;
  for (std::size_t g = 0; g < labels.size(); ++g) {
    if (size[g] == 0) continue;
    const double mean = with_value[g] ? sum[g] / static_cast<double>(with_value[g]) : std::nan("");
    out.push_back(GroupFigure{kind, labels[g], figure, size[g], with_value[g], mean, {}});
  }
  withhold_small_groups(out, min_group_size);
  return out;
}

void withhold_small_groups(std::vector<GroupFigure>& out, std::uint32_t min_group_size) {
  std::vector<std::size_t> published;
  std::size_t withheld = 0, withheld_contributors = 0;
  const std::string too_few = "fewer than " + std::to_string(min_group_size) + " people";
  for (std::size_t k = 0; k < out.size(); ++k) {
    GroupFigure& f = out[k];
    if (f.size == 0) continue;  // about no one
    if (f.size < min_group_size) {
      f.withheld = too_few;
    } else if (f.contributors == 0) {
      f.withheld = "no data";
    } else if (f.contributors < min_group_size) {
      f.withheld = "fewer than " + std::to_string(min_group_size) + " people with a value";
    } else if (!std::isnan(f.value)) {
      published.push_back(k);
    }
    if (!f.withheld.empty()) f.value = std::nan("");
    if (!f.withheld.empty() && f.contributors > 0) ++withheld, withheld_contributors += f.contributors;
  }
  // Withheld groups with values, together fewer than two or under the minimum, could be
  // recovered from the published ones and the team's total: withhold the smallest published
  // groups (by contributors, then name) until they are not.
  if (withheld_contributors > 0) {
    std::sort(published.begin(), published.end(), [&](std::size_t a, std::size_t b) {
      return std::tie(out[a].contributors, out[a].group) < std::tie(out[b].contributors, out[b].group);
    });
    for (const auto k : published) {
      if (withheld >= 2 && withheld_contributors >= min_group_size) break;
      out[k].value = std::nan("");
      out[k].withheld = "withheld with a smaller group so that it cannot be recovered from the others";
      ++withheld, withheld_contributors += out[k].contributors;
    }
  }
}

}  // namespace teamgraph

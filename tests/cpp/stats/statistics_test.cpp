#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "teamgraph/stats.hpp"

namespace teamgraph {
namespace {

TEST(Statistics, HandChecked) {
  EXPECT_DOUBLE_EQ(gini({1, 2, 3, 4}), 0.25);
  EXPECT_DOUBLE_EQ(gini({0, 100, 200, 300, 400}), 0.4);
  EXPECT_TRUE(std::isnan(gini({0, 0})));
  EXPECT_DOUBLE_EQ(herfindahl({1, 1, 2}), 0.375);
  EXPECT_DOUBLE_EQ(spearman({1, 2, 3}, {3, 2, 1}), -1.0);
  EXPECT_NEAR(spearman({1, 1, 2}, {1, 2, 3}), 1.5 / std::sqrt(3.0), 1e-12);
  EXPECT_EQ(ranks({10, 30, 10, 20}), (std::vector<double>{1.5, 4, 1.5, 3}));
  EXPECT_DOUBLE_EQ(median({3, 1, 2, 4}), 2.5);
  EXPECT_DOUBLE_EQ(median_absolute_deviation({1, 2, 3, 4, 100}), 1.0);
  // Both at once, in the values' own room: the same numbers.
  EXPECT_EQ(median_and_mad({1, 2, 3, 4, 100}), std::make_pair(3.0, 1.0));
  EXPECT_EQ(median_and_mad({3, 1, 2, 4}), std::make_pair(2.5, 1.0));
  EXPECT_TRUE(std::isnan(median_and_mad({}).first));
}

// Many values take gini's and ranks' radix sort (a few take std::sort): the same figures as
// sorting them by comparison, with ties, negative values, zeros of both signs and a NaN.
TEST(Statistics, ManyValuesGiveTheFiguresOfAComparisonSort) {
  std::mt19937 random(3);
  std::vector<double> values(50000);
  for (auto& v : values) v = static_cast<double>(static_cast<int>(random() % 2001) - 1000) / 8.0;  // many ties
  values[7] = -0.0, values[8] = 0.0, values[9] = 1e300, values[10] = -1e-300;
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  std::vector<double> expected(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {  // average rank: (first + last position) / 2 + 1
    const auto first = std::lower_bound(sorted.begin(), sorted.end(), values[i]) - sorted.begin();
    const auto last = std::upper_bound(sorted.begin(), sorted.end(), values[i]) - sorted.begin() - 1;
    expected[i] = static_cast<double>(first + last) / 2.0 + 1.0;
  }
  EXPECT_EQ(ranks(values), expected);
  std::vector<double> positive = values;
  for (auto& v : positive) v = std::abs(v);
  std::vector<double> by_comparison = positive;
  std::sort(by_comparison.begin(), by_comparison.end());
  double total = 0, weighted = 0;
  const double n = static_cast<double>(positive.size());
  for (const double v : by_comparison) total += v;
  for (std::size_t i = 0; i < by_comparison.size(); ++i)
    weighted += (2.0 * static_cast<double>(i + 1) - n - 1.0) * by_comparison[i];
  EXPECT_EQ(gini(positive), weighted / (n * total));
  positive[3] = std::nan("");  // NaN: sorted by comparison, as before
  EXPECT_NO_THROW(gini(positive));
}

TEST(Statistics, GroupMeansWithholdSmallGroupsAndWhatSubtractionWouldReveal) {
  // Groups of 6, 5 and 2 people: the group of 2 is withheld, and so is the group of 5, or it
  // could be recovered from the total and the group of 6.
  std::vector<std::int32_t> group_of;
  std::vector<double> values(13);
  for (int i = 0; i < 13; ++i) {
    group_of.push_back(i < 6 ? 0 : (i < 11 ? 1 : 2));
    values[i] = i;
  }
  const auto groups = group_means("department", {"a", "b", "c"}, group_of, values, "x", 5);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_DOUBLE_EQ(groups[0].value, 2.5);
  EXPECT_TRUE(std::isnan(groups[1].value));
  EXPECT_NE(groups[1].withheld.find("cannot be recovered"), std::string::npos);
  EXPECT_EQ(groups[2].withheld, "fewer than 5 people");
}

TEST(Statistics, GroupMeansCountContributorsNotMembers) {
  // A unit of 6 with 2 values is withheld (its mean would be over 2 people); then the smallest
  // published group goes with it.
  std::vector<std::int32_t> group_of{0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2};
  std::vector<double> values(17, 1.0);
  for (int i = 2; i < 6; ++i) values[i] = std::nan("");
  const auto groups = group_means("unit", {"a", "b", "c"}, group_of, values, "x", 5);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].size, 6u);
  EXPECT_EQ(groups[0].contributors, 2u);
  EXPECT_EQ(groups[0].withheld, "fewer than 5 people with a value");
  EXPECT_TRUE(std::isnan(groups[1].value));  // b (5) is smaller than c (6)
  EXPECT_DOUBLE_EQ(groups[2].value, 1.0);
}

TEST(Statistics, TwoWithheldGroupsTooSmallTogetherTakeAThird) {
  // Legal 2 and hr 1 are withheld; together 3 < 5, so their sum could be recovered from the
  // total: the smallest published group (ops, 5) is withheld too, and sales (8) stays.
  std::vector<std::int32_t> group_of;
  for (int i = 0; i < 2; ++i) group_of.push_back(0);
  group_of.push_back(1);
  for (int i = 0; i < 5; ++i) group_of.push_back(2);
  for (int i = 0; i < 8; ++i) group_of.push_back(3);
  std::vector<double> values(group_of.size());
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = 1.0 + static_cast<double>(i);  // 1..16
  const auto groups = group_means("department", {"legal", "hr", "ops", "sales"}, group_of, values, "x", 5);
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_TRUE(std::isnan(groups[0].value) && std::isnan(groups[1].value) && std::isnan(groups[2].value));
  EXPECT_NE(groups[2].withheld.find("cannot be recovered"), std::string::npos);
  EXPECT_DOUBLE_EQ(groups[3].value, 12.5);
  // Withheld together they hold at least the minimum.
  std::size_t withheld = 0;
  for (const auto& g : groups)
    if (std::isnan(g.value)) withheld += g.contributors;
  EXPECT_GE(withheld, 5u);
}

}  // namespace
}  // namespace teamgraph
